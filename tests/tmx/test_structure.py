"""The DTD-derived structure check never calls a unit valid that libxml2's DTD check rejects,
and does call the ordinary shapes valid (else it would save nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tm.tmx.structure import StructureCheck
from tm.tmx.validate import _dtd, _strip_namespace

DTD = _dtd()


def libxml2_valid(element: etree._Element) -> bool:
    copy = etree.fromstring(etree.tostring(element))
    _strip_namespace(copy)
    # The validator ignores what a default namespace declaration makes libxml2 say.
    return DTD.validate(copy) or all("xmlns" in e.message for e in DTD.error_log)


def units_of(path: Path) -> list[etree._Element]:
    parser = etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
    )
    root = etree.parse(str(path), parser).getroot()
    return [
        el
        for el in root.iter()
        if isinstance(el.tag, str) and etree.QName(el).localname in ("tu", "header")
    ]


def agrees(element: etree._Element) -> bool:
    """The check may say "not sure" on a valid unit, never "valid" on an invalid one."""
    return not StructureCheck(DTD).check(element) or libxml2_valid(element)


def test_real_tool_exports_agree_and_pass(tmx_data: Path) -> None:
    for name in ("trados-studio.tmx", "memoq.tmx", "omegat.tmx", "namespaced.tmx"):
        for element in units_of(tmx_data / name):
            assert StructureCheck(DTD).check(element), (name, element.sourceline)
            assert libxml2_valid(element)


def test_tmx11_units_are_left_to_libxml2(tmx_data: Path) -> None:
    for element in units_of(tmx_data / "tmx11-lang.tmx"):
        assert agrees(element)


@pytest.mark.shared_data
def test_the_compliance_kit_agrees(kit: Path) -> None:
    for path in sorted(kit.glob("*.tmx")):
        for element in units_of(path):
            assert agrees(element), (path.name, element.sourceline)


GOOD = (
    '<tu tuid="1" creationdate="20230621T083015Z" segtype="sentence">'
    '<note>客户术语</note><prop type="x-client">CPID</prop>'
    '<tuv xml:lang="en-US"><seg><bpt i="1">&lt;b&gt;</bpt>Green<ept i="1">&lt;/b&gt;</ept>'
    ' power <ph x="2">&lt;br/&gt;</ph><hi type="x">now</hi></seg></tuv>'
    '<tuv xml:lang="zh-CN" changedate="20230621T083015Z"><prop type="x">y</prop>'
    '<seg>绿电<it pos="begin">&lt;i&gt;<sub>注</sub></it></seg></tuv></tu>'
)


def test_an_ordinary_unit_with_markup_props_notes_and_dates_passes() -> None:
    element = etree.fromstring(GOOD)
    assert StructureCheck(DTD).check(element)
    assert libxml2_valid(element)


@pytest.mark.parametrize(
    "unit",
    [
        '<tu><prop>x</prop><tuv xml:lang="en"><seg>a</seg></tuv></tu>',  # prop without type
        '<tu><tuv xml:lang="en"><seg>a</seg><seg>b</seg></tuv></tu>',  # two segs
        '<tu><tuv xml:lang="en"><seg>a</seg></tuv><note>late</note></tu>',  # note after tuv
        "<tu></tu>",  # no tuv
        "<tu><tuv><seg>a</seg></tuv></tu>",  # no xml:lang
        '<tu><tuv lang="en"><seg>a</seg></tuv></tu>',  # TMX 1.1 attribute
        '<tu segtype="line"><tuv xml:lang="en"><seg>a</seg></tuv></tu>',  # not in the enum
        '<tu foo="1"><tuv xml:lang="en"><seg>a</seg></tuv></tu>',  # undeclared attribute
        '<tu>text<tuv xml:lang="en"><seg>a</seg></tuv></tu>',  # text in element content
        '<tu><tuv xml:lang="en"><seg>a</seg></tuv>tail</tu>',
        '<tu><tuv xml:lang="en"><seg>a<b>x</b></seg></tuv></tu>',  # not TMX inline
        '<tu><tuv xml:lang="en"><seg>a<bpt>x</bpt></seg></tuv></tu>',  # bpt without i
        '<tu><tuv xml:lang="en"><seg>a<it>x</it></seg></tuv></tu>',  # it without pos
        '<tu><tuv xml:lang="en"><seg>a<sub>x</sub></seg></tuv></tu>',  # sub outside code
        '<tu><tuv xml:lang="en"><seg id="1">a</seg></tuv></tu>',  # seg has no attributes
        '<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="zh"></tuv></tu>',
        '<tu><note><hi>x</hi></note><tuv xml:lang="en"><seg>a</seg></tuv></tu>',
    ],
)
def test_invalid_units_are_never_called_valid(unit: str) -> None:
    element = etree.fromstring(unit)
    assert not libxml2_valid(element)
    assert not StructureCheck(DTD).check(element)


def test_a_remembered_shape_still_checks_values_and_text() -> None:
    check = StructureCheck(DTD)
    assert check.check(
        etree.fromstring('<tu segtype="phrase"><tuv xml:lang="en"><seg>a</seg></tuv></tu>')
    )
    assert not check.check(
        etree.fromstring('<tu segtype="line"><tuv xml:lang="en"><seg>a</seg></tuv></tu>')
    )
    assert not check.check(etree.fromstring('<tu>x<tuv xml:lang="en"><seg>a</seg></tuv></tu>'))
