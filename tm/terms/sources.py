"""Where aligned text for term extraction comes from: a TMX, the memory, `tm align` JSON
output (beads and banner links), or documents aligned on the fly."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tm import lang as langs
from tm.errors import InputError
from tm.model import Unit
from tm.terms.extract import AlignedPair
from tm.tmx.reader import TmxReader


@dataclass
class Source:
    """Aligned pairs plus all the English text they came from (aligned or not)."""

    pairs: list[AlignedPair] = field(default_factory=list)
    english: list[str] = field(default_factory=list)

    def extend(self, other: Source) -> None:
        self.pairs.extend(other.pairs)
        self.english.extend(other.english)


def from_units(units: Iterable[Unit]) -> Source:
    """Segment units holding Chinese and English (any order, any region or script tag)."""
    source = Source()
    for unit in units:
        if unit.kind != "segment":
            continue
        zh = next((v for v in unit.variants if langs.is_chinese(v.lang)), None)
        en = next((v for v in unit.variants if langs.primary(v.lang) == "en"), None)
        if zh is not None and en is not None and zh.text.strip() and en.text.strip():
            source.pairs.append(AlignedPair(zh.text, en.text, unit.origin))
            source.english.append(en.text)
    return source


def from_tmx(path: str) -> Source:
    with TmxReader(path) as reader:
        return from_units(reader)


def from_align_json(path: str) -> Source:
    """`tm align --format json` output: its beads, and its short-text links."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"not JSON: {exc}", file=path) from None
    if not isinstance(data, dict) or "beads" not in data:
        raise InputError("not `tm align --format json` output (no beads)", file=path)
    zh_is_source = langs.is_chinese(str(data.get("source_lang", "en")))
    source = Source()
    for bead in data["beads"]:
        src, tgt = bead.get("source", ""), bead.get("target", "")
        zh, en = (src, tgt) if zh_is_source else (tgt, src)
        if en:
            source.english.append(en)
        if zh and en:
            source.pairs.append(AlignedPair(zh, en, path))
    for link in data.get("links", []):
        context = link.get("context") or {}  # the whole line and sentence, when given
        source.pairs.append(
            AlignedPair(
                context.get("line", link["source"]),
                context.get("sentence", link["target"]),
                path,
                links=((link["source"], link["target"]),),
            )
        )
    return source


def from_documents(
    paths: Sequence[str], *, terms: dict[str, frozenset[str]] | None = None
) -> Source:
    """One mixed document, or a pair (English first unless the first is Chinese), aligned
    here: its beads, and for a banner or captions, each line with the sentences it links to."""
    from tm.align.documents import align_files, bead_text
    from tm.readers import read_document
    from tm.segment import blocks_language

    first = paths[0]
    source_lang, target_lang = "en", "zh-Hans"
    if len(paths) == 2 and langs.is_chinese(blocks_language(read_document(first).blocks)):
        source_lang, target_lang = "zh-Hans", "en"
    aligned = align_files(
        first,
        paths[1] if len(paths) == 2 else None,
        source_lang=source_lang,
        target_lang=target_lang,
        terms=terms,
    )
    zh_side, en_side = (
        (aligned.source, aligned.target)
        if langs.is_chinese(source_lang)
        else (aligned.target, aligned.source)
    )
    source = Source(english=[s.text for s in en_side])
    for bead in aligned.alignment.beads:
        zh_ids, en_ids = (
            (bead.src, bead.tgt)
            if langs.is_chinese(source_lang)
            else (
                bead.tgt,
                bead.src,
            )
        )
        if zh_ids and en_ids:
            source.pairs.append(
                AlignedPair(
                    bead_text(zh_side, zh_ids, "zh"),
                    bead_text(en_side, en_ids, "en"),
                    str(zh_side[zh_ids[0]].location),
                )
            )
    for link in aligned.links:
        line = zh_side[link.line]
        source.pairs.append(
            AlignedPair(
                line.text,
                en_side[link.sentence].text,
                str(line.location),
                links=((link.source, link.target),),
            )
        )
    return source


def from_inputs(paths: Sequence[str], *, terms: dict[str, frozenset[str]] | None = None) -> Source:
    """TMX and align-JSON files are read as aligned already; other files are documents
    (one mixed document, or two to align with each other)."""
    source = Source()
    documents = []
    for path in paths:
        suffix = os.path.splitext(path)[1].lower()
        if suffix == ".tmx":
            source.extend(from_tmx(path))
        elif suffix == ".json":
            source.extend(from_align_json(path))
        else:
            documents.append(path)
    if len(documents) > 2:
        raise InputError(
            "give one mixed document or two documents to align, not "
            f"{len(documents)} (align them first with `tm align`)",
            file=documents[2],
        )
    if documents:
        source.extend(from_documents(documents, terms=terms))
    return source
