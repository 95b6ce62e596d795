"""Monotone alignment of Chinese with English sentences: dynamic programming over beads.

A bead joins a run of 0-4 sentences on one side to a run on the other (1-1, 1-2, 2-1, 1-3 ...).
Its cost adds five calibrated terms (tm/align/calibration.json):
- the bead type's prior (literary and news Chinese -> English has many 1-2 and 1-3 beads);
- length: English runs about 3.9 characters per Chinese character; the log ratio follows a
  Student t (heavy tails: a freely translated sentence far from the usual ratio costs a little
  more than a usual one, not the square of its distance), with less spread for longer beads;
  the mean follows the document pair's ratio, and a second pass takes the spread from the
  first pass's beads (a free translation spreads more than a close one);
- lexical evidence, both ways: how much of the Chinese (by CC-CEDICT glosses, the memory's
  terms, numbers and Latin names) is found in the English, and how much of the English is
  explained by the Chinese. Each word counts by how rare its evidence is in the whole other
  document (a likelihood ratio doing the job of IDF), so "the" and 是 weigh nothing. It costs
  twice: as a share (coverage, which treats short and long sentences alike) and as the amount
  left unexplained (in the same units, nats of surprise), which a null bead pays too, so that
  a sentence rich in rare words is not merged into a bead that cannot explain it;
- how the bead ends: a question, a closing quotation mark, or a quotation still open (a turn
  of speech running on into the next sentence) on one side and not the other;
- marks a translation keeps (tm/align/marks.py): quoted speech on one side of a bead only is
  rare in a translation and common between neighbours.
A run of English sentences left alone (0-1) pays the null bead's prior once, then only what
each sentence leaves unexplained: an English-only paragraph (a company boilerplate) is one
omission, not several.
The search is restricted to a band that follows anchors (rare words found once nearby), so
cost grows linearly with length; the band's cells are scored with numpy, many rows at once
(tm/align/band.py).
"""

from __future__ import annotations

import gc
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import tm
from tm import lang as langs
from tm.align import lexicon, marks
from tm.errors import UsageError
from tm.segment import SEGMENTER
from tm.text.numbers import chinese_numbers, english_numbers

BEAD_TYPES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (1, 0), (0, 1))
MAX_SIDE = 4  # the most sentences one side of a bead may hold
#: How far from the diagonal (sentences) a Chinese sentence's evidence is looked for.
REACH_MIN, REACH_SHARE = 200, 0.1
#: Evidence found in at most this many English sentences within reach marks an anchor.
ANCHOR_HITS = 2
#: The band's half-width (sentences) around a first pass's path: the second pass moves the
#: path by a few sentences at most (the same beads on MAC-Dev, news-gold and the benchmark
#: corpus at 10, 15 or 30), and a path along the band's edge still moves the band.
REFINE_WIDTH = 15
#: How many beads the calibration's length spread counts as, beside a document pair's own
#: (`_pair_spread`): a short document keeps close to it, a chapter's 200 beads outweigh it.
SPREAD_PRIOR_BEADS = 10
_NUMERIC = re.compile(r"[\d.,０-９零〇一二两三四五六七八九十百千万亿]+")


