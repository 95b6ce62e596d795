"""Fuzzy matches from the memory's index: exact copies by key, then a shortlist, rescored.

1. The query's exact key (tm.fuzzy.index) finds its copies, up to folding, at once.
2. A length window: a text of m tokens cannot score `s` % against n tokens unless
   `n·s ≤ m ≤ n/s`, so posting lists are read only within that window.
3. Grams are read rarest first (their counts are kept in `fuzzy_df`). A text within
   `d = floor(n(1-s)/s)` edits of the query shares all but at most `2d` of its grams, so it holds at
   least one of the query's `2d+1` rarest: reading those guarantees the candidate is seen (the
   prefix filter of similarity joins) for a minimum of 75 or more. Commoner grams are read too
   while the budget lasts, so a query made of the commonest words stays fast.
4. The units sharing most grams are rescored on their text by the one scorer
   (tm.fuzzy.score), and ordered by score, then shorter length difference, then text, then
   unit id: a fixed order for ties.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from tm import lang as langs
from tm.fuzzy.index import exact_key, gram_ids, namespace
from tm.fuzzy.score import Tokens, diff, index_tokens, score_tokens, tokens

#: Posting-list entries read per query beyond the guaranteed prefix.
POSTING_BUDGET = 40_000
#: ... and at most this many within it: a query whose rarest grams are all very common (a
#: sentence from another domain, made of the commonest words) is answered best effort.
HARD_BUDGET = 150_000
#: Units rescored per query (at least; more for a larger `limit`).
SHORTLIST = 48
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


def _candidate_units(store: Any, ns: str, query: Tokens, min_score: float, limit: int) -> list[int]:
    folded = index_tokens(query.text)
    found = store.fuzzy_exact(exact_key(ns, folded))
    n = len(folded)
    if n == 0:
        return found
    grams = gram_ids(ns, folded)
    counts = store.fuzzy_gram_counts(grams)
    s = max(min_score, GUARANTEE_FLOOR) / 100
    edits = math.floor(n * (1 - s) / s + 1e-9)
    guaranteed = 2 * edits + 1
    chosen: list[int] = []
    spent = 0
    for gram in sorted(counts, key=lambda g: (counts[g], g)):
        budget = POSTING_BUDGET if len(chosen) >= guaranteed else HARD_BUDGET
        if len(chosen) >= 3 and spent + counts[gram] > budget:
            break
        chosen.append(gram)
        spent += counts[gram]
    shortest, longest = window(n, min_score)
    shortlist = store.fuzzy_shortlist(chosen, shortest, longest, max(SHORTLIST, 4 * limit))
    known = set(found)
    return found + [unit for unit, _shared in shortlist if unit not in known]


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
    ns = namespace(query_lang, kind)
    query = tokens(text)
    unit_ids = _candidate_units(memory, ns, query, min_score, limit)
    if not unit_ids:
        return []
    primary = langs.primary(query_lang)
    scored: list[tuple[tuple[Any, ...], Tokens, Match]] = []
    for unit_id, origin, variants in memory.fuzzy_texts(unit_ids, kind):
        for position, (source_lang, source_text, tags) in enumerate(variants):
            if langs.primary(source_lang) != primary:
                continue
            candidate = tokens(source_text, tags)
            value = score_tokens(query, candidate)
            if value < min_score:
                break
            target = _target(variants, position, primary, target_lang)
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
            scored.append((order, candidate, match))
            break  # one source per unit
    scored.sort(key=lambda entry: entry[0])
    # The differing spans, for the matches returned only.
    return [
        replace(match, diff=diff(query, candidate)) for _order, candidate, match in scored[:limit]
    ]


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
