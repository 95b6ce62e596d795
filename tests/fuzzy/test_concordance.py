"""Concordance: whole tokens, Chinese inside sentences, spans of every hit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.fuzzy.concordance import concordance, phrase_spans
from tm.memory import Store
from tm.model import Unit, Variant

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


NEWS = Path(__file__).resolve().parents[2] / "corpora" / "zh-en-news" / "pairs.tsv"


def _news_pairs() -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in NEWS.read_text(encoding="utf-8").splitlines()[1:]]
    return [(en.strip(), zh) for _id, _doc, zh, en in rows]


def _scan(store: Store, phrase: str, lang: str) -> list[tuple[int, list[list[int]]]]:
    """Every segment holding the phrase, found the slow way: each text checked."""
    side = 0 if lang == "en" else 1
    found = []
    for stored in store.units(kind="segment"):
        text = stored.unit.variants[side].text
        spans = phrase_spans(phrase, text)
        if spans:
            found.append(((len(text), stored.id), (stored.id, spans)))
    return [hit for _key, hit in sorted(found)]


def test_phrases_found_through_the_index_are_those_a_scan_finds(tmp_path: Path) -> None:
    """Two tokens or more go through the fuzzy index's bigrams: the same hits, spans and
    order as checking every stored text, for English word runs and Chinese character runs."""
    pairs = _news_pairs()
    store = memory_of(tmp_path, pairs)
    phrases = {
        "percent year on year",
        "the National Bureau",
        "said on",
        "国家统计局",
        "同比",
        "亿元",
    }
    for en, zh in pairs[::9]:
        words = en.split()
        phrases.add(" ".join(words[1:3]))
        phrases.add(zh[2:5])
    for phrase in sorted(phrases):
        lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in phrase) else "en"
        hits = concordance(store, phrase, lang=lang, limit=1000)
        assert [(hit.unit, hit.spans) for hit in hits] == _scan(store, phrase, lang), phrase
    assert len(concordance(store, "percent year on year", limit=1000)) > 3


def test_the_index_follows_edits_and_deletions(tmp_path: Path) -> None:
    store = memory_of(tmp_path, PAIRS)
    (hit,) = concordance(store, "energy storage")
    store.delete(hit.unit)
    assert concordance(store, "energy storage") == []
    assert concordance(store, "请向工作人员") != []
    assert concordance(store, "不存在的短语") == []
    (mask,) = concordance(store, "the staff")
    store.replace(
        mask.unit,
        Unit(
            (Variant("en", ("Ask the crew for help.",)), Variant("zh-Hans", ("请向乘务员求助。",)))
        ),
    )
    assert concordance(store, "the staff") == []
    assert [hit.unit for hit in concordance(store, "the crew")] == [mask.unit]


def test_several_phrases_are_listed_in_order_without_repeats(tmp_path: Path) -> None:
    """A lookup's concordance: the query's hits, then each term's that are not listed yet,
    up to the limit; a phrase no segment holds adds nothing."""
    from tm.fuzzy.concordance import concordances

    store = memory_of(tmp_path, PAIRS)
    hits = concordances(store, ["storage", "energy storage", "不存在", "mask"], lang="en")
    assert [hit.source for hit in hits] == [
        "The storage room is closed.",
        "Energy storage systems and energy storage bases.",
        "Ask the staff for a mask.",
    ]
    assert [h.source for h in concordances(store, ["mask", "storage"], lang="en", limit=2)] == [
        "Ask the staff for a mask.",
        "The storage room is closed.",
    ]
    assert (
        concordances(store, ["口罩", "储能"], lang="zh-Hans", limit=3)[2].source
        == "储能系统和储能基地。"
    )
