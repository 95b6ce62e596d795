"""The checks' policy is data next to the code, each list naming where it comes from."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from tm.checks import chinese_names, chinese_people, entities, latin_names, name_evidence, numbers


@pytest.mark.parametrize("name", ["entities.json", "numbers.json"])
def test_every_list_of_the_policy_names_its_source(name: str) -> None:
    text = resources.files("tm.checks").joinpath("data", name).read_text("utf-8")
    policy = json.loads(text)
    assert policy["_about"]
    for key, entry in policy.items():
        if key.startswith("_"):
            continue
        assert len(entry.get("_source", "")) > 40, key
        assert all(value for name, value in entry.items() if not name.startswith("_")), key


def test_the_check_reads_its_lists_from_the_policy() -> None:
    """The names a check keys on come from the file: 表示 frames a person, 坎纳 is by sound."""
    assert "表示" in chinese_people._SAYS and "长" in name_evidence.TITLE_ENDS
    assert {"坎", "纳"} <= name_evidence.TRANSLITERATION and "王" in name_evidence.SURNAMES
    assert name_evidence.PLACE_SUFFIX.sub("", "宁夏回族自治区") == "宁夏回族"
    assert chinese_names._PLACE_GLOSS.search("Lima, capital of Peru")
    assert entities.entities("Part II of the NASA report") == ["NASA"]
    assert (
        latin_names._CAPITALISED.search("dresses by Iris van Herpen").group() == "Iris van Herpen"
    )


def test_the_number_check_reads_its_words_and_units_from_the_policy() -> None:
    """半 stands for 0.5 and "decade" for 10; 斤 converts to tonnes (2,000 to one)."""
    assert numbers._tolerated("一年半", "zh") >= {"0.5"}
    assert numbers._tolerated("a decade ago", "en") >= {"10"}
    grain = ("粮食总产量13908亿斤", "Grain output was 695.4 million tonnes")
    assert numbers._market_units(*grain) == {"1390800000000", "695400000"}
