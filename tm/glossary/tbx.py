"""TBX glossaries: TBX-Basic v2 (`martif`, what CAT tools read and write) and TBX v3 (`tbx`).

A concept entry holds terms in several languages, each with its own administrative status.
tm keeps term *pairs*, so an entry becomes one pair per source-language term and
target-language term; the pair's status is the worse of its two terms' (a deprecated term on
either side makes the pair forbidden), and as a pair's status qualifies its target, a pair
whose source-language term is the deprecated one is turned round.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from lxml import etree

from tm import lang as langs
from tm.errors import InputError
from tm.model import Location, Term
from tm.tmx.reader import ENTITIES_REFUSED, XML_LANG, open_tmx, safe_iterparse, sniff_root
from tm.tmx.reader import syntax_message as _syntax_message

XML_NS = "http://www.w3.org/XML/1998/namespace"
#: TBX-Basic administrativeStatus values and ours, both ways.
TBX_STATUS = {
    "preferredTerm-admn-sts": "approved",
    "admittedTerm-admn-sts": "admitted",
    "deprecatedTerm-admn-sts": "forbidden",
    "supersededTerm-admn-sts": "obsolete",
}
STATUS_TBX = {ours: theirs for theirs, ours in TBX_STATUS.items()}
#: From best to worst: a pair takes the worse of its two terms' statuses.
_RANK = ("approved", "admitted", "candidate", "obsolete", "forbidden")
#: How a candidate (which TBX-Basic has no status for) is marked, so it reads back as one.
CANDIDATE_NOTE = "candidate: not reviewed"
_ENTRY_TAGS = ("{*}termEntry", "{*}conceptEntry")


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _lang(element: etree._Element) -> str | None:
    return element.get(XML_LANG) or element.get("lang")


def _terms_of(lang_set: etree._Element, name: str) -> list[tuple[str, str | None, str | None, int]]:
    """(term, status, note, line) of each term in a langSet/langSec (tig, ntig or termSec)."""
    found = []
    for term in lang_set.iter("{*}term"):
        text = "".join(term.itertext()).strip()
        if not text:
            raise InputError("empty <term>", file=name, line=term.sourceline)
        holder = term.getparent()
        if holder is not None and _local(holder.tag) == "termGrp":  # ntig
            holder = holder.getparent()
        status = note = None
        for element in holder.iter("{*}termNote", "{*}note") if holder is not None else ():
            value = "".join(element.itertext()).strip()
            if _local(element.tag) == "note":
                if value == CANDIDATE_NOTE:
                    status = status or "candidate"
                elif value:
                    note = value
            elif element.get("type") == "administrativeStatus":
                if value not in TBX_STATUS:
                    raise InputError(
                        f"unknown administrativeStatus {value!r}",
                        file=name,
                        line=element.sourceline,
                    )
                status = TBX_STATUS[value]
        found.append((text, status, note, term.sourceline or 0))
    return found


def _entry_text(entry: etree._Element, kind: str) -> str | None:
    for element in entry:
        if _local(element.tag) == "descrip" and element.get("type") == kind:
            return "".join(element.itertext()).strip() or None
    return None


def _entry_note(entry: etree._Element) -> str | None:
    notes = [
        "".join(element.itertext()).strip()
        for element in entry
        if _local(element.tag) == "note"
        or (_local(element.tag) == "descrip" and element.get("type") == "definition")
    ]
    return "\n".join(n for n in notes if n) or None


def read_tbx(
    path: str, *, source_lang: str | None = None, target_lang: str | None = None
) -> Iterator[Term]:
    """Term pairs from a TBX file. The source language is `source_lang`, else the document's
    `xml:lang`, else the first language of each entry; `InputError` for anything malformed."""
    name = os.fspath(path)
    with open_tmx(name, name) as handle:
        try:
            root, line, entities, _version = sniff_root(handle)
        except etree.XMLSyntaxError as exc:
            raise InputError(_syntax_message(exc), file=name, line=exc.lineno) from None
        if entities:
            raise InputError(ENTITIES_REFUSED, file=name, line=line)
        if root not in ("martif", "tbx"):
            raise InputError(
                f"not a TBX document (root is <{root}>, expected <martif> or <tbx>)",
                file=name,
                line=line,
            )
        document_lang: str | None = None
        try:
            for event, element in safe_iterparse(
                handle, ("start", "end"), ("{*}martif", "{*}tbx", *_ENTRY_TAGS)
            ):
                if _local(element.tag) in ("martif", "tbx"):
                    document_lang = document_lang or _lang(element)
                    continue
                if event == "start":
                    continue
                yield from _pairs(element, name, source_lang or document_lang, target_lang)
                element.clear(keep_tail=False)
        except etree.XMLSyntaxError as exc:
            raise InputError(_syntax_message(exc), file=name, line=exc.lineno) from None


def _pairs(
    entry: etree._Element, name: str, source_lang: str | None, target_lang: str | None
) -> Iterator[Term]:
    by_lang: dict[str, list[tuple[str, str | None, str | None, int]]] = {}
    for lang_set in entry:
        if _local(lang_set.tag) not in ("langSet", "langSec"):
            continue
        lang = _lang(lang_set)
        if not lang or not langs.is_well_formed(lang):
            raise InputError(
                f"a {_local(lang_set.tag)} without a valid xml:lang",
                file=name,
                line=lang_set.sourceline,
            )
        by_lang.setdefault(lang, []).extend(_terms_of(lang_set, name))
    if not by_lang:
        raise InputError("a term entry without terms", file=name, line=entry.sourceline)
    tags = list(by_lang)
    source = next((t for t in tags if source_lang and langs.matches(source_lang, t)), tags[0])
    targets = [
        t
        for t in tags
        if not langs.same(t, source) and (not target_lang or langs.matches(target_lang, t))
    ]
    domain = _entry_text(entry, "subjectField")
    note = _entry_note(entry)
    for target in targets:
        for s_text, s_status, _note, _line in by_lang[source]:
            for t_text, t_status, t_note, t_line in by_lang[target]:
                s_rank, t_rank = (_RANK.index(x or "approved") for x in (s_status, t_status))
                status = _RANK[max(s_rank, t_rank)]
                where = Location(name, t_line)
                if s_rank > t_rank:  # the status qualifies the target: the deprecated term
                    yield Term(t_text, s_text, target, source, status, note, domain, where)
                else:
                    yield Term(
                        s_text, t_text, source, target, status, t_note or note, domain, where
                    )


def write_tbx(output: BinaryIO, terms: Iterable[Term], *, source_lang: str = "en") -> int:
    """TBX-Basic v2 (`martif`): one termEntry per source term, its renderings with their
    administrativeStatus. A candidate has no TBX-Basic status: it is written without one and
    with a note saying so. Returns the number of term pairs written."""
    entries: dict[tuple[str, str], list[Term]] = {}
    for term in terms:
        entries.setdefault((term.source_lang, term.source), []).append(term)
    count = 0
    with etree.xmlfile(output, encoding="UTF-8") as xf:
        xf.write_declaration()
        # Declaring the xml prefix (legal, if redundant) is how lxml's incremental writer
        # puts xml:lang on the root element.
        root_attrs = {"type": "TBX-Basic", XML_LANG: source_lang}
        with xf.element("martif", root_attrs, nsmap={"xml": XML_NS}):
            header = etree.Element("martifHeader")
            file_desc = etree.SubElement(header, "fileDesc")
            etree.SubElement(etree.SubElement(file_desc, "sourceDesc"), "p").text = "tm"
            encoding = etree.SubElement(header, "encodingDesc")
            xcs = etree.SubElement(encoding, "p", type="XCSURI")
            xcs.text = "TBXBasicXCSV02.xcs"
            xf.write(header, pretty_print=True)
            with xf.element("text"), xf.element("body"):
                for number, ((lang, source), pairs) in enumerate(entries.items(), 1):
                    xf.write(_entry(number, lang, source, pairs), pretty_print=True)
                    count += len(pairs)
    return count


def _entry(number: int, lang: str, source: str, pairs: list[Term]) -> etree._Element:
    entry = etree.Element("termEntry", id=f"c{number}")
    domain = next((t.domain for t in pairs if t.domain), None)
    if domain:
        etree.SubElement(entry, "descrip", type="subjectField").text = domain
    source_set = etree.SubElement(entry, "langSet", {XML_LANG: lang})
    _tig(source_set, source, "approved")
    by_lang: dict[str, etree._Element] = {}
    for term in pairs:
        target_set = by_lang.get(term.target_lang)
        if target_set is None:
            target_set = by_lang[term.target_lang] = etree.SubElement(
                entry, "langSet", {XML_LANG: term.target_lang}
            )
        tig = _tig(target_set, term.target, term.status)
        if term.note:
            etree.SubElement(tig, "note").text = term.note
    return entry


def _tig(parent: etree._Element, text: str, status: str) -> etree._Element:
    tig = etree.SubElement(parent, "tig")
    etree.SubElement(tig, "term").text = text
    if status in STATUS_TBX:
        note = etree.SubElement(tig, "termNote", type="administrativeStatus")
        note.text = STATUS_TBX[status]
    else:
        etree.SubElement(tig, "note").text = CANDIDATE_NOTE
    return tig
