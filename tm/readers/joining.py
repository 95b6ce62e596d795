"""Joining lines that belong to one paragraph or caption: a space between Latin words, nothing
between Chinese characters (a line break inside Chinese text is not a word boundary)."""

from __future__ import annotations

from tm.text.script import is_han

_CJK_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』…—～·")


def _tight(char: str) -> bool:
    return is_han(char) or char in _CJK_PUNCT


def join_lines(lines: list[str]) -> str:
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if out and not (_tight(out[-1]) and _tight(line[0])):
            out += " "
        out += line
    return out
