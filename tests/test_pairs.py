"""The one input layer: files paired by name, languages from the text, the same pairs and
findings in either order, and every finding located (a text file's line, a DOCX paragraph)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tm.pairs import name_key, pair_by_name, pairs_from_paths

DATA = Path(__file__).resolve().parent / "data"
DOCS = DATA / "docs"
NEWS = DOCS / "news"
SEED = Path(__file__).resolve().parent.parent / "corpora" / "seed"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("release.en.md", "release.zh.md"),
        ("launch.en-US.srt", "launch.zh-Hans.srt"),
        ("ceremony.en.vtt", "ceremony.zh.srt"),  # another caption format is still a partner
        ("release.md", "release.zh.md"),  # one tagged, one not
        ("report_en.docx", "report_zh-Hant.docx"),
        ("news/en/001", "news/zh/001"),  # sibling folders named by language
    ],
)
def test_names_that_pair(a: str, b: str) -> None:
    assert name_key(a)[0] == name_key(b)[0]
    assert pair_by_name([a, b]) == ([(a, b)], [])
    assert pair_by_name([b, a]) == ([(b, a)], [])  # the first given is the source


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("release.en.md", "launch.zh.md"),
        ("release.md", "release.docx"),  # no tag: names differ by their suffix only
        ("en/001", "zh/002"),
        ("release.final.md", "release.draft.md"),  # not language tags
    ],
)
def test_names_that_do_not_pair(a: str, b: str) -> None:
    assert pair_by_name([a, b]) == ([], [a, b])


def _news(tmp_path: Path) -> list[Path]:
    for path in NEWS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return [tmp_path / name for name in ("wind.en.txt", "storage.zh.txt", "wind.zh.txt")]


def test_four_files_are_two_pairs_by_name() -> None:
    paths = [NEWS / n for n in ("wind.en.txt", "wind.zh.txt", "storage.en.txt", "storage.zh.txt")]
    inputs = pairs_from_paths([str(p) for p in paths])
    assert inputs.alone == []
    bilingual = [p for p in inputs.pairs if p.bilingual]
    assert {p.document for p in bilingual} == {str(paths[0]), str(paths[2])}
    assert ("The investment totals 1.6 billion yuan.", "项目总投资25亿元。") in {
        (p.source, p.target) for p in bilingual
    }
    assert {(p.source_lang, p.target_lang) for p in bilingual} == {("en", "zh-Hans")}


def test_check_on_four_files_finds_the_mismatch_inside_each_pair(run) -> None:  # type: ignore[no-untyped-def]
    paths = [NEWS / n for n in ("wind.en.txt", "storage.zh.txt", "wind.zh.txt", "storage.en.txt")]
    result = run("check", *paths, "--format", "json")
    assert result.code == 1, result.err
    report = json.loads(result.out)
    mismatches = [f for f in report["findings"] if f["check"] == "number-mismatch"]
    # wind: 400 MW against 300兆瓦, led by the English (given first); storage: 1.6 billion
    # yuan against 25亿元, led by the Chinese (given first), on the right lines.
    places = {(Path(f["location"]["file"]).name, f["location"]["line"]) for f in mismatches}
    assert places == {("wind.en.txt", 5), ("storage.zh.txt", 7)}
    assert report["summary"]["alone"] == []


def test_a_file_without_partner_is_checked_alone_and_the_report_says_so(run) -> None:  # type: ignore[no-untyped-def]
    paths = [NEWS / "wind.en.txt", NEWS / "wind.zh.txt", NEWS / "storage.en.txt"]
    result = run("check", *paths)
    assert f"{NEWS / 'storage.en.txt'}: checked alone" in result.out
    data = json.loads(run("check", *paths, "--format", "json").out)
    assert data["summary"]["alone"] == [str(NEWS / "storage.en.txt")]


def _finding_set(report: dict, place: bool) -> set[tuple[object, ...]]:  # type: ignore[type-arg]
    """Findings with their sides unordered. A caption finding names its cue in either order;
    a document pair's finding is at the source's sentence, so in the file given first."""
    return {
        (
            f["check"],
            (Path(f["location"]["file"]).name, f["location"]["cue"]) if place else None,
            frozenset(filter(None, (f["source"], f["target"]))),
        )
        for f in report["findings"]
    }


def test_a_caption_pair_gives_the_same_findings_in_either_order(run) -> None:  # type: ignore[no-untyped-def]
    a, b = DOCS / "ceremony.en.vtt", DOCS / "ceremony.zh.srt"
    glossary = SEED / "glossary.tbx"
    first = json.loads(run("check", a, b, "--glossary", glossary, "--format", "json").out)
    second = json.loads(run("check", b, a, "--glossary", glossary, "--format", "json").out)
    assert {f["check"] for f in first["findings"]} == {"caption-timing", "caption-length"}
    assert _finding_set(first, True) == _finding_set(second, True)


@pytest.mark.parametrize("name", ["wind", "storage"])
def test_a_document_pair_gives_the_same_findings_in_either_order(run, name: str) -> None:  # type: ignore[no-untyped-def]
    # Without a glossary: the term check reads the glossary from the source side only (see
    # the report), so with one, Chinese first can add a finding English first does not.
    a, b = NEWS / f"{name}.en.txt", NEWS / f"{name}.zh.txt"
    first = json.loads(run("check", a, b, "--format", "json").out)
    second = json.loads(run("check", b, a, "--format", "json").out)
    assert first["findings"]
    assert _finding_set(first, False) == _finding_set(second, False)


def test_a_traditional_caption_track_is_zh_hant_and_not_script_mixed() -> None:
    inputs = pairs_from_paths(
        [str(DOCS / "ceremony.zh-hant.big5.srt"), str(DOCS / "ceremony.en.vtt")]
    )
    assert {(p.source_lang, p.target_lang) for p in inputs.pairs} == {("zh-Hant", "en")}
    from tm.checks import check_inputs

    assert not [f for f in check_inputs(inputs) if f.check.startswith("script")]


def test_two_files_in_one_language_named_as_a_pair_are_an_error(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(NEWS / "wind.en.txt", tmp_path / "wind.zh.txt")
    shutil.copy(NEWS / "wind.en.txt", tmp_path / "wind.en.txt")
    result = run("check", tmp_path / "wind.en.txt", tmp_path / "wind.zh.txt")
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert result.err.startswith(f"tm: error: {tmp_path / 'wind.zh.txt'}: the text is English")


def test_an_option_that_contradicts_a_pair_exits_2(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", NEWS / "wind.en.txt", NEWS / "wind.zh.txt", "--src-lang", "zh-Hans")
    assert result.code == 2
    assert result.err == (
        f"tm: error: {NEWS / 'wind.en.txt'}: the text is English, but --src-lang says zh-Hans\n"
    )


# -- locations -----------------------------------------------------------------------------


def _docx(path: Path, text: Path) -> Path:
    import docx

    paragraphs = text.read_text("utf-8").split("\n\n")
    document = docx.Document()
    document.add_heading(paragraphs[0].strip(), level=1)
    for paragraph in paragraphs[1:]:
        document.add_paragraph(paragraph.strip())
    document.save(str(path))
    return path


@pytest.fixture
def docx_pair(tmp_path: Path) -> tuple[Path, Path]:
    return (
        _docx(tmp_path / "wind.en.docx", NEWS / "wind.en.txt"),
        _docx(tmp_path / "wind.zh.docx", NEWS / "wind.zh.txt"),
    )


def test_docx_findings_name_their_paragraph(run, docx_pair, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    en, zh = docx_pair
    text = run("check", en, zh).out
    assert "  ¶3: error [number-mismatch] 400 in the source" in text
    report = json.loads(run("check", en, zh, "--format", "json").out)
    mismatch = next(f for f in report["findings"] if f["check"] == "number-mismatch")
    assert mismatch["location"]["paragraph"] == 3 and mismatch["location"]["line"] is None
    sarif = json.loads(run("check", en, zh, "--format", "sarif").out)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "number-mismatch")
    place = result["locations"][0]
    assert place["physicalLocation"]["artifactLocation"]["uri"] == "wind.en.docx"
    assert place["logicalLocations"][0]["name"] == "¶3"
    assert result["message"]["text"].endswith("(¶3)")
    # Chinese first: the same finding, at the Chinese paragraph.
    turned = json.loads(run("check", zh, en, "--format", "json").out)
    mismatch = next(f for f in turned["findings"] if f["check"] == "number-mismatch")
    assert (Path(mismatch["location"]["file"]).name, mismatch["location"]["paragraph"]) == (
        "wind.zh.docx",
        3,
    )


def test_text_findings_name_their_line(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", NEWS / "storage.en.txt", NEWS / "storage.zh.txt")
    # The investment sentence is on line 7 of storage.en.txt.
    assert "  7: error [number-mismatch] 1.6 billion (1600000000) in the source" in result.out
    assert (
        (NEWS / "storage.en.txt")
        .read_text("utf-8")
        .splitlines()[6]
        .startswith("The investment totals")
    )


def test_two_unrelated_releases_in_one_language_are_each_checked_alone(run) -> None:  # type: ignore[no-untyped-def]
    paths = [NEWS / "wind.en.txt", NEWS / "storage.en.txt"]
    report = json.loads(run("check", *paths, "--format", "json").out)
    assert report["summary"]["alone"] == [str(p) for p in paths]
    assert all(f["target"] is None for f in report["findings"])


def test_terms_extract_refuses_two_inputs_in_one_language(run) -> None:  # type: ignore[no-untyped-def]
    result = run("terms", "extract", NEWS / "wind.en.txt", NEWS / "storage.en.txt")
    assert result.code == 2
    assert result.err == (
        f"tm: error: {NEWS / 'storage.en.txt'}: the text is English, as is "
        f"{NEWS / 'wind.en.txt'}'s (give a text and its translation)\n"
    )
