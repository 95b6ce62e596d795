"""Caption QA: every rule of the style profiles, character counting per profile, profiles
from data and from tm.toml."""

from __future__ import annotations

import pytest

from tm.captions.profiles import builtin, choose, default_profile, get_profile
from tm.captions.rules import check_track
from tm.errors import UsageError
from tm.model import Block, Location

EN = get_profile("netflix-en")
ZH = get_profile("netflix-zh-hans")


def cue(number: int, start_ms: int, end_ms: int, *lines: str) -> Block:
    return Block(
        "".join(lines)
        if any("\u4e00" <= ch <= "\u9fff" for ch in "".join(lines))
        else " ".join(lines),
        Location("t.vtt", line=number * 4, cue=number),
        "cue",
        start_ms=start_ms,
        end_ms=end_ms,
        lines=tuple(lines),
    )


def problems(cues: list[Block], profile=ZH) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(p.check, p.cue) for p in check_track(cues, profile)]


def test_every_bundled_profile_names_its_source() -> None:
    assert set(builtin()) == {"netflix-en", "netflix-zh-hans", "netflix-zh-hant", "bbc-en"}
    for name in builtin():
        profile = get_profile(name)
        assert profile.source and profile.max_chars_per_line and profile.max_speed
    assert (EN.max_chars_per_line, EN.max_lines, EN.max_speed) == (42, 2, 20)
    assert get_profile("netflix-en-children").max_speed == 17
    assert (ZH.max_chars_per_line, ZH.max_speed) == (16, 9)
    assert get_profile("netflix-zh-hans-children").max_speed == 7
    assert get_profile("netflix-zh-hans-sdh").max_speed == 11
    assert get_profile("bbc-en").max_chars_per_line == 37
    assert (ZH.min_duration_ms, ZH.max_duration_ms) == (833, 7000)
    assert ZH.min_gap_ms == pytest.approx(83.3, abs=0.1)


def test_defaults_by_track_language() -> None:
    assert [
        default_profile(lang).name for lang in ("en", "en-US", "zh-Hans", "zh-CN", "zh-Hant")
    ] == [  # type: ignore[union-attr]
        "netflix-en",
        "netflix-en",
        "netflix-zh-hans",
        "netflix-zh-hans",
        "netflix-zh-hant",
    ]


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("中国电力与重庆高速集团", 11.0),
        ("2023年6月21日", 6.5),  # half-width digits count half
        ("CPID与重庆高速集团", 9.0),
        ("签约后 双方将按照", 8.5),  # the half-width space too
        ("“共同推动”", 6.0),  # full-width quotation marks count whole
    ],
)
def test_cjk_counting(text: str, length: float) -> None:
    assert ZH.length(text) == length
    assert EN.length(text) == len(text)


def test_line_length_and_lines() -> None:
    assert problems([cue(1, 0, 3000, "共同推动能源网与交通网融合发展")]) == []  # 15
    assert problems([cue(1, 0, 3000, "“共同推动能源网与交通网融合发展”")]) == [
        ("caption-length", 0)
    ]
    assert problems([cue(1, 0, 3000, "CPID与重庆高速集团签署战略合作协议")]) == [
        ("caption-length", 0)
    ]  # 2 + 15 = 17
    english = "x" * 42
    assert problems([cue(1, 0, 5000, english)], EN) == []
    assert problems([cue(1, 0, 5000, english + "y")], EN) == [("caption-length", 0)]
    assert problems([cue(1, 0, 5000, "One,", "two,", "three.")], EN) == [("caption-lines", 0)]
    assert problems([cue(1, 0, 5000, english)], get_profile("bbc-en")) == [("caption-length", 0)]


