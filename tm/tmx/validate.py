"""`tm validate`: TMX 1.4b structure (the project's DTD) plus the semantics a DTD cannot say.

Streaming: the header and each `tu` are checked against the DTD on their own as they are read,
so a file of any size validates in constant memory. Problems are data (`Problem`), not
exceptions: only a file that cannot be opened, or one declaring entities, raises `InputError`.
"""

from __future__ import annotations

import os
import re
from array import array
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import BinaryIO

from lxml import etree

from tm import lang as langs
from tm.errors import InputError
from tm.tmx.inline import localname
from tm.tmx.reader import (
    ENTITIES_REFUSED,
    KIND_PROP,
    XML_LANG,
    open_tmx,
    release,
    safe_iterparse,
    sniff_root,
    syntax_message,
)
from tm.tmx.structure import StructureCheck

_DATE = re.compile(r"^\d{8}T\d{6}Z$")
#: The dates `_valid_date` accepts without a calendar, in one match.
_PLAIN_DATE = re.compile(
    r"(?!0000)[0-9]{4}(?:0[1-9]|1[0-2])(?:0[1-9]|1[0-9]|2[0-8])"
    r"T(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]Z"
)
_plain_date = _PLAIN_DATE.fullmatch
_DATE_ATTRS = ("creationdate", "changedate", "lastusagedate")
_INT_ATTRS = ("usagecount",)
_STRUCTURE_TAGS = ("{*}tmx", "{*}header", "{*}body", "{*}tu")
_MASK64 = (1 << 64) - 1
#: XML's whitespace (S): all the text element content may hold.
_XML_SPACE = " \t\r\n"
_tostring = etree.tostring


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _dtd() -> etree.DTD:
    with resources.files("tm.tmx").joinpath("tmx14.dtd").open("rb") as handle:
        return etree.DTD(handle)


def _strip_namespace(element: etree._Element) -> None:
    # A default namespace on the root is a common real-world variant; the DTD speaks of
    # unqualified names, so validate the local names.
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag[:1] == "{":
            node.tag = localname(node.tag)


class _Repeats:
    """Keys met again, told at the end: per key a 64-bit hash and a line in flat arrays (and
    its bytes when `keep_keys`, for messages that quote it), sorted once at the end. A million
    units cost tens of megabytes instead of a dict's hundreds.

    Without `keep_keys` equal 64-bit hashes count as equal (one false repeat in ~10^7 files of a
    million units); with it, the bytes decide."""

    def __init__(self, *, keep_keys: bool) -> None:
        self.keep_keys = keep_keys
        self.hashes = array("Q")
        self.lines = array("Q")
        self.offsets = array("Q")
        self.pool = bytearray()

    def add(self, key: bytes, line: int) -> None:
        if self.keep_keys:
            self.offsets.append(len(self.pool))
            self.pool += key
        # Python's own (SipHash, 64-bit) hash of the bytes: one run is all it must hold for.
        self.hashes.append(hash(key) & _MASK64)
        self.lines.append(line)

    def _key(self, index: int) -> bytes:
        if not self.offsets:
            return b""
        end = self.offsets[index + 1] if index + 1 < len(self.offsets) else len(self.pool)
        return bytes(self.pool[self.offsets[index] : end])

    def repeats(self) -> list[tuple[bytes, int, int]]:
        """(key, line, line of its first occurrence) for every key met before."""
        found = []
        for group in self._groups():
            # Within one hash, the kept bytes tell keys apart (a 64-bit collision is possible).
            first_line: dict[bytes, int] = {}
            for index in group:
                key = self._key(index)
                line = int(self.lines[index])
                if key in first_line:
                    found.append((key, line, first_line[key]))
                else:
                    first_line[key] = line
        return found

    def _groups(self) -> list[list[int]]:
        """Indexes sharing a hash, in file order, for every hash met more than once."""
        if len(self.hashes) < 100_000:  # small files: no numpy import
            by_hash: dict[int, list[int]] = {}
            for index, value in enumerate(self.hashes):
                by_hash.setdefault(value, []).append(index)
            return [group for group in by_hash.values() if len(group) > 1]
        import numpy as np

        hashes = np.frombuffer(self.hashes, dtype=np.uint64)
        order = np.argsort(hashes, kind="stable")  # equal hashes stay in file order
        ordered = hashes[order]
        bounds = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
        starts = np.concatenate(([0], bounds))
        ends = np.concatenate((bounds, [len(ordered)]))
        repeated = np.flatnonzero(ends - starts > 1)
        return [order[starts[i] : ends[i]].tolist() for i in repeated.tolist()]


