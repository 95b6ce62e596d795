"""Streaming TMX 1.4b writer: valid against the TMX 1.4 DTD, UTF-8, constant memory.

Each `tu` is built as a small element and written with lxml's incremental `xmlfile`, so exporting
a million units never holds more than one in memory. Indentation is added only *between*
elements: segment content (spaces, tabs, U+3000) is written exactly as stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import BinaryIO

from lxml import etree

import tm
from tm import lang as langs
from tm.errors import ValidationError
from tm.model import INLINE_KINDS, Content, Note, Prop, Unit
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


#: Units gathered before one write to the output.
_FLUSH_EVERY = 256
#: Attribute names written as they are on the fast path: XML names without a prefix.
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*\Z")
_plain_names: set[str] = set()
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTR_SPECIAL = re.compile('[&<>"\n\r\t]')
_export_tags: dict[str, str] = {}


def _escape_text(text: str) -> str:
    """What libxml2 writes for character data (so both paths give the same bytes)."""
    if _TEXT_SPECIAL.search(text) is None:
        return text
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _escape_attr(value: str) -> str:
    """What libxml2 writes for an attribute value."""
    if _ATTR_SPECIAL.search(value) is None:
        return value
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def _plain_name(name: str) -> bool:
    if name in _plain_names:
        return True
    if _PLAIN_NAME.match(name) and len(_plain_names) < 4096:
        _plain_names.add(name)
        return True
    return False


def _export_tag(tag: str) -> str:
    exported = _export_tags.get(tag)
    if exported is None:
        exported = _tag_for_export(tag)
        if len(_export_tags) < 4096:
            _export_tags[tag] = exported
    return exported


_INLINE = frozenset(INLINE_KINDS)


def _content_xml(content: Content) -> str | None:
    """Segment content with inline markup as libxml2 writes it (`fill_element` then
    serialisation), or None for what the string path does not vouch for: an unknown or
    repeated name, an empty string (libxml2 may keep an empty text node)."""
    parts = []
    for item in content:
        if type(item) is str:
            if not item:
                return None
            parts.append(_escape_text(item))
            continue
        kind = item.kind  # type: ignore[union-attr]
        if kind not in _INLINE:
            return None
        parts.append("<" + kind)
        names = set()
        for key, value in item.attrs:  # type: ignore[union-attr]
            if key in names or not _plain_name(key):
                return None
            names.add(key)
            parts.append(f' {key}="{_escape_attr(value)}"')
        inner_content = item.content  # type: ignore[union-attr]
        if inner_content:
            inner = _content_xml(inner_content)
            if inner is None:
                return None
            parts.append(f">{inner}</{kind}>")
        else:
            parts.append("/>")
    return "".join(parts)


def _annotations_xml(notes: Iterable[Note], props: Iterable[Prop], indent: str) -> str:
    parts = []
    for note in notes:
        parts.append("<note")
        if note.lang:
            parts.append(f' xml:lang="{_escape_attr(_export_tag(note.lang))}"')
        if note.encoding:
            parts.append(f' o-encoding="{_escape_attr(note.encoding)}"')
        parts.append(f">{_escape_text(note.text)}</note>{indent}")
    for prop in props:
        parts.append(f'<prop type="{_escape_attr(prop.type)}"')
        if prop.lang:
            parts.append(f' xml:lang="{_escape_attr(_export_tag(prop.lang))}"')
        if prop.encoding:
            parts.append(f' o-encoding="{_escape_attr(prop.encoding)}"')
        parts.append(f">{_escape_text(prop.value)}</prop>{indent}")
    return "".join(parts)


class TmxWriter:
    """Write units one at a time; use as a context manager around a binary file.

    A unit without inline markup (most of any memory) is written as a string built here; one
    with markup is built as an lxml element and serialised by libxml2. Both give the same
    bytes for the same unit (the tests hold them to it), and a character XML cannot hold sends
    a unit down the element path, whose checks name it.
    """

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
        self._pending: list[str] | None = None

    def __enter__(self) -> TmxWriter:
        header = etree.Element("header", self.header_attrs)
        if self.header_notes or self.header_props:
            header.text = "\n    "
            _annotations(header, self.header_notes, self.header_props, "header", "\n    ")
            header[-1].tail = "\n  "
        head = (
            "<?xml version='1.0' encoding='UTF-8'?>\n"
            f'{DOCTYPE}\n<tmx version="1.4">\n  '
            f"{etree.tostring(header, encoding='unicode')}\n  <body>"
        )
        self.output.write(head.encode("utf-8"))
        self._pending = []
        return self

    def write(self, unit: Unit, srclang: str | None = None) -> None:
        """Write one unit. `srclang` is its source language when the unit's own attributes do
        not name one and it differs from the header's."""
        pending = self._pending
        assert pending is not None, "use TmxWriter as a context manager"
        self.count += 1
        text = self._unit_xml(unit, srclang)
        if text is None or _NOT_XML.search(text):
            text = etree.tostring(self._unit_element(unit, srclang), encoding="unicode")
        pending.append("\n    ")
        pending.append(text)
        if len(pending) >= 2 * _FLUSH_EVERY:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self.output.write("".join(self._pending).encode("utf-8"))
            self._pending.clear()

    def _own_props(self, unit: Unit) -> list[Prop]:
        own = []
        if unit.kind != "segment":
            own.append(Prop(KIND_PROP, unit.kind))
        if unit.status:
            own.append(Prop(STATUS_PROP, unit.status))
        if unit.origin:
            own.append(Prop(ORIGIN_PROP, unit.origin))
        return own

    def _needs_srclang(self, unit: Unit, srclang: str | None, has_own: bool) -> bool:
        # A reader would infer another source: say which one it is.
        return bool(
            srclang and not has_own and not langs.same(srclang, unit.source_language(self.srclang))
        )

    def _unit_xml(self, unit: Unit, srclang: str | None) -> str | None:
        """The fast path: the unit as TMX text, or None when it needs the element path
        (unusual attribute names or inline elements, empty strings in markup, no variants)."""
        variants = unit.variants
        if not variants:
            return None
        parts = ["<tu"]
        seen: set[str] = set()
        if unit.tuid is not None:
            parts.append(f' tuid="{_escape_attr(unit.tuid)}"')
            seen.add("tuid")
        for key, value in unit.attrs:
            if key in seen or not _plain_name(key):
                return None
            seen.add(key)
            parts.append(f' {key}="{_escape_attr(value)}"')
        if self._needs_srclang(unit, srclang, "srclang" in seen):
            parts.append(f' srclang="{_escape_attr(srclang or "")}"')
        parts.append(">\n      ")
        parts.append(
            _annotations_xml(unit.notes, (*unit.props, *self._own_props(unit)), "\n      ")
        )
        for variant in variants:
            parts.append(f'<tuv xml:lang="{_escape_attr(_export_tag(variant.lang))}"')
            names = set()
            for key, value in variant.attrs:
                if key in names or not _plain_name(key):
                    return None
                names.add(key)
                parts.append(f' {key}="{_escape_attr(value)}"')
            parts.append(">\n        ")
            if variant.notes or variant.props:
                parts.append(_annotations_xml(variant.notes, variant.props, "\n        "))
            content = variant.content
            if not content:
                parts.append("<seg/>\n      </tuv>\n      ")
            elif len(content) == 1 and type(content[0]) is str:
                parts.append(f"<seg>{_escape_text(content[0])}</seg>\n      </tuv>\n      ")
            else:
                inner = _content_xml(content)
                if inner is None:
                    return None
                parts.append(f"<seg>{inner}</seg>\n      </tuv>\n      ")
        parts[-1] = parts[-1][:-2]  # the last child closes the tu one level out
        parts.append("</tu>")
        return "".join(parts)

    def _unit_element(self, unit: Unit, srclang: str | None) -> etree._Element:
        """The general path: the unit as an lxml element, every value checked for XML."""
        where = f"unit {unit.tuid or '#' + str(self.count)}"
        tu = etree.Element("tu")
        if unit.tuid is not None:
            _set(tu, "tuid", unit.tuid, where)
        for key, value in unit.attrs:
            _set(tu, key, value, where)
        if self._needs_srclang(unit, srclang, "srclang" in tu.attrib):
            tu.set("srclang", srclang)  # type: ignore[arg-type]
        tu.text = "\n      "
        _annotations(tu, unit.notes, (*unit.props, *self._own_props(unit)), where, "\n      ")
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
        return tu

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            assert self._pending is not None
            self._pending.append("\n  </body>\n</tmx>\n")
            self._flush()
        self._pending = None


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
