"""Concordance: every segment that contains a word or phrase, with where it occurs.

A hit is a run of whole tokens (tm.fuzzy.score): "ask" is found in "Ask them" but not in
"masks"; in Chinese every character is a token, so a word is found inside a sentence (a CJK
run is not one token). Comparison is on folded tokens (case, width, Traditional/Simplified).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from tm import lang as langs
from tm.fuzzy.match import query_language
from tm.fuzzy.score import index_tokens, tokens
from tm.text.variants import to_simplified, to_traditional

#: Stored texts read per surface form of the query, before whole-token checks.
SCAN_LIMIT = 2000


@dataclass(frozen=True)
class ConcordanceHit:
    source: str
    target: str
    unit: int
    spans: list[list[int]] = field(default_factory=list)
    source_lang: str = ""
    target_lang: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape (`tm lookup --json`): the fields, in order."""
        return asdict(self)


def phrase_spans(phrase: str, text: str) -> list[list[int]]:
    """Character spans in `text` where the tokens of `phrase` occur as a run of whole tokens."""
    want = tokens(phrase).folded
    have = tokens(text)
    if not want:
        return []
    spans: list[list[int]] = []
    size = len(want)
    for i in range(len(have.folded) - size + 1):
        if have.folded[i : i + size] == want:
            spans.append([have.spans[i][0], have.spans[i + size - 1][1]])
    return spans


def concordance(
    store: Any, text: str, *, lang: str | None = None, limit: int = 10
) -> list[ConcordanceHit]:
    """Segments containing `text` as whole tokens, shortest first (then by unit id), each
    with its translation and the spans of the hits.

    A phrase of two tokens or more (two Chinese characters, two English words) is found
    through the fuzzy index: the units holding all its bigrams, shortest first, checked on
    their text. A one-token query is scanned for with LIKE (the index keeps no single tokens),
    which stops at `SCAN_LIMIT` texts."""
    if not text.strip():
        return []
    query_lang = langs.canonical(lang or query_language(text))
    primary = langs.primary(query_lang)
    candidates = _indexed(store, text.strip(), primary)
    shortest_first = candidates is not None
    if candidates is None:
        # The scan returns each text: those holding the token whole, shortest first.
        found: dict[int, int] = {}
        for form in {text.strip(), to_simplified(text.strip()), to_traditional(text.strip())}:
            for unit_id, plain in store.concordance(form, primary, SCAN_LIMIT):
                if phrase_spans(text, plain):
                    found[unit_id] = len(plain)
        candidates = sorted(found, key=lambda unit_id: (found[unit_id], unit_id))
        shortest_first = True
    hits: list[tuple[tuple[int, int], ConcordanceHit]] = []
    for start in range(0, len(candidates), CHECK_BATCH):
        for stored in store.units(ids=candidates[start : start + CHECK_BATCH]):
            hit = _hit(stored.id, stored.unit, text, primary)
            if hit is not None:
                hits.append(((len(hit.source), stored.id), hit))
        if shortest_first and len(hits) >= limit:
            break  # indexed candidates come shortest first: enough are found
    hits.sort(key=lambda pair: pair[0])
    return [hit for _key, hit in hits[:limit]]


#: Candidates checked at a time; an indexed search stops after the batch that fills the page.
CHECK_BATCH = 200


def _indexed(store: Any, text: str, primary: str) -> list[int] | None:
    """Candidate units from the fuzzy index, shortest first; None when the index cannot say
    (a one-token query, a memory without the index)."""
    from tm.fuzzy.index import namespace, phrase_gram_ids

    if not hasattr(store, "fuzzy_containing"):
        return None
    folded = index_tokens(text)
    if len(folded) < 2:
        return None
    store.ensure_fuzzy_index()
    grams = phrase_gram_ids(namespace(primary, "segment"), folded)
    counts = store.fuzzy_gram_counts(grams)
    if len(counts) < len(grams):
        return []  # a bigram no stored text holds: nothing contains the phrase
    rarest = sorted(grams, key=lambda gram: (counts[gram], gram))[:4]
    return list(store.fuzzy_containing(rarest, SCAN_LIMIT))


def _hit(unit_id: int, unit: Any, text: str, primary: str) -> ConcordanceHit | None:
    source = next((v for v in unit.variants if langs.primary(v.lang) == primary), None)
    if source is None:
        return None
    spans = phrase_spans(text, source.text)
    target = next((v for v in unit.variants if langs.primary(v.lang) != primary), None)
    if not spans or target is None:
        return None
    return ConcordanceHit(source.text, target.text, unit_id, spans, source.lang, target.lang)
