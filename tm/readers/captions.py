"""SRT and WebVTT through pysubs2: one cue is one block, with its number, times and line.

pysubs2 drops WebVTT cue identifiers and the line numbers of cues, so the line of each cue's
timing line is found by a scan of the text and paired with the cues in order.

The scan is also the check pysubs2 does not make. A timing line it cannot read is, to
pysubs2, text: the cue is lost and its number and times end up in the previous cue's text.
So every line holding `-->` must be a timing line `tm` can read, with a start at or after
zero and an end after the start; anything else is an error naming the cue and its line (the
tool that made the file is broken, and a caption silently dropped or merged would be aligned
and checked as if it were right). WebVTT NOTE, STYLE and REGION blocks are not captions: they
are blanked out (line numbers kept) before pysubs2 sees the text.
"""

from __future__ import annotations

import re

from tm.errors import InputError
from tm.model import Block, Document, Location
from tm.readers import read_bytes
from tm.readers.encoding import decode
from tm.readers.joining import join_lines

_TIME = r"(-?)(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s.*)?$")
#: WebVTT blocks that are never caption text (WebVTT spec, sections 4.1 and 6).
_VTT_NOT_CUES = re.compile(r"^(NOTE|STYLE|REGION)(\s|$)")


def _ms(sign: str, hours: str | None, minutes: str, seconds: str, fraction: str) -> int:
    value = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000
    value += int(fraction.ljust(3, "0"))
    return -value if sign else value


def _timing_lines(lines: list[str], path: str) -> list[int]:
    """Line numbers of the timing lines; `InputError` for one that cannot be a cue's."""
    found: list[int] = []
    for number, line in enumerate(lines, 1):
        if "-->" not in line:
            continue
        cue = len(found) + 1
        match = _TIMING.match(line)
        if match is None:
            raise InputError(
                f"cue {cue}: cannot read the timing {line.strip()!r} "
                "(expected HH:MM:SS,mmm --> HH:MM:SS,mmm)",
                file=path,
                line=number,
            )
        parts = match.groups()
        start, end = _ms(*parts[:5]), _ms(*parts[5:])
        if min(start, end) < 0:
            raise InputError(f"cue {cue}: a negative time", file=path, line=number)
        if int(parts[3]) > 59 or int(parts[8]) > 59:
            raise InputError(f"cue {cue}: seconds over 59", file=path, line=number)
        if end < start:
            raise InputError(f"cue {cue}: it ends before it starts", file=path, line=number)
        found.append(number)
    return found


def _blank_vtt_blocks(text: str) -> str:
    """The text with every NOTE, STYLE and REGION block, and every cue identifier, replaced
    by empty lines (pysubs2 reads an identifier as the previous cue's last line)."""
    lines = text.split("\n")
    inside = False
    for index, line in enumerate(lines):
        if not line.strip():
            inside = False
        elif index > 0 and not lines[index - 1].strip() and _VTT_NOT_CUES.match(line):
            inside = True
        elif (
            index > 1
            and "-->" in line
            and lines[index - 1].strip()
            and not lines[index - 2].strip()
        ):
            lines[index - 1] = ""  # the cue's identifier
        if inside:
            lines[index] = ""
    return "\n".join(lines)


def _read(path: str, fmt: str) -> Document:
    import pysubs2

    text, encoding = decode(read_bytes(path), path)
    if fmt == "vtt":
        if not text.lstrip("\ufeff").startswith("WEBVTT"):
            raise InputError("not a WebVTT file (it must start with 'WEBVTT')", file=path, line=1)
        text = _blank_vtt_blocks(text.replace("\r\n", "\n").replace("\r", "\n"))
    timing_lines = _timing_lines(text.splitlines(), path)
    try:
        subtitles = pysubs2.SSAFile.from_string(text, format_=fmt)
    except Exception as exc:  # pysubs2 raises several kinds on bad input
        raise InputError(f"not a valid {fmt.upper()} file: {exc}", file=path) from None
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
