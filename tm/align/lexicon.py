"""Bilingual evidence for the aligner and term extraction: CC-CEDICT glosses for Chinese
words, the memory's approved terms, numbers and Latin names shared by both sides.

The language resources themselves (CC-CEDICT tables and their cache, pinyin, jieba, English
stems and stop words) moved to tm.lexicon and tm.text.english; re-exported here for branches
merged later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tm.lexicon.cache import GLOSS_TABLE_VERSION
from tm.lexicon.cedict import acronym_headwords, cedict, definitions
from tm.lexicon.pinyin import pinyin_forms, transliterates
from tm.lexicon.tokenizer import chinese_tokens, tagged_tokens
from tm.text.english import english_stems, gloss_stop_words, stem

__all__ = [
    "GLOSS_TABLE_VERSION",
    "LEXICON",
    "STOP",
    "acronym_headwords",
    "cedict",
    "chinese_renderings",
    "chinese_tokens",
    "definitions",
    "english_names",
    "english_stems",
    "glosses",
    "pinyin_forms",
    "rendering_glosses",
    "spelled_initials",
    "stem",
    "tagged_tokens",
    "term_glosses",
    "transliterates",
]

LEXICON = "cc-cedict+tm-terms"  # named in results' signatures

#: Words glosses and the English weighed against them leave out (tm/text/data).
STOP = gloss_stop_words()
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&\-]*[A-Za-z0-9]|[A-Za-z]")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'’][a-z]+)+\b|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def english_names(text: str) -> set[str]:
    """Names as Chinese readings would spell them: hyphenated (Bao-yu -> baoyu) and runs of
    capitalised words (Teng Yingming -> tengyingming), stemmed."""
    names = set()
    for match in _NAME.finditer(text):
        words = re.split(r"[\s\-'’]+", match.group())
        for start in range(len(words)):
            for end in range(start + 1, min(start + 3, len(words)) + 1):
                joined = "".join(words[start:end]).lower()
                if len(joined) > 3:
                    names.add(stem(joined))
    return names


def spelled_initials(letters: str, token_glosses: list[frozenset[str]]) -> int:
    """How many tokens, from the first, start with the acronym's letters in turn through one
    of their glosses (中国 China + 电力 Power spell the C, P of CPID)."""
    k = 0
    while (
        k < len(token_glosses)
        and k < len(letters)
        and any(g.startswith(letters[k]) for g in token_glosses[k])
    ):
        k += 1
    return k


def glosses(token: str, extra: dict[str, frozenset[str]] | None = None) -> frozenset[str]:
    """Stems a Chinese token may be translated by; a word CC-CEDICT lacks is glossed by its
    characters. Latin names and numbers inside Chinese stand for themselves."""
    if extra and token in extra:
        return extra[token]
    if _DIGITS.fullmatch(token):
        return frozenset({token.replace(",", "")})
    if _LATIN.fullmatch(token):
        return frozenset({stem(token.lower())})
    table = cedict()
    found = table.get(token)
    if found:
        return found
    if len(token) > 1:
        merged: set[str] = set()
        for char in token:
            merged.update(table.get(char, ()))
        return frozenset(merged)
    return frozenset()


def chinese_renderings(pairs: Iterable[tuple[str, str, str, str]]) -> dict[str, list[str]]:
    """Glossary pairs (text, lang, text, lang), either way round, as Chinese term -> its
    English renderings."""
    from tm import lang as langs

    table: dict[str, list[str]] = {}
    for a, a_lang, b, b_lang in pairs:
        if langs.is_chinese(a_lang) and not langs.is_chinese(b_lang):
            table.setdefault(a, []).append(b)
        elif langs.is_chinese(b_lang) and not langs.is_chinese(a_lang):
            table.setdefault(b, []).append(a)
    return table


def rendering_glosses(renderings: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Chinese term -> stems of its English renderings, as extra lexicon entries (they take
    precedence over CC-CEDICT)."""
    table = {zh: frozenset(english_stems(" ".join(ens))) for zh, ens in renderings.items()}
    return {zh: stems for zh, stems in table.items() if stems}


def term_glosses(pairs: Iterable[tuple[str, str, str, str]]) -> dict[str, frozenset[str]]:
    """Glossary pairs (text, lang, text, lang) as extra lexicon entries: Chinese term ->
    stems of its English renderings."""
    return rendering_glosses(chinese_renderings(pairs))
