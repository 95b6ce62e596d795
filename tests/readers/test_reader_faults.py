"""Readers on broken and extreme inputs (issue 13): malformed caption timings are an error
naming the cue, WebVTT blocks that are not cues are never text, deep HTML is read, and one
long line is segmented as the same text in lines is."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.errors import InputError
from tm.readers import read_document
from tm.segment import split_english

SRT_CUES = [
    "1\n00:00:01,000 --> 00:00:03,200\n中国电力 重庆高速集团\n",
    "2\n00:00:03,400 --> 00:00:06,000\n绿电交通产业\n战略合作签约仪式\n",
    "3\n00:00:06,500 --> 00:00:09,000\n双方将共同推动项目合作走深走实\n",
]


def _srt(tmp_path: Path, second_timing: str) -> Path:
    cues = list(SRT_CUES)
    cues[1] = cues[1].replace("00:00:03,400 --> 00:00:06,000", second_timing)
    path = tmp_path / "ceremony.zh.srt"
    path.write_text("\n".join(cues), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("timing", "problem"),
    [
        ("00:00:xx,000 --> 00:00:09,5OO", "cue 2: cannot read the timing"),
        ("-00:00:01,000 --> 00:00:06,000", "cue 2: a negative time"),
        ("00:00:06,000 --> 00:00:03,400", "cue 2: it ends before it starts"),
        ("00:00:03,400 --> 00:00:75,000", "cue 2: seconds over 59"),
    ],
)
def test_a_malformed_srt_cue_is_an_error_naming_it(
    tmp_path: Path, timing: str, problem: str
) -> None:
    path = _srt(tmp_path, timing)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{path}:6: {problem}")


def test_a_good_srt_keeps_each_cue_apart(tmp_path: Path) -> None:
    blocks = read_document(_srt(tmp_path, "00:00:03,400 --> 00:00:06,000")).blocks
    assert [b.text for b in blocks] == [
        "中国电力 重庆高速集团",
        "绿电交通产业战略合作签约仪式",
        "双方将共同推动项目合作走深走实",
    ]
    assert all("-->" not in b.text for b in blocks)


def test_webvtt_note_style_and_region_blocks_are_never_text(tmp_path: Path) -> None:
    path = tmp_path / "ceremony.en.vtt"
    path.write_text(
        "WEBVTT\n\nREGION\nid:fred\nwidth:40%\n\nSTYLE\n::cue { color: yellow }\n\n"
        "00:00:01.000 --> 00:00:03.200\nCPID and Chongqing Expressway Group\n\n"
        "NOTE The host's line was shortened\nfor the banner.\n\n"
        "intro\n00:00:03.400 --> 00:00:06.000 align:middle\n"
        "<v Host>Signing ceremony for strategic cooperation</v>\n\n"
        "NOTE\nend of the ceremony captions\n",
        encoding="utf-8",
    )
    blocks = read_document(path).blocks
    assert [b.text for b in blocks] == [
        "CPID and Chongqing Expressway Group",
        "Signing ceremony for strategic cooperation",
    ]
    assert [b.location.line for b in blocks] == [10, 17]


def _nested_html(tmp_path: Path, depth: int) -> Path:
    path = tmp_path / f"deep{depth}.html"
    path.write_text(
        "<html><body><p>签约仪式在重庆举行。</p>"
        + "<div>" * depth
        + "<p>双方将共同推动项目合作走深走实。</p>"
        + "</div>" * depth
        + "</body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("depth", [255, 300, 1500])
def test_html_nested_past_the_parsers_default_limit_is_read(tmp_path: Path, depth: int) -> None:
    texts = [b.text for b in read_document(_nested_html(tmp_path, depth)).blocks]
    assert texts == ["签约仪式在重庆举行。", "双方将共同推动项目合作走深走实。"]


def test_html_nested_past_the_bound_is_refused_saying_why(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nested more than 2048 levels"):
        read_document(_nested_html(tmp_path, 3000))


def test_deeply_nested_inline_html_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "spans.html"
    path.write_text(
        "<html><body><p>CPID " + "<span>" * 1500 + "signs" + "</span>" * 1500 + " today.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    assert [b.text for b in read_document(path).blocks] == ["CPID signs today."]


RELEASE = (
    "On June 21, 2023, Mr. Gao Ping, President of CPID, met with Mr. Teng Yingming, "
    "Chairman of Chongqing Expressway Group Co. Ltd. in Chongqing. "
    "The two sides signed a cooperation agreement worth U.S. $3.5 million. "
    "See No. 5 of the agreement. It takes effect at once!"
)


def test_one_long_line_splits_as_its_sentences_do_one_by_one() -> None:
    line = " ".join([RELEASE] * 2000)
    spans = split_english(line)
    sentences = [line[a:b] for a, b in spans]
    single = [RELEASE[a:b] for a, b in split_english(RELEASE)]
    assert len(single) == 4
    assert sentences == single * 2000


def test_a_word_longer_than_the_look_back_is_no_abbreviation() -> None:
    text = "x" * 200 + ". The next sentence."
    assert [text[a:b] for a, b in split_english(text)] == ["x" * 200 + ".", "The next sentence."]
