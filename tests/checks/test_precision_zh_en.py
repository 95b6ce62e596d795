"""False flags on clean Chinese → English news pairs (issue 17, the precision round of
helper precision3): each rule's false flag gone on a real sentence, and a truly dropped name or
changed number of the same kind still flagged."""

from __future__ import annotations

from tm.checks import CheckPair, check_pairs
from tm.model import Location


def _zh_en(zh: str, en: str, unit: str = "1", document: str = "d") -> CheckPair:
    return CheckPair(zh, en, "zh-Hans", "en", Location("t.txt", unit=unit), document)


def _messages(*pairs: CheckPair) -> list[str]:
    return [f.message for f in check_pairs(list(pairs))]


def test_a_thousand_times_with_a_separator_is_a_thousand() -> None:
    zh = "青海三江源国家公园的红外相机今年拍到雪豹影像超过1000次。"
    en = (
        "Infrared cameras in the Sanjiangyuan National Park in Qinghai have captured images "
        "of snow leopards more than {} times this year."
    )
    assert _messages(_zh_en(zh, en.format("1,000"))) == []
    (message,) = _messages(_zh_en(zh, en.format("1,100")))
    assert "1000次 (1000)" in message and "1,100 times (1100)" in message
