"""`tm check` on real-shaped inputs: what it must find, and what it must leave alone."""

from __future__ import annotations

import pytest

from tm.checks import CheckPair, check_pairs
from tm.model import Location, Term


def _pair(en: str, zh: str, unit: str = "1") -> CheckPair:
    return CheckPair(en, zh, "en", "zh-Hans", Location("t.tmx", unit=unit), "t.tmx")


def _checks(pairs: list[CheckPair], terms: list[Term] = ()) -> list[str]:  # type: ignore[assignment]
    return sorted(f.check for f in check_pairs(pairs, terms=terms))


GLOSSARY = [
    Term("绿电交通", "green-power transportation", "zh-Hans", "en"),
    Term("绿电交通", "green electricity transportation", "zh-Hans", "en", "forbidden"),
    Term("中国电力", "CPID", "zh-Hans", "en"),
    Term("控制台", "console", "zh-Hans", "en"),
    Term("Acme", "Acme", "en", "zh-Hans"),
    Term("储能系统", "energy storage system", "zh-Hans", "en"),
]


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        (
            "On June 21, 2023, both sides signed 25 agreements.",
            "2023年6月21日，双方签署了二十五项协议。",
        ),
        ("Capacity grew by 10 GW.", "装机容量增加了１０吉瓦。"),
        ("The project cost 350 million yuan.", "项目耗资3.5亿元。"),
        ("Renewables made up 50% of the total.", "可再生能源占总量的百分之五十。"),
        ("It rose fivefold in the 1990s.", "上世纪90年代增长了5倍。"),
        ("The truck weighs 24,000 pounds.", "这辆卡车重约10900公斤。"),
        ("By 2050 it will affect 150 million people.", "到2050年将影响1亿5000万人。"),
    ],
)
def test_numbers_in_any_script_agree(en: str, zh: str) -> None:
    assert _checks([_pair(en, zh)]) == []


@pytest.mark.parametrize(
    ("en", "zh", "message"),
    [
        ("On June 21, 2023, they met.", "2023年6月22日，双方会面。", "21"),
        ("The project cost 350 million yuan.", "项目耗资3.6亿元。", "350000000"),
        ("Renewables made up 50% of the total.", "可再生能源占总量的40%。", "50"),
    ],
)
def test_a_changed_number_is_named(en: str, zh: str, message: str) -> None:
    findings = check_pairs([_pair(en, zh)])
    assert [f.check for f in findings] == ["number-mismatch"]
    assert message in findings[0].message and findings[0].category == "numbers"


def test_impossible_dates_and_wrong_weekdays() -> None:
    findings = check_pairs(
        [
            _pair("It opened on Tuesday, June 21, 2023.", "该项目于2023年6月21日（星期三）开业。"),
            _pair("It opened on June 31, 2023.", "该项目于2023年6月31日开业。"),
        ]
    )
    messages = [f.message for f in findings if f.check == "date-invalid"]
    assert messages == [
        "June 21, 2023 was a Wednesday, not a Tuesday",
        "June 31, 2023 is not a date",
        "2023年6月31日 is not a date",
    ]


def test_terms_are_found_without_spaces_in_chinese_and_on_word_boundaries() -> None:
    clean = _pair("Open the Acme console.", "打开Acme控制台。")
    assert _checks([clean], GLOSSARY) == []
    missing = _pair("Open the Acme console.", "打开控制台。", "2")
    assert _checks([missing], GLOSSARY) == ["term-missing"]  # Acme, a name: a term
    plural = _pair("Two energy storage systems were built.", "建成了两套储能系统。", "3")
    assert _checks([plural], GLOSSARY) == []


def test_forbidden_terms_with_the_approved_one_suggested() -> None:
    findings = check_pairs(
        [_pair("CPID develops Green Electricity Transportation.", "中国电力发展绿电交通。")],
        terms=GLOSSARY,
    )
    assert [(f.check, f.suggestion) for f in findings] == [
        ("term-forbidden", "green-power transportation")
    ]
    assert findings[0].severity == "error" and findings[0].category == "terminology"


