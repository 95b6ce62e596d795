"""Streaming TMX 1.4b writer: valid against the TMX 1.4 DTD, UTF-8, constant memory.

Each `tu` is built as a small element and written with lxml's incremental `xmlfile`, so exporting
a million units never holds more than one in memory. Indentation is added only *between*
elements: segment content (spaces, tabs, U+3000) is written exactly as stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import BinaryIO

from lxml import etree

import tm
from tm import lang as langs
from tm.errors import ValidationError
from tm.model import Note, Prop, Unit
from tm.text.xmlchars import NOT_XML
from tm.tmx.inline import fill_element
from tm.tmx.reader import KIND_PROP, ORIGIN_PROP, STATUS_PROP, XML_LANG

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
# XML 1.0 `Char`: everything else cannot be written, escaped or not.
_NOT_XML = NOT_XML


def tmx_date(moment: datetime | None = None) -> str:
    """A date in the one form TMX allows: `YYYYMMDDThhmmssZ`, UTC."""
    moment = moment or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def check_xml_text(text: str, where: str) -> None:
    """Raise `ValidationError` naming the character when `text` cannot be stored in XML."""
    bad = _NOT_XML.search(text)
    if bad:
        code = ord(bad.group())
        raise ValidationError(
            f"character U+{code:04X} at position {bad.start() + 1} cannot be written to XML",
            file=where,
        )


def _set(element: etree._Element, name: str, value: str, where: str) -> None:
    check_xml_text(value, where)
    element.set(name, value)


def _text(element: etree._Element, value: str, where: str) -> None:
    check_xml_text(value, where)
    element.text = value


def _annotations(
    parent: etree._Element, notes: Iterable[Note], props: Iterable[Prop], where: str, indent: str
) -> None:
    for note in notes:
        el = etree.SubElement(parent, "note")
        if note.lang:
            el.set(XML_LANG, _tag_for_export(note.lang))
        if note.encoding:
            _set(el, "o-encoding", note.encoding, where)
        _text(el, note.text, where)
        el.tail = indent
    for prop in props:
        el = etree.SubElement(parent, "prop")
        _set(el, "type", prop.type, where)
        if prop.lang:
            el.set(XML_LANG, _tag_for_export(prop.lang))
        if prop.encoding:
            _set(el, "o-encoding", prop.encoding, where)
        _text(el, prop.value, where)
        el.tail = indent


def _tag_for_export(tag: str) -> str:
    # Keep the tag as imported (`zh-cn`, `eN-uS`) unless it is not a well-formed tag at all
    # (`ZH_CN`): then write the canonical form so that the output stays valid.
    return tag if langs.is_well_formed(tag) else langs.canonical(tag)


class TmxWriter:
    """Write units one at a time; use as a context manager around a binary file."""

    def __init__(
        self,
        output: BinaryIO,
        *,
        srclang: str = langs.ALL,
        datatype: str = "unknown",
        segtype: str = "sentence",
        adminlang: str = "en",
        header_props: Iterable[Prop] = (),
        header_notes: Iterable[Note] = (),
    ) -> None:
        self.output = output
        self.srclang = srclang
        self.header_attrs = {
            "creationtool": "tm",
            "creationtoolversion": tm.__version__,
            "segtype": segtype,
            "o-tmf": "tm",
            "adminlang": adminlang,
            "srclang": srclang,
            "datatype": datatype,
            "creationdate": tmx_date(),
        }
        self.header_props = tuple(header_props)
        self.header_notes = tuple(header_notes)
        self.count = 0
        self._xf: etree.xmlfile | None = None
        self._stack: list[object] = []

    def __enter__(self) -> TmxWriter:
        xf = etree.xmlfile(self.output, encoding="UTF-8")
        self._xf = xf.__enter__()
        self._stack.append(xf)
        self._xf.write_declaration()
        self._xf.write_doctype(DOCTYPE)
        tmx_ctx = self._xf.element("tmx", version="1.4")
        tmx_ctx.__enter__()
        self._stack.append(tmx_ctx)
        self._xf.write("\n  ")
        header = etree.Element("header", self.header_attrs)
        if self.header_notes or self.header_props:
            header.text = "\n    "
            _annotations(header, self.header_notes, self.header_props, "header", "\n    ")
            header[-1].tail = "\n  "
        self._xf.write(header)
        self._xf.write("\n  ")
        body_ctx = self._xf.element("body")
        body_ctx.__enter__()
        self._stack.append(body_ctx)
        return self

    def write(self, unit: Unit, srclang: str | None = None) -> None:
        """Write one unit. `srclang` is its source language when the unit's own attributes do
        not name one and it differs from the header's."""
        assert self._xf is not None, "use TmxWriter as a context manager"
        self.count += 1
        where = f"unit {unit.tuid or '#' + str(self.count)}"
        tu = etree.Element("tu")
        if unit.tuid is not None:
            _set(tu, "tuid", unit.tuid, where)
        for key, value in unit.attrs:
            _set(tu, key, value, where)
        if (
            srclang
            and "srclang" not in tu.attrib
            and not langs.same(srclang, unit.source_language(self.srclang))
        ):
            # A reader would infer another source: say which one it is.
            tu.set("srclang", srclang)
        own = []
        if unit.kind != "segment":
            own.append(Prop(KIND_PROP, unit.kind))
        if unit.status:
            own.append(Prop(STATUS_PROP, unit.status))
        if unit.origin:
            own.append(Prop(ORIGIN_PROP, unit.origin))
        tu.text = "\n      "
        _annotations(tu, unit.notes, (*unit.props, *own), where, "\n      ")
        for variant in unit.variants:
            tuv = etree.SubElement(tu, "tuv")
            tuv.set(XML_LANG, _tag_for_export(variant.lang))
            for key, value in variant.attrs:
                _set(tuv, key, value, where)
            tuv.text = "\n        "
            _annotations(tuv, variant.notes, variant.props, where, "\n        ")
            seg = etree.SubElement(tuv, "seg")
            _check_content(variant.content, where)
            fill_element(seg, variant.content)
            seg.tail = "\n      "
            tuv.tail = "\n      "
        tu[-1].tail = "\n    "
        self._xf.write("\n    ")
        self._xf.write(tu)

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        assert self._xf is not None
        if exc_type is None:
            self._xf.write("\n  ")
        body_ctx = self._stack.pop()
        body_ctx.__exit__(exc_type, exc, tb)  # type: ignore[attr-defined]
        if exc_type is None:
            self._xf.write("\n")
        while self._stack:
            ctx = self._stack.pop()
            ctx.__exit__(exc_type, exc, tb)  # type: ignore[attr-defined]
        if exc_type is None:
            self.output.write(b"\n")


def _check_content(content: tuple[object, ...], where: str) -> None:
    for item in content:
        if isinstance(item, str):
            check_xml_text(item, where)
        else:
            for _key, value in item.attrs:  # type: ignore[attr-defined]
                check_xml_text(value, where)
            _check_content(item.content, where)  # type: ignore[attr-defined]


def write_tmx(output: BinaryIO, units: Iterable[Unit], *, srclang: str = langs.ALL) -> int:
    """Write `units` as one TMX document to `output`; return how many were written."""
    with TmxWriter(output, srclang=srclang) as writer:
        for unit in units:
            writer.write(unit)
    return writer.count