def test_duration_and_reading_speed() -> None:
    assert problems([cue(1, 0, 800, "高平说")]) == [("caption-timing", 0)]
    assert problems([cue(1, 0, 7200, "还讨论了乡村振兴")]) == [("caption-timing", 0)]
    fast = cue(1, 0, 1000, "会见了董事长滕英明")  # 9 characters in 1 s: at the limit
    assert problems([fast]) == []
    assert problems([fast], get_profile("netflix-zh-hans-children")) == [("caption-timing", 0)]
    # English: characters with spaces (Netflix), 20 a second for adults.
    line = "Both sides will jointly promote cooperation."  # 44 characters
    assert problems([cue(1, 0, 2200, line)], EN) == [("caption-length", 0)]
    assert problems([cue(1, 0, 2000, "Both sides will jointly", "promote cooperation.")], EN) == [
        ("caption-timing", 0)
    ]
    # BBC counts words: 12 words in 3 s is 240 a minute (at most 180).
    words = "one two three four five six seven eight nine ten eleven twelve"
    assert problems([cue(1, 0, 3000, words)], get_profile("bbc-en")) == [
        ("caption-length", 0),
        ("caption-timing", 0),
    ]
    message = next(iter(check_track([cue(3, 6500, 7500, "会见了重庆高速集团董事长")], ZH))).message
    assert message.startswith("cue 3 (00:00:06.500 --> 00:00:07.500): 12.0 characters per second")


def test_gaps_overlaps_order_and_empty_cues() -> None:
    track = [
        cue(1, 1000, 3000, "双方就绿色交通"),
        cue(2, 3040, 5000, "绿色航运和储能"),  # 40 ms after: under 2 frames
        cue(3, 5100, 7000, "交换了意见"),  # 100 ms: fine
        cue(4, 6500, 8000, "还讨论了乡村振兴"),  # starts before cue 3 ends
        cue(5, 2000, 4000, "以及风光水储"),  # before cue 4 starts: out of order
        cue(6, 9000, 11000, ""),
    ]
    assert problems(track) == [
        ("caption-gap", 1),
        ("caption-overlap", 3),
        ("caption-order", 4),
        ("caption-empty", 5),
    ]
    # 85 ms after the cue before: over two frames at 24 fps.
    assert problems([*track[1:3], cue(9, 7085, 9000, "一体化基地")]) == []


def test_chinese_punctuation() -> None:
    assert problems([cue(1, 0, 3000, "签约后，双方将按照")]) == [("caption-punctuation", 0)]
    assert problems([cue(1, 0, 3000, "出席了签约仪式。")]) == [("caption-punctuation", 0)]
    assert problems([cue(1, 0, 3000, "签约后 双方将按照")]) == []
    assert problems([cue(1, 0, 3000, "“产业融合、一体规划、", "共建共享”")]) == [
        ("caption-punctuation", 0)
    ]
    assert problems([cue(1, 0, 3000, "“产业融合、一体规划", "共建共享”")]) == []
    assert problems([cue(1, 0, 3000, "马克•吐温说")]) == [("caption-punctuation", 0)]
    assert problems([cue(1, 0, 3000, "马克·吐温说")]) == []
    assert problems([cue(1, 0, 3000, "签约后，双方将按照")], EN) == []  # not an English rule


def test_a_team_profile_extends_a_bundled_one() -> None:
    custom = {
        "team-zh": {"extends": "netflix-zh-hans", "max_chars_per_line": 14, "frame_rate": 25},
        "loop": {"extends": "loop"},
        "odd": {"extends": "netflix-en", "colour": "red"},
    }
    team = get_profile("team-zh", custom)
    assert (team.max_chars_per_line, team.max_speed, team.language) == (14, 9, "zh-Hans")
    assert team.min_gap_ms == 80
    assert problems([cue(1, 0, 3000, "中国电力与重庆高速集团签署协议")], team) == [
        ("caption-length", 0)
    ]
    assert choose(["team-zh", "bbc-en"], custom).for_language("zh-CN") == team
    assert choose(["team-zh"], custom).for_language("en").name == "netflix-en"  # type: ignore[union-attr]
    for bad, problem in [
        (["nope"], "unknown caption profile 'nope'"),
        (["loop"], "extends itself"),
        (["odd"], "unknown setting(s) colour"),
        (["netflix-en", "bbc-en"], "both for en"),
        (["bbc-en-children"], "no reading speed for children"),
    ]:
        with pytest.raises(UsageError, match=problem.replace("(", r"\(").replace(")", r"\)")):
            choose(bad, custom)
