"""Measure the checks on an evaluation set: clean pairs (how many are flagged: false alarms)
and copies with one injected error each (how many are caught, by the check meant to)."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field, replace
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
    "dropped-name": "entity-missing",
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
    _tally_injected(result, injected, check_pairs([p for _r, p in injected], terms=terms), EXPECTED)
    return result


#: The check meant to catch each kind of error injected into Chinese → English pairs.
EXPECTED_ZH_EN = {
    "number": "number-mismatch",
    "dropped-acronym": "entity-missing",
    "dropped-name": "entity-missing",
    "untranslated": "untranslated",
    "missing-term": "term-missing",
    "forbidden-term": "term-forbidden",
}


@dataclass
class NewsEvaluation(Evaluation):
    """An `Evaluation` of Chinese → English pairs, with the errors marked by hand: how many
    flagged units carry one (precision) against how many units do (the base rate)."""

    units: int = 0
    marked: set[str] = field(default_factory=set)
    flagged: set[str] = field(default_factory=set)

    @property
    def precision(self) -> float:
        return len(self.flagged & self.marked) / max(len(self.flagged), 1)

    @property
    def base_rate(self) -> float:
        return len(self.marked) / max(self.units, 1)


def news_pairs(path: Path, key: str = "id") -> list[tuple[dict[str, str], CheckPair]]:
    """Rows of a Chinese → English TSV (`id, doc, zh, en`) as pairs, one document per `doc`."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        (
            row,
            CheckPair(
                row["zh"],
                row["en"],
                "zh-Hans",
                "en",
                Location(path.name, unit=row[key]),
                f"{path.name}:{row['doc']}",
            ),
        )
        for row in rows
    ]


def evaluate_news(folder: str | Path) -> NewsEvaluation:
    """corpora/zh-en-news: flags on the pairs (unmarked ones are clean), precision on the
    marked errors, recall on the injected copies (each its own document, as a copy of one
    sentence would be)."""
    folder = Path(folder)
    terms = read_glossary(folder / "glossary.tsv")
    with open(folder / "errors.tsv", encoding="utf-8", newline="") as handle:
        marked = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    pairs = news_pairs(folder / "pairs.tsv")
    result = NewsEvaluation(units=len(pairs), marked=marked)
    findings = [
        f
        for f in check_pairs([p for _r, p in pairs], terms=terms)
        if f.severity in ("error", "warning")
    ]
    result.flagged = {f.location.unit or "" for f in findings}
    result.clean = len([r for r, _p in pairs if r["id"] not in marked])
    result.clean_flagged = [f for f in findings if f.location.unit not in marked]
    injected = news_pairs(folder / "injected.tsv")
    injected = [(r, replace(p, document=r["id"])) for r, p in injected]
    findings = check_pairs([p for _r, p in injected], terms=terms)
    _tally_injected(result, injected, findings, EXPECTED_ZH_EN)
    return result


def _tally_injected(
    result: Evaluation,
    injected: list[tuple[dict[str, str], CheckPair]],
    findings: list[Finding],
    expected: dict[str, str],
) -> None:
    """Count each injected error as caught when its unit drew the check meant for its kind."""
    by_unit: dict[str, set[str]] = {}
    for finding in findings:
        by_unit.setdefault(finding.location.unit or "", set()).add(finding.check)
    for row, _pair in injected:
        kind = row["kind"]
        result.injected[kind] += 1
        if expected[kind] in by_unit.get(row["id"], set()):
            result.caught[kind] += 1
        else:
            result.missed.append(row["id"])
