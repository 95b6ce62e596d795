"""Where the aligner goes wrong on MAC-Dev, held out: each chapter aligned with the statistics
of the five others (as `align_heldout.py`'s second figure), its wrong beads grouped into
regions (the shortest stretch where the test's and the gold's bead boundaries meet again) and
counted by kind:

- merge: the test joined what the gold keeps apart (fewer test beads in the region);
- split: the test cut what the gold keeps together (more test beads);
- shift: as many beads, the boundary in another place;
- null: a 1-0 or 0-1 bead on either side;
- speech: whether the region holds quoted speech (a run of dialogue);

and, for each region, which evidence would have preferred the gold's beads to the chosen
ones: the cost terms of both paths over the region (length, lexical coverage, unexplained
evidence, ends, marks, bead-type prior) under the chapter's second-pass model.

    python benchmarks/align_errors.py            # counts, and the cost terms that favoured gold
    python benchmarks/align_errors.py --show 10  # also the first ten regions' text
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_heldout as heldout

Pair = tuple[tuple[int, ...], tuple[int, ...]]


def regions(test: list[Pair], gold: list[Pair]) -> list[tuple[list[Pair], list[Pair]]]:
    """The stretches where test and gold differ, each as (test beads, gold beads): between two
    points both paths pass through (as many Chinese and English sentences behind them)."""
    shared = _points(test) & _points(gold)
    found = []
    for ts, gs in zip(_cut(test, shared), _cut(gold, shared), strict=True):
        if ts != gs:
            found.append((ts, gs))
    return found


def _points(beads: list[Pair]) -> set[tuple[int, int]]:
    at, i, j = set(), 0, 0
    for s, t in beads:
        i, j = i + len(s), j + len(t)
        at.add((i, j))
    return at


def _cut(beads: list[Pair], points: set[tuple[int, int]]) -> list[list[Pair]]:
    pieces: list[list[Pair]] = [[]]
    i = j = 0
    for s, t in beads:
        pieces[-1].append((s, t))
        i, j = i + len(s), j + len(t)
        if (i, j) in points:
            pieces.append([])
    return pieces[:-1] if not pieces[-1] else pieces


def kind(test: list[Pair], gold: list[Pair]) -> str:
    if any(not s or not t for s, t in test + gold):
        return "null"
    if len(test) < len(gold):
        return "merge"
    if len(test) > len(gold):
        return "split"
    return "shift"


class Costs:
    """The cost terms of single beads under the second pass's model of a document pair."""

    def __init__(self, zh: list[str], en: list[str]) -> None:
        from tm.align import aligner

        cal = aligner.calibration()
        first = aligner._Evidence(zh, en, {})
        beads = aligner._search(first, cal, None)
        learned = aligner._learn(
            first, beads, float(cal["learn_min_score"]), float(cal["learn_min_dice"])
        )
        self.cal = {**cal, "log_length_ratio_sd": aligner._pair_spread(first, beads, cal)}
        self.ev = aligner._Evidence(zh, en, {}, learned, first) if learned else first
        self.mu = aligner._length_mean(self.ev, self.cal)
        counts = self.cal["bead_counts"]
        total = sum(counts.values())
        self.prior = {k: -math.log(v / total) for k, v in counts.items()}

    def terms(self, bead: Pair) -> dict[str, float]:
        from tm.align import aligner, marks
        from tm.align.aligner import _meets

        cal, ev = self.cal, self.ev
        src, tgt = bead
        x, y = len(src), len(tgt)
        key = f"{x}-{y}"
        out = dict.fromkeys(("prior", "length", "coverage", "unexplained", "ends", "marks"), 0.0)
        out["prior"] = self.prior.get(key, 10.0)
        zh_total = sum(ev.zh_weight[i] for i in src)
        en_total = sum(ev.en_weight[j] for j in tgt)
        u = float(cal["unexplained_weight"])
        if not src or not tgt:
            out["prior"] += float(cal["null_cost"])
            out["unexplained"] = u * (zh_total + en_total) / 2
            return out
        zh_chars = sum(ev.zh_chars[i] for i in src)
        en_chars = sum(ev.en_chars[j] for j in tgt)
        sigma = float(cal["log_length_ratio_sd"])
        spread = max(
            sigma * math.sqrt(float(cal["length_reference"]) / zh_chars), float(cal["sigma_floor"])
        )
        delta = (math.log(en_chars / zh_chars) - self.mu) / spread
        nu = float(cal.get("length_tail", 0.0))
        out["length"] = float(cal["length_weight"]) * float(aligner.length_surprise(delta, nu))
        zh_hit = sum(w for i in src for w, found in ev.zh_tokens[i] if _meets(found, tgt))
        en_hit = sum(w for j in tgt for w, rows in ev.en_items[j] if _meets(rows, src))
        zh_cov = zh_hit / zh_total if zh_total else 0.0
        en_cov = en_hit / en_total if en_total else 0.0
        out["coverage"] = float(cal["lexical_weight"]) * (1 - (zh_cov + en_cov) / 2) * (x + y) / 2
        out["unexplained"] = u * (zh_total - zh_hit + en_total - en_hit) / 2
        differ = int(ev.zh_ends[src[-1]]) ^ int(ev.en_ends[tgt[-1]])
        weights = cal["marks"]
        out["ends"] = float(cal["edge_weight"]) * bin(differ & 3).count("1") + float(
            weights["speech"]
        ) * (differ >= marks.OPEN)
        for k, name in enumerate(weights):
            zh_has = ev.zh_marks[src[-1] + 1, k] > ev.zh_marks[src[0], k]
            en_has = ev.en_marks[tgt[-1] + 1, k] > ev.en_marks[tgt[0], k]
            out["marks"] += float(weights[name]) * (zh_has != en_has)
        return out

    def total(self, beads: list[Pair]) -> dict[str, float]:
        sums: Counter[str] = Counter()
        for bead in beads:
            sums.update(self.terms(bead))
        return dict(sums)


