"""The one fuzzy score (tm.fuzzy.score): its definition, table by table."""

from __future__ import annotations

import pytest

from tm.fuzzy.score import diff, score, tokens

SENTENCE = "The company opened 3 new charging stations in Chongqing in 2024."


@pytest.mark.parametrize(
    ("query", "stored", "expected"),
    [
        (SENTENCE, SENTENCE, 100),
        # Folding only (case, width, spaces): not identical, so 99.
        (SENTENCE.upper(), SENTENCE, 99),
        (
            SENTENCE.replace("Chongqing", "\uff23\uff48\uff4f\uff4e\uff47\uff51\uff49\uff4e\uff47"),
            SENTENCE,
            99,
        ),
        # One word of 12 tokens replaced: 100 * (1 - 1/12) = 91.7 -> 91.
        (SENTENCE.replace("opened", "closed"), SENTENCE, 91),
        # A number replaced: the same edit, and 2 + 2 points for the two numbers that differ.
        (SENTENCE.replace("2024", "2025"), SENTENCE, 87),
        # Chinese, character level: one character of 22 differs: 95.5 -> 95.
        (
            "国家电投与宁夏回族自治区签署新能源合作协议。",
            "国家电投与宁夏回族自治区签订新能源合作协议。",
            95,
        ),
        # Simplified query, Traditional copy: folded equal.
        (
            "国家电投与宁夏回族自治区签署新能源合作协议。",
            "國家電投與寧夏回族自治區簽署新能源合作協議。",
            99,
        ),
        # Two tags more: two token edits of 5 (60), and a point for each tag.
        ("Press <b>Save</b> now", "Press Save now", 58),
    ],
)
def test_score_table(query: str, stored: str, expected: int) -> None:
    assert score(query, stored) == expected


def test_a_substring_is_not_an_exact_match() -> None:
    assert score("ask", "Face masks are required.") < 50
    assert score("储能", "储能系统") < 75


def test_words_are_english_tokens_and_han_characters_chinese_tokens() -> None:
    assert tokens("Battery-swap 重卡 trucks").folded == (
        "battery",
        "-",
        "swap",
        "重",
        "卡",
        "trucks",
    )


def test_diff_spans_are_in_the_query() -> None:
    query = "The company opened 5 new stations."
    spans = diff(tokens(query), tokens("The company opened 3 new stations."))
    assert [query[a:b] for a, b in spans] == ["5"]
    query = "滕英明对高平表示欢迎"
    spans = diff(tokens(query), tokens("滕英明对高平一行表示欢迎。"))
    assert spans == [[6, 6], [10, 10]]  # the match has 一行 and 。 more


def test_traditional_character_marked_but_not_counted() -> None:
    query = "公司开設了新站"
    stored = "公司开设了新站"
    assert score(query, stored) == 99
    assert diff(tokens(query), tokens(stored)) == [[3, 4]]