@dataclass(frozen=True)
class Bead:
    """One alignment step: sentence indices of the source and of the target, and a score in
    0..1 (how well the two sides explain each other)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float

    def __str__(self) -> str:
        return f"[{', '.join(map(str, self.src))}]:[{', '.join(map(str, self.tgt))}]"


@dataclass
class Alignment:
    beads: list[Bead]
    source_lang: str
    target_lang: str
    signature: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def calibration() -> dict[str, object]:
    text = resources.files("tm.align").joinpath("calibration.json").read_text("utf-8")
    return json.loads(text)


class _Evidence:
    """Per-sentence lexical data and the pairwise evidence inside the band."""

    # Set in __init__ by either branch (numpy arrays typed Any: numpy is imported lazily).
    zh_words: list[list[str]]
    en_stems: list[set[str]]
    zh_numbers: list[list[str]]
    zh_chars: Any
    en_chars: Any
    zh_ends: Any
    en_ends: Any
    zh_marks: Any
    en_marks: Any
    _glosses: dict[str, frozenset[str]]
    _index: dict[str, list[int]]
    _where: dict[frozenset[str], tuple[float, list[int]]]
    _vocabulary: frozenset[str]

    def __init__(
        self,
        zh: list[str],
        en: list[str],
        terms: dict[str, frozenset[str]],
        learned: dict[str, set[str]] | None = None,
        previous: _Evidence | None = None,
    ) -> None:
        # A second pass (with a learned lexicon) reuses what does not depend on the lexicon.
        if previous is not None:
            self.zh_words, self.en_stems = previous.zh_words, previous.en_stems
            self.zh_numbers, self._glosses = previous.zh_numbers, previous._glosses
            self.zh_chars, self.en_chars = previous.zh_chars, previous.en_chars
            self.zh_ends, self.en_ends = previous.zh_ends, previous.en_ends
            self.zh_marks, self.en_marks = previous.zh_marks, previous.en_marks
            self._index, self._where = previous._index, previous._where
            self._vocabulary = previous._vocabulary
        else:
            import numpy as np

            # Lengths (Chinese without spaces) and how each sentence ends, for every round.
            self.zh_chars = np.array([max(len("".join(s.split())), 1) for s in zh], dtype=float)
            self.en_chars = np.array([max(len(s), 1) for s in en], dtype=float)
            self.zh_ends, self.en_ends = marks.end_table(zh, True), marks.end_table(en, False)
            self.zh_marks = marks.mark_counts(zh, True)
            self.en_marks = marks.mark_counts(en, False)
            self.zh_words = [lexicon.chinese_tokens(s) for s in zh]
            self.en_stems = [
                lexicon.english_stems(s) | set(english_numbers(s)) | lexicon.english_names(s)
                for s in en
            ]
            self.zh_numbers = [chinese_numbers(s) for s in zh]
            self._glosses = {}
            # English stem -> its sentences; a set of glosses -> (weight, sentences found in).
            self._index = defaultdict(list)
            for j, stems in enumerate(self.en_stems):
                for s in stems:
                    self._index[s].append(j)
            self._vocabulary = frozenset(self._index)
            self._where = {}
        index, where, vocabulary = self._index, self._where, self._vocabulary
        n_en, n_zh = max(len(en), 1), max(len(zh), 1)
        # Chinese side: each token's glosses, and where in the English they occur.
        self.zh_tokens: list[list[tuple[float, list[int]]]] = []
        self.zh_gloss: list[set[str]] = []
        self.zh_weight: list[float] = []
        # Rare evidence (a name, a number) pins a Chinese row to an English sentence (the
        # first band's course; a second pass starts on the first pass's path instead).
        self.anchors: dict[tuple[int, int], float] = defaultdict(float)
        learned = learned or {}
        reach = max(REACH_MIN, REACH_SHARE * n_en)
        rendered: dict[str, frozenset[str]] = {}  # token -> its glosses and learned stems
        for row, (numbers, words) in enumerate(zip(self.zh_numbers, self.zh_words, strict=True)):
            centre = row * n_en / n_zh
            tokens = []
            union: set[str] = set()
            # Numbers count as values (3.5亿 = 350 million), not as the tokens jieba cut.
            items = [frozenset({v}) for v in numbers]
            for token in words:
                renderings = rendered.get(token)
                if renderings is None:  # once per distinct token and pass
                    renderings = rendered[token] = self._renderings(token, terms, learned)
                items.append(renderings)
            for glosses in items:
                if not glosses:
                    continue
                union.update(glosses)
                found = where.get(glosses)
                if found is None:  # a token's hits are looked up once per document
                    every = sorted({j for g in glosses for j in index.get(g, ())})
                    weight = -math.log((len(every) + 0.5) / (n_en + 1)) if every else 0.0
                    found = where[glosses] = (weight, every)
                weight, every = found
                if every:
                    # Evidence counts only where it is found near where sentence i can align
                    # (the weight counts every hit). The list is shared, not cut: the band's
                    # tables look up their own window in it, and copying a common word's hits
                    # within reach for every row would make time grow with the square.
                    first = bisect_left(every, centre - reach)
                    last = bisect_right(every, centre + reach, first)
                    if last > first:
                        tokens.append((weight, every))
                        if previous is None and last - first <= ANCHOR_HITS:
                            for j in every[first:last]:
                                self.anchors[(row, j)] += weight
            self.zh_tokens.append(tokens)
            self.zh_gloss.append(union)
            self.zh_weight.append(sum(w for w, _ in tokens))
        # English side: stems some Chinese sentence can explain, weighted by rarity.
        zh_rows: dict[str, list[int]] = defaultdict(list)  # stem -> Chinese sentences
        for i, union in enumerate(self.zh_gloss):
            for g in union & vocabulary:
                zh_rows[g].append(i)
        weights = {s: -math.log((len(rows) + 0.5) / (n_zh + 1)) for s, rows in zh_rows.items()}
        # Each English word's weight and where in the Chinese it is explained.
        self.en_items = [
            [(weights[s], zh_rows[s]) for s in stems if s in weights] for stems in self.en_stems
        ]
        self.en_weight = [sum(w for w, _ in items) for items in self.en_items]
        # Band-shaped evidence tables, kept across the rounds of a search (tm/align/band.py).
        self.zh_windows: dict[int, tuple[int, int, Any]] = {}
        self.en_windows: dict[int, tuple[int, int, Any]] = {}

    def _renderings(
        self, token: str, terms: dict[str, frozenset[str]], learned: dict[str, set[str]]
    ) -> frozenset[str]:
        """What a Chinese token may be rendered by: its glosses (the same in every pass), and
        what the document pair taught. Numbers are counted as values instead."""
        if _NUMERIC.fullmatch(token):
            return frozenset()
        found = self._glosses.get(token)
        if found is None:
            found = lexicon.glosses(token, terms)
            # A name (which CC-CEDICT rarely lists) reads as its pinyin.
            if 1 < len(token) <= 4 and token not in lexicon.cedict():
                found = found | lexicon.pinyin_forms(token)
            self._glosses[token] = found
        extra = learned.get(token)
        return found | extra if extra else found


def align_segments(
    source: list[str],
    target: list[str],
    *,
    source_lang: str = "en",
    target_lang: str = "zh-Hans",
    terms: dict[str, frozenset[str]] | None = None,
) -> Alignment:
    """Align two lists of sentences (one side Chinese, the other English)."""
    src_zh = langs.is_chinese(source_lang)
    if src_zh == langs.is_chinese(target_lang):
        raise UsageError("alignment needs one Chinese and one English side")
    zh, en = (source, target) if src_zh else (target, source)
    beads = _align(zh, en, terms or {})
    if not src_zh:
        beads = [Bead(b.tgt, b.src, b.score) for b in beads]
    return alignment_of(beads, source_lang, target_lang)


def alignment_of(beads: list[Bead], source_lang: str, target_lang: str, **extra: str) -> Alignment:
    """An `Alignment` with the signature naming what produced it (tool, segmenter, lexicon,
    calibration), so that two runs can be compared."""
    signature = {
        "tool": f"tm {tm.__version__}",
        "segmenter": SEGMENTER,
        "lexicon": lexicon.LEXICON,
        "calibration": "mac-dev-8",
        **extra,
    }
    return Alignment(beads, langs.canonical(source_lang), langs.canonical(target_lang), signature)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while an alignment runs: the evidence is hundreds of
    thousands of small lists and tuples, none in a cycle, and each full collection also walks
    the dictionary tables loaded beside them (a sixth of the CPU time on 11,000 sentences).
    Whoever had paused it already keeps it paused."""
    paused = not gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not paused:
            gc.enable()


