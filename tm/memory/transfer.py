"""Files in and out of the memory: one transaction per imported file, streamed export.

Formats are a registry (suffix -> function) so that a new one is one function and one line.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import BinaryIO, Literal, overload

from tm import lang as langs
from tm.errors import InputError, StoreError, UsageError
from tm.fileio import by_suffix
from tm.glossary import read_glossary
from tm.memory import postgres
from tm.memory.protocol import Counts, Memory
from tm.memory.provenance import origin
from tm.memory.store import Store
from tm.model import Prop
from tm.tmx.reader import TUID_PROP, TmxReader
from tm.tmx.writer import TmxWriter

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)


def import_tmx(
    store: Memory,
    path: str,
    progress: Progress | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Counts:
    """Import one TMX file in one transaction: a bad file changes nothing. (A TMX names its
    own languages: the language arguments are for glossary tables.)

    Raises `InputError` (with file and line) for anything unreadable; the store is then exactly
    as it was before this file.
    """
    reader = TmxReader(
        path, progress=(lambda done: progress(done, reader.size)) if progress else None
    )
    with reader:
        srclang = reader.header.srclang
        name = os.path.basename(path)
        units = (
            (unit, srclang, origin(name, unit.location.line if unit.location else None))
            for unit in reader
        )
        return store.import_units(
            units, file=path, header=dict(reader.header.attrs), xml_checked=True
        )


def import_glossary(
    store: Memory,
    path: str,
    progress: Progress | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Counts:
    """A TBX/CSV/TSV glossary into the memory as term units, in one transaction: every row
    or none. Languages name a table's columns (see `tm.glossary.read_glossary`)."""
    terms = read_glossary(path, source_lang=source_lang, target_lang=target_lang)
    name = os.path.basename(path)
    units = (
        (term.unit(), term.source_lang, origin(name, term.location.line if term.location else None))
        for term in terms
    )
    header = {"glossary": os.path.splitext(name)[1].lstrip(".")}
    return store.import_units(units, file=path, header=header)


IMPORTERS: dict[str, Callable[..., Counts]] = {
    ".tmx": import_tmx,
    ".tbx": import_glossary,
    ".csv": import_glossary,
    ".tsv": import_glossary,
}


def import_file(
    store: Memory,
    path: str,
    progress: Progress | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Counts:
    """Import one file into `store` by its format (its suffix). Raises `InputError`.

    The languages name the columns of a CSV/TSV glossary (default en → zh-Hans)."""
    importer = by_suffix(IMPORTERS, path, "import", hint=_import_hint(path))
    store.require_writable()
    return importer(store, path, progress, source_lang=source_lang, target_lang=target_lang)


def _import_hint(path: str) -> str | None:
    """A document is not a memory: its translations come in through the aligner."""
    from tm.readers import READERS

    if os.path.splitext(path)[1].lower() in READERS:
        return (
            "a document holds no pairs yet: align it with its translation and keep them, "
            "`tm align FILE TRANSLATION --into-memory`"
        )
    return None


@overload
def open_memory(
    path: str | os.PathLike[str], *, write: bool = ..., missing_ok: Literal[False] = ...
) -> Store: ...
@overload
def open_memory(
    path: str | os.PathLike[str], *, write: bool = ..., missing_ok: bool
) -> Store | None: ...
def open_memory(
    path: str | os.PathLike[str], *, write: bool = False, missing_ok: bool = False
) -> Store | None:
    """Open a memory: a SQLite `.db` (created when writing), a `.tmx` loaded read-only, or a
    PostgreSQL database named by a `postgresql://` URL (the team backend).

    The one way commands open a memory. Reading opens the file read-only (`mode=ro`): the
    folder need not be writable, no side files appear, the bytes stay as they were. With
    `missing_ok`, a memory that does not exist is `None` (a command that can do without one);
    otherwise it is an `InputError` when reading. `StoreError` when writing to a TMX, or when
    the path is a folder.
    """
    target = os.fspath(path)
    if postgres.is_url(target):
        return Store(target, readonly=not write)
    if os.path.isdir(target):
        raise InputError("is a directory, not a memory", file=target)
    if target.lower().endswith(".tmx"):
        if write:
            raise StoreError(
                "a TMX memory is read-only", file=target, hint="import it into a .db memory"
            )
        if missing_ok and not os.path.exists(target):
            return None
        store = Store(":memory:")
        import_tmx(store, target)
        store.freeze()
        return store
    if not write and not os.path.exists(target):
        if missing_ok:
            return None
        raise InputError(
            "no such memory",
            file=target,
            hint="create it with `tm import FILE`, or name one with --memory",
        )
    return Store(target, readonly=not write)


def export_tmx(
    store: Memory,
    output: BinaryIO,
    *,
    kind: str | None = None,
    statuses: Iterable[str] | None = None,
    src: str | None = None,
    tgt: str | None = None,
) -> int:
    """Stream the memory's units (filtered) as TMX 1.4b; return how many were written."""
    if tgt and not src:
        raise UsageError("--tgt-lang needs --src-lang")
    statuses = list(statuses or ())
    sources = store.srclangs(kind=kind, statuses=statuses, src=src, tgt=tgt)
    header_src = langs.canonical(src) if src else (sources[0] if len(sources) == 1 else langs.ALL)
    shadowed = store.shadowed_tuids()
    # Terms alone are phrases; anything with segments is sentence-segmented.
    segtype = "phrase" if kind == "term" else "sentence"
    with TmxWriter(output, srclang=header_src, segtype=segtype) as writer:
        for stored in store.units(kind=kind, statuses=statuses, src=src, tgt=tgt, any_source=True):
            unit, srclang = stored.unit, stored.srclang
            if stored.id in shadowed:
                assert unit.tuid is not None  # shadowed: another unit has the same tuid
                # tuids must be unique in a file: keep this one as a prop the reader restores.
                unit = unit.with_(tuid=None, props=(*unit.props, Prop(TUID_PROP, unit.tuid)))
            if src and tgt:
                # Every unit holding both languages, oriented: the source variant first (the
                # one translate-toolkit's default reading takes), and srclang saying so.
                srclang = langs.canonical(unit.variants[0].lang)
                unit = unit.with_(attrs=tuple(a for a in unit.attrs if a[0] != "srclang"))
            writer.write(unit, srclang=srclang)
    return writer.count
