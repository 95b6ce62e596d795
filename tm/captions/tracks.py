"""A caption track read once: its cues and its language (from the text, never the file name)."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from tm.model import Block

EXTENSIONS = (".srt", ".vtt")
#: A cue that is only a sound or music label ([Applause], (MUSIC), ♪ ... ♪, 【掌声】): captions
#: for the deaf and hard of hearing, which a translated track leaves out.
_SOUND_LABEL = re.compile(r"^\s*(?:\[[^\]]*\]|\([^)]*\)|（[^）]*）|【[^】]*】|♪[^♪]*♪?|♪)\s*$")


def is_caption_file(path: str | os.PathLike[str]) -> bool:
    return os.path.splitext(os.fspath(path))[1].lower() in EXTENSIONS


def read_track(path: str | os.PathLike[str]) -> list[Block]:
    """The cues of a caption file. Raises `InputError` for an unreadable or malformed file."""
    from tm.readers import read_document

    return list(read_document(os.fspath(path)).blocks)


def track_language(cues: Sequence[Block]) -> str:
    """'en', 'zh-Hans' or 'zh-Hant' for a track, from its text.

    The script decides Chinese from English (tm.segment); OpenCC's tables decide Traditional
    from Simplified: the track is Traditional when converting it to Simplified changes more
    characters than converting it to Traditional does. The one place the captions package
    decides a track's language (to be re-pointed at the input layer's detector).
    """
    from tm.segment import blocks_language

    if blocks_language(list(cues)) == "en":
        return "en"
    from tm.text.variants import to_simplified, to_traditional

    text = "".join(cue.text for cue in cues[:200])
    simplified, traditional = to_simplified(text), to_traditional(text)
    changed_to_simplified = sum(a != b for a, b in zip(text, simplified, strict=False))
    changed_to_traditional = sum(a != b for a, b in zip(text, traditional, strict=False))
    return "zh-Hant" if changed_to_simplified > changed_to_traditional else "zh-Hans"


def is_sound_label(text: str) -> bool:
    return bool(_SOUND_LABEL.match(text))
