"""Drift from the memory follows the memory: what was written since the last check counts."""

from __future__ import annotations

from pathlib import Path

from tm.checks import check_pairs
from tm.checks.core import CheckPair
from tm.memory import Store
from tm.model import Location, Unit, Variant

SOURCE = "Both sides will jointly promote project cooperation."
REMEMBERED = "双方将共同推动项目合作走深走实。"
PAIR = CheckPair(SOURCE, "双方将共同推动项目合作取得进展。", "en", "zh-Hans", Location("r.txt", 1))


def _remember(store: Store, source: str, target: str) -> None:
    with store.atomic():
        store.put(Unit((Variant("en", (source,)), Variant("zh-CN", (target,)))))


def _drift(store: Store) -> list[str]:
    return [f.check for f in check_pairs([PAIR], memory=store)]


def test_a_segment_written_after_a_check_counts_in_the_next(tmp_path: Path) -> None:
    with Store(tmp_path / "tm.db") as store:
        _remember(store, "An unrelated sentence about the weather today.", "今天的天气。")
        assert _drift(store) == []
        _remember(store, SOURCE, REMEMBERED)
        assert _drift(store) == ["memory-drift"]


def test_a_segment_another_connection_writes_counts(tmp_path: Path) -> None:
    path = tmp_path / "tm.db"
    with Store(path) as checker, Store(path) as writer:
        _remember(writer, "An unrelated sentence about the weather today.", "今天的天气。")
        assert _drift(checker) == []
        _remember(writer, SOURCE, REMEMBERED)
        assert _drift(checker) == ["memory-drift"]
