"""Learn how Chinese transliterations spell Latin names, from CC-CEDICT, and measure the link.

    python benchmarks/transliteration_build.py          # writes tm/checks/data/transliteration.json
    python benchmarks/transliteration_build.py --check  # measures only, writes nothing

CC-CEDICT's proper nouns whose first definition starts with a Latin name that is not the
headword's own pinyin (布什 "Bush", 普京 "Vladimir Putin", 乌克兰 "Ukraine") are the training
pairs. Each is aligned monotonically, every Han character spelling one to six letters of the
name, by hard EM (Viterbi): the first pass scores a character's letters by their edit distance
to its pinyin, later passes by the counts of the pass before. The table kept is, for each
pinyin syllable and for each character seen often enough, how often it spells which letters.

One headword in five (by a hash of the headword: the same split on every run) is held out: the
threshold of `tm.checks.transliteration.SCORE` is chosen on the held-out pairs (each true pair
against the same Chinese with another held-out entry's name), and the link's precision and
recall there are printed.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import zlib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tm" / "checks" / "data" / "transliteration.json"
from tm.checks.transliteration import Spelling, letters_of, viterbi  # noqa: E402

HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def training_pairs() -> list[tuple[str, list[str]]]:
    """(headword, candidate letter strings): for a headword written in pieces (维克托·欧尔班),
    each piece against the word of the name in its place; for one piece, each word of the name
    and each run of consecutive words (the EM picks the one it spells)."""
    from tm.checks.name_evidence import TRANSLITERATION
    from tm.lexicon.cedict import entries
    from tm.lexicon.pinyin import syllables, transliterates

    table = syllables()
    out: list[tuple[str, list[str]]] = []
    seen: set[tuple[str, str]] = set()
    for entry in entries():
        pinyin = str(entry["pinyin"])
        if not pinyin[:1].isupper():
            continue  # a proper noun's pinyin is capitalised
        definitions = [d for d in entry["definitions"] if d[:1].isupper()]  # type: ignore[attr-defined]
        if not definitions:
            continue
        head = re.split(r"\s*[,;(]", definitions[0])[0].strip()
        words = [letters_of(w) for w in re.split(r"[\s-]+", head)]
        words = [w for w in words if w]
        if not words or len(words) > 4:
            continue
        headword = str(entry["simplified"])
        pieces = [p for p in re.split(r"[·・]", headword) if p]
        if not all(HAN.match(p) and all(c in table for c in p) for p in pieces):
            continue
        sound = sum(c in TRANSLITERATION for c in headword)
        if 2 * sound < len(headword.replace("·", "")):
            continue  # by meaning, mostly (黑海 Black Sea, 母亲节 Mother's Day)
        if transliterates(headword.replace("·", ""), head) or any(
            transliterates(p, " ".join(words)) for p in pieces
        ):
            continue  # a Chinese name or place in pinyin (张敏 Zhang Min, 北京 Beijing)
        if len(pieces) > 1 and len(pieces) == len(words):
            chosen = [(p, [w]) for p, w in zip(pieces, words, strict=True)]
        elif len(pieces) == 1 and 2 <= len(pieces[0]) <= 8:
            runs = [
                "".join(words[i:j])
                for i in range(len(words))
                for j in range(i + 1, min(len(words), i + 3) + 1)
            ]
            chosen = [(pieces[0], runs)]
        else:
            continue
        for piece, candidates in chosen:
            candidates = [c for c in candidates if len(piece) <= len(c) <= 6 * len(piece)]
            key = (piece, "|".join(candidates))
            if candidates and key not in seen:
                seen.add(key)
                out.append((piece, candidates))
    return out


def held_out(headword: str) -> bool:
    return zlib.crc32(headword.encode("utf-8")) % 5 == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="measure only, write nothing")
    args = parser.parse_args()

    from tm.lexicon.pinyin import syllables

    readings = syllables()
    pairs = training_pairs()
    train = [p for p in pairs if not held_out(p[0])]
    test = [p for p in pairs if held_out(p[0])]
    print(f"CC-CEDICT pairs: {len(pairs)} ({len(train)} to learn from, {len(test)} held out)")

    # The first round splits by the distance to pinyin alone (an empty table).
    spelling = Spelling({}, {}, readings)
    for rounds in range(5):
        spelling, total = learn(train, spelling, readings)
        print(f"round {rounds + 1}: mean log score per character {total / len(train):.2f}")

    positives, negatives = measure(spelling, test)
    threshold = choose(positives, negatives)
    print(
        f"held out: {len(positives)} true pairs, {len(negatives)} false (another entry's name); "
        f"threshold {threshold:.2f}"
    )
    for t in sorted({threshold, -4.5, -4.25, -4.0, -3.5, -3.0, -2.5}):
        tp = sum(1 for s in positives if s >= t)
        fp = sum(1 for s in negatives if s >= t)
        print(
            f"  score >= {t:.2f}: recall {tp / len(positives):.1%}, false links "
            f"{fp / len(negatives):.2%} of false pairs, precision {tp / max(tp + fp, 1):.1%}"
        )
    if not args.check:
        write(spelling, threshold, len(train), len(test))
        print(f"wrote {OUT.relative_to(ROOT)}")


def choose(positives: list[float], negatives: list[float]) -> float:
    """The lowest threshold at which at most one false pair in 200 is linked: a false link
    hides a dropped name, a missed one only leaves the counting as it was."""
    for t in sorted(set(positives)):
        if sum(1 for s in negatives if s >= t) <= len(negatives) / 200:
            return round(t, 2)
    return math.inf


def learn(
    train: list[tuple[str, list[str]]], spelling: Spelling, readings: dict[str, frozenset[str]]
) -> tuple[Spelling, float]:
    """One round of hard EM: each pair split by the current table, its pieces counted. The
    tenth of pairs that split worst (names by meaning that passed the filter) count not."""
    splits = []
    for chars, candidates in train:
        best = max((viterbi(chars, c, spelling.emit) for c in candidates), key=lambda s: s[0])
        if best[1]:
            splits.append((best[0] / len(chars), chars, best[1]))
    splits.sort(reverse=True)
    kept = splits[: len(splits) * 9 // 10]
    by_syllable: dict[str, Counter[str]] = defaultdict(Counter)
    by_char: dict[str, Counter[str]] = defaultdict(Counter)
    for _score, chars, pieces in kept:
        for char, piece in zip(chars, pieces, strict=True):
            by_char[char][piece] += 1
            for syllable in readings[char]:
                by_syllable[syllable][piece] += 1
    learned = Spelling(_table(by_syllable, 3), _table(by_char, 20), readings)
    return learned, sum(s for s, _c, _p in splits)


def _table(counts: dict[str, Counter[str]], least: int) -> dict[str, dict[str, float]]:
    out = {}
    for key, counter in counts.items():
        n = sum(counter.values())
        if n >= least:
            out[key] = {p: round(math.log(c / n), 2) for p, c in counter.items() if c / n >= 0.01}
    return out


def measure(
    spelling: Spelling, test: list[tuple[str, list[str]]]
) -> tuple[list[float], list[float]]:
    """Each held-out pair's score, and the same Chinese against three other entries' names."""
    rng = random.Random(17)
    names = [c for _h, cs in test for c in cs]
    positives, negatives = [], []
    for chars, candidates in test:
        positives.append(max(spelling.score(chars, c) for c in candidates))
        for other in rng.sample(names, 3):
            if other not in candidates:
                negatives.append(spelling.score(chars, other))
    return positives, negatives


def write(spelling: Spelling, threshold: float, learned: int, held: int) -> None:
    data = {
        "_source": (
            "Learned by benchmarks/transliteration_build.py from CC-CEDICT's proper nouns "
            "written mostly in transliteration characters whose first definition is a Latin "
            f"name other than their pinyin ({learned} pairs such as 布什 Bush, 普京 Putin; "
            f"{held} more held out to choose the threshold): log probabilities that a pinyin "
            "syllable, or a character seen 20 times or more, spells these letters."
        ),
        "threshold": threshold,
        "syllables": dict(sorted(spelling.syllables.items())),
        "characters": dict(sorted(spelling.characters.items())),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    OUT.write_text(text + "\n", "utf-8")


if __name__ == "__main__":
    main()
