"""Alignment speed: sentences per second on a long document pair, and how time scales.

Concatenates the MAC-Dev chapters (../shared/data/mac-dev, when present) and corpora/news-gold,
again and again, until both sides together have the requested number of sentences, cut at a
gold bead's end so that the two sides still translate each other to the last line; then aligns
half of it, all of it and twice as much, each in a fresh process so that start-up and dictionary
loading are counted once per size. The default, 11,000 sentences, is the size of issue 16's 24
MAC chapters concatenated (goal: at most 10 s, and twice the input in at most 2.2 times the
time).

    python benchmarks/align_bench.py                    # 5,500, 11,000 and 22,000 sentences
    python benchmarks/align_bench.py --sentences 4000
"""

from __future__ import annotations

import argparse
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT.parent / "shared" / "data" / "mac-dev", ROOT / "corpora" / "news-gold"]
WORK = Path(__file__).resolve().parent / "work"


def beads() -> list[tuple[list[str], list[str]]]:
    """The gold beads of every document, in order, as (Chinese lines, English lines)."""
    from tm.align import read_beads

    found = []
    for source in SOURCES:
        if not (source / "zh").is_dir():
            continue
        for path in sorted((source / "zh").iterdir()):
            zh = path.read_text(encoding="utf-8").splitlines()
            en = (source / "en" / path.name).read_text(encoding="utf-8").splitlines()
            for src, tgt in read_beads(source / "gold" / f"{path.name}.align"):
                found.append(([zh[i] for i in src], [en[j] for j in tgt]))
    return found


def corpus(sentences: int) -> tuple[list[str], list[str]]:
    """Whole beads, over and over, until both sides hold `sentences` sentences together."""
    zh_all: list[str] = []
    en_all: list[str] = []
    every = beads()
    while len(zh_all) + len(en_all) < sentences:
        for zh, en in every:
            zh_all += zh
            en_all += en
            if len(zh_all) + len(en_all) >= sentences:
                break
    return zh_all, en_all


def run(zh: list[str], en: list[str], label: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of a fresh `tm align` process: on a shared
    machine the CPU time is the steadier figure."""
    WORK.mkdir(exist_ok=True)
    a, b = WORK / f"{label}.zh", WORK / f"{label}.en"
    a.write_text("\n".join(zh) + "\n", encoding="utf-8")
    b.write_text("\n".join(en) + "\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "tm",
        "align",
        str(a),
        str(b),
        "--segmented",
        "--src-lang",
        "zh",
        "--tgt-lang",
        "en",
        "--format",
        "beads",
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sentences", type=int, default=11000, help="sentences of both sides (the middle size)"
    )
    args = parser.parse_args()
    print(f"{date.today()}, {platform.machine()}, Python {platform.python_version()}")
    header = ("zh sentences", "en sentences", "seconds", "CPU s", "sentences/s")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (12, 12, 8, 6, 12), strict=True)))
    previous = None
    for size in (args.sentences // 2, args.sentences, 2 * args.sentences):
        zh, en = corpus(size)
        n, m = len(zh), len(en)
        seconds, cpu = run(zh, en, f"align-{n + m}")
        growth = (
            f"  x{seconds / previous[0]:.2f} (CPU x{cpu / previous[1]:.2f}) for x2 input"
            if previous
            else ""
        )
        print(f"{n:>12,} {m:>12,} {seconds:>8.1f} {cpu:>6.1f} {(n + m) / seconds:>12,.0f}{growth}")
        previous = (seconds, cpu)


if __name__ == "__main__":
    main()