class _Validator:
    def __init__(self, path: str, name: str) -> None:
        self.path = path
        self.name = name
        self.problems: list[Problem] = []
        self.dtd = _dtd()
        self.structure = StructureCheck(self.dtd)
        self.plain = _PlainShapes(self.structure)
        self.header_srclang: str | None = None
        self.tuids = _Repeats(keep_keys=True)
        self.contents = _Repeats(keep_keys=False)
        self.good_tags: set[str] = set()  # well-formed language tags met so far
        self.canonical: dict[str, bytes] = {}

    def report(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.name, line or 0, message))

    def run(self) -> list[Problem]:
        # The reader's opening rules: missing, empty, unreadable files raise InputError.
        handle = open_tmx(self.path, self.name)
        try:
            try:
                name, line, entities, _version = sniff_root(handle)
            except etree.XMLSyntaxError as exc:
                self.report(exc.lineno, syntax_message(exc))
                return self.problems
            if entities:
                raise InputError(ENTITIES_REFUSED, file=self.name, line=1)
            if name != "tmx":
                self.report(line, f"the root element is <{name}>, not <tmx>")
                return self.problems
            self._walk(handle)
        finally:
            handle.close()
        for text, line, first in self.tuids.repeats():
            tuid = text.decode("utf-8", "surrogatepass")
            self.report(line, f"duplicate tuid {tuid!r} (first at line {first})")
        for _text, line, first in self.contents.repeats():
            self.report(line, f"duplicate of the <tu> at line {first}")
        return self.problems

    def _walk(self, handle: BinaryIO) -> None:
        parser = safe_iterparse(handle, ("start", "end"), _STRUCTURE_TAGS)
        root = None
        seen_header = False
        try:
            plain = self._plain_tu if self.plain.usable else None
            for event, element in parser:
                tag = element.tag
                if event == "end" and (tag == "tu" or localname(tag) == "tu") and root is not None:
                    # The common event first, and the common unit without a detour.
                    if plain is None or not plain(element):
                        self._check_tu(element)
                    release(element)
                    continue
                if tag == "tu" and root is not None:
                    continue  # its start: nothing to do before its end
                name = localname(tag)
                if root is None:
                    root = element
                    self._check_root(element)
                    continue
                if event == "start":
                    if name == "body" and not seen_header:
                        self.report(element.sourceline, "<body> comes before <header>")
                    continue
                if name == "header" and element.getparent() is root:
                    seen_header = True
                    self._check_header(element)
                    element.clear(keep_tail=True)
                elif name == "tu":
                    self._check_tu(element)
                    release(element)
                elif name == "tmx" and not seen_header:
                    self.report(element.sourceline, "<tmx> has no <header>")
        except etree.XMLSyntaxError as exc:
            self.report(exc.lineno, syntax_message(exc))
            return

    def _check_root(self, root: etree._Element) -> None:
        version = root.get("version")
        if version != "1.4":
            self.report(root.sourceline, f"version is {version!r}; TMX 1.4b requires '1.4'")

    def _dtd_problems(self, element: etree._Element, ignore: tuple[str, ...] = ()) -> None:
        if self.structure.check(element):
            return  # certainly valid: no need for libxml2's copy-and-validate
        self._libxml2_problems(element, ignore)

    def _libxml2_problems(self, element: etree._Element, ignore: tuple[str, ...]) -> None:
        """libxml2's own DTD messages for a standalone copy of the element."""
        copy = etree.fromstring(etree.tostring(element))
        _strip_namespace(copy)
        if self.dtd.validate(copy):
            return
        seen = set()
        for error in self.dtd.error_log:
            message = error.message
            if "xmlns" in message or any(part in message for part in ignore):
                continue
            if message not in seen:
                seen.add(message)
                self.report(element.sourceline, message)

    def _check_dates_and_counts(self, element: etree._Element, what: str) -> None:
        for attr, value in element.items():
            if attr in _DATE_ATTRS:
                if not _valid_date(value):
                    self.report(
                        element.sourceline,
                        f"{what} {attr}={value!r} is not a TMX date (YYYYMMDDThhmmssZ)",
                    )
            elif attr in _INT_ATTRS and not value.isdigit():
                self.report(element.sourceline, f"{what} {attr}={value!r} is not a number")

    def _check_lang(self, element: etree._Element, what: str, required: bool) -> str | None:
        value = element.get(XML_LANG)
        if value is None:
            legacy = element.get("lang")
            if legacy is not None:
                self.report(
                    element.sourceline,
                    f"{what} uses the TMX 1.1 attribute lang={legacy!r}; TMX 1.4b requires "
                    "xml:lang",
                )
                return legacy
            if required:
                self.report(element.sourceline, f"{what} has no xml:lang")
            return None
        if value not in self.good_tags:
            if not langs.is_well_formed(value):
                self.report(element.sourceline, f"{what} xml:lang={value!r} is not a language tag")
            elif len(self.good_tags) < 4096:
                self.good_tags.add(value)
        return value

    def _check_header(self, header: etree._Element) -> None:
        self._dtd_problems(header)
        self._check_dates_and_counts(header, "header")
        for attr in ("srclang", "adminlang"):
            value = header.get(attr)
            if value and value != langs.ALL and not langs.is_well_formed(value):
                self.report(header.sourceline, f"header {attr}={value!r} is not a language tag")
        if header.get("adminlang") == langs.ALL:
            self.report(header.sourceline, "header adminlang cannot be '*all*'")
        self.header_srclang = header.get("srclang")
        for child in header:
            if localname(child.tag) in ("note", "prop"):
                self._check_lang(child, f"header <{localname(child.tag)}>", required=False)

    def _plain_tu(self, tu: etree._Element) -> bool:
        """The whole check of an ordinary unit in one pass, with no problem to report: True
        when it found none (and recorded its tuid and content as `_check_tu` does); False, with
        nothing recorded, at the first thing it does not judge (a possible problem, an unusual
        shape), and `_check_tu` takes the unit from the start. So it may be stricter than the
        general path, never more lenient: the tests hold both paths to the same verdicts."""
        plain = self.plain
        if tu.tag != "tu":
            return False  # namespaced, or a tu out of place
        text = tu.text
        if text and text.strip(_XML_SPACE):
            return False
        kept = _plain_attributes(tu.items(), plain.tu)
        if kept is None:
            return False
        tuid, srclang = kept.get(_TUID), kept.get(_SRCLANG)
        good_tags = self.good_tags
        canonical = self.canonical
        tags: list[str] = []
        languages: list[str] = []
        fingerprint: list[bytes] = []
        for child in tu:
            tag = child.tag
            text = child.tail
            if text and text.strip(_XML_SPACE):
                return False
            if tag == "tuv":
                kept = _plain_attributes(child.items(), plain.tuv)
                lang = kept.get(_LANG) if kept is not None else None
                if lang is None:
                    return False
                if lang not in good_tags:
                    if not langs.is_well_formed(lang):
                        return False
                    if len(good_tags) < 4096:
                        good_tags.add(lang)
                text = child.text
                if text and text.strip(_XML_SPACE):
                    return False
                if len(child) == 1 and plain.seg_alone:
                    seg = child[0]
                else:  # annotations first: the seg is last when the tuv is valid
                    inner = []
                    for grandchild in child:
                        inner.append(grandchild.tag)
                        if grandchild.tag != "seg" and not self._plain_annotation(grandchild):
                            return False
                    if not plain.follows("tuv", inner):
                        return False
                    seg = child[-1]
                if seg.tag != "seg" or (plain.seg_bare and seg.keys()):
                    return False
                text = seg.tail
                if text and text.strip(_XML_SPACE):
                    return False
                if len(seg):
                    if not self.structure.check(seg) or not self._pairs_quietly(seg):
                        return False
                    key = _tostring(seg, encoding="utf-8")
                else:
                    key = b"\x00" + (seg.text or "").encode() + b"\x00" + (text or "").encode()
                languages.append(lang)
                fingerprint.append(canonical.get(lang) or self._canonical_bytes(lang))
                fingerprint.append(key)
            elif tag == "prop":
                items = child.items()
                if len(items) == 1 and items[0][0] == "type" and not len(child):
                    # the usual prop, a type alone (the tail was checked above)
                    if items[0][1] == KIND_PROP:
                        fingerprint.append((child.text or "").encode() + b"\x00")
                elif not self._plain_annotation(child):
                    return False
                elif child.get("type") == KIND_PROP:
                    fingerprint.append((child.text or "").encode() + b"\x00")
            elif tag == "note":
                if not self._plain_annotation(child):
                    return False
            else:
                return False
            tags.append(tag)
        if not languages or not plain.follows("tu", tags):
            return False
        srclang = srclang or self.header_srclang
        if (
            srclang
            and srclang != langs.ALL
            and not any(langs.same(srclang, found) for found in languages)
        ):
            return False
        line = tu.sourceline
        if tuid is not None:
            self.tuids.add(tuid.encode("utf-8", "surrogatepass"), line)
        self.contents.add(b"".join(fingerprint), line)
        return True

    def _plain_annotation(self, element: etree._Element) -> bool:
        """A note or prop (plain tag) with allowed attributes, a well-formed language if any,
        only text inside, only whitespace after."""
        if len(element):
            return False
        text = element.tail
        if text and text.strip(_XML_SPACE):
            return False
        kinds = self.plain.annotations.get(element.tag)  # type: ignore[call-overload]
        if kinds is None:
            return False
        required = self.plain.required[element.tag]  # type: ignore[index]
        for key, value in element.items():
            kind = kinds.get(key)
            if kind is None:
                return False
            if kind == _LANG and value not in self.good_tags:
                return False  # rare: the general path judges (and learns) it
            if key in required:
                required = required - {key}
        return not required

    def _pairs_quietly(self, seg: etree._Element) -> bool:
        """True when the seg's bpt/ept pair up; reports nothing either way."""
        count = len(self.problems)
        self._check_pairing(seg)
        if len(self.problems) == count:
            return True
        del self.problems[count:]
        return False

    def _check_tu(self, tu: etree._Element) -> None:
        if not self.structure.check(tu):
            legacy = any(
                child.get("lang") is not None and child.get(XML_LANG) is None
                for child in tu.iter("{*}tuv", "tuv")
            )
            ignore = ("attribute lang ", "attribute xml:lang") if legacy else ()
            self._libxml2_problems(tu, ignore)
        line = tu.sourceline
        tuid = tu.get("tuid")
        if tuid is not None:
            self.tuids.add(tuid.encode("utf-8", "surrogatepass"), line)
        self._check_dates_and_counts(tu, "<tu>")
        languages: list[str] = []
        fingerprint: list[bytes] = []
        for child in tu:
            name = localname(child.tag)
            if name == "prop" and child.get("type") == KIND_PROP:
                # A term and a segment with the same text are different entries.
                fingerprint.append((child.text or "").encode() + b"\x00")
            if name in ("note", "prop"):
                self._check_lang(child, f"<tu> <{name}>", required=False)
            elif name == "tuv":
                value = self._check_lang(child, "<tuv>", required=True)
                if value:
                    languages.append(value)
                self._check_dates_and_counts(child, "<tuv>")
                for seg in child:
                    if localname(seg.tag) == "seg":
                        if len(seg):
                            self._check_pairing(seg)
                        fingerprint.append(self._canonical_bytes(value or ""))
                        fingerprint.append(_seg_key(seg))
        srclang = tu.get("srclang") or self.header_srclang
        if (
            srclang
            and srclang != langs.ALL
            and languages
            and not any(langs.same(srclang, found) for found in languages)
        ):
            has = ", ".join(languages)
            self.report(line, f"no <tuv> in the source language {srclang!r} (has {has})")
        if languages:
            self.contents.add(b"".join(fingerprint), line)

    def _canonical_bytes(self, tag: str) -> bytes:
        found = self.canonical.get(tag)
        if found is None:
            found = langs.canonical(tag).encode()
            if len(self.canonical) < 4096:
                self.canonical[tag] = found
        return found

    def _check_pairing(self, flow: etree._Element) -> None:
        """bpt/ept pair by `i` inside one flow (a seg, or a sub's own flow)."""
        open_i: dict[str, int] = {}
        closed: set[str] = set()
        for node in _flow(flow):
            name = localname(node.tag)
            if name == "sub":
                self._check_pairing(node)
                continue
            if name not in ("bpt", "ept"):
                continue
            i = node.get("i")
            if i is None:
                continue  # the DTD already said so
            if not i.isdigit():
                self.report(node.sourceline, f"<{name}> i={i!r} is not a number")
            if name == "bpt":
                if i in open_i or i in closed:
                    self.report(node.sourceline, f"<bpt> i={i!r} is used twice in one segment")
                open_i[i] = node.sourceline
            elif i in open_i:
                del open_i[i]
                closed.add(i)
            else:
                self.report(node.sourceline, f"<ept> i={i!r} has no <bpt> before it")
        for i, where in open_i.items():
            self.report(where, f"<bpt> i={i!r} has no matching <ept>")


