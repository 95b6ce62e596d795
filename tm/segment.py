"""Blocks -> sentences, for English and Chinese, each sentence keeping where it came from.

English: a full stop, question or exclamation mark (with closing quotes and brackets after it)
ends a sentence before white space and a capital, digit or opening quote, unless the word before
it is an abbreviation (tm/data/abbreviations.en.txt), an initial, or a number's decimal point.
Chinese: 。！？；… (full- or half-width) with their closing quotes and brackets end a sentence;
no space is needed after them. Headings, list items, banner lines and caption cues are already
blocks of their own, so they stay segments of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from tm.model import Block, Location
from tm.text import language

SEGMENTER = "tm-rules-1"  # named in results' signatures

_CLOSERS = "\"'”’»)）】』」》〉]"
_OPENERS = "\"'“‘«(（【『「《〈["
# Chinese terminators; a run of them (？！, ……) counts as one.
_ZH_END = re.compile(rf"(?:[。！？；!?;]|…+|\.{{3,}})+[{re.escape(_CLOSERS)}]*")
_EN_END = re.compile(rf"[.!?]+[{re.escape(_CLOSERS)}]*(?=\s+[{re.escape(_OPENERS)}\w])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Segment:
    """A sentence (or a heading, list item, cue) with its language and position."""

    text: str
    lang: str
    location: Location
    block: int = 0  # index of the block it came from


@lru_cache(maxsize=1)
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(never ending, possibly ending) abbreviations, lower-cased, from the data file."""
    never: set[str] = set()
    maybe: set[str] = set()
    text = resources.files("tm.data").joinpath("abbreviations.en.txt").read_text("utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, flag = line.partition("|")
        (maybe if flag == "ambiguous" else never).add(word.lower())
    return frozenset(never), frozenset(maybe)


#: How far back a word before a full stop is looked for: longer than any abbreviation.
_WORD_REACH = 64
_NON_SPACE = re.compile(r"\S")


def _word_before(text: str, end: int) -> str | None:
    """The word ending at `end` (letters and inner dots, starting with a letter), or None.

    A bounded look back, not a regex over `text[:end]`: that copied and scanned the whole
    text before each full stop, which made a paragraph of one long line quadratic."""
    start = max(0, end - _WORD_REACH)
    match = _WORD_BEFORE.search(text, start, end)
    if match is None:
        return None
    if (
        match.start() == start
        and start > 0
        and text[start - 1].isascii()
        and (text[start - 1].isalpha() or text[start - 1] == ".")
    ):
        return "-" * _WORD_REACH  # a word longer than the reach: no abbreviation
    return match.group(1)


def _english_break_ok(text: str, end: int, stop: int) -> bool:
    """Whether the terminator text[end:stop] really ends a sentence."""
    if text[end] != ".":
        return True
    found = _word_before(text, end)
    if found is None:
        return True
    word = found.rstrip(".").lower()
    never, maybe = abbreviations()
    if word in never or (len(word) == 1 and word.isalpha()):
        return False  # Mr. / Co. / J. Smith
    if word == "no" or word in maybe:
        after = _NON_SPACE.search(text, stop)
        following = text[after.start() : after.start() + 3] if after else ""
        if word == "no":
            return not following[:1].isdigit()
        return following[:1].isupper() and not following.startswith(("Co", "Ltd", "Inc"))
    return True


def split_english(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of an English paragraph."""
    spans = []
    start = 0
    for match in _EN_END.finditer(text):
        if _english_break_ok(text, match.start(), match.end()):
            spans.append((start, match.end()))
            start = match.end()
            while start < len(text) and text[start].isspace():
                start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def split_chinese(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of a Chinese paragraph."""
    spans = []
    start = 0
    for match in _ZH_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and end < len(text) and text[end].isdigit():
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def block_language(block: Block, default: str = "en") -> str:
    """'zh' or 'en' for one block (see `tm.text.language`), `default` without letters."""
    return language.block_script(block, default)


def segment_block(block: Block, lang: str, index: int = 0) -> list[Segment]:
    """The sentences of one block; a block in a language we do not split stays whole."""
    text = block.text
    if block.kind in ("heading", "cue"):
        spans = [(0, len(text))] if text.strip() else []
    elif lang.startswith("zh"):
        spans = split_chinese(text)
    else:
        spans = split_english(text)
    out = []
    for start, end in spans:
        location = replace(block.location, column=start + 1) if start else block.location
        out.append(Segment(text[start:end].strip(), lang, location, index))
    return out


def segment_blocks(blocks: list[Block] | tuple[Block, ...], lang: str) -> list[Segment]:
    segments: list[Segment] = []
    for index, block in enumerate(blocks):
        segments.extend(segment_block(block, lang, index))
    return segments


def blocks_language(blocks: Sequence[Block]) -> str:
    """A document's language, "en", "zh-Hans" or "zh-Hant" (see `tm.text.language`)."""
    return language.blocks_language(blocks)


def split_by_language(blocks: tuple[Block, ...] | list[Block]) -> dict[str, list[Block]]:
    """A mixed document's blocks by script: {'en': [...], 'zh': [...]} (see
    `tm.text.language.split_by_language`)."""
    return language.split_by_language(blocks)