def _align(zh: list[str], en: list[str], terms: dict[str, frozenset[str]]) -> list[Bead]:
    with _no_cycle_collection():
        return _align_pair(zh, en, terms)


def _align_pair(zh: list[str], en: list[str], terms: dict[str, frozenset[str]]) -> list[Bead]:
    cal = calibration()
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [Bead((), (j,), 0.0) for j in range(m)] + [Bead((i,), (), 0.0) for i in range(n)]
    evidence = _Evidence(zh, en, terms)
    beads = _search(evidence, cal, None)
    learned = _learn(evidence, beads, float(cal["learn_min_score"]), float(cal["learn_min_dice"]))  # type: ignore[arg-type]
    if learned:
        # The second pass also takes the length model's spread from the document pair.
        cal = {**cal, "log_length_ratio_sd": _pair_spread(evidence, beads, cal)}
        evidence = _Evidence(zh, en, terms, learned, evidence)
        beads = _search(evidence, cal, _rows(beads, n))
    return [_rescored(evidence, bead) for bead in beads]


def _length_mean(evidence: _Evidence, cal: dict[str, object]) -> float:
    """The mean log character ratio of a bead. Translators differ in how many words they use
    (as Gale and Church estimate c per text): the mean follows the document pair's own ratio,
    which the calibration's mean per bead stood below by a fixed offset on its own data."""
    ratio = math.log(float(evidence.en_chars.sum()) / float(evidence.zh_chars.sum()))
    mean, overall = float(cal["log_length_ratio_mean"]), float(cal["log_length_ratio_global"])  # type: ignore[arg-type]
    return mean + ratio - overall


