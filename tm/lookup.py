"""What a translator asks: the approved terms in this text, and what the memory has for it.

Terms are found in both directions on folded text (width, case, hyphen/space), oriented from
the query's language to the other. Concordance and fuzzy matches follow.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from tm import lang as langs
from tm.memory.normalize import fold
from tm.memory.store import Store
from tm.script import has_han

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


def occurs(term: str, text: str) -> bool:
    """`term` inside `text`; a term that starts or ends with a letter or digit must not run
    on into a neighbouring one (so `cpid` is not found in `cpidx`). Han needs no boundary."""
    if not term:
        return False
    start = text.find(term)
    while start >= 0:
        end = start + len(term)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (_runs_on(before, term[0]) or _runs_on(term[-1], after)):
            return True
        start = text.find(term, start + 1)
    return False


def _runs_on(left: str, right: str) -> bool:
    return left.isalnum() and right.isalnum() and not (has_han(left) or has_han(right))


def query_language(text: str, zh: str = "zh-Hans", other: str = "en") -> str:
    """Chinese when the query holds Han characters, else the other language."""
    return zh if has_han(text) else other


def lookup(
    store: Store,
    text: str,
    *,
    lang: str | None = None,
    fuzzy: bool = False,
    limit: int = 10,
    min_score: float = 60.0,
) -> LookupResult:
    """Terms found in `text` (both directions), then segments containing it or like it."""
    query_lang = lang or query_language(text)
    result = LookupResult(text, langs.canonical(query_lang))
    folded = fold(text)
    unit_ids = sorted({row[0] for row in store.term_rows(folded)})
    for unit in (stored.unit for stored in store.units(ids=unit_ids)):
        sources = [
            v
            for v in unit.variants
            if langs.matches(query_lang, v.lang) and occurs(fold(v.text), folded)
        ]
        targets = [v for v in unit.variants if not langs.matches(query_lang, v.lang)]
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
