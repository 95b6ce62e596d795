"""SRT and WebVTT through pysubs2: one cue is one block, with its number, times and line.

pysubs2 drops WebVTT cue identifiers and the line numbers of cues, so the line of each cue's
timing line is found by a scan of the text and paired with the cues in order.
"""

from __future__ import annotations

import re

from tm.errors import InputError
from tm.model import Block, Document, Location
from tm.readers import read_bytes
from tm.readers.encoding import decode
from tm.readers.joining import join_lines

_TIMING = re.compile(r"^\s*\d[\d:.,]*\s*-->\s*\d")


def _read(path: str, fmt: str) -> Document:
    import pysubs2

    text, encoding = decode(read_bytes(path), path)
    if fmt == "vtt" and not text.lstrip("\ufeff").startswith("WEBVTT"):
        raise InputError("not a WebVTT file (it must start with 'WEBVTT')", file=path, line=1)
    try:
        subtitles = pysubs2.SSAFile.from_string(text, format_=fmt)
    except Exception as exc:  # pysubs2 raises several kinds on bad input
        raise InputError(f"not a valid {fmt.upper()} file: {exc}", file=path) from None
    timing_lines = [n for n, line in enumerate(text.splitlines(), 1) if _TIMING.match(line)]
    events = [e for e in subtitles if not e.is_comment]
    if not events and text.strip():
        raise InputError(f"no {fmt.upper()} cues found", file=path)
    lines_known = len(timing_lines) == len(events)
    blocks = []
    for number, event in enumerate(events, start=1):
        content = join_lines(event.plaintext.split("\n"))
        line = timing_lines[number - 1] if lines_known else None
        blocks.append(
            Block(
                content,
                Location(path, line, cue=number),
                "cue",
                start_ms=event.start,
                end_ms=event.end,
                lines=tuple(line.strip() for line in event.plaintext.split("\n") if line.strip()),
            )
        )
    return Document(path, fmt, tuple(blocks), encoding)


def read_srt(path: str) -> Document:
    return _read(path, "srt")


def read_vtt(path: str) -> Document:
    return _read(path, "vtt")
