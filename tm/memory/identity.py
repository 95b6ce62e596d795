"""What makes two units the same unit: their kind and each variant's language and content
(markup included), hashed. Importing an exact repeat updates its metadata only.

The key is blake2b-128 of `kind` followed by `\\x00LANG\\x00CONTENT` for each variant, sorted
by (canonical language, content JSON). Memories hold these keys: a change of definition needs a
migration that re-keys stored units. The functions below are on the import's hot path, so the
common shapes (plain text, two variants) take short cuts that compute the same bytes.
"""

from __future__ import annotations

from hashlib import blake2b

from tm import lang as langs
from tm.memory.codec import content_json, plain_json
from tm.model import Unit

Identities = list[tuple[str, str]]

_canonical = langs.canonical


def identities(unit: Unit) -> Identities:
    """(canonical language, content JSON) of each variant, in the unit's order."""
    out = []
    for variant in unit.variants:
        content = variant.content
        if len(content) == 1 and type(content[0]) is str:  # plain text, the common case
            out.append((_canonical(variant.lang), plain_json(content[0])))
        else:
            out.append((_canonical(variant.lang), content_json(content)))
    return out


def key_of(kind: str, identities: Identities) -> bytes:
    """The key of a unit of `kind` with these variant identities, whatever their order."""
    if len(identities) == 2:  # a bilingual unit: one comparison instead of a sort
        first, second = identities
        if second < first:
            first, second = second, first
        text = f"{kind}\x00{first[0]}\x00{first[1]}\x00{second[0]}\x00{second[1]}"
    else:
        text = kind + "".join([f"\x00{lang}\x00{content}" for lang, content in sorted(identities)])
    return blake2b(text.encode(), digest_size=16).digest()


def unit_key(unit: Unit) -> bytes:
    """Identity of a unit: its kind and each variant's language and content, markup included.

    Two units with the same key are an exact repeat: importing one again updates metadata only.
    """
    return key_of(unit.kind, identities(unit))
