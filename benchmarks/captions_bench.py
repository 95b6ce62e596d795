"""Caption pairing: speed on a long pair of tracks, and whether re-timing changes the groups.

Repeats the signing-ceremony tracks (corpora/captions) end to end until the English track has
the requested number of cues, then pairs it with the Chinese track as written, shifted by
7.3 s, and converted from 23.976 to 25 fps with a 1.5 s leader (what a re-cut master does to
a track); prints the time each pairing takes and the share of cue groups that stay as they are
with the original timing (1.000: re-timing changes nothing). What people use instead: pairing
each cue with the cue it overlaps most (tm before this module) loses every pair once a track
is shifted by more than a cue's length; the figure for that is printed beside.

    python benchmarks/captions_bench.py            # about 1,000 English cues
    python benchmarks/captions_bench.py --cues 3000
"""

from __future__ import annotations

import argparse
import platform
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from tm.captions.timing import CueGroup, pair_cues
from tm.captions.tracks import read_track
from tm.model import Block

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "captions"


def repeated(cues: list[Block], times: int, period_ms: int) -> list[Block]:
    out = []
    for k in range(times):
        for c in cues:
            out.append(
                replace(
                    c,
                    start_ms=(c.start_ms or 0) + k * period_ms,
                    end_ms=(c.end_ms or 0) + k * period_ms,
                    location=replace(c.location, cue=len(out) + 1),
                )
            )
    return out


def retimed(cues: list[Block], scale: float, offset_ms: float) -> list[Block]:
    return [
        replace(
            c,
            start_ms=round((c.start_ms or 0) * scale + offset_ms),
            end_ms=round((c.end_ms or 0) * scale + offset_ms),
        )
        for c in cues
    ]


def max_overlap_pairs(source: list[Block], target: list[Block]) -> set[tuple[int, int]]:
    """The old pairing: each source cue with the target cue it overlaps most."""
    pairs = set()
    for i, a in enumerate(source):
        best, best_overlap = None, 0
        for j, b in enumerate(target):
            overlap = min(a.end_ms or 0, b.end_ms or 0) - max(a.start_ms or 0, b.start_ms or 0)
            if overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is not None:
            pairs.add((i, best))
    return pairs


def kept(groups: list[CueGroup], reference: list[CueGroup]) -> float:
    return len(set(groups) & set(reference)) / len(reference)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=int, default=1000, help="English cues (about)")
    args = parser.parse_args()
    en, zh = read_track(CORPUS / "ceremony.en.vtt"), read_track(CORPUS / "ceremony.zh-Hans.srt")
    started = time.perf_counter()
    pair_cues(en, zh)  # loads jieba and CC-CEDICT once
    print(f"dictionaries loaded, one talk paired: {time.perf_counter() - started:.2f} s")
    times = max(1, round(args.cues / len(en)))
    period = (en[-1].end_ms or 0) + 2000
    en, zh = repeated(en, times, period), repeated(zh, times, period)
    print(f"{date.today()}  {platform.python_version()}  {len(en)} English, {len(zh)} Chinese cues")
    started = time.perf_counter()
    reference = pair_cues(en, zh)
    print(f"as written:        {time.perf_counter() - started:6.2f} s  {len(reference)} groups")
    old_reference = max_overlap_pairs(en, zh) if len(en) <= 1500 else None
    for name, scale, offset in (
        ("shifted 7.3 s", 1.0, 7300),
        ("23.976->25 fps", 25 / 23.976, 1500),
    ):
        other = retimed(zh, scale, offset)
        started = time.perf_counter()
        groups = pair_cues(en, other)
        took = time.perf_counter() - started
        line = f"{name + ':':18} {took:6.2f} s  groups kept {kept(groups, reference):.3f}"
        if old_reference is not None:
            old = max_overlap_pairs(en, other)
            line += (
                f"   (max-overlap pairs kept {len(old & old_reference) / len(old_reference):.3f})"
            )
        print(line)


if __name__ == "__main__":
    main()
