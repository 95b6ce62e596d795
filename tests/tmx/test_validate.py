from __future__ import annotations

from pathlib import Path

import pytest

from tm.tmx import validate_tmx

HEADER = (
    '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"'
    ' adminlang="en" srclang="en-US" datatype="plaintext"/>'
)


def doc(body: str, header: str = HEADER) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f"{header}\n<body>\n{body}\n</body>\n</tmx>\n"
    )


def problems(tmp_path: Path, text: str) -> list[str]:
    target = tmp_path / "t.tmx"
    target.write_text(text, encoding="utf-8")
    return [f"{p.line}: {p.message}" for p in validate_tmx(target)]


@pytest.mark.shared_data
def test_the_whole_compliance_kit_is_valid(kit: Path) -> None:
    for path in sorted(kit.glob("*.tmx")):
        assert validate_tmx(path) == [], path.name


def test_real_tool_exports_are_valid(tmx_data: Path) -> None:
    for name in ("trados-studio.tmx", "memoq.tmx", "omegat.tmx", "namespaced.tmx"):
        assert validate_tmx(tmx_data / name) == [], name


def test_seed_corpus_is_valid() -> None:
    seed = Path(__file__).resolve().parents[2] / "corpora" / "seed" / "seed.tmx"
    assert validate_tmx(seed) == []


GOOD_TU = (
    '<tu><tuv xml:lang="en-US"><seg>Green power</seg></tuv>'
    '<tuv xml:lang="zh-CN"><seg>绿电</seg></tuv></tu>'
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '<tu creationdate="2023-06-21"><tuv xml:lang="en-US"><seg>a</seg></tuv></tu>',
            "5: <tu> creationdate='2023-06-21' is not a TMX date (YYYYMMDDThhmmssZ)",
        ),
        (
            '<tu><tuv xml:lang="en-US" changedate="20231345T250000Z"><seg>a</seg></tuv></tu>',
            "5: <tuv> changedate='20231345T250000Z' is not a TMX date",
        ),
        (
            '<tu><tuv xml:lang="en-US"><seg><bpt i="1">&lt;b&gt;</bpt>a</seg></tuv></tu>',
            "5: <bpt> i='1' has no matching <ept>",
        ),
        (
            '<tu><tuv xml:lang="en-US"><seg>a<ept i="2">&lt;/b&gt;</ept></seg></tuv></tu>',
            "5: <ept> i='2' has no <bpt> before it",
        ),
        ("<tu><tuv><seg>a</seg></tuv></tu>", "5: <tuv> has no xml:lang"),
        (
            '<tu><tuv xml:lang="en US"><seg>a</seg></tuv></tu>',
            "5: <tuv> xml:lang='en US' is not a language tag",
        ),
        (GOOD_TU + "\n" + GOOD_TU, "6: duplicate of the <tu> at line 5"),
        (
            '<tu tuid="7"><tuv xml:lang="en-US"><seg>a</seg></tuv></tu>\n'
            '<tu tuid="7"><tuv xml:lang="en-US"><seg>b</seg></tuv></tu>',
            "6: duplicate tuid '7' (first at line 5)",
        ),
        (
            '<tu><tuv xml:lang="zh-CN"><seg>绿电</seg></tuv></tu>',
            "5: no <tuv> in the source language 'en-US' (has zh-CN)",
        ),
        (
            '<tu><prop>x</prop><tuv xml:lang="en-US"><seg>a</seg></tuv></tu>',
            "5: Element prop does not carry attribute type",
        ),
        (
            '<tu><tuv xml:lang="en-US"><seg>a</seg><seg>b</seg></tuv></tu>',
            "5: Element tuv content does not follow the DTD",
        ),
        (
            '<tu usagecount="many"><tuv xml:lang="en-US"><seg>a</seg></tuv></tu>',
            "5: <tu> usagecount='many' is not a number",
        ),
    ],
)
def test_semantic_and_structural_problems(tmp_path: Path, body: str, expected: str) -> None:
    found = problems(tmp_path, doc(body))
    assert any(p.startswith(expected) for p in found), found


def test_header_problems(tmp_path: Path) -> None:
    found = problems(tmp_path, doc(GOOD_TU, header='<header creationtool="x" segtype="line"/>'))
    assert any("does not carry attribute srclang" in p for p in found)
    assert any("segtype" in p for p in found)


def test_not_well_formed_is_a_problem_not_an_error(tmp_path: Path) -> None:
    found = problems(tmp_path, doc(GOOD_TU).replace("</body>", ""))
    assert len(found) == 1 and "malformed XML" in found[0]