def _pair_spread(evidence: _Evidence, beads: list[Bead], cal: dict[str, object]) -> float:
    """The length model's spread for this document pair: the calibration's, scaled by how far
    the first pass's beads spread in the model's own units against how far they spread on the
    calibration's data (`first_pass_spread`). A free translation (MAC-Dev's chapter 002, the
    Deer and the Cauldron) spreads half as much again as a close one, and the spread measured
    on other chapters holds its length model too tight. A prior worth `SPREAD_PRIOR_BEADS`
    beads keeps a short document near the calibration."""
    sigma = float(cal["log_length_ratio_sd"])  # type: ignore[arg-type]
    usual = float(cal["first_pass_spread"])  # type: ignore[arg-type]
    z = _residuals(evidence, beads, cal)
    if len(z) < 2:
        return sigma
    squares = float(((z - z.mean()) ** 2).sum())
    spread = math.sqrt((SPREAD_PRIOR_BEADS * usual**2 + squares) / (SPREAD_PRIOR_BEADS + len(z)))
    return sigma * spread / usual


def _residuals(evidence: _Evidence, beads: list[Bead], cal: dict[str, object]) -> Any:
    """Each bead's log character ratio in the length model's units (its distance from the
    mean over its spread); beads with an empty side are left out."""
    import numpy as np

    sigma = float(cal["log_length_ratio_sd"])  # type: ignore[arg-type]
    reference = float(cal["length_reference"])  # type: ignore[arg-type]
    full = [b for b in beads if b.src and b.tgt]
    zh_chars = np.array([sum(evidence.zh_chars[i] for i in b.src) for b in full])
    en_chars = np.array([sum(evidence.en_chars[j] for j in b.tgt) for b in full])
    mean = _length_mean(evidence, cal)
    return (np.log(en_chars / zh_chars) - mean) / (sigma * np.sqrt(reference / zh_chars))


def first_pass_residuals(zh: list[str], en: list[str]) -> list[float]:
    """The first pass's beads of a document pair as `_residuals`: how calibration.json's
    `first_pass_spread` is measured (their spread about each document's own mean, pooled over
    MAC-Dev's chapters; benchmarks/align_heldout.py measures it on five chapters of six)."""
    evidence = _Evidence(zh, en, {})
    z = _residuals(evidence, _search(evidence, calibration(), None), calibration())
    return [float(v) for v in z - z.mean()] if len(z) else []


