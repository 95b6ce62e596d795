"""What the store indexes for fuzzy matching: an exact key and token bigrams of each text.

Grams are bigrams of folded tokens (tm.fuzzy.score) with a start and an end mark:
`^ t1`, `t1 t2`, … `tn $`. For Chinese a token is a character, so these are the character
bigrams, and the marks make a 1- or 2-character query findable (`^水`, `水$`); for English a
token is a word, so these are word pairs (far more selective than single words, which is what
keeps posting lists short at a million units). Each gram is a 45-bit hash of its two tokens'
hashes and its namespace (language and unit kind), so it can be computed for a whole batch of
texts at once with numpy (`postings`: an import's million texts) and for one query in plain
Python (`gram_ids`: no numpy import on the lookup path); both give the same numbers (tested).
Collisions only cost a wasted candidate: every candidate is rescored on its text (45 bits:
a few colliding pairs among tens of millions of distinct grams; the 19 bits left over make
one 64-bit sort key of a gram and its text in `Batch.postings_arrays`).
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from tm import lang as langs
from tm.fuzzy.score import index_tokens

if TYPE_CHECKING:
    import numpy as np

_MASK = (1 << 64) - 1
#: Odd 64-bit multipliers (any fixed odd numbers would do: they spread bits, nothing more).
_LEFT = 0x9E3779B97F4A7C15
_RIGHT = 0xC2B2AE3D27D4EB4F
_MIX = 0xFF51AFD7ED558CCD
_KEY = 0xD1B54A32D192ED03
_KEY_INVERSE = pow(_KEY, -1, 1 << 64)
#: A gram is the top 45 bits of its 64-bit mix; the 18 bits below a gram in a sort key number
#: the texts of one batch (at most `BATCH_TEXTS`).
GRAM_SHIFT = 19
TEXT_BITS = 18
BATCH_TEXTS = 1 << TEXT_BITS
#: The longest length a posting records (tokens); longer texts are filed at this length.
MAX_LENGTH = 0xFFFF

#: Hashes of the tokens met so far (a vocabulary: tens of thousands of words and characters).
_token_hashes: dict[str, int] = {}
TOKEN_CACHE = 1 << 20


def namespace(lang_key: str, kind: str) -> str:
    """Units are compared within one language (any script: zh-Hant is folded to zh-Hans) and
    one kind (segments with segments, terms with terms)."""
    return f"{langs.primary(lang_key)}:{kind[0]}"


def token_hash(token: str) -> int:
    """A 64-bit hash of a token (stable across runs and machines, unlike `hash`)."""
    value = _token_hashes.get(token)
    if value is None:
        if len(_token_hashes) >= TOKEN_CACHE:
            _token_hashes.clear()
        digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
        value = _token_hashes[token] = int.from_bytes(digest, "little")
    return value


_START = token_hash("\x02")
_END = token_hash("\x03")
#: Between two texts in a batch's token stream (a space: never a token).
BREAK = token_hash(" ")


def _gram(ns: int, left: int, right: int) -> int:
    """One gram's id: what `_grams` computes for arrays, in Python integers."""
    x = (left * _LEFT + right * _RIGHT + ns) & _MASK
    x ^= x >> 31
    x = (x * _MIX) & _MASK
    x ^= x >> 29
    return x >> GRAM_SHIFT


def hashes(folded: Sequence[str]) -> list[int]:
    try:
        return list(map(_token_hashes.__getitem__, folded))
    except KeyError:
        return [token_hash(token) for token in folded]


def gram_ids(ns: str, folded: Sequence[str]) -> set[int]:
    """The grams a stored text is indexed by: its bigrams with the start and end marks."""
    marked = [_START, *hashes(folded), _END]
    space = token_hash(ns)
    return {_gram(space, a, b) for a, b in itertools.pairwise(marked)}


def phrase_gram_ids(ns: str, folded: Sequence[str]) -> list[int]:
    """The grams every text containing the phrase `folded` holds (its inner bigrams, without
    the start and end marks), in phrase order; none for a one-token phrase."""
    found = hashes(folded)
    space = token_hash(ns)
    return list(dict.fromkeys(_gram(space, a, b) for a, b in itertools.pairwise(found)))


