"""Language resources: a jieba tokenizer owned by its caller, CC-CEDICT tables, pinyin."""

from __future__ import annotations

from tm.lexicon.cedict import acronym_headwords, cedict
from tm.lexicon.pinyin import pinyin_forms, transliterates
from tm.lexicon.tokenizer import chinese_tokens, default_tokenizer

TEXT = "重庆高速集团与中国电力签署绿电交通战略合作协议"


def test_extra_words_stay_with_the_tokenizer_that_has_them() -> None:
    before = chinese_tokens(TEXT)
    assert "重庆高速集团" not in before
    extended = default_tokenizer().with_words(["重庆高速集团", "绿电交通"])
    assert {"重庆高速集团", "绿电交通"} <= set(extended.tokens(TEXT))
    assert ("重庆高速集团", "nz") in extended.tagged(TEXT)
    # Nobody else sees them: the process's default cuts as before.
    assert chinese_tokens(TEXT) == before
    assert "重庆高速集团" not in {w for w, _t in default_tokenizer().tagged(TEXT)}


def test_extra_words_in_any_order_cut_alike() -> None:
    words = ["高速集团", "重庆高速", "绿电"]
    one = default_tokenizer().with_words(words).tagged(TEXT)
    other = default_tokenizer().with_words(reversed(words)).tagged(TEXT)
    assert one == other


def test_known_words_give_the_same_tokenizer() -> None:
    tokenizer = default_tokenizer()
    assert tokenizer.with_words(["中国", "合作", "电"]) is tokenizer


def test_cedict_tables() -> None:
    assert "truck" in cedict()["卡车"]
    assert "世界贸易组织" in acronym_headwords("WTO")
    assert transliterates("高平", "Gao Ping")
    assert not transliterates("高平", "Gao Ming")
    assert "baoyu" in pinyin_forms("宝玉")


def test_the_tagger_remembering_runs_tags_as_jieba_does() -> None:
    """Runs of characters jieba's dictionary lacks (温彬, 怀进鹏, 朱琳) are tagged by its hidden
    Markov model; remembered, they tag the same as jieba's own tagger, the first time and after."""
    from jieba import posseg

    from tm.lexicon.tokenizer import default_tokenizer

    tokenizer = default_tokenizer()
    plain = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    plain.tokenizer = tokenizer._tokenizer
    plain.load_word_tag(tokenizer._tokenizer.get_dict_file())
    texts = [
        "中国民生银行首席经济学家温彬认为，降息有助于提振房地产市场。",
        "教育部部长怀进鹏要求各地确保考试安全平稳。",
        "郑钦文以2比0战胜队友朱琳，夺得金牌。",
    ]
    for text in texts * 2:
        assert tokenizer.tagged(text) == [(p.word, p.flag) for p in plain.lcut(text)]
