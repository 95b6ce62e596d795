"""One function decides a text's language: English, Simplified or Traditional Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.errors import UsageError
from tm.readers import read_document
from tm.text.language import agrees, blocks_language, detect, resolve, split_by_language

DOCS = Path(__file__).resolve().parent.parent / "data" / "docs"
SEED = Path(__file__).resolve().parent.parent.parent / "corpora" / "seed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国家电投与宁夏回族自治区签署新能源合作协议。", "zh-Hans"),
        ("國家電投與寧夏回族自治區簽署新能源合作協議。", "zh-Hant"),
        ("雙方將共同推動項目合作走深走實", "zh-Hant"),
        # Mainland text with the odd Traditional character (開, 於) stays Simplified.
        ("中国电力於2023年開始建设彩色光伏电站", "zh-Hans"),
        ("开會", "zh-Hans"),  # a tie is Simplified
        ("開會", "zh-Hant"),
        ("皇后", "zh-Hans"),  # no script-distinctive character at all
        ("SPIC的储能项目", "zh-Hans"),  # a Latin name inside Chinese
        ("国家电投与Ningxia Hui Autonomous Region签署协议", "zh-Hans"),
        ("On June 21, Mr. Gao Ping (高平) met the chairman in Chongqing.", "en"),
        ("Energiespeicher", "en"),  # any Latin-script text: the script is what counts
        ("2024-03-15", "en"),  # no letters: the default
    ],
)
def test_detect(text: str, expected: str) -> None:
    assert detect(text) == expected


def test_text_without_letters_takes_the_default() -> None:
    assert detect("500 000", default="zh-Hans") == "zh-Hans"


def test_documents_by_their_blocks() -> None:
    assert blocks_language(read_document(SEED / "release.zh.txt").blocks) == "zh-Hans"
    assert blocks_language(read_document(SEED / "release.en.txt").blocks) == "en"
    assert blocks_language(read_document(DOCS / "release.zh-hant.txt").blocks) == "zh-Hant"
    track = read_document(DOCS / "ceremony.zh-hant.big5.srt").blocks
    assert blocks_language(track) == "zh-Hant"
    assert blocks_language(read_document(DOCS / "ceremony.en.vtt").blocks) == "en"


def test_a_mixed_document_splits_by_script() -> None:
    blocks = [
        *read_document(SEED / "release.en.txt").blocks,
        *read_document(SEED / "release.zh.txt").blocks,
    ]
    parts = split_by_language(blocks)
    assert all(detect(b.text) == "en" for b in parts["en"])
    assert all(detect(b.text) == "zh-Hans" for b in parts["zh"])
    assert len(parts["en"]) == len(read_document(SEED / "release.en.txt").blocks)


@pytest.mark.parametrize(
    ("detected", "tag", "fits"),
    [
        ("en", "en-US", True),
        ("en", "de", True),
        ("en", "zh-Hans", False),
        ("zh-Hans", "zh-CN", True),
        ("zh-Hans", "zh", True),
        ("zh-Hans", "zh-TW", False),
        ("zh-Hant", "zh-HK", True),
        ("zh-Hant", "zh-Hans", False),
        ("zh-Hans", "en", False),
    ],
)
def test_a_given_tag_must_fit_the_text(detected: str, tag: str, fits: bool) -> None:
    assert agrees(detected, tag) is fits


def test_resolve_keeps_the_tag_as_given_or_names_the_file() -> None:
    assert resolve("zh-Hans", "zh-CN", file="a.txt", option="--src-lang") == "zh-CN"
    assert resolve("en", None, file="a.txt", option="--src-lang") == "en"
    with pytest.raises(UsageError) as caught:
        resolve("en", "zh-Hans", file="a.txt", option="--src-lang")
    assert str(caught.value) == "a.txt: the text is English, but --src-lang says zh-Hans"
    with pytest.raises(UsageError, match="not a BCP 47 language tag"):
        resolve("en", "english!", file="a.txt", option="--src-lang")
