"""Documents -> sentences -> alignment -> units: what `tm align` does, as a library call."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tm import lang as langs
from tm.align.aligner import Alignment, Bead, align_segments, alignment_of
from tm.align.links import Link, beads_from_links, link_short_text, merge_links
from tm.errors import InputError
from tm.model import Location, Prop, Unit, Variant
from tm.readers import read_bytes, read_document
from tm.readers.encoding import decode
from tm.segment import Segment, segment_blocks, split_by_language

if TYPE_CHECKING:
    from tm.memory import Memory

#: Beads scoring below this are flagged for review.
LOW_CONFIDENCE = 0.2


@dataclass
class AlignedDocuments:
    alignment: Alignment
    source: list[Segment]
    target: list[Segment]
    links: list[Link] = field(default_factory=list)


def is_short_text(short: list[Segment], document: list[Segment]) -> bool:
    """A banner or a few captions against a release: far fewer lines than sentences."""
    return 0 < len(short) * 3 <= len(document)


def read_segmented(path: str, lang: str) -> list[Segment]:
    """One sentence per line, as given; empty lines stay (index = line number - 1)."""
    text, _encoding = decode(read_bytes(path), path)
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise InputError("the document has no text", file=path)
    return [Segment(line.strip(), lang, Location(path, n)) for n, line in enumerate(lines, 1)]


def _sentences(path: str, lang: str) -> list[Segment]:
    document = read_document(path)
    return segment_blocks(document.blocks, "zh" if langs.is_chinese(lang) else "en")


def _captions(a: str, b: str | os.PathLike[str]) -> bool:
    from tm.captions.align import is_caption_pair

    return is_caption_pair(a, b)


def _align_captions(a: str, b: str | os.PathLike[str], **options: object) -> AlignedDocuments:
    from tm.captions.align import align_captions

    return align_captions(a, b, **options)  # type: ignore[arg-type]


def align_files(
    a: str | os.PathLike[str],
    b: str | os.PathLike[str] | None = None,
    *,
    segmented: bool = False,
    source_lang: str | None = None,
    target_lang: str | None = None,
    terms: dict[str, frozenset[str]] | None = None,
) -> AlignedDocuments:
    """Align A (source) with B (target), or the English and Chinese parts of a mixed A.

    The languages are the callers' (`tm.pairs` decides and checks them); left out, they come
    from the texts. `terms` maps Chinese terms to English stems (see `lexicon.term_glosses`).
    Raises `InputError` for unreadable files and for a side with no text in its language,
    `UsageError` for two files in one language.
    """
    first = os.fspath(a)
    if b is not None and not segmented and _captions(first, b):  # two caption tracks
        return _align_captions(
            first, b, source_lang=source_lang, target_lang=target_lang, terms=terms
        )
    if b is None:
        if segmented:
            raise InputError("--segmented needs two files", file=first)
        blocks = read_document(first).blocks
        parts = split_by_language(blocks)
        en_part, zh_part = parts["en"], parts["zh"]
        if not en_part or not zh_part:
            missing = "Chinese" if not zh_part else "English"
            raise InputError(f"the document has no {missing} text to align with", file=first)
        if source_lang is None or target_lang is None:
            from tm.pairs import mixed_languages

            source_lang, target_lang = mixed_languages(blocks, source_lang, target_lang, first)
        source_is_zh = langs.is_chinese(source_lang)
        src_blocks, tgt_blocks = (zh_part, en_part) if source_is_zh else (en_part, zh_part)
        source = segment_blocks(src_blocks, "zh" if source_is_zh else "en")
        target = segment_blocks(tgt_blocks, "en" if source_is_zh else "zh")
    else:
        second = os.fspath(b)
        if source_lang is None or target_lang is None:
            from tm.pairs import pair_languages

            source_lang, target_lang = pair_languages(
                first, second, source_lang, target_lang, segmented=segmented
            )
        if segmented:
            source = read_segmented(first, source_lang)
            target = read_segmented(second, target_lang)
        else:
            source = _sentences(first, source_lang)
            target = _sentences(second, target_lang)
    zh_is_source = langs.is_chinese(source_lang)
    zh, en = (source, target) if zh_is_source else (target, source)
    if not is_short_text(zh, en):
        alignment = align_segments(
            [s.text for s in source],
            [s.text for s in target],
            source_lang=source_lang,
            target_lang=target_lang,
            terms=terms,
        )
        return AlignedDocuments(_as_given(alignment, source_lang, target_lang), source, target)
    # A banner is not a translation of one run of sentences: it is linked to spans of the
    # document's sentences, and its beads follow those links.
    lines, sentences = [s.text for s in zh], [s.text for s in en]
    links = link_short_text(lines, sentences, terms)
    beads = []
    for line_ids, sentence_ids, score in beads_from_links(lines, sentences, links):
        src, tgt = (line_ids, sentence_ids) if zh_is_source else (sentence_ids, line_ids)
        beads.append(Bead(src, tgt, round(score, 3)))
    alignment = alignment_of(beads, source_lang, target_lang, mode="short text against a document")
    alignment = _as_given(alignment, source_lang, target_lang)
    return AlignedDocuments(alignment, source, target, merge_links(links))


def _as_given(alignment: Alignment, source_lang: str, target_lang: str) -> Alignment:
    """The alignment tagged as the caller tagged its inputs (a tag that agrees with the text,
    zh-CN or en-US, is kept as given; the aligner itself works on canonical tags)."""
    return replace(alignment, source_lang=source_lang, target_lang=target_lang)


def store_alignment(store: Memory, *aligned: AlignedDocuments) -> int:
    """The aligned pairs of one or more alignments into the memory, in one transaction; how
    many units were stored."""
    batch = [
        (unit, one.alignment.source_lang, None) for one in aligned for unit in alignment_units(one)
    ]
    store.put_many(batch)
    return len(batch)


def bead_text(segments: list[Segment], indices: tuple[int, ...], lang: str) -> str:
    """The bead's sentences as one text: Chinese sentences of one paragraph join without a
    space, anything else (English, separate lines of a banner) with one."""
    text = ""
    for position, i in enumerate(indices):
        if position:
            same_block = segments[i].block == segments[indices[position - 1]].block
            text += "" if langs.is_chinese(lang) and same_block else " "
        text += segments[i].text
    return text


def alignment_units(aligned: AlignedDocuments) -> list[Unit]:
    """One segment unit per bead with both sides, its score as a prop (for caption tracks,
    one per sentence: tm.captions.align)."""
    if hasattr(aligned, "units"):
        return aligned.units()  # type: ignore[no-any-return]
    al = aligned.alignment
    units = []
    for bead in al.beads:
        if not bead.src or not bead.tgt:
            continue
        first = aligned.source[bead.src[0]].location
        props: tuple[Prop, ...] = (Prop("x-tm-align-score", f"{bead.score:.3f}"),)
        if bead.score < LOW_CONFIDENCE:
            props += (Prop("x-tm-review", "low-confidence alignment"),)
        units.append(
            Unit(
                variants=(
                    Variant(al.source_lang, (bead_text(aligned.source, bead.src, al.source_lang),)),
                    Variant(al.target_lang, (bead_text(aligned.target, bead.tgt, al.target_lang),)),
                ),
                props=props,
                origin=f"{os.path.basename(first.file)}:{first.line}",
            )
        )
    return units
