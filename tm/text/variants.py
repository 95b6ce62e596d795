"""The other forms a word may take: Simplified or Traditional characters (OpenCC's
phrase-aware tables), English singular or plural (from tm.text.english). Lookup and checks
use them alike."""

from __future__ import annotations

from functools import lru_cache

from tm.text.english import plural_forms
from tm.text.script import has_han

__all__ = ["plural_forms", "to_simplified", "to_traditional"]


@lru_cache(maxsize=2)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text) if has_han(text) else text


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text) if has_han(text) else text
