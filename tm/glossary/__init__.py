"""Glossary files in and out: TBX (v2 martif, v3 tbx), CSV, TSV (OmegaT's layout too), and
TMX term units. Each format reads to and writes from `tm.model.Term` pairs.

TBX and TMX are imported when used: importing this package loads neither lxml nor the TMX
package (the checks import it)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from tm.errors import InputError
from tm.fileio import by_suffix, open_input
from tm.glossary.tabular import orient, oriented, read_table, write_table
from tm.model import Term
from tm.text.xmlchars import check_unit

#: What `tm terms export` writes (TMX through the memory's exporter).
FORMATS = ("tbx", "csv", "tsv", "tmx")


def _read_text(path: str) -> str:
    from tm.readers.encoding import decode

    with open_input(path) as handle:
        data = handle.read()
    return decode(data, path)[0]


def _read_tmx_terms(path: str) -> Iterator[Term]:
    """A TMX's term units; a TMX without any (a plain bilingual glossary exported by a CAT
    tool) counts each two-language unit as an approved term."""
    from tm.tmx.reader import TmxReader

    with TmxReader(path) as reader:
        srclang = reader.header.srclang
        units = list(reader)
    terms = [u for u in units if u.kind == "term"] or units
    for unit in terms:
        term = Term.from_unit(unit, None if srclang == "*all*" else srclang)
        if term is not None:
            yield term


def read_glossary(
    path: str | os.PathLike[str],
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> list[Term]:
    """Every term pair of a glossary file, by its suffix. Raises `InputError` naming the file
    and line for anything malformed; nothing is returned half-read.

    A table's columns take their languages from their text (the languages given must agree:
    `UsageError` otherwise); for a TBX they choose the source language (default: the
    document's xml:lang)."""
    from tm.glossary.tbx import read_tbx  # lxml and the TMX package: only for TBX

    name = os.fspath(path)
    readers = {
        ".tbx": lambda: read_tbx(name, source_lang=source_lang, target_lang=target_lang),
        ".tmx": lambda: _read_tmx_terms(name),
        ".csv": lambda: read_table(
            _read_text(name),
            name,
            delimiter=",",
            source_lang=source_lang,
            target_lang=target_lang,
        ),
    }
    for tab in (".tsv", ".tab", ".txt", ".utf8"):
        readers[tab] = lambda: read_table(
            _read_text(name),
            name,
            delimiter="\t",
            source_lang=source_lang,
            target_lang=target_lang,
        )
    terms = list(by_suffix(readers, name, "read a glossary from")())
    if not terms:
        raise InputError("the glossary holds no terms", file=name)
    for term in terms:  # text XML cannot hold is refused here, not found at export
        check_unit(term.unit(), file=name, line=term.location.line if term.location else None)
    return terms


def _xml_safe(term: Term) -> Term:
    check_unit(term.unit(), file=f"term {term.source!r} → {term.target!r}")
    return term


def write_glossary(
    output: BinaryIO, terms: Iterable[Term], fmt: str, *, source_lang: str = "en"
) -> int:
    """Write term pairs as TBX-Basic, CSV or TSV; returns how many were written."""
    if fmt == "tbx":
        from tm.glossary.tbx import write_tbx

        # A memory filled before the check at the door may hold what XML cannot: one line
        # naming the term, not lxml's traceback.
        return write_tbx(output, (_xml_safe(t) for t in terms), source_lang=source_lang)
    if fmt in ("csv", "tsv"):
        return write_table(output, terms, delimiter="," if fmt == "csv" else "\t")
    raise InputError(f"unknown glossary format {fmt!r} (one of tbx, csv, tsv)")


__all__ = ["FORMATS", "Term", "orient", "oriented", "read_glossary", "write_glossary"]
