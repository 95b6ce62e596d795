"""`tm check` as one library call: the project's settings (tm.toml), the glossary or the
memory's terms, the inputs paired (tm.pairs), checked (tm.checks), and the baseline applied.

It sits above the memory (it opens one), so the checks themselves stay below it: they are
given a memory, they never open one.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tm.checks import check_inputs, read_inputs
from tm.errors import UsageError
from tm.model import SEVERITIES, Finding, Term


@dataclass
class CheckRun:
    """What `tm check` found: all findings, the new ones (not in the baseline), and whether
    they fail the run (a return value, not an error)."""

    findings: list[Finding]
    new: list[Finding]
    fail_on: str
    files: list[str]
    alone: list[str] = field(default_factory=list)

    @property
    def failing(self) -> bool:
        rank = {severity: i for i, severity in enumerate(SEVERITIES)}
        return any(rank[f.severity] <= rank[self.fail_on] for f in self.new)


def run_check(
    paths: Sequence[str],
    *,
    glossary: str | None = None,
    memory: str | None = None,
    memory_required: bool = False,
    config_path: str | None = None,
    fail_on: str | None = None,
    baseline: str | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    profiles: Sequence[str] = (),
) -> CheckRun:
    """`tm check` as a library call: the project's settings (tm.toml, or `config_path`), the
    glossary's terms (else the memory's), the inputs paired, checked, and the baseline's
    findings set aside. `profiles` names caption style profiles (see tm.captions.profiles).
    A memory named by the caller or the settings must exist; the
    default one is used when it does. Raises `UsageError` for bad settings, `InputError`
    for bad inputs, `StoreError` for a memory that cannot be opened."""
    from tm.checks.config import config_from, find_config, without_accepted
    from tm.glossary import read_glossary
    from tm.memory import open_memory
    from tm.remote import RemoteMemory, is_url

    table, config_name = find_config(config_path)
    config = config_from(table, config_name, tuple(profiles))
    fail_on = fail_on or table.get("fail-on", "error")
    if fail_on not in SEVERITIES:
        raise UsageError(f"fail-on must be one of {', '.join(SEVERITIES)}", file=config_name)
    glossary = glossary or config.glossary
    path = config.memory or memory
    named = config.memory is not None or memory_required
    if path and is_url(path):
        # A team server's memory: the inputs are read here, the checks run there with the
        # memory (drift) and its terms, unless a glossary is given (tm.remote).
        from tm.remote import check_remotely

        inputs = read_inputs(list(paths), source_lang=source_lang, target_lang=target_lang)
        findings = check_remotely(
            RemoteMemory(path),
            inputs,
            settings=table,
            profiles=tuple(profiles),
            terms=read_glossary(glossary) if glossary else None,
        )
        new = without_accepted(findings, baseline or config.baseline)
        return CheckRun(findings, new, fail_on, list(paths), list(inputs.alone))
    store = open_memory(path) if path and (named or os.path.exists(path)) else None
    try:
        terms = _terms(glossary, store)
        inputs = read_inputs(list(paths), source_lang=source_lang, target_lang=target_lang)
        findings = check_inputs(inputs, terms=terms, memory=store, config=config)
    finally:
        if store is not None:
            store.close()
    new = without_accepted(findings, baseline or config.baseline)
    return CheckRun(findings, new, fail_on, list(paths), list(inputs.alone))


def _terms(glossary: str | None, store: Any) -> list[Term]:
    """The glossary file's terms, else the memory's (every status: forbidden ones count)."""
    from tm.glossary import read_glossary
    from tm.terms.workflow import memory_terms

    if glossary:
        return read_glossary(glossary)
    return memory_terms(store) if store is not None else []
