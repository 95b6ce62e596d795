"""The one input dispatcher: paths -> bilingual pairs, for check, terms extract and score.

What each path is:
- a TMX is bilingual already: one pair per segment unit;
- `tm align --format json` output: its beads, and its banner links;
- two caption files: cue groups paired by time (`tm.captions.timing`), merged into sentences;
- two documents: aligned here (or, for a banner against a release, linked);
- one document without a partner: checked alone, or with `mixed=True` (term extraction) the
  English and Chinese parts of a mixed document aligned with each other.

Several documents are paired by name (`pair_by_name`): names that differ only by a language
tag (`release.en.md` / `release.zh.md`, `launch.en-US.srt` / `launch.zh-Hans.srt`), or the same
name in sibling folders named by language (`en/001` / `zh/001`). Exactly two files that do not
pair by name are one pair when their texts are in different languages. Every language comes
from the text (`tm.text.language`); options given must agree with it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tm import lang as langs
from tm.errors import InputError, UsageError
from tm.model import Block, Location, Pair
from tm.text import language

if TYPE_CHECKING:
    from tm.align.documents import AlignedDocuments

CAPTIONS = (".srt", ".vtt")
#: Language tags recognised in file and folder names (`cn` is what people write for Chinese).
_NAME_TAG = re.compile(r"^(?:en|eng|zh|zho|chi|cmn|cn|chs|cht)(?:[-_][A-Za-z0-9]{2,8})*$", re.I)
_SUFFIX_TAG = re.compile(r"^(?P<base>.+?)[_](?P<tag>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$")


@dataclass(frozen=True)
class LinkedPair:
    """A short line (banner, caption) with the document sentence it is linked to: not a
    translation of each other as a whole, only their `spans` are (line part, sentence part)."""

    pair: Pair
    spans: tuple[tuple[str, str], ...]


@dataclass
class Inputs:
    """Everything read from the inputs, in input order."""

    pairs: list[Pair] = field(default_factory=list)  # bilingual, or monolingual (target None)
    links: list[LinkedPair] = field(default_factory=list)
    unpaired: list[Pair] = field(default_factory=list)  # aligned sentences left without partner
    cues: dict[Location, tuple[Block, str]] = field(default_factory=dict)  # for caption checks
    files: list[str] = field(default_factory=list)
    alone: list[str] = field(default_factory=list)  # left without a partner among several


# -- names ---------------------------------------------------------------------------------


def _is_name_tag(part: str) -> bool:
    return bool(_NAME_TAG.match(part))


def name_key(path: str) -> tuple[tuple[str, str], str | None]:
    """(what a partner's name must also reduce to, the language tag the name carries)."""
    folder, base = os.path.split(os.path.normpath(path))
    stem, _suffix = os.path.splitext(base)
    parts = stem.split(".")
    tag = None
    for i in range(len(parts) - 1, 0, -1):
        if _is_name_tag(parts[i]):
            tag = parts.pop(i)
            break
    if tag is None:
        match = _SUFFIX_TAG.match(parts[-1])
        if match and _is_name_tag(match["tag"]):
            parts[-1], tag = match["base"], match["tag"]
    parent, last = os.path.split(folder)
    if tag is None and _is_name_tag(last):
        folder, tag = os.path.join(parent, "*"), last
    return (folder, ".".join(parts)), tag


def pair_by_name(paths: Sequence[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """(pairs as (source, target) in input order, files without a partner). Of several
    files reducing to one name, the first given is the source of a pair with each other."""
    groups: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
    for path in paths:
        key, tag = name_key(path)
        groups.setdefault(key, []).append((path, tag))
    pairs: list[tuple[str, str]] = []
    alone: list[str] = []
    for members in groups.values():
        tags = {(tag or "").lower() for _path, tag in members}
        if len(members) < 2 or len(tags) < len(members):
            alone.extend(path for path, _tag in members)
            continue
        first = members[0][0]
        pairs.extend((first, path) for path, _tag in members[1:])
    order = {path: i for i, path in enumerate(paths)}
    alone.sort(key=order.__getitem__)
    return pairs, alone


# -- languages -----------------------------------------------------------------------------


def document_language(path: str, segmented: bool = False) -> str:
    """en, zh-Hans or zh-Hant for a document file (see `tm.text.language`); `segmented`:
    a file of one sentence per line, whatever its name."""
    if segmented:
        from tm.readers import read_bytes
        from tm.readers.encoding import decode

        text, _encoding = decode(read_bytes(path), path)
        lines = [Block(line, Location(path, n)) for n, line in enumerate(text.splitlines(), 1)]
        return language.blocks_language(lines)
    from tm.readers import read_document

    return language.blocks_language(read_document(path).blocks)


def pair_languages(
    a: str,
    b: str,
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    segmented: bool = False,
) -> tuple[str, str]:
    """The languages of a document pair, from their texts; options given must agree with
    them. Raises `UsageError` for a disagreeing option or two files in one language."""
    first, second = document_language(a, segmented), document_language(b, segmented)
    first = language.resolve(first, source_lang, file=a, option="--src-lang")
    second = language.resolve(second, target_lang, file=b, option="--tgt-lang")
    language.different(first, second, (a, b))
    return first, second


def mixed_languages(
    blocks: Sequence[Block], source_lang: str | None, target_lang: str | None, path: str
) -> tuple[str, str]:
    """(source, target) languages of a mixed document: English is the source unless
    --src-lang names Chinese; each part's language from its text."""
    parts = language.split_by_language(blocks)
    zh = language.chinese_part_language(parts["zh"])
    source_is_zh = source_lang is not None and langs.is_chinese(source_lang.strip())
    if target_lang is not None and source_lang is None:
        source_is_zh = not langs.is_chinese(target_lang.strip())
    source, target = (zh, "en") if source_is_zh else ("en", zh)
    source = language.resolve(source, source_lang, file=path, option="--src-lang")
    target = language.resolve(target, target_lang, file=path, option="--tgt-lang")
    return source, target


# -- one kind of input each ------------------------------------------------------------------


def _tmx(path: str, target_lang: str | None, inputs: Inputs) -> None:
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
            inputs.pairs.append(
                Pair(
                    source.text,
                    target.text if target else None,
                    source.lang,
                    target.lang if target else None,
                    where,
                    path,
                )
            )


def _align_json(path: str, inputs: Inputs) -> None:
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
    source_lang = str(data.get("source_lang", "en"))
    target_lang = str(data.get("target_lang", "zh-Hans"))
    where = Location(path)
    for bead in data["beads"]:
        src, tgt = bead.get("source", ""), bead.get("target", "")
        if src and tgt:
            inputs.pairs.append(Pair(src, tgt, source_lang, target_lang, where, path))
        elif src or tgt:
            lang = source_lang if src else target_lang
            inputs.unpaired.append(Pair(src or tgt, None, lang, None, where, path))
    # A link's source is a line of the short text, which is the Chinese side.
    line_lang, sentence_lang = (
        (source_lang, target_lang) if langs.is_chinese(source_lang) else (target_lang, source_lang)
    )
    for link in data.get("links", []):
        context = link.get("context") or {}  # the whole line and sentence, when given
        pair = Pair(
            context.get("line", link["source"]),
            context.get("sentence", link["target"]),
            line_lang,
            sentence_lang,
            where,
            path,
        )
        inputs.links.append(LinkedPair(pair, ((link["source"], link["target"]),)))


def _captions(
    a: str, b: str, source_lang: str | None, target_lang: str | None, inputs: Inputs
) -> None:
    """Two caption tracks: their sentences (cue groups paired by `tm.captions.timing`, the one
    place that pairs cues, merged as `tm align` stores them) as pairs, and every cue of both
    tracks for the profile checks."""
    from tm.captions.sentences import sentence_pairs
    from tm.captions.tracks import read_track

    first, second = pair_languages(a, b, source_lang, target_lang)
    source, target = read_track(a), read_track(b)
    inputs.pairs.extend(sentence_pairs(a, source, target, first, second))
    for cues, lang in ((source, first), (target, second)):
        for cue in cues:
            inputs.cues.setdefault(cue.location, (cue, lang))


def align_paths(
    a: str | os.PathLike[str],
    b: str | os.PathLike[str] | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    segmented: bool = False,
    terms: dict[str, frozenset[str]] | None = None,
) -> AlignedDocuments:
    """Two documents (or a mixed one) aligned, their languages decided from the texts and
    checked against the options given (`UsageError` naming the file), before anything is
    aligned or written."""
    from tm.align.documents import align_files

    first_path = os.fspath(a)
    if b is None:
        from tm.readers import read_document

        if segmented:
            raise InputError("--segmented needs two files", file=first_path)
        blocks = read_document(first_path).blocks
        first, second = mixed_languages(blocks, source_lang, target_lang, first_path)
    else:
        first, second = pair_languages(
            first_path, os.fspath(b), source_lang, target_lang, segmented=segmented
        )
    return align_files(
        a, b, segmented=segmented, source_lang=first, target_lang=second, terms=terms
    )


def align_by_name(
    paths: Sequence[str],
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    segmented: bool = False,
    terms: dict[str, frozenset[str]] | None = None,
) -> list[tuple[str, str, AlignedDocuments]]:
    """Several documents paired by name (see `pair_by_name`), each pair aligned: every
    (source, target, alignment), in input order. Every file must have a partner
    (`UsageError` naming the first without one), so that nothing is stored half."""
    pairs, alone = pair_by_name(list(paths))
    if alone:
        raise UsageError(
            "no other input pairs with it by name",
            file=alone[0],
            hint="name pairs like release.en.md and release.zh.md, or en/001 and zh/001",
        )
    return [
        (
            a,
            b,
            align_paths(
                a,
                b,
                source_lang=source_lang,
                target_lang=target_lang,
                segmented=segmented,
                terms=terms,
            ),
        )
        for a, b in pairs
    ]


def _documents(
    a: str,
    b: str | None,
    source_lang: str | None,
    target_lang: str | None,
    inputs: Inputs,
    terms: dict[str, frozenset[str]] | None,
    segmented: bool = False,
) -> None:
    """Two documents aligned (or one mixed document); a banner against a release is not a
    translation: its lines are linked, and each side is checked alone."""
    from tm.align.documents import bead_text

    aligned = align_paths(
        a, b, source_lang=source_lang, target_lang=target_lang, segmented=segmented, terms=terms
    )
    first, second = aligned.alignment.source_lang, aligned.alignment.target_lang
    if aligned.links:
        for segments, lang in ((aligned.source, first), (aligned.target, second)):
            for segment in segments:
                where = segment.location
                inputs.pairs.append(Pair(segment.text, None, lang, None, where, where.file))
        zh_is_source = langs.is_chinese(first)
        lines, sentences = (
            (aligned.source, aligned.target) if zh_is_source else (aligned.target, aligned.source)
        )
        line_lang, sentence_lang = (first, second) if zh_is_source else (second, first)
        for link in aligned.links:
            line = lines[link.line]
            pair = Pair(
                line.text,
                sentences[link.sentence].text,
                line_lang,
                sentence_lang,
                line.location,
                line.location.file,
            )
            inputs.links.append(LinkedPair(pair, ((link.source, link.target),)))
        return
    for bead in aligned.alignment.beads:
        if bead.src and bead.tgt:
            inputs.pairs.append(
                Pair(
                    bead_text(aligned.source, bead.src, first),
                    bead_text(aligned.target, bead.tgt, second),
                    first,
                    second,
                    aligned.source[bead.src[0]].location,
                    a,
                )
            )
        else:
            side, ids, lang = (
                (aligned.source, bead.src, first)
                if bead.src
                else (aligned.target, bead.tgt, second)
            )
            for i in ids:
                inputs.unpaired.append(
                    Pair(side[i].text, None, lang, None, side[i].location, side[i].location.file)
                )


def _alone(path: str, inputs: Inputs) -> None:
    """Each sentence (or cue) of a file on its own, in the language of its part."""
    from tm.readers import read_document
    from tm.segment import segment_blocks

    blocks = read_document(path).blocks
    parts = language.split_by_language(blocks)
    zh = language.chinese_part_language(parts["zh"]) if parts["zh"] else language.HANS
    if os.path.splitext(path)[1].lower() in CAPTIONS:
        for block in blocks:
            lang = zh if language.block_script(block) == "zh" else language.EN
            inputs.pairs.append(Pair(block.text, None, lang, None, block.location, path))
            inputs.cues[block.location] = (block, lang)
        return
    for script, part in parts.items():
        lang = zh if script == "zh" else language.EN
        for segment in segment_blocks(part, script):
            inputs.pairs.append(Pair(segment.text, None, lang, None, segment.location, path))


def _pair(
    a: str,
    b: str,
    source_lang: str | None,
    target_lang: str | None,
    inputs: Inputs,
    terms: dict[str, frozenset[str]] | None,
    segmented: bool,
) -> None:
    if not segmented and all(os.path.splitext(p)[1].lower() in CAPTIONS for p in (a, b)):
        _captions(a, b, source_lang, target_lang, inputs)
    else:
        _documents(a, b, source_lang, target_lang, inputs, terms, segmented)


def pairs_from_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    mixed: bool = False,
    terms: dict[str, frozenset[str]] | None = None,
    segmented: bool = False,
) -> Inputs:
    """Every input turned into pairs (see the module's docstring).

    `mixed=False` (check, score): a document without a partner is checked alone, and two
    unpaired files in one language each alone. `mixed=True` (term extraction): a document
    without a partner is a mixed document to align, and two inputs in one language are an
    error. `terms` (Chinese term -> English stems) helps the aligner.

    Raises `InputError` for unreadable inputs and `UsageError` for options that contradict
    the texts or a pair in one language.
    """
    names = [os.fspath(p) for p in paths]
    inputs = Inputs(files=list(names))
    documents = []
    for path in names:
        suffix = os.path.splitext(path)[1].lower()
        if suffix == ".tmx":
            _tmx(path, target_lang, inputs)
        elif suffix == ".json":
            _align_json(path, inputs)
        else:
            documents.append(path)
    by_name, alone = pair_by_name(documents)
    if len(documents) == 2 and not by_name:
        a, b = documents
        if mixed or not _one_script(a, b):
            by_name, alone = [(a, b)], []
    for path in documents:  # in input order: each pair where its source was given
        for a, b in by_name:
            if a == path:
                _pair(a, b, source_lang, target_lang, inputs, terms, segmented)
        if path in alone:
            if mixed:
                _documents(path, None, source_lang, target_lang, inputs, terms)
            else:
                _alone(path, inputs)
                if len(documents) > 1:  # a partner could have been given: say it was not
                    inputs.alone.append(path)
    return inputs


def _one_script(a: str, b: str) -> bool:
    """Both Chinese (one Simplified, one Traditional) or both English."""
    return langs.is_chinese(document_language(a)) == langs.is_chinese(document_language(b))


__all__ = [
    "Inputs",
    "LinkedPair",
    "align_by_name",
    "align_paths",
    "document_language",
    "name_key",
    "pair_by_name",
    "pair_languages",
    "pairs_from_paths",
]
