"""Cues of two caption tracks paired by time: the one place that does it (`tm align` and
`tm check` both call `pair_cues`, so they see the same cue groups).

Two tracks of one video are rarely timed alike: one is shifted (a constant offset), or drifts
(a frame-rate conversion stretches it), one chains its cues back to back, one merges two cues
into one or splits one into two. So:

1. the mapping of track A's clock onto track B's (offset, and drift when it pays) is estimated
   from the overlaps themselves;
2. two cues pair when they overlap by at least half of the *shorter* one (a short cue inside a
   long one pairs; a long cue touching a short one's edge does not);
3. a cue no partner covers that much pairs with its best-overlapping partner only when the text
   agrees (the aligner's dictionary, numbers and names), when the tracks are English and
   Chinese; it stays alone otherwise (a "[music]" cue, a speaker the other track left out);
4. paired cues make groups (connected, and contiguous on both sides: groups never cross);
5. a translation often moves a clause across a cue boundary (the object lands in the next
   Chinese cue): when a rare word of one group is rendered in the neighbouring group's other
   side, and not in its own, the two groups become one.

The result does not depend on the order of the tracks: `pair_cues(b, a)` is `pair_cues(a, b)`
mirrored (the tracks are put in a canonical order before anything is estimated).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tm import lang as langs
from tm.model import Block

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,7}\b")

#: Two cues pair when their overlap is at least this share of the shorter cue.
LINK = 0.5
#: Below LINK, a cue's best partner is taken when the text agrees and it overlaps this much.
WEAK = 0.2
#: Offsets between tracks considered (either way), in milliseconds.
MAX_SHIFT_MS = 30_000
#: Offsets are voted for in bins this wide; this many best bins are tried.
BIN_MS, CANDIDATES = 100, 4
#: Drift (clock rates) considered: a frame-rate conversion 25 <-> 23.976 is 4.3 %; the
#: usual conversions are tried first, then a grid of half-percent steps.
MAX_DRIFT = 0.08
_RATES = (25 / 23.976, 23.976 / 25, 25 / 24, 24 / 25, 30 / 29.97, 29.97 / 30, 30 / 25, 25 / 30)
_SCALES = tuple(r for r in _RATES if abs(r - 1) <= MAX_DRIFT) + tuple(
    1 + k / 200 for k in range(-16, 17) if k
)
#: Offset-only timing whose cues overlap their best partners this well (on average, as a
#: share of the shorter cue) needs no drift search.
WELL_PAIRED = 0.95
#: Tracks this short are taken as timed alike: a few cues cannot tell a shift from a pause.
MIN_CUES = 4
#: At most this many cues of A (evenly spaced) are used to estimate the clock.
SAMPLE = 300
#: A group grows across a boundary to at most this many cues a side.
MAX_GROUP = 4
#: Evidence found in at most this many cues of the other track is rare enough to move a group,
#: and a boundary moves for this many such words.
RARE_HITS, CROSSINGS = 2, 1
#: Rare means rare among this many English cues either side (about a minute of speech).
RARE_WINDOW = 15


@dataclass(frozen=True)
class CueGroup:
    """Cues of track A (`source`) and of track B (`target`) that render each other: indices
    into the two cue lists, ascending. One side may be empty (a cue the other track lacks)."""

    source: tuple[int, ...]
    target: tuple[int, ...]

    def mirrored(self) -> CueGroup:
        return CueGroup(self.target, self.source)

    def __str__(self) -> str:
        return f"[{', '.join(map(str, self.source))}]:[{', '.join(map(str, self.target))}]"


@dataclass(frozen=True)
class Clock:
    """Track A's time mapped onto track B's: b = scale * a + offset_ms."""

    scale: float = 1.0
    offset_ms: float = 0.0

    def __call__(self, ms: float) -> float:
        return self.scale * ms + self.offset_ms

    def inverse(self) -> Clock:
        return Clock(1 / self.scale, -self.offset_ms / self.scale)


@dataclass(frozen=True)
class CuePairing:
    """The cue groups of two tracks and the clock that maps A's times onto B's."""

    groups: list[CueGroup]
    clock: Clock


def pair_cues(
    a: Sequence[Block],
    b: Sequence[Block],
    *,
    terms: dict[str, frozenset[str]] | None = None,
) -> list[CueGroup]:
    """The cue groups of tracks `a` and `b`, in time order; every cue of both tracks is in
    exactly one group. `terms` (Chinese term -> English stems) joins the dictionary.
    Symmetric: `pair_cues(b, a)` gives the same groups mirrored."""
    return pair_tracks(a, b, terms=terms).groups


def pair_tracks(
    a: Sequence[Block],
    b: Sequence[Block],
    *,
    terms: dict[str, frozenset[str]] | None = None,
) -> CuePairing:
    """`pair_cues` with the clock it estimated."""
    if _key(a) > _key(b):
        groups, clock = _pair(b, a, terms or {})
        return CuePairing([group.mirrored() for group in groups], clock.inverse())
    groups, clock = _pair(a, b, terms or {})
    return CuePairing(groups, clock)


def group_overlap(group: CueGroup, a: Sequence[Block], b: Sequence[Block], clock: Clock) -> float:
    """How well a group's two sides agree in time (0..1; 0 for a one-sided group): the
    overlap of their spans, A's mapped by `clock`, as a share of the shorter."""
    if not group.source or not group.target:
        return 0.0
    span_a = (
        clock(min(a[i].start_ms or 0 for i in group.source)),
        clock(max(a[i].end_ms or 0 for i in group.source)),
    )
    span_b = (
        float(min(b[j].start_ms or 0 for j in group.target)),
        float(max(b[j].end_ms or 0 for j in group.target)),
    )
    return relative_overlap(span_a, span_b)


