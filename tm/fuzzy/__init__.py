"""Reuse at scale: fuzzy matches from an index, concordance, leverage analysis, pretranslation.

`tm.fuzzy.score` is the one fuzzy score of tm (its docstring defines the percentage);
`tm.fuzzy.match` finds matches through the store's index; `concordance`, `analyze` and
`pretranslate` build on them.
"""

from __future__ import annotations

from tm.fuzzy.match import Match, fuzzy_matches

__all__ = ["Match", "fuzzy_matches"]
