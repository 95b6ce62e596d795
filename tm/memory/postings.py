"""The fuzzy index's posting lists, packed (schema migration 6).

One row per gram and write (`chunk`: the texts of an import's next few tens of thousands of
units, or of one small transaction) holds the postings as two little-endian arrays: the texts'
lengths in tokens (uint16, ascending) and their units (uint32, or int64 when an id needs it),
sorted by (length, unit). The row-per-posting table this replaces put about 40 rows per text
into a B-tree (80 million at 1,000,000 units, 3/4 of an import's time); these are written once
per chunk, in one `executemany`.

A query reads the rows of the grams it chose, cuts each row to its length window by
bisection on the sorted lengths, and counts units with `collections.Counter` (C speed); none
of this needs numpy, so a lookup does not import it. Deleting a unit rewrites the rows that
hold it (`without`): the lists stay exact, no stale posting can push a real match out of a
shortlist.
"""

from __future__ import annotations

import heapq
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from tm.fuzzy.index import MAX_LENGTH

_BIG_ENDIAN = sys.byteorder == "big"
#: A packed array: bytearray where the database binds it cheaper (see `rows`).
Blob = bytes | bytearray
#: Row: (gram, chunk, postings, smallest unit, largest unit, lengths, units).
Row = tuple[int, int, int, int, int, Blob, Blob]


def rows(
    grams: Any, lens: Any, units: Any, chunk: int, *, bytearrays: bool = False
) -> tuple[Iterator[Row], list[int], list[int]]:
    """The rows of one chunk from `Batch.postings_arrays` (numpy arrays sorted by gram,
    length and unit), one per gram, made as they are written (a chunk of real text has a
    row for most of its postings: rows held at once cost more than the arrays); and each
    row's gram and postings, for the grams' counts. With `bytearrays` the BLOBs are
    bytearray slices (the same bytes, no dearer to cut): Python's sqlite3 binds those without
    the adapter lookup every `bytes` parameter pays."""
    import numpy as np

    if not len(grams):
        return iter(()), [], []
    starts = np.flatnonzero(grams[1:] != grams[:-1]) + 1
    starts = np.concatenate(([0], starts))
    ends = np.append(starts[1:], len(grams))
    wide = int(units.min()) < 0 or int(units.max()) >= 1 << 32
    width = 8 if wide else 4
    lows = np.minimum.reduceat(units, starts).tolist()
    highs = np.maximum.reduceat(units, starts).tolist()
    unit_bytes: Blob = units.astype("<i8" if wide else "<u4", copy=False).tobytes()
    len_bytes: Blob = lens.astype("<u2", copy=False).tobytes()
    if bytearrays:
        unit_bytes, len_bytes = bytearray(unit_bytes), bytearray(len_bytes)
    row_grams = grams[starts].tolist()
    sizes = (ends - starts).tolist()
    made = (
        (
            gram,
            chunk,
            size,
            low,
            high,
            len_bytes[2 * start : 2 * (start + size)],
            unit_bytes[width * start : width * (start + size)],
        )
        for gram, start, size, low, high in zip(
            row_grams, starts.tolist(), sizes, lows, highs, strict=True
        )
    )
    return made, row_grams, sizes


def _lengths(blob: bytes) -> array[int]:
    lens = array("H")
    lens.frombytes(blob)
    if _BIG_ENDIAN:
        lens.byteswap()
    return lens


def _units(blob: bytes, count: int) -> array[int]:
    units = array("I" if len(blob) == 4 * count else "q")
    units.frombytes(blob)
    if _BIG_ENDIAN:
        units.byteswap()
    return units


