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


SEED_TEXT = ROOT / "seeds" / "000_5a0f6029a40198bd.txt"


def _terms(run, memory: str) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    listed = run("--memory", memory, "terms", "list", "--json")
    assert listed.code == 0, listed.err
    return [
        {key: t[key] for key in ("id", "source", "target", "status", "note", "domain")}
        for t in json.loads(listed.out)
    ]


def test_terms_review_through_a_server_as_on_a_local_memory(  # type: ignore[no-untyped-def]
    serve, tokens, memory, run, monkeypatch, tmp_path
) -> None:
    """The same candidates, the same answers: the same screen and the same terms afterwards,
    whether the memory is a file here or a server's."""
    import io
    import shutil

    extracted = run(
        "--memory", memory, "terms", "extract", SEED_TEXT, "--into-memory", "--top", "12"
    )
    assert extracted.code == 0, extracted.err
    twin = str(tmp_path / "twin.db")
    shutil.copy(memory, twin)
    server = serve()
    monkeypatch.setenv("TM_TOKEN", tokens["editor"])
    answers = "a\nr\ne\nthe edited rendering\ns\n"  # four candidates the seed lacks
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    remote = run("--memory", server.url, "terms", "review")
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    local = run("--memory", twin, "terms", "review")
    assert remote.code == local.code == 0, remote.err + local.err
    assert "reviewed 3 of 4 candidate(s)" in remote.out
    assert remote.out == local.out  # the same items, details and contexts, in the same order
    assert _terms(run, memory) == _terms(run, twin)
    assert "the edited rendering" in {t["target"] for t in _terms(run, memory)}
    refused = run("--memory", server.url, "terms", "extract", SEED_TEXT, "--into-memory")
    assert refused.code == 2 and refused.err.count("\n") == 1 and "local memory" in refused.err
    monkeypatch.setenv("TM_TOKEN", tokens["translator"])  # reading is not deciding
    monkeypatch.setattr("sys.stdin", io.StringIO("a\n"))
    refused = run("--memory", server.url, "terms", "review")
    assert refused.code == 2 and "not allowed" in refused.err


def test_terms_edit_remove_import_export_through_a_server(  # type: ignore[no-untyped-def]
    serve, tokens, memory, run, monkeypatch, tmp_path
) -> None:
    server = serve()
    monkeypatch.setenv("TM_TOKEN", tokens["editor"])
    url = server.url
    choice = ("--status", "approved")
    for fmt in ("tbx", "csv", "tsv", "tmx"):  # the server's file is the one a local export writes
        there, here = tmp_path / f"remote.{fmt}", tmp_path / f"local.{fmt}"
        exported = run("--memory", url, "terms", "export", "-o", there, *choice)
        assert exported.code == 0 and "wrote" in exported.out, exported.err
        kept = run("--memory", memory, "terms", "export", "-o", here, *choice)
        assert there.read_bytes() == here.read_bytes(), fmt
        assert exported.out.split(":")[1] == kept.out.split(":")[1]  # "wrote N term pairs"
    glossary = ROOT / "tests" / "data" / "glossary" / "energy.zh-en.tsv"
    imported = run("--memory", url, "terms", "import", glossary)
    assert imported.code == 0 and "read 219, created" in imported.out, imported.err
    ambiguous = run("--memory", url, "terms", "edit", "绿电交通", "--note", "which one?")
    assert ambiguous.code == 2 and "name the target or --id" in ambiguous.err
    chosen = next(t for t in _terms(run, memory) if t["source"] == "绿电交通")
    edited = run(
        "--memory", url, "terms", "edit", "--id", str(chosen["id"]),
        "--target", "green-electricity transport", "--note", "per the 2026 style sheet",
    )  # fmt: skip
    assert edited.code == 0 and "green-electricity transport" in edited.out, edited.err
    term = next(t for t in _terms(run, memory) if t["id"] == chosen["id"])
    assert term["target"] == "green-electricity transport"
    assert term["note"] == "per the 2026 style sheet"
    removed = run("--memory", url, "terms", "remove", "--id", str(term["id"]))
    assert removed.code == 0 and f"removed #{term['id']}" in removed.out, removed.err
    assert term["id"] not in {t["id"] for t in _terms(run, memory)}
    gone = run("--memory", url, "terms", "remove", "--id", str(term["id"]))
    assert gone.code == 2 and gone.err.count("\n") == 1 and "no term" in gone.err
    monkeypatch.setenv("TM_TOKEN", tokens["translator"])
    refused = run("--memory", url, "terms", "remove", "--id", str(_terms(run, memory)[0]["id"]))
    assert refused.code == 2 and "not allowed" in refused.err


def test_check_on_a_servers_memory_finds_what_a_local_memory_finds(  # type: ignore[no-untyped-def]
    serve, tokens, memory, run, monkeypatch, tmp_path
) -> None:
    """The bundled release, kept in the memory, checked again with two sentences changed:
    drift from the memory's translations, under the project's settings, reported alike."""
    corpus = ROOT / "corpora" / "seed"
    english = tmp_path / "release.en.txt"
    english.write_text((corpus / "release.en.txt").read_text("utf-8"), encoding="utf-8")
    chinese = tmp_path / "release.zh.txt"
    changed = (
        (corpus / "release.zh.txt")
        .read_text("utf-8")
        .replace("2023年6月21日", "2023年6月12日")
        .replace("交换了意见", "进行了深入交流")
    )
    chinese.write_text(changed, encoding="utf-8")
    (tmp_path / "tm.toml").write_text(
        '[check]\ndisable = ["whitespace"]\n[check.severity]\nmemory-drift = "error"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    kept = run(
        "--memory", memory, "align", corpus / "release.en.txt", corpus / "release.zh.txt",
        "--into-memory", "-o", tmp_path / "aligned.tmx",
    )  # fmt: skip
    assert kept.code == 0, kept.err  # the memory holds the release as first published
    server = serve()
    monkeypatch.setenv("TM_TOKEN", tokens["ci"])
    for fmt in ("json", "text", "sarif"):
        there = run("--memory", server.url, "check", english, chinese, "--format", fmt)
        here = run("--memory", memory, "check", english, chinese, "--format", fmt)
        assert (there.code, there.out, there.err) == (here.code, here.out, here.err), fmt
    report = json.loads(
        run("--memory", server.url, "check", english, chinese, "--format", "json").out
    )
    checks = {f["check"]: f for f in report["findings"]}
    assert checks["memory-drift"]["severity"] == "error"  # the project's setting applied there
    assert "memory-drift" in checks and "number-mismatch" in checks, sorted(checks)
    glossary = ROOT / "tests" / "data" / "glossary" / "energy.zh-en.tsv"
    there = run("--memory", server.url, "check", english, chinese, "--glossary", glossary)
    here = run("--memory", memory, "check", english, chinese, "--glossary", glossary)
    assert (there.code, there.out) == (here.code, here.out)
