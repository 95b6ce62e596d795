"""`tm align` takes each input's language from its text: either order stores the same pairs,
tagged by their text; options that contradict the text, or two inputs in one language, stop
the command before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm import lang as langs
from tm.memory import open_memory
from tm.text.language import detect

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = ROOT / "corpora" / "seed"
DOCS = ROOT / "tests" / "data" / "docs"
EN, ZH, HANT = SEED / "release.en.txt", SEED / "release.zh.txt", DOCS / "release.zh-hant.txt"


def _stored(db: Path) -> list[tuple[tuple[str, str], ...]]:
    """Each stored unit's variants as (language, text), sorted."""
    with open_memory(db) as store:
        return sorted(
            tuple(sorted((v.lang, v.text) for v in s.unit.variants))
            for s in store.units(kind="segment")
        )


def test_either_order_stores_the_same_pairs_tagged_by_their_text(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "en-first.db", tmp_path / "zh-first.db"
    assert (
        run("--memory", first, "align", EN, ZH, "--into-memory", "-o", tmp_path / "a.tmx").code == 0
    )
    # --memory after the command means the same.
    assert (
        run("align", ZH, EN, "--into-memory", "--memory", second, "-o", tmp_path / "b.tmx").code
        == 0
    )
    en_first, zh_first = _stored(first), _stored(second)
    assert len(en_first) >= 5
    assert en_first == zh_first
    for unit in en_first:
        assert [lang for lang, _ in unit] == ["en", "zh-Hans"]
        assert all(detect(text) == lang for lang, text in unit)
    with open_memory(second) as store:  # Chinese first: Chinese is the source
        assert all(langs.is_chinese(s.srclang) for s in store.units(kind="segment"))


def test_traditional_text_is_tagged_zh_hant(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "tm.db"
    assert (
        run("--memory", db, "align", HANT, EN, "--into-memory", "-o", tmp_path / "a.json").code == 0
    )
    units = _stored(db)
    assert units and all([lang for lang, _ in unit] == ["en", "zh-Hant"] for unit in units)
    assert any("電力" in text for unit in units for _lang, text in unit)


def test_an_agreeing_tag_is_kept_as_given(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "tm.db"
    result = run(
        "--memory",
        db,
        "align",
        EN,
        ZH,
        "--into-memory",
        "--src-lang",
        "en-US",
        "--tgt-lang",
        "zh-CN",
    )
    assert result.code == 0, result.err
    assert all([lang for lang, _ in unit] == ["en-US", "zh-CN"] for unit in _stored(db))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            (EN, ZH, "--src-lang", "zh-Hans"),
            f"{EN}: the text is English, but --src-lang says zh-Hans",
        ),
        (
            (HANT, EN, "--src-lang", "zh-Hans"),
            f"{HANT}: the text is Traditional Chinese, but --src-lang says zh-Hans",
        ),
        (
            (EN, ZH, "--tgt-lang", "en"),
            f"{ZH}: the text is Simplified Chinese, but --tgt-lang says en",
        ),
        ((EN, EN), f"{EN}: the text is English, as is {EN}'s (give a text and its translation)"),
        (
            (ZH, HANT),
            f"{HANT}: the text is Chinese, as is {ZH}'s (give a text and its translation)",
        ),
        ((EN, ZH, "--tgt-lang", "zh_Hans"), "--tgt-lang 'zh_Hans' is not a BCP 47 language tag"),
    ],
)
def test_contradictions_exit_2_with_one_line_and_write_nothing(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, args: tuple, message: str
) -> None:
    db = tmp_path / "tm.db"
    assert run("--memory", db, "align", EN, ZH, "--into-memory").code == 0
    before = db.read_bytes()
    out = tmp_path / "out.tmx"
    result = run("--memory", db, "align", *args, "--into-memory", "-o", out)
    assert result.code == 2
    assert result.err.startswith(f"tm: error: {message}")
    assert result.err.count("\n") == 1 and result.out == ""
    assert db.read_bytes() == before
    assert not out.exists()


def test_a_mixed_document_needs_no_language_options(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mixed = tmp_path / "mixed.txt"
    mixed.write_text(ZH.read_text("utf-8") + "\n\n" + EN.read_text("utf-8"), "utf-8")
    db = tmp_path / "tm.db"
    assert run("--memory", db, "align", mixed, "--into-memory").code == 0
    units = _stored(db)
    assert units and all([lang for lang, _ in unit] == ["en", "zh-Hans"] for unit in units)


def test_several_files_are_paired_by_name_into_the_memory(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    news = DOCS / "news"
    db = tmp_path / "tm.db"
    paths = [news / n for n in ("wind.en.txt", "storage.zh.txt", "wind.zh.txt", "storage.en.txt")]
    result = run("--memory", db, "align", *paths, "--into-memory")
    assert result.code == 0, result.err
    assert f"{news / 'storage.zh.txt'} ↔ {news / 'storage.en.txt'}: 4 beads" in result.out
    units = _stored(db)
    assert len(units) == 8
    assert (
        ("en", "The investment totals 1.6 billion yuan."),
        ("zh-Hans", "项目总投资25亿元。"),
    ) in units
    before = db.read_bytes()
    # A file without a partner: nothing of the others is stored either.
    result = run("--memory", db, "align", *paths[:3], "--into-memory")
    assert result.code == 2 and result.err.count("\n") == 1
    assert result.err.startswith(f"tm: error: {paths[1]}: no other input pairs with it by name")
    assert db.read_bytes() == before
