"""Numbers that belong to names: 十四五 ↔ "14th Five-Year Plan", Windows 11, Boeing 737. The
number check leaves their spans out (tm.text.numbers already leaves out numbers glued to
Latin letters: COVID-19, G20, A4) and compares them here, as names: a period name's ordinal
must agree when both sides write one. Policy: data/names.json, with its sources."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tm import lang as langs
from tm.text.numbers import chinese_integer


@dataclass(frozen=True)
class Name:
    """A name holding a number: its family (five-year plan, Windows), its number, its span."""

    family: str
    number: str
    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _policy() -> dict[str, object]:
    text = resources.files("tm.checks").joinpath("data", "names.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    policy = _policy()
    words = "|".join(re.escape(w) for w in policy["numbered"])  # type: ignore[attr-defined]
    # Not \b: in Chinese a Latin name follows a Han character with no boundary (华为Mate 60).
    numbered = re.compile(rf"(?<![A-Za-z])({words})[\s-]?([A-Z]?\d+[A-Za-z]?)(?![A-Za-z0-9])")
    periods: dict[str, str] = policy["periods"]  # type: ignore[assignment]
    return numbered, re.compile(periods["zh"]), re.compile(periods["en"], re.IGNORECASE)


@lru_cache(maxsize=4096)
def names(text: str, lang: str) -> tuple[Name, ...]:
    """The numbered names of a text, in order."""
    numbered, zh_period, en_period = _patterns()
    found = [
        Name(m.group(1).lower(), m.group(2).upper(), m.group(), m.start(), m.end())
        for m in numbered.finditer(text)
    ]
    if langs.is_chinese(lang):
        for m in zh_period.finditer(text):
            value = chinese_integer(m.group(1))
            if value:
                found.append(Name("five-year plan", str(value), m.group(), m.start(), m.end() + 0))
    else:
        for m in en_period.finditer(text):
            found.append(
                Name("five-year plan", str(int(m.group(1))), m.group(), m.start(), m.end())
            )
    return tuple(sorted(found, key=lambda n: n.start))


def spans(text: str, lang: str) -> list[tuple[int, int]]:
    return [(n.start, n.end) for n in names(text, lang)]


def disagreements(
    source: str, source_lang: str, target: str, target_lang: str
) -> list[tuple[Name, Name]]:
    """Names of one family on both sides whose numbers differ (十四五 against "13th Five-Year
    Plan"); a name on one side only is the translator's choice (十四五 ↔ "the plan")."""
    theirs: dict[str, list[Name]] = {}
    for name in names(target, target_lang):
        theirs.setdefault(name.family, []).append(name)
    out = []
    for name in names(source, source_lang):
        others = theirs.get(name.family, [])
        if others and all(o.number != name.number for o in others):
            out.append((name, others[0]))
    return out
