"""Chinese word segmentation by jieba, without process-global state.

jieba's module-level functions share one tokenizer whose dictionary `add_word` changes for
the whole process: words one caller keeps whole would change how every later caller cuts.
Here a `ChineseTokenizer` owns its jieba `Tokenizer`; `with_words` returns a new one with
extra words and leaves the original as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache
from typing import Any


class ChineseTokenizer:
    """jieba's cutting and part-of-speech tagging over a dictionary of its own."""

    def __init__(self, tokenizer: Any, word_tags: dict[str, str] | None = None) -> None:
        """Use `default_tokenizer()` or `with_words`, not this: `tokenizer` is an initialised
        `jieba.Tokenizer` nobody else changes."""
        self._tokenizer = tokenizer
        self._word_tags = word_tags
        self._tagger: Any = None

    def tokens(self, text: str) -> list[str]:
        """Words of `text`, whitespace left out."""
        return [t for t in self._tokenizer.lcut(text) if t.strip()]

    def tagged(self, text: str) -> list[tuple[str, str]]:
        """(token, part of speech) by jieba's tagger (ICTCLAS tags: n noun, v verb, ...)."""
        return [(pair.word, pair.flag) for pair in self._posseg().lcut(text)]

    def with_words(self, words: Iterable[str], tag: str = "nz") -> ChineseTokenizer:
        """A tokenizer that also keeps `words` whole (tagged `tag`), this one unchanged. Words
        are added in sorted order, so the result does not depend on the order given."""
        import jieba

        known = self._tokenizer.FREQ  # words and their prefixes: a prefix is left as it is
        new = sorted({w for w in words if len(w) > 1 and w not in known})
        if not new:
            return self
        tokenizer = jieba.Tokenizer(self._tokenizer.dictionary)
        tokenizer.FREQ = dict(self._tokenizer.FREQ)
        tokenizer.total = self._tokenizer.total
        tokenizer.user_word_tag_tab = dict(self._tokenizer.user_word_tag_tab)
        tokenizer.initialized = True
        for word in new:
            tokenizer.add_word(word, freq=None, tag=tag)
        return ChineseTokenizer(tokenizer, dict(self._base_tags()))

    def _base_tags(self) -> dict[str, str]:
        tags: dict[str, str] = self._posseg().word_tag_tab
        return tags

    def _posseg(self) -> Any:
        if self._tagger is None:
            memo_tagger = _memo_tagger_class()
            tagger = memo_tagger.__new__(memo_tagger)
            tagger.tokenizer = self._tokenizer
            if self._word_tags is None:
                tagger.load_word_tag(self._tokenizer.get_dict_file())
            else:
                # A copy: jieba's tagger merges its tokenizer's user words into this table.
                tagger.word_tag_tab = dict(self._word_tags)
            self._tagger = tagger
        return self._tagger


@lru_cache(maxsize=1)
def _memo_tagger_class() -> Any:
    """jieba's tagger, with its hidden Markov model's answer for a run of characters its
    dictionary lacks remembered: the model is fixed, so a run tags the same every time, and
    that model is most of the time a tagging takes (names recur: 马化腾, 温彬)."""
    from jieba import posseg

    class MemoTagger(posseg.POSTokenizer):  # type: ignore[misc]
        def _POSTokenizer__cut(self, sentence: str) -> Any:  # jieba's private __cut
            for word, flag in _hmm_tags(sentence):
                yield posseg.pair(word, flag)

    return MemoTagger


@lru_cache(maxsize=1 << 16)
def _hmm_tags(sentence: str) -> tuple[tuple[str, str], ...]:
    from jieba import posseg

    cut = posseg.POSTokenizer._POSTokenizer__cut  # uses no state of the tagger
    return tuple((pair.word, pair.flag) for pair in cut(None, sentence))


@lru_cache(maxsize=1)
def default_tokenizer() -> ChineseTokenizer:
    """jieba's own dictionary, loaded once per process (and never changed: see `with_words`)."""
    import jieba

    jieba.setLogLevel(logging.ERROR)  # jieba logs on load; stderr is for errors only
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return ChineseTokenizer(tokenizer)


def chinese_tokens(text: str) -> list[str]:
    """Words of `text` by jieba's own dictionary."""
    return default_tokenizer().tokens(text)


def tagged_tokens(text: str) -> list[tuple[str, str]]:
    """(token, part of speech) by jieba's own dictionary and tagger (a new list each call)."""
    return list(_tagged(text))


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """The checks tag one sentence in several rules: jieba's tagger runs once for it."""
    return tuple(default_tokenizer().tagged(text))
