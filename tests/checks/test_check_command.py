"""`tm check` as editors and CI run it: exit codes, the four report formats, configuration and
baseline, the seed corpus, captions, drift from the memory, `tm score`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from tm.checks.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_5a0f6029a40198bd.txt"
GLOSSARY = ROOT / "corpora" / "seed" / "glossary.tbx"
DOCS = ROOT / "tests" / "data" / "docs"


@pytest.fixture
def modified(tmp_path: Path) -> Path:
    """The seed release with the forbidden rendering and a date that does not exist."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace(
        "views on green transportation", "views on green electricity transportation"
    )
    text = text.replace("June 21, 2023", "June 31, 2023")
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_seed_is_clean_with_its_glossary(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", SEED, "--glossary", GLOSSARY)
    assert result.code == 0, result.out
    assert "0 error(s), 0 warning(s)" in result.out


def test_a_modified_release_fails_and_names_both_problems(run, modified: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("check", modified, "--glossary", GLOSSARY)
    assert result.code == 1
    assert "[term-forbidden] forbidden term “green electricity transportation”" in result.out
    assert "suggestion: green-power transportation" in result.out
    assert "[date-invalid] June 31, 2023 is not a date" in result.out
    assert f"{modified}\n  5: error" in result.out  # grouped by file, with the line


def test_the_memorys_terms_are_the_default_glossary(run, modified: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", ROOT / "corpora" / "seed" / "seed.tmx")
    assert run("check", modified).code == 1
    assert run("--memory", ROOT / "corpora" / "seed" / "seed.tmx", "check", SEED).code == 0


def test_json_report_has_the_contract_shape(run, modified: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("check", modified, "--glossary", GLOSSARY, "--format", "json")
    assert result.code == 1
    report = json.loads(result.out)
    assert set(report) == {"findings", "summary"}
    first = report["findings"][0]
    assert set(first) == {
        "check",
        "severity",
        "message",
        "location",
        "source",
        "target",
        "suggestion",
        "category",
        "evidence",  # added after the first contract: a list, empty when a check gives none
    }
    assert isinstance(first["evidence"], list)
    assert set(first["location"]) == {"file", "line", "paragraph", "unit", "cue"}
    assert {f["category"] for f in report["findings"]} == {"terminology", "numbers"}
    assert report["summary"]["error"] == 2 and report["summary"]["files"] == 1


def test_junit_report_one_suite_per_file(run, modified: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.xml"
    result = run("check", modified, SEED, "--glossary", GLOSSARY, "--format", "junit", "-o", out)
    assert result.code == 1 and result.out == ""
    root = etree.parse(str(out)).getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(modified), str(SEED)]
    failing, clean = suites
    assert failing.get("tests") == "2" and failing.get("failures") == "2"
    for case in failing.findall("testcase"):
        assert case.get("classname") and case.get("name")
        failure = case.find("failure")
        assert failure is not None and failure.get("type") == "error" and failure.get("message")
    assert [c.get("name") for c in clean.findall("testcase")] == ["clean"]
    assert clean.find("testcase/failure") is None
    assert root.get("tests") == "3" and root.get("failures") == "2"


def test_sarif_report_is_what_github_code_scanning_reads(run, modified: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(modified.parent)
    result = run("check", modified.name, "--glossary", GLOSSARY, "--format", "sarif")
    assert result.code == 1
    sarif = json.loads(result.out)
    assert sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    (run_,) = sarif["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "tm" and driver["version"]
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert sorted(rule_ids) == ["date-invalid", "term-forbidden"]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"]
    for result_ in run_["results"]:
        assert result_["ruleId"] in rule_ids
        assert rule_ids[result_["ruleIndex"]] == result_["ruleId"]
        assert result_["level"] in ("error", "warning", "note")
        assert result_["message"]["text"]
        location = result_["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "release.txt"  # relative, as GitHub wants
        assert location["region"]["startLine"] == 5


def test_fail_on_and_info_findings(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    release = tmp_path / "release.txt"
    release.write_text("Both sides met  today.\n", encoding="utf-8")
    result = run("check", release)
    assert result.code == 0 and "info [whitespace]" in result.out  # info: advice only
    assert run("check", release, "--fail-on", "info").code == 1
    release.write_text("The the two sides met.\n", encoding="utf-8")
    assert run("check", release).code == 0  # a warning does not fail by default
    assert run("check", release, "--fail-on", "warning").code == 1


def test_configuration_and_baseline(run, modified: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tm.toml").write_text(
        f'[check]\nglossary = "{GLOSSARY}"\ndisable = ["date-invalid"]\n'
        '[check.severity]\nterm-forbidden = "warning"\n',
        encoding="utf-8",
    )
    result = run("check", modified, "--format", "json")
    report = json.loads(result.out)
    assert [(f["check"], f["severity"]) for f in report["findings"]] == [
        ("term-forbidden", "warning")
    ]
    assert result.code == 0  # warnings pass under the default --fail-on error
    (tmp_path / "tm.toml").write_text(f'[check]\nglossary = "{GLOSSARY}"\n', encoding="utf-8")
    accepted = tmp_path / "baseline.json"
    assert run("check", modified, "--write-baseline", accepted).code == 0
    assert run("check", modified, "--baseline", accepted).code == 0
    text = modified.read_text(encoding="utf-8").replace("June 21", "February 30")
    modified.write_text(
        text.replace("strategic transition", "green electricity transportation"), encoding="utf-8"
    )
    again = run("check", modified, "--baseline", accepted)
    assert again.code == 1 and again.out.count("error [term-forbidden]") == 1


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[check]\nseverity = {length-ratio = 'fatal'}\n", "severity of length-ratio"),
        ("[check]\ndisable = ['spelling']\n", "unknown check 'spelling'"),
        ("[check\n", "not valid TOML"),
        ("[check]\ncolour = true\n", "unknown setting(s) colour"),
    ],
)
def test_bad_configuration_is_one_line_exit_2(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, content: str, problem: str
) -> None:
    config = tmp_path / "tm.toml"
    config.write_text(content, encoding="utf-8")
    result = run("check", SEED, "--config", config)
    assert result.code == 2 and problem in result.err and result.err.count("\n") == 1


def test_captions_paired_by_time_with_reading_speed(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "check",
        DOCS / "ceremony.en.vtt",
        DOCS / "ceremony.zh.srt",
        "--glossary",
        GLOSSARY,
        "--format",
        "json",
    )
    findings = json.loads(result.out)["findings"]
    assert {(f["check"], f["location"]["cue"]) for f in findings} == {
        ("caption-timing", 2),
        ("caption-timing", 3),
        ("caption-length", 3),
    }
    assert result.code == 0  # warnings


def test_drift_from_the_memory_and_score(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memory = tmp_path / "memory.tmx"
    memory.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>Both sides will jointly promote project cooperation.</seg></tuv>
<tuv xml:lang="zh-CN"><seg>双方将共同推动项目合作走深走实。</seg></tuv></tu>
</body></tmx>""",
        encoding="utf-8",
    )
    release = tmp_path / "release.tmx"
    release.write_text(
        memory.read_text(encoding="utf-8").replace("走深走实", "取得进展"), encoding="utf-8"
    )
    result = run("--memory", memory, "check", release, "--format", "json")
    (finding,) = json.loads(result.out)["findings"]
    assert finding["check"] == "memory-drift" and "chrF" in finding["message"]
    assert finding["suggestion"] == "双方将共同推动项目合作走深走实。"
    assert finding["location"]["unit"] == "#1"
    other = tmp_path / "other.tmx"
    other.write_text(
        memory.read_text(encoding="utf-8").replace(
            "Both sides will jointly promote project cooperation.",
            "The two sides will push their projects forward.",
        ),
        encoding="utf-8",
    )
    reverse = json.loads(run("--memory", memory, "check", other, "--format", "json").out)
    assert [f["check"] for f in reverse["findings"]] == ["segment-inconsistent"]
    assert "another source" in reverse["findings"][0]["message"]
    scored = json.loads(run("--memory", memory, "score", release, "--json").out)
    assert scored["overall"]["segments"] == 1 and 0 < scored["overall"]["chrf"] < 100


def test_evaluation_recall_and_false_alarms() -> None:
    result = evaluate(ROOT / "corpora" / "check-eval")
    assert result.clean == 300 and result.false_alarm_rate <= 1 / 15
    assert result.recall >= 0.95, result.missed
    assert all(result.caught[kind] >= 0.95 * n for kind, n in result.injected.items())


def test_a_wrong_but_possible_date_is_found_against_the_memory(
    run, tmp_path: Path, align_release
) -> None:  # type: ignore[no-untyped-def]
    seed = ROOT / "corpora" / "seed"
    run("import", seed / "seed.tmx")
    aligned = align_release()
    assert aligned.code == 0
    assert run("check", seed / "release.en.txt", seed / "release.zh.txt").code == 0
    release = tmp_path / "release.txt"
    text = (seed / "release.en.txt").read_text(encoding="utf-8")
    release.write_text(text.replace("June 21, 2023", "June 22, 2023"), encoding="utf-8")
    result = run("check", release, "--format", "json")
    (finding,) = json.loads(result.out)["findings"]
    assert result.code == 1 and finding["check"] == "number-mismatch"
    assert "22 where the memory's version of this sentence" in finding["message"]
    assert "June 21, 2023" in finding["suggestion"]


def test_memory_may_follow_the_command(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "missing.db"
    result = run("check", SEED, "--memory", missing)
    assert result.code == 2
    assert result.err.startswith(f"tm: error: {missing}: no such memory")


@pytest.mark.parametrize(
    ("suffix", "start"), [(".sarif", b"{"), (".json", b"{"), (".xml", b"<?xml")]
)
def test_the_report_format_follows_the_output_extension(  # type: ignore[no-untyped-def]
    run, modified: Path, tmp_path: Path, suffix: str, start: bytes
) -> None:
    out = tmp_path / f"report{suffix}"
    assert run("check", modified, "--glossary", GLOSSARY, "-o", out).code == 1
    data = out.read_bytes()
    assert data.startswith(start)
    if suffix == ".sarif":
        assert json.loads(data)["version"] == "2.1.0"
