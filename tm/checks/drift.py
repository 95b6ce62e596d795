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


@lru_cache(maxsize=8)
def _memory_texts(memory: object, lang: str) -> list[str]:
    return [text for _id, text in memory.segment_texts(lang)]  # type: ignore[attr-defined]


def _nearest(text: str, texts: list[str], context: Context) -> tuple[str, float, int] | None:
    """The memory's text most like `text` by normalised edit similarity (rapidfuzz), if it is
    at least `drift_min_similarity` % alike: (text, similarity, index)."""
    from rapidfuzz import fuzz, process

    return process.extractOne(
        text,
        texts,
        scorer=fuzz.ratio,
        score_cutoff=context.config.threshold("drift_min_similarity"),
    )


def _monolingual_drift(pair: CheckPair, context: Context) -> Iterator[Finding]:
    """A release sentence the memory holds nearly word for word, with other numbers or dates:
    a republished release whose date or figure changed by mistake."""
    from tm.checks.numbers import values

    texts = _memory_texts(context.memory, langs.canonical(pair.source_lang))
    if not texts:
        return
    best = _nearest(pair.source, texts, context)
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
        best = _nearest(pair.source, sources, context)
        if best is None:
            return
        _choice, similarity, index = best
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
