"""Readers on real-looking documents and captions, in the encodings they come in."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from tm.errors import InputError
from tm.readers import read_document
from tm.readers.docx import check_archive

DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_5a0f6029a40198bd.txt"


def texts(path: Path) -> list[str]:
    return [b.text for b in read_document(path).blocks]


def test_plain_text_seed_paragraphs_and_lines() -> None:
    document = read_document(SEED)
    assert document.encoding == "utf-8"
    blocks = document.blocks
    assert blocks[0].text.startswith("CPID Signs Strategic Cooperation Agreement")
    assert blocks[0].location.line == 3 and blocks[0].location.paragraph == 1
    banner = ["中国电力 重庆高速集团", "绿电交通产业战略合作签约仪式"]
    assert [b.text for b in blocks[-2:]] == banner
    assert [b.location.line for b in blocks[-2:]] == [17, 19]


def test_markdown_structure_and_lines() -> None:
    blocks = read_document(DOCS / "release.md").blocks
    kinds = [(b.kind, b.location.line) for b in blocks]
    assert kinds[0] == ("heading", 1)
    assert blocks[1].text == (
        "On June 21, 2023, Mr. Gao Ping, President of CPID, met with Mr. Teng Yingming, "
        "Chairman of Chongqing Expressway Group Co., Ltd., in Chongqing."
    )
    items = [b.text for b in blocks if b.kind == "list-item"]
    assert items == [
        "green transportation and green shipping;",
        "energy storage, and integrated smart zero-carbon power plants;",
        "rural revitalization.",
    ]
    assert ("cell", 14) in kinds  # table cells are read, code blocks are not
    assert not any("tm align" in b.text for b in blocks)


def test_html_in_gbk_with_inline_markup_and_nested_blocks() -> None:
    document = read_document(DOCS / "release.zh.html")
    assert document.encoding in ("gbk", "gb18030")
    found = [b.text for b in document.blocks]
    assert found[0] == "中国电力与重庆高速集团签署战略合作协议"  # <title>
    assert (
        "2023年6月21日，中国电力总裁高平在重庆会见了重庆高速集团董事长滕英明，"
        "双方就绿色交通、绿色航运、储能等进行了交流。"
    ) in found
    assert "双方将本着“产业融合、一体规划、共建共享”的原则开展合作。" in found
    assert "附：会议纪要" in found
    assert found[-2:] == ["市场开发部", "数字交通公司"]
    assert not any("tracking" in t or "margin" in t for t in found)


def test_srt_cues_with_numbers_times_and_lines() -> None:
    blocks = read_document(DOCS / "ceremony.zh.srt").blocks
    assert [b.text for b in blocks] == [
        "中国电力 重庆高速集团",
        "绿电交通产业战略合作签约仪式",  # two caption lines of Chinese join without a space
        "双方将共同推动项目合作走深走实",
    ]
    second = blocks[1]
    assert (second.location.cue, second.location.line) == (2, 6)
    assert (second.start_ms, second.end_ms) == (3400, 6000)


@pytest.mark.parametrize("name", ["ceremony.zh.utf16.srt", "ceremony.zh-hant.big5.srt"])
def test_caption_encodings(name: str) -> None:
    document = read_document(DOCS / name)
    assert len(document.blocks) == 3
    simplified, traditional = "绿电交通产业战略合作签约仪式", "綠電交通產業戰略合作簽約儀式"
    assert document.blocks[1].text in (simplified, traditional)


def test_webvtt_cues_voices_and_settings() -> None:
    blocks = read_document(DOCS / "ceremony.en.vtt").blocks
    assert [b.text for b in blocks] == [
        "CPID and Chongqing Expressway Group",
        "Signing ceremony for strategic cooperation in green-power transportation",
        "Both sides will jointly promote project cooperation.",
    ]
    assert [b.location.line for b in blocks] == [6, 9, 13]


def _docx(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("CPID Signs Strategic Cooperation Agreement", level=1)
    document.add_paragraph("On June 21, 2023, Mr. Gao Ping met with Mr. Teng Yingming.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "中国电力"
    table.rows[0].cells[1].text = "重庆高速集团"
    document.add_paragraph("")
    document.add_paragraph("绿电交通产业战略合作签约仪式")
    path = tmp_path / "release.docx"
    document.save(path)
    return path


def test_docx_paragraphs_tables_and_headings(tmp_path: Path) -> None:
    blocks = read_document(_docx(tmp_path)).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "CPID Signs Strategic Cooperation Agreement"),
        ("paragraph", "On June 21, 2023, Mr. Gao Ping met with Mr. Teng Yingming."),
        ("paragraph", "中国电力"),
        ("paragraph", "重庆高速集团"),
        ("paragraph", "绿电交通产业战略合作签约仪式"),
    ]
    assert blocks[-1].location.paragraph == 6


def test_corrupt_docx(tmp_path: Path) -> None:
    good = _docx(tmp_path).read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good[: len(good) // 2])
    with pytest.raises(InputError, match="not a DOCX file") as info:
        read_document(broken)
    assert info.value.file == str(broken)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/padding.bin", b"\0" * 8_000_000)
    with pytest.raises(InputError, match="zip bomb"):
        check_archive(str(bomb))


def test_a_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    other = tmp_path / "other.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    other.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match=r"no word/document\.xml"):
        read_document(other)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "has no text"),
        ("blank.txt", b"\n \n\t\n", "has no text"),
        ("noise.txt", bytes(range(128, 256)) * 40, "cannot decide the text encoding"),
        ("notvtt.vtt", b"00:00:01.000 --> 00:00:02.000\nHello\n", "must start with 'WEBVTT'"),
        ("release.pdf", b"%PDF-1.7", "cannot read .pdf"),
    ],
)
def test_bad_documents(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    target = tmp_path / name
    target.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_document(target)
    assert info.value.file == str(target)
    assert "\n" not in str(info.value)


def test_missing_document(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "absent.txt")


def test_gb18030_plain_text(tmp_path: Path) -> None:
    target = tmp_path / "banner.txt"
    target.write_bytes("中国电力 重庆高速集团\n\n绿电交通产业战略合作签约仪式\n".encode("gb18030"))
    assert texts(target) == ["中国电力 重庆高速集团", "绿电交通产业战略合作签约仪式"]


def test_a_file_is_parsed_once_until_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text("Chongqing Expressway Group signed the agreement.\n", encoding="utf-8")
    first = read_document(path)
    assert read_document(str(path)) is first
    # Rewritten at once, same size and timestamp: the content still tells the versions apart.
    stat = os.stat(path)
    path.write_text("Chongqing Expressway Group signed the contracts.\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert read_document(path).blocks[0].text.endswith("contracts.")
