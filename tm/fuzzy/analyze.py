"""Leverage analysis: how much of a release the memory already holds, as CAT tools report it.

Each segment of each document (read by tm.readers, split by tm.segment) falls in one band:
`repetition` (the same text, up to folding, earlier in this run: translated once, reused),
`100`, `95-99`, `85-94`, `75-84`, `50-74` (its best fuzzy match's score, tm.fuzzy.score), or
`no-match`. Each band counts segments, words (runs of letters or digits: English) and
characters (Han characters: Chinese), per file and in total.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tm.fuzzy.match import Match, fuzzy_matches
from tm.fuzzy.score import key, tokens
from tm.text.script import is_han

BANDS = ("repetition", "100", "95-99", "85-94", "75-84", "50-74", "no-match")
#: Lowest score of each scored band, highest first.
_FLOORS = ((100, "100"), (95, "95-99"), (85, "85-94"), (75, "75-84"), (50, "50-74"))
Progress = Callable[[int, int], None]


def band(score: int | None) -> str:
    for floor, name in _FLOORS:
        if score is not None and score >= floor:
            return name
    return "no-match"


def size(text: str) -> tuple[int, int]:
    """(words, characters): runs of letters or digits, and Han characters."""
    words = chars = 0
    for token in tokens(text).folded:
        if len(token) == 1 and is_han(token):
            chars += 1
        elif token[0].isalnum():
            words += 1
    return words, chars


@dataclass(frozen=True)
class DocumentSegment:
    file: str
    text: str
    lang: str
    line: int | None
    cue: int | None


def document_segments(path: str) -> list[DocumentSegment]:
    """The segments of a document or caption file, through the readers and the segmenter.
    Raises `InputError` for a file that cannot be read."""
    from tm.readers import read_document
    from tm.segment import blocks_language, segment_blocks

    document = read_document(path)
    lang = blocks_language(document.blocks)
    return [
        DocumentSegment(path, s.text, lang, s.location.line, s.location.cue)
        for s in segment_blocks(document.blocks, lang)
        if s.text.strip()
    ]


def _empty() -> dict[str, dict[str, int]]:
    return {name: {"segments": 0, "words": 0, "characters": 0} for name in BANDS}


def _shaped(counts: dict[str, dict[str, int]]) -> dict[str, Any]:
    return {
        "segments": sum(c["segments"] for c in counts.values()),
        "words": sum(c["words"] for c in counts.values()),
        "characters": sum(c["characters"] for c in counts.values()),
        "bands": [{"band": name, **counts[name]} for name in BANDS],
    }


def best_matches(
    memory: Any,
    segments: Sequence[DocumentSegment],
    min_score: float,
    progress: Progress | None = None,
    index_progress: Progress | None = None,
) -> list[Match | None]:
    """Each segment's best match at or above `min_score` (None where there is none); a text
    repeated in the documents is looked up once. An old memory is indexed first."""
    memory.ensure_fuzzy_index(index_progress)
    found: dict[tuple[str, str], Match | None] = {}
    out: list[Match | None] = []
    for done, segment in enumerate(segments, start=1):
        cache_key = (segment.lang[:2], segment.text)
        if cache_key not in found:
            matches = fuzzy_matches(memory, segment.text, min_score, 1, lang=segment.lang)
            found[cache_key] = matches[0] if matches else None
        out.append(found[cache_key])
        if progress is not None and (done % 50 == 0 or done == len(segments)):
            progress(done, len(segments))
    return out


def analyze(
    memory: Any,
    paths: Sequence[str],
    progress: Progress | None = None,
    index_progress: Progress | None = None,
) -> dict[str, Any]:
    """The leverage report of `paths` against `memory` (shape: DESIGN.md, `tm analyze --json`).
    Raises `InputError` for an unreadable document."""
    per_file = [(path, document_segments(path)) for path in paths]
    everything = [segment for _path, segments in per_file for segment in segments]
    matches = best_matches(memory, everything, 50, progress, index_progress)
    seen: set[tuple[str, str]] = set()
    total = _empty()
    files = []
    at = 0
    for path, segments in per_file:
        counts = _empty()
        for segment in segments:
            match = matches[at]
            at += 1
            folded = (segment.lang[:2], key(segment.text))
            name = "repetition" if folded in seen else band(match.score if match else None)
            seen.add(folded)
            words, chars = size(segment.text)
            for table in (counts, total):
                table[name]["segments"] += 1
                table[name]["words"] += words
                table[name]["characters"] += chars
        files.append({"file": path, **_shaped(counts)})
    return {"files": files, "total": _shaped(total)}
