"""Which language a text is in: English, Simplified Chinese or Traditional Chinese.

The one place every command asks (align, check, terms, glossary import, lookup, score), so
that the same text is never tagged two ways. The rule, in two steps:

1. **Script.** Chinese when the text has at least as many Han characters as Latin-script
   words (a Han character and a word each carry about one unit of meaning, so `SPIC的储能`
   is Chinese and an English sentence naming 高平 is English), English (any Latin-script
   text) otherwise. A text without letters (numbers, a date) is neither; callers say what
   it defaults to.
2. **Simplified or Traditional** (Chinese only). OpenCC converts the text both ways (its
   phrase-aware s2t and t2s tables); a character that changes under t2s is written in
   Traditional, one that changes under s2t is written in Simplified. Only these
   script-distinctive characters vote, and Traditional needs a clear majority: more than
   twice as many Traditional as Simplified characters. A tie, no distinctive character at
   all, or a mainland text with the odd 開 or 於 in a name or quotation, is Simplified.

A document is decided by its blocks (most of its first 50 blocks, each by step 1), then by
step 2 over its Chinese blocks (their first 20,000 characters). A tag a user gives agrees
with the text when it names the same script (any Latin-script language for English) and, for
Chinese, the same Hans/Hant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from tm import lang as langs
from tm.errors import UsageError
from tm.model import Block
from tm.text.script import HAN_RANGES, has_han

EN = "en"
HANS = "zh-Hans"
HANT = "zh-Hant"

#: Traditional needs more than this many times the Simplified-distinctive characters.
HANT_MAJORITY = 2
#: How many characters of a document's Chinese decide Simplified or Traditional.
VOTING_CHARACTERS = 20_000
#: How many of a document's first blocks decide its language.
DOCUMENT_BLOCKS = 50

_HAN = re.compile("[" + "".join(f"{a}-{b}" for a, b in HAN_RANGES) + "]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


NAMES = {EN: "English", HANS: "Simplified Chinese", HANT: "Traditional Chinese"}


def script(text: str) -> str | None:
    """'zh' when Han characters are at least as many as Latin words, 'en' when fewer, None
    for a text with neither."""
    han = han_count(text)
    words = len(_LATIN_WORD.findall(text))
    if not han and not words:
        return None
    return "zh" if han >= words else "en"


def chinese_variant(text: str) -> str:
    """zh-Hant when Traditional-distinctive characters are a clear majority, else zh-Hans."""
    if not has_han(text):
        return HANS
    simplified_votes, traditional_votes = _votes(text)
    if traditional_votes > HANT_MAJORITY * simplified_votes:
        return HANT
    return HANS


@lru_cache(maxsize=256)
def _votes(text: str) -> tuple[int, int]:
    """(Simplified-distinctive, Traditional-distinctive) character counts of `text`."""
    to_traditional, to_simplified = _converter("s2t").convert, _converter("t2s").convert
    as_traditional = to_traditional(text)
    as_simplified = to_simplified(text)
    if len(as_traditional) != len(text) or len(as_simplified) != len(text):
        # A phrase table changed the length (rare): compare character by character instead.
        as_traditional = "".join(to_traditional(ch) for ch in text)
        as_simplified = "".join(to_simplified(ch) for ch in text)
        if len(as_traditional) != len(text) or len(as_simplified) != len(text):
            return 0, 0
    simplified = sum(1 for a, b in zip(text, as_traditional, strict=True) if a != b)
    traditional = sum(1 for a, b in zip(text, as_simplified, strict=True) if a != b)
    return simplified, traditional


@lru_cache(maxsize=2)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def detect(text: str, default: str = EN) -> str:
    """ "en", "zh-Hans" or "zh-Hant" for `text`; `default` for a text without letters."""
    found = script(text)
    if found is None:
        return default
    return chinese_variant(text) if found == "zh" else EN


def block_script(block: Block, default: str = "en") -> str:
    """'zh' or 'en' for one block of a document (`default` when it has no letters)."""
    return script(block.text) or default


def blocks_language(blocks: Sequence[Block], default: str = EN) -> str:
    """A document's language: the script of most of its first blocks, then Hans/Hant from
    all its Chinese blocks together. `default` when no block has letters."""
    first = [script(block.text) for block in blocks[:DOCUMENT_BLOCKS]]
    zh, en = first.count("zh"), first.count("en")
    if not zh and not en:
        return default
    if en >= zh:
        return EN
    return chinese_part_language(b for b in blocks if script(b.text) == "zh")


def split_by_language(blocks: Iterable[Block]) -> dict[str, list[Block]]:
    """A mixed document's blocks by script: {'en': [...], 'zh': [...]}, order kept; blocks
    without letters (numbers, dates) go with the language of the block before them."""
    parts: dict[str, list[Block]] = {"en": [], "zh": []}
    previous = "en"
    for block in blocks:
        lang = block_script(block, previous)
        parts[lang].append(block)
        previous = lang
    return parts


def chinese_part_language(blocks: Iterable[Block]) -> str:
    """zh-Hans or zh-Hant for the Chinese part of a document, from its first
    `VOTING_CHARACTERS` characters (plenty of evidence; a long book need not be converted)."""
    parts: list[str] = []
    size = 0
    for block in blocks:
        parts.append(block.text)
        size += len(block.text)
        if size >= VOTING_CHARACTERS:
            break
    return chinese_variant("".join(parts)[:VOTING_CHARACTERS])


def agrees(detected: str, tag: str) -> bool:
    """Whether a tag someone gave fits the detected language: the same script, and for
    Chinese the same Hans/Hant (zh-CN fits Simplified text; en-US, or de, fits Latin text)."""
    if langs.is_chinese(detected) != langs.is_chinese(tag):
        return False
    return not langs.is_chinese(tag) or langs.same(detected, tag)


def check_tag(tag: str, option: str) -> str:
    """`tag` if it is well-formed BCP 47, else a `UsageError` naming the option."""
    if not langs.is_well_formed(tag.strip()):
        raise UsageError(f"{option} {tag!r} is not a BCP 47 language tag (e.g. en, zh-Hans)")
    return tag.strip()


def resolve(detected: str, given: str | None, *, file: str | None, option: str) -> str:
    """The language to tag a text with: `given` when it agrees with `detected` (kept as the
    user wrote it), `detected` when nothing was given. Raises `UsageError` naming the file
    when they disagree."""
    if given is None:
        return detected
    given = check_tag(given, option)
    if not agrees(detected, given):
        raise UsageError(
            f"the text is {NAMES.get(detected, detected)}, but {option} says {given}", file=file
        )
    return given


def different(first: str, second: str, files: tuple[str, str]) -> None:
    """Raise `UsageError` when two inputs that should translate each other are in one language
    (Simplified and Traditional Chinese count as one here: neither is English)."""
    if langs.is_chinese(first) == langs.is_chinese(second):
        both = "Chinese" if langs.is_chinese(first) else "English"
        raise UsageError(
            f"the text is {both}, as is {files[0]}'s",
            file=files[1],
            hint="give a text and its translation",
        )
