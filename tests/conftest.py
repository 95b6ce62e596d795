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


@pytest.fixture(scope="session")
def postgres_cluster():  # type: ignore[no-untyped-def]
    """A real PostgreSQL server (Debian's package) in a temporary folder, for the session.

    Skipped with the reason where it cannot start on a developer's machine; under CI (where
    `.ci/run` installs PostgreSQL) a failure to start is an error, never a silent skip."""
    from tests.support.pgcluster import Cluster, server_bin

    if server_bin() is None:
        if os.environ.get("CI"):
            raise RuntimeError("CI: PostgreSQL is not installed (.ci/run should install it)")
        pytest.skip("PostgreSQL's server is not installed (apt-get install postgresql)")
    try:
        cluster = Cluster().start()
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL could not start here: {exc}")
    yield cluster
    cluster.close()


_DATABASES = iter(range(1, 1_000_000))


@pytest.fixture
def postgres_url(postgres_cluster) -> str:  # type: ignore[no-untyped-def]
    """A fresh, empty database on the session's cluster."""
    import psycopg

    name = f"tm_{next(_DATABASES)}"
    with psycopg.connect(postgres_cluster.url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return postgres_cluster.url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def memory_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every backend in turn: the contract suites run once per backend."""
    if request.param == "sqlite":
        return str(tmp_path / "memory.db")
    return str(request.getfixturevalue("postgres_url"))
