"""Fuzzy matches from the index: order, exact copies, short Chinese queries, maintenance."""

from __future__ import annotations

from pathlib import Path

import pytest

import tm
from tm.fuzzy.score import score
from tm.memory import Store, postings, schema
from tm.model import Term, Unit, Variant
from tm.text.script import has_han

from .conftest import memory_of

PAIRS = [
    ("Mr. Teng welcomed Mr. Gao and his delegation.", "滕英明对高平一行表示欢迎。"),
    (
        "Mr. Teng welcomed Mr. Gao and his delegation, and introduced the group's results.",
        "滕英明对高平一行表示欢迎，并介绍了集团的成果。",
    ),
    ("The company opened 3 new stations in 2024.", "公司于2024年开设了3座新站。"),
    ("The company opened 5 new stations in 2023.", "公司于2023年开设了5座新站。"),
    ("Face masks are required on board.", "乘车须佩戴口罩。"),
    ("Open", "开放"),
    ("Energy storage", "储能"),
    ("Press <b>Save</b> to keep the file.", "按<b>保存</b>保留文件。"),
    ("Press Save to keep the file.", "按保存保留文件。"),
    ("The plant opened in Kaifeng in 2021.", "该厂于2021年在开封投产。"),
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return memory_of(tmp_path, PAIRS)


def test_an_exact_copy_comes_first_and_a_substring_is_not_100(store: Store) -> None:
    matches = tm.fuzzy_matches(store, "Mr. Teng welcomed Mr. Gao and his delegation.", 50, 5)
    assert matches[0].score == 100 and matches[0].target == "滕英明对高平一行表示欢迎。"
    assert all(m.score < 100 for m in matches[1:])
    assert not tm.fuzzy_matches(store, "ask", 50)  # not "masks"


def test_english_near_match_with_a_changed_number(store: Store) -> None:
    matches = tm.fuzzy_matches(store, "The company opened 3 new stations in 2023.", 75, 5)
    # One token of 9 each (88.9), and 2 points for each of the two numbers that differ.
    assert [m.score for m in matches] == [84, 84]
    # Ties in a fixed order: same score, same length: by text.
    assert [m.source for m in matches] == sorted(m.source for m in matches)
    assert matches[0].diff and all(b > a for a, b in matches[0].diff)


def test_chinese_query_finds_its_translation_and_marks_the_difference(store: Store) -> None:
    (match,) = tm.fuzzy_matches(store, "滕英明对高平表示欢迎。", 75, 1)
    assert match.target == "Mr. Teng welcomed Mr. Gao and his delegation."
    assert 75 <= match.score < 100
    assert match.diff == [[6, 6]]  # 一行 is missing from the query


def test_a_simplified_query_with_one_traditional_character_finds_its_copy(store: Store) -> None:
    (match,) = tm.fuzzy_matches(store, "公司于2024年開设了3座新站。", 75, 1)
    assert match.source == "公司于2024年开设了3座新站。" and match.score == 99
    assert match.diff == [[8, 9]]


@pytest.mark.parametrize(
    ("query", "target"), [("开放", "Open"), ("開放", "Open"), ("储能", "Energy storage")]
)
def test_one_and_two_character_chinese_queries(store: Store, query: str, target: str) -> None:
    matches = tm.fuzzy_matches(store, query, 75, 5)
    assert [m.target for m in matches] == [target]


def test_a_one_word_english_query(store: Store) -> None:
    assert [m.target for m in tm.fuzzy_matches(store, "open", 75)] == ["开放"]


def test_tags_cost_a_point_each(store: Store) -> None:
    matches = tm.fuzzy_matches(store, "Press Save to keep the file.", 50, 2)
    assert matches[0].score == 100 and matches[0].source == "Press Save to keep the file."
    assert matches[1].source == "Press <b>Save</b> to keep the file."


def test_ties_come_out_in_the_same_order_whatever_the_insertion_order(tmp_path: Path) -> None:
    orders = []
    for name, pairs in (("a", PAIRS), ("b", PAIRS[::-1])):
        with Store(tmp_path / f"{name}.db") as store:
            with store.atomic():
                store.put_many(
                    [
                        (Unit((Variant("en", (e,)), Variant("zh-Hans", (z,)))), "en", None)
                        for e, z in pairs
                    ]
                )
            orders.append(
                [
                    (m.source, m.score)
                    for m in tm.fuzzy_matches(store, "The company opened new stations.", 50, 5)
                ]
            )
    assert orders[0] == orders[1] and len(orders[0]) >= 2


def test_the_index_follows_edits_and_deletions(store: Store) -> None:
    term = Term("绿电交通", "green-power transportation", "zh-Hans", "en")
    with store.atomic():
        store.put(term.unit(), srclang="zh-Hans")
    term_id = store.find(term.unit())
    assert term_id is not None
    assert tm.fuzzy_matches(store, "绿电交通", 75, kind="term")[0].unit == term_id
    edited = Term("绿电运输", "green-power transportation", "zh-Hans", "en")
    with store.atomic():
        store.replace(term_id, edited.unit(), srclang="zh-Hans")
    assert [m.source for m in tm.fuzzy_matches(store, "绿电运输", 75, kind="term")] == ["绿电运输"]
    assert not [m for m in tm.fuzzy_matches(store, "绿电交通", 75, kind="term") if m.score == 100]
    # Segments and terms stay apart.
    assert not tm.fuzzy_matches(store, "绿电运输", 75)
    unit_id = tm.fuzzy_matches(store, "Face masks are required on board.", 100)[0].unit
    with store.atomic():
        store.delete(unit_id)
        store.delete(term_id)
    assert not tm.fuzzy_matches(store, "Face masks are required on board.", 50)
    assert not tm.fuzzy_matches(store, "绿电运输", 50, kind="term")
    indexed = {
        unit
        for lens, units in store.db.execute("SELECT lens, units FROM fuzzy_post")
        for unit in postings.units_of(lens, units)
    }
    assert indexed and not indexed & {unit_id, term_id}


def test_an_old_memory_is_indexed_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    with monkeypatch.context() as old:  # the code as it was before migration 3
        old.setattr(schema, "VERSION", 2)
        old.setattr(Store, "_index_variants", lambda self, kinds, rows: None)
        old.setattr(Store, "_unindex_unit", lambda self, unit_id: None)
        with Store(path) as store:
            with store.atomic():
                store.put_many(
                    [
                        (Unit((Variant("en", (e,)), Variant("zh-Hans", (z,)))), "en", None)
                        for e, z in PAIRS
                    ]
                )
            assert store.db.execute("PRAGMA user_version").fetchone()[0] == 2
    calls: list[tuple[int, int]] = []
    with tm.open_memory(path, write=True) as store:  # it writes below
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
        store.ensure_fuzzy_index(lambda done, total: calls.append((done, total)))
        assert calls[-1] == (2 * len(PAIRS), 2 * len(PAIRS))
        (match,) = tm.fuzzy_matches(store, "滕英明对高平一行表示欢迎。", 100, 1)
        assert match.target == "Mr. Teng welcomed Mr. Gao and his delegation."
        # Written after the upgrade: indexed at once.
        with store.atomic():
            store.put(
                Unit((Variant("en", ("A new sentence.",)), Variant("zh-Hans", ("新句子。",))))
            )
        assert tm.fuzzy_matches(store, "新句子。", 100)[0].target == "A new sentence."


NEWS = Path(__file__).resolve().parents[2] / "corpora" / "news-gold"


def _varied(text: str, seed: int, cut: str) -> str:
    """`text` with the (seed mod n)-th and a second token replaced (words for English, split
    on spaces; characters for Chinese): near-duplicates, as a release's memory holds."""
    parts = text.split(" ") if cut == " " else list(text)
    for step in (seed, seed * 7 + 3):
        at = step % len(parts)
        parts[at] = parts[(at + seed + 1) % len(parts)]
    return cut.join(parts)


def test_the_index_finds_what_an_exhaustive_scan_finds(tmp_path: Path) -> None:
    """Families of near-duplicates (each line of a real news text and 12 variations): the
    rounds that stop early, and the shortlist, give the same top scores as scoring every
    stored text."""
    en = [line for line in (NEWS / "en" / "001").read_text("utf-8").splitlines() if line][:12]
    zh = [line for line in (NEWS / "zh" / "001").read_text("utf-8").splitlines() if line][:12]
    pairs = [
        (_varied(e, k, " ") if k else e, _varied(z, k, "") if k else z)
        for e, z in zip(en, zh, strict=False)
        for k in range(13)
    ]
    pairs = list(dict.fromkeys(pairs))  # one unit per distinct pair
    store = memory_of(tmp_path, pairs)
    queries = [en[0], zh[1], _varied(en[2], 20, " "), _varied(zh[3], 21, ""), en[4] + " " + en[5]]
    queries += [" ".join(en[6].split()[:2]), zh[7][:2], "Quantum chromodynamics is hard."]
    for query in queries:
        side = [z for _e, z in pairs] if has_han(query) else [e for e, _z in pairs]
        everything = sorted((score(query, text) for text in side), reverse=True)
        expected = [value for value in everything if value >= 75][:5]
        assert [m.score for m in tm.fuzzy_matches(store, query, 75, 5)] == expected, query
