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
    """'en', 'zh-Hans' or 'zh-Hant' for a track, from its text: decided as every input's
    language is (`tm.text.language.blocks_language`)."""
    from tm.text.language import blocks_language

    return blocks_language(list(cues))


def is_sound_label(text: str) -> bool:
    return bool(_SOUND_LABEL.match(text))
