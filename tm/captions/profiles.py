"""Caption style profiles: line length, lines, reading speed, duration, gaps and punctuation,
as data (tm/captions/profiles/*.json, each naming its source), or a team's own in tm.toml:

    [check]
    profile = ["team-zh", "bbc-en"]          # or one name; tracks of other languages get
                                             # their language's default profile
    [check.profiles.team-zh]
    extends = "netflix-zh-hans"
    max_chars_per_line = 14

A name may end in `-children` or `-sdh` for that audience's reading speed
(`netflix-zh-hans-children`).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from tm import lang as langs
from tm.errors import UsageError

AUDIENCES = ("adult", "children", "sdh")
SETTINGS = {
    "extends",
    "title",
    "language",
    "counting",
    "max_chars_per_line",
    "max_lines",
    "reading_speed",
    "min_duration_ms",
    "max_duration_ms",
    "min_gap_frames",
    "frame_rate",
    "punctuation",
    "audience",
}


@dataclass(frozen=True)
class Punctuation:
    not_inside: tuple[str, ...] = ()
    not_at_line_end: tuple[str, ...] = ()
    name_separator: str | None = None
    wrong_name_separators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    """One style guide's rules for one language of captions. A limit of None is not checked."""

    name: str
    language: str
    title: str = ""
    source: str = ""
    counting: str = "plain"  # "cjk": half-width letters, digits, spaces, punctuation count 0.5
    max_chars_per_line: float | None = None
    max_lines: int | None = None
    speed_unit: str = "cps"  # or "wpm"
    speeds: Mapping[str, float] = field(default_factory=dict)
    audience: str = "adult"
    min_duration_ms: int | None = None
    max_duration_ms: int | None = None
    min_gap_frames: float | None = None
    frame_rate: float = 24.0
    punctuation: Punctuation = Punctuation()

    @property
    def max_speed(self) -> float | None:
        return self.speeds.get(self.audience)

    @property
    def min_gap_ms(self) -> float | None:
        if self.min_gap_frames is None:
            return None
        return self.min_gap_frames * 1000 / self.frame_rate

    def length(self, text: str) -> float:
        """Characters as the profile counts them: in a CJK profile a half-width character
        (Latin letters, digits, the space, ASCII punctuation) is half a full-width one."""
        if self.counting != "cjk":
            return float(len(text))
        return sum(0.5 if unicodedata.east_asian_width(ch) in ("Na", "H") else 1.0 for ch in text)

    def speed(self, text: str, duration_ms: int) -> float:
        """Characters per second (as counted for lines, line breaks not counted), or words
        per minute for a profile whose limit is in words."""
        if duration_ms <= 0:
            return float("inf")
        if self.speed_unit == "wpm":
            return len(text.split()) * 60_000 / duration_ms
        return self.length(" ".join(text.split())) * 1000 / duration_ms


@lru_cache(maxsize=1)
def builtin() -> dict[str, dict[str, Any]]:
    """The bundled profiles' data by name."""
    folder = resources.files("tm.captions").joinpath("profiles")
    found = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text("utf-8"))
            found[data["name"]] = data
    return found


def _build(name: str, data: Mapping[str, Any], audience: str) -> Profile:
    speed = data.get("reading_speed") or {}
    punct = data.get("punctuation") or {}
    return Profile(
        name=name,
        language=langs.canonical(str(data["language"])),
        title=str(data.get("title", name)),
        source=str(data.get("_source", data.get("source", ""))),
        counting=str(data.get("counting", "plain")),
        max_chars_per_line=data.get("max_chars_per_line"),
        max_lines=data.get("max_lines"),
        speed_unit=str(speed.get("unit", "cps")),
        speeds={k: float(v) for k, v in speed.items() if k in AUDIENCES},
        audience=str(data.get("audience", audience)),
        min_duration_ms=data.get("min_duration_ms"),
        max_duration_ms=data.get("max_duration_ms"),
        min_gap_frames=data.get("min_gap_frames"),
        frame_rate=float(data.get("frame_rate", 24)),
        punctuation=Punctuation(
            tuple(punct.get("not_inside", ())),
            tuple(punct.get("not_at_line_end", ())),
            punct.get("name_separator"),
            tuple(punct.get("wrong_name_separators", ())),
        ),
    )


def _data(
    name: str, custom: Mapping[str, Mapping[str, Any]], seen: tuple[str, ...] = ()
) -> dict[str, Any]:
    if name in seen:
        raise UsageError(f"caption profile {name!r} extends itself")
    if name in custom:
        own = dict(custom[name])
        unknown = set(own) - SETTINGS
        if unknown:
            raise UsageError(
                f"caption profile {name!r}: unknown setting(s) {', '.join(sorted(unknown))} "
                f"(known: {', '.join(sorted(SETTINGS))})"
            )
        base = _data(str(own.pop("extends")), custom, (*seen, name)) if "extends" in own else {}
        if not base and "language" not in own:
            raise UsageError(f"caption profile {name!r} needs `language` or `extends`")
        merged = {**base, **own}
        for key in ("reading_speed", "punctuation"):
            if isinstance(base.get(key), dict) and isinstance(own.get(key), dict):
                merged[key] = {**base[key], **own[key]}
        if "title" not in own:
            merged["title"] = name
        merged["_source"] = f"tm.toml, extending {base.get('name', '-')}" if base else "tm.toml"
        merged["name"] = name
        return merged
    table = builtin()
    if name in table:
        return dict(table[name])
    known = sorted({*table, *custom})
    raise UsageError(f"unknown caption profile {name!r} (known: {', '.join(known)})")


def get_profile(name: str, custom: Mapping[str, Mapping[str, Any]] | None = None) -> Profile:
    """A profile by name (bundled, or defined in tm.toml's [check.profiles]); a `-children`
    or `-sdh` suffix selects that audience's reading speed. Raises `UsageError`."""
    custom = custom or {}
    audience = "adult"
    base = name
    for suffix in ("children", "sdh"):
        if name.endswith(f"-{suffix}") and name not in custom and name not in builtin():
            base, audience = name[: -len(suffix) - 1], suffix
    data = _data(base, custom)
    profile = _build(name, data, audience)
    if profile.audience not in profile.speeds and profile.speeds:
        raise UsageError(
            f"caption profile {base!r} has no reading speed for {profile.audience} "
            f"(it has: {', '.join(profile.speeds)})"
        )
    return profile


def default_profile(language: str) -> Profile | None:
    """The bundled profile marked default for a track's language (None for a language no
    profile covers)."""
    for name, data in sorted(builtin().items()):
        if data.get("default") and langs.matches(data["language"], language):
            return get_profile(name)
    return None


@dataclass(frozen=True)
class ProfileChoice:
    """The profiles a run uses: those named (by --profile or tm.toml), else each language's
    default."""

    chosen: tuple[Profile, ...] = ()

    def for_language(self, language: str) -> Profile | None:
        for profile in self.chosen:
            if langs.matches(profile.language, language):
                return profile
        return default_profile(language)


def choose(
    names: Iterable[str] | str | None,
    custom: Mapping[str, Mapping[str, Any]] | None = None,
) -> ProfileChoice:
    """Resolve profile names; two for one language is a usage error."""
    if isinstance(names, str):
        names = [names]
    profiles: list[Profile] = []
    for name in names or ():
        profile = get_profile(str(name), custom)
        clash = next((p for p in profiles if langs.same(p.language, profile.language)), None)
        if clash:
            raise UsageError(
                f"caption profiles {clash.name} and {profile.name} are both for {profile.language}"
            )
        profiles.append(profile)
    return ProfileChoice(tuple(profiles))
