"""Numbers, dates, percentages and amounts: the same values on both sides whatever wrote them
(二十五 ↔ 25, １０ ↔ 10, 2023年6月21日 ↔ June 21, 2023, 3.5亿 ↔ 350 million, 50% ↔ 百分之五十),
and no impossible date on either side.

A value written in digits must be found on the other side in any form; values written only
in words (two sides, 双方, 一些) are not demanded, because there they are as often words as
numbers. That asymmetry is what keeps human translations clean.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from tm import lang as langs
from tm.checks import names
from tm.checks.core import CheckPair, Context
from tm.model import Evidence, Finding
from tm.text.numbers import (
    DURATION_HINT,
    MONTHS,
    Quantity,
    chinese_numbers,
    english_numbers,
    latin_names,
    quantities,
)

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_EN_DATE = re.compile(
    r"\b(?:(" + "|".join(_WEEKDAYS) + r"),?\s+)?(" + "|".join(MONTHS) + r")\s+(\d{1,2})"
    r"(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?",
    re.IGNORECASE,
)
_ZH_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_ZH_WEEKDAY = re.compile(r"[（(]?\s*(?:星期|周|礼拜)([一二三四五六日天])")
_ZH_WEEKDAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


@lru_cache(maxsize=4096)
def values(text: str, lang: str, *, explicit: bool = False) -> list[str]:
    if langs.is_chinese(lang):
        return chinese_numbers(text, numerals=not explicit)
    return english_numbers(text, words=not explicit)


def _load_policy() -> dict[str, dict[str, Any]]:
    """The words taken for values and the unit conversions, with their sources
    (data/numbers.json)."""
    text = resources.files("tm.checks").joinpath("data", "numbers.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


_POLICY = _load_policy()

# What else a number may be written as, so that a faithful translation is not flagged.
_EN_DECADE = re.compile(r"\b(1\d|20)(\d)0['’]?s\b")  # 1980s ↔ 80年代, 1800s ↔ 19世纪
_EN_EXTRA: dict[str, str] = _POLICY["tolerated"]["en"]
_EN_WORDS_RE = re.compile(r"\b(" + "|".join([*_EN_EXTRA, *MONTHS]) + r")\b")
_EN_FOLD = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten)fold\b", re.I)
_WORD_VALUES = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
_ZH_ALONE: dict[str, str] = _POLICY["tolerated"]["zh"]
_ZH_YI_WAN = re.compile(r"(\d+(?:\.\d+)?)亿(\d+)万")  # 1亿5000万 = 150 million
_ZH_CENTURY = re.compile(r"(\d{1,2})\s*世纪")
_IMPERIAL = re.compile(
    r"(\d[\d,.]*)(?:[\s-]*)(?:pounds?|lbs?|feet|foot|ft|inch(?:es)?|miles?|yards?|gallons?|"
    r"ounces?|oz|acres?|degrees? fahrenheit|°f|fahrenheit)\b",
    re.IGNORECASE,
)
_METRIC = re.compile(
    r"(\d[\d,.]*)\s*(?:多)?\s*(?:公斤|千克|克|米|公里|千米|厘米|毫米|升|毫升|公顷|吨|摄氏度|度)"
)


def _tolerated(text: str, lang: str) -> set[str]:
    """Values a text may stand for beyond those it writes (decades, centuries, number words)."""
    extra: set[str] = set()
    if langs.is_chinese(lang):
        for char, value in _ZH_ALONE.items():
            if char in text:
                extra.add(value)
        for match in _ZH_YI_WAN.finditer(text):
            extra.add(str(int(float(match.group(1)) * 10**8 + int(match.group(2)) * 10**4)))
        for match in _ZH_CENTURY.finditer(text):
            extra.add(match.group(1))
        return extra
    lowered = text.lower()
    for match in _EN_DECADE.finditer(lowered):
        century, decade = match.group(1), match.group(2)
        extra.update({f"{century}{decade}0", f"{decade}0", str(int(century) + 1)})
    for match in _EN_WORDS_RE.finditer(lowered):
        extra.add(_EN_EXTRA.get(match.group(1)) or str(MONTHS[match.group(1)]))
    for match in _EN_FOLD.finditer(lowered):
        extra.add(_WORD_VALUES[match.group(1).lower()])
    return extra


def _aliases(value: str, text: str, lang: str) -> set[str]:
    """Other ways the other language writes this value: the 1980s are 80年代 (and the 1800s the
    19th century)."""
    if langs.is_chinese(lang) or not re.fullmatch(r"(1\d|20)\d0", value):
        return set()
    if not re.search(rf"\b{value}['’]?s\b", text):
        return set()
    aliases = {value[2:], value[2:].lstrip("0") or "0"}
    if value.endswith("00"):
        aliases.add(str(int(value[:2]) + 1))
    return aliases


def _converted(text: str, pattern: re.Pattern[str]) -> set[str]:
    """Values followed by a unit (24,000 pounds; 10900公斤): a translator converting units
    changes them on purpose."""
    from tm.text.numbers import canonical

    found = set()
    for match in pattern.finditer(text):
        try:
            found.add(canonical(float(match.group(1).replace(",", "").rstrip("."))))
        except ValueError:
            continue
    return found


_DIGIT = re.compile(r"[0-9\uff10-\uff19]")
#: Counts, multiples and percentages in words are demanded too (两次 is not "four times",
#: 百分之六十 not "seventy percent"), and ordinals are compared (第四次, 首届 are not "third"): a
#: pair without a digit is read when it may hold one.
_COUNT_HINT = re.compile(
    r"[次遍倍番第首]|百分之|\b(?:twice|thrice|times|\w+fold|doubl\w*|tripl\w*|quadrupl\w*|"
    r"percent|per cent)\b",
    re.IGNORECASE,
)

#: Kinds of number a translator may add from the rest of the document: the month of a bare 10日
#: (“December 10”), the year of a dateline, the ordinal of a congress (十九届四中全会 … "the
#: fourth plenary session of the 19th Central Committee").
_IMPLIED = {"month", "year", "ordinal"}


#: Names holding a number that names.py does not list: days named by their date (双11, the
#: shopping festival "Singles Day"), from data/numbers.json.
_NAMED = {
    lang: re.compile("|".join(patterns), re.IGNORECASE)
    for lang, patterns in _POLICY["names"].items()
    if not lang.startswith("_")
}


def _policy_names(text: str, lang: str) -> list[tuple[int, int]]:
    pattern = _NAMED["zh" if langs.is_chinese(lang) else "en"]
    return [m.span() for m in pattern.finditer(text)]


@lru_cache(maxsize=4096)
def _read(text: str, lang: str) -> tuple[Quantity, ...]:
    return tuple(quantities(text, lang, names.spans(text, lang) + _policy_names(text, lang)))


@lru_cache(maxsize=4096)
def _inside_names(text: str, lang: str) -> frozenset[str]:
    """The numbers inside this side's names: not demanded of the other side, but there to
    meet a number the other side writes outside a name (波音787-9型 ↔ "Boeing 787-9", 歼-20 ↔
    J-20, 双11 ↔ "Nov. 11")."""
    found = {str(int(n.number)) for n in names.names(text, lang) if n.number.isdigit()}
    for start, end in latin_names(text):  # J-20 ↔ 歼-20, DF-41 ↔ 东风-41
        found |= {str(int(d)) for d in re.findall(r"\d+", text[start:end])}
    for start, end in _policy_names(text, lang):
        found |= {q.canonical for q in quantities(text[start:end].replace(".", " "), lang)}
    return frozenset(found)


def _readings(found: tuple[Quantity, ...], extra: set[str]) -> set[str]:
    out = set(extra)
    for quantity in found:
        out |= quantity.readings
    return out


def _satisfied(
    quantity: Quantity,
    text: str,
    lang: str,
    others: tuple[Quantity, ...],
    readings: set[str],
    *,
    in_source: bool,
) -> bool:
    if quantity.kind == "duration":
        readings = _peer_readings(others, readings, _DURATION_PEERS)
    if quantity.readings & readings or _aliases(quantity.canonical, text, lang) & readings:
        return True
    # A translation may round (463 members ↔ 460余名) but not make up precision: an
    # approximation of the source (460余, "more than 460") does not cover a more precise value
    # of the translation ("more than 463"), and the other way round.
    if in_source:
        return any(o.covers(quantity.value) for o in others)
    return any(quantity.covers(o.value) for o in others)


def _document(context: Context, document: str) -> dict[str, set[str]]:
    """What the document has said so far, by kind (months, years, every value): the dateline
    gives the month that a later bare 10日 implies."""
    notes = context.notes.setdefault("numbers", {})
    return notes.setdefault(document, {"month": set(), "year": set(), "all": set()})  # type: ignore[no-any-return]


_WEEKDAY_WORDS = re.compile(
    r"\b(?:" + "|".join(_WEEKDAYS) + r"|today|yesterday|tomorrow|tonight)\b|"
    r"(?:星期|周|礼拜)[一二三四五六日天]|今天|昨天|明天|今日|昨日|明日",
    re.IGNORECASE,
)


#: A plenary session named without its Central Committee (四中全会, 二中全会): English news
#: names the committee's number, which the Chinese leaves to the reader.
_PLENUM = re.compile(r"[一二三四五六七八九]中全会")


def _implied(
    quantity: Quantity, other: tuple[Quantity, ...], other_text: str, seen: dict[str, set[str]]
) -> bool:
    """A month, year or ordinal the other side leaves to the document: a month for a bare day,
    a year for a month and day, any of them when the document wrote it before. A day of the
    month the other side gives as a weekday (7日 ↔ "on Thursday", as news agencies write)."""
    if quantity.kind == "day":
        return bool(_WEEKDAY_WORDS.search(other_text))
    if quantity.kind == "ordinal" and _PLENUM.search(other_text):
        return True  # 四中全会: "the fourth plenary session of the 19th Central Committee"
    if quantity.kind not in _IMPLIED:
        return False
    if quantity.canonical in seen["all"]:
        return True
    kinds = {o.kind for o in other}
    if quantity.kind == "month" and "day" in kinds and "month" not in kinds:
        return not seen["month"]  # no month known yet: the dateline is the translator's
    if quantity.kind == "year" and kinds & {"day", "month"} and "year" not in kinds:
        return not seen["year"]
    return False


def check_numbers(pair: CheckPair, context: Context) -> Iterator[Finding]:
    # Only numbers written in digits are demanded and only dates with digits are judged: a
    # pair without a digit has nothing to report (most sentences).
    # Counts, spans of time and percentages in words (两次, 两个小时, 百分之六十) are the exception.
    texts = (pair.source, pair.target or "")
    if not any(_DIGIT.search(t) or _COUNT_HINT.search(t) or DURATION_HINT.search(t) for t in texts):
        return
    if pair.bilingual and pair.target is not None and pair.target_lang is not None:
        seen = _document(context, pair.document)
        source_q = _read(pair.source, pair.source_lang)
        target_q = _read(pair.target, pair.target_lang)
        source_all = _readings(source_q, _tolerated(pair.source, pair.source_lang))
        source_all |= _inside_names(pair.source, pair.source_lang)
        target_all = _readings(target_q, _tolerated(pair.target, pair.target_lang))
        target_all |= _inside_names(pair.target, pair.target_lang)
        missing = _unmatched(
            source_q,
            pair.source,
            pair.source_lang,
            target_q,
            pair.target,
            target_all,
            seen,
            in_source=True,
        )
        extra = _unmatched(
            target_q,
            pair.target,
            pair.target_lang,
            source_q,
            pair.source,
            source_all,
            seen,
            in_source=False,
        )
        # The number of a name (神舟十七号) is demanded when the other side writes a name with a
        # number (Shenzhou-17, or the wrong Shenzhou-18), not when it leaves the name to "it".
        if not _inside_names(pair.target, pair.target_lang):
            missing = [q for q in missing if q.kind != "serial"]
        if not _inside_names(pair.source, pair.source_lang):
            extra = [q for q in extra if q.kind != "serial"]
        if missing or extra:
            missing, extra = _without_conversions(pair, missing, extra)
        for found in (source_q, target_q):
            for quantity in found:
                seen["all"] |= quantity.readings
                if quantity.kind in ("month", "year"):
                    seen[quantity.kind].add(quantity.canonical)
        problems = [(n, "source") for n in missing] + [(n, "target") for n in extra]
        disagreeing = [
            (
                Quantity(float(mine.number), mine.text, mine.start, mine.end, kind="name"),
                Quantity(float(theirs.number), theirs.text, theirs.start, theirs.end),
            )
            for mine, theirs in names.disagreements(
                pair.source, pair.source_lang, pair.target, pair.target_lang
            )
        ]
        disagreeing += _disagreements(source_q, target_q, source_all, target_all)
        for mine, theirs in disagreeing:
            problems += [(mine, "mine"), (theirs, "theirs")]
        if problems:
            yield _mismatch(pair, context, missing, extra, problems)
    for _role, text, lang in pair.sides():
        for problem in impossible_dates(text, lang):
            yield context.config.finding("date-invalid", problem, pair)


#: Kinds a value may not turn into on the other side: 0.1个百分点 is 0.1 percentage points,
#: not 0.1 percent, and 0.1% is not 0.1 percentage points.
_RIVAL_KINDS = {"percent": "points", "points": "percent"}


def _disagreements(
    source_q: tuple[Quantity, ...],
    target_q: tuple[Quantity, ...],
    source_all: set[str],
    target_all: set[str],
) -> list[tuple[Quantity, Quantity]]:
    """Numbers that agree in value and differ in what they count: percent on one side where
    the other has percentage points of the same value (and no percent of it). And ordinals that
    differ: one on each side that the other side does not hold in any form (第四次 against
    "third"). Ordinals are not demanded alone (第三次 is as often "again"), but two of them
    that disagree are a wrong number."""
    out = []
    for mine in source_q:
        rival = _RIVAL_KINDS.get(mine.kind)
        same = [o for o in target_q if o.canonical == mine.canonical]
        if rival and same and all(o.kind == rival for o in same):
            out.append((mine, same[0]))
    # An ordinal is held by a number that can count (an ordinal, a count, a plain number), not
    # by a date or a time: in “第十四届…第二次会议3月5日” the third of "the third session … on
    # March 5" is no month 3, and the fifth of "the fifth expo … on November 5" no day 5.
    source_peers = _peer_readings(source_q, source_all)
    target_peers = _peer_readings(target_q, target_all)
    ordinals = [q for q in source_q if q.kind == "ordinal" and not q.readings & target_peers]
    others = [q for q in target_q if q.kind == "ordinal" and not q.readings & source_peers]
    if ordinals and others:
        out.append((ordinals[0], others[0]))
    return out


#: Kinds whose values may stand for an ordinal, or a span of time, of the other side.
_ORDINAL_PEERS = frozenset({"ordinal", "number", "count"})
_DURATION_PEERS = frozenset({"duration", "number", "count", "multiple", "ordinal"})


def _peer_readings(
    found: tuple[Quantity, ...], readings: set[str], peers: frozenset[str] = _ORDINAL_PEERS
) -> set[str]:
    """The readings that may match an ordinal (or, with `_DURATION_PEERS`, a span of time):
    the quantities of those kinds, not a month or a clock time of the same value
    (会议于下午3时…持续约两个小时: the 3 of the clock is no "three hours"). A span may also be
    met by a word tolerated for a value (a couple, a fortnight); an ordinal not (两种 holds no
    "second": the ordinal words are read as ordinals)."""
    matching = _readings(tuple(q for q in found if q.kind in peers), set())
    if peers is _ORDINAL_PEERS:
        return matching
    by_kind = _readings(tuple(q for q in found if q.kind not in peers), set())
    return matching | (readings - by_kind)


def _unmatched(
    found: tuple[Quantity, ...],
    text: str,
    lang: str,
    others: tuple[Quantity, ...],
    other_text: str,
    other_readings: set[str],
    seen: dict[str, set[str]],
    *,
    in_source: bool,
) -> list[Quantity]:
    out: list[Quantity] = []
    shown: set[str] = set()
    for quantity in found:
        if not quantity.explicit or quantity.canonical in shown:
            continue
        if _satisfied(quantity, text, lang, others, other_readings, in_source=in_source):
            continue
        if _implied(quantity, others, other_text, seen):
            continue
        shown.add(quantity.canonical)
        out.append(quantity)
    return out


def _mismatch(
    pair: CheckPair,
    context: Context,
    missing: list[Quantity],
    extra: list[Quantity],
    problems: list[tuple[Quantity, str]],
) -> Finding:
    """One finding for the pair, naming each number as written and as read (“1.77万亿” read
    as 1770000000000), with its span on its side as evidence."""

    def shown(q: Quantity) -> str:
        return q.text if q.text == q.canonical else f"{q.text} ({q.canonical})"

    parts = []
    if missing:
        parts.append(
            f"{', '.join(shown(q) for q in missing)} in the source but not in the translation"
        )
    if extra:
        parts.append(
            f"{', '.join(shown(q) for q in extra)} in the translation but not in the source"
        )
    evidence = []
    for quantity, where in problems:
        side = {"source": "source", "target": "target", "mine": "source", "theirs": "target"}[where]
        evidence.append(
            Evidence(side, quantity.text, quantity.start, quantity.end, quantity.canonical)
        )
    # Disagreements come in pairs: the source's number, then the translation's.
    paired = [q for q, where in problems if where in ("mine", "theirs")]
    for mine, theirs in zip(paired[::2], paired[1::2], strict=True):
        if mine.kind == "name":
            parts.append(f"the names disagree: “{mine.text}” against “{theirs.text}”")
        elif mine.kind == "ordinal":
            parts.append(f"the ordinals disagree: “{mine.text}” against “{theirs.text}”")
        else:
            parts.append(
                f"“{mine.text}” ({_KIND_WORDS[mine.kind]}) against “{theirs.text}” "
                f"({_KIND_WORDS[theirs.kind]})"
            )
    finding = context.config.finding("number-mismatch", "; ".join(parts), pair)
    return replace(finding, evidence=tuple(evidence))


_KIND_WORDS = {"percent": "percent", "points": "percentage points"}


def _without_conversions(
    pair: CheckPair, missing: list[Quantity], extra: list[Quantity]
) -> tuple[list[Quantity], list[Quantity]]:
    """Drop values that a unit conversion explains: imperial on one side, metric on the
    other."""
    texts = {pair.source_lang: pair.source, pair.target_lang or "": pair.target or ""}
    en = next((t for lang, t in texts.items() if not langs.is_chinese(lang)), "")
    zh = next((t for lang, t in texts.items() if langs.is_chinese(lang)), "")
    imperial, metric = _converted(en, _IMPERIAL), _converted(zh, _METRIC)
    converted = imperial | metric if imperial and metric else set()
    converted |= _market_units(zh, en)
    if not converted:
        return missing, extra
    return (
        [q for q in missing if q.canonical not in converted],
        [q for q in extra if q.canonical not in converted],
    )


# China's market units, which an English translation converts: 1 斤 = 0.5 kg, 1 亩 = 1/15
# hectare (State Council order on units of measurement, 1984; data/numbers.json).
_MARKET_FACTOR: dict[tuple[str, str], int] = {
    (f["zh"], f["en"]): f["per"] for f in _POLICY["market_units"]["factors"]
}
_ZH_MARKET = re.compile(
    rf"(\d+(?:\.\d+)?)\s*([万亿]*)\s*({'|'.join(dict.fromkeys(zh for zh, _ in _MARKET_FACTOR))})"
)
_EN_METRIC = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion)?\s*"
    rf"({'|'.join(dict.fromkeys(en for _, en in _MARKET_FACTOR))})\b"
)


def _market_units(zh: str, en: str) -> set[str]:
    """Values converted from 斤 or 亩 into tonnes or hectares (13908亿斤 ↔ 695.41 million
    tonnes): both sides' values, when one is the other converted (to within 0.1 %)."""
    from tm.text.numbers import canonical

    scale = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12, "million": 10**6, "billion": 10**9}
    zh_values = [
        (float(m.group(1)) * scale.get(m.group(2), 1), m.group(3)) for m in _ZH_MARKET.finditer(zh)
    ]
    found: set[str] = set()
    for m in _EN_METRIC.finditer(en):
        value = float(m.group(1).replace(",", "")) * scale[m.group(2) or ""]
        for zh_value, unit in zh_values:
            factor = _MARKET_FACTOR.get((unit, m.group(3)))
            if factor and abs(zh_value / factor - value) <= 0.001 * value:
                found |= {canonical(zh_value), canonical(value)}
    return found


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: February 29 passes without one
    except ValueError:
        return False
    return True


