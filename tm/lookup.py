"""What a translator asks: the approved terms in this text, and what the memory has for it.

Terms are found in both directions on folded text (width, case, hyphen/space), oriented from
the query's language to the other. Concordance and fuzzy matches follow.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from tm import lang as langs
from tm.memory.normalize import fold
from tm.memory.store import Store
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


@dataclass(frozen=True)
class SegmentHit:
    source: str
    target: str
    source_lang: str
    target_lang: str
    score: float
    origin: str | None = None


@dataclass
class LookupResult:
    query: str
    query_lang: str
    terms: list[TermHit] = field(default_factory=list)
    matches: list[SegmentHit] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "query_lang": self.query_lang,
            "terms": [asdict(t) for t in self.terms],
            "matches": [asdict(m) for m in self.matches],
        }


def query_language(text: str) -> str:
    """en, zh-Hans or zh-Hant: the query's language, decided as every input's is
    (`tm.text.language.detect`)."""
    from tm.text.language import detect

    return detect(text)


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
    min_score: float = 60.0,
) -> LookupResult:
    """Terms found in `text` (both directions), then segments containing it or like it.

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
    seen: set[tuple[str, str]] = set()
    exact = [(unit_id, 100.0) for unit_id, _plain in store.concordance(text, query_lang, limit)]
    # Then the segments holding each term found (a sentence as query rarely recurs whole).
    for term in dict.fromkeys(hit.source for hit in result.terms if hit.status != "forbidden"):
        if len(exact) >= limit:
            break
        known = {unit_id for unit_id, _score in exact}
        exact += [
            (unit_id, 100.0)
            for unit_id, _plain in store.concordance(term, query_lang, limit)
            if unit_id not in known
        ]
    fuzzy_hits = similar(store, text, query_lang, limit, min_score) if fuzzy else []
    ranked = exact + fuzzy_hits
    units = {stored.id: stored.unit for stored in store.units(ids={i for i, _ in ranked})}
    for unit_id, score in ranked:
        result.matches.extend(_segment_hits(units[unit_id], query_lang, score, seen))
    result.matches = result.matches[:limit]
    return result


def similar(
    store: Store, text: str, lang: str, limit: int, min_score: float
) -> list[tuple[int, float]]:
    """Segments most like `text` by normalised edit similarity (rapidfuzz, in C)."""
    from rapidfuzz import fuzz, process

    rows = store.segment_texts(lang)
    hits = process.extract(
        text, [r[1] for r in rows], scorer=fuzz.ratio, limit=limit, score_cutoff=min_score
    )
    return [(rows[index][0], score) for _choice, score, index in hits]


def _segment_hits(unit, query_lang: str, score: float, seen: set[tuple[str, str]]):  # type: ignore[no-untyped-def]
    source = next((v for v in unit.variants if langs.matches(query_lang, v.lang)), None)
    if source is None:
        return
    for target in unit.variants:
        if target is source or langs.matches(query_lang, target.lang):
            continue
        pair = (source.text, target.text)
        if pair in seen:
            continue
        seen.add(pair)
        yield SegmentHit(
            source.text, target.text, source.lang, target.lang, round(score, 1), unit.origin
        )
