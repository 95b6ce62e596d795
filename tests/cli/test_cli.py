"""The command line as users and CI see it: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tm import __version__
from tm.cli import COMMANDS
from tm.tmx import TmxReader

ROOT = Path(__file__).resolve().parents[2]
SEED_TMX = ROOT / "corpora" / "seed" / "seed.tmx"


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--version")
    assert (result.code, result.out.strip()) == (0, f"tm {__version__}")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_and_a_place_in_the_readme(run, command: str) -> None:  # type: ignore[no-untyped-def]
    result = run(command, "--help")
    assert result.code == 0 and "Usage: tm" in result.out
    assert f"tm {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_listed_summary_is_the_docstring_summary(command: str) -> None:
    import importlib

    module, attr = COMMANDS[command][0].split(":")
    function = getattr(importlib.import_module(module), attr)
    assert function.help.strip().splitlines()[0] == COMMANDS[command][1]


def test_main_job_on_the_seed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("import", SEED_TMX)
    assert result.code == 0
    assert result.out.strip().endswith("read 12, created 12, updated 0, skipped 0")
    assert run("import", SEED_TMX).out.strip().endswith("created 0, updated 0, skipped 12")

    stats = json.loads(run("stats", "--json").out)
    assert stats["units"] == 12
    assert {
        "source_lang": "zh-Hans",
        "target_lang": "en-US",
        "kind": "term",
        "status": "forbidden",
        "units": 1,
    } in stats["by_pair"]

    out = tmp_path / "export.tmx"
    result = run("export", "-o", out)
    assert (result.code, result.out.strip()) == (0, f"{out}: wrote 12 units")
    assert run("validate", out).code == 0
    with TmxReader(out) as reader:
        terms = [u for u in reader if u.kind == "term"]
    assert len(terms) == 9

    looked = json.loads(run("lookup", "绿电交通", "--json").out)
    pairs = [(t["source"], t["target"], t["status"]) for t in looked["terms"]]
    assert pairs[0] == ("绿电交通", "green-power transportation", "approved")
    assert ("绿电交通", "green electricity transportation", "forbidden") in pairs
    assert pairs.index(("绿电交通", "green electricity transportation", "forbidden")) > 0


def test_lookup_english_to_chinese_tolerates_case_and_hyphens(run) -> None:  # type: ignore[no-untyped-def]
    run("import", SEED_TMX)
    looked = json.loads(run("lookup", "Green Power Transportation", "--json").out)
    assert looked["query_lang"] == "en"
    assert ("green-power transportation", "绿电交通") in [
        (t["source"], t["target"]) for t in looked["terms"]
    ]
    text = run("lookup", "green electricity transportation").out
    assert "FORBIDDEN" in text


def test_lookup_reads_a_tmx_memory_directly(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--memory", SEED_TMX, "lookup", "签约仪式")
    assert result.code == 0 and "signing ceremony" in result.out


def test_lookup_fuzzy(run, tmx_data: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", tmx_data / "omegat.tmx")
    looked = json.loads(run("lookup", "滕英明对高平一行表示欢迎。", "--fuzzy", "--json").out)
    assert looked["matches"][0]["target"] == "Mr. Teng welcomed Mr. Gao and his delegation."
    assert 60 <= looked["matches"][0]["score"] < 100


def test_validate_exit_codes(run, tmp_path: Path, tmx_data: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("validate", tmx_data / "omegat.tmx").code == 0
    bad = run("validate", tmx_data / "tmx11-lang.tmx", "-q")
    assert bad.code == 1
    assert all(line.startswith(f"{tmx_data / 'tmx11-lang.tmx'}:") for line in bad.out.splitlines())
    broken = tmp_path / "broken.tmx"
    broken.write_text("<tmx version='1.4'><header", encoding="utf-8")
    result = run("validate", broken)
    assert result.code == 1 and result.out.startswith(f"{broken}:1: ")
    missing = run("validate", tmp_path / "absent.tmx")
    assert missing.code == 2
    assert missing.err == f"tm: error: {tmp_path / 'absent.tmx'}: no such file\n"


def test_import_bad_file_among_good_ones(run, tmp_path: Path, tmx_data: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx version='1.4'>\n<header/>\n<body><tu>", encoding="utf-8")
    result = run("import", tmx_data / "omegat.tmx", bad, tmx_data / "trados-studio.tmx")
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert result.err.startswith(f"tm: error: {bad}:3: truncated XML")
    assert "failed 1 file(s)" in result.out
    assert json.loads(run("stats", "--json").out)["units"] == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import",), "Missing argument"),
        (("export", "--kind", "nonsense"), "Invalid value for '--kind'"),
        (("frobnicate",), "No such command"),
        (("stats",), "no such memory"),
    ],
)
def test_usage_errors_are_one_line_exit_2(run, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    result = run(*args)
    assert result.code == 2
    assert result.err.startswith("tm: error: ") and result.err.count("\n") == 1
    assert message in result.err
    assert "Traceback" not in result.err and "Usage:" not in result.err


def test_hostile_tmx_import_is_refused(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = tmp_path / "xxe.tmx"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<tmx version="1.4"><header/><body/></tmx>',
        encoding="utf-8",
    )
    result = run("import", hostile)
    assert result.code == 2 and "declares entities" in result.err


def test_failed_export_leaves_no_partial_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", SEED_TMX)
    target = tmp_path / "out.tmx"
    target.write_text("previous contents", encoding="utf-8")
    result = run("export", "-o", target, "--tgt-lang", "en")
    assert result.code == 2
    assert target.read_text(encoding="utf-8") == "previous contents"
    assert list(tmp_path.glob(".tm-*")) == []


def test_memory_option_and_environment(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    explicit = tmp_path / "other.db"
    assert run("--memory", explicit, "import", SEED_TMX).code == 0
    assert explicit.exists()
    monkeypatch.setenv("TM_MEMORY", str(explicit))
    assert json.loads(run("stats", "--json").out)["units"] == 12


def test_export_to_stdout_is_tmx(run) -> None:  # type: ignore[no-untyped-def]
    run("import", SEED_TMX)
    result = run("export", "--kind", "term", "--status", "approved")
    assert result.code == 0
    assert result.out.startswith("<?xml") and result.out.count("</tu>") == 8


def test_writing_to_a_tmx_memory_is_refused(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "seed.tmx"
    shutil.copy(SEED_TMX, copy)
    result = run("--memory", copy, "import", SEED_TMX)
    assert result.code == 2 and "read-only" in result.err
