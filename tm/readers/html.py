"""HTML through lxml.html: the text of each block-level element, with its source line.

Scripts, styles and other non-prose are dropped; a block that contains other blocks yields only
its own loose text, so nothing is read twice.
"""

from __future__ import annotations

import re

from lxml import etree, html

from tm.errors import InputError
from tm.model import Block, Document, Location
from tm.readers import read_bytes
from tm.readers.encoding import decode
from tm.readers.joining import join_lines

BLOCKS = {
    "title",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "caption",
    "figcaption",
    "blockquote",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "pre",
    "address",
    "summary",
    "legend",
    "label",
    "button",
    "option",
}
#: Runs of HTML white space collapse to one space; U+3000 in Chinese text is content, kept.
_SPACES = re.compile(r"[ \t\r\n\f]+")
HEADINGS = {"title", "h1", "h2", "h3", "h4", "h5", "h6"}
DROP = ("script", "style", "noscript", "template", "svg", "math", "head/meta", "code")


def _own_text(element: etree._Element) -> list[str]:
    """Text of `element` and its inline descendants, stopping at nested blocks."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in BLOCKS or tag == "br":
            parts.append("\n")
        else:
            parts.extend(_own_text(child))
        parts.append(child.tail or "")
    return parts


def read_html(path: str) -> Document:
    text, encoding = decode(read_bytes(path), path)
    try:
        root = html.document_fromstring(
            text.encode("utf-8"), parser=html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"not readable as HTML: {exc}", file=path) from None
    for name in DROP:
        for element in root.xpath(f"//{name}"):
            element.drop_tree()
    blocks: list[Block] = []
    for element in root.iter():
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag not in BLOCKS:
            continue
        lines = [_SPACES.sub(" ", line) for line in "".join(_own_text(element)).split("\n")]
        content = join_lines(lines)
        if content:
            kind = (
                "heading"
                if tag in HEADINGS
                else (
                    "cell" if tag in ("td", "th") else "list-item" if tag == "li" else "paragraph"
                )
            )
            location = Location(path, element.sourceline, paragraph=len(blocks) + 1)
            blocks.append(Block(content, location, kind))
    return Document(path, "html", tuple(blocks), encoding)
