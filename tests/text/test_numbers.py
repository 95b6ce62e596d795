import pytest

from tm.text.numbers import chinese_integer, chinese_numbers, english_numbers


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("二十五", 25),
        ("十五", 15),
        ("一千二百", 1200),
        ("两百", 200),
        ("一万零五", 10005),
        ("三亿五千万", 350_000_000),
        ("二〇二三", 2023),
        ("叁拾", 30),
        ("五点", None),
        ("绿电", None),
    ],
)
def test_chinese_integer(numeral: str, value: int | None) -> None:
    assert chinese_integer(numeral) == value


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("2023年6月21日", "June 21, 2023"),
        ("增长3.5亿元", "up 350 million yuan"),
        ("总投资约300亿元", "about 30 billion yuan"),
        ("百分之五十", "50%"),
        ("１０辆车", "10 trucks"),
        ("二十五人", "twenty-five people"),
        ("5,000公里", "5,000 kilometers"),
        ("三小时", "three hours"),
    ],
)
def test_the_same_values_in_both_scripts(zh: str, en: str) -> None:
    assert sorted(chinese_numbers(zh)) == sorted(english_numbers(en))


def test_no_numbers_in_plain_words() -> None:
    assert chinese_numbers("绿电交通产业战略合作签约仪式") == []
    assert english_numbers("Green power transportation") == []


# Quantities: one reading for both languages, with spans and readings --------------------------
from tm.text.numbers import english_words_value, quantities  # noqa: E402


def _values(text: str, lang: str, explicit_only: bool = False) -> list[str]:
    return [q.canonical for q in quantities(text, lang) if q.explicit or not explicit_only]


@pytest.mark.parametrize(
    ("zh", "value"),
    [
        ("1.77万亿元", "1770000000000"),  # not 17,700
        ("2万4801人", "24801"),
        ("140亿", "14000000000"),
        ("1亿5000万", "150000000"),
        ("17.85亿亩", "1785000000"),  # not 1.785e+09: a float's noise is rounded away
        ("9秒97", "9.97"),
    ],
)
def test_chinese_amounts_with_wan_and_yi(zh: str, value: str) -> None:
    assert _values(zh, "zh") == [value]


def test_approximations_are_ranges() -> None:
    (about,) = quantities("30余万人", "zh")
    assert about.canonical == "300000" and about.covers(350000) and not about.covers(410000)
    assert not about.covers(400000)  # 30余万 is less than 40万: the range ends before it
    (more,) = quantities("3万多", "zh")
    assert more.covers(35000) and not more.covers(45000) and not more.covers(40000)
    (visits,) = quantities("1500多万人次", "zh")  # 15 million and some: not 16 million
    assert visits.covers(15_800_000) and not visits.covers(16_000_000)
    (near,) = quantities("近200个国家", "zh")
    assert near.canonical == "200" and not near.covers(202)  # nearly 202 is another number


@pytest.mark.parametrize(
    ("zh", "kind", "value", "readings"),
    [
        ("四成", "percent", "40", {"40", "4"}),
        ("3个百分点", "points", "3", {"3"}),  # percentage points, not percent
        ("上升0.1个百分点", "points", "0.1", {"0.1"}),
        ("百分之五十", "percent", "50", {"50"}),
        ("三分之一", "fraction", "0.333333", {"0.333333", "1", "3", "33"}),
        ("增长2倍", "multiple", "2", {"2", "3", "200"}),  # "tripled", "twice as much", +200 %
        ("下午3点", "time", "3", {"3", "15"}),
    ],
)
def test_chinese_percentages_fractions_multiples_and_times(
    zh: str, kind: str, value: str, readings: set[str]
) -> None:
    (quantity,) = quantities(zh, "zh")
    assert (quantity.kind, quantity.canonical, set(quantity.readings)) == (kind, value, readings)


def test_clock_times_have_no_stray_zero() -> None:
    assert _values("上午10点", "zh") == ["10"]
    assert _values("at 10:00 a.m.", "en") == ["10"]
    assert _values("10点30分", "zh") == ["10", "30"] == _values("10:30", "en")
    assert sorted(_values("首班车于早上6点30分发出", "zh")) == sorted(_values("6:30 a.m.", "en"))


