"""What a translator asks: the approved terms in this text, and what the memory has for it.

Terms are found in both directions on folded text (width, case, hyphen/space), oriented from
the query's language to the other. Fuzzy matches and concordance follow (tm.fuzzy).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from tm import lang as langs
from tm.fuzzy.concordance import ConcordanceHit, concordance
from tm.fuzzy.match import Match, fuzzy_matches
from tm.memory.normalize import fold
from tm.memory.store import Store
from tm.script import has_han
from tm.text.variants import plural_forms, to_simplified, to_traditional

#: Order in which term entries are shown: what to use first, what to avoid last but marked.
STATUS_ORDER = {
    "approved": 0,
    "admitted": 1,
    None: 2,
    "obsolete": 3,
    "forbidden": 4,
    "candidate": 5,
}


@dataclass(frozen=True)
class TermHit:
    source: str
    target: str
    source_lang: str
    target_lang: str
    status: str | None
    notes: tuple[str, ...] = ()


@dataclass
class LookupResult:
    query: str
    query_lang: str
    terms: list[TermHit] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    concordance: list[ConcordanceHit] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "query_lang": self.query_lang,
            "terms": [asdict(t) for t in self.terms],
            "matches": [m.as_dict() for m in self.matches],
            "concordance": [hit.as_dict() for hit in self.concordance],
        }


def query_language(text: str, zh: str = "zh-Hans", other: str = "en") -> str:
    """Chinese when the query holds Han characters (zh-Hant when it is written in
    Traditional characters), else the other language."""
    if not has_han(text):
        return other
    return "zh-Hant" if to_simplified(text) != text else zh


#: Longest term looked for, in units (a Han character or a Latin word each).
MAX_TERM_UNITS = 16
_UNITS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+", re.UNICODE)


def term_keys(text: str) -> set[str]:
    """Every folded form a stored term found in `text` could have: each run of up to
    MAX_TERM_UNITS characters or words, in simplified and traditional characters, with its
    last word singular or plural. Looked up by index, this finds the terms of a text in a
    memory of any size without scanning it."""
    keys: set[str] = set()
    folded = fold(text)
    for variant in {folded, to_simplified(folded), to_traditional(folded)}:
        units = [(m.start(), m.end()) for m in _UNITS.finditer(variant)]
        for i, (start, _end) in enumerate(units):
            for j in range(i, min(i + MAX_TERM_UNITS, len(units))):
                piece = variant[start : units[j][1]]
                last = variant[units[j][0] : units[j][1]]
                stem = piece[: len(piece) - len(last)]
                keys.update(stem + form for form in plural_forms(last))
    return keys


def lookup(
    store: Store,
    text: str,
    *,
    lang: str | None = None,
    fuzzy: bool = False,
    limit: int = 10,
    min_score: float = 75.0,
    progress: Callable[[int, int], None] | None = None,
) -> LookupResult:
    """Terms found in `text` (both directions), then fuzzy matches (with `fuzzy`, at least
    `min_score` %; else exact copies only) and the segments containing it (concordance).

    Entries are oriented from the query's language to another language: a Chinese query
    never gets a Chinese (other script) "translation", whatever the unit holds.
    """
    query_lang = lang or query_language(text)
    result = LookupResult(text, langs.canonical(query_lang))
    keys = term_keys(text)
    unit_ids = store.term_ids_among(keys)
    query_primary = langs.primary(query_lang)
    for unit in (stored.unit for stored in store.units(ids=unit_ids)):
        sources = [
            v
            for v in unit.variants
            if langs.primary(v.lang) == query_primary and fold(v.text) in keys
        ]
        targets = [v for v in unit.variants if langs.primary(v.lang) != query_primary]
        for source in sources:
            for target in targets:
                result.terms.append(
                    TermHit(
                        source.text,
                        target.text,
                        source.lang,
                        target.lang,
                        unit.status,
                        tuple(n.text for n in unit.notes),
                    )
                )
    result.terms.sort(key=lambda t: (STATUS_ORDER.get(t.status, 2), -len(t.source), t.source))
    # Fuzzy matches by the one score (an exact copy first); without --fuzzy, exact copies only.
    result.matches = fuzzy_matches(
        store, text, min_score if fuzzy else 99, limit, lang=query_lang, progress=progress
    )
    # Concordance: the segments holding the query, then those holding each term found.
    result.concordance = concordance(store, text, lang=query_lang, limit=limit)
    for term in dict.fromkeys(hit.source for hit in result.terms if hit.status != "forbidden"):
        if len(result.concordance) >= limit:
            break
        known = {hit.unit for hit in result.concordance}
        result.concordance += [
            hit
            for hit in concordance(store, term, lang=query_lang, limit=limit)
            if hit.unit not in known
        ][: limit - len(result.concordance)]
    return result
