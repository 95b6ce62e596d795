"""Shared fixtures: paths to real inputs, and a way to run the `tm` command in-process."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tm.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED_DATA = ROOT.parent / "shared" / "data"
KIT = SHARED_DATA / "tmx-compliance-kit"
SEED_TMX = ROOT / "corpora" / "seed" / "seed.tmx"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def kit() -> Path:
    if not KIT.is_dir():
        pytest.skip(f"the LISA TMX compliance kit is not at {KIT} (../shared/data is absent)")
    return KIT


@pytest.fixture
def tmx_data() -> Path:
    return DATA / "tmx"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Run `tm ARGS` in-process as a user would; memory defaults to tmp_path/tm.db."""
    monkeypatch.setenv("TM_MEMORY", str(tmp_path / "tm.db"))
    monkeypatch.setenv("TM_USER", "tester")

    def invoke(*args: str | os.PathLike[str]) -> Result:
        capsys.readouterr()
        try:
            main([os.fspath(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
        else:  # pragma: no cover - main always exits
            code = 0
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def align_release(run, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Align the corpus release (corpora/seed/release.en.txt with our Chinese rendering) into
    the test's memory, as the main job does."""
    corpus = ROOT / "corpora" / "seed"

    def align() -> Result:
        return run(
            "align",
            corpus / "release.en.txt",
            corpus / "release.zh.txt",
            "--into-memory",
            "-o",
            tmp_path / "release-aligned.tmx",
        )

    return align
