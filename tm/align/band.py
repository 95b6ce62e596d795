"""The banded dynamic programme, vectorised with numpy: one row of the band at a time.

For every Chinese row the costs of all cells of the band and all bead types are computed as
arrays; only the 0-1 bead (an English sentence left alone), which depends on the cell just
before in the same row, needs a scan along the row. The lexical evidence is laid out first as
band-shaped tables: for each sentence, how much of its evidence the other side's runs of 1-4
sentences starting at each position explain (`_window_hits`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

import numpy as np

INF = float("inf")


def _window_hits(
    items: Sequence[tuple[float, Sequence[int]]], start: int, stop: int, max_side: int
) -> np.ndarray:
    """For evidence items (weight, sorted positions where found): the weight explained by the
    positions [p, p + y) for every p in [start, stop) and y = 1..max_side, as an array of shape
    (max_side, stop - start). An item counts once however many positions explain it."""
    length = stop - start
    out = np.zeros((max_side, max(length, 0)))
    if length <= 0 or not items:
        return out
    span = length + max_side
    weights: list[float] = []
    rows: list[int] = []
    cols: list[int] = []
    for weight, positions in items:
        lo = bisect_left(positions, start)
        hi = bisect_left(positions, start + span, lo)
        if hi > lo:
            rows.extend([len(weights)] * (hi - lo))
            cols.extend(positions[lo:hi])
            weights.append(weight)
    if not weights:
        return out
    present = np.zeros((len(weights), span + 1))
    present[rows, np.asarray(cols) - start + 1] = 1.0
    cumulative = np.cumsum(present, axis=1)  # column c: hits before position start + c
    w = np.asarray(weights)
    for y in range(1, max_side + 1):
        found = (cumulative[:, y : y + length] - cumulative[:, :length]) > 0
        out[y - 1] = w @ found
    return out


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


def _cached_hits(
    cache: dict[int, tuple[int, int, np.ndarray]] | None,
    key: int,
    items: Sequence[tuple[float, Sequence[int]]],
    start: int,
    stop: int,
    max_side: int,
) -> np.ndarray:
    """`_window_hits`, remembered per sentence across the rounds of a search (the band moves
    a little between rounds, the evidence not at all)."""
    start, stop = int(start), int(stop)
    if cache is None:
        return _window_hits(items, start, stop, max_side)
    known = cache.get(key)
    if known is None or known[0] > start or known[1] < stop:
        lo, hi = max(0, start - WINDOW_PAD), stop + WINDOW_PAD
        known = cache[key] = (lo, hi, _window_hits(items, lo, hi, max_side))
    return known[2][:, start - known[0] : stop - known[0]]


def _row_evidence(
    i: int,
    js: np.ndarray,
    zh_table: BandTable,
    en_table: BandTable,
    n: int,
    m: int,
    max_side: int,
) -> tuple[np.ndarray, np.ndarray]:
    """For the cells `js` of row i, gathered at once: the Chinese evidence of the last 1..4
    rows found in English runs of 1..4 sentences ending at each cell (summed over the rows:
    `[y - 1, x - 1, cell]`), and prefix sums over the English sentences near the row of the
    evidence that Chinese runs of 1..4 rows ending at i explain (`[x - 1, position]`)."""
    sides = np.arange(1, max_side + 1)
    rows = i - sides  # i-1, i-2, ...: the rows of a bead of x Chinese sentences are rows[:x]
    row_ok = rows >= 0
    safe_rows = np.where(row_ok, rows, 0)
    positions = js[None, None, :] - sides[:, None, None]  # English run start, by y
    index = positions - zh_table.lo[safe_rows][None, :, None]
    ok = row_ok[None, :, None] & (positions >= 0) & (index >= 0) & (index < zh_table.width)
    values = np.where(
        ok,
        zh_table.data[sides[:, None, None] - 1, safe_rows[None, :, None], np.where(ok, index, 0)],
        0.0,
    )
    zh_sums = np.cumsum(values, axis=1)
    sentences = np.arange(js[0] - max_side, js[-1] + 1)
    sentence_ok = (sentences >= 0) & (sentences < m)
    safe_sentences = np.where(sentence_ok, sentences, 0)
    index = rows[:, None] - en_table.lo[safe_sentences][None, :]
    ok = row_ok[:, None] & sentence_ok[None, :] & (index >= 0) & (index < en_table.width)
    explained = np.where(
        ok,
        en_table.data[sides[:, None] - 1, safe_sentences[None, :], np.where(ok, index, 0)],
        0.0,
    )
    en_prefix = np.concatenate([np.zeros((max_side, 1)), np.cumsum(explained, axis=1)], axis=1)
    return zh_sums, en_prefix


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
    edge_cost: Callable[[int, np.ndarray], np.ndarray] | None = None,
    unexplained: float = 0.0,
    marks: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> list[tuple[int, int, float]]:
    """The best path through the band as (x, y, similarity) steps from the start.

    `edge_cost(last_zh, last_en)` adds a cost for how the bead's last sentences end on each side
    (a question against a statement). `unexplained` prices the evidence weight a bead leaves
    unexplained on both sides, null beads included (their whole weight). `marks` holds the
    running counts of Chinese and of English sentences holding each mark (rows 0..n) and
    what a bead holding a mark on one side only pays for each."""
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
    zh_table = BandTable(n, zh_lo, zh_hi, max_side)
    for k in range(n):
        zh_table.fill(k, _cached_hits(zh_cache, k, zh_items[k], zh_lo[k], zh_hi[k], max_side))
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
    en_table = BandTable(m, en_lo, en_hi, max_side)
    for sentence in range(m):
        en_table.fill(
            sentence,
            _cached_hits(
                en_cache, sentence, en_items[sentence], en_lo[sentence], en_hi[sentence], max_side
            ),
        )

    # Best cost, chosen bead type and similarity per cell, the rows one after the other in
    # flat arrays (row i's cell j at start[i] + j - lo[i]), so memory follows the band.
    widths = hi - lo + 1
    start = np.concatenate([[0], np.cumsum(widths)])
    best = np.full(int(start[-1]), INF)
    steps = np.full(int(start[-1]), -1, dtype=np.int16)
    sims = np.zeros(int(start[-1]))
    type_index = {t: k for k, t in enumerate(bead_types)}
    # Every type but 0-1 comes from an earlier row: all are computed together, in the order
    # of `bead_types` so that ties go to the same type as a loop would choose.
    types = [t for t in bead_types if t[0] > 0]
    tx = np.array([x for x, _y in types])
    ty = np.array([y for _x, y in types])
    t_prior = np.array([prior[t] + (null_cost if t[1] == 0 else 0.0) for t in types])
    t_index = np.array([type_index[t] for t in types])
    t_size = (tx + ty) / 2
    joined = ty[:, None] > 0
    c01 = prior[(0, 1)] + null_cost
    zero_one = type_index[(0, 1)]
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        width_i = len(js)
        if i == 0:
            row = np.where(js == 0, 0.0, INF)
            choice = np.full(width_i, -1)
            sim = np.zeros(width_i)
        else:
            zh_sums, en_prefix = _row_evidence(i, js, zh_table, en_table, n, m, max_side)
            rows = np.maximum(i - tx, 0)
            before = js[None, :] - ty[:, None]
            index = before - lo[rows][:, None]
            valid = (
                (tx <= i)[:, None] & (before >= 0) & (index >= 0) & (index < widths[rows][:, None])
            )
            prev = np.where(valid, best[start[rows][:, None] + np.where(valid, index, 0)], INF)
            j0 = np.where(valid, before, 0)
            en_chars = en_cum[js][None, :] - en_cum[j0]
            zh_chars = (zh_cum[i] - zh_cum[rows])[:, None]
            cost_len = length_cost(np.maximum(en_chars, 1e-9), np.broadcast_to(zh_chars, j0.shape))
            zh_total = (zh_wcum[i] - zh_wcum[rows])[:, None]
            zh_hit = zh_sums[ty - 1, tx - 1]
            zh_cov = np.where(zh_total > 0, zh_hit / np.where(zh_total > 0, zh_total, 1), 0.0)
            cells = np.arange(width_i) + max_side
            prefix = en_prefix[tx - 1]
            en_hit = prefix[:, cells] - np.take_along_axis(prefix, cells[None, :] - ty[:, None], 1)
            en_total = en_wcum[js][None, :] - en_wcum[j0]
            en_cov = np.where(en_total > 0, en_hit / np.where(en_total > 0, en_total, 1), 0.0)
            bead_sim = np.where(joined, (zh_cov + en_cov) / 2, 0.0)
            lexical = lexical_weight * (1 - bead_sim) * t_size[:, None]
            extra = cost_len + lexical
            extra = extra + unexplained * (zh_total - zh_hit + en_total - en_hit) / 2
            if edge_cost is not None:
                extra = extra + edge_cost(i - 1, js[None, :] - 1)
            if marks is not None:
                zh_marks, en_marks, mark_costs = marks
                for k, cost in enumerate(mark_costs):
                    zh_has = zh_marks[i, k] > zh_marks[rows, k]
                    en_has = en_marks[js, k][None, :] > en_marks[j0, k]
                    extra = extra + cost * (zh_has[:, None] != en_has)
            total = prev + t_prior[:, None] + np.where(joined, extra, unexplained * zh_total / 2)
            pick = np.argmin(total, axis=0)
            span = np.arange(width_i)
            row = total[pick, span]
            choice = np.where(np.isfinite(row), t_index[pick], -1)
            sim = bead_sim[pick, span]
        # The 0-1 bead (an English sentence alone) comes from the cell before in this row:
        # v[t] = min(row[t], v[t-1] + c01[t]), a running minimum over the cumulated costs.
        # Only earlier cells count (a cell compared with itself would flip on rounding).
        alone_cost = c01 + unexplained * en_weight[js[1:] - 1] / 2  # sentence j - 1
        ramp = np.concatenate([[0.0], np.cumsum(alone_cost)])
        earlier = np.concatenate([[INF], np.minimum.accumulate(row - ramp)[:-1]])
        running = earlier + ramp
        alone = running < row
        stored = slice(start[i], start[i + 1])
        best[stored] = np.where(alone, running, row)
        steps[stored] = np.where(alone, zero_one, choice)
        sims[stored] = np.where(alone, 0.0, sim)
    path: list[tuple[int, int, float]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        t = start[i] + j - lo[i]
        kind = int(steps[t])
        if kind < 0:  # pragma: no cover - the corner is always reached
            raise RuntimeError("alignment band lost the corner")
        x, y = bead_types[kind]
        path.append((x, y, float(sims[t])))
        i, j = i - x, j - y
    path.reverse()
    return path