def _support(evidence: _Evidence, bead: Bead) -> float:
    """How well the other side of the bead explains its least explained sentence (0..1):
    a sentence nothing across explains (a company boilerplate, a media contact merged into
    the neighbouring bead) makes the whole bead doubtful, however well the rest matches."""
    shares = []
    for j in bead.tgt:
        total = evidence.en_weight[j]
        hit = sum(w for w, rows in evidence.en_items[j] if _meets(rows, bead.src))
        shares.append(hit / total if total else 0.0)
    for i in bead.src:
        total = evidence.zh_weight[i]
        hit = sum(w for w, found in evidence.zh_tokens[i] if _meets(found, bead.tgt))
        shares.append(hit / total if total else 0.0)
    return min(shares)


def _meets(positions: list[int], run: tuple[int, ...]) -> bool:
    """Whether sorted `positions` hold one of a bead side's (consecutive) sentences."""
    k = bisect_left(positions, run[0])
    return k < len(positions) and positions[k] <= run[-1]


def _rescored(evidence: _Evidence, bead: Bead) -> Bead:
    """A bead of several sentences scores no better than its least explained sentence."""
    if len(bead.src) + len(bead.tgt) <= 2:
        return bead
    return Bead(bead.src, bead.tgt, round(min(bead.score, _support(evidence, bead)), 3))


def _learn(
    evidence: _Evidence, beads: list[Bead], min_score: float, min_dice: float
) -> dict[str, set[str]]:
    """A lexicon learned from the document pair itself: Chinese tokens and English stems that
    keep meeting in the confident beads of a first pass (Dice association, seen twice)."""
    zh_count: dict[str, int] = defaultdict(int)
    en_count: dict[str, int] = defaultdict(int)
    pair_count: dict[tuple[str, str], int] = defaultdict(int)
    for bead in beads:
        if not bead.src or not bead.tgt or bead.score < min_score:
            continue
        words = {w for i in bead.src for w in evidence.zh_words[i] if len(w) > 1}
        stems = {s for j in bead.tgt for s in evidence.en_stems[j]}
        for w in words:
            zh_count[w] += 1
        for s in stems:
            en_count[s] += 1
        for w in words:
            for s in stems:
                pair_count[(w, s)] += 1
    learned: dict[str, set[str]] = defaultdict(set)
    for (w, s), both in pair_count.items():
        if both >= 2 and 2 * both / (zh_count[w] + en_count[s]) >= min_dice:
            learned[w].add(s)
    return learned


def length_surprise(delta: Any, nu: float) -> Any:
    """The length term of a bead whose log character ratio lies `delta` spreads from the mean:
    a Student t's negative log density with `nu` degrees of freedom (up to a constant), or the
    normal's `delta**2 / 2` when `nu` is 0. A normal prices a sentence translated freely (a
    line of dialogue rendered by a long paragraph, MAC-Dev's chapter 002) by the square of its
    distance and so merges its neighbours into it to even the lengths out; the t's tails grow
    with the logarithm (nu = 4, the usual robust choice: held out on MAC-Dev, .892 -> .902)."""
    import numpy as np

    if not nu:
        return delta * delta / 2
    return (nu + 1) / 2 * np.log1p(delta * delta / nu)


