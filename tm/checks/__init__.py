"""Consistency checks for editors and CI. One module per family of checks; the registry of
check ids, severities and ITS categories is data (data/checks.json).

    from tm.checks import check_files
    findings = check_files(["release.en.docx", "release.zh.docx"], glossary="glossary.tbx")
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from tm.checks.captions import check_tracks
from tm.checks.completeness import check_completeness
from tm.checks.consistency import check_segment_consistency
from tm.checks.core import (
    CheckPair,
    Config,
    Context,
    DocumentCheck,
    Memory,
    PairCheck,
    registry,
    run_checks,
)
from tm.checks.drift import check_drift
from tm.checks.entities import check_entities
from tm.checks.inputs import Inputs, read_inputs
from tm.checks.numbers import check_numbers
from tm.checks.script import check_script
from tm.checks.terminology import Glossary, check_term_consistency, check_terms
from tm.checks.typography import check_typography
from tm.model import Finding, Term

PAIR_CHECKS: list[PairCheck] = [
    check_completeness,
    check_terms,
    check_numbers,
    check_typography,
    check_script,
    check_drift,
]
DOCUMENT_CHECKS: list[DocumentCheck] = [
    check_entities,
    check_term_consistency,
    check_segment_consistency,
]


#: Below this many pairs, starting worker processes costs more than it saves.
PARALLEL_MIN_PAIRS = 20_000
_WORKER_CONTEXT: Context | None = None


def check_pairs(
    pairs: Iterable[CheckPair],
    *,
    terms: Iterable[Term] = (),
    memory: Memory | None = None,
    config: Config | None = None,
) -> list[Finding]:
    """Run every enabled check over the pairs (see `read_inputs` for files). Large inputs
    are checked by one process per core, each taking whole documents."""
    context = Context(config or Config(), Glossary(terms), memory)
    pair_list = list(pairs)
    return _parallel(pair_list, context) or run_checks(
        pair_list, context, PAIR_CHECKS, DOCUMENT_CHECKS
    )


def _parallel(pairs: list[CheckPair], context: Context) -> list[Finding] | None:
    """Documents shared out among forked workers, which inherit the glossary's automaton
    instead of building it again. Not with a memory (a SQLite connection must not cross a
    fork), nor where fork is not the way processes start."""
    import multiprocessing
    import sys

    global _WORKER_CONTEXT
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(pairs) < PARALLEL_MIN_PAIRS or context.memory is not None:
        return None
    if sys.platform != "linux":
        return None
    documents: dict[str, list[CheckPair]] = {}
    for pair in pairs:
        documents.setdefault(pair.document, []).append(pair)
    if len(documents) < 2:
        return None
    buckets: list[list[CheckPair]] = [[] for _ in range(workers)]
    for document in sorted(documents.values(), key=len, reverse=True):
        min(buckets, key=len).extend(document)
    _WORKER_CONTEXT = context
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_check_bucket, [b for b in buckets if b])
    finally:
        _WORKER_CONTEXT = None
    return [finding for result in results for finding in result]


def _check_bucket(pairs: list[CheckPair]) -> list[Finding]:
    assert _WORKER_CONTEXT is not None
    return run_checks(pairs, _WORKER_CONTEXT, PAIR_CHECKS, DOCUMENT_CHECKS)


def check_inputs(
    inputs: Inputs,
    *,
    terms: Iterable[Term] = (),
    memory: Memory | None = None,
    config: Config | None = None,
) -> list[Finding]:
    context = Context(config or Config(), Glossary(terms), memory)
    findings = run_checks(inputs.pairs, context, PAIR_CHECKS, DOCUMENT_CHECKS)
    by_location = {pair.location: pair for pair in inputs.pairs}
    findings.extend(check_tracks(inputs.cues, by_location, context))  # caption profiles
    order = {os.fspath(path): i for i, path in enumerate(inputs.files)}
    findings.sort(key=lambda f: (order.get(f.location.file, len(order)), _place(f)))
    return findings


def _place(finding: Finding) -> tuple[int, int, int]:
    location = finding.location
    return (location.line or 0, location.paragraph or 0, location.cue or 0)


def check_files(
    paths: Sequence[str],
    *,
    terms: Iterable[Term] = (),
    memory: Memory | None = None,
    config: Config | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> list[Finding]:
    """Check files (see `tm.pairs` for what they may be); languages come from the texts."""
    inputs = read_inputs(list(paths), source_lang=source_lang, target_lang=target_lang)
    return check_inputs(inputs, terms=terms, memory=memory, config=config)


__all__ = [
    "CheckPair",
    "Config",
    "Glossary",
    "check_files",
    "check_inputs",
    "check_pairs",
    "read_inputs",
    "registry",
]
