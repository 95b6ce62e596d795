"""Numbers, dates, percentages and amounts: the same values on both sides whatever wrote them
(二十五 ↔ 25, １０ ↔ 10, 2023年6月21日 ↔ June 21, 2023, 3.5亿 ↔ 350 million, 50% ↔ 百分之五十),
and no impossible date on either side.

A value written in digits must be found on the other side in any form; values written only
in words (two sides, 双方, 一些) are not demanded, because there they are as often words as
numbers. That asymmetry is what keeps human translations clean.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date

from tm import lang as langs
from tm.checks.core import CheckPair, Context
from tm.model import Finding
from tm.text.numbers import chinese_numbers, english_numbers

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_EN_DATE = re.compile(
    r"\b(?:(" + "|".join(_WEEKDAYS) + r"),?\s+)?(" + "|".join(_MONTHS) + r")\s+(\d{1,2})"
    r"(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?",
    re.IGNORECASE,
)
_ZH_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_ZH_WEEKDAY = re.compile(r"[（(]?\s*(?:星期|周|礼拜)([一二三四五六日天])")
_ZH_WEEKDAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def values(text: str, lang: str, *, explicit: bool = False) -> list[str]:
    if langs.is_chinese(lang):
        return chinese_numbers(text, numerals=not explicit)
    return english_numbers(text, words=not explicit)


def check_numbers(pair: CheckPair, context: Context) -> Iterator[Finding]:
    if pair.bilingual and pair.target is not None and pair.target_lang is not None:
        source_all = set(values(pair.source, pair.source_lang))
        target_all = set(values(pair.target, pair.target_lang))
        missing = [
            v
            for v in dict.fromkeys(values(pair.source, pair.source_lang, explicit=True))
            if v not in target_all
        ]
        extra = [
            v
            for v in dict.fromkeys(values(pair.target, pair.target_lang, explicit=True))
            if v not in source_all
        ]
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"{', '.join(missing)} in the source but not in the translation")
            if extra:
                parts.append(f"{', '.join(extra)} in the translation but not in the source")
            yield context.config.finding("number-mismatch", "; ".join(parts), pair)
    for _role, text, lang in pair.sides():
        for problem in impossible_dates(text, lang):
            yield context.config.finding("date-invalid", problem, pair)


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
            weekday = _ZH_WEEKDAY.match(text, match.end())
            if weekday and year:
                said = _ZH_WEEKDAY_INDEX[weekday.group(1)]
                real = date(year, month, day).weekday()
                if said != real:
                    problems.append(
                        f"{match.group(0)} was a {calendar.day_name[real]}, not "
                        f"{weekday.group(0).strip('（(')}"
                    )
        return problems
    for match in _EN_DATE.finditer(text):
        weekday, month_name, day_text, year_text = match.groups()
        month, day = _MONTHS[month_name.lower()], int(day_text)
        year = int(year_text) if year_text else None
        if not _valid(year, month, day):
            problems.append(f"{match.group(0).strip()} is not a date")
        elif weekday and year and _WEEKDAYS[weekday.lower()] != date(year, month, day).weekday():
            real = calendar.day_name[date(year, month, day).weekday()]
            problems.append(f"{month_name} {day}, {year} was a {real}, not a {weekday}")
    return problems
