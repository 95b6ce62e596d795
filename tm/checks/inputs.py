"""What `tm check` reads, turned into pairs to check: a bilingual TMX, a pair of documents
(aligned here), a pair of caption files (cues paired by time), or single releases checked
alone against the glossary."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from tm import lang as langs
from tm.checks.core import CheckPair
from tm.model import Block, Location
from tm.segment import block_language, blocks_language

CAPTIONS = (".srt", ".vtt")


@dataclass
class Inputs:
    pairs: list[CheckPair] = field(default_factory=list)
    cues: dict[Location, tuple[Block, str]] = field(default_factory=dict)  # for caption checks
    files: list[str] = field(default_factory=list)


def _tmx_pairs(path: str, target_lang: str | None) -> Iterator[CheckPair]:
    from tm.tmx.reader import TmxReader

    with TmxReader(path) as reader:
        header_src = reader.header.srclang
        for number, unit in enumerate(reader, 1):
            if unit.kind != "segment":
                continue
            source_lang = unit.source_language(header_src if header_src != langs.ALL else None)
            source = next(v for v in unit.variants if langs.same(v.lang, source_lang))
            others = [v for v in unit.variants if v is not source]
            if target_lang:
                others = [v for v in others if langs.matches(target_lang, v.lang)] or others
            line = unit.location.line if unit.location else None
            where = Location(path, line, unit=unit.tuid or f"#{number}")
            target = others[0] if others else None
            yield CheckPair(
                source.text,
                target.text if target else None,
                source.lang,
                target.lang if target else None,
                where,
                path,
            )


def _oriented(first: str, source_lang: str, target_lang: str) -> tuple[str, str]:
    """The (source, target) languages with the first input's language as the source."""
    if langs.is_chinese(first) != langs.is_chinese(source_lang):
        return target_lang, source_lang
    return source_lang, target_lang


def _monolingual(path: str) -> Iterator[CheckPair]:
    """Each sentence of a release on its own, in the language of its part of the document."""
    from tm.readers import read_document
    from tm.segment import segment_blocks, split_by_language

    parts = split_by_language(read_document(path).blocks)
    for script, blocks in parts.items():
        for segment in segment_blocks(blocks, script):
            yield CheckPair(
                segment.text, None, langs.canonical(segment.lang), None, segment.location, path
            )


def _document_pair(a: str, b: str, source_lang: str, target_lang: str) -> Iterator[CheckPair]:
    from tm.align.documents import align_files, bead_text

    aligned = align_files(a, b, source_lang=source_lang, target_lang=target_lang)
    if aligned.links:  # a banner against a release is not a translation: check each alone
        for segment in (*aligned.source, *aligned.target):
            yield CheckPair(
                segment.text,
                None,
                langs.canonical(segment.lang),
                None,
                segment.location,
                segment.location.file,
            )
        return
    for bead in aligned.alignment.beads:
        if bead.src and bead.tgt:
            yield CheckPair(
                bead_text(aligned.source, bead.src, source_lang),
                bead_text(aligned.target, bead.tgt, target_lang),
                source_lang,
                target_lang,
                aligned.source[bead.src[0]].location,
                a,
            )


def _caption_pair(a: str, b: str, source_lang: str, target_lang: str, inputs: Inputs) -> None:
    """Two caption tracks: their sentences (cue groups paired by tm.captions.timing, merged
    as `tm align` stores them) as check pairs, and every cue of both for the profile
    checks. Each track's language from its text."""
    from tm.captions.tracks import read_track, track_language
    from tm.checks.captions import caption_check_pairs

    source, target = read_track(a), read_track(b)
    source_lang, target_lang = track_language(source), track_language(target)
    inputs.pairs.extend(caption_check_pairs(a, source, target, source_lang, target_lang))
    for cues, lang in ((source, source_lang), (target, target_lang)):
        for cue in cues:
            inputs.cues.setdefault(cue.location, (cue, lang))


def read_inputs(
    paths: list[str], *, source_lang: str = "en", target_lang: str = "zh-Hans"
) -> Inputs:
    """TMX files each on their own; other files two by two when they are a pair (two captions,
    or two documents in different languages), else each alone (monolingual)."""
    from tm.readers import read_document

    inputs = Inputs(files=list(paths))
    rest: list[str] = []
    for path in paths:
        if path.lower().endswith(".tmx"):
            inputs.pairs.extend(_tmx_pairs(path, target_lang))
        else:
            rest.append(path)
    if len(rest) == 2:
        a, b = rest
        if all(os.path.splitext(p)[1].lower() in CAPTIONS for p in rest):
            _caption_pair(a, b, source_lang, target_lang, inputs)
            return inputs
        scripts = [blocks_language(read_document(p).blocks) for p in rest]
        if scripts[0] != scripts[1]:
            source_lang, target_lang = _oriented(scripts[0], source_lang, target_lang)
            inputs.pairs.extend(_document_pair(a, b, source_lang, target_lang))
            return inputs
    for path in rest:
        if os.path.splitext(path)[1].lower() in CAPTIONS:
            for block in read_document(path).blocks:
                lang = langs.canonical(block_language(block))
                inputs.pairs.append(CheckPair(block.text, None, lang, None, block.location, path))
                inputs.cues[block.location] = (block, lang)
        else:
            inputs.pairs.extend(_monolingual(path))
    return inputs