def _pack(values: array[int]) -> bytes:
    if _BIG_ENDIAN:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def shortlist(
    found: Iterable[tuple[bytes, bytes]], shortest: int, longest: int, limit: int
) -> list[tuple[int, int]]:
    """(unit, postings) of the units with most postings of length `shortest`..`longest` in
    the rows `found` ((lengths, units) of each), most first, then by unit id.

    A query reads a few hundred rows: each is cut to the window in place (a memoryview, no
    copy), the units in the window are gathered into one array and counted once."""
    low, high = min(shortest, MAX_LENGTH), min(longest, MAX_LENGTH)
    narrow, wide = array("I"), array("q")
    for len_blob, unit_blob in found:
        lens = _lengths(len_blob) if _BIG_ENDIAN else memoryview(len_blob).cast("H")
        count = len(lens)
        start = bisect_left(lens, low)
        end = bisect_right(lens, high, start)
        if start == end:
            continue
        width = len(unit_blob) // count
        part = memoryview(unit_blob)[start * width : end * width]
        (narrow if width == 4 else wide).frombytes(part)
    if _BIG_ENDIAN:
        narrow.byteswap()
        wide.byteswap()
    counts = Counter(narrow)
    if wide:
        counts.update(wide)
    return top(counts, limit)


def top(counts: Counter[int], limit: int) -> list[tuple[int, int]]:
    """The `limit` units counted most, then by unit id: only units at or above the
    `limit`-th count are ordered (a common gram may count a hundred thousand units)."""
    if len(counts) > limit:
        tally = Counter(counts.values())
        seen = 0
        for floor in sorted(tally, reverse=True):
            seen += tally[floor]
            if seen >= limit:
                break
        chosen = [(-n, unit) for unit, n in counts.items() if n >= floor]
    else:
        chosen = [(-n, unit) for unit, n in counts.items()]
    best = heapq.nsmallest(limit, chosen) if len(chosen) > 4 * limit else sorted(chosen)[:limit]
    return [(unit, -negative) for negative, unit in best]


def entries(len_blob: bytes, unit_blob: bytes) -> list[tuple[int, int]]:
    """(length, unit) of a row, in its order (by length, then unit)."""
    lens = _lengths(len_blob)
    return list(zip(lens, _units(unit_blob, len(lens)), strict=True))


