"""An alignment written out: TMX (units with scores), the contract's JSON, the literature's
bead notation, and a side-by-side text view for review."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import BinaryIO

from tm import lang as langs
from tm.align.documents import LOW_CONFIDENCE, AlignedDocuments, alignment_units, bead_text

FORMATS = ("tmx", "text", "json", "beads")


def as_json(aligned: AlignedDocuments) -> dict[str, object]:
    al = aligned.alignment
    zh_is_source = langs.is_chinese(al.source_lang)
    lines, sentences = (
        (aligned.source, aligned.target) if zh_is_source else (aligned.target, aligned.source)
    )
    return {
        "source_lang": al.source_lang,
        "target_lang": al.target_lang,
        "beads": [
            {
                "src": list(bead.src),
                "tgt": list(bead.tgt),
                "score": bead.score,
                "source": bead_text(aligned.source, bead.src, al.source_lang),
                "target": bead_text(aligned.target, bead.tgt, al.target_lang),
            }
            for bead in al.beads
        ],
        "links": [
            {
                "source": link.source,
                "target": link.target,
                "score": link.score,
                "evidence": list(link.evidence),
                "sentence": link.sentence,
                "start": link.start,
                "end": link.end,
                # The whole short line and sentence, so that the link can be read alone.
                "context": {
                    "line": lines[link.line].text,
                    "sentence": sentences[link.sentence].text,
                },
            }
            for link in aligned.links
        ],
        "signature": al.signature,
    }


def _tmx(aligned: AlignedDocuments, handle: BinaryIO) -> None:
    from tm.tmx import TmxWriter

    al = aligned.alignment
    with TmxWriter(handle, srclang=al.source_lang, segtype="sentence") as writer:
        for unit in alignment_units(aligned):
            writer.write(unit)


def _json(aligned: AlignedDocuments, handle: BinaryIO) -> None:
    handle.write(json.dumps(as_json(aligned), ensure_ascii=False, indent=1).encode() + b"\n")


def _beads(aligned: AlignedDocuments, handle: BinaryIO) -> None:
    handle.write("".join(f"{bead}\n" for bead in aligned.alignment.beads).encode())


def _text(aligned: AlignedDocuments, handle: BinaryIO) -> None:
    al = aligned.alignment
    for bead in al.beads:
        flag = "?" if bead.src and bead.tgt and bead.score < LOW_CONFIDENCE else " "
        source = bead_text(aligned.source, bead.src, al.source_lang) or "-"
        target = bead_text(aligned.target, bead.tgt, al.target_lang) or "-"
        handle.write(f"{flag} {bead}  {bead.score:.2f}\n  {source}\n  {target}\n".encode())
    if aligned.links:
        handle.write(b"\nLinks (short text -> spans of the document's sentences)\n")
    for link in aligned.links:
        handle.write(
            f"  {link.source} -> {link.target}  [sentence {link.sentence}]  "
            f"{link.score:.2f}\n    {'; '.join(link.evidence)}\n".encode()
        )


WRITERS: dict[str, Callable[[AlignedDocuments, BinaryIO], None]] = {
    "tmx": _tmx,
    "json": _json,
    "beads": _beads,
    "text": _text,
}


def write_alignment(aligned: AlignedDocuments, handle: BinaryIO, fmt: str) -> None:
    """Write `aligned` in one of `FORMATS` to a binary file."""
    if hasattr(aligned, "cues_a"):  # two caption tracks: sentences in TMX and JSON
        from tm.captions.align import write_caption_alignment

        return write_caption_alignment(aligned, handle, fmt)  # type: ignore[arg-type]
    WRITERS[fmt](aligned, handle)
