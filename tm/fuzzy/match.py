"""Fuzzy matches from the memory's index: exact copies by key, then a shortlist, rescored.

1. The query's exact key (tm.fuzzy.index) finds its copies, up to folding, at once; when they
   fill `limit`, nothing else is read.
2. A length window: a text of m tokens cannot score `s` % against n tokens unless
   `n·s ≤ m ≤ n/s`, so posting lists are read only within that window.
3. Grams are read rarest first (a count is the sum of its posting rows' sizes). A text within
   `d = floor(n(1-s)/s)` edits of the query lacks at most `2d` of the query's grams, so it holds
   one of any `2d+1` of them (the prefix filter of similarity joins); a gram no text holds
   counts among the `2d` for free, so a query unlike anything stored (most of its grams
   unknown) reads little or nothing. The guarantee is kept for a minimum of 75 or more.
4. Two rounds: the first reads the few rarest grams that guarantee every match of 90 % or
   more; when that already gives `limit` matches (a near-duplicate, an exact copy), the
   second is skipped. The second reads the prefix for the minimum (or for the `limit`-th
   score found, when higher), plus commoner grams while a budget lasts so that the units
   sharing most grams rank first.
5. The units sharing most grams are rescored on their text by the one scorer
   (tm.fuzzy.score), after a cheap edit-distance bound on the index tokens drops those that
   cannot reach the minimum, and ordered by score, then shorter length difference, then text,
   then unit id: a fixed order for ties.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import Any

from tm import lang as langs
from tm.fuzzy.index import exact_key, gram_ids, namespace
from tm.fuzzy.score import Tokens, diff, index_tokens, score_tokens, tokens

#: Posting-list entries (counted over all lengths) read beyond the guaranteed prefix.
POSTING_BUDGET = 15_000
#: ... and at most this many within it: a query whose rarest grams are all very common (a
#: sentence from another domain, made of the commonest words) is answered best effort.
HARD_BUDGET = 150_000
#: The first round's assumption (step 4) and its budget beyond its prefix.
OPTIMISTIC = 90
FIRST_BUDGET = 4_000
#: Units rescored per round (at least; more for a larger `limit`): the first round's are the
#: units sharing most of a few rare grams, where matches of 90 % or more rank high.
SHORTLIST = 48
FIRST_SHORTLIST = 16
#: The guarantee (every text at or above the minimum is seen) is kept down to this score;
#: below it (analysis's 50-74 band) every gram of the query would have to be read, so matches
#: there are found best effort, within the budget.
GUARANTEE_FLOOR = 75


@dataclass(frozen=True)
class Match:
    """One fuzzy match: the stored source and its translation, the score, the unit id, and
    the query's character spans that differ."""

    source: str
    target: str
    score: int
    unit: int
    diff: list[list[int]] = field(default_factory=list)
    source_lang: str = ""
    target_lang: str = ""
    origin: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape (`tm lookup --json`): the fields, in order."""
        return asdict(self)


def query_language(text: str) -> str:
    """The query's language. The one place the lead re-points to tm.text.language.detect."""
    from tm.text.language import detect

    return detect(text)


def window(length: int, min_score: float) -> tuple[int, int]:
    """Lengths (in tokens) a text can have and still score `min_score` against `length`."""
    s = max(min_score, 1.0) / 100
    return max(1, math.ceil(length * s - 1e-9)), max(1, math.floor(length / s + 1e-9))


def needed(length: int, threshold: float, unknown: int) -> int:
    """How many of the query's known grams, rarest first, guarantee that every text scoring
    `threshold` or more is seen: `2d+1`, less the grams no text holds."""
    s = max(threshold, GUARANTEE_FLOOR) / 100
    edits = math.floor(length * (1 - s) / s + 1e-9)
    return max(0, 2 * edits + 1 - unknown)


def _choose(ordered: Sequence[tuple[int, int]], need: int, budget: int) -> list[int]:
    """The `need` rarest grams (at least 3 of them within HARD_BUDGET), then more while
    `budget` lasts. `ordered` is (count, gram), rarest first."""
    chosen: list[int] = []
    spent = 0
    for count, gram in ordered:
        within = len(chosen) >= need
        if spent + count > (budget if within else HARD_BUDGET) and (within or len(chosen) >= 3):
            break
        chosen.append(gram)
        spent += count
    return chosen


