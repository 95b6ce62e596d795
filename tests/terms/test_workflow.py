"""The review workflow as a terminologist uses it: add, approve, forbid, edit, retire, remove,
review, and glossaries in and out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tm.glossary import read_glossary

DATA = Path(__file__).resolve().parents[1] / "data" / "glossary"
ENERGY = DATA / "energy.zh-en.tsv"


def _listed(run) -> list[dict]:  # type: ignore[no-untyped-def]
    return json.loads(run("terms", "list", "--json").out)


def test_several_targets_per_source_each_with_its_status(run) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("terms", "add", "绿电交通", "green-power transportation", "--domain", "energy").code
        == 0
    )
    assert (
        run(
            "terms",
            "add",
            "绿电交通",
            "green electricity transportation",
            "--status",
            "forbidden",
            "--note",
            "绿电 is green power",
        ).code
        == 0
    )
    terms = _listed(run)
    assert [(t["target"], t["status"]) for t in terms] == [
        ("green-power transportation", "approved"),
        ("green electricity transportation", "forbidden"),
    ]
    assert terms[0]["source_lang"] == "zh-Hans" and terms[0]["target_lang"] == "en"
    assert terms[0]["domain"] == "energy" and terms[1]["note"] == "绿电 is green power"
    assert terms[0]["created_by"] == "tester" and terms[0]["changed"].startswith("20")


def test_status_changes_name_the_pair_and_refuse_ambiguity(run) -> None:  # type: ignore[no-untyped-def]
    run("terms", "add", "光伏", "photovoltaic", "--status", "candidate")
    run("terms", "add", "光伏", "PV", "--status", "candidate")
    ambiguous = run("terms", "approve", "光伏")
    assert ambiguous.code == 2
    assert ambiguous.err.count("\n") == 1 and "2 terms match" in ambiguous.err
    assert run("terms", "approve", "光伏", "Photovoltaic").code == 0  # any case
    assert run("terms", "admit", "PV", "光伏", "--note", "tables only").code == 0  # either way
    statuses = {t["target"]: (t["status"], t["note"]) for t in _listed(run)}
    assert statuses == {"photovoltaic": ("approved", None), "PV": ("admitted", "tables only")}
    missing = run("terms", "forbid", "风电")
    assert missing.code == 2 and "no term '风电'" in missing.err


def test_edit_keeps_the_id_and_remove_deletes(run) -> None:  # type: ignore[no-untyped-def]
    run("terms", "add", "储能", "energy storage system")
    first = _listed(run)[0]
    edited = run("terms", "edit", "储能", "--target", "energy storage", "--status", "admitted")
    assert edited.code == 0 and f"#{first['id']} 储能 → energy storage  admitted" in edited.out
    assert [(t["id"], t["target"]) for t in _listed(run)] == [(first["id"], "energy storage")]
    run("terms", "add", "储能", "power storage")
    clash = run("terms", "edit", "储能", "power storage", "--target", "energy storage")
    assert clash.code == 2 and "already holds" in clash.err
    assert run("terms", "retire", "储能", "power storage").code == 0
    assert run("terms", "remove", "--id", str(first["id"])).code == 0
    assert [(t["target"], t["status"]) for t in _listed(run)] == [("power storage", "obsolete")]


def test_review_walks_candidates_with_their_context(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_5a0f6029a40198bd.txt"
    assert run("terms", "extract", seed, "--into-memory", "--top", "3").code == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("a\nr\ne\nthe edited rendering\n"))
    result = run("terms", "review")
    assert result.code == 0, result.err
    assert "reviewed 3 of 3 candidate(s)" in result.out
    assert "evidence:" in result.out and "| " in result.out  # why, and where from
    statuses = sorted(t["status"] for t in _listed(run))
    assert statuses == ["approved", "approved", "obsolete"]
    assert "the edited rendering" in {t["target"] for t in _listed(run)}
    assert "no candidates to review" in run("terms", "review").out


def test_realistic_glossary_import_export_round_trip(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("terms", "import", ENERGY)
    assert result.code == 0 and "read 219, created 219" in result.out
    assert "updated 0, skipped 219" in run("import", ENERGY).out  # the same file again
    for fmt in ("tbx", "csv", "tsv", "tmx"):
        out = tmp_path / f"energy.{fmt}"
        assert run("terms", "export", "-o", out).code == 0
        assert read_glossary(out) == read_glossary(ENERGY), fmt
    tmx = tmp_path / "energy.tmx"
    assert run("validate", tmx).code == 0


def test_a_bad_row_imports_nothing_from_that_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "zh-Hans,en,status\n储能,energy storage\n光伏,photovoltaic,maybe\n", encoding="utf-8"
    )
    result = run("terms", "import", ENERGY, bad)
    assert result.code == 2
    assert (
        result.err.strip() == f"tm: error: {bad}:3: unknown status 'maybe' (one of "
        "candidate, approved, admitted, forbidden, obsolete)"
    )
    assert len(_listed(run)) == 219  # the good file stays, nothing of the bad one


@pytest.mark.parametrize("fmt", ["csv", "tbx"])
def test_export_refuses_to_mix_language_pairs_silently(run, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    run("terms", "add", "储能", "energy storage")
    run("terms", "add", "Energiespeicher", "energy storage", "--source-lang", "de")
    out = tmp_path / f"g.{fmt}"
    assert run("terms", "export", "-o", out, "--src-lang", "zh-Hans", "--tgt-lang", "en").code == 0
    assert [t.source for t in read_glossary(out)] == ["储能"]


def test_the_corpus_glossary_is_what_the_tool_exports_from_the_seed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = Path(__file__).resolve().parents[2] / "corpora" / "seed"
    seed = read_glossary(corpus / "seed.tmx")
    assert ("绿电交通", "green-power transportation", "approved") in {
        (t.source, t.target, t.status) for t in seed
    }
    for name in ("glossary.tmx", "glossary.tbx"):
        assert read_glossary(corpus / name) == seed, name
        fresh = tmp_path / name
        assert run("--memory", corpus / "seed.tmx", "terms", "export", "-o", fresh).code == 0
        assert read_glossary(fresh) == seed
    assert run("validate", corpus / "glossary.tmx").code == 0


def test_an_omegat_glossary_file_imports_as_terms(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    glossary = tmp_path / "project.utf8"
    glossary.write_text("signing ceremony\t签约仪式\tfrom the seed release\n", encoding="utf-8")
    result = run("terms", "import", glossary)
    assert result.code == 0 and "created 1" in result.out
    (term,) = _listed(run)
    assert (term["source"], term["target"], term["source_lang"]) == (
        "signing ceremony",
        "签约仪式",
        "en",
    )
    assert term["note"] == "from the seed release"


@pytest.mark.parametrize(
    ("source", "target", "languages"),
    [
        ("储能", "energy storage", ("zh-Hans", "en")),
        ("energy storage", "储能", ("en", "zh-Hans")),
        ("綠電交通", "green-power transportation", ("zh-Hant", "en")),
    ],
)
def test_terms_add_takes_each_sides_language_from_its_text(  # type: ignore[no-untyped-def]
    run, source: str, target: str, languages: tuple[str, str]
) -> None:
    assert run("terms", "add", source, target).code == 0
    (term,) = _listed(run)
    assert (term["source_lang"], term["target_lang"]) == languages


def test_terms_add_refuses_a_language_the_text_contradicts(run) -> None:  # type: ignore[no-untyped-def]
    result = run("terms", "add", "储能", "energy storage", "--src-lang", "en")
    assert result.code == 2
    assert result.err == "tm: error: the text is Simplified Chinese, but --src-lang says en\n"
    assert run("terms", "add", "储能", "energy storage", "--source-lang", "zh-CN").code == 0
    assert _listed(run)[0]["source_lang"] == "zh-CN"


def test_review_answers_are_applied_by_the_library(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tm.memory import open_memory
    from tm.terms.workflow import apply_review, review_items

    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_5a0f6029a40198bd.txt"
    assert run("terms", "extract", seed, "--into-memory", "--top", "2").code == 0
    with open_memory(tmp_path / "tm.db", write=True) as store:
        items = review_items(store)
        assert len(items) == 2
        assert {name for name, _value in items[0].details} == {"score", "evidence"}
        assert items[0].contexts and items[0].contexts[0][1]  # the Chinese and the English
        assert apply_review(store, items[0], "r") is True
        assert apply_review(store, items[1], "s") is False
    rejected = next(t for t in _listed(run) if t["id"] == items[0].entry.id)
    assert rejected["status"] == "obsolete"
    assert rejected["note"].endswith("rejected in review")
