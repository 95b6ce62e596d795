"""Captions: cues of two caption files paired by time, and each cue checked for reading speed,
duration and line length (thresholds in data/thresholds.json, after the Netflix Timed Text
Style Guides for Simplified Chinese and English)."""

from __future__ import annotations

from collections.abc import Iterator

from tm import lang as langs
from tm.checks.core import CheckPair, Context
from tm.model import Block, Finding


def pair_cues(source: list[Block], target: list[Block]) -> list[tuple[Block, Block | None]]:
    """Each source cue with the target cue it overlaps most in time (None if none does)."""
    pairs: list[tuple[Block, Block | None]] = []
    j = 0
    for cue in source:
        best, best_overlap = None, 0
        while j < len(target) and (target[j].end_ms or 0) <= (cue.start_ms or 0):
            j += 1
        k = j
        while k < len(target) and (target[k].start_ms or 0) < (cue.end_ms or 0):
            overlap = min(cue.end_ms or 0, target[k].end_ms or 0) - max(
                cue.start_ms or 0, target[k].start_ms or 0
            )
            if overlap > best_overlap:
                best, best_overlap = target[k], overlap
            k += 1
        pairs.append((cue, best))
    return pairs


def check_cue(block: Block, lang: str, pair: CheckPair, context: Context) -> Iterator[Finding]:
    config = context.config
    if block.start_ms is None or block.end_ms is None:
        return
    duration = block.end_ms - block.start_ms
    chinese = langs.is_chinese(lang)
    chars = len("".join(block.text.split()))
    cps_limit = config.threshold("caption_zh_cps" if chinese else "caption_en_cps")
    if duration < config.threshold("caption_min_ms"):
        yield config.finding(
            "caption-timing", f"cue {block.location.cue} is shown for only {duration} ms", pair
        )
    elif chars / (duration / 1000) > cps_limit:
        yield config.finding(
            "caption-timing",
            f"cue {block.location.cue}: {chars / (duration / 1000):.1f} characters per second "
            f"(at most {cps_limit:g} for {'Chinese' if chinese else 'English'})",
            pair,
        )
    line_limit = config.threshold("caption_zh_line" if chinese else "caption_en_line")
    for line in block.lines or (block.text,):
        if len(line) > line_limit:
            yield config.finding(
                "caption-length",
                f"cue {block.location.cue}: a line of {len(line)} characters "
                f"(at most {line_limit:g})",
                pair,
            )
            break
