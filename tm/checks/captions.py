"""Caption checks for `tm check`: each track against its style profile (tm/captions/profiles,
Netflix and BBC guides; a team's own in tm.toml), and two tracks' sentences (cue groups
merged, as `tm align` stores them) as check pairs for the term, number and script checks.
Cue pairing itself is tm.captions.timing's."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from tm import lang as langs
from tm.captions.profiles import Profile, ProfileChoice
from tm.captions.rules import check_track
from tm.captions.sentences import join_cues, sentence_pairs
from tm.captions.timing import pair_cues as pair_groups
from tm.checks.core import CheckPair, Config, Context
from tm.model import Block, Finding, Location


def group_block(cues: Sequence[Block], indices: Sequence[int], lang: str = "en") -> Block:
    """A cue group as one block: the cues' text joined, the first cue's location, the
    group's start and end, all lines."""
    first = cues[indices[0]]
    return Block(
        join_cues(cues, indices, lang),
        first.location,
        first.kind,
        start_ms=min(cues[i].start_ms or 0 for i in indices),
        end_ms=max(cues[i].end_ms or 0 for i in indices),
        lines=tuple(line for i in indices for line in cues[i].lines),
    )


def pair_cues(
    source: list[Block], target: list[Block], source_lang: str = "en", target_lang: str = "zh"
) -> list[tuple[Block, Block | None]]:
    """Adapter for callers of the old per-cue pairing: each cue group with source cues, as
    (the source cues as one block, the target cues as one block or None). The groups come
    from `tm.captions.timing.pair_cues`, the one place cues are paired."""
    out: list[tuple[Block, Block | None]] = []
    for group in pair_groups(source, target):
        if group.source:
            other = group_block(target, group.target, target_lang) if group.target else None
            out.append((group_block(source, group.source, source_lang), other))
    return out


def caption_check_pairs(
    a_path: str,
    source: Sequence[Block],
    target: Sequence[Block],
    source_lang: str,
    target_lang: str,
) -> list[CheckPair]:
    """The tracks' sentence pairs (`tm.captions.sentences.sentence_pairs`)."""
    return sentence_pairs(a_path, source, target, source_lang, target_lang)


def _overridden(profile: Profile, config: Config) -> Profile:
    """A profile with the caption_* thresholds a project set in tm.toml applied."""
    own = config.thresholds
    zh = langs.is_chinese(profile.language)
    changes: dict[str, object] = {}
    if "caption_min_ms" in own:
        changes["min_duration_ms"] = int(own["caption_min_ms"])
    cps = own.get("caption_zh_cps" if zh else "caption_en_cps")
    if cps is not None and profile.speed_unit == "cps":
        changes["speeds"] = {**profile.speeds, profile.audience: cps}
    line = own.get("caption_zh_line" if zh else "caption_en_line")
    if line is not None:
        changes["max_chars_per_line"] = line
    return replace(profile, **changes) if changes else profile  # type: ignore[arg-type]


def profile_for(language: str, config: Config) -> Profile | None:
    """The profile a track in `language` is checked against: the one chosen for that
    language (--profile, tm.toml), else the language's default."""
    choice = config.profiles if isinstance(config.profiles, ProfileChoice) else ProfileChoice()
    profile = choice.for_language(language)
    return _overridden(profile, config) if profile else None


def check_tracks(
    cues: Mapping[Location, tuple[Block, str]],
    pairs: Mapping[Location, CheckPair],
    context: Context,
) -> Iterator[Finding]:
    """Every caption track among the inputs against its profile. The cues of one file form
    a track (in file order); its language comes from its text. A finding carries its cue's
    text and location."""
    from tm.captions.tracks import track_language

    tracks: dict[str, list[Block]] = {}
    for location, (cue, _lang) in cues.items():
        tracks.setdefault(location.file, []).append(cue)
    config = context.config
    for track in tracks.values():
        track.sort(key=lambda c: (c.location.cue or 0, c.location.line or 0))
        language = track_language(track)
        profile = profile_for(language, config)
        if profile is None:
            continue
        for problem in check_track(track, profile):
            if not config.enabled(problem.check):
                continue
            cue = track[problem.cue]
            # About this cue alone, whichever track was given first: the same finding in
            # either order.
            pair = CheckPair(cue.text, None, language, None, cue.location, cue.location.file)
            yield config.finding(problem.check, problem.message, pair)


def check_cue(block: Block, lang: str, pair: CheckPair, context: Context) -> Iterator[Finding]:
    """One cue on its own against its language's profile (no order, overlap or gap: those
    need the track, see `check_tracks`)."""
    profile = profile_for(langs.canonical(lang), context.config)
    if profile is None:
        return
    for problem in check_track([block], profile):
        if context.config.enabled(problem.check):
            yield context.config.finding(problem.check, problem.message, pair)
