"""One term matcher for lookup and checks: the same terms found in a text either way."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.checks.terminology import Glossary
from tm.glossary import read_glossary
from tm.glossary.matcher import TermMatcher, index_keys, term_forms
from tm.lookup import lookup
from tm.memory import Store, import_file
from tm.model import Term

ENERGY = Path(__file__).resolve().parents[1] / "data" / "glossary" / "energy.zh-en.tsv"

TEXTS = [
    "重庆高速集团与中国电力在绿电交通和储能领域开展战略合作，签署战略合作协议。",
    "海上風電與抽水蓄能項目今年併網，儲能電站同步投運。",  # Traditional
    "The two sides signed a strategic cooperation agreement on offshore wind power.",
    "Battery-Swap Heavy-Duty Trucks and energy storage systems were shown at the signing.",
    "CPID's color PV panels and wind farms supply hydropower-free green power.",
    "打开Acme控制台查看光伏和风电场数据。",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("matcher") / "tm.db")
    import_file(store, str(ENERGY))
    with store.atomic():
        store.put(Term("控制台", "console", "zh-Hans", "en").unit(), srclang="zh-Hans")
    return store


def _glossary_terms() -> list[Term]:
    return [*read_glossary(ENERGY), Term("控制台", "console", "zh-Hans", "en")]


@pytest.mark.parametrize("text", TEXTS)
def test_lookup_finds_what_the_matcher_finds_in_the_whole_glossary(store: Store, text: str) -> None:
    """The memory's index only narrows: lookup lists every term the matcher finds when
    given all terms at once, in the query's language."""
    chinese = any("\u4e00" <= c <= "\u9fff" for c in text)
    matcher = TermMatcher(
        (side, side)
        for term in _glossary_terms()
        for side in (term.source, term.target)
        if any("\u4e00" <= c <= "\u9fff" for c in side) == chinese
    )
    expected = {side for _s, _e, sides in matcher.find(text, nested=True) for side in sides}
    assert expected  # every text holds terms
    assert {hit.source for hit in lookup(store, text).terms} == expected


def test_checks_keep_the_longest_lookup_lists_nested_terms(store: Store) -> None:
    text = "签署战略合作协议"
    found = {t.source for t in lookup(store, text).terms}
    assert {"战略合作协议", "战略合作"} <= found
    glossary = Glossary(_glossary_terms())
    longest = [text[start:end] for start, end, _entries in glossary.find(text)]
    assert "战略合作协议" in longest and "战略合作" not in longest


def test_chinese_right_after_latin_is_found_by_lookup_as_by_checks(store: Store) -> None:
    # Lookup once read "acme控制台" as one word and missed 控制台; the checks found it.
    text = "打开Acme控制台"
    assert ("控制台", "console") in {(t.source, t.target) for t in lookup(store, text).terms}
    assert Glossary([Term("控制台", "console", "zh-Hans", "en")]).find(text)


def test_word_boundaries_hold_for_both() -> None:
    matcher = TermMatcher([("green power", "gp")])
    assert matcher.find("Green-Power transportation") != []
    assert matcher.find("green powerful engines") == []


def test_forms_of_a_term() -> None:
    assert term_forms("Wind Farm") == {"wind farm", "wind farms"}
    assert {"绿电交通", "綠電交通"} <= term_forms("綠電交通")
    assert "battery swap heavy duty trucks" in term_forms("battery-swap heavy-duty truck")
    assert "pv" in term_forms("\uff30\uff36")  # full-width


def test_index_keys_hold_every_form_a_singular_term_is_found_under() -> None:
    # A term cited "tie" is found in "ties" (its plural): the index must offer "tie".
    assert "tie" in index_keys("two ties")
    assert TermMatcher([("tie", 1)]).find("two ties")
