"""Write a caption track (SRT or WebVTT) with new cue texts, keeping everything else as it was.

pysubs2 drops WebVTT cue identifiers, cue settings (`align:start line:0`) and NOTE, STYLE and
REGION blocks when it writes a file, so a translated track lost them. Here the source file's
own blocks are kept byte for byte (the header, comments, identifiers, timing lines with their
settings) and only the text lines of the cues are replaced. Cues are numbered from 1 in file
order, as `tm.readers.captions` numbers them.
"""

from __future__ import annotations

import re

_TIMING = re.compile(r"^\s*\d[\d:.,]*\s*-->\s*\d")
_BLANK = re.compile(r"\n[ \t]*\n")


def _blocks(text: str) -> list[str]:
    """The file's blocks: runs of lines between blank lines (WebVTT and SRT alike)."""
    body = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return [block for block in _BLANK.split(body.strip("\n")) if block.strip()]


def replace_cue_texts(text: str, texts: dict[int, str]) -> str:
    """The track `text` (the whole file, SRT or WebVTT) with cue number n's text lines
    replaced by `texts[n]` (which may hold several lines); cues not in `texts` are kept."""
    out: list[str] = []
    number = 0
    for block in _blocks(text):
        lines = block.split("\n")
        timing = next((i for i, line in enumerate(lines) if _TIMING.match(line)), None)
        # A NOTE, STYLE or REGION block, or the WEBVTT header, has no timing line.
        if timing is None or lines[0].startswith(("NOTE", "STYLE", "REGION", "WEBVTT")):
            out.append(block)
            continue
        number += 1
        if number in texts:
            new = [line for line in texts[number].split("\n")]
            block = "\n".join(lines[: timing + 1] + new)
        out.append(block)
    return "\n\n".join(out) + "\n"
