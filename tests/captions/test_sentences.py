"""Cue groups merged into sentences for the memory, with the cues, times and origin of both
sides; the same units whichever track comes first."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.captions.align import align_captions
from tm.captions.sentences import cue_numbers, ends_sentence, join_cues
from tm.model import Block, Location

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "captions"
EN, ZH, HANT = (
    CORPUS / "ceremony.en.vtt",
    CORPUS / "ceremony.zh-Hans.srt",
    CORPUS / "ceremony.zh-Hant.vtt",
)


@pytest.mark.parametrize(
    ("text", "following", "ends"),
    [
        ("with Chongqing Expressway Group in Chongqing.", None, True),
        ("playing to their strengths,\u201d", "Mr. Gao said,", False),
        ("and transportation networks.\u201d", "Mr. Teng welcomed", True),
        ("Is it ready?", "Yes.", True),
        ("Chairman of", "Chongqing Expressway Group.", False),
        ("met Mr. Teng Yingming,", "Chairman of", False),
        # A title without punctuation, then a new line of text.
        ("CPID and Chongqing Expressway Group", "Signing ceremony", True),
        ("CPID signed a strategic", "cooperation agreement", False),
    ],
)
def test_where_an_english_sentence_ends(text: str, following: str | None, ends: bool) -> None:
    assert ends_sentence(text, following) is ends


def props(variant) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {p.type: p.value for p in variant.props}


def test_sentences_over_several_cues_with_their_props() -> None:
    aligned = align_captions(EN, ZH)
    units = aligned.units()
    assert len(units) == 14  # 32 English and 31 Chinese cues with text, 14 sentences
    by_text = {u.variants[0].text: u for u in units}
    meeting = by_text[
        "Mr. Gao Ping, President of CPID, met Mr. Teng Yingming, "
        "Chairman of Chongqing Expressway Group."
    ]
    assert meeting.variants[1].text == "中国电力总裁高平 会见了重庆高速集团董事长滕英明"
    assert props(meeting.variants[0]) == {
        "x-tm-cues": "4-6",
        "x-tm-start": "00:00:10.200",
        "x-tm-end": "00:00:17.800",
        "x-tm-origin": "ceremony.en.vtt:19",
    }
    assert props(meeting.variants[1])["x-tm-cues"] == "4-5"
    assert props(meeting.variants[1])["x-tm-origin"] == "ceremony.zh-Hans.srt:14"
    assert meeting.origin == "ceremony.en.vtt:19"
    # A quotation over three cues ends at the closing quote after the full stop.
    quote = next(u for u in units if u.variants[0].text.startswith("\u201cWe hope"))
    assert quote.variants[0].text.endswith("transportation networks.\u201d")
    assert props(quote.variants[1])["x-tm-cues"] == "17-19"
    assert not any(u.variants[0].text == "[Applause]" for u in units)


def test_chinese_first_gives_the_same_sentences_mirrored() -> None:
    forward = align_captions(EN, ZH)
    backward = align_captions(ZH, EN)
    assert backward.alignment.source_lang == "zh-Hans"
    assert backward.alignment.target_lang == "en"
    assert [(s.target, s.source) for s in backward.sentences] == [
        (s.source, s.target) for s in forward.sentences
    ]
    assert [(u.variants[1].text, u.variants[0].text) for u in backward.units()] == [
        (u.variants[0].text, u.variants[1].text) for u in forward.units()
    ]


def test_a_traditional_track_is_tagged_by_its_text() -> None:
    aligned = align_captions(EN, HANT, target_lang="zh-Hans")  # the default option disagrees
    assert aligned.alignment.target_lang == "zh-Hant"
    units = aligned.units()
    assert len(units) == 14
    assert (
        units[2].variants[1].text == "雙方就綠色交通綠色航運和儲能交換了意見"
    )  # one cue, two lines
    assert props(units[2].variants[1])["x-tm-cues"] == "6"
    agreeing = align_captions(EN, ZH, target_lang="zh-CN")
    assert agreeing.alignment.target_lang == "zh-Hans"


def test_cue_numbers_and_joining() -> None:
    cues = [
        Block(text, Location("t.srt", cue=n), "cue", 0, 1000)
        for n, text in enumerate(["签约后", "双方将按照", "“产业融合、", "共建共享”"], 1)
    ]
    assert cue_numbers(cues, [0, 1, 2]) == "1-3"
    assert cue_numbers(cues, [1, 3]) == "2,4"
    assert join_cues(cues, [0, 1], "zh-Hans") == "签约后 双方将按照"
    assert join_cues(cues, [2, 3], "zh-Hans") == "“产业融合、共建共享”"
    assert join_cues(cues, [0, 1], "en") == "签约后 双方将按照"
