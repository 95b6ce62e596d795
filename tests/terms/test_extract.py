"""Term-pair extraction on the seed and on realistic aligned text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tm.terms.extract import AlignedPair, extract_terms
from tm.terms.sources import from_inputs
from tm.text.fold import fold

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_5a0f6029a40198bd.txt"
PRESENT_IN_THE_SEED = [
    ("中国电力", "CPID"),
    ("重庆高速集团", "Chongqing Expressway Group"),
    ("战略合作", "strategic cooperation"),
    ("签约仪式", "signing ceremony"),
]


@pytest.fixture(scope="module")
def seed_source():  # type: ignore[no-untyped-def]
    return from_inputs([str(SEED)])


def _ranked(candidates) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(c.source, fold(c.target)) for c in candidates]


def test_the_seed_pairs_rank_in_the_top_ten(seed_source) -> None:  # type: ignore[no-untyped-def]
    top = _ranked(extract_terms(seed_source.pairs, english_text=seed_source.english, limit=10))
    for zh, en in PRESENT_IN_THE_SEED:
        assert (zh, fold(en)) in top, (zh, en, top)


def test_each_seed_pair_carries_its_evidence(seed_source) -> None:  # type: ignore[no-untyped-def]
    found = {
        c.source: c for c in extract_terms(seed_source.pairs, english_text=seed_source.english)
    }
    assert any("acronym CPID: initials of 中国 + 电力" in e for e in found["中国电力"].evidence)
    assert {"重庆 → Chongqing", "高速 → Expressway", "集团 → Group"} <= set(
        found["重庆高速集团"].evidence
    )
    assert found["签约仪式"].target == "signing ceremony"  # lower case, as running text has it
    assert found["战略合作"].target == "strategic cooperation"  # only in the title-case title
    assert found["签约仪式"].contexts  # the reviewer sees where it came from


def test_competitive_linking_pairs_each_term_once(seed_source) -> None:  # type: ignore[no-untyped-def]
    ranked = extract_terms(seed_source.pairs, english_text=seed_source.english, min_score=0)
    found = [c for c in ranked if not c.proposed]
    assert len({c.source for c in found}) == len(found)
    assert len({fold(c.target) for c in found}) == len(found)


def test_a_term_the_text_never_renders_whole_gets_a_composed_proposal(seed_source) -> None:  # type: ignore[no-untyped-def]
    ranked = extract_terms(
        seed_source.pairs,
        english_text=seed_source.english,
        glossary={"绿电": ["green power"]},
    )
    proposal = next(c for c in ranked if c.source == "绿电交通")
    assert proposal.target == "green-power transportation"
    assert proposal.proposed and proposal.count == 0
    assert "proposed, not found" in proposal.evidence[0]
    assert "绿电 → green power (memory)" in proposal.evidence


def test_names_pair_by_transliteration_and_dice_over_many_pairs() -> None:
    pairs = [
        AlignedPair("高平会见了滕英明。", "Gao Ping met Teng Yingming."),
        AlignedPair("滕英明欢迎高平一行。", "Teng Yingming welcomed Gao Ping and his delegation."),
        AlignedPair("高平介绍了储能业务。", "Gao Ping introduced the energy storage business."),
        AlignedPair(
            "双方签署了储能合作协议。", "The two sides signed an energy storage agreement."
        ),
    ]
    found = {c.source: c for c in extract_terms(pairs)}
    assert found["高平"].target == "Gao Ping"
    assert any("transliteration" in e for e in found["高平"].evidence)
    assert found["滕英明"].target == "Teng Yingming"
    assert "co-occur in 3 aligned pairs (Dice 1.00)" in found["高平"].evidence
    assert found["业务"].score <= 0.6  # one dictionary word each side: vocabulary, ranked low


def test_align_json_output_is_an_input(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    aligned = tmp_path / "seed.json"
    assert run("align", SEED, "--format", "json", "-o", aligned).code == 0
    result = run("terms", "extract", aligned, "--json", "--top", "10")
    assert result.code == 0
    ranked = [(c["source"], fold(c["target"])) for c in json.loads(result.out)]
    for zh, en in PRESENT_IN_THE_SEED:
        assert (zh, fold(en)) in ranked
    first = json.loads(result.out)[0]
    assert {"source", "target", "source_lang", "target_lang", "score", "evidence"} <= set(first)


def test_extract_into_memory_never_overwrites_a_reviewed_term(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("terms", "add", "签约仪式", "signing ceremony", "--status", "forbidden")
    result = run("terms", "extract", SEED, "--into-memory")
    assert result.code == 0 and "already in the memory" in result.out
    listed = json.loads(run("terms", "list", "--json").out)
    ceremony = [t for t in listed if t["source"] == "签约仪式"]
    assert [(t["target"], t["status"]) for t in ceremony] == [("signing ceremony", "forbidden")]
    assert {t["status"] for t in listed if t["source"] != "签约仪式"} == {"candidate"}


def test_without_inputs_the_memorys_segments_are_used(run, tmp_path: Path, align_release) -> None:  # type: ignore[no-untyped-def]
    assert run("terms", "extract").code == 2  # no memory yet: one line, exit 2
    align_release()
    result = run("terms", "extract", "--json")
    assert result.code == 0
    ranked = {(c["source"], fold(c["target"])) for c in json.loads(result.out)[:15]}
    assert ("重庆高速集团", "chongqing expressway group") in ranked
    assert ("中国电力", "cpid") in ranked


def test_documents_paired_by_name_are_each_aligned(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    news = Path(__file__).resolve().parents[1] / "data" / "docs" / "news"
    # Chinese first for one pair, English first for the other: the same direction comes out.
    paths = [news / n for n in ("storage.zh.txt", "wind.en.txt", "storage.en.txt", "wind.zh.txt")]
    result = run("terms", "extract", *paths, "--json", "--min-score", "0")
    assert result.code == 0, result.err
    pairs = {(c["source"], c["target"].lower()) for c in json.loads(result.out)}
    assert {c["source_lang"] for c in json.loads(result.out)} == {"zh-Hans"}
    assert any(zh == "储能电站" or (zh == "储能" and "storage" in en) for zh, en in pairs), pairs
    assert any("风电" in zh for zh, _en in pairs), pairs


def test_terms_from_traditional_text_are_zh_hant(run) -> None:  # type: ignore[no-untyped-def]
    docs = Path(__file__).resolve().parents[1] / "data" / "docs"
    release = Path(__file__).resolve().parents[2] / "corpora" / "seed" / "release.en.txt"
    result = run("terms", "extract", docs / "release.zh-hant.txt", release, "--json", "--top", "5")
    assert result.code == 0, result.err
    candidates = json.loads(result.out)
    assert candidates and {c["source_lang"] for c in candidates} == {"zh-Hant"}
    assert any("電" in c["source"] or "慶" in c["source"] for c in candidates)
