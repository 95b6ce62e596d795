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
from functools import lru_cache

from tm import lang as langs
from tm.checks.core import CheckPair, Context
from tm.model import Finding
from tm.text.numbers import MONTHS, chinese_numbers, english_numbers

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


# What else a number may be written as, so that a faithful translation is not flagged.
_EN_DECADE = re.compile(r"\b(1\d|20)(\d)0['’]?s\b")  # 1980s ↔ 80年代, 1800s ↔ 19世纪
_EN_EXTRA = {
    "decade": "10",
    "decades": "10",
    "century": "100",
    "dozen": "12",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
    "half": "0.5",
    "twice": "2",
    "double": "2",
    "triple": "3",
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
    "tenth": "10",
    "hundredth": "100",
}
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
_ZH_ALONE = {
    "十": "10",
    "百": "100",
    "千": "1000",
    "万": "10000",
    "亿": "100000000",
    "半": "0.5",
    "双": "2",
    "两": "2",
    "倍": "2",
}
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


def check_numbers(pair: CheckPair, context: Context) -> Iterator[Finding]:
    # Only numbers written in digits are demanded and only dates with digits are judged: a
    # pair without a digit has nothing to report (most sentences).
    if not _DIGIT.search(pair.source) and not (pair.target and _DIGIT.search(pair.target)):
        return
    if pair.bilingual and pair.target is not None and pair.target_lang is not None:
        source_all = set(values(pair.source, pair.source_lang))
        source_all |= _tolerated(pair.source, pair.source_lang)
        target_all = set(values(pair.target, pair.target_lang))
        target_all |= _tolerated(pair.target, pair.target_lang)
        missing = [
            v
            for v in dict.fromkeys(values(pair.source, pair.source_lang, explicit=True))
            if v not in target_all and not (_aliases(v, pair.source, pair.source_lang) & target_all)
        ]
        extra = [
            v
            for v in dict.fromkeys(values(pair.target, pair.target_lang, explicit=True))
            if v not in source_all and not (_aliases(v, pair.target, pair.target_lang) & source_all)
        ]
        if missing or extra:
            missing, extra = _without_conversions(pair, missing, extra)
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


def _without_conversions(
    pair: CheckPair, missing: list[str], extra: list[str]
) -> tuple[list[str], list[str]]:
    """Drop values that a unit conversion explains: imperial on one side, metric on the
    other."""
    texts = {pair.source_lang: pair.source, pair.target_lang or "": pair.target or ""}
    en = next((t for lang, t in texts.items() if not langs.is_chinese(lang)), "")
    zh = next((t for lang, t in texts.items() if langs.is_chinese(lang)), "")
    imperial, metric = _converted(en, _IMPERIAL), _converted(zh, _METRIC)
    if not imperial or not metric:
        return missing, extra
    converted = imperial | metric
    return [v for v in missing if v not in converted], [v for v in extra if v not in converted]


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
        named, month_name, day_text, year_text = match.groups()
        month, day = MONTHS[month_name.lower()], int(day_text)
        year = int(year_text) if year_text else None
        if not _valid(year, month, day):
            problems.append(f"{match.group(0).strip()} is not a date")
        elif named and year and _WEEKDAYS[named.lower()] != date(year, month, day).weekday():
            actual = calendar.day_name[date(year, month, day).weekday()]
            problems.append(f"{month_name} {day}, {year} was a {actual}, not a {named}")
    return problems
