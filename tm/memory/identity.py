"""What makes two units the same unit: their kind and each variant's language and content
(markup included), hashed. Importing an exact repeat updates its metadata only."""

from __future__ import annotations

import hashlib

from tm import lang as langs
from tm.memory.codec import content_json
from tm.model import Unit

Identities = list[tuple[str, str]]


def identities(unit: Unit) -> Identities:
    """(canonical language, content JSON) of each variant, in the unit's order."""
    return [(langs.canonical(v.lang), content_json(v.content)) for v in unit.variants]


def key_of(kind: str, identities: Identities) -> bytes:
    """The key of a unit of `kind` with these variant identities, whatever their order."""
    text = kind + "".join([f"\x00{lang}\x00{content}" for lang, content in sorted(identities)])
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def unit_key(unit: Unit) -> bytes:
    """Identity of a unit: its kind and each variant's language and content, markup included.

    Two units with the same key are an exact repeat: importing one again updates metadata only.
    """
    return key_of(unit.kind, identities(unit))
