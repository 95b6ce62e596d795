"""Pinyin readings of characters (from CC-CEDICT's entries): how Chinese names are spelled
in English."""

from __future__ import annotations

import re

from tm.lexicon.cache import cedict_table
from tm.lexicon.cedict import entries
from tm.text.english import stem


@cedict_table("pinyin")
def syllables() -> dict[str, frozenset[str]]:
    """Character -> its toneless pinyin readings, from CC-CEDICT's entries."""
    table: dict[str, set[str]] = {}
    for entry in entries():
        pinyin = str(entry["pinyin"]).lower().replace("u:", "v")
        readings = pinyin.split()
        for form in {str(entry["simplified"]), str(entry["traditional"])}:
            if len(form) == len(readings):
                for char, syllable in zip(form, readings, strict=True):
                    table.setdefault(char, set()).add(syllable.rstrip("12345"))
    return {k: frozenset(v) for k, v in table.items()}


def _written(readings: frozenset[str]) -> frozenset[str]:
    """A character's readings as English writes them: ü (v in the tables) also as u or yu
    (吕 Lü, Lu, Lyu; 女 Nü, Nu)."""
    if not any("v" in r for r in readings):
        return readings
    return readings | {r.replace("v", w) for r in readings for w in ("u", "yu")}


def transliterates(chinese: str, latin: str) -> bool:
    """Whether `latin` spells `chinese` in pinyin without tones (高平 ~ Gao Ping, 滕英明 ~
    Teng Yingming): how names pass from Chinese into English."""
    letters = re.sub(r"[^a-z]", "", latin.lower().replace("ü", "v"))
    if not letters or len(chinese) < 2:
        return False
    table = syllables()
    reachable = {0}
    for char in chinese:
        options = table.get(char)
        if not options:
            return False
        options = _written(options)
        reachable = {i + len(s) for i in reachable for s in options if letters.startswith(s, i)}
        if not reachable:
            return False
    return len(letters) in reachable


def pinyin_forms(token: str, limit: int = 8) -> frozenset[str]:
    """How a Chinese name may be written in English: its characters' toneless readings run
    together (宝玉 -> baoyu, 滕英明 -> tengyingming), stemmed like English words; a few forms
    at most when characters have several readings."""
    table = syllables()
    forms = [""]
    for char in token:
        readings = table.get(char)
        if not readings:
            return frozenset()
        forms = [f + r for f in forms for r in sorted(_written(readings))][:limit]
    return frozenset(stem(f) for f in forms if len(f) > 3)
