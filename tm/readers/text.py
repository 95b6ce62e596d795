"""Plain text: a paragraph is a run of non-blank lines."""

from __future__ import annotations

from tm.model import Block, Document, Location
from tm.readers import read_bytes
from tm.readers.encoding import decode
from tm.readers.joining import join_lines


def blocks_from_lines(lines: list[str], name: str) -> list[Block]:
    blocks: list[Block] = []
    run: list[str] = []
    first = 0
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            if not run:
                first = number
            run.append(line)
        elif run:
            location = Location(name, first, paragraph=len(blocks) + 1)
            blocks.append(Block(join_lines(run), location))
            run = []
    return blocks


def read_text(path: str) -> Document:
    text, encoding = decode(read_bytes(path), path)
    return Document(path, "text", tuple(blocks_from_lines(text.splitlines(), path)), encoding)
