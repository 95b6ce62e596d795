"""The fuzzy index's exact keys, packed (schema migration 8).

A text's exact key (tm.fuzzy.index.exact_key: a 63-bit hash of its folded tokens) finds its
exact copies. Keys are random numbers: one row per key in a B-tree keyed by the key (schema 3
to 7) put each of an import's two million keys at a random page (1,000,000 units: 3.7 of 78 s
of CPU). Here each write (`chunk`, the postings' chunk: tm.memory.postings) adds its keys
sorted, cut into rows of about `ROW_KEYS` (two little-endian int64 arrays, keys ascending and
their units), keyed by (chunk, smallest key): a write appends a few hundred rows at the end of
that B-tree. Chunks are merged with the postings' (a size-tiered log), so a lookup reads one
row per live chunk (a dozen at 1,000,000 units): the row whose smallest key is the largest
not above the key sought.

Rows never straddle a `BUCKET_SHIFT` bucket (the top 8 bits of a key) and never cut a run of
equal keys: a merge reads and writes a range of buckets at a time (memory stays flat), and the
row found for a key holds every unit with it in that chunk.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

_BIG_ENDIAN = sys.byteorder == "big"
#: Keys per row (16 bytes each: a row of 32 stays within a page's local payload).
ROW_KEYS = 32
#: Keys are below 2**63: the bits above this shift number 256 buckets.
BUCKET_SHIFT = 55
BUCKETS = 1 << (63 - BUCKET_SHIFT)
Blob = bytes | bytearray
#: Row: (chunk, smallest key, keys, units).
Row = tuple[int, int, Blob, Blob]


def rows(keys: Any, units: Any, chunk: int, *, bytearrays: bool = False) -> Iterator[Row]:
    """The rows of `chunk` from (key, unit) pairs (numpy int64 arrays, any order, repeats
    allowed): sorted by (key, unit), repeats dropped, cut at every bucket and every
    `ROW_KEYS` (moved back to where a run of equal keys starts). `bytearrays`: as
    tm.memory.postings.rows (Python's sqlite3 binds them cheaper)."""
    import numpy as np

    if not len(keys):
        return iter(())
    order = np.lexsort((units, keys))
    keys, units = keys[order], units[order]
    fresh = np.ones(len(keys), dtype=bool)
    fresh[1:] = (keys[1:] != keys[:-1]) | (units[1:] != units[:-1])
    keys, units = keys[fresh], units[fresh]
    buckets = keys >> BUCKET_SHIFT
    every = np.searchsorted(keys, keys[ROW_KEYS::ROW_KEYS], side="left")
    starts = np.unique(
        np.concatenate(([0], np.flatnonzero(buckets[1:] != buckets[:-1]) + 1, every))
    )
    ends = np.append(starts[1:], len(keys))
    key_bytes: Blob = keys.astype("<i8").tobytes()
    unit_bytes: Blob = units.astype("<i8").tobytes()
    if bytearrays:
        key_bytes, unit_bytes = bytearray(key_bytes), bytearray(unit_bytes)
    lows = keys[starts].tolist()
    return (
        (chunk, low, key_bytes[8 * start : 8 * end], unit_bytes[8 * start : 8 * end])
        for low, start, end in zip(lows, starts.tolist(), ends.tolist(), strict=True)
    )


def merged(
    found: Iterable[tuple[bytes, bytes]], chunk: int, *, bytearrays: bool = False
) -> list[Row]:
    """Rows (keys, units) of several chunks as the rows of one chunk `chunk`."""
    import numpy as np

    parts = list(found)
    if not parts:
        return []
    keys = np.frombuffer(b"".join(bytes(k) for k, _u in parts), dtype="<i8").astype(np.int64)
    units = np.frombuffer(b"".join(bytes(u) for _k, u in parts), dtype="<i8").astype(np.int64)
    return list(rows(keys, units, chunk, bytearrays=bytearrays))


def _array(blob: bytes) -> array[int]:
    values = array("q")
    values.frombytes(blob)
    if _BIG_ENDIAN:
        values.byteswap()
    return values


def units_with(found: Iterable[tuple[bytes, bytes]], key: int) -> list[int]:
    """The units listed with `key` in rows (keys, units), ascending."""
    units: list[int] = []
    for key_blob, unit_blob in found:
        keys = _array(bytes(key_blob))
        start = bisect_left(keys, key)
        end = bisect_right(keys, key, start)
        if start < end:
            units.extend(_array(bytes(unit_blob))[start:end])
    return sorted(units)


def without(key_blob: bytes, unit_blob: bytes, key: int, unit: int) -> tuple[bytes, bytes] | None:
    """A row's (keys, units) with the pair (key, unit) taken out: the same row when it does
    not hold it, None when nothing is left. Its smallest key stays as it was: a bound."""
    keys, units = _array(key_blob), _array(unit_blob)
    start, end = bisect_left(keys, key), bisect_right(keys, key)
    at = bisect_left(units, unit, start, end)
    if at == end or units[at] != unit:
        return key_blob, unit_blob
    if len(keys) == 1:
        return None
    del keys[at], units[at]
    if _BIG_ENDIAN:
        keys.byteswap()
        units.byteswap()
    return keys.tobytes(), units.tobytes()
