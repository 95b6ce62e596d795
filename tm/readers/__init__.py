"""Documents in: one module per format, all returning a `Document` of `Block`s.

The registry maps a suffix to "module:function" and imports lazily, so reading plain text
never loads python-docx or pysubs2. A new format is one module and one line here.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from functools import lru_cache

from tm.errors import InputError
from tm.fileio import by_suffix, open_input
from tm.model import Document

READERS = {
    ".txt": "tm.readers.text:read_text",
    ".text": "tm.readers.text:read_text",
    ".md": "tm.readers.markdown:read_markdown",
    ".markdown": "tm.readers.markdown:read_markdown",
    ".html": "tm.readers.html:read_html",
    ".htm": "tm.readers.html:read_html",
    ".docx": "tm.readers.docx:read_docx",
    ".srt": "tm.readers.captions:read_srt",
    ".vtt": "tm.readers.captions:read_vtt",
}


def read_bytes(path: str) -> bytes:
    """The file's bytes, or an `InputError` saying why not."""
    with open_input(path) as handle:
        return handle.read()


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read a document by its suffix. Raises `InputError` for an unknown format, a missing,
    unreadable or undecodable file, or one with no text at all."""
    name = os.fspath(path)
    try:
        digest = hashlib.blake2b(digest_size=16)
        with open(name, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:  # the reader says why, in its own words
        return _read(name, "", b"")
    return _read(name, os.path.abspath(name), digest.digest())


@lru_cache(maxsize=8)
def _read(name: str, where: str, content: bytes) -> Document:
    """A document read once per content of the file (hashed: a timestamp can miss a rewrite),
    so a command that first asks which language a file is in and then aligns it decodes and
    parses it once (a `Document` is immutable)."""
    target = by_suffix(READERS, name, "read")
    module, function = target.split(":")
    document: Document = getattr(importlib.import_module(module), function)(name)
    if not any(block.text.strip() for block in document.blocks):
        raise InputError("the document has no text", file=name)
    return document