def estimate_clock(a: Sequence[Block], b: Sequence[Block]) -> Clock:
    """The mapping of A's clock onto B's that makes the cues overlap best: an offset voted for
    by the cues' start differences; when that leaves cues unpaired, also a drift (the usual
    frame-rate conversions first, then a grid), each with its own voted offsets; finally a
    least-squares fit on the cues that pair one to one, kept when it makes the overlap better."""
    spans_a, spans_b = _spans(a), _spans(b)
    if min(len(spans_a), len(spans_b)) < MIN_CUES:
        return Clock()
    index = _Index(spans_b)
    step = max(1, len(spans_a) // SAMPLE)
    sample = spans_a[::step]
    best, best_score = Clock(), _fit(sample, index, Clock())
    for scale in (1.0, *_SCALES):
        for clock in _voted(sample, index, scale):
            score = _fit(sample, index, clock)
            if score > best_score * 1.02 + 1e-9:  # no move for noise: identical timing stays
                best, best_score = clock, score
        if scale == 1.0 and best_score >= WELL_PAIRED * min(len(sample), len(spans_b)):
            break
    best_score = _fit(spans_a, index, best)
    for _ in range(3):
        fitted = _drift(spans_a, index, best)
        if fitted is None:
            break
        score = _fit(spans_a, index, fitted)
        if score <= best_score + 1e-9:
            break
        best, best_score = fitted, score
    return best


def _voted(sample: list[tuple[float, float]], index: _Index, scale: float) -> list[Clock]:
    """The offsets most cue pairs agree on, at this clock rate."""
    votes: dict[int, int] = defaultdict(int)
    for start, _end in sample:
        mapped = scale * start
        lo = bisect_left(index.starts, mapped - MAX_SHIFT_MS)
        hi = bisect_left(index.starts, mapped + MAX_SHIFT_MS)
        for k in range(lo, hi):
            votes[round((index.starts[k] - mapped) / BIN_MS)] += 1
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], abs(kv[0]), kv[0]))
    return [Clock(scale, float(bin_ * BIN_MS)) for bin_, _ in ranked[:CANDIDATES]]


def relative_overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The overlap of two spans as a share of the shorter one (0..1)."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap <= 0:
        return 0.0
    return overlap / max(min(a[1] - a[0], b[1] - b[0]), 1.0)


# -- the pairing, in the canonical order ------------------------------------------------------


def _key(track: Sequence[Block]) -> tuple[tuple[int, int, str], ...]:
    return tuple((c.start_ms or 0, c.end_ms or 0, c.text) for c in track)


def _spans(track: Sequence[Block]) -> list[tuple[float, float]]:
    out = []
    for cue in track:
        start = float(cue.start_ms or 0)
        out.append((start, max(float(cue.end_ms or 0), start)))
    return out


