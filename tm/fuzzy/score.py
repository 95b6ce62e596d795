"""The one fuzzy score: what "an 87 % match" means everywhere in tm (CLI, library, checks).

Definition (CAT-style, as Trados/memoQ/OmegaT print it, documented in the README):

1. Both texts are cut into **tokens**: each Han character is a token (character level for
   Chinese), each run of letters or digits is a token (word level for English), each
   punctuation mark is a token, each inline tag (a TMX tag, or `<b>`/`</b>`/`{1}` written
   in text) is a token; white space only separates.
2. Tokens are **folded** before comparing: Unicode NFKC (full width → half width), case,
   Traditional → Simplified characters (OpenCC t2s).
3. `base = 100 * (1 - d / max(n, m))`, where d is the Levenshtein distance between the two
   token sequences (insert, delete, substitute one token: cost 1) and n, m their lengths.
4. **Penalties**: 2 points for each number found in one text and not in the other (as a
   multiset), 1 point for each inline tag more or fewer; 1 point when the texts differ only by
   folding (case, width, spacing, script). 100 means identical text (the same tags included);
   anything else is at most 99.
5. The score is floored to an integer in 0..100.

`diff` gives the query's character spans that differ from the match (`[start, end)`; an empty
span `[p, p]` marks where the match has extra tokens).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tm.text.script import HAN_RANGES, has_han
from tm.text.variants import to_simplified

_HAN_CLASS = "".join(f"{a}-{b}" for a, b in HAN_RANGES)
#: tag | one Han character | a word (letters/digits, no Han) | any other visible character.
_TOKEN = re.compile(
    rf"(<[^<>\s][^<>]{{0,60}}>|\{{\d+\}})|([{_HAN_CLASS}])|([^\W_{_HAN_CLASS}]+)|(\S)"
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NUMBER_PENALTY = 2
TAG_PENALTY = 1
FOLD_PENALTY = 1


@dataclass(frozen=True)
class Tokens:
    """A text cut for matching: folded tokens, their spans in the text, and what costs."""

    text: str
    folded: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    tags: int
    numbers: tuple[str, ...]


_FLAT = re.compile(rf"<[^<>\s][^<>]{{0,60}}>|\{{\d+\}}|[{_HAN_CLASS}]|[^\W_{_HAN_CLASS}]+|\S")


#: `_FLAT` for ASCII text already lowercased (the same tokens: tested), a third faster.
_FLAT_ASCII = re.compile(r"[a-z0-9]+|<[^<>\s][^<>]{0,60}>|\{[0-9]+\}|\S")


def index_tokens(text: str) -> list[str]:
    """The folded tokens the index keys and grams are made of: the text folded whole
    (`index_fold`), then cut (cheaper than `tokens`, and the one function both indexing and
    querying use; `tm.fuzzy.index` cuts an import's texts in bulk to the same tokens, tested)."""
    if text.isascii():
        return _FLAT_ASCII.findall(text.lower())
    return _FLAT.findall(index_fold(text))


def index_fold(text: str) -> str:
    """A text as `index_tokens` cuts it: to Simplified characters, NFKC (full width to half
    width), case folded. ASCII text (most English) has nothing to convert or normalise: it is
    only lowercased."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", to_simplified(text)).casefold()


#: What `index_fold_many` puts between texts: a private-use character, which neither OpenCC
#: nor NFKC changes or composes with a neighbour, so folding the texts joined is folding each.
TEXT_BREAK = "\ue000"


def index_fold_many(texts: Sequence[str]) -> list[str]:
    """`index_fold` of each text (the same strings, tested), a kind of text at a time (ASCII,
    with Han characters, other: as `index_fold` tells them apart) folded in one call: OpenCC's
    call costs more than its work on a sentence."""
    places: list[list[int]] = [[], [], []]
    for at, text in enumerate(texts):
        places[0 if text.isascii() else 1 if has_han(text) else 2].append(at)
    out = [""] * len(texts)
    for kind, where in enumerate(places):
        if not where:
            continue
        joined = TEXT_BREAK.join([texts[at] for at in where])
        if kind == 0:
            folded = joined.lower()
        else:
            if kind == 1:
                joined = to_simplified(joined)
            folded = unicodedata.normalize("NFKC", _half_width(joined)).casefold()
        pieces = folded.split(TEXT_BREAK)
        if len(pieces) != len(where):  # a text holds the break
            pieces = [index_fold(texts[at]) for at in where]
        for at, piece in zip(where, pieces, strict=True):
            out[at] = piece
    return out


def _half_width(text: str) -> str:
    """`text` with full-width ASCII (U+FF01-FF5E) and the ideographic space as what NFKC
    decomposes them to: NFKC gives the same string after (it decomposes each character
    first), but finds most Chinese text already normalised (a quick check instead of the
    whole work: two thirds of the cost of folding a long text)."""
    import numpy as np

    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    wide = (points >= 0xFF01) & (points <= 0xFF5E)
    space = points == 0x3000
    if not wide.any() and not space.any():
        return text
    points = points.copy()
    points[wide] -= 0xFF01 - 0x21
    points[space] = 0x20
    return points.tobytes().decode("utf-32-le", "surrogatepass")


def fold_token(token: str) -> str:
    return unicodedata.normalize("NFKC", token).casefold()


@lru_cache(maxsize=1 << 16)
def tokens(text: str, extra_tags: int = 0) -> Tokens:
    """Tokens of `text` (see the module docstring); `extra_tags` counts TMX tags that the plain
    text does not show."""
    simplified = to_simplified(text)
    # OpenCC maps character for character almost always; when it does not, keep the original
    # so that spans stay true to the text.
    source = simplified if len(simplified) == len(text) else text
    whole = unicodedata.normalize("NFKC", source).casefold()
    aligned = len(whole) == len(source)  # then fold once and slice (the usual case)
    found = list(_TOKEN.finditer(source))
    spans = [m.span() for m in found]
    if aligned:
        folded = [whole[start:end] for start, end in spans]
    else:
        folded = [fold_token(m.group()) for m in found]
    tags = extra_tags
    if "<" in source or "{" in source:  # only then can a token be a tag (group 1)
        for at, m in enumerate(found):
            if m.lastindex == 1:
                tags += 1
                folded[at] = m.group(1).casefold()
    numbers = tuple(sorted(_NUMBER.findall(unicodedata.normalize("NFKC", text))))
    return Tokens(text, tuple(folded), tuple(spans), tags, numbers)


def key(text: str) -> str:
    """The folded form exact matches are found by (one string per text)."""
    return "\x1f".join(tokens(text).folded)


def _counter_diff(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    if a == b:  # sorted tuples: the usual case costs nothing
        return 0
    ca, cb = Counter(a), Counter(b)
    return sum(((ca - cb) + (cb - ca)).values())


def score_tokens(query: Tokens, candidate: Tokens) -> int:
    """The CAT-style score of `candidate` for `query` (module docstring)."""
    from rapidfuzz.distance import Levenshtein

    q, c = query.folded, candidate.folded
    longest = max(len(q), len(c))
    if longest == 0:
        return 100 if query.text.strip() == candidate.text.strip() else 0
    distance = Levenshtein.distance(q, c)
    base = 100.0 * (1 - distance / longest)
    penalty = NUMBER_PENALTY * _counter_diff(query.numbers, candidate.numbers)
    penalty += TAG_PENALTY * abs(query.tags - candidate.tags)
    identical = query.text.strip() == candidate.text.strip() and query.tags == candidate.tags
    if identical:
        return 100
    if distance == 0:
        penalty += FOLD_PENALTY
    return max(0, min(99, int(base - penalty + 1e-9)))


def score(query: str, candidate: str, candidate_tags: int = 0) -> int:
    """The one fuzzy score of `candidate` (a stored text) for `query`, 0..100."""
    return score_tokens(tokens(query), tokens(candidate, candidate_tags))


def diff(query: Tokens, candidate: Tokens) -> list[list[int]]:
    """The query's character spans that differ from `candidate`, merged, in order."""
    from rapidfuzz.distance import Levenshtein

    spans: list[list[int]] = []
    end_of_text = len(query.text)

    def add(start: int, end: int) -> None:
        if spans and spans[-1][1] >= start and end > start and spans[-1][1] > spans[-1][0]:
            spans[-1][1] = max(spans[-1][1], end)
        elif not spans or [start, end] != spans[-1]:
            spans.append([start, end])

    for op in Levenshtein.opcodes(query.folded, candidate.folded):
        if op.tag == "equal":
            for offset in range(op.src_end - op.src_start):
                i, j = op.src_start + offset, op.dest_start + offset
                a, b = query.spans[i], candidate.spans[j]
                if query.text[a[0] : a[1]] != candidate.text[b[0] : b[1]]:
                    add(*a)
        elif op.tag == "insert":
            at = query.spans[op.src_start][0] if op.src_start < len(query.spans) else end_of_text
            add(at, at)
        else:
            add(query.spans[op.src_start][0], query.spans[op.src_end - 1][1])
    return spans


def best(query: str, choices: list[str], min_score: float = 0) -> tuple[str, int, int] | None:
    """The choice scoring highest for `query` (first on ties), as (choice, score, index), or
    None below `min_score`. An exhaustive scan: for small lists (checks); the memory's index is
    what `tm.fuzzy.match` uses for a memory of any size."""
    found: tuple[str, int, int] | None = None
    q = tokens(query)
    for index, choice in enumerate(choices):
        value = score_tokens(q, tokens(choice))
        if value >= min_score and (found is None or value > found[1]):
            found = (choice, value, index)
            if value == 100:
                break
    return found
