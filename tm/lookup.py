"""What a translator asks: the approved terms in this text, and what the memory has for it.

Terms are found in both directions by the matcher checks use too (tm.glossary.matcher: width,
case, hyphen/space, Simplified/Traditional, singular/plural), oriented from the query's
language to the other. Fuzzy matches and concordance follow (tm.fuzzy).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tm import lang as langs
from tm.fuzzy.concordance import ConcordanceHit, concordances
from tm.fuzzy.match import Match, fuzzy_matches
from tm.glossary.matcher import TermMatcher, index_keys
from tm.memory.protocol import Memory

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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LookupResult:
        """The result from its JSON (a team server's answer: `tm --memory https://… lookup`)."""
        return cls(
            data["query"],
            data["query_lang"],
            [TermHit(**{**t, "notes": tuple(t.get("notes", ()))}) for t in data["terms"]],
            [Match(**m) for m in data["matches"]],
            [ConcordanceHit(**c) for c in data.get("concordance", [])],
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "query_lang": self.query_lang,
            "terms": [dict(vars(t)) for t in self.terms],  # asdict's keys, 20x faster (flat)
            "matches": [m.as_dict() for m in self.matches],
            "concordance": [hit.as_dict() for hit in self.concordance],
        }


def query_language(text: str) -> str:
    """en, zh-Hans or zh-Hant: the query's language, decided as every input's is
    (`tm.text.language.detect`)."""
    from tm.text.language import detect

    return detect(text)


def term_keys(text: str) -> set[str]:
    """Folded forms a stored term found in `text` could have, for the memory's index (see
    `tm.glossary.matcher.index_keys`)."""
    return index_keys(text)


def lookup(
    store: Memory,
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
    # The index narrows the memory to the terms the text may hold; the matcher decides.
    candidates = [stored.unit for stored in store.units(ids=store.term_ids_among(term_keys(text)))]
    query_primary = langs.primary(query_lang)
    matcher = TermMatcher(
        (v.text, (n, k))
        for n, unit in enumerate(candidates)
        for k, v in enumerate(unit.variants)
        if langs.primary(v.lang) == query_primary
    )
    found = {hit for _s, _e, hits in matcher.find(text, nested=True) for hit in hits}
    for n, unit in enumerate(candidates):
        sources = [v for k, v in enumerate(unit.variants) if (n, k) in found]
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
    terms = [hit.source for hit in result.terms if hit.status != "forbidden"]
    result.concordance = concordances(store, [text, *terms], lang=query_lang, limit=limit)
    return result
