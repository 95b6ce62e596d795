"""Moved to tm.text.script; re-exported for branches merged later."""

from tm.text.script import HAN_RANGES, han_ratio, has_han, is_han

__all__ = ["HAN_RANGES", "han_ratio", "has_han", "is_han"]