def test_dates_and_ordinals() -> None:
    kinds = [(q.kind, q.canonical) for q in quantities("12月8日至10日", "zh")]
    assert kinds == [("month", "12"), ("day", "8"), ("day", "10")]
    assert [(q.kind, q.canonical) for q in quantities("10日", "zh")] == [("day", "10")]
    english = [(q.kind, q.canonical) for q in quantities("on December 10, 2023", "en")]
    assert english == [("month", "12"), ("day", "10"), ("year", "2023")]
    assert [(q.kind, q.canonical) for q in quantities("21 June 2023", "en")] == [
        ("day", "21"),
        ("month", "6"),
        ("year", "2023"),
    ]
    assert _values("the 19th Central Committee", "en") == ["19"]
    assert _values("第十九届", "zh") == ["19"]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("Fourteen billion", 14e9),
        ("twenty-five", 25),
        ("two hundred and five", 205),
        ("a million", 1e6),
        ("a hundred", 100),
        ("a five", 5),  # "a five-day visit" (was read as 6)
        ("a two", 2),  # "a two-hour meeting"
        ("ninety-nine thousand", 99_000),
        ("a", None),
    ],
)
def test_english_numbers_in_words(words: str, value: float | None) -> None:
    assert english_words_value(words) == value


@pytest.mark.parametrize(
    ("zh", "kind", "value", "demanded"),
    [
        ("两次", "count", "2", True),
        ("二次", "count", "2", True),
        ("三次", "count", "3", True),
        ("3次", "count", "3", True),
        ("读了两遍", "count", "2", True),
        ("两倍", "multiple", "2", True),
        ("三倍", "multiple", "3", True),
        ("翻一番", "multiple", "2", True),
        ("翻了一番", "multiple", "2", True),
        ("翻番", "multiple", "2", True),
        ("翻两番", "multiple", "4", True),
        ("增长一倍", "multiple", "1", True),
        ("第三次", "ordinal", "3", False),  # "the third time", often "again"
        ("第六届", "ordinal", "6", False),  # "the sixth", in words: not demanded alone
        ("第19届", "ordinal", "19", True),  # in digits: demanded as any number in digits
        ("首届", "ordinal", "1", False),  # "the first"
        ("一次", "count", "1", False),  # as often "a" or "one-off"
    ],
)
def test_chinese_counts_and_multiplicatives(zh: str, kind: str, value: str, demanded: bool) -> None:
    (quantity,) = quantities(zh, "zh")
    assert (quantity.kind, quantity.canonical, quantity.explicit) == (kind, value, demanded)
    assert quantity.text in zh


def test_counts_and_multiplicatives_meet_across_languages() -> None:
    """Each Chinese form has an English reading among its own (and the other way round)."""
    pairs = [
        ("两次", "twice"),
        ("两次", "two times"),
        ("二次", "twice"),
        ("三次", "three times"),
        ("三次", "thrice"),
        ("两倍", "double"),
        ("两倍", "twofold"),
        ("三倍", "threefold"),
        ("三倍", "tripled"),
        ("三倍", "thrice"),
        ("翻一番", "doubled"),
        ("翻两番", "quadrupled"),
        ("增长一倍", "doubled"),
        ("增长2倍", "tripled"),
        ("翻了一番", "up 100 percent"),
        ("是去年的3倍", "up 200 percent"),
    ]
    for zh, en in pairs:
        (zh_q,) = quantities(zh, "zh")
        readings = {r for q in quantities(en, "en") for r in q.readings}
        assert zh_q.readings & readings, (zh, en)
    assert not quantities("两次", "zh")[0].readings & quantities("four times", "en")[0].readings
    assert not quantities("翻了一番", "zh")[0].readings & quantities("tripled", "en")[0].readings


@pytest.mark.parametrize(
    ("en", "value", "demanded"),
    [
        ("twice", "2", True),
        ("thrice", "3", True),
        ("two times", "2", True),
        ("four times a year", "4", True),
        ("doubled", "2", True),
        ("tripled", "3", True),
        ("quadrupled", "4", True),
        ("threefold", "3", True),
        ("a double room", "2", False),  # an adjective, not a count
        ("once", "1", False),
    ],
)
def test_english_counts_and_multiplicatives(en: str, value: str, demanded: bool) -> None:
    (quantity,) = quantities(en, "en")
    assert (quantity.kind, quantity.canonical, quantity.explicit) == ("multiple", value, demanded)


def test_english_multiplicatives() -> None:
    for text, value in [("thrice", "3"), ("twofold", "2"), ("tripled", "3"), ("3 times", "3")]:
        (quantity,) = quantities(text, "en")
        assert (quantity.kind, quantity.canonical) == ("multiple", value)
    assert _values("Fourteen billion yuan", "en") == ["14000000000"] == _values("140亿元", "zh")


