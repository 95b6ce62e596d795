"""Names by sound (issue 17, names3): a Chinese transliteration linked to the Latin name it
spells by the table learned from CC-CEDICT (data/transliteration.json), on sentences written
for these tests, both ways round: the name by sound quiet, a name truly dropped flagged."""

from __future__ import annotations

import pytest

from tm.checks import CheckPair, check_pairs
from tm.checks.transliteration import score, sound_names, spells, threshold
from tm.lexicon.pinyin import pinyin_forms, transliterates
from tm.model import Location


def _missing(zh: str, en: str) -> list[list[str]]:
    """The entity-missing messages with the Chinese as the source, then as the translation."""
    pairs = [
        CheckPair(zh, en, "zh-Hans", "en", Location("t.txt", unit="1"), "d"),
        CheckPair(en, zh, "en", "zh-Hans", Location("t.txt", unit="1"), "d"),
    ]
    return [
        [f.message for f in check_pairs([pair]) if f.check == "entity-missing"] for pair in pairs
    ]


def test_a_transliteration_spells_its_name_and_not_another() -> None:
    limit = threshold()
    for chinese, latin in [("欧尔班", "Orbán"), ("勃拉姆斯", "Brahms"), ("坎纳", "Kanner")]:
        assert score(chinese, latin) >= limit, (chinese, latin)
    for chinese, latin in [("欧尔班", "Viktor"), ("马士基", "Copenhagen"), ("圣淘沙", "Singapore")]:
        assert score(chinese, latin) < limit, (chinese, latin)


def test_a_name_run_is_spelt_by_one_of_its_words_or_piece_by_piece() -> None:
    assert spells("欧尔班", "Viktor Orban")
    assert spells("维克托·欧尔班", "Viktor Orban")
    assert not spells("维克托·欧尔班", "Viktor Schmidt")


def test_the_words_that_may_be_names_by_sound_leave_common_words_out() -> None:
    names = sound_names("新加坡圣淘沙岛将于明年开放一座新的海洋馆。")
    assert "圣淘沙" in names
    assert "明年" not in names


def test_u_umlaut_is_written_u_or_yu_in_english() -> None:
    assert transliterates("吕植", "Lu Zhi")
    assert transliterates("吕植", "Lyu Zhi")
    assert "luzhi" in pinyin_forms("吕植")
    assert not transliterates("吕植", "Li Zhi")


BY_SOUND = [
    (
        "新加坡圣淘沙岛将于明年开放一座新的海洋馆。",
        "A new aquarium will open on Singapore's Sentosa island next year.",
        "A new aquarium will open on a Singapore island next year.",
        "Sentosa",
    ),
    (
        "生态学家吕植呼吁加强对高原湿地的保护。",
        "Ecologist Lu Zhi called for better protection of highland wetlands.",
        "An ecologist called for better protection of highland wetlands.",
        "吕植",
    ),
]


@pytest.mark.parametrize(("zh", "rendered", "lost", "name"), BY_SOUND, ids=["Sentosa", "Lu Zhi"])
def test_a_name_by_sound_is_quiet_both_ways(zh: str, rendered: str, lost: str, name: str) -> None:
    for messages in _missing(zh, rendered):
        assert messages == [], messages
    if name.isascii():
        return  # a Latin name dropped is no message about it: the English has none
    for messages in _missing(zh, lost):
        assert any(f"“{name}”" in m for m in messages), messages


DROPPED_BY_SOUND = [
    (
        "英国歌手阿黛尔将在慕尼黑举办十场演唱会。",
        "British singer Adele will give ten concerts in Munich.",
        "A British singer will give ten concerts in Munich.",
        "阿黛尔",
    ),
    (
        "阿根廷总统米莱抵达华盛顿。",
        "Argentine President Javier Milei arrived in Washington.",
        "The Argentine president arrived in Washington.",
        "米莱",
    ),
]


