"""Precision, recall and F1 of an alignment against a gold one, strict and lax, counted as
Vecalign and Bertalign count them: every non-empty test bead is judged for precision (null
beads included); beads with an empty side are left out of recall."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass

from tm.errors import InputError

BeadPair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Scores:
    strict_p: float
    strict_r: float
    strict_f1: float
    lax_p: float
    lax_r: float
    lax_f1: float


def read_beads(path: str | os.PathLike[str]) -> list[BeadPair]:
    """A gold file: one bead per line, `[0, 1]:[2]`. Raises `InputError` on a bad line."""
    name = os.fspath(path)
    beads: list[BeadPair] = []
    try:
        with open(name, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        raise InputError("no such file", file=name) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            left, right = line.split(":")
            beads.append((tuple(json.loads(left)), tuple(json.loads(right))))
        except (ValueError, TypeError):
            raise InputError(
                f"not a bead: {line.strip()!r} (expected [i, ...]:[j, ...])", file=name, line=number
            ) from None
    return beads


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(test: Iterable[BeadPair], gold: Iterable[BeadPair]) -> Scores:
    test = [b for b in test if b[0] or b[1]]
    gold = [b for b in gold if b[0] or b[1]]
    gold_set = set(gold)
    test_set = set(test)
    gold_links = {(s, t) for src, tgt in gold for s in src for t in tgt}
    test_links = {(s, t) for src, tgt in test for s in src for t in tgt}

    def lax_hit(bead: BeadPair, links: set[tuple[int, int]]) -> bool:
        src, tgt = bead
        if not src or not tgt:
            return False
        return any((s, t) in links for s in src for t in tgt)

    strict_p = sum(b in gold_set for b in test) / len(test) if test else 0.0
    lax_p = sum(b in gold_set or lax_hit(b, gold_links) for b in test) / len(test) if test else 0.0
    full_gold = [b for b in gold if b[0] and b[1]]
    strict_r = sum(b in test_set for b in full_gold) / len(full_gold) if full_gold else 0.0
    lax_r = (
        sum(b in test_set or lax_hit(b, test_links) for b in full_gold) / len(full_gold)
        if full_gold
        else 0.0
    )
    return Scores(strict_p, strict_r, _f1(strict_p, strict_r), lax_p, lax_r, _f1(lax_p, lax_r))