def _search(
    evidence: _Evidence,
    cal: dict[str, object],
    centre: list[float] | None,
) -> list[Bead]:
    """Banded DP. The band has a fixed width around a centre line (at first the anchors'
    course, then a previous pass's path), so time is linear in the length; when the best path
    runs along the band's edge, the band is moved onto that path and the search runs again (a
    few times at most), so large omissions are still followed."""
    from tm.align.band import band_limits

    n, m = len(evidence.zh_chars), len(evidence.en_chars)
    width = int(cal["band_width"])  # type: ignore[call-overload]
    if centre is not None:  # a second pass, starting on the first pass's path
        width = min(width, REFINE_WIDTH)
    if centre is None:
        chain = _consistent(_anchor_chain(evidence.anchors), m / n)
        centre = _length_diagonal(evidence, chain)
    for _round in range(int(cal["band_rounds"])):  # type: ignore[call-overload]
        beads = _band_search(evidence, cal, centre, width)
        path = _rows(beads, n)
        lo, hi = band_limits(centre, width, m)
        entered = [path[0], *path[:-1]]
        if all(
            (lo[i] == 0 or min(entered[i], path[i]) > lo[i] + 2)
            and (hi[i] == m or path[i] < hi[i] - 2)
            for i in range(n + 1)
        ):
            break
        centre = path
    return beads


