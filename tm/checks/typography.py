"""Punctuation and typography, written to be quiet on correct Chinese: full-width （） and “”
in Chinese are right, half-width marks inside a Latin run or a number (CPID, Ltd.; 3.5; 9:30)
are right. What is flagged is what a proofreader would mark. The tables are data
(data/punctuation.json, after GB/T 15834-2011 and W3C clreq)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from tm import lang as langs
from tm.checks.core import CheckPair, Context
from tm.model import Finding
from tm.script import has_han


@lru_cache(maxsize=1)
def _table() -> dict[str, object]:
    text = resources.files("tm.checks").joinpath("data", "punctuation.json").read_text("utf-8")
    return json.loads(text)


_DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.IGNORECASE)
#: Doubled words that are English (had had, that that) are left alone.
_DOUBLE_OK = frozenset(
    {
        "had",
        "that",
        "is",
        "do",
        "no",
        "very",
        "bye",
        "so",
        "ha",
        "knock",
        "really",
        "far",
        "long",
        "more",
        "again",
        "over",
        "never",
        "round",
        "on",
        "go",
        "yeah",
        "oh",
        "hey",
        "no-no",
        "tut",
        "there",
        "well",
        "blah",
    }
)


def check_typography(pair: CheckPair, context: Context) -> Iterator[Finding]:
    config = context.config
    for role, text, lang in pair.sides():
        label = "translation" if role == "target" else "source"
        if langs.is_chinese(lang):
            marks = _halfwidth_in_chinese(text)
            if marks:
                shown = ", ".join(f"“{m}” → “{full}”" for m, full in marks)
                yield config.finding(
                    "punct-halfwidth", f"half-width punctuation in Chinese {label}: {shown}", pair
                )
        else:
            fullwidth = str(_table()["fullwidth_in_english"])
            wide = sorted({ch for ch in text if ch in fullwidth or "\uff01" <= ch <= "\uff5e"})
            if wide and not has_han(text):  # English quoting Chinese may quote its marks
                yield config.finding(
                    "punct-fullwidth",
                    f"full-width characters in English {label}: {' '.join(wide)}",
                    pair,
                )
            for match in _DOUBLED.finditer(text):
                if match.group(1).lower() not in _DOUBLE_OK:
                    yield config.finding(
                        "doubled-word", f"“{match.group(0)}”: a word doubled", pair
                    )
        unbalanced = _unbalanced(text)
        if unbalanced:
            yield config.finding(
                "brackets-unbalanced", f"unbalanced {unbalanced} in the {label}", pair
            )
        spaces = _spaces(text, lang)
        if spaces:
            yield config.finding("whitespace", f"{spaces} in the {label}", pair)


def _halfwidth_in_chinese(text: str) -> list[tuple[str, str]]:
    """Half-width marks with a Chinese character on either side."""
    table: dict[str, str] = _table()["halfwidth_in_chinese"]  # type: ignore[assignment]
    found: dict[str, str] = {}
    for i, ch in enumerate(text):
        if ch not in table:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch in "()":
            chinese = has_han(before) or has_han(after)
        else:
            chinese = has_han(before) and (
                not after or after == " " or has_han(after) or after in "“”‘’"
            )
        if chinese:
            found[ch] = table[ch]
    return list(found.items())


def _unbalanced(text: str) -> str | None:
    pairs: list[list[str]] = _table()["pairs"]  # type: ignore[assignment]
    for opening, closing in pairs:
        if opening == "‘" and text.count("’") > text.count("‘"):
            continue  # an apostrophe (it’s) is a closing single quote
        if text.count(opening) != text.count(closing):
            return f"{opening}{closing}"
    if text.count('"') % 2:
        return 'straight quotes "'
    return None


def _spaces(text: str, lang: str) -> str | None:
    if text != text.strip():
        return "leading or trailing space"
    if "  " in text and not langs.is_chinese(lang):
        return "two spaces in a row"
    return None
