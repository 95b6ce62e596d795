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
#: libxml2's nesting bound with XML_PARSE_HUGE (lxml's huge_tree).
MAX_DEPTH = 2048
HEADINGS = {"title", "h1", "h2", "h3", "h4", "h5", "h6"}
DROP = ("script", "style", "noscript", "template", "svg", "math", "head/meta", "code")


def _own_text(element: etree._Element) -> list[str]:
    """Text of `element` and its inline descendants, stopping at nested blocks.

    Iterative (a stack, not recursion): inline elements nested a thousand deep are legal
    input, and Python's recursion limit is not a property of the document."""
    parts = [element.text or ""]
    # (child, whether its text is still to be read); tails come after a child's content.
    stack: list[tuple[etree._Element, bool]] = [(child, True) for child in reversed(element)]
    while stack:
        child, opening = stack.pop()
        if not opening:
            parts.append(child.tail or "")
            continue
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        stack.append((child, False))
        if tag in BLOCKS or tag == "br":
            parts.append("\n")
        else:
            parts.append(child.text or "")
            stack.extend((grandchild, True) for grandchild in reversed(child))
    return parts


def read_html(path: str) -> Document:
    text, encoding = decode(read_bytes(path), path)
    # huge_tree lifts libxml2's nesting limit from 256 to its hard bound of 2048 levels:
    # generated pages (nested tables, wrappers) pass 256, and libxml2 then drops what lies
    # deeper without failing. Deeper than 2048 is refused, saying so.
    parser = html.HTMLParser(encoding="utf-8", huge_tree=True)
    try:
        root = html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"not readable as HTML: {exc}", file=path) from None
    for entry in parser.error_log:
        if "Excessive depth" in entry.message:
            raise InputError(
                f"elements are nested more than {MAX_DEPTH} levels deep, more than the HTML "
                "parser reads (what lies deeper would be lost)",
                file=path,
                line=entry.line or None,
            )
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
