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
from tm.checks.name_pairs import pinyin_name_of
from tm.model import Finding
from tm.text.script import has_han


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
    """The text of a monolingual input, or the translation of a pair: the source is not the
    translator's to fix."""
    config = context.config
    role, text, lang = pair.sides()[-1]
    label = "translation" if role == "target" else "text"
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
            if match.group(1).lower() not in _DOUBLE_OK and not pinyin_name_of(
                match.group(0), pair.source if role == "target" else pair.target or ""
            ):  # Qian Qian for 钱前: a name in pinyin
                yield config.finding("doubled-word", f"“{match.group(0)}”: a word doubled", pair)
    unbalanced = _unbalanced(text, pair.source if role == "target" else None)
    if unbalanced:
        yield config.finding("brackets-unbalanced", f"unbalanced {unbalanced} in the {label}", pair)
    spaces = _spaces(text, lang, pair.source if role == "target" else None)
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


_QUOTES = {"“": 1, "”": -1, "‘": 1, "’": -1, "「": 1, "」": -1, "『": 1, "』": -1}


_MARKS = re.compile('[()（）\\[\\]【】《》〈〉“”‘’「」『』{}"]')


def _balance(text: str, quotes: bool) -> tuple[int, int]:
    """(brackets opened minus closed, quotation marks opened minus closed)."""
    if not _MARKS.search(text):
        return 0, 0
    pairs: list[list[str]] = _table()["pairs"]  # type: ignore[assignment]
    brackets = sum(text.count(o) - text.count(c) for o, c in pairs if o not in _QUOTES)
    if not quotes:
        return brackets, 0
    quote = sum(v * text.count(ch) for ch, v in _QUOTES.items() if ch not in "‘’")
    quote += _straight_balance(text)
    return brackets, quote


def _straight_balance(text: str) -> int:
    """Straight quotes opened minus closed: one after a space or an opening bracket (or at the
    start) opens, one after a word or a mark closes (`anyway."` ends a quotation opened in
    an earlier segment). Marks that cannot be told apart count by parity, as before."""
    opened = closed = 0
    for match in re.finditer('"', text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if before.isspace() or before in "([{—-":
            opened += 1
        elif after.isspace() or after in ".,;:!?)]}—-":
            closed += 1
        else:
            return text.count('"') % 2
    return opened - closed


def _unbalanced(text: str, source: str | None) -> str | None:
    """Brackets or quotes that do not close. A quotation spanning several sentences opens in
    one segment and closes in another: with a source, the translation is judged against the
    source's own balance; alone, only brackets are judged."""
    brackets, quotes = _balance(text, quotes=source is not None)
    if source is None:
        return "brackets" if brackets else None
    source_brackets, source_quotes = _balance(source, quotes=True)
    if brackets != source_brackets:
        return "brackets"
    if (quotes > 0) != (source_quotes > 0) or (quotes < 0) != (source_quotes < 0):
        return "quotation marks"
    if quotes == 0 and "”" in text and _misordered(text):
        return "quotation marks (a closing mark opens the quotation)"
    return None


def _misordered(text: str) -> bool:
    """”…” or “…“: balanced by count only if both marks are the same."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


_BREAK = re.compile(r"  |(?<![A-Za-z0-9,.;:!?]) | (?![A-Za-z0-9])")


def _spaces(text: str, lang: str, source: str | None = None) -> str | None:
    """Stray spaces. Two spaces in a row in a translation whose source breaks its lines the
    same way (subtitles: a space inside Chinese, two in English, where a caption line ended)
    keep the source's layout (a space in Chinese that does not sit between Latin words)."""
    if text != text.strip():
        return "leading or trailing space"
    if "  " in text and not langs.is_chinese(lang):
        if source is not None and has_han(source) and _BREAK.search(source.strip()):
            return None
        return "two spaces in a row"
    return None
