"""Caption QA: one track's cues against its style profile. Each problem names the cue (its
number and time) and the check id it belongs to (tm/checks/data/checks.json)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tm.captions.profiles import Profile
from tm.captions.sentences import timecode
from tm.model import Block
from tm.text.script import HAN_RANGES

_HAN = "".join(f"{a}-{b}" for a, b in HAN_RANGES)


@dataclass(frozen=True)
class Problem:
    check: str
    cue: int  # index into the track
    message: str


def cue_label(cue: Block, index: int) -> str:
    """'cue 3 (00:00:06.500 --> 00:00:09.000)': how findings name a cue."""
    number = cue.location.cue or index + 1
    if cue.start_ms is None or cue.end_ms is None:
        return f"cue {number}"
    return f"cue {number} ({timecode(cue.start_ms)} --> {timecode(cue.end_ms)})"


def _g(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def check_track(cues: Sequence[Block], profile: Profile) -> Iterator[Problem]:
    """Every rule of the profile over a track, cue by cue in file order: empty cues, lines per
    cue, characters per line, duration and reading speed, punctuation, then against the cue
    before: order, overlap and the gap."""
    previous: tuple[int, Block] | None = None
    for index, cue in enumerate(cues):
        label = cue_label(cue, index)
        if not cue.text.strip():
            yield Problem("caption-empty", index, f"{label}: no text")
        else:
            yield from _cue(cue, index, label, profile)
        if previous is not None:
            yield from _sequence(previous, (index, cue), label, profile)
        if previous is None or (cue.start_ms or 0) >= (previous[1].start_ms or 0):
            previous = (index, cue)


def _cue(cue: Block, index: int, label: str, profile: Profile) -> Iterator[Problem]:
    lines = cue.lines or (cue.text,)
    if profile.max_lines is not None and len(lines) > profile.max_lines:
        yield Problem(
            "caption-lines", index, f"{label}: {len(lines)} lines (at most {profile.max_lines})"
        )
    if profile.max_chars_per_line is not None:
        longest = max(lines, key=profile.length)
        length = profile.length(longest)
        if length > profile.max_chars_per_line:
            yield Problem(
                "caption-length",
                index,
                f"{label}: a line of {_g(length)} characters "
                f"(at most {_g(profile.max_chars_per_line)} in {profile.name})",
            )
    if cue.start_ms is not None and cue.end_ms is not None:
        duration = cue.end_ms - cue.start_ms
        speed, limit = profile.speed(cue.text, duration), profile.max_speed
        unit = "words per minute" if profile.speed_unit == "wpm" else "characters per second"
        if profile.min_duration_ms is not None and duration < profile.min_duration_ms:
            yield Problem(
                "caption-timing",
                index,
                f"{label}: shown for only {duration} ms (at least {profile.min_duration_ms} ms)",
            )
        elif profile.max_duration_ms is not None and duration > profile.max_duration_ms:
            yield Problem(
                "caption-timing",
                index,
                f"{label}: shown for {duration / 1000:g} s "
                f"(at most {profile.max_duration_ms / 1000:g} s)",
            )
        elif limit is not None and speed > limit:
            yield Problem(
                "caption-timing",
                index,
                f"{label}: {speed:.1f} {unit} (at most {_g(limit)} in {profile.name}, "
                f"{profile.audience})",
            )
    yield from _punctuation(lines, index, label, profile)


def _punctuation(
    lines: Sequence[str], index: int, label: str, profile: Profile
) -> Iterator[Problem]:
    rules = profile.punctuation
    text = "".join(lines)
    found = sorted({mark for mark in rules.not_inside if mark in text})
    if found:
        yield Problem(
            "caption-punctuation",
            index,
            f"{label}: {' '.join(found)} in a subtitle ({profile.name} writes a space instead "
            "and no mark at the end)",
        )
    for mark in rules.not_at_line_end:
        if any(line.rstrip().endswith(mark) for line in lines):
            yield Problem(
                "caption-punctuation", index, f"{label}: a line ends with {mark} ({profile.name})"
            )
    if rules.name_separator and rules.wrong_name_separators:
        wrong = re.escape("".join(rules.wrong_name_separators))
        match = re.search(f"[{_HAN}][{wrong}][{_HAN}]", text)
        if match:
            yield Problem(
                "caption-punctuation",
                index,
                f"{label}: {match.group()} - the parts of a foreign name are separated by "
                f"{rules.name_separator} ({profile.name})",
            )


def _sequence(
    previous: tuple[int, Block], current: tuple[int, Block], label: str, profile: Profile
) -> Iterator[Problem]:
    before_index, before = previous
    index, cue = current
    if cue.start_ms is None or before.start_ms is None or before.end_ms is None:
        return
    other = f"cue {before.location.cue or before_index + 1}"
    if cue.start_ms < before.start_ms:
        yield Problem(
            "caption-order",
            index,
            f"{label}: starts before {other} ({timecode(before.start_ms)}): cues out of order",
        )
        return
    gap = cue.start_ms - before.end_ms
    if gap < 0:
        yield Problem(
            "caption-overlap",
            index,
            f"{label}: starts {-gap} ms before {other} ends ({timecode(before.end_ms)})",
        )
    elif profile.min_gap_ms is not None and gap < profile.min_gap_ms:
        yield Problem(
            "caption-gap",
            index,
            f"{label}: {gap} ms after {other} (at least {_g(profile.min_gap_frames or 0)} "
            f"frames, {profile.min_gap_ms:.0f} ms at {_g(profile.frame_rate)} fps)",
        )
