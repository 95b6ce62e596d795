"""The one place that decides which terms occur in a text, for lookup and checks alike.

A term is found under any of its forms (`term_forms`): folded (width, case, hyphen or space),
in Simplified and Traditional characters, with its last English word singular or plural.
All forms of all terms go into one Aho-Corasick automaton (pyahocorasick), so a text is
scanned once whatever the number of terms. Latin ends of a term must sit on word boundaries
(green power is not in green powerful); Han needs none (打开Acme控制台 holds Acme).

A memory's terms are not all loaded for each lookup: `index_keys` gives every folded run of
a text a stored term could be, for the memory's index to narrow the candidates; the matcher
then decides among them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Generic, TypeVar

from tm.text.english import plural_forms
from tm.text.fold import fold
from tm.text.script import HAN_RANGES, has_han
from tm.text.variants import to_simplified, to_traditional

P = TypeVar("P")

#: (start, end, payloads) of a term found in a folded text: `fold(text)[start:end]`.
Match = tuple[int, int, tuple[P, ...]]


@lru_cache(maxsize=1 << 14)
def term_forms(term: str) -> frozenset[str]:
    """The folded forms `term` is found under: itself; in Simplified and Traditional
    characters when it holds Han; else with its last word singular or plural."""
    folded = fold(term)
    if not folded:
        return frozenset()
    forms = {folded}
    if has_han(folded):
        forms |= {to_simplified(folded), to_traditional(folded)}
    else:
        head, _, last = folded.rpartition(" ")
        forms |= {f"{head} {f}".strip() for f in plural_forms(last)}
    return frozenset(forms)


class TermMatcher(Generic[P]):
    """Terms, each with a payload (what the caller wants back), found in texts."""

    def __init__(self, terms: Iterable[tuple[str, P]]) -> None:
        import ahocorasick

        keys: dict[str, list[P]] = defaultdict(list)
        for text, payload in terms:
            for form in term_forms(text):
                keys[form].append(payload)
        self.automaton: Any = ahocorasick.Automaton()
        for key, payloads in keys.items():
            # Only a key starting or ending with a Latin letter or digit must match on a word
            # boundary there.
            latin_edge = _latin(key[0]) or _latin(key[-1])
            self.automaton.add_word(key, (key, tuple(payloads), latin_edge))
        if keys:
            self.automaton.make_automaton()
        self.empty = not keys
        self._found: dict[tuple[str, bool], list[Match[P]]] = {}

    def find(self, text: str, *, nested: bool = False) -> list[Match[P]]:
        """(start, end, payloads) of every term in `fold(text)`, in text order, on word
        boundaries for Latin. Of overlapping matches only the longest is kept, unless
        `nested` (then every term found is, as lookup lists them)."""
        if self.empty or not text:
            return []
        key = (text, nested)
        cached = self._found.get(key)
        if cached is None:
            if len(self._found) > 4096:  # pair and document checks ask about the same texts
                self._found.clear()
            folded = fold(text)
            cached = self._found[key] = self._all(folded) if nested else self._longest(folded)
        return cached

    def _longest(self, folded: str) -> list[Match[P]]:
        # The automaton's own longest-match scan runs in C; only when a match it picks is
        # not on a word boundary (green power in green powerful) are all matches weighed.
        found: list[Match[P]] = []
        for end, (key, payloads, latin_edge) in self.automaton.iter_long(folded):
            start = end - len(key) + 1
            if latin_edge and not _boundary(folded, start, end + 1):
                return _longest_of(self._all(folded))
            found.append((start, end + 1, payloads))
        return found

    def _all(self, folded: str) -> list[Match[P]]:
        found: list[Match[P]] = []
        for end, (key, payloads, latin_edge) in self.automaton.iter(folded):
            start = end - len(key) + 1
            if not latin_edge or _boundary(folded, start, end + 1):
                found.append((start, end + 1, payloads))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        return found


def _longest_of(found: list[Match[P]]) -> list[Match[P]]:
    longest: list[Match[P]] = []
    for match in found:
        if longest and match[0] < longest[-1][1]:
            if match[1] - match[0] > longest[-1][1] - longest[-1][0]:
                longest[-1] = match
            continue
        longest.append(match)
    return longest


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    first, last = text[start], text[end - 1]
    return not (_joins(before, first) or _joins(last, after))


def _latin(char: str) -> bool:
    return char.isalnum() and not has_han(char)


def _joins(left: str, right: str) -> bool:
    return left.isalnum() and right.isalnum() and not (has_han(left) or has_han(right))


#: Longest term looked for by index, in units (a Han character or a Latin word each).
MAX_TERM_UNITS = 16
_HAN = "".join(f"{a}-{b}" for a, b in HAN_RANGES)
_UNITS = re.compile(f"[{_HAN}]|[^\\W_{_HAN}]+")


def index_keys(text: str) -> set[str]:
    """Every folded form a stored term found in `text` could have: each run of up to
    MAX_TERM_UNITS characters or words, in Simplified and Traditional characters, with its
    last word singular or plural (and a final -s dropped, so the keys hold whatever
    `term_forms` may have matched). Looked up by index, this narrows a memory of any size to
    the terms the matcher then decides on."""
    keys: set[str] = set()
    folded = fold(text)
    for variant in {folded, to_simplified(folded), to_traditional(folded)}:
        units = [(m.start(), m.end()) for m in _UNITS.finditer(variant)]
        for i, (start, _end) in enumerate(units):
            for j in range(i, min(i + MAX_TERM_UNITS, len(units))):
                piece = variant[start : units[j][1]]
                last = variant[units[j][0] : units[j][1]]
                stem = piece[: len(piece) - len(last)]
                forms = plural_forms(last)
                if last.endswith("s") and len(last) > 2:
                    forms.add(last[:-1])
                keys.update(stem + form for form in forms)
    return keys
