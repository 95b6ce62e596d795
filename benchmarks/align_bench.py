"""Alignment speed: sentences per second on a long document pair, and how time scales.

Concatenates the MAC-Dev chapters (../shared/data/mac-dev, when present) and corpora/news-gold
until the Chinese side has the requested number of sentences, then aligns the first quarter,
half and all of it, each in a fresh process so dictionary loading is counted once per size.

    python benchmarks/align_bench.py               # 5,000 Chinese sentences
    python benchmarks/align_bench.py --zh 2000
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT.parent / "shared" / "data" / "mac-dev", ROOT / "corpora" / "news-gold"]
WORK = Path(__file__).resolve().parent / "work"


def corpus(target: int) -> tuple[list[str], list[str]]:
    docs = []
    for source in SOURCES:
        if (source / "zh").is_dir():
            for path in sorted((source / "zh").iterdir()):
                zh = path.read_text(encoding="utf-8").splitlines()
                en = (source / "en" / path.name).read_text(encoding="utf-8").splitlines()
                docs.append((zh, en))
    zh_all: list[str] = []
    en_all: list[str] = []
    while len(zh_all) < target:
        for zh, en in docs:
            zh_all += zh
            en_all += en
    return zh_all, en_all


def run(zh: list[str], en: list[str], label: str) -> float:
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
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zh", type=int, default=5000, help="Chinese sentences in all")
    args = parser.parse_args()
    zh, en = corpus(args.zh)
    ratio = len(en) / len(zh)
    print(f"{date.today()}, {platform.machine()}, Python {platform.python_version()}")
    print(f"{'zh sentences':>12} {'en sentences':>12} {'seconds':>8} {'sentences/s':>12}")
    previous = None
    for share in (4, 2, 1):
        n = args.zh // share
        m = round(n * ratio)
        seconds = run(zh[:n], en[:m], f"align-{n}")
        growth = f"  x{seconds / previous:.2f} for x2 input" if previous else ""
        print(f"{n:>12,} {m:>12,} {seconds:>8.1f} {(n + m) / seconds:>12,.0f}{growth}")
        previous = seconds


if __name__ == "__main__":
    main()
