"""DOCX through python-docx: body paragraphs and table cells in document order.

A DOCX has no lines: each block's `Location.paragraph` is its paragraph's number in that
order, empty paragraphs counted (reports show it as `file:¶N`).

The archive is inspected before python-docx opens it: a zip bomb (a part that inflates beyond
`MAX_PART_BYTES`, or far beyond its compressed size) is refused with a clear error.
"""

from __future__ import annotations

import zipfile

from tm.errors import InputError
from tm.model import Block, Document, Location
from tm.readers.joining import join_lines

MAX_PART_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200


def check_archive(path: str) -> None:
    """Refuse what is not a DOCX, or would inflate dangerously. Raises `InputError`."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
    except FileNotFoundError:
        raise InputError("no such file", file=path) from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"not a DOCX file (not a valid zip archive: {exc})", file=path) from None
    if "word/document.xml" not in names:
        raise InputError("not a DOCX file (no word/document.xml inside)", file=path)
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_PART_BYTES or (
            member.file_size > 1_000_000 and ratio > MAX_RATIO
        ):
            raise InputError(
                f"refused: part {member.filename} inflates to {member.file_size:,} bytes "
                f"({ratio:.0f}x; a zip bomb?)",
                file=path,
            )
    if total > MAX_TOTAL_BYTES:
        raise InputError(f"refused: the archive inflates to {total:,} bytes", file=path)


def read_docx(path: str) -> Document:
    check_archive(path)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(path)
        body = document.element.body
        items = []
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                items.append(Paragraph(child, document))
            elif tag == "tbl":
                table = Table(child, document)
                for row in table.rows:
                    for cell in row.cells:
                        items.extend(cell.paragraphs)
    except InputError:
        raise
    except Exception as exc:  # python-docx raises many kinds
        raise InputError(f"corrupt DOCX: {exc}", file=path) from None
    blocks: list[Block] = []
    for number, paragraph in enumerate(items, start=1):
        content = join_lines(paragraph.text.split("\n"))
        if not content:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        kind = "heading" if style.startswith(("Heading", "Title")) else "paragraph"
        blocks.append(Block(content, Location(path, None, paragraph=number), kind))
    return Document(path, "docx", tuple(blocks), "utf-8")
