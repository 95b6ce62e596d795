"""`tm lookup --fuzzy`, `tm analyze` and `tm pretranslate` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT
from tm.tmx.reader import TmxReader

RELEASE_2 = ROOT / "corpora" / "release-2"


def test_lookup_fuzzy_min_json_and_concordance(run, align_release) -> None:  # type: ignore[no-untyped-def]
    align_release()
    # The release's second paragraph, a year later: another date.
    query = (RELEASE_2 / "release.en.txt").read_text(encoding="utf-8").split("\n\n")[1].strip()
    looked = json.loads(run("lookup", query, "--fuzzy", "80", "--json").out)
    best = looked["matches"][0]
    assert best["source"].startswith("On June 21, 2023, Mr. Gao Ping")
    assert best["score"] == 89 and isinstance(best["unit"], int)
    assert [query[a:b] for a, b in best["diff"]] == ["18", "2024"]
    hits = json.loads(run("lookup", "storage", "--json").out)["concordance"]
    assert hits and all(
        hit["source"][a:b].lower() == "storage" for hit in hits for a, b in hit["spans"]
    )
    assert "Matches" not in run("lookup", query, "--fuzzy", "90").out


def test_analyze_json_bands(run, align_release) -> None:  # type: ignore[no-untyped-def]
    run("import", ROOT / "corpora" / "seed" / "seed.tmx")
    align_release()
    docs = [RELEASE_2 / "release.en.txt", RELEASE_2 / "launch.en.vtt"]
    result = run("analyze", *docs, "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    names = [b["band"] for b in report["total"]["bands"]]
    assert names == ["repetition", "100", "95-99", "85-94", "75-84", "50-74", "no-match"]
    release, captions = report["files"]
    bands = {b["band"]: b["segments"] for b in release["bands"]}
    assert bands["100"] == 2 and bands["85-94"] == 1 and release["segments"] == 6
    # Every cue repeats a sentence of the release (the cue ids "intro" and "closing" are not
    # text: tm.readers.captions).
    assert {b["band"]: b["segments"] for b in captions["bands"]}["repetition"] == 3
    assert report["total"]["segments"] == 9
    assert report["total"]["words"] == sum(f["words"] for f in report["files"])


def test_pretranslate_tmx_json_and_caption_track(run, align_release, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", ROOT / "corpora" / "seed" / "seed.tmx")
    align_release()
    out = tmp_path / "release.zh.tmx"
    assert run("pretranslate", RELEASE_2 / "release.en.txt", "-o", out).code == 0
    with TmxReader(str(out)) as reader:
        units = list(reader)
    assert len(units) == 3
    assert [p.value for p in units[1].props if p.type == "x-tm-match"] == ["89"]
    assert run("validate", out).code == 0
    as_json = tmp_path / "release.json"
    run("pretranslate", RELEASE_2 / "release.en.txt", "-o", as_json, "--min", "90")
    rows = json.loads(as_json.read_text(encoding="utf-8"))["segments"]
    assert len(rows) == 6 and [r["score"] for r in rows].count(None) == 4
    vtt = tmp_path / "launch.zh.vtt"
    result = run("pretranslate", RELEASE_2 / "launch.en.vtt", "-o", vtt)
    assert result.code == 0
    assert result.err.count("\n") == 1 and "cues 2, 3" in result.err
    track = vtt.read_text(encoding="utf-8")
    assert "intro\n00:00:01.000 --> 00:00:04.500 line:90% align:center\n中国电力" in track
    assert "NOTE Captions for the signing video" in track and "\nclosing\n" in track


def test_pretranslate_bad_output_is_one_error_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", ROOT / "corpora" / "seed" / "seed.tmx")
    result = run("pretranslate", RELEASE_2 / "release.en.txt", "-o", tmp_path / "x.srt")
    assert result.code == 2 and result.err.startswith("tm: error:") and result.err.count("\n") == 1
    assert not (tmp_path / "x.srt").exists()
