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
_UNITS_EN = {
    "zero": 0,
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_EN = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: The words the digit-value reader takes (one to twelve, twenty to fifty, hundred): the number
#: words a translation writes where the other side has digits.
_EN_WORDS = {
    **{word: n for word, n in _UNITS_EN.items() if 1 <= n <= 12},
    **{word: n for word, n in _TENS_EN.items() if n <= 50},
    "hundred": 100,
}
_EN_WORD = re.compile(r"\b(" + "|".join(_EN_WORDS) + r")\b", re.IGNORECASE)
_EN_COMPOUND = re.compile(
    r"\b(twenty|thirty|forty|fifty)-(one|two|three|four|five|six|seven|eight|nine)\b",
    re.IGNORECASE,
)


def canonical(value: float) -> str:
    """`3.5` -> "3.5", `350000000.0` -> "350000000"."""
    whole = round(value)
    if abs(value - whole) <= 1e-9 * max(1.0, abs(value)):  # 17.85 * 10**8 is 1785000000.0000002
        return str(int(whole))
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


# --- Quantities: one reading of numbers for both languages, with where each was written -----
#
# `chinese_numbers` and `english_numbers` above give bare values (the aligner's evidence). The
# checks need more: where a number is (to show it), whether it was written in digits (only
# those are demanded of a translation), what else it may stand for (下午3点 is 3 or 15 o'clock,
# 增长2倍 is "doubled" or "tripled"), and whether it is approximate (30余万: 300,000 to
# 400,000). `quantities` reads all of it, in either language, as one model.

from collections.abc import Iterable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402


@dataclass(frozen=True)
class Quantity:
    """One number as written: its value, the span it was read from, and how to compare it."""

    value: float
    text: str
    start: int
    end: int
    explicit: bool = True  # written in digits: demanded of the other side
    # number, percent, points (percentage points), ordinal, year, month, day, time, multiple,
    # duration (a span of time), serial (the number of a name: 神舟十七号)
    kind: str = "number"
    low: float | None = None  # an approximation covers low..high (30余万)
    high: float | None = None
    alternatives: frozenset[str] = field(default_factory=frozenset)

    @property
    def canonical(self) -> str:
        return canonical(self.value)

    @property
    def readings(self) -> frozenset[str]:
        """Every value this may stand for: its own and the alternatives."""
        return self.alternatives | {self.canonical}

    def covers(self, value: float) -> bool:
        """Within the range, its end left out: 30余万 is 300,000 and more, but less than
        400,000 (which would be 40万)."""
        return self.low is not None and self.high is not None and self.low <= value < self.high


def _num(text: str) -> float:
    return float(text.replace(",", ""))


class _Reader:
    """Finds spans in order of precedence; a span once read is masked for later patterns, so
    that 2023年 is a year and not also a number."""

    def __init__(self, text: str) -> None:
        self.original = text
        folded = unicodedata.normalize("NFKC", text)  # full-width digits, when offsets hold
        self.text = folded if len(folded) == len(text) else text
        self.found: list[Quantity] = []

    def mask(self, start: int, end: int) -> None:
        self.text = self.text[:start] + " " * (end - start) + self.text[end:]

    def add(self, start: int, end: int, value: float, **kw: object) -> None:
        self.found.append(
            Quantity(value, self.original[start:end], start, end, **kw)  # type: ignore[arg-type]
        )

    def each(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        return list(pattern.finditer(self.text))

    def each_if(self, need: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """`each`, skipped when the text lacks every character the pattern needs."""
        return self.each(pattern) if _has(self.text, need) else []

    def done(self) -> list[Quantity]:
        return sorted(self.found, key=lambda q: (q.start, q.end))


#: A number glued to Latin letters is part of a name, not a quantity: COVID-19, G20, A4, H1N1,
#: 5G, 3D, MP3, F-35. Units glued to a number (10MW, 5km) stay numbers.
_LATIN_NAME = re.compile(
    r"(?<![\w.])(?=[\w-]*[A-Z])(?=[\w-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:\.\d+)?(?![\w])",
    re.ASCII,
)
_UNIT_GLUED = re.compile(
    r"\d+(?:\.\d+)?(?:[kMGT]?W[h]?|[kMG]?Hz|[kM]?V|[kmc]?m|kg|MPa|GB|MB|TB|KB|K|C|F|L|mAh|Mt|Gt)",
    re.ASCII,
)


def latin_names(text: str) -> list[tuple[int, int]]:
    """Spans of numbers glued to Latin letters, which are names and not quantities (COVID-19,
    J-20, 5G); not units (10MW) nor ordinals (19th)."""
    return [
        m.span()
        for m in _LATIN_NAME.finditer(text)
        if not _UNIT_GLUED.fullmatch(m.group())
        and not re.fullmatch(r"\d+(?:st|nd|rd|th|s)", m.group())
    ]


def _mask_names(reader: _Reader, names: Iterable[tuple[int, int]]) -> None:
    for start, end in names:
        reader.mask(start, end)
    for start, end in latin_names(reader.text):
        reader.mask(start, end)


# Chinese ---------------------------------------------------------------------------------------
_ZN = "".join(_DIGIT) + "".join(_UNIT)  # numerals without 万/亿
_ZH_SCALE = {
    "万亿": 10**12,
    "千亿": 10**11,
    "亿": 10**8,
    "億": 10**8,
    "万": 10**4,
    "萬": 10**4,
    "千": 10**3,
}
_SCALE_RE = "万亿|千亿|亿|億|万|萬|千"
_APPROX_BEFORE = "约|近|大约|将近|超过|逾|上|约合|近乎|达|超"
_Q_ZH_DATE = re.compile(
    rf"(?:(\d{{4}}|[{_ZN}]{{4}})\s*年\s*)?(?:(\d{{1,2}}|[{_ZN}]{{1,3}})\s*月\s*)?"
    rf"(\d{{1,2}}|[{_ZN}]{{1,3}})\s*[日号](?![本元])"
)
_Q_ZH_YEAR = re.compile(rf"(\d{{4}}|[{_ZN}]{{4}})\s*年(?!代|级|前|间|来|里)")
_Q_ZH_MONTH = re.compile(rf"(\d{{1,2}}|[{_ZN}]{{1,3}})\s*月份?(?![亮光饼球])")
_Q_ZH_TIME = re.compile(
    rf"(上午|下午|晚上|凌晨|中午|早上|傍晚|夜间|晚)?\s*(\d{{1,2}}|[{_ZN}]{{1,3}})\s*[点時时]"
    rf"(?:\s*(\d{{1,2}}|[{_ZN}]{{1,3}})\s*分|(半))?(?![\d.]|[{_ZN}]|钟头)"
)
#: What follows 成 when it is no tenth but a word (成为 "become", 成本 "cost", 七成熟
#: "medium-well", 八成是 "most likely", 一成不变 "unchanging"): 四成 before anything else is 40 %.
_CHENG_WORDS = (
    "为|功|立|熟|本|交|员|果|绩|就|长|分|都|型|品|年|人|效|不变|千|群|套|批|片|语|风|色|是|"
    "了|形|家|像|全|性|败|行|事|名|亲|因|材|器|药|军|份|文|龙|对|双|倍"
)
_Q_ZH_PERCENT = re.compile(
    rf"百分之([{_ZN}点]+|\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*[%\uff05]|"
    rf"(\d+(?:\.\d+)?|[{_ZN}]+)\s*成(?!{_CHENG_WORDS})|"
    rf"(\d+(?:\.\d+)?|[{_ZN}点]+)\s*个?百分点"
)
_Q_ZH_FRACTION = re.compile(rf"(\d+|[{_ZN}]+)\s*分之\s*(\d+|[{_ZN}]+)")
_Q_ZH_MULTIPLE = re.compile(rf"(增长|增加|提高|上升|扩大|翻)?了?\s*(\d+(?:\.\d+)?|[{_ZN}]+)\s*倍")
#: 翻一番 doubles, 翻两番 quadruples (each 番 doubles again); 翻番 alone is "doubled".
_Q_ZH_DOUBLINGS = re.compile(rf"翻了?\s*(?:(近|约)?\s*([{_ZN}]+|\d+)\s*)?番")
#: Counts: 两次 "twice", 三遍 "three times"; 第三次 is an ordinal, "the third time".
_Q_ZH_COUNT = re.compile(rf"(第)?\s*(\d+|[{_ZN}]+)\s*[次遍](?!日|年|月|要|序|级|生|元|贷)")
#: Any other ordinal: 第四届 "the fourth", 第19届 "the 19th", 第三季度 "the third quarter".
_Q_ZH_ORDINAL = re.compile(rf"第\s*(\d+|[{_ZN}]+)")
#: 首 before a measure word is "first": 首次 the first time, 首届 the first edition.
_Q_ZH_FIRST = re.compile(r"首(?=[次度届个位家批架台座款场轮例单日月年])")
_Q_ZH_SECONDS = re.compile(r"(\d+)\s*秒\s*(\d{1,3})(?![\d.])")
_Q_ZH_MIXED = re.compile(r"(\d+)\s*万\s*(\d{1,4})(?![\d.,]|\s*[万亿千])")
_Q_ZH_ARABIC = re.compile(
    rf"({_APPROX_BEFORE})?\s*(\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(余|多)?\s*({_SCALE_RE})?\s*(余|多)?"
)
#: A span of time counted in numerals: 两个小时 "two hours", 三天 "three days", 五年 "five
#: years". Written in words, it is still demanded (两个小时 is not "three hours"). Not after
#: 几/数/多 (几十年 is "decades") nor two digits running (两三天, "two or three days").
_Q_ZH_DURATION = re.compile(
    rf"(?<![几数多{_ZN}])([{_ZN}]+)\s*(个)?\s*(?P<half>半)?"
    rf"(?P<unit>小时|钟头|分钟|天(?!半个月|两头)|周|星期|礼拜|月|年(?![级代])|岁)(?P<half2>半)?"
)
#: Two digits running are a range (两三天 "two or three days", 二三十年 "twenty or thirty years").
_ZH_TWO_DIGITS = re.compile("[一二两三四五六七八九]{2}")
#: A numeral before 号 right after a name is that name's number (kind "serial"): 神舟十七号
#: "Shenzhou-17", 长征五号 "Long March 5", 天宫二号 "Tiangong-2".
_Q_ZH_SERIAL = re.compile(rf"(?<=[\u4e00-\u9fff])(?<![{_ZN}])([{_ZN}]+)号")
_ZH_SPAN_UNIT = {
    "小时": "hour",
    "钟头": "hour",
    "分钟": "minute",
    "天": "day",
    "周": "week",
    "星期": "week",
    "礼拜": "week",
    "月": "month",
    "年": "year",
}
#: The same span in the neighbouring units a translator converts to, kept when it is a whole
#: or half number: 两周 ↔ "14 days", 六个月 ↔ "half a year", 九十分钟 ↔ "an hour and a half",
#: 二十四小时 ↔ "a day", 二十年 ↔ "two decades".
_SPAN_FACTORS: dict[str, tuple[float, ...]] = {
    "minute": (1 / 60,),
    "hour": (60, 1 / 24),
    "day": (24, 1 / 7),
    "week": (7,),
    "month": (1 / 12,),
    "year": (12, 1 / 10),
    "decade": (10,),
}


def _span_alternatives(value: float, unit: str | None) -> frozenset[str]:
    """The span `value` `unit`s in the units next to `unit` (`_SPAN_FACTORS`)."""
    out = set()
    for factor in _SPAN_FACTORS.get(unit or "", ()):
        converted = value * factor
        if abs(converted * 2 - round(converted * 2)) < 1e-9 and converted >= 0.5:
            out.add(canonical(round(converted * 2) / 2))
    return frozenset(out)


_Q_ZH_NUMERAL = re.compile(rf"([{_ZN}]+(?:[万萬亿億][{_ZN}]*)*(?:点[{''.join(_DIGIT)}]+)?)")


def _zh_value(text: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in ("十", "百", "千") or text == "两":
        return float(_UNIT.get(text, 2))
    return _chinese_value(text)


def chinese_quantities(text: str, names: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Every number in Chinese text, with its span: dates (2023年6月21日; a bare 10日), clock
    times (下午3点 = 3 or 15), percentages (百分之五十, 50%, 四成 = 40%) and percentage points
    (3个百分点), ordinals (第三次, 第四届, 首次 = 1st), fractions
    (三分之一), multiples (3倍; 增长2倍 may be "tripled"), amounts with 万/亿/万亿 (1.77万亿,
    2万4801, 30余万 = 300,000 to 400,000), spans of time (两个小时, 一年半 = 1.5 or 18 months),
    the number of a name (神舟十七号) and Chinese numerals. Numbers inside names (十四五,
    COVID-19) are not quantities: see `tm.checks.data/names.json`."""
    reader = _Reader(text)
    _mask_names(reader, names)
    for m in reader.each_if("date", _Q_ZH_DATE):
        year, month, day = m.group(1), m.group(2), m.group(3)
        if not year and not month and not day.isdigit():
            continue  # 一日 is as often "one day"
        for group, kind in ((1, "year"), (2, "month"), (3, "day")):
            value = _zh_value(m.group(group)) if m.group(group) else None
            if value is not None:
                reader.add(
                    m.start(group),
                    m.end(group),
                    value,
                    kind=kind,
                    explicit=m.group(group).isdigit(),
                )
        reader.mask(m.start(), m.end())
    for pattern, kind in ((_Q_ZH_YEAR, "year"), (_Q_ZH_MONTH, "month")):
        for m in reader.each_if(kind, pattern):
            value = _zh_value(m.group(1))
            if value is None or (kind == "month" and not 1 <= value <= 12):
                continue
            reader.add(m.start(1), m.end(1), value, kind=kind, explicit=m.group(1).isdigit())
            reader.mask(m.start(), m.end())
    for m in reader.each_if("time", _Q_ZH_TIME):
        hour = _zh_value(m.group(2))
        if hour is None or hour > 24:
            continue
        afternoon = m.group(1) in ("下午", "晚上", "傍晚", "夜间", "晚")
        alternatives = {canonical(hour + 12)} if afternoon and hour < 12 else set()
        reader.add(
            m.start(2),
            m.end(2),
            hour,
            kind="time",
            explicit=m.group(2).isdigit(),
            alternatives=frozenset(alternatives),
        )
        minutes = _zh_value(m.group(3)) if m.group(3) else (30.0 if m.group(4) else None)
        if minutes:
            reader.add(
                m.start(3) if m.group(3) else m.start(4),
                m.end(3) if m.group(3) else m.end(4),
                minutes,
                kind="time",
                explicit=bool(m.group(3) and m.group(3).isdigit()),
            )
        reader.mask(m.start(), m.end())
    for m in reader.each_if("percent", _Q_ZH_PERCENT):
        group = next(i for i in range(1, 5) if m.group(i))
        value = _zh_value(m.group(group))
        if value is None:
            continue
        if group == 4:  # 3个百分点: percentage points, not percent ("up 3 percent" is wrong)
            reader.add(m.start(), m.end(), value, kind="points", explicit=m.group(4)[0].isdigit())
        elif group == 3:  # 四成 = 40%
            reader.add(
                m.start(),
                m.end(),
                value * 10,
                kind="percent",
                explicit=m.group(3)[0].isdigit(),
                alternatives=frozenset({canonical(value)}),
            )
        else:  # 百分之六十 is a number in any script: demanded
            reader.add(
                m.start(),
                m.end(),
                value,
                kind="percent",
                explicit=group == 1 or m.group(group)[0].isdigit(),
            )
        reader.mask(m.start(), m.end())
    for m in reader.each_if("fraction", _Q_ZH_FRACTION):
        whole, part = _zh_value(m.group(1)), _zh_value(m.group(2))
        if not whole or part is None:
            continue
        reader.add(
            m.start(),
            m.end(),
            part / whole,
            kind="fraction",
            explicit=m.group(1).isdigit(),
            alternatives=frozenset(
                {canonical(whole), canonical(part), canonical(round(100 * part / whole))}
            ),
        )
        reader.mask(m.start(), m.end())
    for m in reader.each_if("doubling", _Q_ZH_DOUBLINGS):
        times = _zh_value(m.group(2)) if m.group(2) else 1.0
        if times is None or times > 10:
            continue
        value = 2.0**times
        reader.add(
            m.start(),
            m.end(),
            value,
            kind="multiple",
            alternatives=frozenset({canonical((value - 1) * 100)}),  # doubled: up 100 %
        )
        reader.mask(m.start(), m.end())
    for m in reader.each_if("multiple", _Q_ZH_MULTIPLE):
        value = _zh_value(m.group(2))
        if value is None:
            continue
        if m.group(1):
            # 增长2倍 is, strictly, "to three times" (up 200 %); translators write either.
            alternatives = {canonical(value + 1), canonical(value * 100)}
        else:
            # 是去年的3倍: three times last year's, up 200 %.
            alternatives = {canonical((value - 1) * 100)} if value > 1 else set()
        reader.add(
            m.start(2),
            m.end(),
            value,
            kind="multiple",
            # A multiple in numerals is demanded as digits are (两倍, 三倍), but not 一倍
            # standing alone, which is as often "as much" as a number.
            explicit=m.group(2)[0].isdigit() or value >= 2 or bool(m.group(1)),
            alternatives=frozenset(alternatives),
        )
        reader.mask(m.start(), m.end())
    for m in reader.each_if("count", _Q_ZH_COUNT):
        value = _zh_value(m.group(2))
        if value is None or value < 1:
            continue
        ordinal = bool(m.group(1))
        reader.add(
            m.start(2) if not ordinal else m.start(),
            m.end(),
            value,
            kind="ordinal" if ordinal else "count",
            # 两次 is demanded as "twice" or "two"; 一次 is as often "a" or "one-off", and
            # 第三次 is often "again" or "another".
            explicit=(m.group(2).isdigit() or value >= 2) and not ordinal,
        )
        reader.mask(m.start(), m.end())
    for m in reader.each_if("ordinal", _Q_ZH_ORDINAL):
        value = _zh_value(m.group(1))
        if value is None or value < 1:
            continue
        # Demanded when written in digits (第19届), as any number in digits is.
        reader.add(m.start(), m.end(), value, kind="ordinal", explicit=m.group(1).isdigit())
        reader.mask(m.start(), m.end())
    for m in reader.each_if("first", _Q_ZH_FIRST):
        reader.add(m.start(), m.end() + 1, 1.0, kind="ordinal", explicit=False)
    for m in reader.each_if("seconds", _Q_ZH_SECONDS):  # 9秒97 is 9.97 seconds
        reader.add(m.start(), m.end(), float(f"{m.group(1)}.{m.group(2)}"))
        reader.mask(m.start(), m.end())
    for m in reader.each_if("wan", _Q_ZH_MIXED):  # 2万4801
        reader.add(m.start(), m.end(), int(m.group(1)) * 10**4 + int(m.group(2)))
        reader.mask(m.start(), m.end())
    for m in reader.each_if("yi", _YI_WAN):  # 1亿5000万
        reader.add(m.start(), m.end(), float(m.group(1)) * 10**8 + int(m.group(2)) * 10**4)
        reader.mask(m.start(), m.end())
    for m in reader.each(_Q_ZH_ARABIC):
        number = _num(m.group(2))
        scale = _ZH_SCALE.get(m.group(4) or "", 1)
        value = number * scale
        low = high = None
        if m.group(3) or m.group(5):  # 30余万 (300,000 to 400,000), 3万多, 100多
            if m.group(3) or not m.group(4):
                digits = str(int(number))
                step = 10 ** (len(digits) - len(digits.rstrip("0"))) * scale
            else:
                step = scale
            low, high = value, value + step
        reader.add(m.start(2), m.end(), value, low=low, high=high)
        reader.mask(m.start(), m.end())
    for m in reader.each_if("serial", _Q_ZH_SERIAL):
        value = _zh_value(m.group(1))
        if value is None or value < 1:
            continue
        reader.add(m.start(1), m.end(1), value, kind="serial", explicit=True)
        reader.mask(m.start(1), m.end(1))
    for m in reader.each_if("duration", _Q_ZH_DURATION):
        run = m.group(1)
        if run in ("百", "千") or _ZH_TWO_DIGITS.search(run):
            continue  # 百年 is as often "centenary"; 两三, 二三十 are ranges
        value = _zh_value(run)
        if value is None or value < 1:
            continue
        unit = m["unit"]
        if unit == "月" and not m.group(2):
            continue  # 三月 is March; 三个月 three months
        if m["half"] or m["half2"]:
            value += 0.5  # 两个半小时, 一年半 ("eighteen months")
        # 一天 is as often "a day" as "one day": from two up, demanded, and met in the units
        # next to its own (两周 "14 days", 两个小时 "120 minutes").
        reader.add(
            m.start(1),
            m.end() if m["half"] or m["half2"] else m.end(1),
            value,
            kind="duration",
            explicit=value >= 2,
            alternatives=_span_alternatives(value, _ZH_SPAN_UNIT.get(unit)),
        )
        reader.mask(m.start(1), m.end(1))
    for m in reader.each(_Q_ZH_NUMERAL):
        run = m.group(1)
        if run in ("万", "亿", "千", "百", "十", "两"):
            continue
        if any(ch in "万萬亿億" for ch in run):
            value = _chinese_value(run.replace("萬", "万").replace("億", "亿"))
        else:
            value = _chinese_value(run)
        if value is None:
            continue
        reader.add(m.start(), m.end(), value, explicit=False)
    return reader.done()


# English ---------------------------------------------------------------------------------------
_SCALES_EN = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_ORDINALS_EN = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
_MULTIPLES_EN = {
    "once": 1,
    "twice": 2,
    "thrice": 3,
    "double": 2,
    "doubled": 2,
    "doubles": 2,
    "doubling": 2,
    "triple": 3,
    "tripled": 3,
    "triples": 3,
    "tripling": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "quadruples": 4,
    "quadrupling": 4,
}
#: The multiplicative words demanded of the other side.
_DEMANDED_MULTIPLES = frozenset(
    w for w in _MULTIPLES_EN if w in ("twice", "thrice") or w.endswith(("ed", "es", "ing"))
)
_NUMBER_WORD = "|".join([*_UNITS_EN, *_TENS_EN, *_SCALES_EN, "a"])
#: "and" joins number words only after a scale: "two hundred and five" is one number, "ages
#: three and four" two.
_AND_AFTER_SCALE = "(?:" + "|".join(f"(?<={w})" for w in _SCALES_EN) + r")\s+and"
_Q_EN_WORDS = re.compile(
    rf"\b(?:{'|'.join([*_UNITS_EN, *_TENS_EN])}|a)(?:[\s-]+(?:{_NUMBER_WORD})|{_AND_AFTER_SCALE})*"
    r"\b",
    re.IGNORECASE,
)
_Q_EN_DATE = re.compile(
    r"\b(" + "|".join(MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+"
    r"(\d{1,2})(?:st|nd|rd|th)?\b(?:(?:,\s*|\s+)(\d{4})\b)?|"
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r")\b(?:,?\s+(\d{4})\b)?",
    re.IGNORECASE,
)
_MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()}
_Q_EN_MONTH_ALONE = re.compile(r"\b(" + "|".join(MONTHS) + r")\b(?:\s+(\d{4})\b)?")
_Q_EN_TIME = re.compile(
    r"\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'clock|o’clock)(?![a-z])|\b(\d{1,2}):(\d{2})\b",
    re.IGNORECASE,
)
_Q_EN_PERCENT = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b|(percentage[\s-]points?\b))", re.IGNORECASE
)
_EN_SMALL = "|".join([*_UNITS_EN, *_TENS_EN])
_Q_EN_PERCENT_WORDS = re.compile(
    rf"\b((?:{_EN_SMALL})(?:[\s-]+(?:{_EN_SMALL}))*)\s+(?:per\s*cent|percent)\b",
    re.IGNORECASE,
)
_Q_EN_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
#: A multiple in digits is the whole number, thousands separators and all ("1,000 times" is
#: a thousand, not 1 and 000 times).
_Q_EN_FOLD = re.compile(
    r"(?<![\w.,])(\d+(?:,\d{3})*|" + "|".join(_UNITS_EN) + r")[\s-]?fold\b", re.IGNORECASE
)
_Q_EN_TIMES = re.compile(
    r"(?<![\w.,])(\d+(?:,\d{3})*(?:\.\d+)?|" + "|".join([*_UNITS_EN, *_TENS_EN]) + r")\s+times\b",
    re.IGNORECASE,
)
_Q_EN_NUMBER = re.compile(
    r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)(?:[\s-]*(thousand|million|billion|trillion|mn|bn)\b)?",
    re.IGNORECASE,
)
_EN_SCALE_SHORT = {**_EN_SCALE, "mn": 10**6, "bn": 10**9}


_Q_EN_DURATION = re.compile(
    r"[\s-]+(?P<unit>hour|day|week|month|year|minute|decade)s?\b", re.IGNORECASE
)
_Q_EN_PER = re.compile(r"\b(?:times|twice|thrice|once)\s+$", re.IGNORECASE)
#: "a day", "an hour and a half": one span of time (or one and a half), never demanded, met in
#: the neighbouring units (二十四小时, 九十分钟).
_Q_EN_ONE_SPAN = re.compile(
    r"\b(?:an?|one)\s+(?P<unit>hour|day|week|month|year|decade)\b(?P<half>\s+and\s+a\s+half\b)?",
    re.IGNORECASE,
)
_Q_EN_AND_A_HALF = re.compile(
    rf"\b((?:{_EN_SMALL})(?:-(?:{_EN_SMALL}))?)\s+and\s+a\s+half\s+"
    r"(?P<unit>hour|day|week|month|year|decade)s?\b",
    re.IGNORECASE,
)
#: A text that may hold a span of time in words, either language: the number check reads a
#: pair without a digit when this (or a count) is in it.
DURATION_HINT = re.compile(
    rf"[{_ZN}]\s*(?:个\s*)?半?(?:小时|钟头|分钟|天|周|星期|月|年|岁)|"
    r"\b(?:"
    + "|".join([*_UNITS_EN, *_TENS_EN])
    + r")(?:\s+and\s+a\s+half)?"
    + _Q_EN_DURATION.pattern,
    re.IGNORECASE,
)
_Q_EN_HALF = re.compile(
    r"\bhalf\s+an?\s+(" + "|".join([*_SCALES_EN, "dozen"]) + r")\b", re.IGNORECASE
)
_Q_EN_RANGE_END = re.compile(r"\b(?:or|to)\s+$", re.IGNORECASE)
_Q_EN_MULTIPLE_WORD = re.compile(r"\b(?:" + "|".join(_MULTIPLES_EN) + r")\b")
_Q_EN_ORDINAL_WORD = re.compile(r"\b(?:" + "|".join(_ORDINALS_EN) + r")\b")
#: "twenty-first", "thirty-sixth": one ordinal (第二十一届, 第36届), not "first" or "sixth".
_Q_EN_COMPOUND_ORDINAL = re.compile(
    r"\b("
    + "|".join(_TENS_EN)
    + r")[\s-]("
    + "|".join(w for w, n in _ORDINALS_EN.items() if n < 10)
    + r")\b",
    re.IGNORECASE,
)
#: A pattern is tried only on a text holding one of these characters (most hold none).
_NEEDS = {
    "date": "日号",
    "year": "年",
    "month": "月",
    "time": "点时時",
    "percent": "百%\uff05成",
    "fraction": "之",
    "multiple": "倍",
    "doubling": "番",
    "count": "次遍",
    "ordinal": "第",
    "first": "首",
    "seconds": "秒",
    "wan": "万萬",
    "yi": "亿億",
    "duration": "时头钟天周星年岁月拜",
    "serial": "号",
    "clock": ":mMo",
    "en-percent": "%pP",
}


def _has(text: str, need: str) -> bool:
    return any(ch in text for ch in _NEEDS[need])


def english_words_value(words: str) -> float | None:
    """ "Fourteen billion" -> 14e9, "two hundred and five" -> 205, "a million" -> 1e6; None if
    the words are no number ("a" alone)."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if not tokens or tokens == ["a"]:
        return None
    total, current, seen = 0, 0, False
    for token in tokens:
        if token == "a":  # "a million" is one million by the scale; "a five-day visit" is 5
            continue
        if token in _UNITS_EN:
            current += _UNITS_EN[token]
        elif token in _TENS_EN:
            current += _TENS_EN[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in _SCALES_EN:
            total += max(current, 1) * _SCALES_EN[token]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def english_quantities(text: str, names: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Every number in English text, with its span: dates (June 21, 2023; 21 June), clock times
    (10:00 is 10 o'clock, not 10 and 0; 3 p.m. is 3 or 15), percentages and percentage points
    (apart: 0.1 percentage point is not 0.1 percent; "sixty percent"), ordinals (19th, fourth,
    twenty-first), multiples (thrice, twofold, tripled, 3 times), digits with scale words
    (1.77 trillion), spans of time ("two hours" = 2 or 120 minutes, "a day", "two and a half
    years") and numbers in words ("Fourteen billion", twenty-five, half a million). Numbers
    inside names (COVID-19, G20, the 14th Five-Year Plan) are not quantities."""
    reader = _Reader(text)
    _mask_names(reader, names)
    for m in reader.each(_Q_EN_DATE):
        if m.group(1):
            month_name, day, year = m.group(1), m.group(2), m.group(3)
            month_span = m.span(1)
            day_span, year_span = m.span(2), m.span(3)
        else:
            day, month_name, year = m.group(4), m.group(5), m.group(6)
            month_span, day_span, year_span = m.span(5), m.span(4), m.span(6)
        key = month_name.lower().rstrip(".")
        month = MONTHS.get(key) or _MONTH_ABBR.get(key[:3])
        if not month or not 1 <= int(day) <= 31:
            continue
        reader.add(*month_span, month, kind="month")
        reader.add(*day_span, int(day), kind="day")
        if year:
            reader.add(*year_span, int(year), kind="year")
        reader.mask(m.start(), m.end())
    for m in reader.each(_Q_EN_MONTH_ALONE):  # "in December": not demanded
        reader.add(m.start(1), m.end(1), MONTHS[m.group(1).lower()], kind="month", explicit=False)
        if m.group(2):
            reader.add(m.start(2), m.end(2), int(m.group(2)), kind="year")
        reader.mask(m.start(), m.end())
    for m in reader.each_if("clock", _Q_EN_TIME):
        hour_text = m.group(1) or m.group(4)
        minutes_text = m.group(2) or m.group(5)
        hour = int(hour_text)
        if hour > 24 or (minutes_text and int(minutes_text) > 59):
            continue
        suffix = (m.group(3) or "").lower()
        alternatives = set()
        if suffix.startswith("p") and hour < 12:
            alternatives.add(canonical(hour + 12))
        elif hour > 12:
            alternatives.add(canonical(hour - 12))
        start = m.start(1) if m.group(1) else m.start(4)
        reader.add(start, m.end(), hour, kind="time", alternatives=frozenset(alternatives))
        if minutes_text and int(minutes_text):
            reader.add(start, m.end(), int(minutes_text), kind="time")
        reader.mask(m.start(), m.end())
    for m in reader.each_if("en-percent", _Q_EN_PERCENT_WORDS):  # "Sixty percent": demanded
        words_value = english_words_value(m.group(1))
        if words_value is not None:
            reader.add(m.start(), m.end(), words_value, kind="percent")
            reader.mask(m.start(), m.end())
    for m in reader.each_if("en-percent", _Q_EN_PERCENT):
        kind = "points" if m.group(2) else "percent"  # 百分点 and 百分之 are not one thing
        reader.add(m.start(), m.end(), _num(m.group(1)), kind=kind)
        reader.mask(m.start(), m.end())
    for m in reader.each(_Q_EN_ORDINAL):
        reader.add(m.start(), m.end(), int(m.group(1)), kind="ordinal")
        reader.mask(m.start(), m.end())
    for pattern in (_Q_EN_FOLD, _Q_EN_TIMES):
        for m in reader.each(pattern):
            word = m.group(1).lower()
            value = float({**_UNITS_EN, **_TENS_EN}.get(word) or _num(word))
            # "four times", "threefold" are demanded as digits are (两次 is not four times);
            # "one time" is not.
            explicit = word[0].isdigit() or value >= 2
            more = frozenset({canonical((value - 1) * 100)}) if value > 1 else frozenset()
            reader.add(
                m.start(), m.end(), value, kind="multiple", explicit=explicit, alternatives=more
            )
            reader.mask(m.start(), m.end())
    for m in reader.each(_Q_EN_NUMBER):
        value = _num(m.group(1))
        if m.group(2):
            value *= _EN_SCALE_SHORT[m.group(2).lower()]
        reader.add(m.start(), m.end(), value)
        reader.mask(m.start(), m.end())
    for m in reader.each(_Q_EN_COMPOUND_ORDINAL):
        value = _TENS_EN[m.group(1).lower()] + _ORDINALS_EN[m.group(2).lower()]
        reader.add(m.start(), m.end(), value, kind="ordinal", explicit=False)
        reader.mask(m.start(), m.end())
    lowered = reader.text.lower()
    for m in _Q_EN_MULTIPLE_WORD.finditer(lowered):
        value = _MULTIPLES_EN[m.group()]
        reader.add(
            m.start(),
            m.end(),
            value,
            kind="multiple",
            # twice, thrice and the verbs (doubled, tripled) are counts a translation keeps;
            # "once" is as often "when", and "double", "triple" adjectives (a double room).
            explicit=m.group() in _DEMANDED_MULTIPLES,
            alternatives=frozenset({canonical((value - 1) * 100)}) if value > 1 else frozenset(),
        )
    for m in _Q_EN_ORDINAL_WORD.finditer(lowered):
        reader.add(m.start(), m.end(), _ORDINALS_EN[m.group()], kind="ordinal", explicit=False)
    for m in reader.each(_Q_EN_AND_A_HALF):  # "two and a half hours" is 2.5 (两个半小时)
        value = (english_words_value(m.group(1)) or 0) + 0.5
        reader.add(
            m.start(),
            m.end(),
            value,
            kind="duration",
            explicit=value >= 2,
            alternatives=_span_alternatives(value, m["unit"].lower()),
        )
        reader.mask(m.start(), m.end())
    for m in reader.each(_Q_EN_ONE_SPAN):
        if _Q_EN_PER.search(text, 0, m.start()):
            continue  # "four times a year": a is "per"
        value = 1.5 if m["half"] else 1.0
        reader.add(
            m.start(),
            m.end(),
            value,
            kind="duration",
            explicit=False,
            alternatives=_span_alternatives(value, m["unit"].lower()),
        )
        reader.mask(m.start(), m.end())
    for m in reader.each(_Q_EN_HALF):  # "half a million" is 500,000 (近50万), not a million
        scale = 12 if m.group(1).lower() == "dozen" else _SCALES_EN[m.group(1).lower()]
        reader.add(m.start(), m.end(), scale / 2, explicit=False)
        reader.mask(m.start(), m.end())
    for m in reader.each(_Q_EN_WORDS):
        words_value = english_words_value(m.group())
        if words_value is None:
            continue
        # "two hours", "a three-day visit": a span of time in words is demanded from two up,
        # unless it ends a range ("two or three days").
        unit = _Q_EN_DURATION.match(reader.text, m.end())
        duration = bool(unit) and not _Q_EN_RANGE_END.search(reader.text, 0, m.start())
        # "two decades" may be 二十年, "two weeks" 十四天, "two hours" 120分钟.
        reader.add(
            m.start(),
            m.end(),
            words_value,
            kind="duration" if duration else "number",
            explicit=duration and words_value >= 2,
            alternatives=_span_alternatives(words_value, unit["unit"].lower() if unit else None),
        )
        reader.mask(m.start(), m.end())
    return reader.done()


def quantities(text: str, lang: str, names: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """The numbers of a text in its language (`zh…` or anything else as English), leaving
    out the spans `names` gives (numbers inside names: 十四五, Windows 11)."""
    if lang.lower().startswith("zh"):
        return chinese_quantities(text, names)
    return english_quantities(text, names)
