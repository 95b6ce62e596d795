"""Markdown through markdown-it-py (CommonMark, with tables), which keeps source line numbers.

Headings, paragraphs, list items and table cells become blocks; code is not prose and is left
out; inline markup is reduced to its text (link text, image alt text, code spans).
"""

from __future__ import annotations

from tm.model import Block, Document, Location
from tm.readers import read_bytes
from tm.readers.encoding import decode
from tm.readers.joining import join_lines

_CONTAINERS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "th_open": "cell",
    "td_open": "cell",
}


def _inline_text(token) -> str:  # type: ignore[no-untyped-def]
    lines: list[str] = [""]
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            lines.append("")
        elif child.type in ("text", "code_inline"):
            lines[-1] += child.content
        elif child.type == "image":
            lines[-1] += child.content  # the alt text
    return join_lines(lines)


def read_markdown(path: str) -> Document:
    from markdown_it import MarkdownIt

    text, encoding = decode(read_bytes(path), path)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[Block] = []
    kind = "paragraph"
    line = 1
    in_list = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        if token.map and token.type != "inline":  # table cells have none: their row's line
            line = token.map[0] + 1
        if token.type in _CONTAINERS:
            kind = _CONTAINERS[token.type]
            if kind == "paragraph" and in_list:
                kind = "list-item"
        if token.type == "inline":
            content = _inline_text(token)
            if content:
                location = Location(path, line, paragraph=len(blocks) + 1)
                blocks.append(Block(content, location, kind))
    return Document(path, "markdown", tuple(blocks), encoding)
