"""A bulk import over two threads (tm.memory.pipeline): the same memory as one thread makes,
one transaction whatever fails and wherever, and no thread left behind."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tm.errors import InputError, StoreError
from tm.memory import Store, export_tmx, import_file, pipeline
from tm.memory import store as store_module

ROOT = Path(__file__).resolve().parents[2]

HEADER = (
    '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"'
    ' adminlang="en" srclang="zh-CN" datatype="plaintext"/>'
)


def _news_pairs() -> list[tuple[str, str]]:
    """The 197 Chinese news sentences and their English (corpora/zh-en-news)."""
    with open(ROOT / "corpora" / "zh-en-news" / "pairs.tsv", encoding="utf-8", newline="") as f:
        return [(row["zh"], row["en"]) for row in csv.DictReader(f, delimiter="\t")]


def _tmx(path: Path, pairs: list[tuple[str, str]], *, tail: str = "</body></tmx>") -> Path:
    """A TMX of these pairs; the first ten again at the end with a changed `changeid` (exact
    repeats, updated across batches)."""
    tus = [
        f'<tu creationid="wang"><tuv xml:lang="zh-CN"><seg>{escape(zh)}</seg></tuv>'
        f'<tuv xml:lang="en-US"><seg>{escape(en)}</seg></tuv></tu>\n'
        for zh, en in pairs
    ]
    tus += [tu.replace('creationid="wang"', 'creationid="wang" changeid="li"') for tu in tus[:10]]
    path.write_text(f'<tmx version="1.4">{HEADER}<body>\n{"".join(tus)}{tail}', encoding="utf-8")
    return path


def _rows(store: Store) -> list[str]:
    """The memory's rows, timestamps aside (each import has its own)."""
    stamp = store.db.execute("SELECT at FROM import ORDER BY id DESC LIMIT 1").fetchone()[0]
    return [line.replace(stamp, "T") for line in store.db.iterdump()]


def _undated(tmx: bytes) -> bytes:
    """An export without its header's date (the time of the export)."""
    return re.sub(rb'creationdate="[0-9TZ]+"', b"", tmx, count=1)


def _writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "tm-import-writer"]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 16 units: the news file's 207 units make 13, so a writer thread runs."""
    monkeypatch.setattr(store_module, "IMPORT_BATCH", 16)


def test_two_threads_store_what_one_thread_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmx = _tmx(tmp_path / "news.tmx", _news_pairs())
    monkeypatch.setattr(store_module, "IMPORT_BATCH", 100_000)  # one batch: no thread
    with Store(tmp_path / "one.db") as one:
        counts_one = import_file(one, str(tmx))
        rows_one = _rows(one)
        export_one = io.BytesIO()
        export_tmx(one, export_one)
    monkeypatch.setattr(store_module, "IMPORT_BATCH", 16)
    started = []
    real_writer = pipeline._Writer

    def counted(*args: object, **kwargs: object) -> object:
        started.append(True)
        return real_writer(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_Writer", counted)
    with Store(tmp_path / "two.db") as two:
        counts_two = import_file(two, str(tmx))
        rows_two = _rows(two)
        export_two = io.BytesIO()
        export_tmx(two, export_two)
    assert started == [True]
    assert counts_two == counts_one
    assert (counts_two.read, counts_two.created, counts_two.updated) == (207, 197, 10)
    assert rows_two == rows_one
    assert _undated(export_two.getvalue()) == _undated(export_one.getvalue())
    assert not _writer_threads()


def test_a_bad_file_found_after_several_batches_changes_nothing(
    tmp_path: Path, small_batches: None, run
) -> None:  # type: ignore[no-untyped-def]
    pairs = _news_pairs()
    good = _tmx(tmp_path / "good.tmx", pairs[:5])
    assert run("import", good).code == 0
    with Store(tmp_path / "tm.db") as store:
        before = _rows(store)
    # Truncated after unit 150 of 207: nine batches are read (and stored) before the error.
    bad = _tmx(tmp_path / "bad.tmx", pairs[:150], tail="<tu><tuv>")
    result = run("import", bad)
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith(f"tm: error: {bad}:")
    with Store(tmp_path / "tm.db") as store:
        assert _rows(store) == before
        assert store.count() == 5
    assert not _writer_threads()


def test_a_failing_write_after_several_batches_changes_nothing(
    tmp_path: Path, small_batches: None
) -> None:
    """The writer thread's error (here a full memory: SQLite's page limit) is the import's,
    raised once, after the reading has stopped; the transaction is rolled back whole."""
    pairs = _news_pairs()
    with Store(tmp_path / "tm.db") as store:
        import_file(store, str(_tmx(tmp_path / "good.tmx", pairs[:5])))
        before = _rows(store)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 8}")
        with pytest.raises(StoreError, match="cannot write the memory"):
            import_file(store, str(_tmx(tmp_path / "news.tmx", pairs)))
        assert not _writer_threads()
        store.db.execute("PRAGMA max_page_count = 1073741823")
        assert _rows(store) == before
        assert store.count() == 5
        # The connection is usable afterwards, from this thread.
        assert import_file(store, str(_tmx(tmp_path / "news.tmx", pairs))).created == 192