def _flow(element: etree._Element):  # type: ignore[no-untyped-def]
    """Inline descendants in document order, not descending into `sub` (its own flow)."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        yield child
        if localname(child.tag) == "hi":
            yield from _flow(child)
        elif localname(child.tag) != "sub":
            for grandchild in child:
                if isinstance(grandchild.tag, str) and localname(grandchild.tag) == "sub":
                    yield grandchild


_PLAIN, _DATE_KIND, _INT_KIND, _TUID, _SRCLANG, _LANG = range(6)
_KEPT = frozenset({_TUID, _SRCLANG, _LANG})


def _plain_attributes(
    items: list[tuple[str, str]], kinds: dict[str, object]
) -> dict[object, str] | None:
    """The values `_plain_tu` keeps (tuid, srclang, xml:lang), by kind, when every attribute
    of a tu or tuv is one it vouches for (allowed, and its value text, a date, a number or one
    of its enumeration); None at the first it does not."""
    kept: dict[object, str] = {}
    for key, value in items:
        kind = kinds.get(key)
        if kind is None:
            return None
        if kind == _PLAIN:
            continue
        if kind == _DATE_KIND:
            if not _plain_date(value) and not _valid_date(value):
                return None
        elif kind == _INT_KIND:
            if not value.isdigit():
                return None
        elif kind in _KEPT:
            kept[kind] = value
        elif value not in kind:  # type: ignore[operator]
            return None
    return kept


class _PlainShapes:
    """What `_Validator._plain_tu` needs from the DTD: per element, each allowed attribute and
    what its value must be (any text, a date, a number, one of an enumeration), and the
    element content models of tu and tuv as a cached yes/no per sequence of child names."""

    def __init__(self, structure: StructureCheck) -> None:
        rules = structure.rules
        self.rules = rules
        self.tu = self._kinds("tu")
        self.tuv = self._kinds("tuv")
        self.annotations = {name: self._kinds(name) for name in ("prop", "note")}
        self.required = {name: rules[name].required for name in ("prop", "note")}
        self._models: dict[tuple[str, tuple[str, ...]], bool] = {}
        seg = rules.get("seg")
        self.seg_alone = self.follows("tuv", ["seg"])
        self.seg_bare = seg is not None and not seg.allowed
        # The plain path assumes these of the DTD; another DTD keeps every unit general.
        self.usable = (
            self.seg_bare
            and not rules["tu"].required
            and rules["tuv"].required == {XML_LANG}
            and not rules["note"].required
            and rules["prop"].required == {"type"}
            and all(not rules[name].text_allowed for name in ("tu", "tuv"))
            and all(rules[name].text_allowed for name in ("seg", "prop", "note"))
        )

    def _kinds(self, name: str) -> dict[str, object]:
        rule = self.rules[name]
        kinds: dict[str, object] = dict.fromkeys(rule.allowed, _PLAIN)
        for key in kinds:
            if key in _DATE_ATTRS:
                kinds[key] = _DATE_KIND
            elif key in _INT_ATTRS:
                kinds[key] = _INT_KIND
        kinds.update(rule.enumerated)
        if name == "tu":
            kinds.update(
                {
                    key: kind
                    for key, kind in (("tuid", _TUID), ("srclang", _SRCLANG))
                    if key in kinds
                }
            )
        if XML_LANG in kinds:
            kinds[XML_LANG] = _LANG
        return kinds

    def follows(self, name: str, children: list[str]) -> bool:
        key = (name, tuple(children))
        verdict = self._models.get(key)
        if verdict is None:
            rule = self.rules[name]
            verdict = rule.content is not None and (
                rule.content.fullmatch("".join(child + " " for child in children)) is not None
            )
            if len(self._models) < 4096:
                self._models[key] = verdict
        return verdict


def _seg_key(seg: etree._Element) -> bytes:
    """What tells two segs apart for the duplicate check: their serialisation (with the
    tail, as before), or for the common plain seg its text and tail, which say the same
    thing without a trip through the serialiser (the leading NUL keeps the two kinds apart:
    no serialisation starts with one)."""
    if seg.tag == "seg" and not len(seg) and not seg.keys():
        return b"\x00" + (seg.text or "").encode() + b"\x00" + (seg.tail or "").encode()
    return _tostring(seg, encoding="utf-8")


def _valid_date(value: str) -> bool:
    if _plain_date(value):
        return True
    if not _DATE.match(value):
        return False
    # Days 1-28 exist in every month: no calendar needed (strptime is slow on a million).
    if (
        len(value) == 16
        and value[:4] != "0000"
        and "01" <= value[4:6] <= "12"
        and "01" <= value[6:8] <= "28"
        and value[9:11] <= "23"
        and value[11:13] <= "59"
        and value[13:15] <= "59"
    ):
        return True
    try:
        datetime.strptime(value, "%Y%m%dT%H%M%SZ")
    except ValueError:
        return False
    return True


def validate_tmx(path: str | os.PathLike[str], *, display_name: str | None = None) -> list[Problem]:
    """All the TMX 1.4b problems of one file, sorted by line; empty when valid.

    Raises `InputError` when the file cannot be opened, is empty, or declares entities.
    """
    name = display_name or os.fspath(path)
    problems = _Validator(os.fspath(path), name).run()
    return sorted(problems)
