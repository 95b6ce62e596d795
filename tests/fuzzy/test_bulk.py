"""Texts cut in bulk (tm.fuzzy.bulk, numpy) give the tokens `index_tokens` gives one text at a
time: the same hashes, lengths and exact keys, hence the same grams and postings; on real
news and literary text, in Simplified and Traditional script, and on the shapes a regex and
arrays could disagree on."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tm.fuzzy import bulk, index
from tm.fuzzy.index import Batch, exact_key, gram_ids, namespace
from tm.fuzzy.score import index_fold, index_fold_many, index_tokens
from tm.text.variants import to_traditional

ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT / "corpora" / "news-gold"
MAC = ROOT.parent / "shared" / "data" / "mac-dev"

SHAPES = [
    "",
    "   ",
    "Grid",
    "水",
    # Full width letters, digits and signs, and the ideographic space.
    "\uff21\uff22\uff23，全角：\uff11\uff12\uff13！\u3000空格",
    "\uff25\u0301 and e\u0301 and \u0338≯",  # combining marks, at a text's start too
    "\u0301 starts with a mark",
    "a<b and c>d, {1} and <ph x='1'/> tags",
    "x < 5 and y > 3",
    "full width \uff1ctag\uff1e and \uff5b2\uff5d",
    "private \ue000 use",
    "snake_case_name and CamelCase and état",
    "word" * 30,  # one token longer than a fingerprint covers
    "𠀀𠀁 astral Han and 😀 emoji, 𐌰𐌱𐌲 Gothic letters (a word)",
    "İstanbul ǅ ß ﬁ",  # case folding that changes lengths
    "電腦軟體的發展，與臺灣的資訊產業。",
    "2023年6月21日，国家电投重庆公司与重庆高速集团签署协议。",
    "Tab\tand\nnew line\x1funit separator\x00nul",
]


def corpus() -> list[str]:
    texts = list(SHAPES)
    for lang in ("en", "zh"):
        for path in sorted((NEWS / lang).iterdir()):
            texts += [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    zh = [text for text in texts if not text.isascii()][:200]
    texts += [to_traditional(text) for text in zh]
    if MAC.is_dir():
        for lang in ("en", "zh"):
            for path in sorted((MAC / lang).iterdir())[:2]:
                texts += path.read_text("utf-8").splitlines()[:300]
    return texts


def expected(text: str) -> tuple[list[int], int]:
    tokens = index_tokens(text)
    return index.hashes(tokens), len(tokens)


def test_folding_many_texts_at_once_is_folding_each() -> None:
    texts = corpus()
    assert index_fold_many(texts) == [index_fold(text) for text in texts]


@pytest.mark.parametrize("size", [1, 7, 5000])
def test_bulk_cut_gives_each_texts_tokens(size: int) -> None:
    texts = corpus()
    for start in range(0, len(texts), size):
        part = texts[start : start + size]
        seen = set()
        for places, stream, lengths in bulk.cut(part):
            runs = [
                list(group)
                for is_break, group in itertools.groupby(
                    stream.tolist(), lambda value: value == index.BREAK
                )
                if not is_break
            ]
            assert len(lengths) == len(places)
            assert stream.tolist().count(index.BREAK) == len(places) - 1
            hashes = iter(runs)
            for at, length in zip(places, lengths.tolist(), strict=True):
                want = expected(part[at])
                assert length == want[1], part[at]
                if length:
                    assert next(hashes) == want[0], part[at]
                seen.add(at)
        assert seen == set(range(len(part)))


def test_a_batch_of_many_texts_holds_each_texts_grams_and_key() -> None:
    texts = corpus()
    batch = Batch()
    items = [(unit, "segment", "zh-Hans" if unit % 2 else "en", t) for unit, t in enumerate(texts)]
    batch.add_many(items)
    grams, lens, units = batch.postings_arrays()
    stored: dict[int, set[int]] = {}
    for gram, length, unit in zip(grams.tolist(), lens.tolist(), units.tolist(), strict=True):
        stored.setdefault(unit, set()).add(gram)
        assert length == len(index_tokens(texts[unit]))
    keys = set()
    for unit, _kind, lang, text in items:
        ns = namespace(lang, "segment")
        assert stored[unit] == gram_ids(ns, index_tokens(text))
        keys.add((exact_key(ns, index_tokens(text)), unit))
    assert set(batch.keys) == keys and len(batch) == len(texts)
    assert batch.postings == sum(len(index_tokens(text)) + 1 for text in texts)


def test_a_schema_6_memory_has_its_exact_keys_made_anew(memory_url: str) -> None:
    """Schema 7 changed what an exact key is, schema 8 how keys are kept (packed per chunk,
    no `fuzzy_df`): a memory indexed before (one row per key, the keys hashes of the texts,
    made up here) is indexed again on first use, and finds exact copies after."""
    import hashlib

    import tm
    from tm.fuzzy.index import exact_key, namespace
    from tm.fuzzy.score import index_tokens
    from tm.memory import open_memory
    from tm.model import Unit, Variant

    pairs = [
        ("Mr. Teng welcomed Mr. Gao and his delegation.", "滕英明对高平一行表示欢迎。"),
        ("Face masks are required on board.", "乘车须佩戴口罩。"),
    ]
    with open_memory(memory_url, write=True) as store:
        store.put_many(
            [(Unit((Variant("en", (e,)), Variant("zh-Hans", (z,)))), "en", None) for e, z in pairs]
        )
        ids = [stored.id for stored in store.units()]
    big = "BIGINT" if memory_url.startswith("postgresql") else "INTEGER"
    with open_memory(memory_url, write=True) as store, store.atomic():  # as schema 6 left it
        store.db.execute("DROP TABLE fuzzy_keys")
        store.db.execute(
            f"CREATE TABLE fuzzy_key (key {big} NOT NULL, unit {big} NOT NULL,"
            " PRIMARY KEY (key, unit))"
        )
        store.db.execute(f"CREATE TABLE fuzzy_df (gram {big} PRIMARY KEY, n INTEGER NOT NULL)")
        for unit, (english, chinese) in zip(ids, pairs, strict=True):
            for text in (english, chinese):
                old = hashlib.blake2b(text.encode(), digest_size=8).digest()
                store.db.execute(
                    "INSERT INTO fuzzy_key VALUES (?, ?)", (int.from_bytes(old, "big") >> 1, unit)
                )
        if store.dialect == "postgresql":
            store.db.execute("UPDATE tm_schema SET version = 6")
        else:
            store.db.execute("PRAGMA user_version = 6")
    with open_memory(memory_url, write=True) as store:
        assert store.db.execute("SELECT count(*) FROM fuzzy_state").fetchone()[0] == 1
        (match,) = tm.fuzzy_matches(store, "乘车须佩戴口罩。", 100, 1)
        assert match.target == "Face masks are required on board." and match.score == 100
        for unit, (english, chinese) in zip(ids, pairs, strict=True):
            for lang, text in (("en", english), ("zh-Hans", chinese)):
                key = exact_key(namespace(lang, "segment"), index_tokens(text))
                assert store.fuzzy_exact(key) == [unit]


def test_a_fingerprint_standing_for_another_token_sends_the_texts_to_the_exact_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = ["Mr. Teng welcomed Mr. Gao and his delegation.", "乘车须佩戴口罩 CPID。"]
    bulk.cut(texts)
    poisoned = {fp: ("x" + token, value ^ 1) for fp, (token, value) in bulk._by_print.items()}
    monkeypatch.setattr(bulk, "_by_print", poisoned)
    for places, stream, lengths in bulk.cut(texts):
        assert stream.tolist() == [
            *index.hashes(index_tokens(texts[places[0]])),
            *([index.BREAK, *index.hashes(index_tokens(texts[1]))] if len(places) == 2 else []),
        ]
        assert lengths.tolist() == [len(index_tokens(texts[at])) for at in places]


@pytest.mark.parametrize("size", [0, 1, 2, 9, 4097])
def test_powers_by_doubling_are_the_powers(size: int) -> None:
    for base in (index._KEY, index._KEY_INVERSE, bulk._BASE):
        assert index.powers(base, size).tolist() == [pow(base, i, 1 << 64) for i in range(size)]