def test_an_interrupted_import_changes_nothing(tmp_path: Path, small_batches: None) -> None:
    pairs = _news_pairs()
    units = list(iter_units(_tmx(tmp_path / "news.tmx", pairs)))

    def interrupted() -> Iterator[tuple[object, str | None, str | None]]:
        for number, item in enumerate(units):
            if number == 120:  # seven batches read, several stored or queued
                raise KeyboardInterrupt
            yield item

    with Store(tmp_path / "tm.db") as store:
        import_file(store, str(_tmx(tmp_path / "good.tmx", pairs[:5])))
        before = _rows(store)
        with pytest.raises(KeyboardInterrupt):
            store.import_units(interrupted(), file="news.tmx", header={})  # type: ignore[arg-type]
        assert not _writer_threads()
        assert _rows(store) == before


def iter_units(path: Path) -> Iterator[tuple[object, str | None, str | None]]:
    from tm.tmx import TmxReader

    with TmxReader(str(path)) as reader:
        for unit in reader:
            yield unit, reader.header.srclang, "news.tmx"


def test_the_first_error_in_the_batches_order_is_raised() -> None:
    """A write fails on batch 2 while batch 4 is being read: the write's error is raised (it
    came first), batches after it are not written, and the thread is gone."""
    written: list[int] = []
    reading_blocked = threading.Event()

    def batches() -> Iterator[int]:
        yield from (0, 1, 2, 3)
        reading_blocked.wait(5)  # until the write of batch 2 has failed
        raise InputError("truncated XML", file="a.tmx", line=40)

    def write(batch: int) -> None:
        if batch == 2:
            reading_blocked.set()
            raise StoreError("cannot write the memory (disk full)", file="tm.db")
        written.append(batch)

    with pytest.raises(StoreError, match="disk full"):
        pipeline.run(batches(), lambda batch: batch, write)
    assert written == [0, 1]
    assert not _writer_threads()


def test_writes_keep_the_order_read() -> None:
    written: list[int] = []
    pipeline.run(iter(range(50)), lambda batch: batch * 10, written.append, depth=2)
    assert written == [n * 10 for n in range(50)]
    pipeline.run(iter([7]), lambda batch: batch, written.append)  # one batch: this thread
    assert written[-1] == 7 and not _writer_threads()


def test_many_row_statements_store_what_executemany_stores() -> None:
    """Units, an upsert with repeated keys, and NULLs, over more rows than one statement
    takes (and a remainder)."""
    rows = [(n % 700, f"第{n}条", None if n % 3 else bytearray(b"\x00\x01")) for n in range(1234)]
    dbs = []
    for many in (False, True):
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, n INTEGER, text TEXT, blob BLOB)")
        db.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, text TEXT, blob BLOB)")
        upsert = (
            "INSERT INTO t (k, n, text, blob) VALUES (?, 1, ?, NULLIF(?, 0))"
            " ON CONFLICT (k) DO UPDATE SET n = t.n + excluded.n, text = excluded.text"
        )
        plain = "INSERT INTO log (text, blob) VALUES (?, ?)"
        if many:
            pipeline.insert_many(db, upsert, rows)
            pipeline.insert_many(db, plain, ((text, blob) for _k, text, blob in rows))
        else:
            db.executemany(upsert, rows)
            db.executemany(plain, ((text, blob) for _k, text, blob in rows))
        dbs.append(list(db.iterdump()))
    assert dbs[0] == dbs[1]
    assert any("第1233条" in line for line in dbs[1])
