"""Measure the checks on an evaluation set: clean pairs (how many are flagged: false alarms)
and copies with one injected error each (how many are caught, by the check meant to)."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tm.checks import CheckPair, check_pairs
from tm.glossary import read_glossary
from tm.model import Finding, Location

#: The check meant to catch each kind of injected error.
EXPECTED = {
    "number": "number-mismatch",
    "forbidden-term": "term-forbidden",
    "dropped-acronym": "entity-missing",
    "untranslated": "untranslated",
    "traditional": "script-mixed",
    "missing-term": "term-missing",
}


@dataclass
class Evaluation:
    clean: int = 0
    clean_flagged: list[Finding] = field(default_factory=list)
    injected: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)

    @property
    def false_alarm_rate(self) -> float:
        return len({f.location.unit for f in self.clean_flagged}) / max(self.clean, 1)

    @property
    def recall(self) -> float:
        return sum(self.caught.values()) / max(sum(self.injected.values()), 1)


def _pairs(path: Path) -> list[tuple[dict[str, str], CheckPair]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        (
            row,
            CheckPair(
                row["en"],
                row["zh"],
                "en",
                "zh-Hans",
                Location(path.name, unit=row["id"]),
                row["id"],
            ),
        )
        for row in rows
    ]


def evaluate(folder: str | Path) -> Evaluation:
    folder = Path(folder)
    terms = read_glossary(folder / "glossary.tsv")
    result = Evaluation()
    clean = _pairs(folder / "clean.tsv")
    result.clean = len(clean)
    result.clean_flagged = [
        f
        for f in check_pairs([p for _r, p in clean], terms=terms)
        if f.severity in ("error", "warning")
    ]
    injected = _pairs(folder / "injected.tsv")
    findings = check_pairs([p for _r, p in injected], terms=terms)
    by_unit: dict[str, set[str]] = {}
    for finding in findings:
        by_unit.setdefault(finding.location.unit or "", set()).add(finding.check)
    for row, _pair in injected:
        kind = row["kind"]
        result.injected[kind] += 1
        if EXPECTED[kind] in by_unit.get(row["id"], set()):
            result.caught[kind] += 1
        else:
            result.missed.append(row["id"])
    return result
