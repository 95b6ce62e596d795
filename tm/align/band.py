"""The banded dynamic programme, vectorised with numpy.

What a bead adds to a path (length, lexical evidence, ends, marks) does not depend on the path,
so it is computed for every cell and bead type of a block of rows at once (`_BeadCosts`); the
row-by-row part is only the choice of the best predecessor, and the 0-1 bead (an English
sentence left alone), which depends on the cell just before in the same row, as a running
minimum along the row. The lexical evidence is laid out first as band-shaped tables: for each
sentence, how much of its evidence the other side's runs of 1-4 sentences starting at each
position explain (`_windows_hits`, many sentences at once).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

import numpy as np

INF = float("inf")
#: Rows whose bead costs are computed together (the arrays hold a block's cells per type).
BLOCK_ROWS = 256
#: Sentences whose windows are laid out together (`_windows_hits`).
WINDOW_BATCH = 512


def _windows_hits(
    items_of: Sequence[Sequence[tuple[float, Sequence[int]]]],
    starts: Sequence[int],
    stops: Sequence[int],
    max_side: int,
) -> list[np.ndarray]:
    """For each sentence k, its evidence items (weight, sorted positions where found): the
    weight explained by the positions [p, p + y) for every p in [starts[k], stops[k]) and
    y = 1..max_side, as an array of shape (max_side, stops[k] - starts[k]). An item counts once
    however many positions explain it. Sentences are laid out in batches, a few numpy calls a
    batch rather than a dozen a sentence (on 11,000 sentences the tables take 1.0 s instead
    of 1.6, the same tables)."""
    found: list[np.ndarray] = []
    for first in range(0, len(items_of), WINDOW_BATCH):
        last = min(len(items_of), first + WINDOW_BATCH)
        width = max(1, max(stops[k] - starts[k] for k in range(first, last)))
        weights: list[float] = []
        owner: list[int] = []  # each item's sentence in the batch
        rows: list[int] = []
        cols: list[int] = []
        for k in range(first, last):
            start, length = starts[k], stops[k] - starts[k]
            if length <= 0:
                continue
            end = start + length + max_side
            for weight, positions in items_of[k]:
                lo = bisect_left(positions, start)
                hi = bisect_left(positions, end, lo)
                if hi > lo:
                    rows.extend([len(weights)] * (hi - lo))
                    cols.extend(positions[lo:hi])
                    weights.append(weight)
                    owner.append(k - first)
        out = np.zeros((max_side, last - first, width))
        if weights:
            # Row r, column c: how many of item r's positions lie before start + c.
            present = np.zeros((len(weights), width + max_side + 1), dtype=np.int32)
            owners = np.asarray(owner)
            base = np.asarray(starts[first:last])[owners]
            present[rows, np.asarray(cols) - base[rows] + 1] = 1
            cumulative = np.cumsum(present, axis=1, dtype=np.int32)
            w = np.asarray(weights)[:, None]
            # Items come sentence by sentence: each sentence sums its own run of rows.
            heads = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
            for y in range(1, max_side + 1):
                hit = np.greater(cumulative[:, y : y + width], cumulative[:, :width])
                out[y - 1, owners[heads]] = np.add.reduceat(hit * w, heads, axis=0)
        for k in range(first, last):
            found.append(out[:, k - first, : max(stops[k] - starts[k], 0)])
    return found


def band_limits(centre: Sequence[float], width: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """The first and last column of each row's band. Row i spans from where the centre enters
    it (the row before's centre) to where it leaves it, widened by `width`: a centre that jumps
    ahead (a long run of English left alone, or a gap between anchors) still gives a band that
    every path can cross."""
    centre_arr = np.asarray(centre, dtype=float)
    entered = np.concatenate([centre_arr[:1], centre_arr[:-1]])
    lo = np.maximum(0, (np.minimum(entered, centre_arr) - width).astype(int))
    hi = np.minimum(m, (np.maximum(entered, centre_arr) + width).astype(int) + 1)
    return lo, hi


class BandTable:
    """Per-row arrays over a window of the other side, with each row's own offset."""

    def __init__(self, rows: int, lo: np.ndarray, hi: np.ndarray, max_side: int) -> None:
        self.lo = lo
        self.width = int((hi - lo).max()) if rows else 0
        self.data = np.zeros((max_side, rows, max(self.width, 1)))

    def fill(self, row: int, values: np.ndarray) -> None:
        self.data[:, row, : values.shape[1]] = values


#: Extra positions computed around a window, so that the next round's moved band can reuse it.
WINDOW_PAD = 16


def _filled(
    cache: dict[int, tuple[int, int, np.ndarray]] | None,
    items_of: Sequence[Sequence[tuple[float, Sequence[int]]]],
    lo: np.ndarray,
    hi: np.ndarray,
    max_side: int,
) -> BandTable:
    """The band-shaped table of every sentence's window [lo, hi) (`_windows_hits`), from the
    cache where it holds the window (the band moves a little between rounds, the evidence not
    at all), the others laid out together and remembered with `WINDOW_PAD` on either side."""
    count = len(items_of)
    table = BandTable(count, lo, hi, max_side)
    cache = {} if cache is None else cache
    missing = [
        k
        for k in range(count)
        if (known := cache.get(k)) is None or known[0] > lo[k] or known[1] < hi[k]
    ]
    starts = [max(0, int(lo[k]) - WINDOW_PAD) for k in missing]
    stops = [int(hi[k]) + WINDOW_PAD for k in missing]
    hits = _windows_hits([items_of[k] for k in missing], starts, stops, max_side)
    for k, start, stop, values in zip(missing, starts, stops, hits, strict=True):
        cache[k] = (start, stop, values)
    for k in range(count):
        start, _stop, values = cache[k]
        table.fill(k, values[:, int(lo[k]) - start : int(hi[k]) - start])
    return table


def band_search(
    zh_lengths: np.ndarray,
    en_lengths: np.ndarray,
    zh_items: Sequence[Sequence[tuple[float, Sequence[int]]]],
    en_items: Sequence[Sequence[tuple[float, Sequence[int]]]],
    zh_weight: np.ndarray,
    en_weight: np.ndarray,
    centre: Sequence[float],
    width: int,
    bead_types: Sequence[tuple[int, int]],
    prior: dict[tuple[int, int], float],
    length_cost: Callable[[np.ndarray, np.ndarray], np.ndarray],
    lexical_weight: float,
    null_cost: float,
    max_side: int,
    zh_cache: dict[int, tuple[int, int, np.ndarray]] | None = None,
    en_cache: dict[int, tuple[int, int, np.ndarray]] | None = None,
    edge_cost: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
    unexplained: float = 0.0,
    marks: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    run_cost: float | None = None,
) -> list[tuple[int, int, float]]:
    """The best path through the band as (x, y, similarity) steps from the start.

    `edge_cost(last_zh, last_en)` adds a cost for how the bead's last sentences end on each side
    (a question against a statement). `unexplained` prices the evidence weight a bead leaves
    unexplained on both sides, null beads included (their whole weight). `marks` holds the
    running counts of Chinese and of English sentences holding each mark (rows 0..n) and
    what a bead holding a mark on one side only pays for each. `run_cost` makes a run of 0-1
    beads pay its prior and null cost once, then `run_cost` for each further sentence (as an
    affine gap penalty does): an English-only paragraph is one omission, not several; None
    prices every 0-1 bead alike."""
    n, m = len(zh_lengths), len(en_lengths)
    zh_cum = np.concatenate([[0.0], np.cumsum(zh_lengths)])
    en_cum = np.concatenate([[0.0], np.cumsum(en_lengths)])
    zh_wcum = np.concatenate([[0.0], np.cumsum(zh_weight)])
    en_wcum = np.concatenate([[0.0], np.cumsum(en_weight)])
    lo, hi = band_limits(centre, width, m)
    # Chinese sentence k is the side of beads ending at rows k+1..k+max_side; the English runs
    # start at j - y for j in those rows' bands.
    zh_lo = np.empty(n, dtype=int)
    zh_hi = np.empty(n, dtype=int)
    for k in range(n):
        last = min(n, k + max_side)
        zh_lo[k] = max(0, int(lo[k + 1 : last + 1].min()) - max_side)
        zh_hi[k] = int(hi[k + 1 : last + 1].max()) + 1
    zh_table = _filled(zh_cache, zh_items, zh_lo, zh_hi, max_side)
    # English sentence l is explained by Chinese runs starting at i0 = i - x for rows i whose
    # band covers l..l+max_side.
    en_lo = np.empty(m, dtype=int)
    en_hi = np.empty(m, dtype=int)
    starts = np.searchsorted(hi, np.arange(m))  # first row whose band reaches l
    for sentence in range(m):
        first = int(starts[sentence])
        last = int(np.searchsorted(lo, sentence + max_side, side="right"))
        en_lo[sentence] = max(0, first - max_side)
        en_hi[sentence] = min(n, max(last, first + 1)) + 1
    en_table = _filled(en_cache, en_items, en_lo, en_hi, max_side)

    # Best cost, chosen bead type and similarity per cell, the rows one after the other in
    # flat arrays (row i's cell j at start[i] + j - lo[i]), so memory follows the band.
    widths = hi - lo + 1
    start = np.concatenate([[0], np.cumsum(widths)])
    best = np.full(int(start[-1]), INF)
    steps = np.full(int(start[-1]), -1, dtype=np.int16)
    origin = np.full(int(start[-1]), -1, dtype=np.int32)
    sims = np.zeros(int(start[-1]))
    type_index = {t: k for k, t in enumerate(bead_types)}
    # Every type but 0-1 comes from an earlier row: all are computed together, in the order
    # of `bead_types` so that ties go to the same type as a loop would choose.
    types = [t for t in bead_types if t[0] > 0]
    t_prior = np.array([prior[t] + (null_cost if t[1] == 0 else 0.0) for t in types])
    t_index = np.array([type_index[t] for t in types])
    costs = _BeadCosts(
        types,
        lo,
        start,
        (zh_cum, en_cum, zh_wcum, en_wcum),
        (zh_table, en_table),
        length_cost,
        lexical_weight,
        unexplained,
        edge_cost,
        marks,
    )
    c01 = prior[(0, 1)] + null_cost
    extend = c01 if run_cost is None else run_cost
    for first in range(0, n + 1, BLOCK_ROWS):
        last = min(n + 1, first + BLOCK_ROWS)
        # What each bead adds does not depend on the path: it is computed for a block of
        # rows at once; only the choice of the best predecessor goes row by row.
        offset = int(start[max(first, 1)])  # row 0 holds only the start
        local, source, similarity = costs.block(offset, int(start[last]))
        for i in range(first, last):
            js = np.arange(lo[i], hi[i] + 1)
            width_i = len(js)
            if i == 0:
                row = np.where(js == 0, 0.0, INF)
                choice = np.full(width_i, -1)
                sim = np.zeros(width_i)
            else:
                here = slice(int(start[i]) - offset, int(start[i + 1]) - offset)
                came = source[:, here]
                prev = np.where(came >= 0, best[np.maximum(came, 0)], INF)
                total = prev + t_prior[:, None] + local[:, here]
                pick = np.argmin(total, axis=0)
                span = np.arange(width_i)
                row = total[pick, span]
                choice = np.where(np.isfinite(row), t_index[pick], -1)
                sim = similarity[:, here][pick, span]
            # A run of 0-1 beads (English sentences alone) ending at cell t starts at an
            # earlier cell s of this row, where another bead ended: its cost is row[s] + c01 -
            # extend + the cumulated costs of s+1..t, a running minimum over row - ramp, with
            # where that minimum was found (the run's start, for the way back). Only earlier
            # cells count (a cell compared with itself would flip on rounding).
            alone_cost = extend + unexplained * en_weight[js[1:] - 1] / 2  # sentence j - 1
            ramp = np.concatenate([[0.0], np.cumsum(alone_cost)])
            values = row - ramp
            lowest = np.minimum.accumulate(values)
            where = np.maximum.accumulate(np.where(values <= lowest, np.arange(width_i), 0))
            earlier = np.concatenate([[INF], lowest[:-1]])
            running = earlier + ramp + (c01 - extend)
            alone = running < row
            stored = slice(start[i], start[i + 1])
            best[stored] = np.where(alone, running, row)
            steps[stored] = choice
            origin[stored] = np.where(alone, np.concatenate([[-1], where[:-1]]), -1)
            sims[stored] = sim
    path: list[tuple[int, int, float]] = []
    i, j = n, m
    run_ends = True  # a run of 0-1 beads may end here (not where one just began)
    while (i, j) != (0, 0):
        t = start[i] + j - lo[i]
        if run_ends and origin[t] >= 0:
            begins = int(lo[i] + origin[t])
            path.extend([(0, 1, 0.0)] * (j - begins))
            j, run_ends = begins, False
            continue
        run_ends = True
        kind = int(steps[t])
        if kind < 0:  # pragma: no cover - the corner is always reached
            raise RuntimeError("alignment band lost the corner")
        x, y = bead_types[kind]
        path.append((x, y, float(sims[t])))
        i, j = i - x, j - y
    path.reverse()
    return path


class _BeadCosts:
    """What a bead of each type ending at each cell of the band adds to the path's cost
    (its prior aside), with the cell it starts from and its similarity: everything but the
    choice of the best predecessor, computed for many rows at once."""

    def __init__(
        self,
        types: Sequence[tuple[int, int]],
        lo: np.ndarray,
        start: np.ndarray,
        sums: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
        tables: tuple[BandTable, BandTable],
        length_cost: Callable[[np.ndarray, np.ndarray], np.ndarray],
        lexical_weight: float,
        unexplained: float,
        edge_cost: Callable[[np.ndarray, np.ndarray], np.ndarray] | None,
        marks: tuple[np.ndarray, np.ndarray, np.ndarray] | None,
    ) -> None:
        self.types, self.lo, self.start = types, lo, start
        self.zh_cum, self.en_cum, self.zh_wcum, self.en_wcum = sums
        self.zh_table, self.en_table = tables
        self.length_cost, self.lexical_weight = length_cost, lexical_weight
        self.unexplained, self.edge_cost, self.marks = unexplained, edge_cost, marks
        self.widths = np.diff(start)
        self.m = len(self.en_cum) - 1

    def block(self, first: int, stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For cells [first, stop) of the flat band: each type's added cost (INF where the
        bead cannot end there), the flat index of the cell it starts from (-1: none) and its
        similarity, each shaped [type, cell]."""
        flat = np.arange(first, stop)
        i = np.searchsorted(self.start, flat, side="right") - 1  # each cell's row
        j = flat - self.start[i] + self.lo[i]
        shape = (len(self.types), stop - first)
        local, source, similarity = np.full(shape, INF), np.full(shape, -1), np.zeros(shape)
        edge = None if self.edge_cost is None else self.edge_cost(i - 1, j - 1)
        for k, (x, y) in enumerate(self.types):
            r0, j0 = i - x, j - y
            ok = (r0 >= 0) & (j0 >= 0)
            r0s, j0s = np.maximum(r0, 0), np.maximum(j0, 0)
            index = j0 - self.lo[r0s]
            ok &= (index >= 0) & (index < self.widths[r0s])
            zh_total = self.zh_wcum[i] - self.zh_wcum[r0s]
            if y == 0:
                added = self.unexplained * zh_total / 2
                sim = np.zeros(len(flat))
            else:
                added, sim = self._joined(i, j, r0s, j0s, x, y, zh_total, edge)
            local[k] = np.where(ok, added, INF)
            source[k] = np.where(ok, self.start[r0s] + index, -1)
            similarity[k] = sim
        return local, source, similarity

    def _joined(
        self,
        i: np.ndarray,
        j: np.ndarray,
        r0: np.ndarray,
        j0: np.ndarray,
        x: int,
        y: int,
        zh_total: np.ndarray,
        edge: np.ndarray | None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Cost and similarity of x Chinese rows [r0, i) against y English sentences [j0, j)."""
        zh_chars = self.zh_cum[i] - self.zh_cum[r0]
        en_chars = self.en_cum[j] - self.en_cum[j0]
        cost = self.length_cost(np.maximum(en_chars, 1e-9), zh_chars)
        # Chinese evidence of each row found in the English run, and the reverse.
        zh_hit = np.zeros(len(i))
        table = self.zh_table
        for d in range(1, x + 1):
            row = i - d
            rows = np.maximum(row, 0)
            index = j0 - table.lo[rows]
            ok = (row >= 0) & (index >= 0) & (index < table.width)
            zh_hit = zh_hit + np.where(ok, table.data[y - 1, rows, np.where(ok, index, 0)], 0.0)
        en_hit = np.zeros(len(i))
        table = self.en_table
        for d in range(1, y + 1):
            sentence = j - d
            sentences = np.clip(sentence, 0, self.m - 1)
            index = r0 - table.lo[sentences]
            ok = (sentence >= 0) & (index >= 0) & (index < table.width)
            en_hit = en_hit + np.where(
                ok, table.data[x - 1, sentences, np.where(ok, index, 0)], 0.0
            )
        en_total = self.en_wcum[j] - self.en_wcum[j0]
        zh_cov = np.where(zh_total > 0, zh_hit / np.where(zh_total > 0, zh_total, 1), 0.0)
        en_cov = np.where(en_total > 0, en_hit / np.where(en_total > 0, en_total, 1), 0.0)
        sim = (zh_cov + en_cov) / 2
        cost = cost + self.lexical_weight * (1 - sim) * ((x + y) / 2)
        cost = cost + self.unexplained * (zh_total - zh_hit + en_total - en_hit) / 2
        if edge is not None:
            cost = cost + edge
        if self.marks is not None:
            zh_marks, en_marks, mark_costs = self.marks
            for k, weight in enumerate(mark_costs):
                zh_has = zh_marks[i, k] > zh_marks[r0, k]
                en_has = en_marks[j, k] > en_marks[j0, k]
                cost = cost + weight * (zh_has != en_has)
        return cost, sim
