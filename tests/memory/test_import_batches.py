"""A bulk import is written in batches (`IMPORT_BATCH`) inside one transaction: whatever fails
after several batches (the file, the memory, the user's Ctrl-C) leaves the memory as it was, and
the batches store what one batch stores."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tm.errors import StoreError
from tm.memory import Store, export_tmx, import_file
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


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 16 units: the news file's 207 units make 13."""
    monkeypatch.setattr(store_module, "IMPORT_BATCH", 16)


def test_batches_store_what_one_batch_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Repeats across batches included: the first ten units come again at the end."""
    tmx = _tmx(tmp_path / "news.tmx", _news_pairs())
    monkeypatch.setattr(store_module, "IMPORT_BATCH", 100_000)
    with Store(tmp_path / "one.db") as one:
        counts_one = import_file(one, str(tmx))
        rows_one = _rows(one)
        export_one = io.BytesIO()
        export_tmx(one, export_one)
    monkeypatch.setattr(store_module, "IMPORT_BATCH", 16)
    with Store(tmp_path / "many.db") as many:
        counts_many = import_file(many, str(tmx))
        rows_many = _rows(many)
        export_many = io.BytesIO()
        export_tmx(many, export_many)
    assert counts_many == counts_one
    assert (counts_many.read, counts_many.created, counts_many.updated) == (207, 197, 10)
    assert rows_many == rows_one
    assert _undated(export_many.getvalue()) == _undated(export_one.getvalue())


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


def test_a_failing_write_after_several_batches_changes_nothing(
    tmp_path: Path, small_batches: None
) -> None:
    """A write that fails in a later batch (a full memory: SQLite's page limit) rolls the
    earlier batches back too."""
    pairs = _news_pairs()
    with Store(tmp_path / "tm.db") as store:
        import_file(store, str(_tmx(tmp_path / "good.tmx", pairs[:5])))
        before = _rows(store)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 8}")
        with pytest.raises(StoreError, match="cannot write the memory"):
            import_file(store, str(_tmx(tmp_path / "news.tmx", pairs)))
        assert _rows(store) == before
        assert store.count() == 5
        # The memory takes the same file once it has room.
        store.db.execute("PRAGMA max_page_count = 1073741823")
        assert import_file(store, str(_tmx(tmp_path / "news.tmx", pairs))).created == 192


def test_an_interrupted_import_changes_nothing(tmp_path: Path, small_batches: None) -> None:
    pairs = _news_pairs()
    units = list(iter_units(_tmx(tmp_path / "news.tmx", pairs)))

    def interrupted() -> Iterator[tuple[object, str | None, str | None]]:
        for number, item in enumerate(units):
            if number == 120:  # seven batches stored
                raise KeyboardInterrupt
            yield item

    with Store(tmp_path / "tm.db") as store:
        import_file(store, str(_tmx(tmp_path / "good.tmx", pairs[:5])))
        before = _rows(store)
        with pytest.raises(KeyboardInterrupt):
            store.import_units(interrupted(), file="news.tmx", header={})  # type: ignore[arg-type]
        assert _rows(store) == before
        assert store.count() == 5


def iter_units(path: Path) -> Iterator[tuple[object, str | None, str | None]]:
    from tm.tmx import TmxReader

    with TmxReader(str(path)) as reader:
        for unit in reader:
            yield unit, reader.header.srclang, "news.tmx"