class _Index:
    """Spans sorted by start, for the spans overlapping a given one."""

    def __init__(self, spans: list[tuple[float, float]]) -> None:
        self.spans = spans
        self.order = sorted(range(len(spans)), key=lambda j: (spans[j][0], spans[j][1], j))
        self.starts = [spans[j][0] for j in self.order]
        self.longest = max((e - s for s, e in spans), default=0.0)

    def overlapping(self, span: tuple[float, float]) -> list[tuple[int, float]]:
        """(index, relative overlap) of each span overlapping `span`."""
        lo = bisect_left(self.starts, span[0] - self.longest)
        hi = bisect_left(self.starts, span[1])
        out = []
        for k in range(lo, hi):
            j = self.order[k]
            share = relative_overlap(span, self.spans[j])
            if share > 0:
                out.append((j, share))
        return out


def _mapped(span: tuple[float, float], clock: Clock) -> tuple[float, float]:
    return (clock(span[0]), clock(span[1]))


def _fit(spans_a: list[tuple[float, float]], index: _Index, clock: Clock) -> float:
    """How well A's cues land on B's under `clock`: the sum of each cue's best overlap."""
    return sum(
        max((share for _, share in index.overlapping(_mapped(span, clock))), default=0.0)
        for span in spans_a
    )


def _drift(spans_a: list[tuple[float, float]], index: _Index, clock: Clock) -> Clock | None:
    """A clock fitted (least squares on cue midpoints) to the cues that pair one to one and
    well under `clock`; None when too few do or the fit is no clock a video has."""
    points = []
    for span in spans_a:
        found = index.overlapping(_mapped(span, clock))
        if len(found) == 1 and found[0][1] >= 0.6:
            other = index.spans[found[0][0]]
            points.append(((span[0] + span[1]) / 2, (other[0] + other[1]) / 2))
    if len(points) < 4:
        return None
    return _line(points)


def _line(points: list[tuple[float, float]]) -> Clock | None:
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx <= 0:
        return None
    scale = sum((x - mean_x) * (y - mean_y) for x, y in points) / sxx
    if not math.isfinite(scale) or abs(scale - 1.0) > MAX_DRIFT:
        return None
    return Clock(scale, mean_y - scale * mean_x)


def _pair(
    a: Sequence[Block], b: Sequence[Block], terms: dict[str, frozenset[str]]
) -> tuple[list[CueGroup], Clock]:
    if not a or not b:
        groups = [CueGroup((i,), ()) for i in range(len(a))]
        return groups + [CueGroup((), (j,)) for j in range(len(b))], Clock()
    clock = estimate_clock(a, b)
    spans_a, spans_b = _spans(a), _spans(b)
    index = _Index(spans_b)
    text = _Text.of(a, b, terms)
    links: set[tuple[int, int]] = set()
    weak: dict[tuple[str, int], list[tuple[int, int, float]]] = defaultdict(list)
    linked_a: set[int] = set()
    linked_b: set[int] = set()
    for i, span in enumerate(spans_a):
        for j, share in index.overlapping(_mapped(span, clock)):
            if share >= LINK:
                links.add((i, j))
                linked_a.add(i)
                linked_b.add(j)
            elif share >= WEAK:
                weak[("a", i)].append((i, j, share))
                weak[("b", j)].append((i, j, share))
    # A cue nothing covers well: its best partner by the text, else by the overlap, when the
    # text agrees (or cannot judge: two tracks in one language).
    for (side, k), options in sorted(weak.items()):
        if k in (linked_a if side == "a" else linked_b):
            continue
        scored = [(text.agreement(i, j), share, i, j) for i, j, share in options]
        agreement, _share, i, j = max(scored, key=lambda s: (s[0] or 0.0, s[1], -s[2], -s[3]))
        if agreement is None or agreement > 0:
            links.add((i, j))
    groups = _groups(len(a), len(b), spans_a, spans_b, links)
    return (text.grow(groups) if text.active else groups), clock