@pytest.mark.parametrize(
    "text",
    ["COVID-19", "G20 summit", "A4 paper", "H1N1", "5G base stations", "3D printers", "PM2.5"],
)
def test_numbers_inside_latin_names_are_not_quantities(text: str) -> None:
    assert quantities(text, "en") == [] and quantities(text, "zh") == []


def test_units_glued_to_numbers_stay_numbers() -> None:
    assert _values("a 10MW plant", "en") == ["10"]


def test_a_quantity_knows_its_span() -> None:
    text = "前11个月进出口37.96万亿元"
    spans = [(q.text, text[q.start : q.end]) for q in quantities(text, "zh")]
    assert spans == [("11", "11"), ("37.96万亿", "37.96万亿")]


def test_percentage_points_and_percent_are_apart_in_both_languages() -> None:
    """百分点 and "percentage points" count points; 百分之, % and "percent" count percent. The
    value is the same number, the kinds differ, so a check can tell 0.1个百分点 from 0.1%."""
    kinds = [(q.kind, q.canonical) for q in quantities("失业率5.0%，比上月上升0.1个百分点。", "zh")]
    assert kinds == [("percent", "5"), ("points", "0.1")]
    english = "The rate was 5.0 percent, up 0.1 percentage point from September."
    assert [(q.kind, q.canonical) for q in quantities(english, "en")] == kinds
    assert [q.kind for q in quantities("up 2 percentage points, or 3%", "en")] == [
        "points",
        "percent",
    ]
    (cut,) = quantities("a 0.25 percentage-point cut", "en")
    assert (cut.kind, cut.canonical) == ("points", "0.25")


def test_first_before_a_measure_word_is_an_ordinal() -> None:
    (first,) = quantities("这是该赛事首次在亚洲举办。", "zh")
    assert (first.kind, first.canonical, first.text) == ("ordinal", "1", "首次")
    (debut,) = quantities("小米SU7首度亮相。", "zh")
    assert (debut.kind, debut.canonical, debut.text) == ("ordinal", "1", "首度")
    assert quantities("首都北京", "zh") == []  # the capital: no number
    assert quantities("首席经济学家表示", "zh") == []  # chief: no number


def test_number_words_joined_by_and_only_after_a_scale() -> None:
    assert _values("my nieces, ages three and four", "en") == ["3", "4"]
    assert _values("two hundred and five people", "en") == ["205"]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("持续约两个小时", "zh", "2"),
        ("为期三天的访问", "zh", "3"),
        ("三个月内完成", "zh", "3"),
        ("lasted about three hours", "en", "3"),
        ("a five-day visit", "en", "5"),
        ("a twelve-hour shift", "en", "12"),
    ],
)
def test_a_span_of_time_in_words_is_demanded(text: str, lang: str, value: str) -> None:
    (quantity,) = quantities(text, lang)
    assert (quantity.kind, quantity.canonical, quantity.explicit) == ("duration", value, True)


@pytest.mark.parametrize(
    "text",
    ["两三天后", "二三十年来", "三四个月", "几十年来", "建党百年", "三年级", "有一天", "三月"],
)
def test_what_is_no_span_of_time_demanded(text: str) -> None:
    assert not [q for q in quantities(text, "zh") if q.kind == "duration" and q.explicit]


@pytest.mark.parametrize(
    ("text", "value"),
    [("half a million people", "500000"), ("half a dozen countries", "6")],
)
def test_half_a_scale(text: str, value: str) -> None:
    assert _values(text, "en") == [value]


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("约三成受访者", True),
        ("成本下降了两成", True),
        ("牛排七成熟", False),
        ("他八成是忘了", False),
    ],
)
def test_cheng_is_a_tenth_unless_it_starts_a_word(text: str, percent: bool) -> None:
    assert any(q.kind == "percent" for q in quantities(text, "zh")) == percent


def test_a_multiple_with_thousands_separators_is_one_number() -> None:
    """A thousand (1000次), not 1 and "000 times"; so is "1,000-fold"."""
    assert [(q.kind, q.canonical) for q in quantities("more than 1,000 times", "en")] == [
        ("multiple", "1000")
    ]
    assert _values("a 1,000-fold rise", "en") == ["1000"]
    assert _values("12,500 times a day", "en") == ["12500"]
