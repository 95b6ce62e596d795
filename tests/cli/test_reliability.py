"""Bad input and failing machines, tried as a hostile user would: one line, exit 2, nothing
written, the memory's bytes unchanged (issue 13)."""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED_TMX
from tm.errors import StoreError, ValidationError
from tm.memory import open_memory
from tm.model import Term
from tm.terms.workflow import add_term

TM = [sys.executable, "-m", "tm"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("tm: error: "), err
    return lines[0]


@pytest.fixture
def memory(run, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    assert run("import", SEED_TMX).code == 0
    return tmp_path / "tm.db"


# -- text XML cannot hold ----------------------------------------------------------------------
def test_csv_glossary_with_nul_in_a_term_is_refused_naming_file_and_line(
    run, memory: Path, tmp_path: Path
) -> None:
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("source,target\nstorage,储能\ngreen\x00power,绿电\n", encoding="utf-8")
    before = digest(memory)
    result = run("import", glossary)
    assert result.code == 2
    line = one_line(result.err)
    assert f"{glossary}:3:" in line and "U+0000" in line
    assert digest(memory) == before
    assert run("terms", "export").code == 0  # nothing unexportable got in


@pytest.mark.parametrize("bad", ["\x07", "\ud800", "\ufffe", "\uffff"])
def test_terms_add_refuses_what_xml_cannot_hold(memory: Path, bad: str) -> None:
    with (
        open_memory(memory, write=True) as store,
        pytest.raises(ValidationError, match=f"U\\+{ord(bad):04X}"),
    ):
        add_term(store, Term(f"储{bad}能", "energy storage", "zh-Hans", "en"))


def test_terms_edit_and_note_refuse_a_control_character(run, memory: Path) -> None:
    before = digest(memory)
    result = run("terms", "edit", "绿电", "--target", "green\x01power")
    assert result.code == 2 and "U+0001" in one_line(result.err)
    assert digest(memory) == before


def test_align_into_memory_refuses_a_control_character(run, memory: Path, tmp_path: Path) -> None:
    en = tmp_path / "a.en.txt"
    zh = tmp_path / "a.zh.txt"
    en.write_text("The signing ceremony was held\x1b in Chongqing.\n", encoding="utf-8")
    zh.write_text("签约仪式在重庆举行。\n", encoding="utf-8")
    before = digest(memory)
    result = run("align", en, zh, "--into-memory")
    assert result.code == 2
    assert "U+001B" in one_line(result.err) and "a.en.txt:1" in result.err
    assert digest(memory) == before


# -- a damaged memory ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "args", [("stats",), ("export",), ("lookup", "绿电"), ("import", str(SEED_TMX))]
)
def test_a_damaged_memory_is_one_line_saying_what_to_do(run, memory: Path, args) -> None:  # type: ignore[no-untyped-def]
    with open(memory, "r+b") as handle:  # a page of the unit table overwritten
        handle.seek(4 * 4096)
        handle.write(b"\xde\xad\xbe\xef" * 8)
    before = digest(memory)
    result = run(*args)
    assert result.code == 2
    line = one_line(result.err)
    assert "damaged" in line and "TMX export" in line and "integrity_check" in line
    assert digest(memory) == before


# -- a full disk ---------------------------------------------------------------------------
def _small_disk() -> None:
    """This process may write files of at most 100 kB: the kernel's EFBIG, as a full disk's
    ENOSPC would be, on the write that crosses the limit."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


def _units_tmx(path: Path, count: int) -> None:
    rows = "".join(
        f'<tu><tuv xml:lang="en"><seg>Unit {i} of the green-power transportation release.</seg>'
        f'</tuv><tuv xml:lang="zh-CN"><seg>第{i}个绿电交通单元。</seg></tuv></tu>\n'
        for i in range(count)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t"'
        ' creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en"'
        f' datatype="plaintext"/><body>\n{rows}</body></tmx>\n',
        encoding="utf-8",
    )


def test_import_onto_a_full_disk_is_one_line_and_the_memory_unchanged(
    memory: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big.tmx"
    _units_tmx(big, 3000)
    before = digest(memory)
    proc = subprocess.run(
        [*TM, "--memory", str(memory), "import", str(big)],
        capture_output=True,
        text=True,
        preexec_fn=_small_disk,
    )
    assert proc.returncode == 2, proc.stderr
    assert "cannot write the memory" in one_line(proc.stderr)
    assert digest(memory) == before


def test_export_onto_a_full_disk_keeps_the_old_file(run, memory: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.tmx"
    _units_tmx(big, 3000)
    assert run("import", big).code == 0
    out = tmp_path / "out.tmx"
    out.write_text("the previous export\n", encoding="utf-8")
    proc = subprocess.run(
        [*TM, "--memory", str(memory), "export", "-o", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=_small_disk,
    )
    assert proc.returncode == 2
    assert f"{out}: cannot write" in one_line(proc.stderr)
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".tm-")) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [("export",), ("stats", "--json"), ("lookup", "绿电")])
def test_standard_output_on_a_full_device_is_one_line(memory: Path, args) -> None:  # type: ignore[no-untyped-def]
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [*TM, "--memory", str(memory), *args], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert proc.returncode == 2
    assert "No space left on device" in one_line(proc.stderr)


def test_export_to_a_pipe_writes_into_it_and_leaves_the_pipe(
    run, memory: Path, tmp_path: Path
) -> None:
    """`-o /dev/null` or a FIFO: replacing the name would put a regular file where the device
    was (it once did, in /dev, as root)."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert run("export", "-o", fifo).code == 0
    reader.join(timeout=10)
    assert fifo.is_fifo()
    assert received and b"<tmx" in received[0] and "绿电".encode() in received[0]


def test_export_to_a_symbolic_link_replaces_the_file_it_names(
    run, memory: Path, tmp_path: Path
) -> None:
    real = tmp_path / "exports" / "memory.tmx"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.tmx"
    link.symlink_to(real)
    assert run("export", "-o", link).code == 0
    assert link.is_symlink() and b"<tmx" in real.read_bytes()


def test_export_to_a_directory(run, memory: Path, tmp_path: Path) -> None:
    result = run("export", "-o", tmp_path)
    assert result.code == 2 and "is a directory" in one_line(result.err)


# -- lookup ----------------------------------------------------------------------------------
def test_lookup_of_an_empty_query_is_a_usage_error(run, memory: Path) -> None:
    for query in ("", "   "):
        result = run("lookup", query)
        assert result.code == 2 and "empty" in one_line(result.err)


def test_lookup_of_a_100000_character_query_works(run, memory: Path) -> None:
    query = ("Signing Ceremony for Strategic Cooperation " * 2400)[:100_000]
    result = run("lookup", query)
    assert result.code == 0, result.err
    assert "strategic cooperation → 战略合作" in result.out.lower()
    assert len(result.out) < 2000  # the query is not echoed back whole


# -- read-only commands ----------------------------------------------------------------------
def test_read_commands_leave_the_memory_and_its_folder_alone(run, tmp_path: Path) -> None:
    """(Run as root, the folder's mode binds nothing, and this test passes on the old code
    too: the library test below shows the connection itself is read-only.)"""
    folder = tmp_path / "ro"
    folder.mkdir()
    memory = folder / "tm.db"
    assert run("--memory", memory, "import", SEED_TMX).code == 0
    before = digest(memory)
    os.chmod(folder, 0o555)
    try:
        for args in (
            ("stats",),
            ("export",),
            ("lookup", "绿电"),
            ("terms", "list"),
            ("terms", "export"),
            ("check", "corpora/seed/release.en.txt"),
        ):
            result = run("--memory", memory, *args)
            assert result.code in (0, 1), (args, result.err)
            assert sorted(p.name for p in folder.iterdir()) == ["tm.db"], args
    finally:
        os.chmod(folder, 0o755)
    assert digest(memory) == before


def test_a_store_opened_for_reading_refuses_writes(memory: Path) -> None:
    with open_memory(memory) as store:
        assert store.readonly
        with pytest.raises(StoreError, match="read-only"):
            add_term(store, Term("储能", "energy storage", "zh-Hans", "en"))
    assert open_memory(memory.parent / "absent.db", missing_ok=True) is None


# -- everyday mistakes -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ("import", "{dir}"),
        ("align", "{dir}", "corpora/seed/release.en.txt"),
        ("check", "{dir}"),
    ],
)
def test_a_folder_is_named_a_folder(run, memory: Path, tmp_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "releases"
    folder.mkdir()
    result = run(*(a.format(dir=folder) for a in args))
    assert result.code == 2
    assert "is a directory" in one_line(result.err)


def test_import_of_a_missing_file_is_exactly_one_line(run, memory: Path) -> None:
    result = run("import", "missing.tmx")
    assert result.code == 2 and result.out == ""
    assert one_line(result.err) == "tm: error: missing.tmx: no such file"


def test_import_of_a_document_suggests_align(run, memory: Path, tmp_path: Path) -> None:
    docx = tmp_path / "release.docx"
    docx.write_bytes(b"PK\x03\x04")
    result = run("import", docx)
    assert result.code == 2 and "--into-memory" in one_line(result.err)


# -- terms remove asks on a terminal -------------------------------------------------------
def _removal(run, monkeypatch: pytest.MonkeyPatch, answer: str | None, *extra: str):  # type: ignore[no-untyped-def]
    import io

    import tm.cli.terms_cmd as terms_cmd

    monkeypatch.setattr(terms_cmd, "_interactive", lambda: answer is not None)
    monkeypatch.setattr("sys.stdin", io.StringIO(answer or ""))
    return run("terms", "remove", "绿电", "green power", *extra)


def test_removing_an_approved_term_on_a_terminal_asks_and_no_keeps_it(
    run, memory: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(memory)
    result = _removal(run, monkeypatch, "n\n")
    assert result.code == 0 and "approved; remove it?" in result.out and "kept #" in result.out
    assert digest(memory) == before


@pytest.mark.parametrize(("answer", "extra"), [("y\n", ()), ("", ("--yes",)), (None, ())])
def test_removal_proceeds_on_yes_with_yes_or_without_a_terminal(
    run, memory: Path, monkeypatch: pytest.MonkeyPatch, answer: str | None, extra: tuple[str, ...]
) -> None:
    result = _removal(run, monkeypatch, answer, *extra)
    assert result.code == 0 and "removed #" in result.out
    assert "绿电 → green power " not in run("terms", "list").out


def test_a_memory_of_an_older_schema_is_upgraded_once_then_read(run, tmp_path: Path) -> None:
    import sqlite3

    from tm.memory import schema

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for number in range(schema.VERSION - 1):  # the memory as the previous tm left it
        for statement in schema.MIGRATIONS[number].split(";\n"):
            if statement.strip():
                db.execute(statement)
    db.execute(f"PRAGMA user_version = {schema.VERSION - 1}")
    db.close()
    result = run("--memory", path, "stats")
    assert result.code == 0, result.err
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    db.close()


def test_terms_export_of_a_memory_holding_a_nul_is_one_line(run, tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "legacy.db"
    assert run("--memory", path, "terms", "add", "绿电", "green power").code == 0
    db = sqlite3.connect(path)  # as a memory filled before the check at the door could be
    db.execute(
        "UPDATE variant SET plain = 'green' || char(0) || 'power' WHERE plain = ?", ["green power"]
    )
    db.commit()
    db.close()
    for args in (("terms", "export"), ("export",)):
        result = run("--memory", path, *args)
        assert result.code == 2 and "U+0000" in one_line(result.err)
