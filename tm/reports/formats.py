"""The four report formats. JSON, JUnit and SARIF shapes are the command-line contract."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Sequence
from typing import BinaryIO

from lxml import etree

from tm import __version__
from tm.model import Finding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _location_text(finding: Finding) -> str:
    location = finding.location
    text = location.file
    if location.cue is not None:
        text += f":cue {location.cue}"
    elif location.line is not None:
        text += f":{location.line}"
    elif location.paragraph is not None:
        text += f":¶{location.paragraph}"  # a DOCX has paragraphs, not lines
    if location.unit:
        text += f" (tu {location.unit})"
    return text


def finding_dict(finding: Finding) -> dict[str, object]:
    location = finding.location
    return {
        "check": finding.check,
        "severity": finding.severity,
        "message": finding.message,
        "location": {
            "file": location.file,
            "line": location.line,
            "paragraph": location.paragraph,
            "unit": location.unit,
            "cue": location.cue,
        },
        "source": finding.source,
        "target": finding.target,
        "suggestion": finding.suggestion,
        "category": finding.category,
        "evidence": [
            {"side": e.side, "text": e.text, "start": e.start, "end": e.end, "value": e.value}
            for e in finding.evidence
        ],
    }


def write_json(
    findings: list[Finding],
    files: list[str],
    out: BinaryIO,
    color: bool = False,
    alone: Sequence[str] = (),
) -> None:
    from tm.reports import summary

    document = {
        "findings": [finding_dict(f) for f in findings],
        "summary": {**summary(findings, files), "alone": list(alone)},
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")


def write_text(
    findings: list[Finding],
    files: list[str],
    out: BinaryIO,
    color: bool = False,
    alone: Sequence[str] = (),
) -> None:
    """Grouped by file; each finding on one line with its place, then the text and the fix."""
    from tm.reports import summary

    def style(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if color else text

    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_file[finding.location.file].append(finding)
    colors = {"error": "1;31", "warning": "1;33", "info": "1;36"}  # ANSI: bold red ...
    lines: list[str] = []
    for file in [*files, *(f for f in by_file if f not in files)]:
        mine = by_file.get(file, [])
        if not mine:
            continue
        lines.append(style(file, "1"))
        for finding in mine:
            severity = finding.severity
            severity = style(severity, colors.get(severity, "1"))
            place = _location_text(finding)[len(file) :].lstrip(":") or "-"
            lines.append(f"  {place}: {severity} [{finding.check}] {finding.message}")
            if finding.target is not None:
                lines.append(f"      source: {_short(finding.source)}")
                lines.append(f"      target: {_short(finding.target)}")
            elif finding.source:
                lines.append(f"      text: {_short(finding.source)}")
            if finding.suggestion:
                lines.append(f"      suggestion: {_short(finding.suggestion)}")
    for file in alone:
        lines.append(f"{file}: checked alone (no file pairs with it by name)")
    counts = summary(findings, files)
    lines.append(
        f"{counts['files']} file(s) checked: {counts['error']} error(s), "
        f"{counts['warning']} warning(s), {counts['info']} note(s)"
    )
    out.write(("\n".join(lines) + "\n").encode("utf-8"))


def _short(text: str | None, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_junit(
    findings: list[Finding],
    files: list[str],
    out: BinaryIO,
    color: bool = False,
    alone: Sequence[str] = (),
) -> None:
    """One <testsuite> per input file, one <testcase> per finding (a <failure> for errors and
    warnings), one passing <testcase> for a clean file."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_file[finding.location.file].append(finding)
    root = etree.Element("testsuites", name="tm check")
    total_failures = 0
    for file in [*files, *(f for f in by_file if f not in files)]:
        mine = by_file.get(file, [])
        failures = sum(1 for f in mine if f.severity in ("error", "warning"))
        total_failures += failures
        suite = etree.SubElement(
            root,
            "testsuite",
            name=file,
            tests=str(max(len(mine), 1)),
            failures=str(failures),
            errors="0",
            skipped="0",
        )
        if not mine:
            etree.SubElement(suite, "testcase", classname=file, name="clean")
            continue
        for finding in mine:
            case = etree.SubElement(
                suite,
                "testcase",
                classname=f"{file}.{finding.check}",
                name=f"{_location_text(finding)}: {finding.check}",
            )
            body = "\n".join(
                part
                for part in (
                    finding.message,
                    f"source: {finding.source}" if finding.source else "",
                    f"target: {finding.target}" if finding.target else "",
                    f"suggestion: {finding.suggestion}" if finding.suggestion else "",
                )
                if part
            )
            if finding.severity in ("error", "warning"):
                failure = etree.SubElement(
                    case, "failure", message=finding.message, type=finding.severity
                )
                failure.text = body
            else:
                etree.SubElement(case, "system-out").text = body
    root.set("tests", str(sum(int(s.get("tests")) for s in root)))
    root.set("failures", str(total_failures))
    out.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def write_sarif(
    findings: list[Finding],
    files: list[str],
    out: BinaryIO,
    color: bool = False,
    alone: Sequence[str] = (),
) -> None:
    """SARIF 2.1.0: ruleId = check id, level error/warning/note, artifact URIs relative to the
    current directory (what GitHub code scanning reads)."""
    from tm.checks.core import registry

    used = sorted({f.check for f in findings})
    rules = [
        {
            "id": check,
            "name": "".join(part.title() for part in check.split("-")),
            "shortDescription": {"text": registry()[check]["title"]},
            "fullDescription": {"text": registry()[check]["help"]},
            "defaultConfiguration": {"level": _SARIF_LEVEL[registry()[check]["severity"]]},
            "properties": {"tags": [registry()[check]["category"]]},
        }
        for check in used
    ]
    index = {check: i for i, check in enumerate(used)}
    results = []
    for finding in findings:
        location = finding.location
        region: dict[str, int] = {}
        if location.line is not None:
            region["startLine"] = location.line
        physical: dict[str, object] = {"artifactLocation": {"uri": _relative_uri(location.file)}}
        if region:
            physical["region"] = region
        place: dict[str, object] = {"physicalLocation": physical}
        if location.paragraph is not None and location.line is None:
            # A DOCX has no lines: the paragraph is a logical location, and the message names
            # it too, since code-scanning UIs show the message and the file.
            place["logicalLocations"] = [
                {
                    "name": f"¶{location.paragraph}",
                    "fullyQualifiedName": f"paragraph {location.paragraph}",
                    "kind": "element",
                }
            ]
        result: dict[str, object] = {
            "ruleId": finding.check,
            "ruleIndex": index[finding.check],
            "level": _SARIF_LEVEL[finding.severity],
            "message": {"text": _sarif_message(finding)},
            "locations": [place],
            "properties": {
                "category": finding.category,
                **({"unit": location.unit} if location.unit else {}),
                **({"cue": location.cue} if location.cue is not None else {}),
                **({"suggestion": finding.suggestion} if finding.suggestion else {}),
            },
        }
        results.append(result)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tm",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")


def _sarif_message(finding: Finding) -> str:
    location = finding.location
    if location.paragraph is not None and location.line is None and location.cue is None:
        return f"{finding.message} (¶{location.paragraph})"
    return finding.message


def _relative_uri(path: str) -> str:
    relative = os.path.relpath(os.path.abspath(path))
    return relative.replace(os.sep, "/")
