"""What punctuation says about a bead, whatever the words: how its sentences end, and marks a
translation keeps.

- Ends: a bead whose Chinese ends in a question or a closing quotation mark and whose English
  does not (or the reverse) is less likely.
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


def end_table(sentences: list[str], chinese: bool) -> np.ndarray:
    """Each sentence's `end_flags` (one 0 for no sentence, so that indexing stays valid)."""
    import numpy as np

    return np.array([end_flags(s, chinese) for s in sentences] or [0])


def mark_counts(sentences: list[str], chinese: bool) -> np.ndarray:
    """Running counts of the sentences holding each mark (rows 0..n, a column per mark of
    `MARKS`): whether a run of sentences holds one is a difference of two rows."""
    import numpy as np

    found = np.array(
        [[holds(s, chinese) for holds in MARKS.values()] for s in sentences], dtype=int
    ).reshape(len(sentences), len(MARKS))
    return np.concatenate([np.zeros((1, len(MARKS)), dtype=int), np.cumsum(found, axis=0)])
