"""A project's check configuration, and the baseline of accepted findings.

The configuration is TOML: `tm.toml` (table `[check]`) or `pyproject.toml` (table
`[tool.tm.check]`) in the current folder, or a file named with `--config`:

    [check]
    glossary = "corpora/seed/glossary.tbx"   # instead of the memory's terms
    memory = "tm.db"                         # for drift and consistency with the memory
    baseline = ".tm-baseline.json"           # accepted findings: fail on new ones only
    fail-on = "error"
    disable = ["whitespace"]
    profile = ["team-zh", "bbc-en"]          # caption style profiles (tm/captions/profiles)
    [check.severity]
    length-ratio = "info"
    [check.thresholds]
    length_sigmas = 3.5
    [check.profiles.team-zh]                 # a team's own, on top of a bundled one
    extends = "netflix-zh-hans"
    max_chars_per_line = 14

A baseline lists fingerprints of findings a team has accepted: the check, the file's name,
and the texts involved, not the line, so that edits elsewhere do not invalidate it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from typing import Any, BinaryIO

from tm.checks.core import Config
from tm.errors import InputError
from tm.model import Finding

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = (("tm.toml", ("check",)), ("pyproject.toml", ("tool", "tm", "check")))


def find_config(path: str | None = None) -> tuple[dict[str, Any], str | None]:
    """The `[check]` table of the named file, or of tm.toml / pyproject.toml here."""
    candidates = [(path, None)] if path else [(name, keys) for name, keys in CONFIG_FILES]
    for name, keys in candidates:
        if name is None or (not path and not os.path.exists(name)):
            continue
        try:
            with open(name, "rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError:
            raise InputError("no such configuration file", file=name) from None
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"not valid TOML: {exc}", file=name) from None
        if keys is None:
            keys = ("tool", "tm", "check") if name.endswith("pyproject.toml") else ("check",)
        table: Any = data
        for key in keys:
            table = table.get(key, {}) if isinstance(table, dict) else {}
        if table or path:
            return table, name
    return {}, None


def config_from(table: dict[str, Any], name: str | None, profiles: tuple[str, ...] = ()) -> Config:
    """The configuration a table holds; `profiles` (caption profile names, from --profile)
    replace the table's `profile`. Raises `InputError` naming the file for a bad setting."""
    known = {
        "glossary",
        "memory",
        "baseline",
        "fail-on",
        "disable",
        "severity",
        "thresholds",
        "profile",
        "profiles",
    }
    unknown = set(table) - known
    if unknown:
        raise InputError(
            f"unknown setting(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})",
            file=name,
        )
    base = os.path.dirname(os.path.abspath(name)) if name else os.getcwd()

    def place(value: str | None) -> str | None:
        return os.path.join(base, value) if value and not os.path.isabs(value) else value

    try:
        return Config(
            disabled=set(table.get("disable", [])),
            severities=dict(table.get("severity", {})),
            thresholds={k: float(v) for k, v in table.get("thresholds", {}).items()},
            glossary=place(table.get("glossary")),
            memory=place(table.get("memory")),
            baseline=place(table.get("baseline")),
            profiles=_profiles(table, name, profiles),
        )
    except (TypeError, ValueError) as exc:
        raise InputError(f"bad setting: {exc}", file=name) from None


def _profiles(table: dict[str, Any], name: str | None, given: tuple[str, ...]) -> Any:
    """The caption profiles chosen: those given, else the table's `profile` (a name or a
    list), with the table's own `[profiles.NAME]` definitions."""
    from tm.captions.profiles import choose
    from tm.errors import UsageError

    custom = table.get("profiles", {})
    if not isinstance(custom, dict) or not all(isinstance(v, dict) for v in custom.values()):
        raise InputError("profiles must be tables: [check.profiles.NAME]", file=name)
    names = given or table.get("profile") or ()
    try:
        return choose(names, custom)
    except UsageError as exc:
        if given and not table.get("profiles"):
            raise
        raise InputError(str(exc), file=name) from None


def fingerprint(finding: Finding) -> str:
    key = "\x1f".join(
        [
            finding.check,
            os.path.basename(finding.location.file),
            finding.location.unit or "",
            " ".join((finding.source or "").split()),
            " ".join((finding.target or "").split()),
            finding.message,
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def read_baseline(path: str) -> set[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise InputError("no such baseline (write one with --write-baseline)", file=path) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"not a tm baseline: {exc}", file=path) from None
    if not isinstance(data, dict) or not isinstance(data.get("fingerprints"), list):
        raise InputError("not a tm baseline (no fingerprints)", file=path)
    return set(data["fingerprints"])


def without_accepted(findings: list[Finding], baseline: str | None) -> list[Finding]:
    """The findings a baseline file has not accepted (all of them without one)."""
    if not baseline:
        return findings
    accepted = read_baseline(baseline)
    return [f for f in findings if fingerprint(f) not in accepted]


def write_baseline(findings: list[Finding], out: BinaryIO) -> None:
    document = {
        "about": "Findings accepted by the team; `tm check --baseline` reports only new ones.",
        "version": 1,
        "fingerprints": sorted({fingerprint(f) for f in findings}),
        "findings": [
            {"check": f.check, "file": os.path.basename(f.location.file), "message": f.message}
            for f in findings
        ],
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
