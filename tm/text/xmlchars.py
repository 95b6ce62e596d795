"""Which text XML can hold: the one check every way into the memory calls.

XML 1.0 (Fifth Edition), production [2] `Char`: tab, newline, carriage return, U+0020-U+D7FF,
U+E000-U+FFFD, U+10000-U+10FFFF. Anything else (other C0 controls such as NUL, lone
surrogates, U+FFFE, U+FFFF) cannot be written to TMX or TBX even as a character reference, so
text holding it is refused where it comes in, naming the file and line, rather than stored and
found unexportable later.
"""

from __future__ import annotations

import re

from tm.errors import ValidationError
from tm.model import Content, Unit

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_problem(text: str) -> str | None:
    """What is wrong with `text` for XML, in a few words, or None when XML can hold it."""
    bad = NOT_XML.search(text)
    if bad is None:
        return None
    return f"character U+{ord(bad.group()):04X} at position {bad.start() + 1}"


def check_text(
    text: str, *, file: str | None = None, line: int | None = None, what: str = "text"
) -> None:
    """Raise `ValidationError` when `text` holds a character XML 1.0 cannot hold."""
    problem = xml_problem(text)
    if problem:
        raise ValidationError(
            f"{problem} in the {what} is not allowed in XML (control characters, lone "
            "surrogates, U+FFFE and U+FFFF cannot be stored)",
            file=file,
            line=line,
        )


def _strings_of(content: Content) -> list[str]:
    strings: list[str] = []
    for item in content:
        if isinstance(item, str):
            strings.append(item)
        else:
            strings.extend(value for _, value in item.attrs)
            strings.extend(_strings_of(item.content))
    return strings


def check_unit(unit: Unit, *, file: str | None = None, line: int | None = None) -> None:
    """Raise `ValidationError` when any text of `unit` (segments and their markup, notes,
    props, attributes) cannot be written to XML. `file` and `line` default to the unit's
    location."""
    if file is None and unit.location is not None:
        file, line = unit.location.file, unit.location.line
    texts: list[tuple[str, str]] = [("tuid", unit.tuid or "")]
    texts += [("attribute", value) for _, value in unit.attrs]
    texts += [("note", note.text) for note in unit.notes]
    texts += [("prop", prop.value) for prop in unit.props]
    for variant in unit.variants:
        texts += [("text", text) for text in _strings_of(variant.content)]
        texts += [("note", note.text) for note in variant.notes]
        texts += [("prop", prop.value) for prop in variant.props]
        texts += [("attribute", value) for _, value in variant.attrs]
    # One search over all of it first: every import passes here, and nearly every unit is
    # clean (a search per text was a fifth of the store's share of an import).
    if NOT_XML.search("".join([text for _, text in texts])) is None:
        return
    for what, text in texts:
        check_text(text, file=file, line=line, what=what)
