"""Glossary files as people and CAT tools write them: TSV/CSV with or without a header,
OmegaT's header-less TSV, TBX-Basic v2 (martif) and TBX v3 (tbx)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from lxml import etree

from tm.errors import InputError
from tm.glossary import read_glossary, write_glossary

ENERGY = Path(__file__).resolve().parents[1] / "data" / "glossary" / "energy.zh-en.tsv"


def test_realistic_glossary_reads_every_row_with_languages_from_its_header() -> None:
    terms = read_glossary(ENERGY)
    assert len(terms) == 219
    assert {(t.source_lang, t.target_lang) for t in terms} == {("zh-Hans", "en")}
    by_pair = {(t.source, t.target): t for t in terms}
    assert by_pair[("绿电交通", "green electricity transportation")].status == "forbidden"
    assert by_pair[("光伏", "PV")].status == "admitted"
    assert by_pair[("一带一路", "One Belt One Road")].status == "obsolete"
    assert by_pair[("储能", "energy storage")].domain == "energy"
    assert by_pair[("光伏", "PV")].note.startswith("Abbreviation")


def test_omegat_tsv_without_header_takes_languages_from_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "glossary.txt"
    path.write_text(
        "signing ceremony\t签约仪式\tfrom the seed release\n# a comment\n\nCPID\t中国电力\n",
        encoding="utf-8",
    )
    terms = read_glossary(path, source_lang="en", target_lang="zh-Hans")
    assert [(t.source, t.target, t.status, t.note) for t in terms] == [
        ("signing ceremony", "签约仪式", "approved", "from the seed release"),
        ("CPID", "中国电力", "approved", None),
    ]
    assert terms[1].location.line == 4


def test_csv_with_named_columns_and_tbx_status_names(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(
        'source,target,status,note\n"green power, approved",绿电,preferred,"quoted, comma"\n'
        "green electricity,绿电,deprecatedTerm-admn-sts,\n",
        encoding="utf-8",
    )
    terms = read_glossary(path)
    assert [(t.source, t.status) for t in terms] == [
        ("green power, approved", "approved"),
        ("green electricity", "forbidden"),
    ]
    assert terms[0].note == "quoted, comma"
    assert (terms[0].source_lang, terms[0].target_lang) == ("en", "zh-Hans")


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("zh-Hans,en\n储能,energy storage\n光伏\n", 3, "needs a source and a target"),
        ("zh-Hans,en,status\n储能,energy storage,preferable\n", 2, "unknown status"),
        ("source,target\n储能,\n", 2, "empty target"),
        ("zh-Hans,en\n储能,energy storage,approved\n", 2, "the header names 2 columns"),
    ],
)
def test_malformed_rows_are_named_by_line(
    tmp_path: Path, content: str, line: int, problem: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_glossary(path)
    assert caught.value.line == line and problem in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_a_gbk_csv_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(
        "zh-Hans,en\n签约仪式,signing ceremony\n储能系统,energy storage system\n".encode("gbk")
    )
    assert [t.source for t in read_glossary(path)] == ["签约仪式", "储能系统"]


def test_tbx_basic_round_trip_keeps_every_pair_status_note_and_domain(tmp_path: Path) -> None:
    terms = read_glossary(ENERGY)
    buffer = io.BytesIO()
    assert write_glossary(buffer, terms, "tbx", source_lang="zh-Hans") == len(terms)
    path = tmp_path / "energy.tbx"
    path.write_bytes(buffer.getvalue())
    again = read_glossary(path)
    assert again == terms  # location is not compared

    root = etree.fromstring(buffer.getvalue())
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    statuses = {n.text for n in root.iter("termNote") if n.get("type") == "administrativeStatus"}
    assert statuses == {
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
        "deprecatedTerm-admn-sts",
        "supersededTerm-admn-sts",
    }
    # One entry per source term, its renderings side by side (光伏: photovoltaic and PV).
    entry = next(e for e in root.iter("termEntry") if e.find("langSet/tig/term").text == "光伏")
    assert [t.text for t in entry.findall("langSet[2]/tig/term")] == ["photovoltaic", "PV"]


TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>exported by a CAT tool</p></sourceDesc></fileDesc>
  </tbxHeader>
  <text><body>
    <conceptEntry id="c7">
      <descrip type="subjectField">energy</descrip>
      <langSec xml:lang="en">
        <termSec><term>green-power transportation</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      </langSec>
      <langSec xml:lang="zh-CN">
        <termSec><term>绿电交通</term></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c8">
      <langSec xml:lang="en">
        <termSec><term>green electricity transportation</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
      <langSec xml:lang="zh-CN"><termSec><term>绿电交通</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_tbx_v3_concept_entries_become_pairs_with_the_worse_status(tmp_path: Path) -> None:
    path = tmp_path / "v3.tbx"
    path.write_text(TBX3, encoding="utf-8")
    terms = read_glossary(path)
    # A pair's status qualifies its target: the deprecated English term becomes the target.
    assert [(t.source, t.target, t.source_lang, t.status, t.domain) for t in terms] == [
        ("green-power transportation", "绿电交通", "en", "approved", "energy"),
        ("绿电交通", "green electricity transportation", "zh-CN", "forbidden", None),
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('<!DOCTYPE martif [<!ENTITY x "boom">]><martif>&x;</martif>', "declares entities"),
        ("<tmx version='1.4'/>", "not a TBX document"),
        (
            "<martif><text><body><termEntry><langSet><tig><term>x</term></tig></langSet>"
            "</termEntry></body></text></martif>",
            "without a valid xml:lang",
        ),
        ("<martif><text><body><termEntry>", "truncated XML"),
    ],
)
def test_bad_tbx_is_refused_with_its_place(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_glossary(path)


# -- columns oriented by their text --------------------------------------------------------

CHINESE_FIRST_CSV = (
    "source,target,note\n"
    "储能,energy storage,\n"
    "综合智慧零碳电厂,integrated smart zero-carbon power plant,from the seed release\n"
    "乡村振兴,rural revitalization,\n"
)
CHINESE_FIRST_OMEGAT = (
    "储能\tenergy storage\n# a comment\n绿电交通\tgreen-power transportation\tcaptions\n"
)


@pytest.mark.parametrize(
    ("name", "content"),
    [("terms.csv", CHINESE_FIRST_CSV), ("glossary.txt", CHINESE_FIRST_OMEGAT)],
)
def test_chinese_first_tables_are_read_chinese_to_english(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    terms = read_glossary(path)
    assert terms[0].source == "储能" and terms[0].target == "energy storage"
    assert {(t.source_lang, t.target_lang) for t in terms} == {("zh-Hans", "en")}


@pytest.mark.parametrize(
    ("name", "content"),
    [("terms.csv", CHINESE_FIRST_CSV), ("glossary.txt", CHINESE_FIRST_OMEGAT)],
)
def test_chinese_first_glossaries_import_the_right_way_round(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert run("terms", "import", path).code == 0
    english = json.loads(run("lookup", "energy storage", "--json").out)["terms"]
    assert [(t["source"], t["target"], t["target_lang"]) for t in english] == [
        ("energy storage", "储能", "zh-Hans")
    ]
    chinese = json.loads(run("lookup", "储能", "--json").out)["terms"]
    assert [(t["source"], t["target"]) for t in chinese] == [("储能", "energy storage")]


def test_a_traditional_column_is_zh_hant(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(
        "term,translation\n綠電交通,green-power transportation\n儲能,energy storage\n", "utf-8"
    )
    assert {(t.source_lang, t.target_lang) for t in read_glossary(path)} == {("zh-Hant", "en")}


def test_languages_given_for_a_table_must_fit_its_columns(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "terms.csv"
    path.write_text(CHINESE_FIRST_CSV, encoding="utf-8")
    result = run("terms", "import", path, "--source-lang", "en")
    assert result.code == 2
    assert (
        result.err == f"tm: error: {path}: the text is Simplified Chinese, but --src-lang says en\n"
    )
    assert run("terms", "import", path, "--src-lang", "zh-CN").code == 0
