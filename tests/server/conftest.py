"""A memory built from the bundled seed corpus, tokens for each role, and a real `tm serve`
started as a subprocess on a free loopback port (for the browser and multi-process tests)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tm.memory import import_file, open_memory
from tm.server.auth import create_token

ROOT = Path(__file__).resolve().parents[2]
SEED_TMX = ROOT / "corpora" / "seed" / "seed.tmx"
SEED_GLOSSARY = ROOT / "corpora" / "seed" / "glossary.tbx"

#: A term whose text is markup: the page must show it as text, never run it.
HOSTILE_TERM = "<script>alert(1)</script>"


@pytest.fixture
def memory(tmp_path: Path) -> str:
    path = str(tmp_path / "team.db")
    with open_memory(path, write=True) as store:
        import_file(store, str(SEED_TMX))
        import_file(store, str(SEED_GLOSSARY))
    return path


@pytest.fixture
def tokens(memory: str) -> dict[str, str]:
    with open_memory(memory, write=True) as store:
        return {
            role: create_token(store, f"{role}-1", role) for role in ("translator", "editor", "ci")
        }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RunningServer:
    def __init__(self, memory: str, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "TM_MEMORY": memory}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tm", "serve", "--port", str(self.port), *extra],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    self.process.stderr.read().decode() if self.process.stderr else ""
                )
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("tm serve did not start within 30 s")

    def stop(self) -> str:
        self.process.terminate()
        try:
            _out, err = self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _out, err = self.process.communicate()
        return err.decode("utf-8", "replace")


@pytest.fixture
def serve(memory: str) -> Iterator[type[RunningServer]]:
    started: list[RunningServer] = []

    def start(*extra: str) -> RunningServer:
        server = RunningServer(memory, *extra)
        started.append(server)
        return server

    yield start  # type: ignore[misc]
    for server in started:
        server.stop()
