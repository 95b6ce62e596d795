"""The packed posting lists (tm.memory.postings, schema 6) answer as the row-per-posting index
did: checked against a plain count over every text's grams, on real news sentences, across
chunks, deletions and replacements, on both backends."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

import tm
from tm.fuzzy.index import Batch, gram_ids, namespace, phrase_gram_ids
from tm.fuzzy.score import index_tokens
from tm.memory import Store, open_memory, postings, schema
from tm.model import Unit, Variant

NEWS = Path(__file__).resolve().parents[2] / "corpora" / "news-gold"


def news_lines(lang: str) -> list[str]:
    return [
        line.strip()
        for path in sorted((NEWS / lang).iterdir())
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def news_units() -> list[Unit]:
    en, zh = news_lines("en")[:120], news_lines("zh")[:120]
    units = [
        Unit((Variant("en", (e,)), Variant("zh-Hans", (z,)))) for e, z in zip(en, zh, strict=True)
    ]
    return list({unit: None for unit in units})


def test_a_query_hashes_its_grams_as_the_batch_hashes_a_stored_text() -> None:
    texts = [*news_lines("en")[:40], *news_lines("zh")[:40], "", "水", "Grid"]
    batch = Batch()
    for unit, text in enumerate(texts, 1):
        batch.add(unit, "zh-Hans" if unit > 40 else "en", "segment", text)
    grams, lens, units = batch.postings_arrays()
    stored: dict[int, set[int]] = {}
    for gram, length, unit in zip(grams.tolist(), lens.tolist(), units.tolist(), strict=True):
        stored.setdefault(unit, set()).add(gram)
        assert length == len(index_tokens(texts[unit - 1]))
    for unit, text in enumerate(texts, 1):
        ns = namespace("zh-Hans" if unit > 40 else "en", "segment")
        assert stored[unit] == gram_ids(ns, index_tokens(text))
        assert set(phrase_gram_ids(ns, index_tokens(text))) <= stored[unit]
    # Sorted by gram, length and unit, each posting once.
    keys = list(zip(grams.tolist(), lens.tolist(), units.tolist(), strict=True))
    assert keys == sorted(set(keys))


def test_wide_unit_ids_are_packed_as_64_bits() -> None:
    grams = np.array([7, 7, 7, 9], dtype=np.int64)
    lens = np.array([3, 3, 5, 1], dtype=np.uint16)
    units = np.array([4, 2**33, 12, 2**40], dtype=np.int64)
    rows = list(postings.rows(grams, lens, units, chunk=1)[0])
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [(7, 3, 4, 2**33), (9, 1, 2**40, 2**40)]
    assert postings.shortlist([(rows[0][5], rows[0][6])], 3, 3, 5) == [(4, 1), (2**33, 1)]
    assert postings.entries(rows[0][5], rows[0][6]) == [(3, 4), (3, 2**33), (5, 12)]
    removed, kept = postings.without((4, 2**33, rows[0][5], rows[0][6]), 2**33, [3])
    assert removed == 1 and kept is not None and kept[0] == 2
    assert postings.entries(kept[3], kept[4]) == [(3, 4), (5, 12)]
    assert postings.without((4, 2**33, rows[0][5], rows[0][6]), 2**33, [5]) == (0, None)


@pytest.mark.parametrize("size", [3, 400])
def test_merged_rows_are_sorted_by_length_then_unit(size: int) -> None:
    rng = random.Random(size)
    entries = sorted(
        {
            (rng.randint(1, 60), rng.choice([rng.randint(1, 10**6), 2**35 + rng.randint(0, 9)]))
            for _ in range(3 * size)
        }
    )
    rng.shuffle(entries)
    thirds = [sorted(entries[i::3]) for i in range(3)]
    parts = []
    for part in thirds:
        grams = np.zeros(len(part), dtype=np.int64)
        lens = np.array([length for length, _ in part], dtype=np.uint16)
        units = np.array([unit for _, unit in part], dtype=np.int64)
        (row,) = postings.rows(grams, lens, units, chunk=1)[0]
        parts.append(row[2:])
    n, low, high, lens_blob, units_blob = postings.merged(parts)
    assert postings.entries(lens_blob, units_blob) == sorted(entries)
    assert (n, low, high) == (len(entries), min(u for _, u in entries), max(u for _, u in entries))


@pytest.mark.parametrize("wide", [False, True])
def test_a_page_of_grams_merges_as_each_gram_alone(wide: bool) -> None:
    """`merge_rows` (one sort for a page of grams) gives what `merged` gives gram by gram, in
    the order the grams first come; with a unit id past 32 bits it goes gram by gram."""
    rng = random.Random(7)
    found, per_gram = [], {}
    for chunk in range(6):
        for gram in rng.sample(range(-40, 40), 25):
            n = rng.choice([1, 2, 5, 90, 400])
            drawn = {(rng.randint(1, 60), 8 * rng.randint(1, 10**6) + chunk) for _ in range(n)}
            part = sorted(drawn)
            if wide and chunk == 2:
                part = sorted([*part, (61, 2**40 + chunk)])
            grams = np.full(len(part), gram, dtype=np.int64)
            lens = np.array([length for length, _ in part], dtype=np.uint16)
            units = np.array([unit for _, unit in part], dtype=np.int64)
            (row,) = postings.rows(grams, lens, units, chunk=chunk)[0]
            found.append((gram, *row[2:]))
            per_gram.setdefault(gram, []).append(row[2:])
    rng.shuffle(found)
    assert wide == any(len(row[5]) == 8 * row[1] for row in found)
    order = list(dict.fromkeys(row[0] for row in found))
    expected = [(gram, *postings.merged(per_gram[gram])) for gram in order]
    assert postings.merge_rows(found) == expected
    as_bytearrays = postings.merge_rows(found, bytearrays=True)
    assert as_bytearrays == expected
    assert {type(blob) for row in as_bytearrays for blob in row[4:]} == {bytearray}


def _expected(store: Store, grams: list[int], shortest: int, longest: int) -> Counter[int]:
    """What the row-per-posting index counted: per unit, the grams among `grams` that one of
    its texts of `shortest`..`longest` tokens holds (a text's grams once)."""
    counts: Counter[int] = Counter()
    wanted = set(grams)
    for stored in store.units(kind="segment"):
        for variant in stored.unit.variants:
            folded = index_tokens(variant.text)
            if shortest <= len(folded) <= longest:
                held = gram_ids(namespace(variant.lang, "segment"), folded)
                counts[stored.id] += len(held & wanted)
    return +counts


def _check_shortlists(store: Store, rng: random.Random) -> None:
    texts = [(v.lang, v.text) for s in store.units() for v in s.unit.variants]
    for lang, text in rng.sample(texts, 12):
        folded = index_tokens(text)
        grams = sorted(gram_ids(namespace(lang, "segment"), folded))
        shortest, longest = tm.fuzzy.match.window(len(folded), 75)
        expected = _expected(store, grams, shortest, longest)
        got = store.fuzzy_shortlist(grams, shortest, longest, 1000)
        assert dict(got) == dict(expected)
        assert got == sorted(got, key=lambda pair: (-pair[1], pair[0]))
        assert store.fuzzy_shortlist(grams, shortest, longest, 3) == got[:3]
    # Document frequencies: how many texts hold each gram.
    df: Counter[int] = Counter()
    for _lang, text in texts:
        ns = namespace(_lang, "segment")
        df.update(gram_ids(ns, index_tokens(text)))
    sample = rng.sample(sorted(df), 50)
    assert store.fuzzy_gram_counts(sample) == {g: df[g] for g in sample}


@pytest.mark.parametrize("chunk", [10**6, 300])
def test_shortlists_count_as_a_scan_of_every_text_across_chunks_and_deletions(
    memory_url: str, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tm.memory.store as store_module

    monkeypatch.setattr(store_module, "CHUNK_POSTINGS", chunk)
    units = news_units()
    rng = random.Random(16)
    with open_memory(memory_url, write=True) as store:
        store.put_many([(unit, "en", None) for unit in units[:80]])
        store.put_many([(unit, "en", None) for unit in units[80:]])  # a second write
        _check_shortlists(store, rng)
        levels = [row[0] for row in store.db.execute("SELECT level FROM fuzzy_chunk")]
        if chunk == 300:  # dozens of chunks: merged into a few, level by level
            assert max(levels) >= 1 and len(levels) < 8 * (max(levels) + 1)
        else:
            assert levels == [0, 0]
        ids = [s.id for s in store.units()]
        store.delete(*rng.sample(ids, 15))
        target = next(store.units()).id
        english = "Both sides signed a new framework agreement on green power in Chongqing."
        store.replace(
            target,
            Unit((Variant("en", (english,)), Variant("zh-Hans", ("双方签署新的合作框架协议。",)))),
            srclang="en",
        )
        _check_shortlists(store, rng)
        (best,) = tm.fuzzy_matches(store, english, 90, 1)
        assert best.unit == target and best.score == 100


def test_sqlite_stores_the_bytearray_rows_as_the_same_blobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite the rows' BLOBs go as bytearray (no adapter lookup per parameter): written
    and merged, they are stored as BLOBs, the same bytes as when passed as `bytes`."""
    import tm.memory.store as store_module

    monkeypatch.setattr(store_module, "CHUNK_POSTINGS", 300)  # many chunks: merges too
    units = news_units()

    def stored(path: Path) -> list[tuple[object, ...]]:
        with open_memory(str(path), write=True) as store:
            store.put_many([(unit, "en", None) for unit in units[:60]])
            store.put_many([(unit, "en", None) for unit in units[60:]])
            levels = {row[0] for row in store.db.execute("SELECT level FROM fuzzy_chunk")}
            assert max(levels) >= 1  # some rows came through `merge_rows`
            return store.db.execute(
                "SELECT gram, chunk, n, umin, umax, typeof(lens), typeof(units), lens, units"
                " FROM fuzzy_post ORDER BY gram, chunk"
            ).fetchall()

    fast = stored(tmp_path / "bytearray.db")
    assert {row[5:7] for row in fast} == {("blob", "blob")}
    rows, merge_rows = postings.rows, postings.merge_rows
    monkeypatch.setattr(postings, "rows", lambda *a, bytearrays=False: rows(*a))
    monkeypatch.setattr(postings, "merge_rows", lambda *a, bytearrays=False: merge_rows(*a))
    assert stored(tmp_path / "bytes.db") == fast


def test_a_common_gram_keeps_few_rows_however_many_small_writes(tmp_path: Path) -> None:
    store = Store(tmp_path / "tm.db")
    for number in range(64):
        english = f"Face masks are required on board coach {number}."
        store.put(
            Unit((Variant("en", (english,)), Variant("zh-Hans", (f"{number}号车厢须戴口罩。",))))
        )
    (gram,) = phrase_gram_ids(namespace("en", "segment"), ["face", "masks"])
    rows = store.db.execute("SELECT n FROM fuzzy_post WHERE gram = ?", (gram,)).fetchall()
    assert sum(n for (n,) in rows) == 64 and len(rows) <= 2
    assert [
        m.unit for m in tm.fuzzy_matches(store, "Face masks are required on board coach 7.", 100)
    ]


def test_concordance_candidates_hold_every_gram(tmp_path: Path) -> None:
    store = Store(tmp_path / "tm.db")
    store.put_many([(unit, "en", None) for unit in news_units()])
    for phrase in ["the agreement", "new energy", "合作协议", "国家电投"]:
        lang = "zh-Hans" if phrase[0] > "\x7f" else "en"
        grams = phrase_gram_ids(namespace(lang, "segment"), index_tokens(phrase))
        found = store.fuzzy_containing(grams, 2000)
        expected = []
        for stored in store.units():
            for v in stored.unit.variants:
                held = gram_ids(namespace(v.lang, "segment"), index_tokens(v.text))
                if set(grams) <= held:
                    expected.append((len(index_tokens(v.text)), stored.id))
        assert found == list(dict.fromkeys(unit for _n, unit in sorted(expected)))
        assert found, phrase
        assert store.fuzzy_containing(grams, 2) == found[:2]


def test_a_schema_5_memory_is_reindexed_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for migration in schema.MIGRATIONS[:5]:
        for statement in migration.split(";\n"):
            if statement.strip():
                db.execute(statement)
    db.execute(
        "INSERT INTO unit (key, kind, srclang, created_at, changed_at)"
        " VALUES (x'01', 'segment', 'en', '2026-12-01', '2026-12-01')"
    )
    for position, (lang, text) in enumerate(
        [("en", "Both sides signed the agreement."), ("zh-CN", "双方签署了协议。")]
    ):
        db.execute(
            "INSERT INTO variant (unit_id, position, lang, lang_key, plain) VALUES (1, ?, ?, ?, ?)",
            (position, lang, lang, text),
        )
    db.execute("INSERT INTO fuzzy_gram VALUES (12345, 5, 1)")  # schema 5's index, as it was
    db.execute("PRAGMA user_version = 5")
    db.close()
    with Store(path) as store:
        (match,) = tm.fuzzy_matches(store, "Both sides signed an agreement.", 75)
        assert (match.unit, match.target) == (1, "双方签署了协议。")
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
        assert "fuzzy_gram" not in tables and "fuzzy_post" in tables


def test_ascii_text_is_cut_as_the_general_path_cuts_it() -> None:
    import string
    import unicodedata

    from tm.fuzzy.score import _FLAT

    rng = random.Random(5)
    alphabet = string.printable + "\x1c\x1d\x1e\x1f\x00<>{}_" + "Ab9 " * 5
    samples = [*news_lines("en")[:200], "<b>Grid</b> {1} x_y <a href='u'>, A{12}B <>"]
    samples += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(2000)
    ]
    for text in samples:
        assert text.isascii()
        general = _FLAT.findall(unicodedata.normalize("NFKC", text).casefold())
        assert index_tokens(text) == general, text
