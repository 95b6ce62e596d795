"""`tm align` and `tm check` on caption tracks as users run them: the same cue groups and
findings in either order, sentences into the memory, profiles from --profile and tm.toml."""

from __future__ import annotations

import json
from pathlib import Path

from tm.tmx.reader import TmxReader

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "captions"
EN, ZH, HANT = (
    CORPUS / "ceremony.en.vtt",
    CORPUS / "ceremony.zh-Hans.srt",
    CORPUS / "ceremony.zh-Hant.vtt",
)


def mirrored(line: str) -> str:
    source, target = line.split(":")
    return f"{target}:{source}"


def test_align_beads_are_cue_groups_in_either_order(run) -> None:  # type: ignore[no-untyped-def]
    forward = run("align", EN, ZH, "--format", "beads").out.splitlines()
    backward = run("align", ZH, EN, "--format", "beads").out.splitlines()
    assert backward == [mirrored(line) for line in forward]
    assert "[4, 5]:[4]" in forward and "[10]:[9, 10]" in forward and "[32]:[]" in forward


def test_align_writes_sentences_into_the_memory(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ceremony.tmx"
    result = run("align", HANT, EN, "--into-memory", "-o", out)
    assert result.code == 0 and "14 aligned pairs" in result.out
    assert run("validate", out).code == 0
    with TmxReader(out) as reader:
        assert reader.header.srclang == "zh-Hant"
        units = list(reader)
    assert len(units) == 14
    first = {p.type: p.value for p in units[0].variants[1].props}
    assert first["x-tm-cues"] == "1-3" and first["x-tm-start"] == "00:00:01.000"
    stats = json.loads(run("stats", "--json").out)
    assert stats["units"] == 14
    answer = json.loads(run("lookup", "energy storage systems", "--json").out)
    found = answer["matches"] + answer["concordance"]  # a substring is a concordance hit
    assert any("儲能系統" in m["target"] or "儲能系統" in m["source"] for m in found)


def test_align_json_holds_sentences_with_their_cues(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ceremony.json"
    assert run("align", EN, ZH, "-o", out).code == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert set(payload) == {"source_lang", "target_lang", "beads", "links", "signature"}
    assert payload["signature"]["mode"] == "caption tracks"
    bead = payload["beads"][1]
    assert bead["src"] == [3, 4, 5] and bead["tgt"] == [3, 4]
    assert bead["source_cues"]["cues"] == "4-6" and bead["target_cues"]["cues"] == "4-5"


def findings(run, *args) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return json.loads(run("check", *args, "--format", "json").out)["findings"]


def test_check_gives_the_same_findings_in_either_order(run) -> None:  # type: ignore[no-untyped-def]
    forward = findings(run, EN, ZH)
    backward = findings(run, ZH, EN)

    def key(f):  # type: ignore[no-untyped-def]
        return (
            (f["check"], f["message"])
            if f["check"].startswith("caption-")
            else (
                f["check"],
                frozenset({f["source"], f["target"]}),
            )
        )

    assert sorted(map(key, forward), key=str) == sorted(map(key, backward), key=str)
    profile = {
        (f["check"], Path(f["location"]["file"]).name, f["location"]["cue"]) for f in forward
    }
    assert ("caption-length", "ceremony.zh-Hans.srt", 19) in profile
    assert ("caption-punctuation", "ceremony.zh-Hans.srt", 27) in profile
    assert not any(f["check"] == "target-empty" for f in forward)  # [Applause] is no omission


def test_a_traditional_track_is_checked_as_traditional(run) -> None:  # type: ignore[no-untyped-def]
    found = findings(run, EN, HANT)
    assert not any(f["check"] == "script-mixed" for f in found)
    length = [f for f in found if f["check"] == "caption-length"]
    assert length and all("netflix-zh-hant" in f["message"] for f in length)


def test_profiles_from_the_command_line_and_tm_toml(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    track = tmp_path / "promote.en.vtt"
    track.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nBoth sides will jointly promote projects\n",
        encoding="utf-8",
    )
    assert findings(run, track) == []  # 40 characters: within Netflix's 42
    (bbc,) = findings(run, track, "--profile", "bbc-en")
    assert bbc["check"] == "caption-length" and "at most 37 in bbc-en" in bbc["message"]
    config = tmp_path / "tm.toml"
    config.write_text(
        '[check]\nprofile = "team-zh"\n'
        '[check.profiles.team-zh]\nextends = "netflix-zh-hans"\nmax_chars_per_line = 12\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    found = findings(run, ZH)
    assert sum(f["check"] == "caption-length" for f in found) > 3
    assert all("team-zh" in f["message"] for f in found if f["check"] == "caption-length")
    # --profile replaces the file's choice; a bad name is one line, exit 2.
    default = findings(run, ZH, "--profile", "netflix-zh-hans")
    assert sum(f["check"] == "caption-length" for f in default) == 1
    result = run("check", ZH, "--profile", "netflix-zh")
    assert result.code == 2 and result.err.count("\n") == 1
    assert "unknown caption profile 'netflix-zh'" in result.err


def test_two_tracks_in_one_language_exit_2(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.tmx"
    result = run("align", EN, EN, "-o", out)
    assert result.code == 2 and result.err.count("\n") == 1
    assert "the text is English, as is" in result.err  # the input layer's one message
    assert not out.exists()


def test_the_old_pairing_api_gives_cue_groups_as_blocks() -> None:
    """tm.checks.captions.pair_cues keeps its shape for its callers: (source, target) blocks,
    now one per cue group with source cues, from the one pairing."""
    from tm.captions.tracks import read_track
    from tm.checks.captions import pair_cues

    en, zh = read_track(EN), read_track(ZH)
    pairs = pair_cues(en, zh, "en", "zh-Hans")
    merged = next(p for p in pairs if p[0].location.cue == 5)
    assert merged[0].text == "met Mr. Teng Yingming, Chairman of Chongqing Expressway Group."
    assert merged[1] is not None and merged[1].text == "会见了重庆高速集团董事长滕英明"
    assert (merged[0].start_ms, merged[0].end_ms) == (13000, 17800)
    assert pairs[-1][0].text == "[Applause]" and pairs[-1][1] is None


def test_old_caption_thresholds_still_move_the_limits(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "tm.toml"
    config.write_text("[check.thresholds]\ncaption_zh_line = 18\n", encoding="utf-8")
    found = findings(run, ZH, "--config", config)
    assert [f["check"] for f in found] == ["caption-punctuation"]  # the 17-character line is fine
