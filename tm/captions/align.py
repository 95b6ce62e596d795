"""Two caption tracks aligned: cue groups by time (`tm align --format beads`, `--gold`), and
sentences for the memory (TMX, JSON, `--into-memory`). `tm align` reaches it through
`tm.align.documents.align_files` when both inputs are caption files."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import BinaryIO

from tm import lang as langs
from tm.align.aligner import Bead, alignment_of
from tm.align.documents import AlignedDocuments
from tm.captions.sentences import CaptionSentence, join_cues, merge_sentences, sentence_units
from tm.captions.timing import Clock, CueGroup, group_overlap, pair_tracks
from tm.captions.tracks import is_caption_file, read_track, track_language
from tm.errors import InputError
from tm.model import Block, Unit
from tm.segment import Segment

#: Named in the signature of caption alignments.
PAIRING = "cue-time-overlap-1"


@dataclass
class CaptionAlignment(AlignedDocuments):
    """An `AlignedDocuments` whose beads are cue groups (one segment per cue), with the
    sentences made of them."""

    cues_a: list[Block] = field(default_factory=list)
    cues_b: list[Block] = field(default_factory=list)
    groups: list[CueGroup] = field(default_factory=list)
    sentences: list[CaptionSentence] = field(default_factory=list)
    clock: Clock = field(default_factory=Clock)

    def units(self) -> list[Unit]:
        al = self.alignment
        return sentence_units(
            self.sentences, self.cues_a, self.cues_b, al.source_lang, al.target_lang
        )


def is_caption_pair(a: str | os.PathLike[str], b: str | os.PathLike[str] | None) -> bool:
    return b is not None and is_caption_file(a) and is_caption_file(b)


def _language(path: str, cues: list[Block], given: str | None) -> str:
    """The track's language from its text; a tag given that agrees is kept as given."""
    found = track_language(cues)
    if given and langs.same(given, found):
        return given
    return found


def align_captions(
    a: str | os.PathLike[str],
    b: str | os.PathLike[str],
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    terms: dict[str, frozenset[str]] | None = None,
) -> CaptionAlignment:
    """Align caption track A (the source) with track B: cue groups by time, then sentences.

    Each track's language comes from its text; `source_lang`/`target_lang` are kept when
    they agree with it (zh-CN for a Simplified track), else the text's language is used.
    Raises `InputError` for an unreadable track, an empty one, or two tracks in one language.
    """
    first, second = os.fspath(a), os.fspath(b)
    cues_a, cues_b = read_track(first), read_track(second)
    for path, cues in ((first, cues_a), (second, cues_b)):
        if not any(cue.text.strip() for cue in cues):
            raise InputError("the caption track has no text", file=path)
    lang_a = _language(first, cues_a, source_lang)
    lang_b = _language(second, cues_b, target_lang)
    if langs.same(lang_a, lang_b):
        raise InputError(
            f"both caption tracks are {langs.canonical(lang_a)}: nothing to align", file=second
        )
    pairing = pair_tracks(cues_a, cues_b, terms=terms)
    beads = [
        Bead(g.source, g.target, round(group_overlap(g, cues_a, cues_b, pairing.clock), 3))
        for g in pairing.groups
    ]
    alignment = alignment_of(
        beads,
        lang_a,
        lang_b,
        mode="caption tracks",
        pairing=PAIRING,
        clock=f"x{pairing.clock.scale:.5f} {pairing.clock.offset_ms:+.0f} ms",
    )
    return CaptionAlignment(
        alignment,
        [_segment(cue, lang_a, i) for i, cue in enumerate(cues_a)],
        [_segment(cue, lang_b, j) for j, cue in enumerate(cues_b)],
        cues_a=cues_a,
        cues_b=cues_b,
        groups=pairing.groups,
        sentences=merge_sentences(pairing.groups, cues_a, cues_b, lang_a, lang_b),
        clock=pairing.clock,
    )


def _segment(cue: Block, lang: str, index: int) -> Segment:
    return Segment(" ".join(cue.text.split()), lang, cue.location, index)


def as_json(aligned: CaptionAlignment) -> dict[str, object]:
    """The contract's JSON with sentences as beads (cue indices on both sides), each with
    the props the memory keeps: cues, start and end, per side."""
    from tm.captions.sentences import side_props

    al = aligned.alignment
    a, b = aligned.cues_a, aligned.cues_b
    beads = []
    for sentence in aligned.sentences:
        bead: dict[str, object] = {
            "src": list(sentence.source),
            "tgt": list(sentence.target),
            "score": round(
                min(
                    (
                        group_overlap(g, a, b, aligned.clock)
                        for g in sentence.groups
                        if g.source and g.target
                    ),
                    default=0.0,
                ),
                3,
            ),
            "source": join_cues(a, sentence.source, al.source_lang),
            "target": join_cues(b, sentence.target, al.target_lang),
        }
        for role, cues, indices in (("source", a, sentence.source), ("target", b, sentence.target)):
            if indices:
                props = {p.type.removeprefix("x-tm-"): p.value for p in side_props(cues, indices)}
                bead[f"{role}_cues"] = props
        beads.append(bead)
    return {
        "source_lang": al.source_lang,
        "target_lang": al.target_lang,
        "beads": beads,
        "links": [],
        "signature": al.signature,
    }


def write_caption_alignment(aligned: CaptionAlignment, handle: BinaryIO, fmt: str) -> None:
    """TMX and JSON hold sentences; `beads` and `text` show the cue groups."""
    if fmt == "json":
        handle.write(json.dumps(as_json(aligned), ensure_ascii=False, indent=1).encode() + b"\n")
    elif fmt == "tmx":
        from tm.tmx import TmxWriter

        with TmxWriter(handle, srclang=aligned.alignment.source_lang, segtype="sentence") as out:
            for unit in aligned.units():
                out.write(unit)
    else:
        from tm.align.output import WRITERS

        WRITERS[fmt](aligned, handle)
