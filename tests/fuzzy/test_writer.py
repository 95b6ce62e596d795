"""The caption writer keeps what pysubs2 drops: WebVTT cue ids, cue settings, NOTE blocks."""

from __future__ import annotations

from tm.captions.writer import replace_cue_texts

VTT = """WEBVTT - signing video

NOTE
This file was made by hand,
in the style of the WebVTT specification's examples.

STYLE
::cue { color: yellow }

1
00:00:01.000 --> 00:00:04.000 line:0 position:20% size:60% align:start
Welcome to the signing ceremony.

two
00:00:05.000 --> 00:00:08.000 vertical:rl
<v Mr. Teng>Welcome, Mr. Gao.

00:00:09.000 --> 00:00:11.000
No translation for this one.
"""

SRT = """1
00:00:01,000 --> 00:00:04,000
Welcome to the signing ceremony.

2
00:00:05,000 --> 00:00:08,000
Welcome,
Mr. Gao.
"""


def test_webvtt_keeps_header_notes_styles_ids_and_settings() -> None:
    out = replace_cue_texts(VTT, {1: "欢迎出席签约仪式。", 2: "<v 滕英明>欢迎高平先生。"})
    assert out == VTT.replace("Welcome to the signing ceremony.", "欢迎出席签约仪式。").replace(
        "<v Mr. Teng>Welcome, Mr. Gao.", "<v 滕英明>欢迎高平先生。"
    )


def test_srt_cue_texts_replaced_lines_and_all() -> None:
    out = replace_cue_texts(SRT, {2: "欢迎，\n高平先生。"})
    assert out == SRT.replace("Welcome,\nMr. Gao.", "欢迎，\n高平先生。")
    assert replace_cue_texts(SRT.replace("\n", "\r\n"), {}) == SRT


def test_cue_numbers_agree_with_the_reader(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tm.readers import read_document

    path = tmp_path / "a.vtt"
    path.write_text(VTT, encoding="utf-8")
    cues = {b.location.cue: b.text for b in read_document(path).blocks}
    assert cues[3] == "No translation for this one."
    out = replace_cue_texts(VTT, {3: "X"})
    assert out.endswith("00:00:09.000 --> 00:00:11.000\nX\n")