def test_one_term_rendered_two_ways_in_a_document() -> None:
    glossary = [*GLOSSARY, Term("绿电交通", "green mobility", "zh-Hans", "en", "admitted")]

    def zh_en(zh: str, en: str, unit: str) -> CheckPair:
        return CheckPair(zh, en, "zh-Hans", "en", Location("r.tmx", unit=unit), "r.tmx")

    findings = check_pairs(
        [
            zh_en("我们推动绿电交通。", "We promote green-power transportation.", "1"),
            zh_en("绿电交通是我们的重点。", "Green mobility is our focus.", "2"),
        ],
        terms=glossary,
    )
    assert [f.check for f in findings] == ["term-inconsistent"]
    assert findings[0].location.unit == "2"
    assert findings[0].suggestion == "green-power transportation"


def test_acronyms_kept_or_mapped_by_the_glossary() -> None:
    assert _checks([_pair("CPID signed.", "中国电力签约。")], GLOSSARY) == []  # mapped
    assert _checks([_pair("The EPC contract was signed.", "EPC合同已签署。")]) == []
    assert _checks([_pair("The EPC contract was signed.", "总承包合同已签署。")]) == [
        "entity-missing"
    ]
    assert _checks([_pair("NASA launched it.", "美国国家航空航天局发射了它。")]) == []  # CC-CEDICT
    assert _checks([_pair("Visit https://example.com now.", "请访问https://example.com。")]) == []


@pytest.mark.parametrize(
    "zh",
    [
        "双方在储能、光伏和风电领域开展合作。",
        "他说：“我们将加快绿色转型。”",
        "中国电力（CPID）与重庆高速集团签约。",
        "《人民日报》报道了签约仪式。",
        "项目总投资3.5亿元，预计9:30开工。",
        "CPID, Ltd.在香港上市。",
    ],
)
def test_correct_chinese_typography_is_not_flagged(zh: str) -> None:
    pair = CheckPair(zh, None, "zh-Hans", None, Location("release.zh.txt", 1), "r")
    assert _checks([pair]) == []


def test_typos_in_chinese_and_english_typography() -> None:
    findings = check_pairs(
        [
            _pair("Both sides met and signed.", "双方会面,并签约。", "1"),
            _pair("Both sides met.", "双方会面。”", "2"),
            _pair("Both sides met（today）.", "双方今天会面。", "3"),  # the source: not ours
            _pair("the the sides met again.", "双方再次会面。", "4"),
        ]
    )
    assert [(f.location.unit, f.check) for f in findings] == [
        ("1", "punct-halfwidth"),
        ("2", "brackets-unbalanced"),
    ]
    english = check_pairs(
        [
            CheckPair("Both sides met（today）.", None, "en", None, Location("r.txt", 1), "r"),
            CheckPair("The the sides met.", None, "en", None, Location("r.txt", 2), "r"),
        ]
    )
    assert [f.check for f in english] == ["punct-fullwidth", "doubled-word"]


def test_untranslated_empty_and_length() -> None:
    findings = check_pairs(
        [
            _pair("Both sides will jointly promote project cooperation.", "", "1"),
            _pair(
                "Both sides will jointly promote project cooperation.",
                "Both sides will jointly promote project cooperation.",
                "2",
            ),
            _pair(
                " ".join(
                    [
                        "Both sides will jointly promote project cooperation and deepen it in "
                        "energy storage, green transportation and rural revitalization."
                    ]
                    * 4
                ),
                "双方将共同推动项目合作，深化储能领域合作。",
                "3",
            ),
        ]
    )
    assert [(f.location.unit, f.check) for f in findings] == [
        ("1", "target-empty"),
        ("2", "untranslated"),
        ("3", "length-ratio"),
    ]


def test_traditional_characters_in_simplified_and_the_reverse() -> None:
    findings = check_pairs(
        [
            _pair("Green power.", "綠電交通產業", "1"),
            _pair("Heaven and earth.", "乾坤", "2"),  # 乾 is also simplified: not flagged
            CheckPair("Green power.", "绿电交通", "en", "zh-Hant", Location("t", unit="3"), "t"),
        ]
    )
    assert [(f.location.unit, f.check) for f in findings] == [
        ("1", "script-mixed"),
        ("3", "script-mixed"),
    ]
    assert findings[0].suggestion == "绿电交通产业"


def test_one_source_two_translations_and_the_reverse() -> None:
    findings = check_pairs(
        [
            _pair("Signing ceremony", "签约仪式", "1"),
            _pair("Signing ceremony", "签字仪式", "2"),
            _pair("Unveiling ceremony", "签约仪式", "3"),
        ]
    )
    assert [(f.location.unit, f.check) for f in findings] == [
        ("2", "segment-inconsistent"),
        ("3", "segment-inconsistent"),
    ]
