"""Numbers as values, whatever script wrote them, so that 二十五 meets 25, 3.5亿 meets
"350 million", １０ meets 10, 百分之五十 meets 50% and 6月21日 meets "June 21".

Values are returned as canonical strings ("350000000", "3.5") so that they can be compared and
indexed like words.
"""

from __future__ import annotations

import re
import unicodedata

_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_ZH_NUMERAL = "".join(_DIGIT) + "".join(_UNIT) + "".join(_BIG)
_ZH_RUN = re.compile(rf"百分之([{_ZH_NUMERAL}点]+)|([{_ZH_NUMERAL}]+(?:点[{''.join(_DIGIT)}]+)?)")
_YI_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*[亿億]\s*(\d{1,4})\s*[万萬]")
_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*([万萬亿億千])?")
_EN_NUMBER = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion)\b)?", re.IGNORECASE
)
_EN_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
#: English month names -> their number (dates are compared as values).
MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_EN_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(\d{1,2})\b", re.IGNORECASE)
_EN_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
_EN_WORD = re.compile(r"\b(" + "|".join(_EN_WORDS) + r")\b", re.IGNORECASE)
_EN_COMPOUND = re.compile(
    r"\b(twenty|thirty|forty|fifty)-(one|two|three|four|five|six|seven|eight|nine)\b",
    re.IGNORECASE,
)


def canonical(value: float) -> str:
    """`3.5` -> "3.5", `350000000.0` -> "350000000"."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6g}"


def chinese_integer(text: str) -> int | None:
    """二十五 -> 25, 一千二百 -> 1200, 三亿五千万 -> 350000000, 二〇二三 -> 2023; None if not a
    numeral."""
    if not text or any(ch not in _ZH_NUMERAL for ch in text):
        return None
    if all(ch in _DIGIT for ch in text) and len(text) > 1:  # digit by digit: 二〇二三
        return int("".join(str(_DIGIT[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _UNIT:
            section += (1 if digit is None else digit) * _UNIT[ch]
            digit = None
        else:  # 万, 亿
            section += digit or 0
            if _BIG[ch] == 10**8:
                total = (total + section) * _BIG[ch]
            else:
                total += section * _BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def _chinese_value(text: str) -> float | None:
    whole, _, fraction = text.partition("点")
    integer = chinese_integer(whole) if whole else 0
    if integer is None:
        return None
    if fraction:
        digits = "".join(str(_DIGIT.get(ch, "")) for ch in fraction)
        return float(f"{integer}.{digits}") if digits else float(integer)
    return float(integer)


def chinese_numbers(text: str, *, numerals: bool = True) -> list[str]:
    """Every number in Chinese text: Arabic (half or full width, with 万/亿), Chinese numerals,
    百分之 percentages, and the parts of dates (2023年6月21日 -> 2023, 6, 21).

    `numerals=False` keeps only numbers written with digits: a checker demands those in the
    translation, while 一 and 双 are as often words as numbers."""
    text = unicodedata.normalize("NFKC", text)  # full-width digits
    values: list[str] = []
    for match in _YI_WAN.finditer(text):  # 1亿5000万 is one number, 150 million
        values.append(canonical(float(match.group(1)) * 10**8 + int(match.group(2)) * 10**4))
    text = _YI_WAN.sub(" ", text)
    for match in _ARABIC.finditer(text):
        number = float(match.group(1).replace(",", ""))
        scale = match.group(2)
        if scale:
            number *= _BIG.get(scale, 1000 if scale == "千" else 1)
        values.append(canonical(number))
    if not numerals:
        return values
    for match in _ZH_RUN.finditer(text):
        run = match.group(1) or match.group(2)
        if run in ("万", "亿", "千", "百", "十") or run == "两":
            continue
        value = _chinese_value(run)
        if value is not None:
            values.append(canonical(value))
    return values


def english_numbers(text: str, *, words: bool = True) -> list[str]:
    """Every number in English text: digits (3,000; 3.5), scaled words (350 million), small
    number words (three), and month-day dates (June 21 -> 6, 21).

    `words=False` leaves out number words (two sides, one of them): see `chinese_numbers`."""
    values: list[str] = []
    for match in _EN_NUMBER.finditer(text):
        number = float(match.group(1).replace(",", ""))
        if match.group(2):
            number *= _EN_SCALE[match.group(2).lower()]
        values.append(canonical(number))
    for match in _EN_DATE.finditer(text):
        values.append(str(MONTHS[match.group(1).lower()]))
    if not words:
        return values
    for match in _EN_COMPOUND.finditer(text):  # twenty-five
        values.append(str(_EN_WORDS[match.group(1).lower()] + _EN_WORDS[match.group(2).lower()]))
    text = _EN_COMPOUND.sub(" ", text)
    for match in _EN_WORD.finditer(text):
        values.append(str(_EN_WORDS[match.group(1).lower()]))
    return values
