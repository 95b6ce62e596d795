"""TMX import / validate / export / read: time and peak memory, beside translate-toolkit's read.

Generates an en -> zh-CN TMX shaped like a CAT tool's export (once; kept in benchmarks/work/):
realistic sentence lengths, 5 % of units with Level 2 inline markup, dates and users on every
unit, props on most, notes on some. Then runs each step in its own process and reads that
process's peak RSS from the kernel (wait4), so figures do not bleed into each other. The machine
varies from day to day: compare the ratios of one run, not figures across days.

    python benchmarks/tmx_bench.py                # 1,000,000 units
    python benchmarks/tmx_bench.py --units 100000
    python benchmarks/tmx_bench.py --skip-toolkit  # without translate-toolkit
    python benchmarks/tmx_bench.py --work /tmp/tmx-work  # keep the big files elsewhere
    python benchmarks/tmx_bench.py --baseline /tmp/old  # also import, validate, export and
        # read with the `tm` package found in /tmp/old (`git archive OLD tm | tar -x -C /tmp/old`)
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import random
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

WORK = Path(__file__).resolve().parent / "work"

EN_VOCABULARY = """
the of and to in green power transportation energy storage strategic cooperation agreement
signing ceremony expressway group company development market digital shipping asset management
department integrated smart zero-carbon plant wind solar hydropower rural revitalization
battery-swap electric heavy-duty trucks clean capital operation layout industrial integration
planning construction sharing project practical western land sea corridor logistics efficiency
ratio low-carbon transition both sides will promote jointly continue advantages network achieve
win-win
"""
EN_WORDS = EN_VOCABULARY.split()
NAMES = ["CPID", "Chongqing", "Gao Ping", "Teng Yingming", "SPIC", "State Grid", "Zhonghui"]
ZH_CHARS = (
    "中国电力重庆高速集团绿电交通产业战略合作签约仪式双方就绿色交通航运储能综合智慧零碳电厂风光水储"
    "一体化基地乡村振兴等进行交流并签署合作框架协议介绍了基本情况和国内外业务布局清洁能源开发资本运作"
    "加快新能源布局融合发展帮助提升运输物流能效绿电占比推动西部陆海新通道低碳转型实现共赢"
)
ZH_PUNCT = "，、；"


def english(rng: random.Random) -> str:
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(8, 35))]
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), f"{rng.randint(1, 999)}.{rng.randint(0, 9)}%")
    sentence = " ".join(words)
    return sentence[0].upper() + sentence[1:] + "."


def chinese(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 4)):
        parts.append("".join(rng.choice(ZH_CHARS) for _ in range(rng.randint(6, 18))))
    text = rng.choice(ZH_PUNCT).join(parts)
    if rng.random() < 0.4:
        text = rng.choice([NAMES[0], "2023年6月21日", "百分之五十"]) + text
    return text + "。"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str, rng: random.Random) -> str:
    """Escape for XML and, for one unit in twenty (on either side), add inline markup as CAT
    tools do: bpt/ept around a run, a ph, an isolated it, or a hi."""
    text = escape(text)
    roll = rng.random()
    if roll >= 0.05:
        return text
    cut = rng.randrange(1, max(2, len(text) - 1))
    kind = rng.randrange(4)
    if kind == 0:
        return (
            f'<bpt i="1" type="bold">&lt;b&gt;</bpt>{text[:cut]}<ept i="1">&lt;/b&gt;</ept>'
            f"{text[cut:]}"
        )
    if kind == 1:
        return f'{text}<ph x="1" type="image">&lt;img src="logo.png"/&gt;</ph>'
    if kind == 2:
        return f'<it pos="begin" x="2">&lt;i&gt;</it>{text}'
    return f'{text[:cut]}<hi type="x-emphasis">{text[cut:]}</hi>'


def tmx_date(rng: random.Random) -> str:
    return (
        f"20{rng.randint(15, 26):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        f"T{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}Z"
    )


CLIENTS = ["CPID", "SPIC", "State Grid", "Chongqing Expressway"]
PROJECTS = ["annual-report-2023", "press-releases", "website", "esg-2024"]
USERS = ["LIWEI", "zhang.min", "translator01", "PM_Chen"]
NOTES = [
    "Checked against the client glossary.",
    "客户要求保留英文缩写。",
    "Number format as in the source.",
]


def tu(i: int, rng: random.Random) -> str:
    """One unit shaped like a CAT tool's export: dates and users on the tu, usage counts,
    props on most units, a note on some, dates on some variants."""
    attrs = (
        f'tuid="{i}" creationdate="{tmx_date(rng)}" creationid="{rng.choice(USERS)}"'
        f' changedate="{tmx_date(rng)}" changeid="{rng.choice(USERS)}"'
    )
    if rng.random() < 0.3:
        attrs += f' usagecount="{rng.randint(0, 40)}" lastusagedate="{tmx_date(rng)}"'
    lines = [f"    <tu {attrs}>\n"]
    if rng.random() < 0.1:
        lines.append(f"      <note>{escape(rng.choice(NOTES))}</note>\n")
    if rng.random() < 0.8:
        lines.append(f'      <prop type="x-client">{escape(rng.choice(CLIENTS))}</prop>\n')
    if rng.random() < 0.5:
        lines.append(f'      <prop type="x-project">{rng.choice(PROJECTS)}</prop>\n')
    source, target = markup(english(rng), rng), markup(chinese(rng), rng)
    lines.append(f'      <tuv xml:lang="en-US"><seg>{source}</seg></tuv>\n')
    if rng.random() < 0.2:
        lines.append(
            f'      <tuv xml:lang="zh-CN" changedate="{tmx_date(rng)}"><seg>{target}</seg></tuv>\n'
        )
    else:
        lines.append(f'      <tuv xml:lang="zh-CN"><seg>{target}</seg></tuv>\n')
    lines.append("    </tu>\n")
    return "".join(lines)


def generate(path: Path, units: int, seed: int = 2023) -> None:
    rng = random.Random(seed)
    temp = path.with_suffix(".part")
    with open(temp, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
        out.write(
            '<tmx version="1.4">\n  <header creationtool="tm-bench" creationtoolversion="1"'
            ' segtype="sentence" o-tmf="tm" adminlang="en" srclang="en-US"'
            ' datatype="plaintext" creationdate="20261124T000000Z"/>\n  <body>\n'
        )
        for i in range(units):
            out.write(tu(i + 1, rng))
        out.write("  </body>\n</tmx>\n")
    os.replace(temp, path)


def measure(
    label: str, argv: list[str], env: dict[str, str] | None = None
) -> tuple[float, float, float]:
    """Run argv in a child; return (seconds, CPU seconds, peak RSS in MB) of that child alone.

    CPU seconds (user + system) say more than the clock on a machine shared with others."""
    start = time.perf_counter()
    # Run from a neutral folder: `python -m`/`-c` put the current folder first on sys.path,
    # which would shadow the `tm` that PYTHONPATH names for --baseline.
    proc = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=os.sep
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{label} failed: {err.strip()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux: KiB


READ_TM = (
    "import sys\nfrom tm.tmx import TmxReader\n"
    "with TmxReader(sys.argv[1]) as r:\n    n = sum(1 for _ in r)\nprint(n)\n"
)
READ_TOOLKIT = (
    "import sys\nfrom translate.storage.tmx import tmxfile\n"
    "with open(sys.argv[1], 'rb') as f:\n    store = tmxfile(f)\n"
    "n = sum(1 for u in store.units if u.source is not None and u.target is not None)\n"
    "print(n)\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--skip-toolkit", action="store_true")
    parser.add_argument("--work", type=Path, default=WORK, help="folder for the big files")
    parser.add_argument(
        "--reuse-db", action="store_true", help="skip the import when its memory is there"
    )
    parser.add_argument(
        "--baseline", type=Path, help="a folder holding an older `tm` package to compare"
    )
    args = parser.parse_args()
    if not args.skip_toolkit and importlib.util.find_spec("translate") is None:
        # Said before the steps run, not after (a 1,000,000-unit run takes a quarter hour).
        raise SystemExit(
            "translate-toolkit is not installed: pip install -e '.[bench]', or --skip-toolkit"
        )

    work = args.work.resolve()
    work.mkdir(exist_ok=True)
    source = work / f"bench-v2-{args.units}.tmx"
    if not source.exists():
        started = time.perf_counter()
        generate(source, args.units)
        print(f"generated {source.name} in {time.perf_counter() - started:.1f} s")
    db = work / f"bench-{args.units}.db"
    reuse = args.reuse_db and db.exists()
    if not reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    exported = work / f"bench-{args.units}.export.tmx"
    tm = [sys.executable, "-m", "tm", "--memory", str(db)]

    rows = (
        []
        if reuse
        else [
            ("tm import (TMX -> SQLite)", measure("import", [*tm, "import", str(source)])),
        ]
    )
    rows += [
        ("tm validate", measure("validate", [*tm, "validate", "-q", str(source)])),
        ("tm export (SQLite -> TMX)", measure("export", [*tm, "export", "-o", str(exported)])),
        (
            "tm read (streaming TmxReader)",
            measure("read", [sys.executable, "-c", READ_TM, str(source)]),
        ),
    ]
    if args.baseline:
        old = {**os.environ, "PYTHONPATH": str(args.baseline.resolve())}
        # A memory of its own: the baseline may have another schema.
        old_db = work / f"bench-{args.units}-baseline.db"
        old_tm = [sys.executable, "-m", "tm", "--memory", str(old_db)]
        if not (args.reuse_db and old_db.exists()):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{old_db}{suffix}").unlink(missing_ok=True)
            rows.append(
                ("  baseline tm import", measure("import", [*old_tm, "import", str(source)], old))
            )
        rows += [
            (
                "  baseline tm validate",
                measure("validate", [*old_tm, "validate", "-q", str(source)], old),
            ),
            (
                "  baseline tm export",
                measure("export", [*old_tm, "export", "-o", str(exported)], old),
            ),
            (
                "  baseline tm read",
                measure("read", [sys.executable, "-c", READ_TM, str(source)], old),
            ),
        ]
    if not args.skip_toolkit:
        rows.append(
            (
                "translate-toolkit tmxfile read",
                measure("toolkit", [sys.executable, "-c", READ_TOOLKIT, str(source)]),
            )
        )

    size = source.stat().st_size / 1e6
    print(
        f"\n{args.units:,} TUs en -> zh-CN, {size:.0f} MB; {date.today()}, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    header = f"{'step':<31} {'seconds':>8} {'CPU s':>7} {'peak RSS MB':>12} {'TUs/s':>8}"
    if not args.skip_toolkit:
        header += f" {'÷ toolkit (clock, CPU)':>23}"
    print(header)
    toolkit = rows[-1][1] if not args.skip_toolkit else None
    for label, (seconds, cpu, rss) in rows:
        line = f"{label:<31} {seconds:>8.1f} {cpu:>7.1f} {rss:>12.0f} {args.units / seconds:>8,.0f}"
        if toolkit is not None:
            line += f" {seconds / toolkit[0]:>15.2f} {cpu / toolkit[1]:>7.2f}"
        print(line)


if __name__ == "__main__":
    main()
