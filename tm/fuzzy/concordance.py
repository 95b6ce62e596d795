"""Concordance: every segment that contains a word or phrase, with where it occurs.

A hit is a run of whole tokens (tm.fuzzy.score): "ask" is found in "Ask them" but not in
"masks"; in Chinese every character is a token, so a word is found inside a sentence (a CJK
run is not one token). Comparison is on folded tokens (case, width, Traditional/Simplified).
"""

from __future__ import annotations

from collections.abc import Iterable
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
    return concordances(store, [text], lang=lang or query_language(text), limit=limit)


def concordances(
    store: Any, phrases: list[str], *, lang: str, limit: int = 10, exclude: Iterable[int] = ()
) -> list[ConcordanceHit]:
    """`concordance` of several phrases (a lookup's terms), in their order: each phrase's hits
    not listed before (nor in `exclude`), until `limit` hits in all. The memory is asked a
    few questions for all of them, not a few for each: phrases that a missing bigram rules
    out cost nothing more, and the one-token phrases are scanned for together."""
    primary = langs.primary(langs.canonical(lang))
    wanted = [p.strip() for p in dict.fromkeys(phrases) if p.strip()]
    if not wanted or limit <= 0:
        return []
    grams_of = _phrase_grams(store, wanted, primary)
    multi = {p: grams for p, grams in grams_of.items() if grams is not None}
    held = (
        store.fuzzy_gram_counts(sorted({g for gs in multi.values() for g in gs})) if multi else {}
    )
    scanned = _scan(store, [p for p in wanted if grams_of[p] is None], primary)
    hits: list[ConcordanceHit] = []
    seen = set(exclude)
    for phrase in wanted:
        if len(hits) >= limit:
            break
        grams = multi.get(phrase)
        if grams is None:  # one token: the scanned texts holding it whole, shortest first
            found = {i: len(plain) for i, plain in scanned if phrase_spans(phrase, plain)}
            candidates = sorted(found, key=lambda unit_id: (found[unit_id], unit_id))
        elif any(gram not in held for gram in grams):
            continue  # a bigram no stored segment holds: nothing contains the phrase
        else:
            rarest = sorted(grams, key=lambda gram: (held[gram], gram))[:4]
            candidates = list(store.fuzzy_containing(rarest, SCAN_LIMIT))
        want = limit - len(hits)
        found_hits = _hits(store, phrase, [i for i in candidates if i not in seen], primary, want)
        hits += found_hits
        seen.update(hit.unit for hit in found_hits)
    return hits


#: Candidates checked at a time; a search stops after the batch that fills the page.
CHECK_BATCH = 200


def _phrase_grams(store: Any, phrases: list[str], primary: str) -> dict[str, list[int] | None]:
    """Each phrase's bigrams, which every segment holding it holds; None for a phrase of one
    token, which the index cannot find."""
    from tm.fuzzy.index import namespace, phrase_gram_ids

    tokens_of = {phrase: index_tokens(phrase) for phrase in phrases}
    if any(len(tokens) >= 2 for tokens in tokens_of.values()):
        store.ensure_fuzzy_index()
    ns = namespace(primary, "segment")
    return {
        phrase: phrase_gram_ids(ns, tokens) if len(tokens) >= 2 else None
        for phrase, tokens in tokens_of.items()
    }


def _scan(store: Any, phrases: list[str], primary: str) -> list[tuple[int, str]]:
    """(unit, text) of the segments containing any of `phrases` in any script, by LIKE."""
    if not phrases:
        return []
    forms = sorted({f for p in phrases for f in (p, to_simplified(p), to_traditional(p))})
    if len(forms) == 1:
        return [row for form in forms for row in store.concordance(form, primary, SCAN_LIMIT)]
    return list(store.concordance_any(forms, primary, min(SCAN_LIMIT * len(phrases), 20_000)))


def _hits(
    store: Any, phrase: str, candidates: list[int], primary: str, want: int
) -> list[ConcordanceHit]:
    """The `want` shortest hits among candidates that come shortest first, checked a batch
    at a time."""
    hits: list[tuple[tuple[int, int], ConcordanceHit]] = []
    for start in range(0, len(candidates), CHECK_BATCH):
        for stored in store.units(ids=candidates[start : start + CHECK_BATCH]):
            hit = _hit(stored.id, stored.unit, phrase, primary)
            if hit is not None:
                hits.append(((len(hit.source), stored.id), hit))
        if len(hits) >= want:
            break  # candidates come shortest first: enough are found
    hits.sort(key=lambda pair: pair[0])
    return [hit for _key, hit in hits[:want]]


def _hit(unit_id: int, unit: Any, text: str, primary: str) -> ConcordanceHit | None:
    source = next((v for v in unit.variants if langs.primary(v.lang) == primary), None)
    if source is None:
        return None
    spans = phrase_spans(text, source.text)
    target = next((v for v in unit.variants if langs.primary(v.lang) != primary), None)
    if not spans or target is None:
        return None
    return ConcordanceHit(source.text, target.text, unit_id, spans, source.lang, target.lang)
