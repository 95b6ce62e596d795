"""Reading and segmenting one long line against the same text in lines (issue 13).

A Markdown or text file of one long line once took time growing with the square of the line
(100 KB 11 s, 200 KB 29 s, 400 KB 97 s): the English splitter ran a regex over the whole text
before each full stop. This prints, for 100 KB, 1 MB and 5 MB of English release text (the
sentences of corpora/news-gold, repeated), the seconds `read_document` + `segment_blocks`
take on a single-line file and on the same text one sentence a line, paragraphs of five.
Each size runs in a fresh process, so one run's caches do not help the next.

    python benchmarks/segment_bench.py [--sizes 100000,1000000,5000000]
"""

from __future__ import annotations

import argparse
import datetime
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sentences() -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "corpora" / "news-gold" / "en").iterdir()):
        found.extend(
            line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        )
    return found


def write_inputs(folder: Path, size: int) -> tuple[Path, Path]:
    pool = sentences()
    chosen: list[str] = []
    total = 0
    while total < size:
        sentence = pool[len(chosen) % len(pool)]
        chosen.append(sentence)
        total += len(sentence.encode("utf-8")) + 1
    one_line = folder / f"one-line-{size}.txt"
    one_line.write_text(" ".join(chosen) + "\n", encoding="utf-8")
    in_lines = folder / f"in-lines-{size}.txt"
    paragraphs = ["\n".join(chosen[i : i + 5]) for i in range(0, len(chosen), 5)]
    in_lines.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return one_line, in_lines


def measure(path: Path) -> tuple[float, int]:
    """Seconds to read and segment `path` in a fresh process, and the sentences found."""
    code = (
        "import sys, time\n"
        "from tm.readers import read_document\n"
        "from tm.segment import segment_blocks\n"
        "start = time.perf_counter()\n"
        "segments = segment_blocks(read_document(sys.argv[1]).blocks, 'en')\n"
        "print(time.perf_counter() - start, len(segments))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000,5000000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{datetime.date.today()}, {platform.machine()}, Python {platform.python_version()}"
        " (a shared machine: figures vary from run to run)"
    )
    print(f"{'size':>10} {'one line s':>11} {'in lines s':>11} {'sentences':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            one_line, in_lines = write_inputs(Path(folder), size)
            single, found_single = measure(one_line)
            lines, found_lines = measure(in_lines)
            print(f"{size:>10,} {single:>11.2f} {lines:>11.2f} {found_single:>10,}", end="")
            print("" if found_single == found_lines else f"  (in lines: {found_lines:,})")


if __name__ == "__main__":
    main()
