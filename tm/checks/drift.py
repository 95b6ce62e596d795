"""Drift from the memory: a segment the memory already holds (exactly, or nearly by edit
similarity) whose translation differs from the memory's. chrF (sacrebleu) says how far."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from tm import lang as langs
from tm.checks.core import CheckPair, Context
from tm.memory.normalize import fold
from tm.model import Finding


@lru_cache(maxsize=8)
def _memory_index(memory: object, source_lang: str, target_lang: str):  # type: ignore[no-untyped-def]
    """(source texts, their translations) of the memory's segments in this pair."""
    sources: list[str] = []
    targets: list[str] = []
    for stored in memory.units(kind="segment", src=source_lang, tgt=target_lang):  # type: ignore[attr-defined]
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
