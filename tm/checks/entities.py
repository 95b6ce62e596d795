"""Latin acronyms, codes, URLs and e-mail addresses stay as they are in the translation
(CPID must appear in the Chinese if it is in the English), unless the glossary maps them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from tm import lang as langs
from tm.checks.chinese_names import unrendered_chinese_names
from tm.checks.core import CheckPair, Context
from tm.checks.latin_names import (
    english_name_runs,
    explained,
    mapped,
    shortened_only,
    unrendered_names,
    unrendered_ordinary_names,
)
from tm.checks.name_conventions import (
    apply_conventions,
    spelt_by_abbreviation,
    without_byline,
)
from tm.checks.name_evidence import LATIN, LATIN_WORD, POLICY, policy_words
from tm.checks.name_pairs import after_title, settle
from tm.checks.transliteration import lost_by_sound
from tm.model import Evidence, Finding
from tm.text.fold import fold

_URL = re.compile(r"\b(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef<>\"“”]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Acronyms and codes: two or more capitals (CPID, HKEX, 5G, COVID-19, R&D), or a product name
# starting in lower case (iPhone, eBay). Names like GlaxoSmithKline are translated (葛兰素史克).
# An acronym's plural is the acronym (CEOs, NGOs: 公司CEO们).
_TOKEN = re.compile(
    r"(?<![\w&])(?:[A-Z][A-Z0-9&]*[A-Z0-9](?=s(?![\w&]))|"
    r"(?:[A-Z][A-Z0-9&]*[A-Z0-9](?:-\d+)?|\d+[A-Z]+\d*|[a-z]+[A-Z][A-Za-z]*)(?![\w&]))"
)
#: Roman numerals and English words in capitals that are not names.
_NOT_ENTITIES = policy_words("not_entities")


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
#: An acronym a document drops this often, and never keeps, is one the translator renders
#: on purpose (ASL → 美国手语 throughout a talk): a choice, not a loss.
CONSISTENT_RENDERING: int = POLICY["consistent_rendering"]["value"]


def check_entities(pairs: list[CheckPair], context: Context) -> Iterator[Finding]:
    """English acronyms, codes, URLs and e-mails must be in the Chinese, unless the glossary
    or CC-CEDICT renders them and the rendering is there (NASA ↔ 美国国家航空航天局), or the
    document renders them the same way throughout; every Latin word inside the Chinese must
    be in the English."""
    missing: dict[str, list[CheckPair]] = {}
    kept: dict[str, int] = {}
    rendered: dict[str, int] = {}  # in Chinese words (ASL as 美国手语, then as 手语)
    findings: list[tuple[CheckPair, str, str | None]] = []
    glossary = context.glossary
    kept_latin = {  # Latin words the document's Chinese keeps (Kanner, in most segments)
        fold(word)
        for pair in pairs
        if pair.target is not None and pair.target_lang is not None
        for word in LATIN_WORD.findall(pair.target if langs.is_chinese(pair.target_lang) else "")
    }
    # A translator who keeps names in Latin (Dustin Hoffman, Autism Speaks in the Chinese)
    # keeps those made of ordinary words too: only then are they demanded.
    keeps_latin_names = any(
        _LATIN_NAME_IN_HAN.search(
            pair.target if langs.is_chinese(pair.target_lang) else pair.source
        )
        for pair in pairs
        if pair.target is not None and pair.target_lang is not None
    )
    document_english = " ".join(  # a place named once may be "the city" after
        pair.target if langs.is_chinese(pair.source_lang) else pair.source
        for pair in pairs
        if pair.target and pair.target_lang
    )
    for pair in pairs:
        if not pair.bilingual or not pair.target or pair.target_lang is None:
            continue
        if langs.is_chinese(pair.source_lang) == langs.is_chinese(pair.target_lang):
            continue
        # Names are checked both ways whichever side is the source: a pair gives the same
        # findings in either order (the side is only named in the message).
        zh_is_source = langs.is_chinese(pair.source_lang)
        zh, en = (pair.source, pair.target) if zh_is_source else (pair.target, pair.source)
        zh_side, en_side = ("source", "translation") if zh_is_source else ("translation", "source")
        zh_folded = fold(zh)
        story = without_byline(zh)  # the reporters' names: news English leaves them out
        chinese_lost = (
            unrendered_chinese_names(story, en, document_english)
            if _NAMES_HINT.search(story)
            else []
        )
        names = english_name_runs(en)
        # What the English says besides its names: a name by sound the dictionary translates
        # into it (奥斯卡 'Oscar (Academy Award)') renders none of them.
        en_rest = en
        for name in names:
            en_rest = en_rest.replace(name, " ")
        english_lost = (
            unrendered_names(names, zh, zh_folded, glossary, kept_latin, document_english, en_rest)
            if names
            else []
        )
        chinese_lost, english_lost = apply_conventions(zh, en, chinese_lost, english_lost)
        if (chinese_lost or english_lost) and names:
            unexplained = [
                run
                for run in (after_title(name, zh) for name in names)
                if not any(fold(w) in zh_folded for w in run.split())
                and not explained(run, zh, zh_folded, glossary, document_english)
            ]
            chinese_lost, english_lost = settle(
                story, en, unexplained, chinese_lost, english_lost, kept_latin
            )
        if _NAMES_HINT.search(story):  # 阿黛尔 with no English name left to render it
            chinese_lost = chinese_lost + lost_by_sound(story, en, chinese_lost, names, glossary)
        for name, wanted in chinese_lost:
            findings.append(
                (
                    pair,
                    f"“{name}” is in the Chinese {zh_side} but not in the English ({wanted})",
                    name,
                )
            )
        if keeps_latin_names:
            for name in unrendered_ordinary_names(en, zh, zh_folded, glossary):
                findings.append(
                    (
                        pair,
                        f"“{name}” is in the English {en_side} but the Chinese renders "
                        "nothing of it",
                        name,
                    )
                )
        if not _MAYBE_ENTITY.search(en) and not LATIN.search(zh) and not names:
            continue  # most pairs: nothing to keep
        en_folded = fold(en)
        for entity in entities(en):
            if fold(entity) in zh_folded:
                kept[entity] = kept.get(entity, 0) + 1
            elif not mapped(entity, zh_folded, glossary) and not spelt_by_abbreviation(entity, zh):
                missing.setdefault(entity, []).append(pair)
            else:
                rendered[entity] = rendered.get(entity, 0) + 1
        zh_plain = _EMAIL.sub(" ", _URL.sub(" ", zh))
        for match in _URL.finditer(zh):
            if fold(match.group()) not in en_folded:
                findings.append(
                    (pair, f"“{match.group()}” is in the Chinese but not in the English", None)
                )
        en_words = set(_EN_WORD.findall(en_folded))
        for word in dict.fromkeys(LATIN_WORD.findall(zh_plain)):
            if not LATIN.search(word):
                continue
            if _occurs(fold(word), en_words) or mapped(word, en_folded, glossary):
                continue
            findings.append((pair, f"“{word}” is in the Chinese but not in the English", word))
        if names:
            lost_names = english_lost + [
                n for n in shortened_only(names, en, zh) if n not in english_lost
            ]
            for name in lost_names:
                findings.append(
                    (
                        pair,
                        f"“{name}” is in the English {en_side} but the Chinese renders "
                        "nothing of it",
                        name,
                    )
                )
    for entity, where in missing.items():
        if not kept.get(entity) and len(where) + rendered.get(entity, 0) >= CONSISTENT_RENDERING:
            continue
        for pair in where:
            side = "translation" if langs.is_chinese(pair.source_lang) else "source"
            findings.append(
                (pair, f"“{entity}” is in the English {side} but not in the Chinese", entity)
            )
    for pair, message, suggestion in findings:
        finding = context.config.finding("entity-missing", message, pair, suggestion=suggestion)
        yield replace(finding, evidence=_evidence(pair, suggestion, message))


def _evidence(pair: CheckPair, name: str | None, message: str) -> tuple[Evidence, ...]:
    """The name's span on the side that has it, with what the other side should hold when
    the message says (“华为” … (no Huawei) → value Huawei)."""
    if not name:
        return ()
    wanted = re.search(r"\((?:no )?([^()]*?)(?: in pinyin.*)?\)$", message)
    for side, text in (("source", pair.source), ("target", pair.target or "")):
        start = text.find(name)
        if start >= 0:
            value = wanted.group(1) if wanted else None
            return (Evidence(side, name, start, start + len(name), value),)
    return ()


_EN_WORD = re.compile(r"[a-z0-9][a-z0-9&.+-]*[a-z0-9+]|[a-z0-9]")


def _occurs(word: str, words: set[str]) -> bool:
    """Whole words of the English, a plural allowed (CEO ↔ CEOs); folding makes a hyphenated
    name (Kahler-Braaten) several words."""
    return all(
        part in words or f"{part}s" in words or f"{part}es" in words for part in word.split()
    )


#: A capitalised Latin word inside Chinese text (Hoffman in 但在Dustin Hoffman扮演了).
_LATIN_NAME_IN_HAN = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?![A-Za-z])")


_NAMES_HINT = re.compile(r"[\u4e00-\u9fff]{2}")
