"""Many texts cut into index tokens at once, with numpy: what an import's index costs per text.

`tm.fuzzy.score.index_tokens` defines the tokens (a regex over the folded text); cutting a
sentence with it and looking each token's hash up costs ~0.2 µs a token in Python, most of an
import's index. Here the texts of one call are folded together (`index_fold_many`), joined,
and cut as arrays of code points: each character is classed once per batch (white space; word
character: letters and digits but Han; any other visible character, a token of its own), so a
token starts at a lone character or at the first of a run of word characters. A one-character
token's hash is looked up per distinct character, a longer token's per distinct 64-bit
fingerprint of its characters (a polynomial over the code points, from prefix sums), so the
Python work is per distinct token of a batch, not per token. The hashes are
`tm.fuzzy.index.token_hash`'s: the grams, keys and postings are the regex's, tested on real
text. Texts that might hold a tag (`<`, `{`), and tokens longer than `_LONGEST` (a
fingerprint is exact in practice, not by construction: two distinct tokens among a million
share one with odds of 3 in 10^8, and one met before is checked against its token; long
tokens are left to the exact path), go through `index_tokens`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from tm.fuzzy import index
from tm.fuzzy.score import _HAN_CLASS, TEXT_BREAK, index_fold_many, index_tokens

_SPACE, _WORD, _SINGLE = 0, 1, 2
#: Tokens longer than this (characters) are hashed from their text, not a fingerprint.
_LONGEST = 64
_BASE = 0xD6E8FEB86659FD93  # odd: invertible modulo 2**64
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)
_U = np.uint64
_BREAK_POINT = ord(TEXT_BREAK)
_classes: Any = None
_char_hashes: Any = None
#: Fingerprint -> (token, hash) of the longer tokens met so far (bounded as `token_hash`'s).
_by_print: dict[int, tuple[str, int]] = {}


def _class_table() -> Any:
    """The class of each character of the Basic Multilingual Plane, from the regex's own
    character classes (built once per process, on first use: ~20 ms)."""
    global _classes
    if _classes is None:
        chars = "".join(map(chr, range(0x10000)))
        table = np.full(0x10000, _SINGLE, dtype=np.uint8)
        spaces = [m.start() for m in re.finditer(r"\s", chars)]
        words = [m.start() for m in re.finditer(rf"[^\W_{_HAN_CLASS}]", chars)]
        table[spaces] = _SPACE
        table[words] = _WORD
        _classes = table
    return _classes


def _class_of(points: Any) -> Any:
    table = _class_table()
    astral = points > 0xFFFF
    if not astral.any():
        return table[points]
    classes = table[np.where(astral, 0, points)]
    distinct, where = np.unique(points[astral], return_inverse=True)
    found = [
        _SPACE
        if char.isspace()
        else _WORD
        if re.fullmatch(rf"[^\W_{_HAN_CLASS}]", char)
        else _SINGLE
        for char in map(chr, distinct.tolist())
    ]
    classes[astral] = np.array(found, dtype=np.uint8)[where.reshape(-1)]
    return classes


def _hashes_of_chars(points: Any) -> Any:
    """The hashes of one-character tokens: from a table by code point (Basic Multilingual
    Plane), filled as characters are met."""
    global _char_hashes
    if _char_hashes is None:
        _char_hashes = np.zeros(0x10000, dtype=_U)  # 0: not met yet
    astral = points > 0xFFFF
    found = _char_hashes[np.where(astral, 0, points)]
    missing = (found == 0) | astral
    if missing.any():
        distinct, where = np.unique(points[missing], return_inverse=True)
        values = np.array([index.token_hash(chr(point)) for point in distinct.tolist()], dtype=_U)
        found[missing] = values[where]
        small = distinct <= 0xFFFF
        _char_hashes[distinct[small]] = values[small]
    return found


def _hashes_of_long(joined: str, points: Any, starts: Any, ends: Any) -> Any | None:
    """The hashes of tokens of two characters or more, a Python look-up per distinct one;
    None if a fingerprint met before stood for another token (then the exact path cuts)."""
    prefix = np.zeros(len(points) + 1, dtype=_U)
    terms = index.powers(_BASE, len(points))
    terms *= points
    np.cumsum(terms, dtype=_U, out=prefix[1:])
    del terms
    prints = prefix[ends] - prefix[starts]
    del prefix
    prints *= index.powers(_BASE_INVERSE, len(points))[starts]
    prints ^= (ends - starts).astype(_U) << _U(56)
    distinct, first, where = np.unique(prints, return_index=True, return_inverse=True)
    values = []
    for fingerprint, start, end in zip(
        distinct.tolist(), starts[first].tolist(), ends[first].tolist(), strict=True
    ):
        token = joined[start:end]
        known = _by_print.get(fingerprint)
        if known is None:
            if len(_by_print) >= index.TOKEN_CACHE:
                _by_print.clear()
            known = _by_print[fingerprint] = (token, index.token_hash(token))
        elif known[0] != token:
            return None
        values.append(known[1])
    return np.array(values, dtype=_U)[where]


def cut(texts: Sequence[str]) -> list[tuple[list[int], Any, Any]]:
    """The texts' tokens, as groups of (places in `texts`; token hashes (uint64) of those
    texts in order, `index.BREAK` between two; each text's length in tokens (int64))."""
    folded = index_fold_many(texts)
    plain: list[int] = []
    tagged: list[int] = []
    for at, text in enumerate(folded):
        (tagged if "<" in text or "{" in text or TEXT_BREAK in text else plain).append(at)
    groups = []
    if plain:
        found = _cut_plain([folded[at] for at in plain])
        if found is None:
            tagged = sorted(tagged + plain)
        else:
            groups.append((plain, *found))
    if tagged:
        groups.append((tagged, *_cut_exactly([texts[at] for at in tagged])))
    return groups


