"""Findings written out: a readable text report, JSON, JUnit XML and SARIF 2.1.0.

Each writer takes the findings, the files that were checked, a binary stream, and whether
colour is wanted (only the text report has any).
"""

from __future__ import annotations

from collections.abc import Callable

from tm.model import Finding
from tm.reports.formats import write_json, write_junit, write_sarif, write_text

Writer = Callable[..., None]  # (findings, files, out, color=False)

WRITERS: dict[str, Writer] = {
    "text": write_text,
    "json": write_json,
    "junit": write_junit,
    "sarif": write_sarif,
}
FORMATS = tuple(WRITERS)


def summary(findings: list[Finding], files: list[str]) -> dict[str, object]:
    counts = {"error": 0, "warning": 0, "info": 0}
    by_check: dict[str, int] = {}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
        by_check[finding.check] = by_check.get(finding.check, 0) + 1
    return {"files": len(files), "findings": len(findings), **counts, "by_check": by_check}


__all__ = ["FORMATS", "WRITERS", "summary"]
