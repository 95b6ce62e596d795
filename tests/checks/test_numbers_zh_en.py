"""The number check on kinds the news sets were not tuned on (issue 17, seventh round):
approximations that a translation makes precise, ordinals in one phrase, durations in words,
numbers inside model names and hyphenated adjectives. Real news sentences, both directions."""

from __future__ import annotations

import pytest

from tm.checks import CheckPair, check_pairs
from tm.model import Location


def _zh_en(zh: str, en: str) -> CheckPair:
    return CheckPair(zh, en, "zh-Hans", "en", Location("t.txt", unit="1"), "d")


def _en_zh(en: str, zh: str) -> CheckPair:
    return CheckPair(en, zh, "en", "zh-Hans", Location("t.txt", unit="1"), "d")


def _numbers(pair: CheckPair) -> list[str]:
    return [f.message for f in check_pairs([pair]) if f.check == "number-mismatch"]


@pytest.mark.parametrize(
    ("zh", "en", "wrong"),
    [
        ("考察队共有230余名队员。", "The expedition has more than 237 members.", "237"),
        ("该市已转移群众8万余人。", "The city has moved more than 83,000 people.", "83,000"),
        ("产品已出口到70多个国家。", "The products are sold in more than 74 countries.", "74"),
    ],
)
def test_an_approximation_made_precise_by_the_translation_is_flagged(
    zh: str, en: str, wrong: str
) -> None:
    """230余 covers 230 to 240, but "more than 237" is a number the source never gave: a
    translation may round, not invent digits."""
    (message,) = _numbers(_zh_en(zh, en))
    assert wrong in message


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("The expedition has 237 members.", "考察队共有230余名队员。"),
        ("The city has moved 83,400 people.", "该市已转移群众8万余人。"),
    ],
)
def test_a_translation_that_rounds_into_an_approximation_is_not_flagged(en: str, zh: str) -> None:
    """The other way round the Chinese translation rounds the English's precise number: an
    editor's choice, not a wrong number."""
    assert _numbers(_en_zh(en, zh)) == []
    assert _numbers(_zh_en(zh, en.replace("has 2", "has more than 2"))) != []


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("考察队共有230余名队员。", "The expedition has more than 230 members."),
        ("该市已转移群众8万余人。", "The city has moved more than 80,000 people."),
        ("产品已出口到70多个国家。", "The products are sold in over 70 countries."),
    ],
)
def test_an_approximation_kept_is_not_flagged_either_way(zh: str, en: str) -> None:
    assert _numbers(_zh_en(zh, en)) == []
    assert _numbers(_en_zh(en, zh)) == []