def _groups(
    n: int,
    m: int,
    spans_a: list[tuple[float, float]],
    spans_b: list[tuple[float, float]],
    links: set[tuple[int, int]],
) -> list[CueGroup]:
    """Connected cues as groups, made contiguous in time order on both sides (two groups that
    cross are one), cues without a partner alone; in time order."""
    order_a = sorted(range(n), key=lambda i: (spans_a[i], i))
    order_b = sorted(range(m), key=lambda j: (spans_b[j], j))
    rank_a = {i: r for r, i in enumerate(order_a)}
    rank_b = {j: r for r, j in enumerate(order_b)}
    parent = list(range(n + m))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links:
        parent[find(i)] = find(n + j)
    members: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(n):
        members[find(i)][0].append(rank_a[i])
    for j in range(m):
        members[find(n + j)][1].append(rank_b[j])
    # Each linked component as rank ranges on both sides; merge those that overlap or cross.
    ranges = []
    for side_a, side_b in members.values():
        if side_a and side_b:
            ranges.append([min(side_a), max(side_a), min(side_b), max(side_b)])
    ranges.sort()
    merged: list[list[int]] = []
    for r in ranges:
        if merged and (r[0] <= merged[-1][1] or r[2] <= merged[-1][3]):
            last = merged[-1]
            last[1], last[3] = max(last[1], r[1]), max(last[3], r[3])
            last[2] = min(last[2], r[2])
        else:
            merged.append(r)
    groups: list[CueGroup] = []
    next_a = next_b = 0
    for lo_a, hi_a, lo_b, hi_b in merged:
        groups.extend(CueGroup((order_a[r],), ()) for r in range(next_a, lo_a))
        groups.extend(CueGroup((), (order_b[r],)) for r in range(next_b, lo_b))
        groups.append(
            CueGroup(
                tuple(sorted(order_a[r] for r in range(lo_a, hi_a + 1))),
                tuple(sorted(order_b[r] for r in range(lo_b, hi_b + 1))),
            )
        )
        next_a, next_b = hi_a + 1, hi_b + 1
    groups.extend(CueGroup((order_a[r],), ()) for r in range(next_a, n))
    groups.extend(CueGroup((), (order_b[r],)) for r in range(next_b, m))
    groups.sort(key=lambda g: _group_start(g, spans_a, spans_b))
    return groups


def _group_start(
    group: CueGroup, spans_a: list[tuple[float, float]], spans_b: list[tuple[float, float]]
) -> tuple[float, int, int]:
    starts = [spans_a[i][0] for i in group.source] + [spans_b[j][0] for j in group.target]
    return (
        min(starts),
        group.source[0] if group.source else -1,
        group.target[0] if group.target else -1,
    )


# -- the text as evidence ---------------------------------------------------------------------


