"""Cue pairing by time: re-timed, drifting, chained, merged, split and one-sided cues, the
text deciding weak overlaps and moved clauses, and the same groups in either order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tm.captions.timing import CueGroup, estimate_clock, pair_cues
from tm.captions.tracks import read_track, track_language
from tm.model import Block, Location

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "captions"
EN, ZH, HANT = (
    CORPUS / "ceremony.en.vtt",
    CORPUS / "ceremony.zh-Hans.srt",
    CORPUS / "ceremony.zh-Hant.vtt",
)


def cue(number: int, start: float, end: float, text: str, file: str = "t.vtt") -> Block:
    return Block(
        text,
        Location(file, cue=number),
        "cue",
        start_ms=round(start * 1000),
        end_ms=round(end * 1000),
        lines=tuple(text.split("\n")),
    )


def track(cues: list[tuple[float, float, str]], file: str = "t.vtt") -> list[Block]:
    return [cue(n, s, e, t, file) for n, (s, e, t) in enumerate(cues, 1)]


def retimed(cues: list[Block], scale: float = 1.0, offset_ms: float = 0.0) -> list[Block]:
    return [
        replace(
            c,
            start_ms=round((c.start_ms or 0) * scale + offset_ms),
            end_ms=round((c.end_ms or 0) * scale + offset_ms),
        )
        for c in cues
    ]


def both_orders(a: list[Block], b: list[Block]) -> list[CueGroup]:
    groups = pair_cues(a, b)
    assert pair_cues(b, a) == [g.mirrored() for g in groups]
    covered_a = sorted(i for g in groups for i in g.source)
    covered_b = sorted(j for g in groups for j in g.target)
    assert covered_a == list(range(len(a))) and covered_b == list(range(len(b)))
    return groups


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Block], list[Block]]:
    return read_track(EN), read_track(ZH)


def test_the_corpus_pair_merged_split_crossed_and_one_sided(corpus) -> None:  # type: ignore[no-untyped-def]
    en, zh = corpus
    groups = both_orders(en, zh)
    assert CueGroup((4, 5), (4,)) in groups  # "met Mr. Teng Yingming," + "Chairman of ..."
    assert CueGroup((10,), (9, 10)) in groups  # one English cue split in two Chinese ones
    # 航运通道 (shipping channels) sits in the Chinese cue timed with "...network,": the
    # group grows over the boundary instead of pairing each cue with its time partner.
    assert CueGroup((14, 15), (14, 15)) in groups
    assert groups[-1] == CueGroup((32,), ())  # [Applause] has no Chinese
    assert CueGroup((19,), (19,)) in groups


def test_languages_come_from_the_text() -> None:
    assert [track_language(read_track(p)) for p in (EN, ZH, HANT)] == ["en", "zh-Hans", "zh-Hant"]


@pytest.mark.parametrize("offset_ms", [2500, -4000, 12_000])
def test_a_re_timed_track_pairs_as_the_original(corpus, offset_ms: int) -> None:  # type: ignore[no-untyped-def]
    en, zh = corpus
    shifted = retimed(zh, offset_ms=offset_ms)
    assert both_orders(en, shifted) == pair_cues(en, zh)
    assert estimate_clock(zh, shifted).offset_ms == pytest.approx(offset_ms, abs=1)
    assert estimate_clock(en, shifted).offset_ms == pytest.approx(offset_ms, abs=300)


def test_a_drifting_track_frame_rate_converted(corpus) -> None:  # type: ignore[no-untyped-def]
    en, zh = corpus
    drifted = retimed(zh, scale=25 / 23.976, offset_ms=1500)
    clock = estimate_clock(zh, drifted)
    assert clock.scale == pytest.approx(25 / 23.976, abs=0.002)
    assert both_orders(en, drifted) == pair_cues(en, zh)
    # The bundled Traditional track is re-timed that way and merges cues 6-7 into one.
    groups = both_orders(en, read_track(HANT))
    assert CueGroup((6, 7), (5,)) in groups and CueGroup((31,), (30,)) in groups


def test_a_chained_track_cues_back_to_back(corpus) -> None:  # type: ignore[no-untyped-def]
    en, zh = corpus
    chained = [
        replace(c, end_ms=zh[k + 1].start_ms if k + 1 < len(zh) else c.end_ms)
        for k, c in enumerate(zh)
    ]
    assert both_orders(en, chained) == pair_cues(en, zh)


def test_merged_and_split_cues() -> None:
    en = track(
        [
            (1.0, 3.0, "Mr. Gao Ping, President of CPID,"),
            (3.1, 5.0, "met Mr. Teng Yingming."),
            (6.0, 10.0, "Mr. Gao introduced CPID's business at home and abroad."),
        ]
    )
    zh = track(
        [
            (1.0, 5.0, "中国电力总裁高平会见了滕英明"),
            (6.0, 7.9, "高平介绍了"),
            (8.0, 10.0, "中国电力国内外业务布局"),
        ],
        "t.srt",
    )
    assert both_orders(en, zh) == [CueGroup((0, 1), (0,)), CueGroup((2,), (1, 2))]


def test_one_sided_cues_stay_alone() -> None:
    en = track(
        [
            (1.0, 3.0, "Mr. Teng welcomed Mr. Gao and his delegation."),
            (3.5, 5.0, "[Applause]"),
            (8.0, 10.0, "They attended the signing ceremony."),
        ]
    )
    zh = track(
        [
            (1.0, 3.0, "滕英明对高平一行表示欢迎"),
            (5.5, 7.5, "重庆报道"),
            (8.0, 10.0, "出席了签约仪式"),
        ],
        "t.srt",
    )
    assert both_orders(en, zh) == [
        CueGroup((0,), (0,)),
        CueGroup((1,), ()),
        CueGroup((), (1,)),
        CueGroup((2,), (2,)),
    ]


def test_the_text_decides_a_weak_overlap() -> None:
    """A Chinese cue overlapping two English cues by a quarter each goes with the one whose
    words it renders."""
    en = track(
        [
            (0.0, 3.8, "Mr. Teng welcomed Mr. Gao and his delegation."),
            (5.2, 9.0, "He hopes to cooperate in clean energy."),
        ]
    )
    zh = track([(3.0, 6.0, "他希望在清洁能源方面合作")], "t.srt")
    assert both_orders(en, zh) == [CueGroup((0,), ()), CueGroup((1,), (0,))]
    welcome = track([(3.0, 6.0, "滕英明对高平一行表示欢迎")], "t.srt")
    assert both_orders(en, welcome) == [CueGroup((0,), (0,)), CueGroup((1,), ())]


def test_without_the_moved_clause_the_groups_follow_the_time(corpus) -> None:  # type: ignore[no-untyped-def]
    en, zh = corpus
    kept = list(zh)
    kept[14] = replace(zh[14], text="重庆高速集团拥有优质的高速公路网")
    kept[15] = replace(zh[15], text="航运通道和航空电子设施等资源")
    groups = both_orders(en, kept)
    assert CueGroup((14,), (14,)) in groups and CueGroup((15,), (15,)) in groups


def test_two_tracks_in_one_language_pair_by_time_alone() -> None:
    hans, hant = read_track(ZH), read_track(HANT)
    groups = both_orders(hans, hant)
    assert CueGroup((5, 6), (5,)) in groups
    assert sum(1 for g in groups if g.source and g.target) == len(hant)


def test_empty_tracks() -> None:
    en = track([(1.0, 2.0, "Hello.")])
    assert pair_cues(en, []) == [CueGroup((0,), ())]
    assert pair_cues([], en) == [CueGroup((), (0,))]


@pytest.mark.parametrize(("track_path", "gold"), [(ZH, "en-zh-Hans"), (HANT, "en-zh-Hant")])
def test_the_hand_made_groups_of_the_corpus(track_path: Path, gold: str) -> None:
    """corpora/captions/gold: the groups a person draws (a clause moved over one or two
    boundaries makes one group; [Applause] stays alone)."""
    expected = []
    for line in (CORPUS / "gold" / f"{gold}.beads").read_text(encoding="utf-8").splitlines():
        source, target = line.split(":")
        expected.append(
            CueGroup(
                tuple(int(x) for x in source.strip("[]").split(",") if x.strip()),
                tuple(int(x) for x in target.strip("[]").split(",") if x.strip()),
            )
        )
    assert both_orders(read_track(EN), read_track(track_path)) == expected
