"""`tm serve` on the team backend: a real PostgreSQL, restarted under the server's feet."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tm.memory import import_file, open_memory
from tm.server.auth import create_token

from .conftest import SEED_GLOSSARY, RunningServer


def get(url: str, token: str) -> int:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            json.loads(response.read())
            return response.status
    except urllib.error.HTTPError as error:
        assert "error" in json.loads(error.read())
        return error.code


def test_503_while_postgresql_is_down_then_back_without_restarting_the_server() -> None:
    from tests.support.pgcluster import Cluster, server_bin

    if server_bin() is None:
        pytest.skip("PostgreSQL's server is not installed (apt-get install postgresql)")
    with Cluster() as cluster:
        with open_memory(cluster.url, write=True) as store:
            import_file(store, str(SEED_GLOSSARY))
            token = create_token(store, "ci", "ci")
        server = RunningServer(cluster.url)
        try:
            lookup = server.url + "/api/lookup?q=" + urllib.parse.quote("绿电交通")
            assert get(lookup, token) == 200
            cluster.stop_server()
            assert get(lookup, token) == 503
            health = urllib.request.Request(server.url + "/healthz")
            with pytest.raises(urllib.error.HTTPError) as down:
                urllib.request.urlopen(health, timeout=15)
            assert down.value.code == 503
            cluster.restart()
            deadline = time.monotonic() + 20
            status = 0
            while time.monotonic() < deadline and status != 200:
                status = get(lookup, token)
            assert status == 200
        finally:
            log = server.stop()
        assert token not in log