def exact_key(ns: str, folded: Sequence[str]) -> int:
    """A 63-bit hash of the folded text: exact copies (up to folding) share it. A polynomial
    over the tokens' hashes (modulo 2**64, base `_KEY`) with the text's length and namespace,
    mixed as a gram is: what `_keys` computes for a whole batch of texts with numpy. Two texts
    sharing a key by chance cost a wasted candidate (every candidate is rescored)."""
    total, power = 0, 1
    for value in hashes(folded):
        total = (total + value * power) & _MASK
        power = (power * _KEY) & _MASK
    x = (total + token_hash(ns) * _RIGHT + len(folded) * _LEFT) & _MASK
    x ^= x >> 31
    x = (x * _MIX) & _MASK
    x ^= x >> 29
    return x >> 1


def powers(base: int, size: int) -> Any:
    """base**i modulo 2**64 for i < size (uint64), by doubling: each step multiplies the
    powers so far by the next power of two's (a few vector products, not a running product)."""
    import numpy as np

    table = np.empty(max(size, 1), dtype=np.uint64)
    table[0] = 1
    done, step = 1, base
    while done < size:
        take = min(done, size - done)
        np.multiply(table[:take], np.uint64(step), out=table[done : done + take])
        done += take
        step = (step * step) & _MASK
    return table[:size]


def _keys(space: int, stream: Any, lengths: Any) -> list[int]:
    """`exact_key` of each text of a token stream (hashes, `BREAK` between texts), from one
    prefix sum: a text's polynomial is its slice of the sum times the inverse power of its
    start."""
    import numpy as np

    u = np.uint64
    size = len(stream)
    prefix = np.zeros(size + 1, dtype=u)
    terms = powers(_KEY, size)
    terms *= stream
    np.cumsum(terms, dtype=u, out=prefix[1:])
    del terms
    breaks = np.flatnonzero(stream == BREAK)
    starts = np.concatenate(([0], breaks + 1))
    ends = np.append(breaks, size)
    x = prefix[ends] - prefix[starts]
    del prefix
    x *= powers(_KEY_INVERSE, size + 1)[starts]
    x += u((space * _RIGHT) & _MASK)
    x += lengths.astype(u) * u(_LEFT)
    x ^= x >> u(31)
    x *= u(_MIX)
    x ^= x >> u(29)
    x >>= u(1)
    return x.tolist()  # type: ignore[no-any-return]


def entries(text: str, lang_key: str, kind: str, tags: int = 0) -> tuple[int, int, set[int]]:
    """(exact key, length in tokens, gram ids) of one stored text."""
    ns = namespace(lang_key, kind)
    folded = index_tokens(text)
    return exact_key(ns, folded), len(folded), gram_ids(ns, folded)


def _grams(ns: Any, left: Any, right: Any) -> Any:
    """`_gram` over uint64 arrays (numpy wraps multiplication modulo 2**64, as `_MASK` does)."""
    import numpy as np

    u = np.uint64
    x = left * u(_LEFT)  # in place from here: an import's arrays hold a million postings
    right = right * u(_RIGHT)
    x += right
    del right
    x += ns
    x ^= x >> u(31)
    x *= u(_MIX)
    x ^= x >> u(29)
    x >>= u(GRAM_SHIFT)
    return x.view(np.int64)


