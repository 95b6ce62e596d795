"""The packed exact keys (tm.memory.exact_keys, schema 8) and the grams' counts taken from the
posting rows answer as the row-per-key table and `fuzzy_df` did: checked against a plain
dictionary of every stored text's key, and lookups against a memory written in a few large
chunks, across many small chunks, merges, deletions and a replacement, on both backends."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

import tm
from tm.fuzzy.index import exact_key, gram_ids, namespace
from tm.fuzzy.score import index_tokens
from tm.memory import exact_keys, open_memory
from tm.model import Unit, Variant

from .test_postings import news_lines, news_units


def test_rows_keep_equal_keys_together_and_stay_within_a_bucket(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(exact_keys, "ROW_KEYS", 4)
    rng = random.Random(8)
    keys = [rng.randrange(1 << 63) for _ in range(300)]
    keys += [keys[7]] * 9 + [keys[40]] * 3  # exact copies: one key, several units
    keys += [(5 << exact_keys.BUCKET_SHIFT) + i for i in range(6)]  # a bucket's edge
    keys += [(5 << exact_keys.BUCKET_SHIFT) - 1 - i for i in range(6)]
    units = list(range(1, len(keys) + 1))
    units[-1] = units[-2]  # and one pair twice
    keys[-1] = keys[-2]
    made = list(exact_keys.rows(np.array(keys, dtype=np.int64), np.array(units, dtype=np.int64), 3))
    pairs = sorted(set(zip(keys, units, strict=True)))
    listed = []
    for chunk, low, key_blob, unit_blob in made:
        row_keys = np.frombuffer(key_blob, "<i8").tolist()
        row_units = np.frombuffer(unit_blob, "<i8").tolist()
        assert chunk == 3 and low == row_keys[0]
        assert len({key >> exact_keys.BUCKET_SHIFT for key in row_keys}) == 1
        listed += zip(row_keys, row_units, strict=True)
    assert listed == pairs
    for earlier, later in itertools.pairwise(made):  # no key in two rows
        assert np.frombuffer(earlier[2], "<i8")[-1] < later[1]
    found = [(bytes(k), bytes(u)) for _c, _l, k, u in made]
    for key in {keys[7], keys[40], keys[-2], keys[0]}:
        assert exact_keys.units_with(found, key) == sorted({u for k, u in pairs if k == key})
    assert exact_keys.units_with(found, keys[7] + 1) == []
    row = next(r for r in found if keys[7] in np.frombuffer(r[0], "<i8").tolist())
    assert exact_keys.without(*row, keys[7], 10_000) == row  # not there: the same row
    smaller = exact_keys.without(*row, keys[7], 8)
    assert smaller is not None
    assert exact_keys.units_with([smaller], keys[7]) == [u for k, u in pairs if k == keys[7]][1:]


def _units() -> list[Unit]:
    """News pairs, and exact copies of some English sentences with other Chinese (one key,
    several units), and the same Chinese under two English spellings."""
    units = news_units()
    zh = news_lines("zh")[200:230]
    for at, chinese in enumerate(zh):
        english = units[at % 6].variants[0].text
        units.append(Unit((Variant("en", (english,)), Variant("zh-Hans", (chinese,)))))
    units.append(
        Unit((Variant("en-US", ("Face masks are required.",)), Variant("zh-Hans", (zh[0],))))
    )
    return units


def _expected_keys(store: object) -> dict[int, list[int]]:
    held: dict[int, set[int]] = {}
    for stored in store.units():  # type: ignore[attr-defined]
        for variant in stored.unit.variants:
            key = exact_key(namespace(variant.lang, "segment"), index_tokens(variant.text))
            held.setdefault(key, set()).add(stored.id)
    return {key: sorted(units) for key, units in held.items()}


def _write(store: object, units: list[Unit], rng: random.Random) -> None:
    for start in range(0, len(units), 40):
        store.put_many([(unit, "en", None) for unit in units[start : start + 40]])  # type: ignore[attr-defined]
    ids = sorted(stored.id for stored in store.units())  # type: ignore[attr-defined]
    store.delete(ids[0], ids[3], ids[-4], *rng.sample(ids[10:-10], 10))  # type: ignore[attr-defined]
    target = ids[1]
    store.replace(  # type: ignore[attr-defined]
        target,
        Unit(
            (
                Variant("en", (units[2].variants[0].text,)),  # now an exact copy of unit 3's
                Variant("zh-Hans", ("双方签署新的合作框架协议。",)),
            )
        ),
        srclang="en",
    )


@pytest.mark.parametrize("chunk", [300, 2000])
def test_lookups_hold_through_packed_keys_merges_and_deletions(
    memory_url: str, chunk: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tm.memory.store as store_module

    units = _units()
    queries = [u.variants[0].text for u in units[::9]] + [u.variants[1].text for u in units[::11]]
    queries += ["Both sides signed a new framework agreement.", "双方签署新的合作框架协议。"]

    def lookups(store: object) -> list[list[tuple[str, str, float]]]:
        return [
            [(m.source, m.target, m.score) for m in tm.fuzzy_matches(store, q, 60, 5)]
            for q in queries
        ]

    reference_path = str(tmp_path / "reference.db")
    with open_memory(reference_path, write=True) as store:  # a few large chunks, never merged
        _write(store, units, random.Random(16))
        reference = lookups(store)
    monkeypatch.setattr(store_module, "CHUNK_POSTINGS", chunk)  # dozens of chunks, merged
    monkeypatch.setattr(store_module, "MERGE_KEYS", 40)  # merged a few buckets at a time
    monkeypatch.setattr(exact_keys, "ROW_KEYS", 4)
    with open_memory(memory_url, write=True) as store:
        _write(store, units, random.Random(16))
        levels = Counter(row[0] for row in store.db.execute("SELECT level FROM fuzzy_chunk"))
        if chunk == 300:
            assert max(levels) >= 1
        expected = _expected_keys(store)
        assert any(len(units) > 1 for units in expected.values())
        for key, holding in expected.items():
            assert store.fuzzy_exact(key) == holding
        assert store.fuzzy_exact(next(iter(expected)) ^ 1) == []
        assert lookups(store) == reference
        # Each gram's count is the number of texts holding it.
        df: Counter[int] = Counter()
        for stored in store.units():
            for variant in stored.unit.variants:
                df.update(gram_ids(namespace(variant.lang, "segment"), index_tokens(variant.text)))
        sample = random.Random(3).sample(sorted(df), 60)
        assert store.fuzzy_gram_counts([*sample, 12345]) == {g: df[g] for g in sample}
