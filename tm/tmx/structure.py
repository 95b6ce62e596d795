"""A fast structural check of a TMX element, generated from the DTD's own declarations.

libxml2's DTD validation needs a standalone copy of each unit (serialise, re-parse, strip
namespaces): on a million units that was most of `tm validate`. This module reads the packaged
DTD once and turns each element declaration into data — its attributes (required, allowed,
enumerated values) and its content model as a regular expression over the names of its
children — so a unit is checked by walking the element lxml already built. Verdicts are cached
by the shape of an element (name, attribute names, children), which real files repeat endlessly.

The check is conservative by construction: it answers "valid" only when every rule it knows
holds, and anything it does not know (an undeclared element, a namespaced attribute, a
comment node) counts as "not sure". The validator then asks libxml2 for the exact messages, so
every diagnostic stays libxml2's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from tm.tmx.inline import localname

_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
#: XML's whitespace (S): the only text element content may hold between its children.
_XML_SPACE = " \t\r\n"
#: How many distinct element shapes to remember; real files have a few dozen.
_CACHE_LIMIT = 10_000

_OCCUR = {"once": "", "opt": "?", "mult": "*", "plus": "+"}


@dataclass(frozen=True)
class _Rule:
    """One `<!ELEMENT>` and its `<!ATTLIST>`, as the checker needs them."""

    content: re.Pattern[str] | None  # over "name name …" of the children; None: any children
    text_allowed: bool  # mixed or ANY content: character data anywhere
    empty: bool  # EMPTY: no children and no text at all
    required: frozenset[str]
    allowed: frozenset[str]
    enumerated: tuple[tuple[str, frozenset[str]], ...]


#: Marks a shape not judged yet (None is a judged, invalid shape).
_UNSEEN = _Rule(None, False, False, frozenset(), frozenset(), ())


def _pattern(decl: etree._DTDElementContentDecl | None) -> str:
    if decl is None:
        return ""
    kind = decl.type
    if kind == "pcdata":
        body = ""
    elif kind == "element":
        body = f"(?:{re.escape(decl.name)} )"
    elif kind == "seq":
        body = f"(?:{_pattern(decl.left)}{_pattern(decl.right)})"
    elif kind == "or":
        body = f"(?:{_pattern(decl.left)}|{_pattern(decl.right)})"
    else:  # pragma: no cover - libxml2 knows no other node type
        raise ValueError(f"unknown content node {kind!r}")
    return body + _OCCUR.get(decl.occur or "once", "")


def _attribute_key(attr: etree._DTDAttributeDecl) -> str:
    # lxml spells xml:lang in Clark notation; any other prefix matches no key (conservative).
    if attr.prefix == "xml":
        return _XML_NS + attr.name
    return f"{attr.prefix}:{attr.name}" if attr.prefix else attr.name


def _rule(element: etree._DTDElementDecl) -> _Rule:
    attrs = list(element.iterattributes())
    kind = element.type
    content: re.Pattern[str] | None
    if kind == "any":
        content = None
    elif kind == "empty":
        content = re.compile("")
    else:
        content = re.compile(_pattern(element.content))
    return _Rule(
        content=content,
        text_allowed=kind in ("mixed", "any"),
        empty=kind == "empty",
        required=frozenset(_attribute_key(a) for a in attrs if a.default == "required"),
        allowed=frozenset(_attribute_key(a) for a in attrs),
        enumerated=tuple(
            (_attribute_key(a), frozenset(a.values())) for a in attrs if a.type == "enumeration"
        ),
    )


class StructureCheck:
    """`check(element)`: True when the element and everything inside it certainly follow the
    DTD; False when libxml2 should look (it may still find nothing wrong)."""

    def __init__(self, dtd: etree.DTD) -> None:
        self.rules = {decl.name: _rule(decl) for decl in dtd.iterelements()}
        self._shapes: dict[tuple[object, ...], _Rule | None] = {}

    def check(self, element: etree._Element) -> bool:
        shapes = self._shapes
        pending = [element]
        while pending:
            node = pending.pop()
            tag = node.tag
            if type(tag) is not str:
                return False  # a comment, PI or entity reference: let libxml2 judge
            children = list(node)
            shape = (tag, *node.keys(), None, *[child.tag for child in children])
            rule = shapes.get(shape, _UNSEEN)
            if rule is _UNSEEN:
                rule = self._shape_rule(tag, shape)
                if len(shapes) < _CACHE_LIMIT:
                    shapes[shape] = rule
            if rule is None:
                return False
            for key, values in rule.enumerated:
                value = node.get(key)
                if value is not None and value not in values:
                    return False
            if rule.empty and node.text:
                return False
            if not rule.text_allowed:
                text = node.text
                if text and text.strip(_XML_SPACE):
                    return False
                for child in children:
                    text = child.tail
                    if text and text.strip(_XML_SPACE):
                        return False
            pending.extend(children)
        return True

    def _shape_rule(self, tag: str, shape: tuple[object, ...]) -> _Rule | None:
        """The element's rule when its name, attribute names and children follow the DTD."""
        split = shape.index(None)
        keys = [str(key) for key in shape[1:split]]
        return (
            self.rules[localname(tag)]
            if self._shape_ok(localname(tag), keys, list(shape[split + 1 :]))
            else None
        )

    def _shape_ok(self, name: str, keys: list[str], children: list[object]) -> bool:
        rule = self.rules.get(name)
        if rule is None:
            return False
        key_set = set(keys)
        if not rule.required <= key_set or not key_set <= rule.allowed:
            return False
        if any(not isinstance(tag, str) for tag in children):
            return False
        names = "".join(localname(tag) + " " for tag in children)  # type: ignore[arg-type]
        if rule.content is None:
            return True
        if rule.empty:
            return not children
        return rule.content.fullmatch(names) is not None