def test_tmx11_file_is_reported_once_per_place(tmx_data: Path) -> None:
    found = [str(p) for p in validate_tmx(tmx_data / "tmx11-lang.tmx")]
    assert any("version is '1.1'" in p for p in found)
    assert sum("lang='ZH-TW'" in p for p in found) == 1
    assert not any("No declaration for attribute lang" in p for p in found)


def test_nested_and_crossed_pairs_are_fine(tmp_path: Path) -> None:
    seg = (
        '<bpt i="1">&lt;b&gt;</bpt><bpt i="2">&lt;i&gt;</bpt>x<ept i="1">&lt;/b&gt;</ept>'
        '<hi type="t">y<bpt i="3">[</bpt>z<ept i="3">]</ept></hi><ept i="2">&lt;/i&gt;</ept>'
    )
    body = f'<tu><tuv xml:lang="en-US"><seg>{seg}</seg></tuv></tu>'
    assert problems(tmp_path, doc(body)) == []


def test_repeats_name_their_first_occurrence_however_interleaved(tmp_path: Path) -> None:
    other = GOOD_TU.replace("Green power", "Clean energy").replace("绿电", "清洁能源")
    body = "\n".join(
        [
            GOOD_TU.replace("<tu>", '<tu tuid="a">'),  # line 5
            other.replace("<tu>", '<tu tuid="b">'),  # 6
            GOOD_TU.replace("<tu>", '<tu tuid="a">'),  # 7
            other.replace("<tu>", '<tu tuid="c">'),  # 8
            GOOD_TU.replace("<tu>", '<tu tuid="a">'),  # 9
        ]
    )
    found = problems(tmp_path, doc(body))
    assert found == [
        "7: duplicate of the <tu> at line 5",
        "7: duplicate tuid 'a' (first at line 5)",
        "8: duplicate of the <tu> at line 6",
        "9: duplicate of the <tu> at line 5",
        "9: duplicate tuid 'a' (first at line 5)",
    ]


@pytest.mark.parametrize("count", [500, 120_000])  # the dict path and the numpy path
def test_repeat_finder_names_each_first_occurrence(count: int) -> None:
    from tm.tmx.validate import _Repeats

    tuids = [str(i % 997) for i in range(count)]  # tuids come back every 997 units
    found = _Repeats(keep_keys=True)
    for line, tuid in enumerate(tuids, start=1):
        found.add(tuid.encode(), line)
    expected = [
        (tuid.encode(), line, line % 997 or 997)
        for line, tuid in enumerate(tuids, start=1)
        if line > 997
    ]
    assert sorted(found.repeats()) == sorted(expected)


# -- the plain path (one pass for the ordinary unit) against the general path ----------------


def both_paths(path: Path) -> tuple[list[str], list[str], int]:
    """Problems with the plain path on and off, and how many units the plain path left."""
    from tm.tmx.validate import _Validator

    plain = _Validator(str(path), "t.tmx")
    general_calls = []
    check_tu = plain._check_tu
    plain._check_tu = lambda tu: (general_calls.append(tu.sourceline), check_tu(tu))  # type: ignore[method-assign]
    with_plain = [str(p) for p in sorted(plain.run())]
    general = _Validator(str(path), "t.tmx")
    general.plain.usable = False
    return with_plain, [str(p) for p in sorted(general.run())], len(general_calls)


