"""Punctuation the aligner weighs: quoted speech (not a quoted term), exclamations, ends."""

from __future__ import annotations

import pytest

from tm.align.marks import MARKS, end_flags, has_speech, mark_counts


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
