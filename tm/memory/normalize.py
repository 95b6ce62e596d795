"""Moved to tm.text.fold; re-exported for branches merged later."""

from tm.text.fold import fold

__all__ = ["fold"]