class _Search:
    """One query across the rounds: the units rescored so far, and those that matched."""

    def __init__(
        self,
        memory: Any,
        text: str,
        query_lang: str,
        kind: str,
        min_score: float,
        target_lang: str | None,
    ) -> None:
        self.memory = memory
        self.query = tokens(text)
        self.folded = index_tokens(text)
        self.primary = langs.primary(query_lang)
        self.ns = namespace(query_lang, kind)
        self.kind = kind
        self.min_score = min_score
        self.target_lang = target_lang
        self.limit = 1
        self.seen: set[int] = set()
        self.scored: list[tuple[tuple[Any, ...], Tokens, Match]] = []
        self.top: list[int] = []  # the best `limit` scores found, best first

    def kth(self) -> int:
        """The `limit`-th best score found (0 while fewer are found)."""
        return self.top[-1] if len(self.top) >= self.limit else 0

    def rescore(self, unit_ids: Sequence[int]) -> None:
        from rapidfuzz.distance import Levenshtein

        fresh = [unit for unit in unit_ids if unit not in self.seen]
        self.seen.update(fresh)
        if not fresh:
            return
        query, n = self.query, len(self.folded)
        bar = max(self.min_score, self.kth())
        for unit_id, origin, variants in self.memory.fuzzy_texts(fresh, self.kind):
            for position, (source_lang, source_text, tags) in enumerate(variants):
                if langs.primary(source_lang) != self.primary:
                    continue
                # The score is at most the edit-distance base (penalties only subtract): a
                # text that cannot reach the minimum, or tie the `limit`-th score found, is
                # not cut in full (one spare edit: the index tokens may differ from the
                # scorer's where OpenCC changes a length).
                cheap = _cheap_tokens(source_text)
                bound = math.floor(max(n, len(cheap)) * (1 - bar / 100) + 1e-9) + 1
                if Levenshtein.distance(self.folded, cheap, score_cutoff=bound) > bound:
                    break
                candidate = tokens(source_text, tags)
                value = score_tokens(query, candidate)
                if value < self.min_score:
                    break
                target = _target(variants, position, self.primary, self.target_lang)
                if target is None:
                    break
                order = (
                    -value,
                    abs(len(candidate.folded) - len(query.folded)),
                    source_text,
                    target[1],
                    unit_id,
                )
                match = Match(
                    source_text, target[1], value, unit_id, [], source_lang, target[0], origin
                )
                self.scored.append((order, candidate, match))
                self.top = sorted([*self.top, value], reverse=True)[: self.limit]
                bar = max(self.min_score, self.kth())
                break  # one source per unit

    def run(self, limit: int) -> list[Match]:
        self.limit = limit
        self.rescore(self.memory.fuzzy_exact(exact_key(self.ns, self.folded)))
        if self.folded and self.kth() < 100:
            self._rounds(limit)
        self.scored.sort(key=lambda entry: entry[0])
        # The differing spans, for the matches returned only.
        return [
            replace(match, diff=diff(self.query, candidate))
            for _order, candidate, match in self.scored[:limit]
        ]

    def _rounds(self, limit: int) -> None:
        memory, n = self.memory, len(self.folded)
        grams = gram_ids(self.ns, self.folded)
        counts = memory.fuzzy_gram_counts(grams)
        unknown = len(grams) - len(counts)
        ordered = sorted((count, gram) for gram, count in counts.items())
        guaranteed = self.min_score >= GUARANTEE_FLOOR
        first = max(self.min_score, OPTIMISTIC)
        if needed(n, first, unknown) < needed(n, self.min_score, unknown):
            chosen = _choose(ordered, needed(n, first, unknown), FIRST_BUDGET)
            size = max(FIRST_SHORTLIST, 4 * limit)
            shortlist = memory.fuzzy_shortlist(chosen, *window(n, first), size)
            self.rescore([unit for unit, _shared in shortlist])
            if self.kth() >= first:
                return
        need = needed(n, max(self.min_score, self.kth()), unknown)
        if guaranteed and need == 0:
            return  # too many of the query's grams are unknown for any text to score enough
        chosen = _choose(ordered, need, POSTING_BUDGET)
        size = max(SHORTLIST, 4 * limit)
        shortlist = memory.fuzzy_shortlist(chosen, *window(n, self.min_score), size)
        self.rescore([unit for unit, _shared in shortlist])


@lru_cache(maxsize=1 << 15)
def _cheap_tokens(text: str) -> tuple[str, ...]:
    """A stored text's index tokens, for the bound in `_Search.rescore` (the same texts come
    back for the segments of one document)."""
    return tuple(index_tokens(text))


def fuzzy_matches(
    memory: Any,
    text: str,
    min_score: float = 75,
    limit: int = 5,
    *,
    lang: str | None = None,
    target_lang: str | None = None,
    kind: str = "segment",
    progress: Callable[[int, int], None] | None = None,
) -> list[Match]:
    """The memory's best matches for `text`, at least `min_score` %, best first, at most
    `limit`. Each stored text in the query's language (any script for Chinese) is a source;
    its unit's variants in another language (or `target_lang`) are the targets.

    A memory made before the index existed is indexed first (`progress(done, total)`)."""
    memory.ensure_fuzzy_index(progress)
    query_lang = langs.canonical(lang or query_language(text))
    return _Search(memory, text, query_lang, kind, min_score, target_lang).run(max(1, limit))


def _target(
    variants: list[tuple[str, str, int]], source: int, primary: str, target_lang: str | None
) -> tuple[str, str, int] | None:
    for position, variant in enumerate(variants):
        if position == source:
            continue
        if target_lang is not None:
            if langs.matches(target_lang, variant[0]):
                return variant
        elif langs.primary(variant[0]) != primary:
            return variant
    return None
