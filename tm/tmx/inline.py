"""TMX Level 2 inline markup <-> the typed `Content` model (`str | Tag` items).

Markup is never flattened: a `bpt` with its `i`, `x` and `type` and its escaped native code
comes back out exactly as it went in; the plain text used for matching is derived from it.
"""

from __future__ import annotations

from lxml import etree

from tm.model import INLINE_KINDS, Content, Tag

_ALLOWED = frozenset(INLINE_KINDS)


class InlineMarkupError(ValueError):
    """An element that TMX does not allow inside a segment; carries its line."""

    def __init__(self, name: str, line: int | None) -> None:
        super().__init__(f"<{name}> is not allowed inside a segment")
        self.line = line


#: Cache of tag -> local name (a handful of distinct tags, looked up millions of times).
_LOCAL: dict[str, str] = {"seg": "seg", "tuv": "tuv", "tu": "tu", "prop": "prop", "note": "note"}


def localname(tag: object) -> str:
    """`seg` for `seg` and `{ns}seg`; '' for comments and processing instructions."""
    if not isinstance(tag, str):
        return ""
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[1] if tag[:1] == "{" else tag
    return name


def parse_content(element: etree._Element) -> Content:
    """The content of a `seg` (or of an inline element) as a tuple of `str | Tag`."""
    if not len(element):  # plain text, the common case
        return (element.text,) if element.text else ()
    items: list[str | Tag] = []
    if element.text:
        items.append(element.text)
    for child in element:
        name = localname(child.tag)
        if name:
            if name not in _ALLOWED:
                raise InlineMarkupError(name, child.sourceline)
            attrs = tuple((localname(k), v) for k, v in child.attrib.items())
            items.append(Tag(name, attrs, parse_content(child)))
        if child.tail:
            if items and isinstance(items[-1], str):
                items[-1] += child.tail
            else:
                items.append(child.tail)
    if len(items) == 1 and isinstance(items[0], str):
        return (items[0],)
    return tuple(items)


def fill_element(element: etree._Element, content: Content) -> None:
    """Append `content` into an (empty) element, text and typed children in order."""
    last: etree._Element | None = None
    for item in content:
        if isinstance(item, str):
            if last is None:
                element.text = (element.text or "") + item
            else:
                last.tail = (last.tail or "") + item
        else:
            child = etree.SubElement(element, item.kind)
            for key, value in item.attrs:
                child.set(key, value)
            fill_element(child, item.content)
            last = child


def content_to_json(content: Content) -> list[object]:
    """A compact JSON-able form for storage: strings stay strings, tags become small dicts."""
    out: list[object] = []
    for item in content:
        if isinstance(item, str):
            out.append(item)
        else:
            node: dict[str, object] = {"k": item.kind}
            if item.attrs:
                node["a"] = [list(pair) for pair in item.attrs]
            if item.content:
                node["c"] = content_to_json(item.content)
            out.append(node)
    return out


def content_from_json(data: list[object]) -> Content:
    items: list[str | Tag] = []
    for node in data:
        if isinstance(node, str):
            items.append(node)
        else:
            assert isinstance(node, dict)
            attrs = tuple((k, v) for k, v in node.get("a", ()))
            items.append(Tag(node["k"], attrs, content_from_json(node.get("c", []))))
    return tuple(items)
