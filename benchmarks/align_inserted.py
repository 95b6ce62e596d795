"""Alignment when the English holds what the Chinese never had: corpora/news-gold with an
English-only block inserted into each release (a company boilerplate, a media contact, a
background paragraph; in the middle of one release, at the end of the next), the gold extended
with a 0-1 bead per inserted sentence.

English releases often carry such blocks; a good aligner leaves them alone (0-1) instead of
merging them into the neighbouring beads. Prints strict and lax F1 with and without the blocks.

    python benchmarks/align_inserted.py
    python benchmarks/align_inserted.py --set '{"null_cost": 4.0}'   # a variant, unshipped
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "news-gold"
BLOCKS = [
    [
        "About China Yangtze Power",
        "China Yangtze Power Co., Ltd. was founded in 2002 and is listed on the Shanghai Stock "
        "Exchange.",
        "It is the largest hydropower company in the world by installed capacity.",
        "For more information, visit www.cypc.com.cn.",
    ],
    ["Media contact: Zhang Wei, +86 23 6789 1234, press@example.com"],
    [
        "Background",
        "The corridor was launched in 2017 by Chongqing, Guangxi, Guizhou and Gansu.",
        "It has since been joined by 13 western provinces and regions, Hainan, Guangdong's "
        "Zhanjiang and Hunan's Huaihua.",
        "It is a key part of the Belt and Road Initiative.",
    ],
]

Beads = list[tuple[tuple[str, ...], tuple[str, ...]]]
Gold = list[tuple[tuple[int, ...], tuple[int, ...]]]


def with_block(gold: Gold, english: list[str], block: list[str], at: int) -> tuple[list[str], Gold]:
    """The English with `block` inserted before gold bead `at` (at the end if `at` is the number
    of beads), and the gold renumbered, each inserted sentence a 0-1 bead."""
    en: list[str] = []
    beads: Gold = []
    for k, (src, tgt) in enumerate([*gold, ((), ())]):
        if k == at:
            beads += [((), (len(en) + x,)) for x in range(len(block))]
            en += block
        if k < len(gold):
            beads.append((src, tuple(len(en) + x for x in range(len(tgt)))))
            en += [english[j] for j in tgt]
    return en, beads


def main() -> None:
    import sys

    from align_heldout import variant

    from tm.align import align_segments, evaluate, read_beads

    variant(sys.argv)

    found: dict[str, tuple[Beads, Beads]] = {"plain": ([], []), "inserted": ([], [])}
    for k, path in enumerate(sorted((CORPUS / "zh").iterdir())):
        name = path.name
        zh = path.read_text(encoding="utf-8").splitlines()
        english = (CORPUS / "en" / name).read_text(encoding="utf-8").splitlines()
        gold = read_beads(CORPUS / "gold" / f"{name}.align")
        at = len(gold) // 2 if k % 2 == 0 else len(gold)
        inserted = with_block(gold, english, BLOCKS[k % len(BLOCKS)], at)
        for label, (en, beads) in (("plain", (english, gold)), ("inserted", inserted)):
            test = align_segments(zh, en, source_lang="zh", target_lang="en").beads
            tests, golds = found[label]
            tests += [(named(name, b.src), named(name, b.tgt)) for b in test]
            golds += [(named(name, s), named(name, t)) for s, t in beads]
    print(f"{date.today()}; corpora/news-gold, {k + 1} releases")
    for label, (tests, golds) in found.items():
        scores = evaluate(tests, golds)
        print(f"{label:>9}: strict F1 {scores.strict_f1:.3f}, lax F1 {scores.lax_f1:.3f}")


def named(release: str, indices: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(f"{release}:{i}" for i in indices)


if __name__ == "__main__":
    main()
