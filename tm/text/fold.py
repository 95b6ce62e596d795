"""Folding used to find a term whatever its surface form: width, case, hyphen or space.

Kept tiny and dependency-free because it runs on every stored term; richer matching
(plural, simplified/traditional) belongs to lookup.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014\u2212\s]+")


@lru_cache(maxsize=1 << 14)
def fold(text: str) -> str:
    """NFKC (full-width to half-width), case-folded, hyphens and runs of space as one space."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _DASHES.sub(" ", folded).strip()
