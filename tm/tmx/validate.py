"""`tm validate`: TMX 1.4b structure (the project's DTD) plus the semantics a DTD cannot say.

Streaming: the header and each `tu` are checked against the DTD on their own as they are read,
so a file of any size validates in constant memory. Problems are data (`Problem`), not
exceptions: only a file that cannot be opened, or one declaring entities, raises `InputError`.
"""

from __future__ import annotations

import hashlib
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
_DATE_ATTRS = ("creationdate", "changedate", "lastusagedate")
_INT_ATTRS = ("usagecount",)
_STRUCTURE_TAGS = ("{*}tmx", "{*}header", "{*}body", "{*}tu")


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

    Without `keep_keys` the keys are digests already and equal 64-bit prefixes count as equal
    (one false repeat in ~10^7 files of a million units); with it, the bytes decide."""

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
            key = hashlib.blake2b(key, digest_size=8).digest()
        self.hashes.append(int.from_bytes(key[:8], "little"))
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
        self.header_srclang: str | None = None
        self.tuids = _Repeats(keep_keys=True)
        self.contents = _Repeats(keep_keys=False)
        self.good_tags: set[str] = set()  # well-formed language tags met so far

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
            for event, element in parser:
                tag = element.tag
                if event == "end" and (tag == "tu" or localname(tag) == "tu") and root is not None:
                    self._check_tu(element)  # the common event first
                    release(element)
                    continue
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
        fingerprint = hashlib.blake2b(digest_size=16)
        for child in tu:
            name = localname(child.tag)
            if name == "prop" and child.get("type") == KIND_PROP:
                # A term and a segment with the same text are different entries.
                fingerprint.update((child.text or "").encode() + b"\x00")
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
                        fingerprint.update(langs.canonical(value or "").encode())
                        fingerprint.update(etree.tostring(seg, encoding="utf-8"))
        srclang = tu.get("srclang") or self.header_srclang
        if (
            srclang
            and srclang != langs.ALL
            and languages
            and not any(langs.same(srclang, found) for found in languages)
        ):
            has = ", ".join(languages)
            self.report(line, f"no <tuv> in the source language {srclang!r} (has {has})")
        digest = fingerprint.digest()
        if languages:
            self.contents.add(digest, line)

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


def _valid_date(value: str) -> bool:
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
