"""Concordance: whole tokens, Chinese inside sentences, spans of every hit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.fuzzy.concordance import concordance, phrase_spans
from tm.memory import Store

from .conftest import memory_of

PAIRS = [
    ("Face masks are required on board.", "乘车须佩戴口罩。"),
    ("Ask the staff for a mask.", "请向工作人员索取口罩。"),
    ("Energy storage systems and energy storage bases.", "储能系统和储能基地。"),
    ("The storage room is closed.", "储藏室已关闭。"),
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return memory_of(tmp_path, PAIRS)


def test_a_word_is_found_as_a_whole_token_only(store: Store) -> None:
    assert [hit.source for hit in concordance(store, "ask")] == ["Ask the staff for a mask."]
    assert [hit.source for hit in concordance(store, "mask")] == ["Ask the staff for a mask."]


def test_every_hit_has_its_span(store: Store) -> None:
    (hit,) = concordance(store, "energy storage")
    assert [hit.source[a:b] for a, b in hit.spans] == ["Energy storage", "energy storage"]
    assert hit.target == "储能系统和储能基地。"


def test_a_chinese_word_inside_a_sentence(store: Store) -> None:
    hits = concordance(store, "口罩")
    assert [hit.target for hit in hits] == [
        "Face masks are required on board.",
        "Ask the staff for a mask.",
    ]
    assert hits[0].spans == [[5, 7]]
    assert [hit.source for hit in concordance(store, "儲能")] == ["储能系统和储能基地。"]


def test_phrase_spans_fold_case_and_width() -> None:
    assert phrase_spans("ENERGY", "Energy storage") == [[0, 6]]
    assert phrase_spans("\uff25nergy", "energy") == [[0, 6]]
    assert phrase_spans("", "energy") == []
