"""Punctuation the aligner weighs: quoted speech (not a quoted term), ends, open quotations."""

from __future__ import annotations

import pytest

from tm.align.marks import MARKS, OPEN, end_flags, end_table, has_speech, mark_counts, quote_open


@pytest.mark.parametrize(
    ("text", "chinese", "speech"),
    [
        ("公司首席执行官李明在发布会上说：“城市配送是碳排放的重要来源之一。”", True, True),
        ("“你来干什么？”", True, True),
        ("她问：「是怎麼了？」", True, True),
        ("他说：“我们明天再谈", True, True),  # the quotation runs on into the next sentence
        ("国家电投计划在“十四五”期间在宁夏新增新能源装机500万千瓦。", True, False),
        ("为了压缩通关时间，重庆海关推出“铁海联运一单制”。", True, False),
        ('"Hydrogen is an important path to carbon neutrality," the President said.', False, True),
        ("‘I wonder if Whiskers got out safe?’", False, True),
        ("‘I don’t know,’ she said.", False, True),
        ("'Why not try me?'", False, True),
        ('It launched ten routes under the banner "City of Mountains".', False, False),
        ("Chen Qingyang’s friends didn’t come, and the students’ hall was empty.", False, False),
        ("He said he'd rather walk.", False, False),
    ],
)
def test_speech_is_a_quotation_with_clause_punctuation(
    text: str, chinese: bool, speech: bool
) -> None:
    assert has_speech(text, chinese) is speech


def test_end_flags_closing_quote_and_question() -> None:
    assert end_flags("她问：“是怎么了？”", True) == 3
    assert end_flags("是怎么了？", True) == 2
    assert end_flags("'Is something the matter?' she asked.", False) == 0
    assert end_flags("'Is something the matter?'", False) == 3


def test_mark_counts_run_over_the_sentences() -> None:
    sentences = ["他说：“快进来！”", "门开了。", "她笑了。"]
    counts = mark_counts(sentences, True)
    assert counts.shape == (4, len(MARKS))
    speech = list(MARKS).index("speech")
    # Whether sentences [a, b) hold speech is counts[b] > counts[a].
    assert counts[1, speech] > counts[0, speech]
    assert counts[3, speech] == counts[1, speech]
    assert mark_counts([], False).shape == (1, len(MARKS))


def test_quote_open_carries_a_turn_of_speech_across_sentences() -> None:
    # MAC-Dev's Deer and the Cauldron: one turn of speech over two English sentences.
    english = [
        "Trinket went for him again, but this time Misty shook his head.",
        "'No more for today!",
        "Tomorrow, if you like.'",
        "'I know,' said Trinket.",
    ]
    assert quote_open(english, False) == [False, True, False, False]
    chinese = ["韦小宝扑上去又欲再打。", "小玄子摇手笑道：“今天不打了，明天再来。", "好不好？”"]
    assert quote_open(chinese, True) == [False, True, False]


def test_quote_open_is_not_fooled_by_apostrophes_nested_quotes_or_unclosed_ones() -> None:
    assert quote_open(["The boys' room was empty.", "He said he'd rather walk."], False) == [
        False,
        False,
    ]
    # A nested quotation closes inside the outer one, which stays open.
    assert quote_open(["他说：“这‘羚羊挂角’算得什么，", "我还有许多手法。”"], True) == [True, False]
    # A quotation never closed does not run on past the next one opening.
    assert quote_open(["'Live or die!", "'It certainly is!'", "Misty laughed."], False) == [
        True,
        False,
        False,
    ]


def test_end_table_marks_a_quotation_still_open() -> None:
    table = end_table(["小玄子笑道：“今天不打了，明天再来。", "好不好？”"], True)
    assert table.tolist() == [OPEN, 3]
