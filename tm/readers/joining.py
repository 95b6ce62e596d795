"""Joining lines that belong to one paragraph or caption: a space between Latin words, nothing
between Chinese characters (a line break inside Chinese text is not a word boundary)."""

from __future__ import annotations

from tm.text.script import is_han

_CJK_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』…—～·")


def _tight(char: str) -> bool:
    return is_han(char) or char in _CJK_PUNCT


def join_lines(lines: list[str]) -> str:
    """The lines of one paragraph as one text: a space between them, none between two
    Chinese characters or punctuation. (A list joined once: linear in the paragraph.)"""
    parts: list[str] = []
    last = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if last and not (_tight(last) and _tight(line[0])):
            parts.append(" ")
        parts.append(line)
        last = line[-1]
    return "".join(parts)
