"""Streaming TMX reader (1.4b, and the 1.1/1.2 shapes found in the wild).

lxml's `iterparse` with elements cleared as it goes keeps memory flat whatever the file size.
Entity declarations are refused outright, nothing is fetched, and every problem is reported as an
`InputError` naming the file and line.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from tm.errors import InputError
from tm.fileio import open_input
from tm.model import Attrs, Note, Prop, Unit, Variant, new_location, new_unit, new_variant
from tm.tmx.inline import _LOCAL as _LOCAL_NAME
from tm.tmx.inline import InlineMarkupError, localname, parse_content

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Props `tm` itself writes to carry what TMX has no attribute for.
KIND_PROP = "x-tm-kind"
STATUS_PROP = "x-tm-status"
ORIGIN_PROP = "x-tm-origin"
TUID_PROP = "x-tm-tuid"  # a tuid another unit of the same file already uses

_TAGS = ("{*}tmx", "{*}header", "{*}body", "{*}tu")
_TUV_SKIP = (XML_LANG, "lang")
_TU_SKIP = ("tuid",)


@dataclass(frozen=True)
class Header:
    """The TMX header: attributes in their order, and its notes and props."""

    version: str | None
    attrs: tuple[tuple[str, str], ...] = ()
    props: tuple[Prop, ...] = ()
    notes: tuple[Note, ...] = ()

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)

    @property
    def srclang(self) -> str | None:
        return self.attr("srclang")


def _lang_of(element: etree._Element) -> str | None:
    # TMX 1.1 wrote `lang=`; 1.4 writes `xml:lang=`.
    return element.get(XML_LANG) or element.get("lang")


#: Props and notes already built, by their text and attributes: real files repeat a few
#: (client, project, domain) on most units, and the model's objects are immutable, so units
#: share them instead of each building its own. Bounded: past the limit, or for a long text,
#: new ones are built.
_SHARED: dict[tuple[object, ...], Prop | Note] = {}
_SHARED_LIMIT = 4096
_SHARED_TEXT = 200


def _prop(element: etree._Element) -> Prop:
    key = ("prop", element.text, *element.items())
    found = _SHARED.get(key)
    if found is not None:
        return found  # type: ignore[return-value]
    get = element.get
    prop = Prop(
        get("type", ""), element.text or "", get(XML_LANG) or get("lang"), get("o-encoding")
    )
    if len(_SHARED) < _SHARED_LIMIT and len(prop.value) <= _SHARED_TEXT:
        _SHARED[key] = prop
    return prop


def _note(element: etree._Element) -> Note:
    key = ("note", element.text, *element.items())
    found = _SHARED.get(key)
    if found is not None:
        return found  # type: ignore[return-value]
    get = element.get
    note = Note(element.text or "", get(XML_LANG) or get("lang"), get("o-encoding"))
    if len(_SHARED) < _SHARED_LIMIT and len(note.text) <= _SHARED_TEXT:
        _SHARED[key] = note
    return note


#: Attribute key (`{ns}name` or `name`) -> local name, filled as keys are met.
_ATTR_NAMES: dict[str, str] = {}


def _attrs(element: etree._Element, skip: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    items = element.items()
    if not items or (len(items) == 1 and items[0][0] in skip):
        return ()
    names = _ATTR_NAMES
    try:
        return tuple([(names[key], value) for key, value in items if key not in skip])
    except KeyError:  # a key not met before
        for key, _value in items:
            names[key] = localname(key)
        return tuple([(names[key], value) for key, value in items if key not in skip])


class TmxReader:
    """Reads one TMX file: `header` first, then iterate for `Unit`s.

    Raises `InputError` for a missing or unreadable file, XML that is not well-formed, a wrong
    or unknown encoding, a root that is not `<tmx>`, entity declarations, and TUs without
    a language or a segment.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        display_name: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.path = os.fspath(path)
        self.name = display_name or self.path
        self._progress = progress
        self._header: Header | None = None
        self.version: str | None = None
        self._file: BinaryIO | None = None
        self._events = self._parse()
        self.size = 0

    # -- public API -----------------------------------------------------------------------
    @property
    def header(self) -> Header:
        if self._header is None:
            first = next(self._events, None)
            if isinstance(first, Header):
                self._header = first
            else:  # pragma: no cover - _parse always yields the header first or raises
                raise self._error("no <header> before the units", None)
        return self._header

    def __iter__(self) -> Iterator[Unit]:
        self.header  # noqa: B018 - make sure the header has been consumed
        # Everything after the header is a Unit; `yield from` hands them on without a Python
        # frame per unit.
        yield from self._events  # type: ignore[misc]

    def close(self) -> None:
        self._events.close()
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> TmxReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- parsing --------------------------------------------------------------------------
    def _error(self, message: str, line: int | None) -> InputError:
        return InputError(message, file=self.name, line=line)

    def _parse(self) -> Generator[Header | Unit, None, None]:
        self._file = open_tmx(self.path, self.name)
        self.size = os.fstat(self._file.fileno()).st_size
        self._check_root(self._file)
        # Only end events, only for header and tu: every event costs a trip into Python.
        parser = safe_iterparse(self._file, ("end",), _TAGS)
        header: Header | None = None
        count = 0
        try:
            for _event, element in parser:
                tag = element.tag
                if tag == "tu" or localname(tag) == "tu":
                    if header is None:
                        raise self._error("a <tu> before the <header>", element.sourceline)
                    count += 1
                    yield self._unit_from(element, count)
                    release(element)
                    if self._progress is not None and count % 2000 == 0:
                        self._progress(self._file.tell())
                elif localname(tag) == "header" and header is None:
                    header = self._header_from(element)
                    element.clear(keep_tail=True)
                    yield header
            if header is None:
                raise self._error("no <header> element", None)
        except etree.XMLSyntaxError as exc:
            raise self._error(syntax_message(exc), exc.lineno or None) from None
        except InlineMarkupError as exc:
            raise self._error(str(exc), exc.line) from None
        finally:
            if self._progress is not None and self._file is not None and not self._file.closed:
                self._progress(self.size)

    def _check_root(self, handle: BinaryIO) -> None:
        """Refuse a file that is not TMX, or declares entities, before streaming it."""
        try:
            name, line, entities, self.version = sniff_root(handle)
        except etree.XMLSyntaxError as exc:
            raise self._error(syntax_message(exc), exc.lineno or None) from None
        if entities:
            raise self._error(ENTITIES_REFUSED, 1)
        if name is None:
            raise self._error("not an XML document (no root element)", None)
        if name != "tmx":
            raise self._error(f"not a TMX file (the root element is <{name}>)", line)

    def _header_from(self, element: etree._Element) -> Header:
        props = tuple(_prop(c) for c in element if localname(c.tag) == "prop")
        notes = tuple(_note(c) for c in element if localname(c.tag) == "note")
        return Header(self.version, _attrs(element, ()), props, notes)

    def _unit_from(self, tu: etree._Element, count: int) -> Unit:
        tuid = tu.get("tuid")
        props: list[Prop] = []
        notes: list[Note] = []
        variants: list[Variant] = []
        kind, status, origin = "segment", None, None
        names = _LOCAL_NAME
        for child in tu:
            tag = child.tag
            name = names.get(tag) or localname(tag)  # type: ignore[arg-type]
            if name == "tuv":
                variants.append(self._variant_from(child))
            elif name == "prop":
                prop = _prop(child)
                ptype = prop.type
                if ptype[:5] != "x-tm-":
                    props.append(prop)
                elif ptype == KIND_PROP:
                    kind = prop.value
                    if kind not in ("segment", "term"):
                        raise self._error(f"unknown {KIND_PROP} {kind!r}", child.sourceline)
                elif ptype == STATUS_PROP:
                    status = prop.value
                elif ptype == ORIGIN_PROP:
                    origin = prop.value
                elif ptype == TUID_PROP and tuid is None:
                    tuid = prop.value
                else:
                    props.append(prop)
            elif name == "note":
                notes.append(_note(child))
            elif name:
                raise self._error(f"unexpected <{name}> inside <tu>", child.sourceline)
        line = tu.sourceline
        if not variants:
            raise self._error("a <tu> with no <tuv>", line)
        return new_unit(
            tuple(variants),
            kind,
            status,
            tuid,
            tuple(props) if props else (),
            tuple(notes) if notes else (),
            _attrs(tu, _TU_SKIP),
            origin,
            new_location(self.name, line, tuid or f"#{count}"),
        )

    def _variant_from(self, tuv: etree._Element) -> Variant:
        items = tuv.items()
        attrs: Attrs
        if len(items) == 1 and items[0][0] == XML_LANG and items[0][1]:
            lang, attrs = items[0][1], ()  # the common tuv: xml:lang alone
        else:
            get = tuv.get
            lang = get(XML_LANG) or get("lang")
            if not lang:
                raise self._error("a <tuv> without xml:lang", tuv.sourceline)
            attrs = _attrs(tuv, _TUV_SKIP)
        if len(tuv) == 1:  # the common shape, fast: one seg, no props or notes
            seg = tuv[0]
            if seg.tag == "seg" or localname(seg.tag) == "seg":
                if len(seg):
                    content = parse_content(seg)
                else:
                    text = seg.text
                    content = (text,) if text else ()
                return new_variant(lang, content, (), (), attrs)
        props: list[Prop] = []
        notes: list[Note] = []
        segs = []
        for child in tuv:
            name = localname(child.tag)
            if name == "seg":
                segs.append(child)
            elif name == "prop":
                props.append(_prop(child))
            elif name == "note":
                notes.append(_note(child))
            elif name:
                raise self._error(f"unexpected <{name}> inside <tuv>", child.sourceline)
        if not segs:
            raise self._error(f"a <tuv xml:lang={lang!r}> with no <seg>", tuv.sourceline)
        if len(segs) > 1:
            raise self._error("a <tuv> with more than one <seg>", segs[1].sourceline)
        return new_variant(lang, parse_content(segs[0]), tuple(props), tuple(notes), attrs)


