"""What every check shares: the pair it looks at, the registry of checks (policy in
data/checks.json), the configuration a project gives, and the run over all pairs."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Protocol

from tm.errors import UsageError
from tm.model import SEVERITIES, Finding, Pair, Unit

if TYPE_CHECKING:
    from tm.checks.terminology import Glossary

#: The pair a check looks at is the model's `Pair` (built by `tm.pairs`); the old name stays.
CheckPair = Pair


@lru_cache(maxsize=1)
def registry() -> dict[str, dict[str, str]]:
    text = resources.files("tm.checks").joinpath("data", "checks.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def default_thresholds() -> dict[str, float]:
    text = resources.files("tm.checks").joinpath("data", "thresholds.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@dataclass
class Config:
    """A project's choices: checks off, severities changed, thresholds moved."""

    disabled: set[str] = field(default_factory=set)
    severities: dict[str, str] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    glossary: str | None = None
    memory: str | None = None
    baseline: str | None = None
    profiles: Any = None  # tm.captions.profiles.ProfileChoice: caption profiles (None: defaults)

    def __post_init__(self) -> None:
        known = registry()
        for check in (*self.disabled, *self.severities):
            if check not in known:
                raise UsageError(f"unknown check {check!r} (known: {', '.join(sorted(known))})")
        for check, severity in self.severities.items():
            if severity not in SEVERITIES:
                raise UsageError(f"severity of {check} must be one of {', '.join(SEVERITIES)}")
        unknown = set(self.thresholds) - set(default_thresholds())
        if unknown:
            raise UsageError(f"unknown threshold(s): {', '.join(sorted(unknown))}")

    def threshold(self, name: str) -> float:
        return self.thresholds.get(name, default_thresholds()[name])

    def enabled(self, check: str) -> bool:
        return check not in self.disabled

    def finding(
        self,
        check: str,
        message: str,
        pair: CheckPair,
        *,
        suggestion: str | None = None,
    ) -> Finding:
        info = registry()[check]
        return Finding(
            check=check,
            severity=self.severities.get(check, info["severity"]),
            message=message,
            location=pair.location,
            source=pair.source,
            target=pair.target,
            suggestion=suggestion,
            category=info["category"],
        )


#: A check over one pair; document-level checks take all pairs of a document.
PairCheck = Callable[[CheckPair, "Context"], Iterator[Finding]]
DocumentCheck = Callable[[list[CheckPair], "Context"], Iterator[Finding]]


class StoredUnit(Protocol):
    @property
    def unit(self) -> Unit: ...


class Memory(Protocol):
    """What the checks read from a memory; `tm.memory.Store` is one. Checks name this, not
    the store, so that checking never loads SQLite."""

    def units(
        self, *, kind: str | None = None, src: str | None = None, tgt: str | None = None
    ) -> Iterable[StoredUnit]: ...

    def segment_texts(self, lang: str) -> list[tuple[int, str]]: ...

    def data_version(self) -> object:
        """Differs after any change to the memory's data (for caches)."""
        ...


@dataclass
class Context:
    config: Config
    glossary: Glossary | None = None
    memory: Memory | None = None
    notes: dict[str, Any] = field(default_factory=dict)  # what pair checks leave for later


def run_checks(
    pairs: Iterable[CheckPair],
    context: Context,
    pair_checks: list[PairCheck],
    document_checks: list[DocumentCheck],
) -> list[Finding]:
    """Every check over every pair, then over each document; findings of disabled checks are
    dropped. Findings come in input order."""
    config = context.config
    by_document: dict[str, list[CheckPair]] = {}
    findings: list[Finding] = []
    for pair in pairs:
        by_document.setdefault(pair.document, []).append(pair)
        for check in pair_checks:
            findings.extend(f for f in check(pair, context) if config.enabled(f.check))
    for document_check in document_checks:
        for document in by_document.values():
            findings.extend(f for f in document_check(document, context) if config.enabled(f.check))
    return findings
