"""What the store indexes for fuzzy matching: an exact key and token bigrams of each text.

Grams are bigrams of folded tokens (tm.fuzzy.score) with a start and an end mark:
`^ t1`, `t1 t2`, … `tn $`. For Chinese a token is a character, so these are the character
bigrams, and the marks make a 1- or 2-character query findable (`^水`, `水$`); for English a
token is a word, so these are word pairs (far more selective than single words, which is what
keeps posting lists short at a million units). Each gram is a 31-bit CRC of its tokens and its
namespace (language and unit kind), stored in plain tables with plain SQL (no FTS5), so a
PostgreSQL backend can use the same schema. Collisions only cost a wasted candidate: every
candidate is rescored on its text.
"""

from __future__ import annotations

import hashlib
import itertools
import zlib
from collections.abc import Sequence

from tm import lang as langs
from tm.fuzzy.score import index_tokens


def namespace(lang_key: str, kind: str) -> str:
    """Units are compared within one language (any script: zh-Hant is folded to zh-Hans) and
    one kind (segments with segments, terms with terms)."""
    return f"{langs.primary(lang_key)}:{kind[0]}"


def gram_ids(ns: str, folded: list[str]) -> set[int]:
    """The grams a stored text is indexed by: its bigrams with the start and end marks."""
    return set(_bigram_ids(ns, ("\x02", *folded, "\x03")))


def phrase_gram_ids(ns: str, folded: list[str]) -> list[int]:
    """The grams every text containing the phrase `folded` holds (its inner bigrams, without
    the start and end marks), in phrase order; none for a one-token phrase."""
    return list(dict.fromkeys(_bigram_ids(ns, folded)))


def _bigram_ids(ns: str, tokens: Sequence[str]) -> list[int]:
    seed = zlib.crc32(f"{ns}\x1f".encode())  # the CRC of namespace + gram, continued
    return [
        zlib.crc32(f"{a}\x1f{b}".encode(), seed) & 0x7FFFFFFF for a, b in itertools.pairwise(tokens)
    ]


def exact_key(ns: str, folded: list[str]) -> int:
    """A 63-bit hash of the folded text: exact copies (up to folding) share it."""
    digest = hashlib.blake2b((ns + "\x1f" + "\x1f".join(folded)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def entries(text: str, lang_key: str, kind: str, tags: int = 0) -> tuple[int, int, set[int]]:
    """(exact key, length in tokens, gram ids) of one stored text."""
    ns = namespace(lang_key, kind)
    folded = index_tokens(text)
    return exact_key(ns, folded), len(folded), gram_ids(ns, folded)
