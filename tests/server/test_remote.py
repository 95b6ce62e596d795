"""The client side: `tm.remote.RemoteMemory` against a real `tm serve` process."""

from __future__ import annotations

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