@pytest.mark.parametrize(
    ("zh", "rendered", "lost", "name"), DROPPED_BY_SOUND, ids=["Adele", "Milei"]
)
def test_a_name_by_sound_with_no_english_name_left_is_lost_both_ways(
    zh: str, rendered: str, lost: str, name: str
) -> None:
    """No English name is left that could render it: the places' adjectives (British,
    Argentine) and the dictionary's names (Munich, Washington) render other words."""
    for messages in _missing(zh, rendered):
        assert messages == [], messages
    for messages in _missing(zh, lost):
        assert any(f"“{name}”" in m and "spelt like" in m for m in messages), messages


def test_units_and_translated_words_made_of_sound_characters_are_no_names() -> None:
    """2吉瓦 is "2 gigawatts" (a unit after a number), 扬沙 "blowing sand" (沙 is sand)."""
    for zh, en in [
        ("该电站装机容量为2吉瓦。", "The plant has a capacity of 2 gigawatts."),
        ("北方部分地区将出现扬沙天气。", "Blowing sand is expected in parts of the north."),
    ]:
        for messages in _missing(zh, en):
            assert messages == [], messages


TAGGED_AS_PEOPLE = [
    # Names CC-CEDICT knows that jieba tags as people with no surname first: each wants its
    # dictionary name.
    (
        "外长们讨论了乌克兰危机。",
        "The foreign ministers discussed the Ukraine crisis.",
        "The foreign ministers discussed the crisis.",
        "乌克兰",
    ),
    (
        "越来越多的商户开始接受支付宝。",
        "More and more merchants are starting to accept Alipay.",
        "More and more merchants are starting to accept mobile payments.",
        "支付宝",
    ),
]


@pytest.mark.parametrize(
    ("zh", "rendered", "lost", "name"), TAGGED_AS_PEOPLE, ids=["Ukraine", "Alipay"]
)
def test_a_dictionary_name_tagged_as_a_person_is_checked_both_ways(
    zh: str, rendered: str, lost: str, name: str
) -> None:
    for messages in _missing(zh, rendered):
        assert messages == [], messages
    for messages in _missing(zh, lost):
        assert any(f"“{name}”" in m for m in messages), messages


def test_a_city_beginning_a_company_name_is_not_the_city() -> None:
    """宁德时代 is CATL: 宁德 (Ningde), tagged as a person, begins it."""
    en = "CATL unveiled a new generation of batteries."
    for messages in _missing("宁德时代发布了新一代电池。", en):
        assert messages == [], messages


def test_a_known_person_by_the_surname_alone_has_lost_the_given_name() -> None:
    """习近平 (jieba's nrfg, a known person) as "President Xi": a title and the surname; quiet
    when the document gives the whole name."""
    zh = "国家主席习近平会见了来访的法国总统。"
    for messages in _missing(zh, "President Xi Jinping met the visiting French president."):
        assert messages == [], messages
    for messages in _missing(zh, "President Xi met the visiting French president."):
        assert any("“习近平”" in m and "Xi alone" in m for m in messages), messages
    first = CheckPair(
        "习近平出席了开幕式。",
        "Xi Jinping attended the opening ceremony.",
        "zh-Hans",
        "en",
        Location("t.txt", unit="1"),
        "d",
    )
    later = CheckPair(
        zh,
        "President Xi met the visiting French president.",
        "zh-Hans",
        "en",
        Location("t.txt", unit="2"),
        "d",
    )
    assert [f.message for f in check_pairs([first, later]) if f.check == "entity-missing"] == []


def test_a_place_before_a_dictionary_name_tagged_as_a_person_is_a_place_of_its_own() -> None:
    """罗马 before 阿根廷 (tagged as a person): two names, not one name by sound 罗马阿根廷."""
    zh = "招待会在罗马阿根廷大使馆举行。"
    for messages in _missing(zh, "The reception was held at the Argentine embassy in Rome."):
        assert messages == [], messages
    for messages in _missing(zh, "The reception was held at the Argentine embassy."):
        assert any("“罗马”" in m for m in messages), messages


def test_a_city_beginning_a_club_name_is_not_the_city() -> None:
    """利雅得新月 is Al Hilal: 利雅得 (Riyadh, a capital, tagged as a person) begins it."""
    for messages in _missing("内马尔加盟了利雅得新月。", "Neymar joined Al Hilal."):
        assert messages == [], messages
