"""How a unit's parts are kept in the memory's text columns: JSON for metadata and inline
content, the same on every backend.

Plain text is the common case and is stored without JSON (`content` NULL, `plain` holds it),
so these functions are shaped around that; they are on the import's hot path.
"""

from __future__ import annotations

import json
from typing import Any

from tm.model import Note, Prop
from tm.tmx.inline import content_from_json, content_to_json

# JSON for the stored metadata, through one reusable C encoder: `json.dumps` with options
# builds a new encoder per call, which made JSON a third of import time.
_string = json.encoder.encode_basestring  # type: ignore[attr-defined]
_c_encoder = getattr(json.encoder, "c_make_encoder", None)
if _c_encoder is not None:
    _chunks = _c_encoder(
        None, None, json.encoder.encode_basestring, None, ":", ",", False, False, True
    )

    def encode(value: Any) -> str:
        """Compact JSON, non-ASCII kept as is (Chinese stays readable in the file)."""
        return "".join(_chunks(value, 0))

else:  # pragma: no cover - CPython without its C accelerator
    _encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

    def encode(value: Any) -> str:
        """Compact JSON, non-ASCII kept as is (Chinese stays readable in the file)."""
        return _encoder.encode(value)


#: The stored form of "no attributes, props or notes".
EMPTY = "[]"
NO_META = (EMPTY, EMPTY, EMPTY)


def attrs_json(attrs: tuple[tuple[str, str], ...]) -> str:
    return encode(attrs) if attrs else EMPTY


#: JSON of props met before, by the identities of the `Prop` objects (the TMX reader shares
#: the props a file repeats, so most units' props are objects seen before). Each entry keeps
#: its props alive, so their ids cannot be reused while the entry exists. Bounded.
_PROPS_JSON: dict[tuple[int, ...], tuple[tuple[Prop, ...], str]] = {}
_PROPS_JSON_LIMIT = 4096


def props_json(props: tuple[Prop, ...]) -> str:
    if not props:
        return EMPTY
    ids = tuple([id(p) for p in props])
    found = _PROPS_JSON.get(ids)
    if found is not None:
        return found[1]
    text = encode([(p.type, p.value, p.lang, p.encoding) for p in props])
    if len(_PROPS_JSON) < _PROPS_JSON_LIMIT:
        _PROPS_JSON[ids] = (props, text)
    return text


def notes_json(notes: tuple[Note, ...]) -> str:
    return encode([(n.text, n.lang, n.encoding) for n in notes]) if notes else EMPTY


def content_json(content: tuple[Any, ...]) -> str:
    """Inline content (text and markup) as JSON: also what a unit's identity hashes."""
    if len(content) == 1 and type(content[0]) is str:
        return "[" + _string(content[0]) + "]"  # plain text, the common case
    return encode(content_to_json(content))


def plain_json(text: str) -> str:
    """`content_json((text,))` for a non-empty plain text, without the tuple."""
    return "[" + _string(text) + "]"


def stored_content(identity_json: str, content: tuple[Any, ...]) -> str | None:
    """What goes in the `content` column: NULL when the segment is plain text (then `plain`
    holds it all), so the common case is not stored twice."""
    return None if all(type(item) is str for item in content) else identity_json


def content_from(stored: str | None, plain: str) -> tuple[Any, ...]:
    if stored is None:
        return (plain,) if plain else ()
    return content_from_json(json.loads(stored))


def props_from(text: str) -> tuple[Prop, ...]:
    return tuple(Prop(*row) for row in json.loads(text)) if text != EMPTY else ()


def notes_from(text: str) -> tuple[Note, ...]:
    return tuple(Note(*row) for row in json.loads(text)) if text != EMPTY else ()


def attrs_from(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((k, v) for k, v in json.loads(text)) if text != EMPTY else ()


def tag_count(content: tuple[Any, ...]) -> int:
    """How many inline tags a content holds (the fuzzy index counts them)."""
    return sum(1 for item in content if type(item) is not str)