class _Text:
    """What the English cues' words and the Chinese cues' dictionary glosses say about which
    cues render which. Inactive (judges nothing) unless one track is Chinese, the other not."""

    def __init__(
        self,
        zh: Sequence[Block],
        en: Sequence[Block],
        zh_is_a: bool,
        terms: dict[str, frozenset[str]],
    ) -> None:
        from tm.align import lexicon
        from tm.text.numbers import chinese_numbers, english_numbers
        from tm.text.variants import to_simplified

        self.active = True
        self.zh_is_a = zh_is_a
        self.en_words = [
            lexicon.english_stems(c.text)
            | set(english_numbers(c.text))
            | lexicon.english_names(c.text)
            for c in en
        ]
        where: dict[str, list[int]] = defaultdict(list)  # word -> English cues, ascending
        for j, words in enumerate(self.en_words):
            for word in words:
                where[word].append(j)
        self.where = where
        # Each Chinese cue's items: (glosses, firm). A firm item is a number, a term, a whole
        # dictionary word or a name read as pinyin, and not a piece of a name the English
        # writes as an acronym (中国 + 电力 spell the C and P of CPID: "power" in the next
        # cue is no evidence). Glosses pieced together from single characters, and acronym
        # pieces, may pair a weak overlap but never move a boundary.
        acronyms = sorted({m.lower() for c in en for m in _ACRONYM.findall(c.text)})
        self.zh_items: list[list[tuple[frozenset[str], bool]]] = []
        table = lexicon.cedict()
        cache: dict[str, tuple[frozenset[str], bool]] = {}
        for cue in zh:
            tokens = []
            # CC-CEDICT and jieba read Simplified: a Traditional cue is read converted.
            for token in lexicon.chinese_tokens(to_simplified(cue.text)):
                if len(token) < 2 or token.isdigit():
                    continue
                item = cache.get(token)
                if item is None:
                    found = lexicon.glosses(token, terms)
                    firm = token in terms or token in table
                    if len(token) <= 4 and token not in table:
                        names = lexicon.pinyin_forms(token)
                        found, firm = found | names, firm or bool(names)
                    item = cache[token] = (found, firm)
                tokens.append(item)
            spelled: set[int] = set()
            for k in range(len(tokens)):
                for acronym in acronyms:
                    n = lexicon.spelled_initials(acronym, [g for g, _ in tokens[k:]])
                    if n >= 2:
                        spelled.update(range(k, k + n))
            items = [(frozenset({v}), True) for v in chinese_numbers(cue.text)]
            items += [(g, firm and k not in spelled) for k, (g, firm) in enumerate(tokens) if g]
            self.zh_items.append(items)

    @classmethod
    def of(cls, a: Sequence[Block], b: Sequence[Block], terms: dict[str, frozenset[str]]) -> _Text:
        from tm.captions.tracks import track_language

        a_zh = langs.is_chinese(track_language(a))
        b_zh = langs.is_chinese(track_language(b))
        if a_zh == b_zh:
            return _Inactive()
        return cls(a if a_zh else b, b if a_zh else a, a_zh, terms)

    def _zh_en(self, i: int, j: int) -> tuple[int, int]:
        return (i, j) if self.zh_is_a else (j, i)

    def agreement(self, i: int, j: int) -> float | None:
        """How many of the Chinese cue's words the English cue renders (None: cannot judge)."""
        zh, en = self._zh_en(i, j)
        words = self.en_words[en]
        return float(sum(1 for glosses, _firm in self.zh_items[zh] if glosses & words))

    def _rare_crossings(
        self,
        zh: tuple[int, ...],
        en_own: tuple[int, ...],
        en_next: tuple[int, ...],
        zh_next: tuple[int, ...],
    ) -> int:
        """Words of the Chinese cues `zh` rendered in the neighbouring group's English
        `en_next`, and neither in their own English `en_own` nor by the neighbour's own
        Chinese `zh_next`; firm, and rare near here (a word of every other cue of a long talk
        is no evidence of a move)."""
        own = set().union(*(self.en_words[j] for j in en_own))
        other = set().union(*(self.en_words[j] for j in en_next))
        explained = {w for i in zh_next for glosses, _ in self.zh_items[i] for w in glosses}
        lo, hi = min(en_next) - RARE_WINDOW, max(en_next) + RARE_WINDOW
        count = 0
        for i in zh:
            for glosses, firm in self.zh_items[i]:
                found = (glosses & other) - explained if firm else set()
                if (
                    found
                    and not glosses & own
                    and min(self._near(w, lo, hi) for w in found) <= RARE_HITS
                ):
                    count += 1
        return count

    def _near(self, word: str, lo: int, hi: int) -> int:
        """In how many English cues from `lo` to `hi` the word occurs."""
        cues = self.where[word]
        return bisect_right(cues, hi) - bisect_left(cues, lo)

    def grow(self, groups: list[CueGroup]) -> list[CueGroup]:
        """Groups made one where a clause crossed a cue boundary: with the group before, or
        with the one before that (the clause moved over a short cue between them)."""
        out: list[CueGroup] = []
        for group in groups:
            for back in (1, 2):
                if len(out) < back:
                    break
                span = [*out[-back:], group]
                merged = CueGroup(
                    tuple(sorted(i for g in span for i in g.source)),
                    tuple(sorted(j for g in span for j in g.target)),
                )
                if max(len(merged.source), len(merged.target)) <= MAX_GROUP and self._crossed(
                    out[-back], group
                ):
                    del out[-back:]
                    group = merged
                    break
            out.append(group)
        return out

    def _crossed(self, first: CueGroup, second: CueGroup) -> bool:
        if not (first.source and first.target and second.source and second.target):
            return False
        if self.zh_is_a:
            zh1, en1, zh2, en2 = first.source, first.target, second.source, second.target
        else:
            zh1, en1, zh2, en2 = first.target, first.source, second.target, second.source
        # A clause moves over one boundary: the English it lands against is the cue next to
        # that boundary (the first group's last, or the second group's first).
        return (
            self._rare_crossings(zh1, en1, (min(en2),), zh2) >= CROSSINGS
            or self._rare_crossings(zh2, en2, (max(en1),), zh1) >= CROSSINGS
        )


class _Inactive(_Text):
    def __init__(self) -> None:  # the tracks share a language: nothing to read
        self.active = False

    def agreement(self, i: int, j: int) -> float | None:
        return None