def _anchor_chain(anchors: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The heaviest chain of anchors rising on both sides (a weighted longest increasing
    subsequence, O(k log k)): the rare words that agree with one another on where the
    translation runs. Anchors that contradict the chain are outvoted."""
    if not anchors:
        return []
    points = sorted(anchors, key=lambda p: (p[0], -p[1]))  # one anchor a row, at most
    size = max(j for _i, j in points) + 2
    tree_best = [0.0] * (size + 1)  # Fenwick tree of (best chain weight, its last point)
    tree_last = [-1] * (size + 1)
    before = [-1] * len(points)
    total = [0.0] * len(points)
    for k, (_i, j) in enumerate(points):
        best, last, q = 0.0, -1, j  # the best chain ending in a column < j
        while q > 0:
            if tree_best[q] > best:
                best, last = tree_best[q], tree_last[q]
            q -= q & -q
        total[k], before[k] = best + anchors[points[k]], last
        q = j + 1
        while q <= size:
            if total[k] > tree_best[q]:
                tree_best[q], tree_last[q] = total[k], k
            q += q & -q
    k = max(range(len(points)), key=total.__getitem__)
    chain = []
    while k >= 0:
        chain.append(points[k])
        k = before[k]
    return chain[::-1]


def _consistent(
    chain: list[tuple[int, int]], slope: float, neighbours: int = 2, tolerance: float = 5.0
) -> list[tuple[int, int]]:
    """The anchors of a chain that agree with their neighbours: each one's offset from the
    diagonal within `tolerance` sentences of the median offset of the `neighbours` on either
    side. A chain can still pass through a few chance matches; they stand out this way."""
    import numpy as np

    if len(chain) <= 2 * neighbours:
        return chain
    offsets = np.array([j - i * slope for i, j in chain])
    kept = []
    for k, point in enumerate(chain):
        around = np.concatenate(
            [offsets[max(0, k - neighbours) : k], offsets[k + 1 : k + 1 + neighbours]]
        )
        if abs(offsets[k] - np.median(around)) <= tolerance:
            kept.append(point)
    return kept


def _length_diagonal(evidence: _Evidence, anchors: list[tuple[int, int]]) -> list[float]:
    """The first band's centre: through the anchors, and between them where the English has
    reached the same share of its characters as the Chinese has. It follows documents whose
    sentences are longer in one part than another better than the plain diagonal does, and
    long concatenations whose parts were translated differently better than lengths alone."""
    import numpy as np

    zh_at = np.concatenate([[0.0], np.cumsum(evidence.zh_chars)])
    en_at = np.concatenate([[0.0], np.cumsum(evidence.en_chars)])
    # Anchor (i, j): the end of Chinese row i meets the end of English sentence j.
    knots_zh = [0.0] + [zh_at[i] + evidence.zh_chars[i] / 2 for i, _j in anchors] + [zh_at[-1]]
    knots_en = [0.0] + [en_at[j] + evidence.en_chars[j] / 2 for _i, j in anchors] + [en_at[-1]]
    en_reached = np.interp(zh_at, knots_zh, knots_en)
    return np.interp(en_reached, en_at, np.arange(len(en_at))).tolist()


def _rows(beads: list[Bead], n: int) -> list[float]:
    """The path's English position at each Chinese row (interpolated inside a bead)."""
    rows = [0.0] * (n + 1)
    i = j = 0
    for bead in beads:
        x, y = len(bead.src), len(bead.tgt)
        for k in range(1, x + 1):
            rows[i + k] = j + y * k / x
        i, j = i + x, j + y
        rows[i] = j
    return rows


def _band_search(
    evidence: _Evidence,
    cal: dict[str, object],
    centre: list[float],
    width: int,
) -> list[Bead]:
    import numpy as np

    from tm.align.band import band_search

    mu, sigma = _length_mean(evidence, cal), float(cal["log_length_ratio_sd"])  # type: ignore[arg-type]
    a, b = float(cal["length_weight"]), float(cal["lexical_weight"])  # type: ignore[arg-type]
    counts: dict[str, int] = cal["bead_counts"]  # type: ignore[assignment]
    total = sum(counts.values())
    prior = {(x, y): -math.log(counts.get(f"{x}-{y}", 1) / total) for x, y in BEAD_TYPES}
    # The log length ratio of a longer bead varies less (as in Gale-Church): its spread is
    # sigma at `length_reference` Chinese characters, shrinking with the square root beyond.
    length_ref = float(cal["length_reference"])  # type: ignore[arg-type]
    sigma_floor = float(cal["sigma_floor"])  # type: ignore[arg-type]
    nu = float(cal.get("length_tail", 0.0))  # type: ignore[arg-type]

    def length_cost(en_chars: np.ndarray, zh_chars: np.ndarray) -> np.ndarray:
        spread = np.maximum(sigma * np.sqrt(length_ref / zh_chars), sigma_floor)
        delta = (np.log(en_chars / zh_chars) - mu) / spread
        return a * length_surprise(delta, nu)

    zh_ends, en_ends = evidence.zh_ends, evidence.en_ends
    mark_weights: dict[str, float] = cal["marks"]  # type: ignore[assignment]
    # Indexed by the end flags that differ (`marks.end_table`): a question or a closing
    # quotation mark costs the ends' weight, a quotation open on one side only speech's.
    speech_weight = float(cal["marks"]["speech"])  # type: ignore[index]
    edge_costs = float(cal["edge_weight"]) * np.array(  # type: ignore[arg-type]
        [bin(k & 3).count("1") for k in range(8)]
    ) + speech_weight * (np.arange(8) >= marks.OPEN)
    last_en = len(en_ends) - 1

    def edge_cost(zh_last: np.ndarray, en_last: np.ndarray) -> np.ndarray:
        """A bead whose Chinese ends in a question or a closing quotation mark and whose
        English does not (or the reverse) is less likely: each difference costs. Cells of
        beads with no English are masked by the caller."""
        return edge_costs[np.bitwise_xor(zh_ends[zh_last], en_ends[np.clip(en_last, 0, last_en)])]

    path = band_search(
        evidence.zh_chars,
        evidence.en_chars,
        evidence.zh_tokens,
        evidence.en_items,
        np.asarray(evidence.zh_weight, dtype=float),
        np.asarray(evidence.en_weight, dtype=float),
        centre,
        width,
        BEAD_TYPES,
        prior,
        length_cost,
        b,
        float(cal["null_cost"]),  # type: ignore[arg-type]
        MAX_SIDE,
        evidence.zh_windows,
        evidence.en_windows,
        edge_cost,
        float(cal.get("unexplained_weight", 0.0)),  # type: ignore[arg-type]
        (evidence.zh_marks, evidence.en_marks, np.array([mark_weights[k] for k in marks.MARKS])),
        cal.get("null_run_cost"),  # type: ignore[arg-type]
    )
    beads: list[Bead] = []
    i = j = 0
    for x, y, sim in path:
        beads.append(Bead(tuple(range(i, i + x)), tuple(range(j, j + y)), round(float(sim), 3)))
        i, j = i + x, j + y
    return beads
