"""Cue groups merged into sentences: what goes into the memory from two caption tracks.

A cue is a fragment ("and capital operation."), which no translator will ever match again; a
sentence is what a memory is for. The English side decides where a sentence ends: its cues
run until one ends with . ? ! (or a closing quotation mark after one); the Chinese cues paired
with them (cue groups, `tm.captions.timing`) come along, so a sentence over two or three cues
is one unit, whichever track is the source.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from tm import lang as langs
from tm.captions.timing import CueGroup
from tm.captions.timing import pair_cues as pair_groups
from tm.model import Block, Pair, Prop, Unit, Variant

#: An English sentence ends here: . ? ! or … then any closing quotes or brackets.
_END = re.compile(r"(?:[.?!…]|\.\.\.)[\"'”’»)\]]*\s*$")
#: A sentence that never ends (captions without punctuation) is cut after this many groups,
#: or where the picture pauses this long between cues.
MAX_GROUPS, PAUSE_MS = 6, 3000


@dataclass(frozen=True)
class CaptionSentence:
    """A sentence of track A with its rendering in track B: cue indices on both sides (as in
    the cue groups), and the cue groups it was made of."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    groups: tuple[CueGroup, ...]


#: Words after which a capitalised next cue still continues the sentence (a name follows).
_CONTINUERS = frozenset(
    {
        *("a", "an", "the", "of", "by", "with", "and", "or", "to", "for", "in", "on", "at"),
        *("from", "as", "said", "says", "told", "than", "like"),
        *("mr", "ms", "mrs", "dr", "president", "chairman", "minister"),
    }
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def ends_sentence(text: str, following: str | None = None) -> bool:
    """Whether an English cue ends a sentence: . ? ! (or a closing quote after one); or, for
    titles and captions written without punctuation, a cue ending on a word whose next cue
    starts with a capital letter (not after "of", "Mr." and the like, where a name follows)."""
    if _END.search(text):
        return True
    stripped = text.rstrip()
    if not following or not stripped or not stripped[-1].isalnum():
        return False
    first = following.lstrip()[:1]
    last = _LAST_WORD.search(stripped)
    return first.isupper() and not (last and last.group(1).lower() in _CONTINUERS)


def merge_sentences(
    groups: Sequence[CueGroup],
    a: Sequence[Block],
    b: Sequence[Block],
    a_lang: str,
    b_lang: str,
) -> list[CaptionSentence]:
    """Groups merged into sentences: each runs until the English side's last cue ends a
    sentence. With no English side (two Chinese tracks), a Chinese cue ending in 。？！ ends
    it. A group with cues on one side only joins the sentence it falls in; alone between
    sentences it stays alone (and makes no unit)."""
    english_a = not langs.is_chinese(a_lang)
    english_b = not langs.is_chinese(b_lang)

    def ends(group: CueGroup) -> bool:
        if english_a and group.source:
            last = max(group.source)
            return ends_sentence(a[last].text, a[last + 1].text if last + 1 < len(a) else None)
        if english_b and group.target:
            last = max(group.target)
            return ends_sentence(b[last].text, b[last + 1].text if last + 1 < len(b) else None)
        if not english_a and not english_b:
            side = a[max(group.source)].text if group.source else b[max(group.target)].text
            return side.rstrip().endswith(("。", "？", "！", "…", "?", "!"))
        return False

    def start(group: CueGroup) -> int:
        return min(
            [a[i].start_ms or 0 for i in group.source] + [b[j].start_ms or 0 for j in group.target]
        )

    def end(group: CueGroup) -> int:
        return max(
            [a[i].end_ms or 0 for i in group.source] + [b[j].end_ms or 0 for j in group.target]
        )

    sentences: list[CaptionSentence] = []
    current: list[CueGroup] = []

    def close() -> None:
        if current:
            sentences.append(
                CaptionSentence(
                    tuple(sorted(i for g in current for i in g.source)),
                    tuple(sorted(j for g in current for j in g.target)),
                    tuple(current),
                )
            )
            current.clear()

    from tm.captions.tracks import is_sound_label

    for group in groups:
        english_side = group.source if english_a else group.target if english_b else ()
        one_side = [a[i] for i in group.source] + [b[j] for j in group.target]
        if not (group.source and group.target) and all(is_sound_label(c.text) for c in one_side):
            # [Applause] between or inside sentences: no part of either.
            sentences.append(CaptionSentence(group.source, group.target, (group,)))
            continue
        if current and (len(current) >= MAX_GROUPS or start(group) - end(current[-1]) >= PAUSE_MS):
            close()
        if not current and not english_side and (english_a or english_b):
            # A Chinese cue the English lacks, between sentences: a unit of its own.
            current.append(group)
            close()
            continue
        current.append(group)
        if ends(group):
            close()
    close()
    return sentences


def cue_numbers(cues: Sequence[Block], indices: Sequence[int]) -> str:
    """The cues' numbers as people read them: 3-5 for a run, 4,7 otherwise (1-based, or the
    reader's own cue numbers)."""
    numbers = sorted(cues[i].location.cue or i + 1 for i in indices)
    if len(numbers) > 1 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}"
    return ",".join(map(str, numbers))