def units_of(len_blob: bytes, unit_blob: bytes) -> array[int]:
    return _units(unit_blob, len(len_blob) // 2)


def without(
    row: tuple[int, int, bytes, bytes], unit: int, lengths: Iterable[int]
) -> tuple[int, tuple[int, int, int, bytes, bytes] | None]:
    """(postings removed, the row's new (postings, smallest, largest, lengths, units), or None
    when nothing is left) of a row (smallest unit, largest unit, lengths, units) with `unit`'s
    postings of these `lengths` taken out. Each is found by bisection (the row is sorted by
    length, then unit) and cut out of the bytes, so a row of a common gram (hundreds of
    thousands of postings) costs no Python loop. The smallest and largest units stay as they
    were: bounds, which only decide which rows a deletion reads."""
    low, high, len_blob, unit_blob = row
    lens = _lengths(len_blob)
    count = len(lens)
    units = _units(unit_blob, count)
    width = len(unit_blob) // count
    spots = []
    for length in sorted(set(lengths)):
        start, end = bisect_left(lens, length), bisect_right(lens, length)
        at = bisect_left(units, unit, start, end)
        if at < end and units[at] == unit:
            spots.append(at)
    if not spots:
        return 0, None
    if len(spots) == count:
        return count, None
    kept_lens, kept_units, done = [], [], 0
    for at in spots:
        kept_lens.append(len_blob[2 * done : 2 * at])
        kept_units.append(unit_blob[width * done : width * at])
        done = at + 1
    kept_lens.append(len_blob[2 * done :])
    kept_units.append(unit_blob[width * done :])
    return len(spots), (count - len(spots), low, high, b"".join(kept_lens), b"".join(kept_units))


def merged(parts: list[tuple[int, int, int, bytes, bytes]]) -> tuple[int, int, int, bytes, bytes]:
    """One gram's rows from several chunks, (postings, smallest, largest, lengths, units) each,
    as one row sorted by (length, unit). A unit's postings are in one chunk only (a unit is
    indexed once), so nothing repeats."""
    if len(parts) == 1:
        return parts[0]
    total = sum(part[0] for part in parts)
    wide = any(len(part[4]) != 4 * part[0] for part in parts)
    low, high = min(part[1] for part in parts), max(part[2] for part in parts)
    if total <= 256:  # most grams are rare: plain Python beats numpy's per-call cost
        pairs = sorted(
            pair
            for part in parts
            for pair in zip(_lengths(part[3]), _units(part[4], part[0]), strict=True)
        )
        lens = array("H", [length for length, _unit in pairs])
        units = array("q" if wide else "I", [unit for _length, unit in pairs])
        return total, low, high, _pack(lens), _pack(units)
    import numpy as np

    all_lens = np.concatenate([np.frombuffer(part[3], dtype="<u2") for part in parts])
    all_units = np.concatenate(
        [
            np.frombuffer(part[4], dtype="<u4" if len(part[4]) == 4 * part[0] else "<i8")
            for part in parts
        ]
    ).astype(np.int64)
    order = np.lexsort((all_units, all_lens))
    return (
        total,
        low,
        high,
        all_lens[order].astype("<u2").tobytes(),
        all_units[order].astype("<i8" if wide else "<u4").tobytes(),
    )


def merge_rows(
    found: Iterable[tuple[int, int, int, int, bytes, bytes]], *, bytearrays: bool = False
) -> list[tuple[int, int, int, int, Blob, Blob]]:
    """Rows (gram, postings, smallest, largest, lengths, units) of several chunks merged into
    one row per gram (in the order the grams first come), sorted by (length, unit): for a page
    of grams at once, with one sort of one int64 key (gram's place, length, unit) when every
    unit fits 32 bits, and no Python loop but over the merged rows; else gram by gram
    (`merged`). `bytearrays`: as in `rows`."""
    import numpy as np

    rows = list(found)
    if not rows:
        return []
    grams_of, sizes_of, lows_of, highs_of, lens_of, units_of = zip(*rows, strict=True)
    total = sum(sizes_of)
    unit_blob = b"".join(units_of)
    grams = np.array(grams_of, dtype=np.int64)
    distinct, first, inverse = np.unique(grams, return_index=True, return_inverse=True)
    if len(unit_blob) != 4 * total or len(distinct) >= 1 << 15:
        parts: dict[int, list[tuple[int, int, int, bytes, bytes]]] = {}
        for gram, n, low, high, lens, units in rows:
            parts.setdefault(gram, []).append((n, low, high, bytes(lens), bytes(units)))
        if not bytearrays:
            return [(gram, *merged(parts[gram])) for gram in parts]
        made: list[tuple[int, int, int, int, Blob, Blob]] = []
        for gram in parts:
            n, low, high, lens, units = merged(parts[gram])
            made.append((gram, n, low, high, bytearray(lens), bytearray(units)))
        return made
    order = np.argsort(first, kind="stable")  # the grams as they first come
    place = np.empty(len(order), dtype=np.int64)
    place[order] = np.arange(len(order), dtype=np.int64)
    row_place = place[inverse.reshape(-1)]
    sizes = np.array(sizes_of, dtype=np.int64)
    key = np.repeat(row_place, sizes) << 48
    key |= np.frombuffer(b"".join(lens_of), dtype="<u2").astype(np.int64) << 32
    key |= np.frombuffer(unit_blob, dtype="<u4").astype(np.int64)
    del unit_blob
    key.sort()
    len_bytes: Blob = ((key >> 32) & 0xFFFF).astype("<u2").tobytes()
    unit_bytes: Blob = (key & 0xFFFFFFFF).astype("<u4").tobytes()
    del key
    if bytearrays:
        len_bytes, unit_bytes = bytearray(len_bytes), bytearray(unit_bytes)
    count = len(order)
    totals = np.zeros(count, dtype=np.int64)
    np.add.at(totals, row_place, sizes)
    lows = np.full(count, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(lows, row_place, np.array(lows_of, dtype=np.int64))
    highs = np.full(count, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(highs, row_place, np.array(highs_of, dtype=np.int64))
    ends = np.cumsum(totals).tolist()
    starts = [0, *ends[:-1]]
    return [
        (gram, size, low, high, len_bytes[2 * start : 2 * end], unit_bytes[4 * start : 4 * end])
        for gram, size, low, high, start, end in zip(
            distinct[order].tolist(),
            totals.tolist(),
            lows.tolist(),
            highs.tolist(),
            starts,
            ends,
            strict=True,
        )
    ]
