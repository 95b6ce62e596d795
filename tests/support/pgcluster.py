"""A throw-away PostgreSQL cluster in a temporary folder, for tests and benchmarks.

Debian's server binaries (package postgresql), a fresh `initdb`, a server on a free loopback
port with its socket in the same folder, stopped and deleted afterwards. PostgreSQL refuses to
run as root, so as root the cluster belongs to and runs as the `postgres` system user the
package creates; any other user runs it as themself.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def server_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian layout), if any."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """`with Cluster() as pg: pg.url` — a running server with an empty database `tm`."""

    def __init__(self) -> None:
        bindir = server_bin()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = bindir
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="tm-pg-"))
        self.data = self.root / "data"
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        self.url = f"postgresql://{self.user}@127.0.0.1:{self.port}/tm"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def start(self) -> Cluster:
        if os.geteuid() == 0:
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._run(
            str(self.bin / "initdb"),
            "-D", str(self.data),
            "-U", self.user,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        self._start_server()
        self._run(
            str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
            "-U", self.user, "tm",
        )  # fmt: skip
        return self

    def _start_server(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.root} -c fsync=off "
            "-c max_connections=200 -c shared_buffers=128MB"
        )
        # -l: the server's output goes to a file, not to our pipe (which it would hold open).
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip

    def restart(self, down_seconds: float = 0.0) -> None:
        """Stop the server if it runs, wait, start it again (fault tests: clients see it go
        and come)."""
        if (self.data / "postmaster.pid").exists():
            self.stop_server()
        time.sleep(down_seconds)
        self._start_server()

    def stop_server(self) -> None:
        result = self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop",
            check=False,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"pg_ctl stop: {result.stdout} {result.stderr}")

    def close(self) -> None:
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop",
            check=False,
        )  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
