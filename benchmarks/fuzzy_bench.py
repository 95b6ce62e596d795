"""Fuzzy matching at scale: the index beside a brute-force scan with the same score.

The memory is made of realistic near-duplicates, not random words: real aligned sentence pairs
(corpora/news-gold, and MAC-Dev's literary chapters from ../shared/data when present) varied
the way releases vary: other numbers, a few words or characters replaced, the start of one
sentence with the end of another, a phrase dropped; each variation is applied to both sides.
Queries (1,000): exact copies, fresh variations (not stored), 1-3 word / 1-2 character
queries, long ones (two sentences), and sentences from another domain (IWSLT TED talks, from
../shared/data) that have no good match; half English, half Chinese.

Printed per size: build (import + index) time, database size, query latency p50/p95/p99 of
`tm.fuzzy_matches` (min 75, limit 5) and its CPU time (steadier on a shared machine), recall@1
against an exhaustive scan of every stored text with the same score, and that brute-force
scan's own latency (rapidfuzz over every text, tokens encoded as characters so its C++ scorer
runs at full speed).

    python benchmarks/fuzzy_bench.py --units 100000
    python benchmarks/fuzzy_bench.py --units 100000 1000000 --brute 250 --analyze  # memories reused
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from tm.fuzzy.match import fuzzy_matches
from tm.fuzzy.score import score_tokens, tokens
from tm.memory import Store
from tm.model import Unit, Variant

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
_BEAD = re.compile(r"\[([\d,\s]*)\]:\[([\d,\s]*)\]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGITS = re.compile(r"\d+")


def _one_to_one(zh_dir: Path, en_dir: Path, gold_dir: Path) -> list[tuple[str, str]]:
    pairs = []
    for gold in sorted(gold_dir.iterdir()):
        name = gold.name.split(".")[0]
        zh = (zh_dir / name).read_text(encoding="utf-8").splitlines()
        en = (en_dir / name).read_text(encoding="utf-8").splitlines()
        for line in gold.read_text(encoding="utf-8").splitlines():
            m = _BEAD.match(line.strip())
            if not m or not m.group(1) or not m.group(2):
                continue
            zs = [int(i) for i in m.group(1).split(",")]
            es = [int(i) for i in m.group(2).split(",")]
            pairs.append((" ".join(en[i] for i in es).strip(), "".join(zh[i] for i in zs).strip()))
    return [(e, z) for e, z in pairs if e and z]


def base_pairs() -> list[tuple[str, str]]:
    news = ROOT / "corpora" / "news-gold"
    pairs = _one_to_one(news / "zh", news / "en", news / "gold")
    mac = SHARED / "mac-dev"
    if mac.is_dir():
        pairs += _one_to_one(mac / "zh", mac / "en", mac / "gold")
    return pairs


def other_domain() -> list[str]:
    """TED talk sentences (IWSLT): no good match in a memory of releases and novels."""
    texts: list[str] = []
    folder = SHARED / "iwslt-dev"
    for name in ("IWSLT17.TED.tst2016.en-zh.en.xml", "IWSLT17.TED.tst2016.zh-en.zh.xml"):
        path = folder / name
        if path.exists():
            texts += [
                re.sub(r"\s+", " ", m).strip()
                for m in re.findall(r"<seg id=\"\d+\">(.*?)</seg>", path.read_text("utf-8"))
            ]
    return texts or ["Quantum chromodynamics describes the strong interaction between quarks."]


class Varier:
    """Variations of real sentence pairs, applied to both sides alike."""

    def __init__(self, pairs: list[tuple[str, str]], seed: int) -> None:
        self.pairs = pairs
        self.rng = random.Random(seed)
        self.en_words = sorted({w for e, _z in pairs for w in e.split() if w.isalpha()})
        self.zh_chars = sorted({c for _e, z in pairs for c in z if _HAN.match(c)})

    def vary(self, en: str, zh: str) -> tuple[str, str]:
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            kind = rng.random()
            if kind < 0.3 and _DIGITS.search(en + zh):
                number = str(rng.randint(2, 2030))
                en, zh = _DIGITS.sub(number, en, count=1), _DIGITS.sub(number, zh, count=1)
            elif kind < 0.65:
                words = en.split()
                for _k in range(rng.randint(1, 2)):
                    words[rng.randrange(len(words))] = rng.choice(self.en_words)
                en = " ".join(words)
                chars = list(zh)
                for _k in range(rng.randint(1, 3)):
                    at = rng.randrange(len(chars))
                    if _HAN.match(chars[at]):
                        chars[at] = rng.choice(self.zh_chars)
                zh = "".join(chars)
            elif kind < 0.85:
                other_en, other_zh = rng.choice(self.pairs)
                cut_en = rng.uniform(0.4, 0.8)
                en_words, other_words = en.split(), other_en.split()
                en = " ".join(
                    en_words[: int(len(en_words) * cut_en)]
                    + other_words[int(len(other_words) * cut_en) :]
                )
                zh = zh[: int(len(zh) * cut_en)] + other_zh[int(len(other_zh) * cut_en) :]
            else:
                words = en.split()
                if len(words) > 4:
                    at = rng.randrange(len(words) - 2)
                    del words[at : at + rng.randint(1, 2)]
                en = " ".join(words)
                if len(zh) > 6:
                    at = rng.randrange(len(zh) - 3)
                    zh = zh[:at] + zh[at + rng.randint(1, 3) :]
        return en, zh

    def units(self, count: int) -> list[tuple[str, str]]:
        out = list(self.pairs)
        while len(out) < count:
            en, zh = self.rng.choice(self.pairs)
            out.append(self.vary(en, zh))
        return out[:count]


def build(path: Path, count: int, pairs: list[tuple[str, str]], index: bool = True) -> float:
    """Import `count` units in transactions of 20,000; without `index`, into a memory marked
    as not indexed yet (as one made before the index existed), so no index row is written."""
    started = time.perf_counter()
    texts = Varier(pairs, seed=1).units(count)
    with Store(path) as store:
        if not index:
            store.db.execute("INSERT INTO fuzzy_state (pending) VALUES (1)")
        for start in range(0, len(texts), 20_000):
            with store.atomic():
                store.put_many(
                    [
                        (Unit((Variant("en", (e,)), Variant("zh-Hans", (z,)))), "en", "bench")
                        for e, z in texts[start : start + 20_000]
                    ]
                )
    return time.perf_counter() - started


def import_cost(count: int, pairs: list[tuple[str, str]]) -> None:
    """The index's share of an import: the same units imported without it, then indexed in
    one pass afterwards (what a memory made before the index gets on first use)."""
    path = Path(f"/tmp/fuzzy-bench-{count}-later.db")
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    seconds = build(path, count, pairs, index=False)
    started = time.perf_counter()
    with Store(path) as store:
        store.ensure_fuzzy_index()
    later = time.perf_counter() - started
    print(
        f"import of {count:,} units without the index: {seconds:.0f} s; "
        f"indexed afterwards in one pass: {later:.0f} s"
    )
    for old in path.parent.glob(path.name + "*"):
        old.unlink()


def queries(store: Store, pairs: list[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    """(kind, text) queries, half English and half Chinese."""
    rng = random.Random(7)
    varier = Varier(pairs, seed=99)
    total = store.count()
    stored = []
    for unit_id in rng.sample(range(1, total + 1), min(count, total)):
        for s in store.units(ids=[unit_id]):
            stored.append((s.unit.variants[0].text, s.unit.variants[1].text))
    far = other_domain()
    out: list[tuple[str, str]] = []
    for i in range(count):
        en, zh = stored[i % len(stored)]
        side = i % 2
        kind = ("exact", "varied", "short", "long", "no-match")[i % 5]
        if kind == "varied":
            en, zh = varier.vary(en, zh)
        elif kind == "short":
            words = en.split()
            at = rng.randrange(len(words))
            en = " ".join(words[at : at + rng.randint(1, 3)])
            at = rng.randrange(max(1, len(zh) - 2))
            zh = zh[at : at + rng.randint(1, 2)]
        elif kind == "long":
            en2, zh2 = stored[(i * 7 + 3) % len(stored)]
            en, zh = f"{en} {en2}", zh + zh2
        elif kind == "no-match":
            text = rng.choice(far)
            out.append((kind, text))
            continue
        out.append((kind, zh if side else en))
    return out


class BruteForce:
    """Every stored text of a language, its folded tokens encoded as one character each, so
    rapidfuzz's C++ Levenshtein scans them all; the top 20 by edit similarity are rescored
    with the full score (penalties for numbers and tags)."""

    def __init__(self, store: Store) -> None:
        self.codes: dict[str, str] = {}
        self.texts: dict[str, list[str]] = {"en": [], "zh": []}
        self.encoded: dict[str, list[str]] = {"en": [], "zh": []}
        for stored in store.units(kind="segment"):
            for variant in stored.unit.variants:
                side = "zh" if variant.lang.startswith("zh") else "en"
                self.texts[side].append(variant.text)
                self.encoded[side].append(self.encode(variant.text))

    def encode(self, text: str) -> str:
        return "".join(
            self.codes.setdefault(t, chr(0x10000 + len(self.codes))) for t in tokens(text).folded
        )

    def best(self, text: str, lang: str) -> int:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        side = "zh" if lang.startswith("zh") else "en"
        top = process.extract(
            self.encode(text),
            self.encoded[side],
            scorer=Levenshtein.normalized_similarity,
            limit=20,
        )
        query = tokens(text)
        return max(
            (score_tokens(query, tokens(self.texts[side][i])) for _c, _s, i in top), default=0
        )


def analyze_document(store: Store, pairs: list[tuple[str, str]]) -> None:
    """A 10,000-segment English release: stored sentences, fresh variations of them, and
    sentences from another domain, one per paragraph; analysed, then pretranslated to TMX."""
    from tm.fuzzy.analyze import analyze
    from tm.fuzzy.pretranslate import pretranslate, render

    rng = random.Random(3)
    asked = queries(store, pairs, 10_000)
    lines = [text for kind, text in asked if not _HAN.search(text) and kind != "short"]
    far = [t for t in other_domain() if not _HAN.search(t)]
    while len(lines) < 10_000:
        lines.append(rng.choice(far) if far else lines[len(lines) % 100])
    path = Path("/tmp/fuzzy-bench-release.txt")
    path.write_text("\n\n".join(lines[:10_000]) + "\n", encoding="utf-8")
    started, used = time.perf_counter(), time.process_time()
    report = analyze(store, [str(path)])
    seconds, cpu = time.perf_counter() - started, time.process_time() - used
    bands = ", ".join(f"{b['band']} {b['segments']}" for b in report["total"]["bands"])
    print(
        f"tm analyze, {report['total']['segments']:,} segments: {seconds:.0f} s "
        f"(CPU {cpu:.0f} s; {bands})"
    )
    started, used = time.perf_counter(), time.process_time()
    result = pretranslate(store, str(path))
    data = render(result, ".tmx")
    seconds, cpu = time.perf_counter() - started, time.process_time() - used
    matched = sum(1 for m in result.matches if m is not None)
    print(
        f"tm pretranslate to TMX: {seconds:.0f} s (CPU {cpu:.0f} s; {matched:,} segments "
        f"matched, {len(data) / 1e6:.1f} MB)"
    )


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--units", type=int, nargs="+", default=[100_000], help="memory sizes, one after another"
    )
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--db", help="memory to build or reuse (default /tmp/fuzzy-bench-N.db)")
    parser.add_argument("--no-brute", action="store_true", help="skip the exhaustive scan")
    parser.add_argument(
        "--import-cost",
        action="store_true",
        help="also import the smallest size without the index, then index it in one pass",
    )
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="also time tm analyze and tm pretranslate of a 10,000-segment document (against "
        "the largest memory)",
    )
    parser.add_argument(
        "--dump",
        type=Path,
        help="write each query's matches (unit, score) as JSON lines, to compare two versions",
    )
    parser.add_argument(
        "--brute", type=int, help="scan exhaustively for this many of the queries only (all kinds)"
    )
    args = parser.parse_args()
    if args.db and len(args.units) > 1:
        parser.error("--db names one memory: give one size")
    pairs = base_pairs()
    print(
        f"{date.today()}, {platform.machine()}, {os.cpu_count()} cores (shared), "
        f"Python {platform.python_version()}; {len(pairs)} real sentence pairs varied"
    )
    for units in args.units:
        path = Path(args.db or f"/tmp/fuzzy-bench-{units}.db")
        run(units, path, pairs, args, analyze=args.analyze and units == max(args.units))


def run(units: int, path: Path, pairs: list[tuple[str, str]], args: Any, analyze: bool) -> None:
    print(f"-- {units:,} units ({path})")
    if not path.exists():
        seconds = build(path, units, pairs)
        print(f"import + index of {units:,} units: {seconds:.0f} s")
    if args.import_cost and units == min(args.units):
        import_cost(units, pairs)
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    print(f"database: {size / 1e6:,.0f} MB")
    store = Store(path)
    asked = queries(store, pairs, args.queries)
    lang_of = {text: ("zh-Hans" if _HAN.search(text) else "en") for _k, text in asked}
    fuzzy_matches(store, asked[0][1])  # warm: OpenCC, page cache
    times: list[float] = []
    cpu: list[float] = []
    found: list[int] = []
    answers: list[list[tuple[int, int]]] = []
    for _kind, text in asked:
        started, used = time.perf_counter(), time.process_time()
        matches = fuzzy_matches(store, text, 75, 5)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
        found.append(matches[0].score if matches else 0)
        answers.append([(m.unit, m.score) for m in matches])
    print(
        f"tm.fuzzy_matches, {len(asked)} queries: p50 {percentile(times, 0.5):.1f} ms, "
        f"p95 {percentile(times, 0.95):.1f} ms, p99 {percentile(times, 0.99):.1f} ms "
        f"(CPU time: p50 {percentile(cpu, 0.5):.1f}, p95 {percentile(cpu, 0.95):.1f} ms)"
    )
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for (kind, text), got in zip(asked, answers, strict=True):
                out.write(json.dumps([kind, text, got], ensure_ascii=False) + "\n")
    for kind in ("exact", "varied", "short", "long", "no-match"):
        mine = [t for t, (k, _q) in zip(times, asked, strict=True) if k == kind]
        print(
            f"  {kind:9} p50 {percentile(mine, 0.5):6.1f} ms  p95 {percentile(mine, 0.95):6.1f} ms"
        )
    if analyze:
        analyze_document(store, pairs)
    if args.no_brute:
        return
    started = time.perf_counter()
    brute = BruteForce(store)
    print(f"brute force: {time.perf_counter() - started:.0f} s to load and encode every text")
    brute_times: list[float] = []
    wanted = hit = 0
    step = max(1, len(asked) // args.brute) if args.brute else 1
    sample = [i for i in range(len(asked)) if (i // 5) % step == 0]  # every kind, in blocks of 5
    for index in sample:
        text, mine_best = asked[index][1], found[index]
        started = time.perf_counter()
        best = brute.best(text, lang_of[text])
        brute_times.append((time.perf_counter() - started) * 1000)
        if best >= 75:
            wanted += 1
            hit += mine_best >= best
    print(
        f"brute-force scan, same score: p50 {percentile(brute_times, 0.5):.1f} ms, "
        f"p95 {percentile(brute_times, 0.95):.1f} ms, p99 {percentile(brute_times, 0.99):.1f} ms"
    )
    print(
        f"recall@1 (best score found, min 75): {hit / max(wanted, 1):.3f} "
        f"of {wanted} queries that have a match (of {len(sample)} scanned)"
    )
    same = [times[i] for i in sample]
    print(
        f"  on the same queries: index p50 {statistics.median(same):.1f} ms, "
        f"brute force p50 {statistics.median(brute_times):.1f} ms"
    )


if __name__ == "__main__":
    main()
