"""Drift from the memory: a segment the memory already holds (exactly, or nearly by edit
similarity) whose translation differs from the memory's. chrF (sacrebleu) says how far."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from tm import lang as langs
from tm.checks.core import CheckPair, Context, Memory
from tm.model import Finding
from tm.text.fold import fold

T = TypeVar("T")
_Index = tuple[list[str], list[str], dict[str, int], dict[str, int]]


#: What was read from each memory, by what was asked, with the memory's data version then.
#: Held weakly: a closed and dropped memory takes its entries with it.
_READ: weakref.WeakKeyDictionary[Memory, dict[tuple[str, ...], tuple[object, Any]]] = (
    weakref.WeakKeyDictionary()
)


def _read(memory: Memory, key: tuple[str, ...], build: Callable[[], T]) -> T:
    """`build()`, reused while the memory's data stay as they were (a write since, by this
    connection or another, reads it again)."""
    version = memory.data_version()
    reads = _READ.setdefault(memory, {})
    hit = reads.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]  # type: ignore[no-any-return]
    value = build()
    reads[key] = (version, value)
    return value


def _memory_index(memory: Memory, source_lang: str, target_lang: str) -> _Index:
    """(source texts, their translations, source index, translation index) of the memory's
    segments in this pair."""
    return _read(
        memory,
        ("index", source_lang, target_lang),
        lambda: _build_index(memory, source_lang, target_lang),
    )


def _build_index(memory: Memory, source_lang: str, target_lang: str) -> _Index:
    sources: list[str] = []
    targets: list[str] = []
    for stored in memory.units(kind="segment", src=source_lang, tgt=target_lang):
        unit = stored.unit
        if len(unit.variants) == 2:
            sources.append(unit.variants[0].text)
            targets.append(unit.variants[1].text)
    by_source = {fold(s): i for i, s in enumerate(sources)}
    by_target = {fold(t): i for i, t in enumerate(targets)}
    return sources, targets, by_source, by_target


def chrf(hypothesis: str, reference: str) -> float:
    from sacrebleu.metrics import CHRF

    return CHRF().sentence_score(hypothesis, [reference]).score


def _nearest(
    text: str, lang: str, target_lang: str | None, context: Context
) -> tuple[str, float, str] | None:
    """The memory's source most like `text` by the one fuzzy score (tm.fuzzy), if it is at
    least `drift_min_similarity` % alike: (source, score, its translation)."""
    from tm.fuzzy.match import fuzzy_matches

    found = fuzzy_matches(
        context.memory,
        text,
        context.config.threshold("drift_min_similarity"),
        1,
        lang=lang,
        target_lang=target_lang,
    )
    return (found[0].source, found[0].score, found[0].target) if found else None


def _monolingual_drift(pair: CheckPair, context: Context) -> Iterator[Finding]:
    """A release sentence the memory holds nearly word for word, with other numbers or dates:
    a republished release whose date or figure changed by mistake."""
    from tm.checks.numbers import values

    best = _nearest(pair.source, langs.canonical(pair.source_lang), None, context)
    if best is None:
        return
    remembered = best[0]
    mine = set(values(pair.source, pair.source_lang, explicit=True))
    theirs = set(values(remembered, pair.source_lang, explicit=True))
    if mine != theirs:
        changed = ", ".join(sorted(mine - theirs)) or "a number"
        yield context.config.finding(
            "number-mismatch",
            f"{changed} where the memory's version of this sentence ({best[1]:.0f}% alike) "
            f"has {', '.join(sorted(theirs - mine)) or 'none'}",
            pair,
            suggestion=remembered,
        )


def check_drift(pair: CheckPair, context: Context) -> Iterator[Finding]:
    memory = context.memory
    if memory is None:
        return
    if not pair.bilingual:
        yield from _monolingual_drift(pair, context)
        return
    if not pair.target or pair.target_lang is None:
        return
    sources, targets, exact, rendered = _memory_index(
        memory, langs.canonical(pair.source_lang), langs.canonical(pair.target_lang)
    )
    if not sources:
        return
    # The other direction: this translation is the memory's rendering of another source.
    other = rendered.get(fold(pair.target))
    if other is not None and fold(sources[other]) != fold(pair.source):
        yield context.config.finding(
            "segment-inconsistent",
            f"the memory gives this translation to another source: “{sources[other]}”",
            pair,
        )
    index = exact.get(fold(pair.source))
    similarity = 100.0
    if index is None:
        best = _nearest(
            pair.source,
            langs.canonical(pair.source_lang),
            langs.canonical(pair.target_lang),
            context,
        )
        if best is None:
            return
        _choice, similarity, remembered = best
    else:
        remembered = targets[index]
    if fold(remembered) == fold(pair.target):
        return
    score = chrf(pair.target, remembered)
    match = "the memory's" if similarity == 100 else f"a {similarity:.0f}% match in the memory"
    yield context.config.finding(
        "memory-drift",
        f"translated differently from {match} (chrF {score:.1f}): “{remembered}”",
        pair,
        suggestion=remembered,
    )
