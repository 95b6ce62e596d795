"""Where aligned text for term extraction comes from: the memory's units, or what the one
input dispatcher (`tm.pairs`) reads: a TMX, `tm align` JSON output (beads and banner links),
or documents aligned on the fly."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tm import lang as langs
from tm.model import Pair, Unit
from tm.terms.extract import AlignedPair
from tm.tmx.reader import TmxReader

if TYPE_CHECKING:
    from tm.pairs import Inputs


@dataclass
class Source:
    """Aligned pairs plus all the English text they came from (aligned or not)."""

    pairs: list[AlignedPair] = field(default_factory=list)
    english: list[str] = field(default_factory=list)
    chinese: str = "zh-Hans"  # the Chinese pairs' language: zh-Hant for Traditional text

    def extend(self, other: Source) -> None:
        self.pairs.extend(other.pairs)
        self.english.extend(other.english)


def from_units(units: Iterable[Unit]) -> Source:
    """Segment units holding Chinese and English (any order, any region or script tag)."""
    source = Source()
    scripts: dict[str, int] = {}
    for unit in units:
        if unit.kind != "segment":
            continue
        zh = next((v for v in unit.variants if langs.is_chinese(v.lang)), None)
        en = next((v for v in unit.variants if langs.primary(v.lang) == "en"), None)
        if zh is not None and en is not None and zh.text.strip() and en.text.strip():
            source.pairs.append(AlignedPair(zh.text, en.text, unit.origin))
            source.english.append(en.text)
            scripts[langs.canonical(zh.lang)] = scripts.get(langs.canonical(zh.lang), 0) + 1
    if scripts:
        source.chinese = max(sorted(scripts), key=scripts.__getitem__)
    return source


def from_tmx(path: str) -> Source:
    with TmxReader(path) as reader:
        return from_units(reader)


def from_pairs(inputs: Inputs) -> Source:
    """What `tm.pairs` read, as Chinese/English pairs: every bilingual pair, each banner line
    with the sentence it links to, and all the English text (paired or not)."""
    source = Source()
    scripts: dict[str, int] = {}
    for pair in (*inputs.pairs, *inputs.unpaired):
        for _role, text, lang in pair.sides():
            if langs.primary(lang) == "en" and text:
                source.english.append(text)
            elif langs.is_chinese(lang):
                scripts[langs.canonical(lang)] = scripts.get(langs.canonical(lang), 0) + 1
        zh_en = _zh_en(pair)
        if zh_en is not None:
            source.pairs.append(AlignedPair(*zh_en, str(pair.location)))
    for linked in inputs.links:
        zh_en = _zh_en(linked.pair)
        if zh_en is not None:
            spans = tuple(
                s if langs.is_chinese(linked.pair.source_lang) else s[::-1] for s in linked.spans
            )
            source.pairs.append(AlignedPair(*zh_en, str(linked.pair.location), links=spans))
    if scripts:
        source.chinese = max(sorted(scripts), key=scripts.__getitem__)
    return source


def from_align_json(path: str) -> Source:
    """`tm align --format json` output: its beads, and its short-text links."""
    from tm.pairs import pairs_from_paths

    return from_pairs(pairs_from_paths([path]))


def from_documents(
    paths: Sequence[str], *, terms: dict[str, frozenset[str]] | None = None
) -> Source:
    """One mixed document, or a pair (in either order), aligned (see `tm.pairs`)."""
    from tm.pairs import pairs_from_paths

    return from_pairs(pairs_from_paths(paths, mixed=True, terms=terms))


def _zh_en(pair: Pair) -> tuple[str, str] | None:
    """(Chinese, English) of a bilingual pair of those two languages, else None."""
    if not pair.bilingual or not pair.source.strip() or not (pair.target or "").strip():
        return None
    assert pair.target is not None and pair.target_lang is not None
    if langs.is_chinese(pair.source_lang) and not langs.is_chinese(pair.target_lang):
        return pair.source, pair.target
    if langs.is_chinese(pair.target_lang) and not langs.is_chinese(pair.source_lang):
        return pair.target, pair.source
    return None


def from_inputs(paths: Sequence[str], *, terms: dict[str, frozenset[str]] | None = None) -> Source:
    """TMX and align-JSON files are read as aligned already; documents are paired by name
    and aligned, and a document without a partner is a mixed document (see `tm.pairs`)."""
    from tm.pairs import pairs_from_paths

    return from_pairs(pairs_from_paths(paths, mixed=True, terms=terms))
