"""Traditional characters in a zh-Hans text, Simplified ones in a zh-Hant text, found with
OpenCC's conversion tables (phrase-aware, so 乾坤 and 头发 are not mistaken)."""

from __future__ import annotations

from collections.abc import Iterator

from tm import lang as langs
from tm.checks.core import CheckPair, Context
from tm.model import Finding
from tm.text.script import has_han
from tm.text.variants import to_simplified, to_traditional


def foreign_characters(text: str, lang: str) -> list[str]:
    """Characters of the other script: those the conversion changes and whose converted form
    converts back to them (a character with two readings, like 乾/干, is left alone)."""
    if not has_han(text):
        return []
    if langs.canonical(lang) == "zh-Hant":
        convert, back = to_traditional, to_simplified
    else:
        convert, back = to_simplified, to_traditional
    converted = convert(text)
    if converted == text or len(converted) != len(text):
        return []
    found = []
    for original, other in zip(text, converted, strict=True):
        if original != other and back(other) == original and original not in found:
            found.append(original)
    return found


def check_script(pair: CheckPair, context: Context) -> Iterator[Finding]:
    for role, text, lang in pair.sides():
        if not langs.is_chinese(lang):
            continue
        found = foreign_characters(text, lang)
        if found:
            script = "Traditional" if langs.canonical(lang) != "zh-Hant" else "Simplified"
            label = "translation" if role == "target" else "source"
            corrected = (to_simplified if script == "Traditional" else to_traditional)(text)
            yield context.config.finding(
                "script-mixed",
                f"{script} characters in the {langs.canonical(lang)} {label}: {' '.join(found)}",
                pair,
                suggestion=corrected,
            )
