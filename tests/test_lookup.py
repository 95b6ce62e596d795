"""Term lookup as a translator uses it, on a realistic glossary of a few hundred terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.lookup import lookup, query_language, term_keys
from tm.memory import Store, import_file
from tm.model import Term

ENERGY = Path(__file__).resolve().parent / "data" / "glossary" / "energy.zh-en.tsv"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("lookup") / "tm.db")
    import_file(store, str(ENERGY))
    with store.atomic():
        hant = Term("風電", "wind power", "zh-Hant", "en").unit()
        store.put(hant, srclang="zh-Hant")
        both = Term("绿证", "綠證", "zh-Hans", "zh-Hant").unit()  # a script pair, not a rendering
        store.put(both, srclang="zh-Hans")
    return store


def _pairs(result) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(t.source, t.target, t.status) for t in result.terms]


def test_every_term_of_a_chinese_sentence_both_statuses_ordered(store: Store) -> None:
    result = lookup(store, "重庆高速集团与中国电力在绿电交通和储能领域开展战略合作。")
    pairs = _pairs(result)
    for expected in [
        ("重庆高速集团", "Chongqing Expressway Group", "approved"),
        ("中国电力", "CPID", "approved"),
        ("绿电交通", "green-power transportation", "approved"),
        ("储能", "energy storage", "approved"),
        ("战略合作", "strategic cooperation", "approved"),
        ("重庆", "Chongqing", "approved"),
    ]:
        assert expected in pairs
    forbidden = pairs.index(("绿电交通", "green electricity transportation", "forbidden"))
    assert all(status != "approved" for _s, _t, status in pairs[forbidden:])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "Battery-Swap Heavy-Duty Trucks were shown",
            ("battery-swap heavy-duty truck", "换电重卡"),
        ),
        ("battery swap heavy duty truck", ("battery-swap heavy-duty truck", "换电重卡")),
        ("two new energy storage systems", ("energy storage system", "储能系统")),
        ("\uff30\uff36 panels", ("PV", "光伏")),  # full-width Latin
        ("wind farms", ("wind farm", "风电场")),
        ("utility companies", ("joint venture", None)),  # nothing of the kind
    ],
)
def test_english_queries_tolerate_case_hyphens_plural_and_width(
    store: Store, query: str, expected: tuple[str, str | None]
) -> None:
    found = {(t.source, t.target) for t in lookup(store, query).terms}
    if expected[1] is None:
        assert not any(source == expected[0] for source, _t in found)
    else:
        assert expected in found


def test_traditional_query_finds_simplified_terms_and_vice_versa(store: Store) -> None:
    assert query_language("綠電交通") == "zh-Hant" and query_language("绿电交通") == "zh-Hans"
    assert ("绿电交通", "green-power transportation", "approved") in _pairs(
        lookup(store, "綠電交通產業")
    )
    assert ("風電", "wind power", "approved") in _pairs(lookup(store, "海上风电"))


def test_a_chinese_query_never_gets_a_chinese_target(store: Store) -> None:
    targets = {t.target_lang for t in lookup(store, "绿证和綠證").terms}
    assert targets and all(not lang.startswith("zh") for lang in targets)
    english = lookup(store, "green certificate")
    assert [(t.source, t.target) for t in english.terms] == [("green certificate", "绿证")]


def test_keys_are_bounded_by_units_not_characters() -> None:
    keys = term_keys("CPIDX signs")
    assert "cpidx" in keys and "cpid" not in keys and "cpidx signs" in keys and "cpidx sign" in keys
