"""The HTTP API on the seed memory: shapes, limits, and every endpoint x role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tm.memory import open_memory
from tm.server import create_app
from tm.server.app import MAX_BODY_BYTES, MAX_QUERY_CHARS

from .conftest import ROOT


def client(memory: str, **options: bool) -> TestClient:
    return TestClient(create_app(memory, **options))


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


GLOSSARY_CSV = "zh-Hans,en,status\n储能电站,energy storage station,approved\n".encode()
RELEASE_TMX = (ROOT / "corpora" / "seed" / "glossary.tmx").read_bytes()

#: (method, path, body kwargs, the right it needs). Writes that succeed change the memory,
#: so each (role, endpoint) gets a fresh memory.
ENDPOINTS = [
    ("GET", "/api/lookup?q=绿电交通", {}, "read"),
    ("GET", "/api/concordance?q=Chongqing", {}, "read"),
    ("GET", "/api/terms", {}, "read"),
    ("GET", "/api/stats", {}, "read"),
    ("GET", "/api/export?kind=terms", {}, "read"),
    (
        "POST",
        "/api/terms",
        {
            "json": {
                "source": "换电重卡",
                "target": "battery-swap heavy truck",
                "status": "candidate",
            }
        },
        "propose",
    ),
    (
        "POST",
        "/api/terms",
        {
            "json": {
                "source": "换电重卡",
                "target": "battery-swap heavy truck",
                "status": "approved",
            }
        },
        "edit",
    ),
    ("PATCH", "/api/terms/{term}", {"json": {"note": "reviewed"}}, "edit"),
    ("DELETE", "/api/terms/{term}", {}, "edit"),
    ("GET", "/api/terms/export?format=csv", {}, "read"),
    ("POST", "/api/terms/import?format=csv", {"content": GLOSSARY_CSV}, "import"),
    ("GET", "/api/terms/review", {}, "read"),
    ("POST", "/api/terms/{term}/review", {"json": {"answer": "a"}}, "edit"),
    ("POST", "/api/import?format=csv", {"content": GLOSSARY_CSV}, "import"),
    (
        "POST",
        "/api/check",
        {"json": {"source": "The plant has 30 MW.", "target": "电站装机3万千瓦。"}},
        "check",
    ),
]
RIGHTS = {
    "translator": {"read", "propose"},
    "ci": {"read", "check"},
    "editor": {"read", "propose", "check", "edit", "import"},
}


def _a_term(memory: str) -> int:
    with open_memory(memory) as store:
        from tm.terms.workflow import stored_terms

        return stored_terms(store)[0].id


@pytest.mark.parametrize("role", [None, "translator", "ci", "editor", "revoked", "forged"])
@pytest.mark.parametrize(("method", "path", "body", "right"), ENDPOINTS)
def test_every_endpoint_enforces_its_role(
    memory: str,
    tokens: dict[str, str],
    role: str | None,
    method: str,
    path: str,
    body: dict,
    right: str,
) -> None:
    headers = {}
    if role in RIGHTS:
        headers = auth(tokens[role])
    elif role == "revoked":
        with open_memory(memory, write=True) as store:
            store.revoke_token("editor-1")
        headers = auth(tokens["editor"])
    elif role == "forged":
        token_id = tokens["editor"].split("_")[1]
        headers = auth(f"tm_{token_id}_not-the-secret")
    path = path.replace("{term}", str(_a_term(memory)))
    response = client(memory).request(method, path, headers=headers, **body)
    if role not in RIGHTS:
        assert response.status_code == 401, response.text
        assert "error" in response.json()
    elif right in RIGHTS[role]:
        assert response.status_code in (200, 201), response.text
    else:
        assert response.status_code == 403, response.text
        assert role in response.json()["error"]


def test_public_read_lets_reads_through_but_no_write(memory: str) -> None:
    public = client(memory, public_read=True)
    assert public.get("/api/lookup", params={"q": "绿电交通"}).status_code == 200
    response = public.post(
        "/api/terms", json={"source": "绿电", "target": "green power", "status": "candidate"}
    )
    assert response.status_code == 403


def test_lookup_answers_the_cli_shape(memory: str, tokens: dict[str, str]) -> None:
    data = (
        client(memory)
        .get("/api/lookup", params={"q": "绿电交通"}, headers=auth(tokens["ci"]))
        .json()
    )
    assert {"terms", "matches"} <= set(data)
    assert any(
        t["source"] == "绿电交通" and t["target"] == "green-power transportation"
        for t in data["terms"]
    )


def test_concordance_gives_spans_of_the_query(memory: str, tokens: dict[str, str]) -> None:
    data = (
        client(memory)
        .get("/api/concordance", params={"q": "chongqing"}, headers=auth(tokens["ci"]))
        .json()
    )
    assert data["matches"]
    for match in data["matches"]:
        for start, end in match["spans"]:
            assert match["source"][start:end].lower() == "chongqing"


def test_a_translator_proposes_an_editor_approves(memory: str, tokens: dict[str, str]) -> None:
    api = client(memory)
    made = api.post(
        "/api/terms",
        json={"source": "换电重卡", "target": "battery-swap heavy truck"},
        headers=auth(tokens["translator"]),
    )
    assert made.status_code == 201
    assert made.json()["status"] == "candidate"
    assert made.json()["source_lang"] == "zh-Hans" and made.json()["target_lang"] == "en"
    changed = api.patch(
        f"/api/terms/{made.json()['id']}",
        json={"status": "approved"},
        headers=auth(tokens["editor"]),
    )
    assert changed.status_code == 200 and changed.json()["status"] == "approved"
    listed = api.get("/api/terms", params={"status": "approved"}, headers=auth(tokens["ci"]))
    assert "换电重卡" in {t["source"] for t in listed.json()["terms"]}


def test_export_streams_valid_tmx(memory: str, tokens: dict[str, str], tmp_path: Path) -> None:
    from tm.tmx.validate import validate_tmx

    response = client(memory).get("/api/export", headers=auth(tokens["ci"]))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-tmx+xml")
    out = tmp_path / "export.tmx"
    out.write_bytes(response.content)
    assert validate_tmx(str(out)) == []


def test_import_counts_and_check_findings(memory: str, tokens: dict[str, str]) -> None:
    api = client(memory)
    counts = api.post(
        "/api/import?format=csv", content=GLOSSARY_CSV, headers=auth(tokens["editor"])
    ).json()
    assert counts["created"] == 1
    checked = api.post(
        "/api/check",
        json={"source": "The plant has 30 MW.", "target": "电站装机3万千瓦。"},
        headers=auth(tokens["ci"]),
    ).json()
    assert set(checked) == {"findings", "summary"}
    tmx = api.post("/api/check", content=RELEASE_TMX, headers=auth(tokens["ci"]))
    assert tmx.status_code == 200
    assert all(f["location"]["file"] == "posted.tmx" for f in tmx.json()["findings"])


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "q is empty"),
        ({"q": "x" * (MAX_QUERY_CHARS + 1)}, "longer than"),
        ({"q": "绿电", "limit": "many"}, "whole number"),
        ({"q": "绿电", "limit": "100000"}, "from 1 to"),
    ],
)
def test_bad_queries_are_400(
    memory: str, tokens: dict[str, str], params: dict, message: str
) -> None:
    response = client(memory).get("/api/lookup", params=params, headers=auth(tokens["ci"]))
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_a_body_too_large_is_413(memory: str, tokens: dict[str, str]) -> None:
    body = b"a,b\n" * (MAX_BODY_BYTES // 4 + 1)
    response = client(memory).post(
        "/api/import?format=csv", content=body, headers=auth(tokens["editor"])
    )
    assert response.status_code == 413


def test_bad_input_is_400_and_changes_nothing(memory: str, tokens: dict[str, str]) -> None:
    before = Path(memory).read_bytes()
    api = client(memory)
    bad = api.post(
        "/api/import?format=tmx",
        content=b"<tmx version='1.4'><body><tu>",
        headers=auth(tokens["editor"]),
    )
    assert bad.status_code == 400 and bad.json()["error"]
    missing = api.patch("/api/terms/999999", json={"note": "x"}, headers=auth(tokens["editor"]))
    assert missing.status_code == 404
    unknown = api.post(
        "/api/terms",
        json={"source": "绿电", "target": "green power", "status": "blessed"},
        headers=auth(tokens["editor"]),
    )
    assert unknown.status_code == 400
    with open_memory(memory) as store:
        assert store.count() == _count(before, memory)


def _count(_before: bytes, memory: str) -> int:
    with open_memory(memory) as store:
        return store.count()


def test_tokens_are_stored_hashed(memory: str, tokens: dict[str, str]) -> None:
    with open_memory(memory) as store:
        rows = store.db.execute("SELECT id, hash FROM token").fetchall()
    secrets = [token.split("_", 2)[2] for token in tokens.values()]
    stored = json.dumps(rows)
    assert not any(secret in stored for secret in secrets)


def test_a_tmx_memory_is_served_read_only(tmp_path: Path) -> None:
    from .conftest import SEED_TMX

    api = client(str(SEED_TMX), public_read=True)
    found = api.get("/api/lookup", params={"q": "绿电交通"})
    assert found.status_code == 200, found.text
    assert found.json()["terms"]
    refused = api.post("/api/terms", json={"source": "绿电", "target": "green power"})
    assert refused.status_code == 403  # reads only without a token


def test_terms_named_as_the_cli_names_them(memory: str, tokens: dict[str, str]) -> None:
    """`?source=` finds a term in any surface form and either direction, `?id=` one term:
    what `tm --memory https://… terms approve|edit|remove` select by."""
    api = client(memory)
    headers = auth(tokens["translator"])
    named = api.get("/api/terms", params={"source": "绿电交通"}, headers=headers).json()["terms"]
    assert {t["target"] for t in named} == {
        "green-power transportation",
        "green electricity transportation",
    }
    reverse = api.get(
        "/api/terms", params={"source": "Green-Power Transportation"}, headers=headers
    ).json()["terms"]
    assert [t["source"] for t in reverse] == ["绿电交通"]
    one = api.get("/api/terms", params={"id": named[0]["id"]}, headers=headers).json()["terms"]
    assert [t["id"] for t in one] == [named[0]["id"]]
    assert api.get("/api/terms", params={"id": "x"}, headers=headers).status_code == 400
