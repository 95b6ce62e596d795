"""Glossaries as CSV or TSV: what people keep in spreadsheets, and OmegaT's glossary files.

Three layouts are read:
- a header `source,target[,status,note,domain]`, each column's language from its text;
- a header whose first two columns are language tags (`zh-Hans,en,status`);
- no header (OmegaT: `term<TAB>translation<TAB>comment`), languages from the text.
Languages a caller gives for the columns must agree with their text.
A row's status qualifies its target term; a row without one is approved.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import BinaryIO

from tm import lang as langs
from tm.errors import InputError, UsageError
from tm.model import TERM_STATUSES, Location, Term

#: Column names understood in a header row (case-insensitive), and what they mean.
COLUMNS = {
    "source": "source",
    "term": "source",
    "target": "target",
    "translation": "target",
    "status": "status",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "domain": "domain",
    "subject": "domain",
    "subjectfield": "domain",
}
#: Statuses as other tools write them, mapped to ours (TBX-Basic names included).
STATUS_ALIASES = {
    "preferred": "approved",
    "preferredterm-admn-sts": "approved",
    "admittedterm-admn-sts": "admitted",
    "deprecated": "forbidden",
    "deprecatedterm-admn-sts": "forbidden",
    "superseded": "obsolete",
    "supersededterm-admn-sts": "obsolete",
}
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def status_of(value: str, where: Location) -> str:
    """Our status for a cell's text; `InputError` for one nobody defined."""
    key = value.strip().lower()
    status = STATUS_ALIASES.get(key, key) or "approved"
    if status not in TERM_STATUSES:
        raise InputError(
            f"unknown status {value.strip()!r} (one of {', '.join(TERM_STATUSES)})",
            file=where.file,
            line=where.line,
        )
    return status


def _is_lang_header(cells: list[str]) -> bool:
    if len(cells) < 2 or not all(_TAG.match(c.strip()) for c in cells[:2]):
        return False
    return any(langs.is_chinese(c.strip().replace("_", "-")) for c in cells[:2])


def read_table(
    data: str,
    name: str,
    *,
    delimiter: str,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Iterator[Term]:
    """Terms from a CSV/TSV text; `InputError` with the line for a malformed row.

    Columns named by language tags say their languages; otherwise each column's language
    comes from its text (`tm.text.language`), and languages the caller gives must agree with
    it (`UsageError` naming the file)."""
    rows = csv.reader(io.StringIO(data, newline=""), delimiter=delimiter)
    columns: list[str | None] = ["source", "target", "note"]
    named: tuple[str, str] | None = None
    first = True
    header = False
    read: list[tuple[Location, dict[str, str]]] = []
    for cells in rows:
        line = rows.line_num
        if not any(c.strip() for c in cells) or (cells and cells[0].startswith("#")):
            continue  # blank lines; OmegaT and many glossaries allow `#` comments
        if first:
            first = False
            lowered = [c.strip().lower() for c in cells]
            if _is_lang_header(cells):
                named = (cells[0].strip().replace("_", "-"), cells[1].strip().replace("_", "-"))
                columns = ["source", "target", *(COLUMNS.get(c) for c in lowered[2:])]
                header = True
                continue
            if lowered[0] in COLUMNS and any(COLUMNS.get(c) == "target" for c in lowered):
                columns = [COLUMNS.get(c) for c in lowered]
                header = True
                continue
        where = Location(name, line)
        if len(cells) < 2:
            raise InputError(
                "a row needs a source and a target term (found one column)",
                file=name,
                line=line,
                hint=f"columns are separated by {'a tab' if delimiter == chr(9) else delimiter!r}",
            )
        if header and len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            raise InputError(
                f"{len(cells)} cells, but the header names {len(columns)} columns",
                file=name,
                line=line,
            )
        values: dict[str, str] = {}
        for column, cell in zip(columns, cells, strict=False):
            if column and cell.strip():
                values[column] = cell.strip()
        if not values.get("source") or not values.get("target"):
            side = "source" if not values.get("source") else "target"
            raise InputError(f"empty {side} term", file=name, line=line)
        status_of(values.get("status", ""), where)  # an unknown status is an error at its line
        read.append((where, values))
    source_lang, target_lang = named or _column_languages(read, name, source_lang, target_lang)
    for where, values in read:
        yield Term(
            values["source"],
            values["target"],
            source_lang,
            target_lang,
            status_of(values.get("status", ""), where),
            values.get("note"),
            values.get("domain"),
            where,
        )


def _column_languages(
    rows: list[tuple[Location, dict[str, str]]],
    name: str,
    source_lang: str | None,
    target_lang: str | None,
) -> tuple[str, str]:
    """The languages of a table's two term columns, from their text (`source,target` rows
    `储能,energy storage` are zh-Hans -> en); given languages must agree."""
    from tm.text import language

    source = language.detect("\n".join(values["source"] for _where, values in rows))
    target = language.detect("\n".join(values["target"] for _where, values in rows))
    return (
        language.resolve(source, source_lang, file=name, option="--src-lang"),
        language.resolve(target, target_lang, file=name, option="--tgt-lang"),
    )


def orient(term: Term, pair: tuple[str, str]) -> Term | None:
    """`term` read from `pair[0]` to `pair[1]` (terms apply both ways); None for a term of
    another language pair."""
    if langs.matches(pair[0], term.source_lang) and langs.matches(pair[1], term.target_lang):
        return term
    if langs.matches(pair[1], term.source_lang) and langs.matches(pair[0], term.target_lang):
        return replace(
            term,
            source=term.target,
            target=term.source,
            source_lang=term.target_lang,
            target_lang=term.source_lang,
        )
    return None


def oriented(term: Term, pair: tuple[str, str]) -> Term:
    """`orient`, for a table, which holds one language pair: another pair is a `UsageError`."""
    turned = orient(term, pair)
    if turned is None:
        raise UsageError(
            f"the terms hold more than one language pair ({pair[0]}/{pair[1]} and "
            f"{term.source_lang}/{term.target_lang}); choose one with --src-lang and --tgt-lang"
        )
    return turned


def write_table(output: BinaryIO, terms: Iterable[Term], *, delimiter: str) -> int:
    """Terms as UTF-8 CSV/TSV under a language-tag header, so the file says its languages."""
    text = io.TextIOWrapper(output, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\n")
    count = 0
    pair: tuple[str, str] | None = None
    for term in terms:
        if pair is None:
            pair = (term.source_lang, term.target_lang)
            writer.writerow([*pair, "status", "note", "domain"])
        term = oriented(term, pair)
        writer.writerow([term.source, term.target, term.status, term.note or "", term.domain or ""])
        count += 1
    text.flush()
    text.detach()
    return count