EDGE_UNITS = [
    GOOD_TU,
    GOOD_TU.replace("<tu>", '<tu tuid="1" creationdate="20230130T235959Z" segtype="phrase">'),
    GOOD_TU.replace("<tu>", '<tu creationdate="20230230T000000Z">'),  # no 30 February
    GOOD_TU.replace("<tu>", '<tu creationdate="２０２３０１０１T000000Z">'),  # not ASCII digits
    GOOD_TU.replace("<tu>", '<tu segtype="line">'),
    GOOD_TU.replace("<tu>", '<tu usagecount="12">'),
    GOOD_TU.replace("<tu>", '<tu usagecount="-1">'),
    GOOD_TU.replace("<tu>", '<tu srclang="zh-CN">'),
    GOOD_TU.replace("<tu>", '<tu srclang="fr">'),
    GOOD_TU.replace("<tu>", '<tu x-custom="1">'),
    GOOD_TU.replace("<tu>", "<tu>stray text"),
    GOOD_TU.replace("</tuv><tuv", "</tuv>stray<tuv"),
    GOOD_TU.replace("<seg>绿电</seg>", "<seg>绿电</seg>stray"),
    GOOD_TU.replace("<seg>绿电", '<seg id="1">绿电'),
    GOOD_TU.replace('xml:lang="zh-CN"', 'xml:lang="zh CN"'),
    GOOD_TU.replace('xml:lang="zh-CN"', 'lang="zh-CN"'),
    GOOD_TU.replace('xml:lang="zh-CN"', 'xml:lang="zh-CN" changedate="2023"'),
    GOOD_TU.replace('<tuv xml:lang="zh-CN">', '<tuv xml:lang="zh-CN"><prop type="x-a">p</prop>'),
    GOOD_TU.replace(
        '<tuv xml:lang="zh-CN">', '<tuv xml:lang="zh-CN"><prop type="x" xml:lang="fr">p</prop>'
    ),
    GOOD_TU.replace('<tuv xml:lang="zh-CN">', '<tuv xml:lang="zh-CN"><note>n</note>'),
    GOOD_TU.replace("<seg>绿电</seg>", "<seg>绿电</seg><note>late</note>"),
    GOOD_TU.replace("<seg>绿电</seg>", "<seg>绿</seg><seg>电</seg>"),
    GOOD_TU.replace("<tu>", '<tu><prop type="x-client">CPID</prop><note>checked</note>'),
    GOOD_TU.replace("<tu>", '<tu><note xml:lang="en-GB">checked</note>'),
    GOOD_TU.replace("<tu>", '<tu><note xml:lang="en GB">checked</note>'),
    GOOD_TU.replace("<tu>", '<tu><note lang="en">checked</note>'),
    GOOD_TU.replace("<tu>", "<tu><prop>no type</prop>"),
    GOOD_TU.replace("<tu>", '<tu><prop type="x-a">a<hi>b</hi></prop>'),
    GOOD_TU.replace("<tu>", '<tu><prop type="x-tm-kind">term</prop>'),
    GOOD_TU.replace("</tu>", "<note>after the variants</note></tu>"),
    GOOD_TU.replace("</tu>", "<body/></tu>"),
    "<tu><note>only a note</note></tu>",
    GOOD_TU.replace("Green power", '<bpt i="1">&lt;b&gt;</bpt>Green<ept i="1">&lt;/b&gt;</ept>'),
    GOOD_TU.replace("Green power", '<bpt i="1">&lt;b&gt;</bpt>Green power'),
    GOOD_TU.replace("Green power", '<bpt i="x">[</bpt>Green<ept i="x">]</ept>'),
    GOOD_TU.replace("Green power", '<it pos="middle">[</it>Green'),
    GOOD_TU.replace("Green power", '<ph x="1" assoc="p">&lt;br/&gt;</ph>Green'),
    GOOD_TU.replace("Green power", "<b>Green</b>"),
    GOOD_TU.replace("Green power", 'Green <hi type="x"><sub>power</sub></hi>'),
]


@pytest.mark.parametrize("unit", EDGE_UNITS)
def test_the_plain_path_and_the_general_path_agree(tmp_path: Path, unit: str) -> None:
    # Each unit twice, also with a plain copy before it: duplicates must be found across paths.
    target = tmp_path / "t.tmx"
    target.write_text(doc("\n".join([GOOD_TU, unit, unit])), encoding="utf-8")
    with_plain, general, _ = both_paths(target)
    assert with_plain == general


def test_the_plain_path_takes_ordinary_units_and_leaves_problems_to_the_general_path(
    tmp_path: Path,
) -> None:
    markup = GOOD_TU.replace(
        "Green power", '<bpt i="1">&lt;b&gt;</bpt>Green<ept i="1">&lt;/b&gt;</ept>'
    )
    dated = GOOD_TU.replace(
        "<tu>",
        '<tu tuid="9" creationdate="20230621T101500Z" usagecount="3">'
        '<prop type="x-client">SPIC</prop>',
    )
    target = tmp_path / "t.tmx"
    target.write_text(doc("\n".join([GOOD_TU, markup, dated, EDGE_UNITS[2]])), encoding="utf-8")
    with_plain, general, general_units = both_paths(target)
    assert with_plain == general
    assert general_units == 1  # only the unit with 30 February
    assert len(with_plain) == 3  # its date, and the duplicates of GOOD_TU's content
    assert any("20230230T000000Z" in p for p in with_plain)


def test_the_plain_path_agrees_on_real_files(tmx_data: Path) -> None:
    seed = Path(__file__).resolve().parents[2] / "corpora" / "seed" / "seed.tmx"
    for path in [*sorted(tmx_data.glob("*.tmx")), seed]:
        with_plain, general, _ = both_paths(path)
        assert with_plain == general, path.name


@pytest.mark.shared_data
def test_the_plain_path_agrees_on_the_compliance_kit(kit: Path) -> None:
    for path in sorted(kit.glob("*.tmx")):
        with_plain, general, general_units = both_paths(path)
        assert with_plain == general and general_units == 0, path.name
