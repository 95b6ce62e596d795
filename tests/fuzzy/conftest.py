"""A memory holding given English-Chinese sentence pairs, for the fuzzy and concordance tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tm.memory import Store
from tm.model import Unit, Variant


def memory_of(tmp_path: Path, pairs: Sequence[tuple[str, str]]) -> Store:
    """A new memory in `tmp_path` with one segment unit per (English, Chinese) pair."""
    store = Store(tmp_path / "tm.db")
    with store.atomic():
        store.put_many(
            [(Unit((Variant("en", (e,)), Variant("zh-Hans", (z,)))), "en", None) for e, z in pairs]
        )
    return store