def chapter_report(name: str) -> list[dict[str, object]]:
    """The wrong regions of one chapter aligned with the statistics of the five others."""
    from tm.align import aligner, read_beads

    rest = [other for other in heldout.chapters() if other != name]
    aligner.calibration().update(heldout.gold_statistics(rest))
    aligner.calibration().update({"first_pass_spread": heldout.first_pass_spread(rest)})
    zh, en = heldout.sides(heldout.MAC, name)
    from tm.align import align_segments

    test = [
        (b.src, b.tgt) for b in align_segments(zh, en, source_lang="zh", target_lang="en").beads
    ]
    gold = read_beads(heldout.MAC / "gold" / f"{name}.align")
    costs = Costs(zh, en)
    from tm.align import marks

    found = []
    for ts, gs in regions(test, gold):
        zs = sorted({i for s, _t in gs for i in s})
        es = sorted({j for _s, t in gs for j in t})
        speech = any(marks.has_speech(zh[i], True) for i in zs) or any(
            marks.has_speech(en[j], False) for j in es
        )
        wrong = sum(b not in set(gs) for b in ts)
        found.append(
            {
                "chapter": name,
                "kind": kind(ts, gs),
                "speech": speech,
                "test": ts,
                "gold": gs,
                "wrong": wrong,
                "missed": sum(b not in set(ts) for b in gs if b[0] and b[1]),
                "test_cost": costs.total(ts),
                "gold_cost": costs.total(gs),
                "zh": [zh[i] for i in zs],
                "en": [en[j] for j in es],
            }
        )
    return found


def main() -> None:
    from concurrent.futures import ProcessPoolExecutor

    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    names = heldout.chapters()
    with ProcessPoolExecutor(2) as pool:
        found = [r for rs in pool.map(chapter_report, names) for r in rs]
    print(f"{len(found)} wrong regions, {sum(r['wrong'] for r in found)} wrong test beads")
    by_kind: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for r in found:
        label = f"{r['kind']}{' (speech)' if r['speech'] else ''}"
        by_kind[label] += 1
        missed[label] += r["missed"]
    for label, count in by_kind.most_common():
        print(f"  {label:<16} {count:>4} regions, {missed[label]:>4} gold beads missed")
    from tm.align.aligner import BEAD_TYPES

    beyond = [r for r in found if any((len(s), len(t)) not in BEAD_TYPES for s, t in r["gold"])]
    print(
        f"regions whose gold holds a bead type the aligner does not search (2-3, 1-5 ...): "
        f"{len(beyond)}, {sum(r['missed'] for r in beyond)} gold beads missed"
    )
    per_chapter = Counter(r["chapter"] for r in found)
    print("by chapter: " + ", ".join(f"{c} {n}" for c, n in sorted(per_chapter.items())))
    shapes: Counter[str] = Counter()
    for r in found:
        g = "+".join(f"{len(s)}-{len(t)}" for s, t in r["gold"])
        t = "+".join(f"{len(s)}-{len(t)}" for s, t in r["test"])
        shapes[f"gold {g} / test {t}"] += 1
    print("commonest shapes:")
    for shape, count in shapes.most_common(15):
        print(f"  {count:>4}  {shape}")
    # Which terms favoured gold (cost lower on gold's path), summed over the regions.
    favour: Counter[str] = Counter()
    against: Counter[str] = Counter()
    margin = []
    for r in found:
        tc, gc = r["test_cost"], r["gold_cost"]
        margin.append(sum(gc.values()) - sum(tc.values()))
        for term in tc:
            d = gc[term] - tc[term]
            (favour if d < 0 else against)[term] += abs(d)
    print("cost terms, summed over regions (gold's path against the chosen):")
    for term in ("prior", "length", "coverage", "unexplained", "ends", "marks"):
        print(f"  {term:<12} for gold {favour[term]:7.1f}   against gold {against[term]:7.1f}")
    margin.sort()
    close = sum(1 for d in margin if d < 1.0)
    print(f"regions the gold path loses by < 1 nat: {close} of {len(margin)}")
    negative = sum(1 for d in margin if d < 0)
    print(f"regions where the gold path costs less (search error): {negative}")
    for r in found[:show]:
        print(f"--- {r['chapter']} {r['kind']} speech={r['speech']}")
        print("  test", r["test"], {k: round(v, 2) for k, v in r["test_cost"].items()})
        print("  gold", r["gold"], {k: round(v, 2) for k, v in r["gold_cost"].items()})
        for s in r["zh"]:
            print("   zh", s)
        for s in r["en"]:
            print("   en", s)


if __name__ == "__main__":
    main()
