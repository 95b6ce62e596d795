"""Pretranslation: each source segment's best match from the memory, written out.

The output's format comes from its extension: `.tmx` (one unit per segment that has a match,
the score as prop `x-tm-match`), `.json` (every segment, matched or not), `.srt`/`.vtt` for a
caption source (the target track: the same cues, timings, identifiers, settings and notes, with
each cue's text replaced by its match; a cue without one keeps its source text and is listed).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from tm import lang as langs
from tm.errors import UsageError
from tm.fuzzy.analyze import DocumentSegment, Progress, best_matches, document_segments
from tm.fuzzy.match import Match
from tm.model import Prop, Unit, Variant

MATCH_PROP = "x-tm-match"
FORMATS = (".tmx", ".json", ".srt", ".vtt")


@dataclass(frozen=True)
class Pretranslation:
    source: str
    segments: list[DocumentSegment]
    matches: list[Match | None]

    @property
    def unmatched_cues(self) -> list[int]:
        return [
            s.cue for s, m in zip(self.segments, self.matches, strict=True) if m is None and s.cue
        ]


def pretranslate(
    memory: Any,
    path: str,
    min_score: float = 75,
    progress: Progress | None = None,
    index_progress: Progress | None = None,
) -> Pretranslation:
    """Each segment of the document `path` with its best match at or above `min_score`.
    Raises `InputError` for an unreadable document."""
    segments = document_segments(path)
    return Pretranslation(
        path, segments, best_matches(memory, segments, min_score, progress, index_progress)
    )


def check_output(result_path: str, source: str) -> str:
    """The output format (its extension); `UsageError` for one we do not write, or a caption
    track asked of a source that is not a caption file."""
    ext = os.path.splitext(result_path)[1].lower()
    if ext not in FORMATS:
        raise UsageError(
            f"cannot write {ext or 'a file without extension'}",
            hint="use .tmx, .json, .srt or .vtt",
        )
    if ext in (".srt", ".vtt") and os.path.splitext(source)[1].lower() != ext:
        raise UsageError(f"a {ext} track needs a {ext} source", hint="write .tmx or .json")
    return ext


def render(result: Pretranslation, ext: str) -> bytes:
    """The pretranslation as the bytes of a `.tmx`, `.json`, `.srt` or `.vtt` file."""
    if ext == ".json":
        return (json.dumps(as_json(result), ensure_ascii=False, indent=1) + "\n").encode()
    if ext in (".srt", ".vtt"):
        from tm.captions.writer import replace_cue_texts
        from tm.readers import read_bytes
        from tm.readers.encoding import decode

        text, _encoding = decode(read_bytes(result.source), result.source)
        texts = {
            s.cue: m.target
            for s, m in zip(result.segments, result.matches, strict=True)
            if m is not None and s.cue is not None
        }
        return replace_cue_texts(text, texts).encode()
    import io

    from tm.tmx.writer import TmxWriter

    buffer = io.BytesIO()
    source_lang = result.segments[0].lang if result.segments else langs.ALL
    with TmxWriter(buffer, srclang=source_lang) as writer:
        for segment, match in zip(result.segments, result.matches, strict=True):
            if match is None:
                continue
            writer.write(
                Unit(
                    (
                        Variant(segment.lang, (segment.text,)),
                        Variant(match.target_lang, (match.target,)),
                    ),
                    props=(Prop(MATCH_PROP, str(match.score)),),
                )
            )
    return buffer.getvalue()


def as_json(result: Pretranslation) -> dict[str, Any]:
    rows = []
    for segment, match in zip(result.segments, result.matches, strict=True):
        rows.append(
            {
                "source": segment.text,
                "source_lang": segment.lang,
                "target": match.target if match else None,
                "target_lang": match.target_lang if match else None,
                "score": match.score if match else None,
                "unit": match.unit if match else None,
                "diff": match.diff if match else None,
                "location": {"file": segment.file, "line": segment.line, "cue": segment.cue},
            }
        )
    return {"file": result.source, "segments": rows}
