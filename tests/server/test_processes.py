"""`tm serve` as users start it: a real process, tokens made by the CLI, two processes on one
memory, and tokens never written to the server's output."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request

from click.testing import CliRunner

from tm.cli import cli


def call(url: str, token: str, method: str = "GET", body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url,
        data=data,
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def make_token(memory: str, name: str, role: str) -> str:
    result = CliRunner().invoke(
        cli, ["--memory", memory, "serve", "token", "add", name, "--role", role]
    )
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]  # alone on the last line


def test_token_commands(memory: str) -> None:
    token = make_token(memory, "alice", "editor")
    assert token.startswith("tm_")
    listed = CliRunner().invoke(cli, ["--memory", memory, "serve", "token", "list", "--json"])
    assert [row["name"] for row in json.loads(listed.output)] == ["alice"]
    assert token not in listed.output
    again = CliRunner().invoke(
        cli, ["--memory", memory, "serve", "token", "add", "alice", "--role", "ci"]
    )
    assert again.exit_code != 0
    revoked = CliRunner().invoke(cli, ["--memory", memory, "serve", "token", "revoke", "alice"])
    assert revoked.exit_code == 0


def test_an_approved_term_is_seen_by_another_process_within_a_second(memory, serve) -> None:  # type: ignore[no-untyped-def]
    editor = make_token(memory, "editor", "editor")
    reader = make_token(memory, "ci", "ci")
    first, second = serve(), serve()
    status, made = call(
        first.url + "/api/terms",
        editor,
        "POST",
        {"source": "零碳电厂", "target": "zero-carbon power plant"},
    )
    assert status == 201 and made["status"] == "approved"
    deadline = time.monotonic() + 1.0
    seen = False
    while time.monotonic() < deadline and not seen:
        status, found = call(second.url + "/api/lookup?q=" + urllib.parse.quote("零碳电厂"), reader)
        seen = any(t["target"] == "zero-carbon power plant" for t in found["terms"])
    assert seen
    # Revoked in one process, refused by the other at its next request.
    CliRunner().invoke(cli, ["--memory", memory, "serve", "token", "revoke", "ci"])
    status, _ = call(second.url + "/api/stats", reader)
    assert status == 401
    for server in (first, second):
        log = server.stop()
        assert reader not in log and editor not in log


def test_the_server_binds_loopback_by_default(memory, serve) -> None:  # type: ignore[no-untyped-def]
    server = serve()
    # /proc/net/tcp lists listening sockets (state 0A) as hex address:port, little-endian.
    listening = set()
    with open("/proc/net/tcp") as table:
        for row in table.read().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            if state == "0A":
                address, port = local.split(":")
                listening.add((address, int(port, 16)))
    assert ("0100007F", server.port) in listening
    assert ("00000000", server.port) not in listening