def timecode(ms: int) -> str:
    """00:01:02.500, as WebVTT writes it."""
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    seconds, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{ms:03d}"


def join_cues(cues: Sequence[Block], indices: Sequence[int], lang: str) -> str:
    """The cues' text as one. English joins with spaces. Chinese cues join directly after
    punctuation, else with a space: a subtitle drops the comma at its end (and, in Netflix
    style, writes a space for one inside), so a space is where the pause was."""
    pieces = [" ".join(cues[i].text.split()) for i in indices]
    text = ""
    for piece in filter(None, pieces):
        if text and not (langs.is_chinese(lang) and unicodedata.category(text[-1])[0] == "P"):
            text += " "
        text += piece
    return text


def side_props(cues: Sequence[Block], indices: Sequence[int]) -> tuple[Prop, ...]:
    """Where one side of a unit came from: its cues, their times and the file:line."""
    first = cues[indices[0]]
    start = min(cues[i].start_ms or 0 for i in indices)
    end = max(cues[i].end_ms or 0 for i in indices)
    where = os.path.basename(first.location.file)
    if first.location.line is not None:
        where += f":{first.location.line}"
    return (
        Prop("x-tm-cues", cue_numbers(cues, indices)),
        Prop("x-tm-start", timecode(start)),
        Prop("x-tm-end", timecode(end)),
        Prop("x-tm-origin", where),
    )


def sentence_units(
    sentences: Sequence[CaptionSentence],
    a: Sequence[Block],
    b: Sequence[Block],
    a_lang: str,
    b_lang: str,
) -> list[Unit]:
    """One segment unit per sentence with text on both sides; each variant carries its own
    cues, times and origin as props (`x-tm-cues`, `x-tm-start`, `x-tm-end`, `x-tm-origin`),
    the unit the source's origin."""
    units = []
    for sentence in sentences:
        if not sentence.source or not sentence.target:
            continue
        source = join_cues(a, sentence.source, a_lang)
        target = join_cues(b, sentence.target, b_lang)
        if not source or not target:
            continue
        source_props = side_props(a, sentence.source)
        units.append(
            Unit(
                variants=(
                    Variant(a_lang, (source,), props=source_props),
                    Variant(b_lang, (target,), props=side_props(b, sentence.target)),
                ),
                origin=source_props[-1].value,
            )
        )
    return units


def sentence_pairs(
    a_path: str,
    source: Sequence[Block],
    target: Sequence[Block],
    source_lang: str,
    target_lang: str,
) -> list[Pair]:
    """Two tracks as bilingual pairs (for the checks): each sentence (cue groups merged, as
    the memory stores them: a clause moved across a cue boundary stays inside its pair) with
    its cues' texts joined, located at its first source cue. A sentence with no translation
    is a pair with an empty target, so that it is reported (not a sound label, [Applause],
    which a translated track leaves out)."""
    from tm.captions.tracks import is_sound_label

    groups = pair_groups(source, target)
    pairs = []
    for sentence in merge_sentences(groups, source, target, source_lang, target_lang):
        if not sentence.source:
            continue
        if not sentence.target and all(is_sound_label(source[i].text) for i in sentence.source):
            continue
        pairs.append(
            Pair(
                join_cues(source, sentence.source, source_lang),
                join_cues(target, sentence.target, target_lang) if sentence.target else "",
                source_lang,
                target_lang,
                source[sentence.source[0]].location,
                a_path,
            )
        )
    return pairs
