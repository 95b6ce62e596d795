"""The store: dedup, updates, filters, read-only TMX memories, concurrency and crash safety."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tm.errors import InputError, StoreError
from tm.memory import Store, export_tmx, import_file, open_memory
from tm.model import Unit, Variant
from tm.tmx import TmxReader

HEADER = (
    '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"'
    ' adminlang="en" srclang="en-US" datatype="plaintext"/>'
)


def write_tmx(path: Path, pairs: list[tuple[str, str]], extra: str = "") -> Path:
    body = "".join(
        f'<tu{extra}><tuv xml:lang="en-US"><seg>{en}</seg></tuv>'
        f'<tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv></tu>\n'
        for en, zh in pairs
    )
    path.write_text(f'<tmx version="1.4">{HEADER}<body>\n{body}</body></tmx>', encoding="utf-8")
    return path


PAIRS = [
    ("Green power", "绿电"),
    ("Strategic cooperation", "战略合作"),
    ("Signing ceremony", "签约仪式"),
]


def test_exact_repeats_are_one_unit_and_metadata_updates(tmp_path: Path) -> None:
    store = Store(tmp_path / "tm.db")
    first = import_file(store, str(write_tmx(tmp_path / "a.tmx", PAIRS)))
    assert (first.read, first.created) == (3, 3)
    again = import_file(store, str(write_tmx(tmp_path / "b.tmx", PAIRS)))
    assert (again.created, again.updated, again.skipped) == (0, 0, 3)
    changed = import_file(store, str(write_tmx(tmp_path / "c.tmx", PAIRS[:1], ' changeid="lwang"')))
    assert (changed.created, changed.updated) == (0, 1)
    assert store.count() == 3
    (stored,) = [s for s in store.units() if s.unit.variants[0].text == "Green power"]
    assert stored.unit.attr("changeid") == "lwang"


def test_markup_makes_a_different_unit(tmp_path: Path) -> None:
    store = Store(":memory:")
    plain = Unit((Variant("en", ("Click OK",)), Variant("zh-CN", ("单击确定",))))
    assert store.put(plain) == "created"
    from tm.model import Tag

    marked = Unit(
        (
            Variant("en", ("Click ", Tag("ph", (("x", "1"),), ("<b/>",)), "OK")),
            Variant("zh-CN", ("单击确定",)),
        )
    )
    assert store.put(marked) == "created"
    # Same language under another spelling is the same language: an exact repeat.
    assert store.put(Unit((Variant("en", ("Click OK",)), Variant("zh-Hans", ("单击确定",))))) in (
        "skipped",
        "updated",
    )
    assert store.count() == 2


def test_new_units_get_their_ids_when_sqlite_chooses_them_at_random(tmp_path: Path) -> None:
    """Past the largest rowid SQLite picks new ones at random: the store finds them by key."""
    store = Store(tmp_path / "tm.db")
    last = 2**63 - 1
    first, _ = store.add(Unit((Variant("en", ("Green power",)), Variant("zh-CN", ("绿电",)))))
    store.db.execute("UPDATE unit SET id = ? WHERE id = ?", (last, first))
    store.db.execute("UPDATE variant SET unit_id = ? WHERE unit_id = ?", (last, first))
    results = store.put_many([(Unit((Variant("en", (en,)), Variant("zh-CN", (zh,)))), "en", None)
                              for en, zh in PAIRS[1:]])  # fmt: skip
    assert results == ["created", "created"]
    read = {s.unit.variants[0].text: (s.id, s.unit.variants[1].text) for s in store.units()}
    assert read["Green power"] == (last, "绿电")
    assert {en: zh for en, (_id, zh) in read.items()} == dict(PAIRS)
    assert len({unit_id for unit_id, _ in read.values()}) == 3


def test_bad_file_is_rolled_back_whole(tmp_path: Path) -> None:
    store = Store(tmp_path / "tm.db")
    import_file(store, str(write_tmx(tmp_path / "good.tmx", PAIRS[:1])))
    bad = write_tmx(tmp_path / "bad.tmx", PAIRS)
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("</body></tmx>", "<tu>"), encoding="utf-8"
    )
    with pytest.raises(InputError) as info:
        import_file(store, str(bad))
    assert info.value.file == str(bad) and info.value.line
    assert store.count() == 1


def test_export_filters_by_pair_kind_and_status(tmp_path: Path, tmx_data: Path) -> None:
    store = Store(":memory:")
    import_file(store, str(tmx_data / "namespaced.tmx"))
    import_file(store, str(Path(__file__).resolve().parents[2] / "corpora/seed/seed.tmx"))
    out = io.BytesIO()
    assert export_tmx(store, out, src="en", tgt="zh-TW") == 1
    assert b"\xe5\x84\xb2\xe8\x83\xbd" in out.getvalue()  # 儲能
    assert "储能".encode() not in out.getvalue()
    assert export_tmx(store, io.BytesIO(), kind="term", statuses=["forbidden"]) == 1
    assert export_tmx(store, io.BytesIO(), kind="term") == 9
    # 3 stored zh -> en, and the en -> zh-CN one of namespaced.tmx, oriented
    assert export_tmx(store, io.BytesIO(), kind="segment", src="zh-CN", tgt="en") == 4


def test_tmx_memory_is_read_only(tmx_data: Path) -> None:
    store = open_memory(tmx_data / "omegat.tmx")
    assert store.count() == 3
    assert store.readonly  # how it was opened, and so for every write method
    with pytest.raises(StoreError, match="read-only"):
        store.put(Unit((Variant("en", ("Green power",)), Variant("zh-CN", ("绿电",)))))
    assert store.count() == 3
    with pytest.raises(StoreError, match="read-only"):
        import_file(store, str(tmx_data / "omegat.tmx"))
    with pytest.raises(StoreError, match="read-only"):
        open_memory(tmx_data / "omegat.tmx", write=True)


def test_missing_memory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such memory"):
        open_memory(tmp_path / "absent.db")


def test_not_a_database(tmp_path: Path) -> None:
    fake = tmp_path / "fake.db"
    fake.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="not a tm memory"):
        Store(fake)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tm.db"
    Store(path).close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 999")
    raw.close()
    with pytest.raises(StoreError, match="schema version 999"):
        Store(path)


def _big_tmx(path: Path, count: int, tag: str) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f'<tmx version="1.4">{HEADER}<body>\n')
        for i in range(count):
            handle.write(
                f'<tu><tuv xml:lang="en-US"><seg>{tag} sentence number {i} about green power.'
                f'</seg></tuv><tuv xml:lang="zh-CN"><seg>{tag}第{i}句关于绿电。</seg></tuv></tu>\n'
            )
        handle.write("</body></tmx>\n")
    return path


IMPORT_SCRIPT = textwrap.dedent(
    """
    import sys
    from tm.memory import Store, import_file
    store = Store(sys.argv[1])
    print("started", flush=True)
    counts = import_file(store, sys.argv[2])
    print(counts.created, flush=True)
    """
)


@pytest.mark.slow
def test_two_processes_importing_into_one_store_both_complete(tmp_path: Path) -> None:
    db = tmp_path / "tm.db"
    Store(db).close()
    files = [_big_tmx(tmp_path / f"{t}.tmx", 20000, t) for t in ("alpha", "beta")]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORT_SCRIPT, str(db), str(f)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert [out.split()[-1] for out, _err in outputs] == ["20000", "20000"]
    assert Store(db).count() == 40000


@pytest.mark.slow
def test_killed_import_leaves_the_store_as_before(tmp_path: Path) -> None:
    db = tmp_path / "tm.db"
    store = Store(db)
    import_file(store, str(write_tmx(tmp_path / "small.tmx", PAIRS)))
    store.close()
    big = _big_tmx(tmp_path / "big.tmx", 200000, "gamma")
    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORT_SCRIPT, str(db), str(big)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "started"
    time.sleep(1.0)  # well inside the import of 200,000 units
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    reopened = Store(db)
    assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert reopened.count() == 3
    assert {s.unit.variants[0].text for s in reopened.units()} == {en for en, _ in PAIRS}


def test_import_preserves_provenance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TM_USER", "editor-li")
    store = Store(tmp_path / "tm.db")
    import_file(store, str(write_tmx(tmp_path / "a.tmx", PAIRS)))
    row = store.db.execute("SELECT origin, created_by FROM unit ORDER BY id").fetchone()
    assert row == ("a.tmx:2", "editor-li")
    out = tmp_path / "out.tmx"
    with open(out, "wb") as handle:
        export_tmx(store, handle)
    with TmxReader(out) as reader:
        assert next(iter(reader)).origin == "a.tmx:2"


def test_nulls_and_empty_texts_are_stored_as_given(tmp_path: Path) -> None:
    """SQLite's inserts pass NULLs as values the statement turns into NULL (cheaper to bind):
    an empty tuid or folded term text must stay '', a tuid "0" "0", markup-free content and a
    segment's norm NULL, and the key the same BLOB."""
    from tm.model import Tag

    bold = Tag("bpt", (("i", "1"),), ("<b>",))
    units = [
        Unit((Variant("en", ()), Variant("zh-CN", ("中国电力",))), kind="term", tuid=""),
        Unit((Variant("en", ("Green power",)), Variant("zh-CN", ("绿电",))), tuid="0"),
        Unit((Variant("en", (bold, "Green")), Variant("zh-CN", ("绿电交通",)))),
        Unit((Variant("en", ("0",)),), kind="term", status="approved", tuid="7"),
    ]
    with Store(tmp_path / "m.db") as store:
        store.put_many([(unit, "en", "t.tmx:1") for unit in units])
        rows = store.db.execute(
            "SELECT typeof(key), length(key), status, tuid FROM unit ORDER BY id"
        ).fetchall()
        variants = store.db.execute(
            "SELECT content IS NULL, norm FROM variant ORDER BY id"
        ).fetchall()
        assert [s.unit for s in store.units()] == [u.with_(origin="t.tmx:1") for u in units]
        assert store.find(units[0]) == 1 and store.term_ids("") == [1]
    assert rows == [
        ("blob", 16, None, ""),
        ("blob", 16, None, "0"),
        ("blob", 16, None, None),
        ("blob", 16, "approved", "7"),
    ]
    assert variants == [
        (1, ""),
        (1, "中国电力"),
        (1, None),
        (1, None),
        (0, None),
        (1, None),
        (1, "0"),
    ]


def test_an_import_gives_the_cycle_collector_back_whatever_happens(tmp_path: Path) -> None:
    """The collector is paused while a bulk import runs (it found nothing to free there),
    and is running again afterwards, after a failed import too; a caller that had paused it
    finds it paused."""
    import gc

    unit = Unit((Variant("en", ("Green power",)), Variant("zh-CN", ("绿电",))))

    def failing() -> Iterator[tuple[Unit, str | None, str | None]]:
        assert not gc.isenabled()
        yield unit, "en", "a.tmx:1"
        raise InputError("truncated XML", file="a.tmx", line=9)

    with Store(tmp_path / "m.db") as store:
        assert gc.isenabled()
        store.import_units(iter([(unit, "en", "a.tmx:1")]), file="a.tmx", header={})
        assert gc.isenabled()
        with pytest.raises(InputError):
            store.import_units(failing(), file="a.tmx", header={})
        assert gc.isenabled() and store.count() == 1
        gc.disable()
        try:
            store.import_units(iter([(unit, "en", "a.tmx:1")]), file="a.tmx", header={})
            assert not gc.isenabled()
        finally:
            gc.enable()