def impossible_dates(text: str, lang: str) -> list[str]:
    """Messages for dates that do not exist, or whose weekday is wrong."""
    problems = []
    if langs.is_chinese(lang):
        import unicodedata

        text = unicodedata.normalize("NFKC", text)
        for match in _ZH_DATE.finditer(text):
            year = int(match.group(1)) if match.group(1) else None
            month, day = int(match.group(2)), int(match.group(3))
            if not _valid(year, month, day):
                problems.append(f"{match.group(0)} is not a date")
                continue
            named = _ZH_WEEKDAY.match(text, match.end())
            if named and year:
                said = _ZH_WEEKDAY_INDEX[named.group(1)]
                real = date(year, month, day).weekday()
                if said != real:
                    problems.append(
                        f"{match.group(0)} was a {calendar.day_name[real]}, not "
                        f"{named.group(0).strip('（(')}"
                    )
        return problems
    for match in _EN_DATE.finditer(text):
        weekday, month_name, day_text, year_text = match.groups()
        month, day = MONTHS[month_name.lower()], int(day_text)
        year = int(year_text) if year_text else None
        if not _valid(year, month, day):
            problems.append(f"{match.group(0).strip()} is not a date")
        elif weekday and year and _WEEKDAYS[weekday.lower()] != date(year, month, day).weekday():
            actual = calendar.day_name[date(year, month, day).weekday()]
            problems.append(f"{month_name} {day}, {year} was a {actual}, not a {weekday}")
    return problems