class Batch:
    """Texts gathered for the index (an import's next few tens of thousands), turned into
    sorted postings at once. Texts come in thousands (`add_many`) and are cut into token
    hashes together (`tm.fuzzy.bulk`: Python work per distinct token, not per token); their
    keys, grams and postings are numpy over a namespace's token stream. Texts are kept per
    namespace (an import has two: its two languages), so a gram's namespace is one number for
    a whole array."""

    def __init__(self) -> None:
        self.keys: list[tuple[int, int]] = []  # (exact key, unit)
        self.postings = 0  # grams to come (before removing repeats within a text)
        # namespace -> (token streams: hashes, `BREAK` between texts; lengths; units)
        self._texts: dict[str, tuple[list[Any], list[Any], list[Any]]] = {}
        self._spaces: dict[tuple[str, str], str] = {}

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, unit: int, lang_key: str, kind: str, text: str) -> None:
        self.add_many([(unit, kind, lang_key, text)])

    def add_many(self, items: Iterable[tuple[int, str, str, str]]) -> None:
        """Add texts given as (unit, kind, lang key, text): thousands at a time cost less than
        half of what they cost one by one (`tm.fuzzy.bulk`)."""
        import numpy as np

        from tm.fuzzy import bulk

        by_space: dict[str, tuple[list[int], list[str]]] = {}
        for unit, kind, lang_key, text in items:
            ns = self._spaces.get((lang_key, kind))
            if ns is None:
                ns = self._spaces[lang_key, kind] = namespace(lang_key, kind)
            group = by_space.get(ns)
            if group is None:
                group = by_space[ns] = ([], [])
            group[0].append(unit)
            group[1].append(text)
        for ns, (units, texts) in by_space.items():
            texts_of = self._texts.get(ns)
            if texts_of is None:
                texts_of = self._texts[ns] = ([], [], [])
            space = token_hash(ns)
            for places, stream, lengths in bulk.cut(texts):
                own = [units[at] for at in places]
                texts_of[0].append(stream)
                texts_of[1].append(lengths)
                texts_of[2].append(np.array(own, dtype=np.int64))
                self.postings += len(stream) + 1
                self.keys.extend(zip(_keys(space, stream, lengths), own, strict=True))

    def postings_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(grams, lengths, units): one entry per gram of each text, sorted by gram, length
        and unit, without repeats (a gram twice in one text is one posting); int64, uint16,
        and uint32 (int64 if an id needs it).

        One sort of one int64 array: each posting's key is its gram above its text's rank by
        (length, unit), so the sorted keys give everything back (a sort of three arrays by
        three keys cost several times as much: 9 s per 1,000,000 units)."""
        import numpy as np

        if not self.keys:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty.astype(np.uint16), empty.astype(np.uint32)
        assert len(self.keys) <= BATCH_TEXTS
        lens = np.concatenate([part for t in self._texts.values() for part in t[1]])
        units = np.concatenate([part for t in self._texts.values() for part in t[2]])
        lens = np.minimum(lens, MAX_LENGTH).astype(np.uint16)
        if int(units.min()) >= 0 and int(units.max()) < 1 << 32:
            units = units.astype(np.uint32)  # the usual ids: half the bytes per posting
        by_rank = np.lexsort((units, lens)).astype(np.int32)  # the texts, by (length, unit)
        rank = np.empty(len(by_rank), dtype=np.int64)
        rank[by_rank] = np.arange(len(by_rank), dtype=np.int64)
        key = np.empty(self.postings, dtype=np.int64)
        first = done = 0
        for ns, (streams, lengths, _units) in self._texts.items():
            grams, pairs = _grams_of(token_hash(ns), streams, lengths)
            grams <<= TEXT_BITS
            grams |= np.repeat(rank[first : first + len(pairs)], pairs)
            key[done : done + len(grams)] = grams
            done += len(grams)
            first += len(pairs)
            del grams
        key.sort()
        keep = np.ones(len(key), dtype=bool)
        keep[1:] = key[1:] != key[:-1]
        key = key[keep]
        del keep
        texts = by_rank[key & (BATCH_TEXTS - 1)]
        key >>= TEXT_BITS  # now the grams
        return key, lens[texts], units[texts]


def _grams_of(space: int, streams: list[Any], lengths: list[Any]) -> tuple[Any, Any]:
    """The grams of one namespace's texts, in text order, and how many each text has: the
    bigrams of its token streams joined by `BREAK`, the pairs at a break made again with the
    start or end mark in its place (two a text: a few arrays that small, not copies of all)."""
    import numpy as np

    mark = np.array([BREAK], dtype=np.uint64)
    parts = [mark]
    for stream in streams:
        parts += [stream, mark]
    flat = np.concatenate(parts)
    del parts
    ns = np.uint64(space)
    grams = _grams(ns, flat[:-1], flat[1:])
    marks = flat == BREAK
    left, right = marks[:-1], marks[1:]
    fix = np.flatnonzero(left | right)
    grams[fix] = _grams(
        ns,
        np.where(left[fix], np.uint64(_START), flat[fix]),
        np.where(right[fix], np.uint64(_END), flat[fix + 1]),
    )
    return grams, np.concatenate(lengths) + 1