def _cut_exactly(texts: Sequence[str]) -> tuple[Any, Any]:
    """`cut` of texts through `index_tokens`, one at a time."""
    stream: list[int] = []
    lengths = []
    for at, text in enumerate(texts):
        if at:
            stream.append(index.BREAK)
        tokens = index_tokens(text)
        stream.extend(index.hashes(tokens))
        lengths.append(len(tokens))
    return np.array(stream, dtype=_U), np.array(lengths, dtype=np.int64)


def _cut_plain(texts: Sequence[str]) -> tuple[Any, Any] | None:
    """`cut` of folded texts without tags, with numpy; None if a token is too long or two
    tokens share a fingerprint."""
    joined = TEXT_BREAK.join(texts)
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not len(points):
        return np.zeros(0, dtype=_U), np.zeros(1, dtype=np.int64)
    classes = _class_of(points)
    word = classes == _WORD
    single = classes == _SINGLE
    after_word = np.zeros(len(points), dtype=bool)
    after_word[1:] = word[:-1]
    before_word = np.zeros(len(points), dtype=bool)
    before_word[:-1] = word[1:]
    starts = np.flatnonzero(single | (word & ~after_word))
    ends = np.flatnonzero(single | (word & ~before_word)) + 1
    del after_word, before_word, word, single
    sizes = ends - starts
    if len(sizes) and int(sizes.max()) > _LONGEST:
        return None
    hashes = np.empty(len(starts), dtype=_U)
    one = sizes == 1
    hashes[one] = _hashes_of_chars(points[starts[one]])
    many = ~one
    if many.any():
        found = _hashes_of_long(joined, points, starts[many], ends[many])
        if found is None:
            return None
        hashes[many] = found
    breaks = np.flatnonzero(one & (points[starts] == _BREAK_POINT))
    hashes[breaks] = _U(index.BREAK)
    lengths = np.diff(breaks, prepend=-1, append=len(starts)) - 1
    return hashes, lengths
