"""English morphology and stop words: one module, three operations that differ on purpose."""

from __future__ import annotations

import pytest

from tm.text.english import (
    english_stems,
    gloss_stop_words,
    plural_forms,
    singular,
    stem,
    term_stop_words,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [("trucks", "truck"), ("signed", "sign"), ("strategic", "strategy"), ("stole", "steal")],
)
def test_stems_meet_across_forms(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_plural_forms_go_both_ways() -> None:
    assert plural_forms("city") == {"city", "cities"}
    assert plural_forms("cities") == {"cities", "city"}
    assert plural_forms("boxes") == {"boxes", "box"}
    assert plural_forms("PV") == {"PV"}  # too short to guess


def test_singular_is_a_citation_form() -> None:
    assert singular("signing ceremonies") == "signing ceremony"
    assert singular("wind farms") == "wind farm"
    assert singular("business") == "business" and singular("gas") == "gas"


def test_each_use_has_its_stop_words_from_one_file() -> None:
    gloss, term = gloss_stop_words(), term_stop_words()
    assert {"the", "of", "and"} <= gloss & term
    assert "sth" in gloss and "sth" not in term  # CC-CEDICT notation
    assert "signed" in term and "signed" not in gloss  # evidence when aligning
    assert english_stems("to sign sth with sb") == {stem("sign")}
