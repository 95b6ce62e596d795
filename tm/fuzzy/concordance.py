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
from tm.fuzzy.score import tokens
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
    with its translation and the spans of the hits."""
    if not text.strip():
        return []
    query_lang = langs.canonical(lang or query_language(text))
    primary = langs.primary(query_lang)
    ids: set[int] = set()
    for form in {text.strip(), to_simplified(text.strip()), to_traditional(text.strip())}:
        ids.update(unit_id for unit_id, _plain in store.concordance(form, primary, SCAN_LIMIT))
    hits: list[tuple[tuple[int, int], ConcordanceHit]] = []
    for stored in store.units(ids=ids):
        unit = stored.unit
        source = next((v for v in unit.variants if langs.primary(v.lang) == primary), None)
        if source is None:
            continue
        spans = phrase_spans(text, source.text)
        target = next((v for v in unit.variants if langs.primary(v.lang) != primary), None)
        if not spans or target is None:
            continue
        hit = ConcordanceHit(source.text, target.text, stored.id, spans, source.lang, target.lang)
        hits.append(((len(source.text), stored.id), hit))
    hits.sort(key=lambda pair: pair[0])
    return [hit for _key, hit in hits[:limit]]
