"""An export for one direction keeps every unit holding both languages, oriented (issue 13)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEED_TMX
from tm import lang as langs
from tm.tmx.reader import TmxReader


def test_export_en_to_zh_keeps_the_units_stored_zh_to_en(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("import", SEED_TMX).code == 0  # the seed is stored Chinese -> English
    out = tmp_path / "en-zh.tmx"
    result = run("export", "--src-lang", "en-US", "--tgt-lang", "zh-CN", "-o", out)
    assert result.code == 0, result.err
    with TmxReader(str(out)) as reader:
        header = reader.header.srclang
        units = list(reader)
    assert len(units) == 12  # all of them, approved terms included
    assert sum(u.kind == "term" for u in units) == 9
    for unit in units:
        assert [langs.canonical(v.lang)[:2] for v in unit.variants] == ["en", "zh"]
        assert unit.source_language(header).startswith("en")
    assert run("validate", out).code == 0


def test_export_in_the_stored_direction_is_unchanged(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("import", SEED_TMX).code == 0
    result = run("export", "--src-lang", "zh", "--tgt-lang", "en")
    assert result.code == 0
    assert result.out.count("<tu ") == 12
    assert result.out.index('xml:lang="zh-CN"') < result.out.index('xml:lang="en-US"')
