from __future__ import annotations

from pathlib import Path

import pytest

from tm.model import Block, Location
from tm.readers import read_document
from tm.segment import segment_block, split_by_language, split_chinese, split_english

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_5a0f6029a40198bd.txt"


def en(text: str) -> list[str]:
    return [text[a:b] for a, b in split_english(text)]


def zh(text: str) -> list[str]:
    return [text[a:b] for a, b in split_chinese(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Gao met Mr. Teng. They signed.", ["Mr. Gao met Mr. Teng.", "They signed."]),
        ("Chongqing Expressway Group Co., Ltd., in Chongqing.", None),
        ("Sales rose 3.5% in 2023. Profit fell.", ["Sales rose 3.5% in 2023.", "Profit fell."]),
        ("See No. 5 on the list. Then stop.", ["See No. 5 on the list.", "Then stop."]),
        (
            "The U.S. market, e.g. Texas, grew. It did.",
            ["The U.S. market, e.g. Texas, grew.", "It did."],
        ),
        ('He said "it works." Then he left.', ['He said "it works."', "Then he left."]),
        ("(This is a note.) Next one.", ["(This is a note.)", "Next one."]),
        ("Meet at 9 a.m. tomorrow. Bring it.", ["Meet at 9 a.m. tomorrow.", "Bring it."]),
        (
            "Capital operation, etc. The plan is set.",
            ["Capital operation, etc.", "The plan is set."],
        ),
        (
            "J. R. R. Tolkien wrote it. Really?  Yes!",
            ["J. R. R. Tolkien wrote it.", "Really?", "Yes!"],
        ),
        ("No full stop at the end", ["No full stop at the end"]),
    ],
)
def test_english(text: str, expected: list[str] | None) -> None:
    assert en(text) == (expected or [text])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("双方签署了协议。高平介绍了情况。", ["双方签署了协议。", "高平介绍了情况。"]),
        ("他说：“我们将继续合作。”双方表示欢迎。", ["他说：“我们将继续合作。”", "双方表示欢迎。"]),
        ("真的吗？！当然……我们走吧！", ["真的吗？！", "当然……", "我们走吧！"]),
        ("增长3.5%，达到二十亿元；利润增加。", ["增长3.5%，达到二十亿元；", "利润增加。"]),
        ("绿电交通产业战略合作签约仪式", ["绿电交通产业战略合作签约仪式"]),
        ("打开Acme控制台。点击OK!然后退出", ["打开Acme控制台。", "点击OK!", "然后退出"]),
    ],
)
def test_chinese(text: str, expected: list[str]) -> None:
    assert zh(text) == expected


def test_positions_are_kept() -> None:
    block = Block("Mr. Gao met Mr. Teng. They signed.", Location("r.txt", 7, paragraph=3))
    second = segment_block(block, "en")[1]
    assert second.text == "They signed."
    assert (second.location.file, second.location.line, second.location.column) == ("r.txt", 7, 23)
    assert second.location.paragraph == 3


def test_seed_splits_into_release_and_banner() -> None:
    parts = split_by_language(read_document(SEED).blocks)
    assert len(parts["en"]) == 6
    banner = ["中国电力 重庆高速集团", "绿电交通产业战略合作签约仪式"]
    assert [b.text for b in parts["zh"]] == banner
