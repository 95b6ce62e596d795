"""Latin acronyms, codes, URLs and e-mail addresses stay as they are in the translation
(CPID must appear in the Chinese if it is in the English), unless the glossary maps them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from tm import lang as langs
from tm.checks.core import CheckPair, Context
from tm.memory.normalize import fold
from tm.model import Finding

_URL = re.compile(r"\b(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef<>\"“”]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Acronyms and codes: two or more capitals (CPID, HKEX, 5G, COVID-19, R&D), or a product name
# starting in lower case (iPhone, eBay). Names like GlaxoSmithKline are translated (葛兰素史克).
_TOKEN = re.compile(
    r"(?<![\w&])(?:[A-Z][A-Z0-9&]*[A-Z0-9](?:-\d+)?|\d+[A-Z]+\d*|[a-z]+[A-Z][A-Za-z]*)(?![\w&])"
)
#: Roman numerals and English words in capitals that are not names.
_NOT_ENTITIES = frozenset(
    {
        "I",
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "XII",
        "OK",
        "TV",
        "AM",
        "PM",
        "A",
        "AN",
        "THE",
        "AND",
        "OF",
        "TO",
        "IN",
        "ON",
    }
)


_CAPS_RUN = re.compile(r"\b[A-Z]{2,}(?:[\s-]+[A-Z]{2,})+\b")


def entities(text: str) -> list[str]:
    """The things a translation must keep: URLs, e-mails, acronyms and codes, in order. Runs
    of capitalised words (TO-LOOK-AT, ALL NIGHT) are emphasis, not acronyms."""
    found: list[str] = []
    for pattern in (_URL, _EMAIL):
        found += [m.group().rstrip(".,;:)") for m in pattern.finditer(text)]
        text = pattern.sub(" ", text)
    text = _CAPS_RUN.sub(" ", text)
    units = _units()
    found += [
        m.group()
        for m in _TOKEN.finditer(text)
        if m.group() not in _NOT_ENTITIES and m.group() not in units
    ]
    return list(dict.fromkeys(found))


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    text = resources.files("tm.checks").joinpath("data", "units.txt").read_text("utf-8")
    lines = (line.split("#", 1)[0] for line in text.splitlines())
    return frozenset(word for line in lines for word in line.split())


_MAYBE_ENTITY = re.compile(r"[A-Z][A-Z0-9&]|[a-z][A-Z]|\d[A-Z]|https?:|www\.|@")
_LATIN = re.compile(r"[A-Za-z]")
# Latin inside Chinese: a word, possibly with digits (3D, 1H, COVID-19).
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.+-]*[A-Za-z0-9+]|[A-Za-z]")
#: An acronym a document drops this often, and never keeps, is one the translator renders
#: on purpose (ASL → 美国手语 throughout a talk): a choice, not a loss.
CONSISTENT_RENDERING = 3


def check_entities(pairs: list[CheckPair], context: Context) -> Iterator[Finding]:
    """English acronyms, codes, URLs and e-mails must be in the Chinese, unless the glossary
    or CC-CEDICT renders them and the rendering is there (NASA ↔ 美国国家航空航天局), or the
    document renders them the same way throughout; every Latin word inside the Chinese must
    be in the English."""
    missing: dict[str, list[CheckPair]] = {}
    kept: dict[str, int] = {}
    findings: list[tuple[CheckPair, str, str | None]] = []
    glossary = context.glossary
    for pair in pairs:
        if not pair.bilingual or not pair.target or pair.target_lang is None:
            continue
        if langs.is_chinese(pair.source_lang) == langs.is_chinese(pair.target_lang):
            continue
        zh_is_source = langs.is_chinese(pair.source_lang)
        zh, en = (pair.source, pair.target) if zh_is_source else (pair.target, pair.source)
        if not _MAYBE_ENTITY.search(en) and not _LATIN.search(zh):
            continue  # most pairs: nothing to keep
        zh_folded, en_folded = fold(zh), fold(en)
        for entity in entities(en):
            if fold(entity) in zh_folded:
                kept[entity] = kept.get(entity, 0) + 1
            elif not _mapped(entity, zh_folded, glossary):
                missing.setdefault(entity, []).append(pair)
        zh_plain = _EMAIL.sub(" ", _URL.sub(" ", zh))
        for match in _URL.finditer(zh):
            if fold(match.group()) not in en_folded:
                findings.append(
                    (pair, f"“{match.group()}” is in the Chinese but not in the English", None)
                )
        en_words = set(_EN_WORD.findall(en_folded))
        for word in dict.fromkeys(_LATIN_WORD.findall(zh_plain)):
            if not _LATIN.search(word):
                continue
            if not _occurs(fold(word), en_words) and not _mapped(word, en_folded, glossary):
                findings.append((pair, f"“{word}” is in the Chinese but not in the English", word))
    for entity, where in missing.items():
        if not kept.get(entity) and len(where) >= CONSISTENT_RENDERING:
            continue
        for pair in where:
            side = "translation" if langs.is_chinese(pair.source_lang) else "source"
            findings.append(
                (pair, f"“{entity}” is in the English {side} but not in the Chinese", entity)
            )
    for pair, message, suggestion in findings:
        yield context.config.finding("entity-missing", message, pair, suggestion=suggestion)


_EN_WORD = re.compile(r"[a-z0-9][a-z0-9&.+-]*[a-z0-9+]|[a-z0-9]")


def _occurs(word: str, words: set[str]) -> bool:
    """Whole words of the English, a plural allowed (CEO ↔ CEOs); folding makes a hyphenated
    name (Kahler-Braaten) several words."""
    return all(
        part in words or f"{part}s" in words or f"{part}es" in words for part in word.split()
    )


def _mapped(entity: str, other_text: str, glossary) -> bool:  # type: ignore[no-untyped-def]
    """The glossary, the news acronyms (data/acronyms.json) or CC-CEDICT renders the entity
    (CPID ↔ 中国电力, UN ↔ 联合国, NASA ↔ 美国国家航空航天局, US ↔ 美元 "US dollar",
    3D ↔ 三维, BEIJING ↔ 北京) and the rendering is in the other text."""
    if glossary is not None:
        for term in glossary.approved.get(fold(entity), []):
            rendering = term.target if fold(term.source) == fold(entity) else term.source
            if fold(rendering) in other_text:
                return True
    from tm.align.lexicon import acronym_headwords

    if any(word in other_text for word in acronym_headwords(entity)):
        return True
    if any(fold(word) in other_text for word in _acronyms().get(entity, ())):
        return True
    return _defined_in(entity, other_text)


@lru_cache(maxsize=1)
def _acronyms() -> dict[str, list[str]]:
    text = resources.files("tm.checks").joinpath("data", "acronyms.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def _words_in(chinese: str, longest: int = 8) -> list[str]:
    """CC-CEDICT headwords found anywhere in the Chinese (every substring, not one
    segmentation: 美元 inside 万亿美元)."""
    from tm.align.lexicon import definitions

    table = definitions()
    return [
        chinese[i : i + n]
        for i in range(len(chinese))
        for n in range(2, longest + 1)
        if i + n <= len(chinese) and chinese[i : i + n] in table
    ]


def _defined_in(entity: str, chinese: str) -> bool:
    """A word of the Chinese whose CC-CEDICT definition names the entity as a whole word
    (美元 "US dollar" names US; 三维 "3D"; 北京 "Beijing" names BEIJING), or whose pinyin spells
    it (北京 ~ Beijing)."""
    from tm.align.lexicon import definitions, transliterates

    if not _HAN.search(chinese):
        return False
    table = definitions()
    word = re.compile(rf"(?<![\w-]){re.escape(entity)}(?![\w-])", re.IGNORECASE)
    for candidate in _words_in(chinese):
        if any(word.search(d) for d in table[candidate]):
            return True
    if entity.isalpha() and len(entity) >= 4:
        return any(
            transliterates(chinese[i : i + n], entity)
            for n in (2, 3, 4)
            for i in range(len(chinese) - n + 1)
        )
    return False


_HAN = re.compile(r"[\u4e00-\u9fff]")
