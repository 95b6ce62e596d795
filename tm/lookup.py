"""What a translator asks: the approved terms in this text, and what the memory has for it.

Terms are found in both directions by the matcher checks use too (tm.glossary.matcher: width,
case, hyphen/space, Simplified/Traditional, singular/plural), oriented from the query's
language to the other. Concordance and fuzzy matches follow.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from tm import lang as langs
from tm.glossary.matcher import TermMatcher, index_keys
from tm.memory.store import Store

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


def term_keys(text: str) -> set[str]:
    """Folded forms a stored term found in `text` could have, for the memory's index (see
    `tm.glossary.matcher.index_keys`)."""
    return index_keys(text)


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