#: Why a TMX declaring entities is refused, in reader and validator alike.
ENTITIES_REFUSED = (
    "the document declares entities in its DTD (refused for safety: billion laughs, XXE)"
)


def open_tmx(path: str, name: str) -> BinaryIO:
    """Open a TMX file, refusing a missing, unreadable or empty one (`InputError`)."""
    try:
        handle = open_input(path)
    except InputError as exc:
        raise InputError(exc.message, file=name) from None
    if os.fstat(handle.fileno()).st_size == 0:
        handle.close()
        raise InputError("empty file, not a TMX document", file=name)
    return handle


def safe_iterparse(handle: BinaryIO, events: tuple[str, ...], tags: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """lxml's iterparse as TMX needs it: no entity expansion, no DTD, no network, comments
    and processing instructions dropped, long segments allowed."""
    return etree.iterparse(
        handle,
        events=events,
        tag=tags,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )


def release(element: etree._Element) -> None:
    """Free a finished unit and the siblings before it, so memory stays flat."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def sniff_root(handle: BinaryIO, chunk: int = 65536) -> tuple[str | None, int, bool, str | None]:
    """Read only as far as the root element: its local name, line, whether the document
    declares entities, and its `version`. The handle is rewound. Raises XMLSyntaxError."""
    parser = etree.XMLPullParser(
        events=("start",), resolve_entities=False, load_dtd=False, no_network=True
    )
    try:
        while True:
            data = handle.read(chunk)
            if data:
                parser.feed(data)
            else:
                parser.close()
            for _event, element in parser.read_events():
                # A plain `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` gives an empty internal DTD.
                dtd = element.getroottree().docinfo.internalDTD
                entities = dtd is not None and bool(list(dtd.iterentities()))
                line = element.sourceline or 1
                return localname(element.tag), line, entities, element.get("version")
            if not data:
                return None, 1, False, None
    finally:
        handle.seek(0)


def syntax_message(exc: etree.XMLSyntaxError) -> str:
    message = (exc.msg or str(exc)).strip()
    # libxml2 appends ", line N, column M"; the line is already in front of the message.
    message = message.split(", line ")[0]
    lowered = message.lower()
    if "document is empty" in lowered or "start tag expected" in lowered:
        return "not an XML document (no root element)"
    if "encoding" in lowered or "not proper utf" in lowered or "bytes:" in lowered:
        return f"wrong or unknown encoding: {message}"
    if "premature end" in lowered or "eof" in lowered or "not closed" in lowered:
        return f"truncated XML: {message}"
    return f"malformed XML: {message}"


def read_tmx(
    path: str | os.PathLike[str], *, progress: Callable[[int], None] | None = None
) -> TmxReader:
    """Open a TMX file for streaming; use as a context manager and iterate for units."""
    return TmxReader(path, progress=progress)
