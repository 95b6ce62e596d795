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
