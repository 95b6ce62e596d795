"""What punctuation says about a bead, whatever the words: how its sentences end, and marks a
translation keeps.

- Ends: a bead whose Chinese ends in a question or a closing quotation mark and whose English
  does not (or the reverse) is less likely; so is one that ends inside a quotation on one side
  only (a turn of speech the English splits into sentences, 'No more for today! / Tomorrow,
  if you like.', is open between them): on MAC-Dev's gold, 2% of beads against 12% for a
  Chinese bead and the next English one. That one is priced as speech is (a turn of speech
  cut on one side only), the others at the ends' own weight.
- Marks kept: quoted speech. On MAC-Dev's gold beads the Chinese and the English disagree on
  holding quoted speech in 3% of beads, against 23% for a Chinese bead and the next English
  one; a quoted term (“十四五”, 'the "Red Coast" base') is not speech, since Chinese quotes
  names and slogans that English often leaves bare. (Exclamations on one side only were costed
  too, until held-out chapters did better without them.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is loaded when an alignment runs, not when tm.align is imported
    import numpy as np

_ZH_CLOSE = "”」』’\"'"
_EN_CLOSE = "'\"’”"

#: Opening quotation marks: curly and corner marks, or a straight one before a word (a
#: closing quote or an apostrophe follows a word instead).
_ZH_OPEN = re.compile(r"[“「『‘]|(?:^|(?<=[\s：:，,（(]))[\"'](?=\S)")
_EN_OPEN = re.compile(r"[“‘]|(?:^|(?<=[\s(\[—\u2013-]))[\"'](?=\S)")
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"', "'": "'"}
#: Punctuation inside a quotation that makes it speech rather than a quoted name or term.
_CLAUSE = re.compile(r"[，。！？；：…,.!?;:—]")


def end_flags(text: str, chinese: bool) -> int:
    """Bit 1: the sentence ends with a closing quotation mark; bit 2: with a question mark
    (before the quote, if any)."""
    close = _ZH_CLOSE if chinese else _EN_CLOSE
    tail = text.strip()
    flags = 0
    if len(tail) > 1 and tail[-1] in close:
        flags |= 1
        tail = tail.rstrip(close)
    if tail and tail[-1] in "?？":
        flags |= 2
    return flags


def has_speech(text: str, chinese: bool) -> bool:
    """Whether a quotation in the sentence is speech: it holds clause punctuation (“好！”,
    'Why not try me?') or runs on past the sentence."""
    for found in (_ZH_OPEN if chinese else _EN_OPEN).finditer(text):
        close = _PAIRS[found.group()]
        rest = text[found.end() :]
        if not chinese and close in "’'":  # an apostrophe (don’t) does not close a quotation
            end = re.search(close + "(?![A-Za-z])", rest)
        else:
            end = re.search(re.escape(close), rest)
        if end is None or _CLAUSE.search(rest[: end.start()]):
            return True
    return False


#: The marks a translation keeps, in the order of their weights (calibration.json "marks").
MARKS: dict[str, Callable[[str, bool], bool]] = {
    "speech": has_speech,
}


#: Bit 3 of `end_table`: a quotation is still open when the sentence ends.
OPEN = 4


def _closer(mark: str, chinese: bool) -> re.Pattern[str]:
    """The mark closing a quotation opened by `mark`: in English a single quote after a word
    and not before a letter (an apostrophe: don't), so that a nested quotation or an
    apostrophe inside does not close it."""
    close = _PAIRS[mark]
    if not chinese and close in "’'":
        return re.compile(r"(?<=\S)" + close + "(?![A-Za-z])")
    return re.compile(re.escape(close))


def quote_open(sentences: list[str], chinese: bool) -> list[bool]:
    """Whether a quotation is still open at the end of each sentence, carried from sentence
    to sentence: a turn of speech that runs over several sentences ('No more for today! /
    Tomorrow, if you like.') is open between them. A sentence opening with a quotation mark
    starts afresh, so that a quotation never closed (a slip, or the British style of
    reopening each paragraph of a long speech) does not run on."""
    opener = _ZH_OPEN if chinese else _EN_OPEN
    found: list[bool] = []
    closer: re.Pattern[str] | None = None  # the open quotation's closing mark
    for text in sentences:
        at = 0
        if closer is not None and opener.match(text.lstrip()):
            closer = None
        while True:
            if closer is not None:
                end = closer.search(text, at)
                if end is None:
                    break
                closer, at = None, end.end()
            else:
                start = opener.search(text, at)
                if start is None:
                    break
                closer, at = _closer(start.group(), chinese), start.end()
        found.append(closer is not None)
    return found


def end_table(sentences: list[str], chinese: bool) -> np.ndarray:
    """Each sentence's `end_flags`, with `OPEN` when a quotation is still open at its end (one
    0 for no sentence, so that indexing stays valid)."""
    import numpy as np

    opened = quote_open(sentences, chinese)
    return np.array(
        [end_flags(s, chinese) | (OPEN if o else 0) for s, o in zip(sentences, opened, strict=True)]
        or [0]
    )


def mark_counts(sentences: list[str], chinese: bool) -> np.ndarray:
    """Running counts of the sentences holding each mark (rows 0..n, a column per mark of
    `MARKS`): whether a run of sentences holds one is a difference of two rows."""
    import numpy as np

    found = np.array(
        [[holds(s, chinese) for holds in MARKS.values()] for s in sentences], dtype=int
    ).reshape(len(sentences), len(MARKS))
    return np.concatenate([np.zeros((1, len(MARKS)), dtype=int), np.cumsum(found, axis=0)])
