"""The client side: `tm.remote.RemoteMemory` against a real `tm serve` process."""

from __future__ import annotations

import json

import pytest

from tm.errors import StoreError, UsageError
from tm.remote import RemoteMemory

from .conftest import ROOT


def test_lookup_terms_import_and_check_through_a_server(serve, tokens) -> None:  # type: ignore[no-untyped-def]
    server = serve()
    editor = RemoteMemory(server.url + "/", tokens["editor"])
    found = editor.lookup("绿电交通")
    assert any(t["target"] == "green-power transportation" for t in found["terms"])
    counts = editor.import_file(str(ROOT / "tests" / "data" / "glossary" / "energy.zh-en.tsv"))
    assert counts["read"] > 0 and counts["failed"] == 0
    made = editor.add_term({"source": "零碳电厂", "target": "zero-carbon power plant"})
    assert made["status"] == "approved"
    assert editor.change_term(made["id"], {"note": "per the 2026 style sheet"})["note"]
    report = editor.check(
        [
            {
                "source": "The plant will cut emissions by 30%.",
                "target": "该电厂将减排40%。",
                "source_lang": "en",
                "target_lang": "zh-Hans",
                "location": {"file": "release.en.md", "line": 7},
            }
        ]
    )
    numbers = [f for f in report["findings"] if f["check"] == "number-mismatch"]
    assert numbers and numbers[0]["location"]["file"] == "release.en.md"
    assert numbers[0]["location"]["line"] == 7


def test_errors_are_one_line_with_what_to_do(serve, tokens) -> None:  # type: ignore[no-untyped-def]
    server = serve()
    with pytest.raises(StoreError, match=r"TM_TOKEN"):
        RemoteMemory(server.url, token="").lookup("绿电")
    translator = RemoteMemory(server.url, tokens["translator"])
    with pytest.raises(StoreError, match="not allowed"):
        translator.add_term({"source": "绿电", "target": "green power", "status": "approved"})
    with pytest.raises(UsageError, match="q is empty"):
        translator.lookup(" ")
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteMemory("http://127.0.0.1:9", tokens["ci"]).stats()


def test_the_cli_uses_a_servers_memory(serve, tokens, run, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`tm --memory https://… lookup|import|terms|check` with the token in $TM_TOKEN: the same
    answers the server's memory gives, nothing local."""
    server = serve()
    monkeypatch.setenv("TM_TOKEN", tokens["editor"])
    url = server.url + "/"
    looked = run("--memory", url, "lookup", "绿电交通", "--json")
    assert looked.code == 0, looked.err
    assert any(t["target"] == "green-power transportation" for t in json.loads(looked.out)["terms"])
    glossary = ROOT / "tests" / "data" / "glossary" / "energy.zh-en.tsv"
    imported = run("--memory", url, "import", glossary)
    assert imported.code == 0 and "created" in imported.out, imported.err
    added = run(
        "--memory",
        url,
        "terms",
        "add",
        "零碳电厂",
        "zero-carbon power plant",
        "--status",
        "candidate",
    )
    assert added.code == 0 and "candidate" in added.out, added.err
    approved = run("--memory", url, "terms", "approve", "零碳电厂")
    assert approved.code == 0 and "approved" in approved.out, approved.err
    listed = json.loads(run("--memory", url, "terms", "list", "--status", "approved", "--json").out)
    assert "零碳电厂" in {t["source"] for t in listed}
    release = tmp_path / "release.en.txt"
    release.write_text("The zero-carbon power plant opened.\n", encoding="utf-8")
    chinese = tmp_path / "release.zh.txt"
    chinese.write_text("该电厂开业。\n", encoding="utf-8")
    checked = run("--memory", url, "check", release, chinese, "--format", "json")
    report = json.loads(checked.out)
    assert any(f["check"] == "term-missing" for f in report["findings"]), report
    assert not (tmp_path / "tm.db").exists()  # nothing was opened locally
    monkeypatch.setenv("TM_TOKEN", tokens["translator"])
    refused = run("--memory", url, "terms", "approve", "零碳电厂")
    assert refused.code == 2 and refused.err.count("\n") == 1 and "not allowed" in refused.err
