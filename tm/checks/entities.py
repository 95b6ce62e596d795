"""Latin acronyms, codes, URLs and e-mail addresses stay as they are in the translation
(CPID must appear in the Chinese if it is in the English), unless the glossary maps them."""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from tm import lang as langs
from tm.checks.core import CheckPair, Context
from tm.checks.name_pairs import (
    acronym_in,
    acronym_tail,
    later_surname,
    place_word_rendered,
    settle,
    spelt_by_initials,
    surname_spelling_in,
    time_zone,
    title_after,
)
from tm.lexicon.cache import cedict_table
from tm.model import Evidence, Finding
from tm.text.fold import fold
from tm.text.numbers import MONTHS


def _load_policy() -> dict[str, dict[str, Any]]:
    """The check's word lists and threshold, each with its source (data/entities.json)."""
    text = resources.files("tm.checks").joinpath("data", "entities.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


_POLICY = _load_policy()


def _words(key: str, field: str = "words") -> frozenset[str]:
    """A list of the policy as a set (a string of characters as its characters)."""
    return frozenset(_POLICY[key][field])


def _alternation(key: str, field: str = "words") -> str:
    """A list of the policy as a regular expression's alternatives, in its order."""
    return "|".join(re.escape(w) for w in _POLICY[key][field])


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
_NOT_ENTITIES = _words("not_entities")


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
CONSISTENT_RENDERING: int = _POLICY["consistent_rendering"]["value"]


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
        for word in _LATIN_WORD.findall(pair.target if langs.is_chinese(pair.target_lang) else "")
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
        chinese_lost = (
            _unrendered_chinese_names(zh, en, document_english) if _NAMES_HINT.search(zh) else []
        )
        names = _english_name_runs(en)
        # What the English says besides its names: a name by sound the dictionary translates
        # into it (奥斯卡 'Oscar (Academy Award)') renders none of them.
        en_rest = en
        for name in names:
            en_rest = en_rest.replace(name, " ")
        english_lost = (
            _unrendered_names(names, zh, fold(zh), glossary, kept_latin, document_english, en_rest)
            if names
            else []
        )
        if (chinese_lost or english_lost) and names:
            unexplained = [
                run
                for run in names
                if not any(fold(w) in fold(zh) for w in run.split())
                and not _explained(run, zh, fold(zh), glossary, document_english)
            ]
            chinese_lost, english_lost = settle(
                zh, en, unexplained, chinese_lost, english_lost, kept_latin
            )
        for name, wanted in chinese_lost:
            findings.append(
                (
                    pair,
                    f"“{name}” is in the Chinese {zh_side} but not in the English ({wanted})",
                    name,
                )
            )
        if keeps_latin_names:
            for name in _unrendered_ordinary_names(en, zh, fold(zh), glossary):
                findings.append(
                    (
                        pair,
                        f"“{name}” is in the English {en_side} but the Chinese renders "
                        "nothing of it",
                        name,
                    )
                )
        if not _MAYBE_ENTITY.search(en) and not _LATIN.search(zh) and not names:
            continue  # most pairs: nothing to keep
        zh_folded, en_folded = fold(zh), fold(en)
        for entity in entities(en):
            if fold(entity) in zh_folded:
                kept[entity] = kept.get(entity, 0) + 1
            elif not _mapped(entity, zh_folded, glossary):
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
        for word in dict.fromkeys(_LATIN_WORD.findall(zh_plain)):
            if not _LATIN.search(word):
                continue
            if _occurs(fold(word), en_words) or _mapped(word, en_folded, glossary):
                continue
            findings.append((pair, f"“{word}” is in the Chinese but not in the English", word))
        if names:
            lost_names = english_lost + [
                n for n in _shortened_only(names, en, zh) if n not in english_lost
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


def _mapped(entity: str, other_text: str, glossary) -> bool:  # type: ignore[no-untyped-def]
    """The glossary, the news acronyms (data/acronyms.json) or CC-CEDICT renders the entity
    (CPID ↔ 中国电力, UN ↔ 联合国, NASA ↔ 美国国家航空航天局, US ↔ 美元 "US dollar",
    3D ↔ 三维, BEIJING ↔ 北京) and the rendering is in the other text."""
    if glossary is not None:
        for term in glossary.approved.get(fold(entity), []):
            rendering = term.target if fold(term.source) == fold(entity) else term.source
            if fold(rendering) in other_text:
                return True
    from tm.lexicon.cedict import acronym_headwords

    if any(word in other_text for word in acronym_headwords(entity)):
        return True
    if any(fold(word) in other_text for word in _acronyms().get(entity, ())):
        return True
    if _defined_in(entity, other_text) or spelt_by_initials(entity, other_text):
        return True
    tail = acronym_tail(entity)  # microRNA ↔ 微小核糖核酸, by RNA
    return tail is not None and _mapped(tail, other_text, glossary)


@lru_cache(maxsize=1)
def _acronyms() -> dict[str, list[str]]:
    text = resources.files("tm.checks").joinpath("data", "acronyms.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@lru_cache(maxsize=4096)
def _words_in(chinese: str, longest: int = 8) -> list[str]:
    """CC-CEDICT headwords found anywhere in the Chinese (every substring, not one
    segmentation: 美元 inside 万亿美元)."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    return [
        chinese[i : i + n]
        for i in range(len(chinese))
        for n in range(2, longest + 1)
        if i + n <= len(chinese) and chinese[i : i + n] in table
    ]


@lru_cache(maxsize=1 << 16)
def _definition_words(headword: str) -> frozenset[str]:
    """The words of a headword's CC-CEDICT definitions, lower-cased and whole (us, 3d,
    covid-19, beijing), looked up by set instead of searched."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    texts = list(table.get(headword, ()))
    for definition in texts[:]:
        # "see 騰訊控股有限公司|腾讯控股有限公司[...]": the entry referred to (腾讯 is Tencent).
        see = _SEE.match(definition)
        if see:
            texts.extend(table.get(see.group(1), ()))
    return frozenset(
        word
        for definition in texts
        for word in re.findall(r"[\w][\w&-]*[\w]|\w", definition.lower())
    )


#: A CC-CEDICT cross-reference: "see TRADITIONAL|SIMPLIFIED[pinyin]" or "see SIMPLIFIED[pinyin]".
_SEE = re.compile(r"see (?:[^|\[\s]+\|)?([^|\[\s]+)\[")


@lru_cache(maxsize=1 << 14)
def _defined_in(entity: str, chinese: str) -> bool:
    """A word of the Chinese whose CC-CEDICT definition names the entity as a whole word
    (美元 "US dollar" names US; 三维 "3D"; 北京 "Beijing" names BEIJING), or whose pinyin spells
    it (北京 ~ Beijing)."""
    if not _HAN.search(chinese):
        return False
    wanted = entity.lower()
    if any(wanted in _definition_words(candidate) for candidate in _words_in(chinese)):
        return True
    if entity.isalpha() and len(entity) >= 4:
        return _pinyin_spells(chinese, entity)
    return False


def _pinyin_spells(chinese: str, latin: str) -> bool:
    """Some two to four Han characters of the Chinese spell `latin` in pinyin (北京 ~ Beijing,
    张敏 ~ Zhang Min). Only where a character's reading starts the name is it tried."""
    from tm.lexicon.pinyin import syllables as _syllables
    from tm.lexicon.pinyin import transliterates

    letters = re.sub(r"[^a-z]", "", latin.lower())
    if not letters:
        return False
    table = _syllables()
    return any(
        any(letters.startswith(s) for s in table.get(char, ()))
        and any(transliterates(chinese[i : i + n], latin) for n in (2, 3, 4))
        for i, char in enumerate(chinese)
    )


_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_IN_HAN = re.compile(r"[A-Za-z]{2,}")
#: A capitalised Latin word inside Chinese text (Hoffman in 但在Dustin Hoffman扮演了).
_LATIN_NAME_IN_HAN = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?![A-Za-z])")


# Names ------------------------------------------------------------------------------------------
_WORD_CAP = (  # Kahler-Braaten, O'Brien, Xi'an; not We've, You're
    r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+|['’](?!(?:ve|re|ll)\b)[a-z]{2,})*(?![A-Za-z])"
)
#: Lower-case particles inside a name (Bank of China, von der Leyen), in their listed order.
_PARTICLES = _alternation("name_particles")
_CAPITALISED = re.compile(  # a middle initial inside: Oliver E. Buckley Prize
    rf"(?<![\w’'-]){_WORD_CAP}(?:(?:\s+(?:{_PARTICLES}))?(?:\s+[A-Z]\.)?\s+{_WORD_CAP})*"
)
_SENTENCE_START = re.compile(r"(?:[.!?:;\"“”\u2014\u2013\[(-]\s*|\s--\s*)$")
#: Capitalised words that are not names a translation must keep.
_NOT_NAMES = (
    _words("not_names") | {m.title() for m in MONTHS} | set(calendar.day_name)
)  # dates: the number check's
#: Characters of the standard transliteration of foreign names (Xinhua's tables): a run of them
#: in the Chinese is a name rendered by sound (Kanner → 坎纳), which no dictionary lists.
_TRANSLITERATION = _words("transliteration", "characters")


_MONTH_ABBREVIATION = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?=\s+\d))"
)
_TRANSLITERATION_RUN = re.compile(f"[{''.join(sorted(_TRANSLITERATION))}]{{2,}}")


@lru_cache(maxsize=4096)
def _english_name_runs(en: str) -> list[str]:
    """Runs of capitalised words that name someone or something: not a lone word starting a
    sentence (So, When), not an acronym (those are entities above)."""
    runs = []
    en = _MONTH_ABBREVIATION.sub(lambda m: " " * len(m.group()), en)  # Dec. 8: a date
    for m in _CAPITALISED.finditer(en):
        words = [w for w in m.group().split() if w[:1].isupper()]
        if (
            (m.start() == 0 or _SENTENCE_START.search(en[max(0, m.start() - 4) : m.start()]))
            and _ordinary(words[0])
            and (len(words) == 1 or words[1] in _NOT_NAMES)
        ):
            words = words[1:]  # a word starting a sentence (Remember, Crucially), not Kanner
        words = [w for w in words if w not in _NOT_NAMES]
        if all(_ordinary(w) for w in words) and not _pinyin_name(words):
            # Ordinary words: a title (President) or a name translated by meaning (Video Music
            # Awards); only names that no dictionary writes in lower case are demanded.
            continue
        if words:
            runs.append(" ".join(words))
    return list(dict.fromkeys(runs))


_ARTICLES = frozenset({"The", "A", "An"})


@lru_cache(maxsize=4096)
def _ordinary_name_runs(en: str) -> list[str]:
    """Runs of capitalised ordinary words inside a sentence, which name a product, a show or a
    body (running Windows, "The Bachelor", Autism Speaks): a dictionary writes each word in
    lower case, so `_english_name_runs` leaves them out. Not a sentence's first word, nor a
    title's article."""
    runs = []
    en = _MONTH_ABBREVIATION.sub(lambda m: " " * len(m.group()), en)
    for m in _CAPITALISED.finditer(en):
        words = [w for w in m.group().split() if w[:1].isupper()]
        if m.start() == 0 or _SENTENCE_START.search(en[max(0, m.start() - 4) : m.start()]):
            # A sentence's or a quotation's first word ("You know", [Common time]); of a
            # title, its article only (“The Bachelor”).
            words = words[1:] if words[0] not in _ARTICLES else words
        words = [w for w in words if w not in _NOT_NAMES and w not in _ARTICLES]
        if words and all(_ordinary(w) for w in words) and not _pinyin_name(words):
            runs.append(" ".join(words))
    return list(dict.fromkeys(runs))


def _translated(word: str, zh: str) -> bool:
    """Some word of the Chinese translates `word` or its singular (Windows ↔ 窗户 "window")."""
    lowered = word.lower()
    forms = {lowered, lowered.removesuffix("s"), lowered.removesuffix("es")}
    if lowered.endswith("ies"):
        forms.add(lowered[:-3] + "y")
    return any(_defined_in(form, zh) for form in forms if form)


def _translation_taken(word: str, run: str, en: str, zh: str) -> bool:
    """The Chinese translates the word of a name only as often as the English says it outside
    the name ("Autism Speaks … refer to autism": 自闭症 once, for the second): that translation
    is the other mention's, not the name's."""
    lowered = word.lower()
    pattern = rf"(?<![a-z]){re.escape(lowered)}(?![a-z])"
    outside = len(re.findall(pattern, en.lower())) - len(re.findall(re.escape(run), en))
    if outside <= 0:
        return False
    candidates = {c for c in _words_in(zh) if lowered in _definition_words(c)}
    # The longest candidates, each counted where no longer one covers it.
    taken = 0
    covered: set[int] = set()
    for candidate in sorted(candidates, key=len, reverse=True):
        for m in re.finditer(re.escape(candidate), zh):
            span = set(range(m.start(), m.end()))
            if not span & covered:
                covered |= span
                taken += 1
    return taken <= outside


def _unrendered_ordinary_names(en: str, zh: str, zh_folded: str, glossary) -> list[str]:  # type: ignore[no-untyped-def]
    """Names made of ordinary words (running Windows, "The Bachelor") that a translator who
    keeps names in Latin neither kept nor translated: none of their words is in the Chinese, in
    Latin or by a dictionary word, and no name by sound or title is left to render them."""
    missing = [
        run
        for run in _ordinary_name_runs(en)
        if not any(
            fold(w) in zh_folded or (_translated(w, zh) and not _translation_taken(w, run, en, zh))
            for w in run.split()
        )
        and not _mapped(run, zh_folded, glossary)
    ]
    if not missing or _names_left(zh, 0, en):
        return []
    return missing


def _pinyin_name(words: list[str]) -> bool:
    """A Chinese name in pinyin (Gao Ping, Li Wei): a surname and a given name, each made of
    pinyin syllables, though English has words spelt so (ping, wei)."""
    if len(words) != 2 or words[0].lower() not in _surname_readings():
        return False
    return _is_pinyin(words[1].lower().replace("-", ""))


@lru_cache(maxsize=1)
def _surname_readings() -> frozenset[str]:
    from tm.lexicon.pinyin import syllables as _syllables

    table = _syllables()
    return frozenset(s for ch in _SURNAMES for s in table.get(ch, ()) if s.isalpha())


@lru_cache(maxsize=1)
def _lowercase_words() -> frozenset[str]:
    """English words CC-CEDICT's definitions write in lower case: ordinary words, which a
    capital at the start of a sentence does not make a name."""
    from tm.lexicon.cedict import definitions

    words: set[str] = set()
    for entry in definitions().values():
        for definition in entry:
            words.update(re.findall(r"\b[a-z]+\b", definition))
    return frozenset(words)


def _ordinary(word: str) -> bool:
    lowered = word.lower()
    known = _lowercase_words()
    return any(
        form in known
        for form in (
            lowered,
            lowered.removesuffix("s"),
            lowered.removesuffix("es"),
            lowered.removesuffix("ly"),
            lowered.removesuffix("ally"),
            lowered.removesuffix("rs"),  # rescuers: rescue
            lowered.removesuffix("ies") + "y",
        )
    )


def _names_left(zh: str, taken: int, en: str = "") -> bool:
    """Whether the Chinese holds more names than `taken` (those rendered by the dictionary):
    runs of two or more transliteration characters, leaving out ordinary words made of them
    (意大利 is a word of the dictionary and a name; 马上 is not), names joined by a middle dot,
    titles in 《》 or “”, and personal names by jieba's tagger (tagged last: it is slow)."""
    from tm.lexicon.cedict import definitions
    from tm.lexicon.tokenizer import tagged_tokens

    table = definitions()
    count = len(re.findall(r"[\u4e00-\u9fff]+·[\u4e00-\u9fff]+", zh))  # 瑞秋·宾克斯
    # Titles: 《坏女权主义者》, “三联画” (a quotation of a sentence is no name).
    # A title CC-CEDICT translates into what the English says (“雨人” 'Rain Man') renders
    # that, not another name.
    count += sum(
        1
        for title in re.findall(r"《([^》]+)》|“([^”，。！？,.!?]{1,12})”", zh)
        if not _dictionary_rendering_in("".join(title), en)
    )
    for m in _TRANSLITERATION_RUN.finditer(zh):
        entry = table.get(m.group())
        if entry and not any(d[:1].isupper() for d in entry):
            continue  # a common word (马上, 利用)
        if _dictionary_rendering_in(m.group(), en) or _longer_rendering_in(
            zh, m.start(), m.end(), en
        ):
            continue  # 奥斯卡 'Oscar (Academy Award)' for the Academy Awards
        count += 1
    if count > taken:
        return True
    count += sum(  # 黄沙, 高平; not a verb the tagger takes for a name (扶正 "to set upright")
        1
        for token, tag in tagged_tokens(zh)
        if tag == "nr"
        and not any(d.startswith("to ") for d in table.get(token, ()))
        and not _dictionary_rendering_in(token, en)
    )
    return count > taken


def _longer_rendering_in(zh: str, start: int, end: int, en: str) -> bool:
    """A CC-CEDICT word that goes on past a run of transliteration characters renders it
    (迪斯尼|乐园 'Disneyland'): the run is no name left over to render another."""
    return any(
        _dictionary_rendering_in(zh[start:stop], en)
        for stop in range(end + 1, min(len(zh), start + 8) + 1)
    )


def _dictionary_rendering_in(word: str, en: str) -> bool:
    """A capitalised name CC-CEDICT gives the word, or the one in its first brackets, is in the
    English as written (雨人 'Rain Man'; 奥斯卡 'Oscar (Academy Award)', the Academy Awards;
    not 诺贝尔 'Nobel (Prize)' for "the prize")."""
    from tm.lexicon.cedict import definitions

    if not en:
        return False
    for definition in definitions().get(word, ()):
        # 'Oscar (Academy Award)': the name and the name in brackets.
        definition = re.sub(r"^\([^)]*\)\s*", "", definition)  # (film industry) …
        for part in re.split(r"[,;()]", definition)[:3]:
            head = part.strip()
            if head[:1].isupper() and re.search(rf"(?<![\w-]){re.escape(head)}s?(?![\w-])", en):
                return True
    return False


def _unrendered_names(  # type: ignore[no-untyped-def]
    runs: list[str],
    zh: str,
    zh_folded: str,
    glossary,
    kept: set[str],
    document_english: str = "",
    en_rest: str = "",
) -> list[str]:
    """English names of the source the Chinese renders in no way: not kept in Latin, not by the
    glossary or a dictionary word, not spelt in pinyin, and more of them than the Chinese has
    names rendered by sound. (A name the translator kept in Latin and then lost.)"""
    missing = []
    partial: list[str] = []  # CC-CEDICT names in pinyin lost from a name rendered in part
    by_dictionary = 0  # names rendered in Han characters: each holds one of the runs counted
    for run in runs:
        words = run.split()
        kept_words = [w for w in words if fold(w) in zh_folded]
        if kept_words:
            # A name the Chinese keeps in Latin is kept whole: "Lorna and John" as only John,
            # Iris van Herpen as van Herpen lose a name.
            lost = [
                w
                for w in words
                if w not in kept_words
                and _LATIN_IN_HAN.search(zh)
                # An ordinary word is lost only when nothing translates it: President of
                # President Obama is 总统, but Iris of Iris van Herpen is nothing.
                and (not _ordinary(w) or not _defined_in(w, zh))
            ]
            if lost and all(fold(w) not in zh_folded for w in lost):
                missing.append(" ".join(lost))
            continue
        if _explained(run, zh, zh_folded, glossary, document_english):
            by_dictionary += 1
            parts = run.replace("-", " ").split()  # Ningbo-Zhoushan Port: two cities and a port
            partial += _lost_pinyin_names(run, parts, zh, zh_folded, glossary)
            continue
        missing.append(run)
    if not missing:
        return partial
    # A name the document's Chinese keeps in Latin elsewhere is lost here; otherwise only when
    # the Chinese has no name rendered by sound or title left over to render it.
    again = [run for run in missing if any(fold(w) in kept for w in run.split())]
    if again or _names_left(zh, by_dictionary, en_rest):
        return again + partial
    return missing + partial


def _lost_pinyin_names(  # type: ignore[no-untyped-def]
    run: str, parts: list[str], zh: str, zh_folded: str, glossary
) -> list[str]:
    """Words of a name the Chinese renders in part (Chongqing Expressway Group as 高速集团,
    Expressway Group) that are a CC-CEDICT name spelt in its own pinyin (Chongqing, 重庆),
    written by no Han characters of the Chinese: lost from it. Only when the name as a whole
    is no glossary or dictionary rendering."""
    if _mapped(run, zh_folded, glossary) or _spelt(" ".join(parts), zh):
        return []
    table = _names_in_pinyin()
    return [
        w
        for w in parts
        if w.lower() in table
        and w[:1].isupper()
        and fold(w) not in zh_folded
        and not any(h in zh for h in table[w.lower()])
        and not _defined_in(w, zh)
    ]


@cedict_table("names-in-pinyin-2")
def _names_in_pinyin() -> dict[str, frozenset[str]]:
    """CC-CEDICT names of two characters or more whose English name is their own pinyin
    (Chongqing 重庆, Shenzhen 深圳; not a surname, Zhang), by that name in lower case, with
    their headwords (kept in the cache folder: parsing CC-CEDICT takes a second)."""
    from tm.lexicon.cedict import entries

    out: dict[str, set[str]] = {}
    for entry in entries():
        definitions = entry.get("definitions") or ()
        first = str(next(iter(definitions), ""))  # type: ignore[call-overload]
        word = re.match(r"[A-Z][a-z]+", first)
        pinyin = re.sub(r"[^a-z]", "", str(entry.get("pinyin", "")).lower())
        simplified = str(entry["simplified"])
        if word and len(simplified) >= 2 and word.group().lower() == pinyin:
            out.setdefault(pinyin, set()).add(simplified)
    return {k: frozenset(v) for k, v in out.items()}


_ZH_PERSONAL = re.compile(r"(?<!其)[他她]")
_EN_PERSONAL = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


def _shortened_only(runs: list[str], en: str, zh: str) -> list[str]:
    """A name the English says on its own and again inside a longer name (Danny, and Danny
    Kahneman), which the Chinese keeps in Latin only inside the longer one: the mention on its
    own was lost ("而和我分享了" for "and Danny shared with me"). Counted as the place rule
    counts 粤 of 粤港澳大湾区: a mention inside a longer name is that name's."""

    def alone(name: str, text: str, longer: list[str]) -> int:
        spans = [
            (m.start(), m.end())
            for other in longer
            for m in re.finditer(rf"(?<![A-Za-z]){re.escape(other)}(?![A-Za-z])", text)
        ]
        return sum(
            1
            for m in re.finditer(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text)
            if not any(a <= m.start() and m.end() <= b for a, b in spans)
        )

    # A pronoun the Chinese has more of than the English may stand for the mention (Lorna …
    # 她改变了这个领域).
    if len(_ZH_PERSONAL.findall(zh)) > len(_EN_PERSONAL.findall(en)):
        return []
    lost = []
    for run in runs:
        longer = [r for r in runs if r != run and re.search(rf"\b{re.escape(run)}\b", r)]
        if not longer or run not in zh:
            continue
        if alone(run, en, longer) > 0 and alone(run, zh, longer) == 0:
            lost.append(run)
    return lost


def _explained(  # type: ignore[no-untyped-def]
    run: str, zh: str, zh_folded: str, glossary, document_english: str = ""
) -> bool:
    """The Chinese renders the English name run (not kept in Latin): by the glossary or a
    dictionary word, its pinyin, a place it is the adjective of, or a person's surname spelt
    otherwise than in pinyin."""
    parts = run.replace("-", " ").split()  # Ningbo-Zhoushan Port: two cities and a port
    return (
        _mapped(run, zh_folded, glossary)
        or any(_defined_in(w, zh) for w in parts)
        or _spelt(" ".join(parts), zh)
        or place_word_rendered(run, zh)  # Egyptian ↔ 埃及, Swedish kronor ↔ 瑞典克朗
        or surname_spelling_in(run, zh, document_english)  # Nancy Ip ↔ 叶玉如
    )


def _spelt(name: str, zh: str) -> bool:
    """The name is the pinyin of some Han characters of the Chinese (Zhang Min ~ 张敏)."""
    return _pinyin_spells(zh, name)


#: Common surnames (a rarer one counts after a title: `_rare_surname`).
_SURNAMES = _words("surnames", "characters")


_NAMES_HINT = re.compile(r"[\u4e00-\u9fff]{2}")
_PLACE_SUFFIX = re.compile(f"(?:{_alternation('place_suffixes')})$")


def _unrendered_chinese_names(zh: str, en: str, document_english: str) -> list[tuple[str, str]]:
    """Chinese names in a Chinese source that the English renders in no way. People (a surname
    and a given name, by jieba's tagger): neither the pinyin of the whole name (Zhang Liqun)
    nor the surname as a word (Eddie Wu for 吴泳铭). Places and organisations CC-CEDICT names
    (杭州 Hangzhou, 甘肃 Gansu, 华为 Huawei): neither the dictionary's name, its pinyin, nor
    anywhere in the document's English (news English calls a place named before "the city")."""
    from tm.lexicon.cedict import acronym_headwords, definitions
    from tm.lexicon.pinyin import pinyin_forms
    from tm.lexicon.pinyin import syllables as _syllables
    from tm.lexicon.tokenizer import tagged_tokens

    lowered = en.lower()
    document_lowered = document_english.lower()
    letters = re.sub(r"[^a-z]", "", lowered)
    words = set(re.findall(r"[a-z]+", lowered))
    found = []
    position = 0
    unknown: list[tuple[int, str]] = []  # names the tagger finds that CC-CEDICT lacks whole
    tag_of: dict[int, str] = {}
    tagged = _joined_third_characters(_joined_surnames(tagged_tokens(zh)))
    spans: list[tuple[int, int]] = []
    for token, _tag in tagged:
        start = zh.find(token, spans[-1][1] if spans else 0)
        spans.append((start, start + len(token)) if start >= 0 else (-1, -1))
    # Characters of places the dictionary knows whole (秘鲁 in 秘鲁利马): a neighbour made of
    # them is a name of its own, not the rest of a name by sound.
    known_place = {
        i
        for (token, tag), (a, b) in zip(tagged, spans, strict=True)
        if tag in _PLACE_TAGS and a >= 0 and _place_names(token, definitions())
        for i in range(a, b)
    }

    def around(a: int, b: int) -> str:
        return "".join(zh[i] for i in (a - 1, b) if 0 <= i < len(zh) and i not in known_place)

    for index, (token, tag) in enumerate(tagged):
        start, position = spans[index]
        if start < 0:
            continue
        if tag in _NAME_TAGS and not (tag in _PLACE_TAGS and _place_names(token, definitions())):
            unknown.append((start, token))
            tag_of[start] = tag
        if tag != "nr" and _framed_person(tagged, index):
            tag = "nr"  # 首席经济学家温彬认为: a title, a name, a verb of saying
        if (
            tag == "nr"
            and 2 <= len(token) <= 3
            and (_surname(tagged, index) or tagged[index][1] != "nr")
            and token[-1] not in _ABBREVIATION_ENDS  # 卫健委: a body's short name, no person
        ):
            heads = _name_heads(token) if token in definitions() else ()
            if token in definitions() and not heads:
                continue  # a word the tagger takes for a name (谢谢, 张力, 高明)
            if heads and (
                _rendered(token, heads, lowered, letters, en, document_english)
                or _alias_in(token, en)
            ):
                continue  # a name the dictionary knows (马化腾 Ma Huateng, 罗斯 Ross)
            after = zh[position : position + 1]
            before = zh[start - 1 : start] if start > 0 else ""
            if (after and (after in _TRANSLITERATION or after == "·")) or before == "·":
                continue  # a foreign name by sound (冯德|莱恩 for von der Leyen)
            if all(c in _TRANSLITERATION for c in token) and _english_names_left(zh, en):
                continue  # 罗斯 for Ross; but 朱琳 is Zhu Lin when no English name is left
            if _rendered_by_meaning(token, words, definitions()):
                continue  # 夏粮 "summer grain": a word CC-CEDICT lacks whole, translated
            forms = pinyin_forms(token)
            if not forms or any(form in letters for form in forms):
                continue
            if _spelt_surname(token, en) or later_surname(token, en, document_english):
                continue  # Joe Tsai for 蔡崇信: the surname as Wade-Giles or Cantonese spell it
            surnames = _syllables().get(token[0], frozenset()) & words
            if surnames:
                wrong = _misspelt_given_name(token, surnames, en)
                if wrong:
                    found.append((token, f"{sorted(forms)[0].title()} in pinyin, not {wrong}"))
                elif token[1:] not in _HONORIFICS_ZH and _surname_alone(
                    token, surnames, en, document_english, tagged[index - 1][0] if index else ""
                ):
                    found.append((token, _whole_name_wanted(token, surnames)))
                continue
            wanted = _shown(heads[0]) if heads else sorted(forms)[0].title()
            found.append((token, f"no {wanted}"))  # 彭博社: no Bloomberg
        elif tag in _PLACE_TAGS:
            place = _place_names(token, definitions())
            if not place:
                continue
            if _inside_word(zh, start, position):
                # 香港|交易所: the place begins a longer name; it is rendered by that name or
                # by the place's own (Hong Kong Stock Exchange, the Hong Kong bourse).
                whole = _enclosing_name(zh, start, position)
                if whole and time_zone(whole[0]):
                    continue  # 北京时间: the English converts the time, names no zone
                if whole and not any(n.lower()[:4] in lowered for n in place):
                    word, heads = whole
                    if not _rendered(
                        word, heads, lowered, letters, en, document_english
                    ) and not _alias_in(word, en):
                        found.append((word, f"no {_shown(heads[0])}"))
                continue
            if _inside_sound_name(token, around(start, position)):
                continue  # 普拉|多 (Prado): a piece of a longer name by sound
            if _in_acronym(place, zh, position, en):
                continue  # 中国电力 ↔ CPID: the place begins a name the English abbreviates
            stem = _PLACE_SUFFIX.sub("", token)
            spelt = pinyin_forms(stem) if len(stem) >= 2 else frozenset()
            if any(form in letters for form in spelt):
                continue
            heads = _name_heads(token) or _name_heads(stem)
            if heads:
                # Every word of one of its names (People's Bank of China, not "People's Bank
                # of"); China for Chinese.
                if not _rendered(
                    token, heads, lowered, letters, en, document_english
                ) and not title_after(zh, position, en):
                    found.append((token, f"no {_shown(heads[0])}"))
                continue
            if any(name.lower()[:4] in lowered for name in place):
                continue  # Hangzhou, Asia; China for Chinese
            if any(
                re.search(rf"(?<![a-z]){re.escape(fold(a))}(?![a-z])", lowered)
                for a in _renderings_of(token)
            ):
                continue  # 阿联酋 ↔ UAE, 美国 ↔ America
            if any(name.lower() in document_lowered for name in place):
                continue
            if any(token in acronym_headwords(a) for a in re.findall(r"\b[A-Z]{2,}\b", en)):
                continue  # 麻省理工学院 ↔ MIT
            found.append((token, f"no {place[0]}"))
    for index, (token, tag) in enumerate(tagged[:-1]):
        # A noun before the company word (小米公司) or a model number (波音787-9, the Boeing
        # 787-9: 波音 is also "mordent"), not a modifier (现代公司治理 "modern
        # corporate governance", 现代 tagged as a time word, is no Hyundai).
        if (
            spans[index][0] >= 0
            and (tagged[index + 1][0] in _COMPANY_WORDS or _MODEL.match(zh, spans[index][1]))
            and tag[:1] in ("n", "j")
        ):
            heads = _company_heads(token)  # 小米公司: Xiaomi, though 小米 is also millet
            if heads and not (
                _rendered(token, heads, lowered, letters, en, document_english)
                or _alias_in(token, en)
            ):
                found.append((token, f"no {_shown(heads[0])}"))
    for word, renderings in _standing_names().items():
        if word in zh and not any(
            re.search(rf"(?<![a-z]){re.escape(r.lower())}", text)
            for r in renderings
            for text in (lowered, document_lowered)  # the document says China elsewhere
        ):
            found.append((word, f"no {renderings[0]}"))  # 我国: China, or the country
    for offset, token in unknown:
        before = zh[offset - 1 : offset] if offset else ""
        if token[0] in "日月年" and before and (before.isdigit() or before in _ZH_NUMERALS):
            continue  # 8日电: a dateline, not NEC (日电)
        if _inside_sound_name(token, around(offset, offset + len(token))):
            continue
        for start, end, word, heads in _dictionary_names(token):
            start, end = start + offset, end + offset
            if (
                tag_of[offset] in _COMMON_TAGS
                and all(len(h) < 2 for h in heads)
                and not _a_place(word)
                and not _MODEL.match(zh, end)  # 空客A350: the maker of a model, Airbus
            ):
                continue  # a common noun's tag, one word: 电视剧 "TV series" is no name
            if _inside_sound_name(word, around(start, end)):
                continue  # 普拉|多博物馆 (the Prado): a piece of a longer name by sound
            if _straddled(zh, start, end) and not _a_place(word):
                continue  # 卫生部门 "health departments": 部门 is a word, 卫生部 no ministry
            if _rendered(word, heads, lowered, letters, en, document_english):
                continue
            if title_after(zh, end, en):
                continue  # 国务院总理 "Premier": the title names the office
            if _in_acronym([w for head in heads for w in head], zh, end, en):
                continue
            found.append((word, f"no {_shown(heads[0])}"))
    found += _cut_dictionary_names(zh, tagged, spans, en, document_english, found)
    if _LATIN.search(zh):
        found += _rendered_only_by_kept_latin(zh, en, found)
    found += _outnumbered_places(zh, en, tagged, spans, found)
    found += [f for f in _spelt_short_of_acronym(zh, en) if not any(f[0] in w for w, _ in found)]
    for acronym, word in _bodies_in(zh):
        if not any(word in w for w, _ in found) and not _body_rendered(
            acronym, word, en, document_english
        ):
            found.append((word, f"no {acronym}"))  # 亚奥理事会: OCA, or Olympic Council of Asia
    return found


def _rendered_only_by_kept_latin(
    zh: str, en: str, found: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """A CC-CEDICT name whose English rendering the Chinese also keeps in Latin beside it
    (微信及WeChat, 'Weixin and WeChat'): the English WeChat is the Latin one's, and 微信 wants
    a rendering of its own (Weixin). Latin in brackets glosses the name before it
    (微信（WeChat）, 中国商飞公司（COMAC）), and so does Latin right beside it (华为Huawei): one
    mention."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    more: list[tuple[str, str]] = []
    for start, end, word, heads in _dictionary_names(zh):
        if any(word in w or w in word for w, _ in found):
            continue
        rest = en
        for m in _LATIN_WORD.finditer(zh):
            if re.search(r"[（(]\s*$", zh[: m.start()]):
                continue  # 微信（WeChat）, 中国商飞公司（COMAC）: a gloss of the name before
            if (m.start() >= end and not zh[end : m.start()].strip()) or (
                m.end() <= start and not zh[m.end() : start].strip()
            ):
                continue  # 华为Huawei, Huawei 华为: the name and its gloss side by side
            if word not in _renderings_of(m.group()) and not any(
                m.group() in d for d in table.get(word, ())
            ):
                continue
            rest = re.sub(rf"(?<![\w]){re.escape(m.group())}(?![\w])", " ", rest, count=1)
        if rest == en:
            continue
        lowered = rest.lower()
        if not _rendered(
            word, heads, lowered, re.sub(r"[^a-z]", "", lowered), rest, ""
        ) and not _alias_in(word, rest):
            more.append((word, f"no {_shown(heads[0])} besides the Latin name the Chinese keeps"))
    return more


def _cut_dictionary_names(
    zh: str,
    tagged: list[tuple[str, str]],
    spans: list[tuple[int, int]],
    en: str,
    document_english: str,
    found: list[tuple[str, str]],
) -> list[tuple[str, str]]:
    """CC-CEDICT names the tagger cut into whole tokens, one of them tagged as a name (物|联网,
    'Internet of things', cut 物 and 联网 nz): the token loop sees only the pieces. Only runs
    of tokens around one tagged as a proper noun or abbreviation are looked up, longest
    first."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    lowered = en.lower()
    letters = re.sub(r"[^a-z]", "", lowered)
    more: list[tuple[str, str]] = []
    windows = sorted(
        {
            (first, last)
            for i, (_token, tag) in enumerate(tagged)
            if tag in _NAME_TAGS and tag not in _COMMON_TAGS  # 联网 nz, 京沪 j; not any noun
            for first in range(max(0, i - 3), i + 1)
            for last in range(i, min(len(tagged), i + 4))
            if first < last and spans[first][0] >= 0 and spans[last][0] >= 0
        },
        key=lambda w: spans[w[0]][0] - spans[w[1]][1],
    )
    for first, last in windows:
        start, end = spans[first][0], spans[last][1]
        word = zh[start:end]
        if len(word) > 8 or word not in table:
            continue
        heads = _name_heads(word)
        if not heads or any(word in w or w in word for w, _ in found + more):
            continue
        head_token, head_tag = tagged[first]
        if head_tag in _PLACE_TAGS and _place_names(head_token, table):
            continue  # 香港|交易所: the place rule above judges a name that begins with a place
        if _straddled(zh, start, end) or _inside_sound_name(word, zh[start - 1 : start]):
            continue
        if _rendered(word, heads, lowered, letters, en, document_english) or _alias_in(word, en):
            continue
        if _in_acronym([w for head in heads for w in head], zh, end, en):
            continue
        more.append((word, f"no {_shown(heads[0])}"))
    return more


def _outnumbered_places(
    zh: str,
    en: str,
    tagged: list[tuple[str, str]],
    spans: list[tuple[int, int]],
    found: list[tuple[str, str]],
) -> list[tuple[str, str]]:
    """A place of one name (广东 Guangdong, 中国 China) the Chinese names on its own and again
    inside another name, by its name or its short one (粤 in 粤港澳大湾区 'Guangdong-Hong
    Kong-Macao Greater Bay Area', 中 in 中韩 'China-South Korea'), which the English renders
    with the place's name: the English must then say the place at least once more. Mentions
    of the place on its own count once (a place named may be "the city" after)."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    lowered = en.lower()
    if _PLACE_BY_KIND.search(lowered):
        return []
    more: list[tuple[str, str]] = []
    names: list[tuple[int, int, str, tuple[tuple[str, ...], ...]]] | None = None
    seen: set[str] = set()
    for token, tag in tagged:
        if tag not in _PLACE_TAGS or token in seen or any(w == token for w, _ in found):
            continue
        seen.add(token)
        heads = _name_heads(token)
        if not heads or any(len(h) != 1 for h in heads) or not _place_names(token, table):
            continue  # one word: 美国 is also the United States, USA, US
        place = [h[0] for h in heads]
        said = sum(len(re.findall(rf"(?<![A-Za-z]){_stem(p)}", en)) for p in place)
        if not said:
            continue  # not said at all: the other rules' to flag
        alone = [
            (a, b)
            for (t, _g), (a, b) in zip(tagged, spans, strict=True)
            if t == token and a >= 0 and not _inside_word(zh, a, b)
        ]
        if not alone:
            continue
        short = {c for c in set(zh) if _short_name(c, token, place, table)}
        if names is None:
            names = _dictionary_names(zh)
        inside = [
            (word, head)
            for a, b, word, word_heads in names
            if word != token
            and not any((a < y and x < b) or a == y for x, y in alone)  # 北京|首都国际机场
            and (token in word or short & set(word))
            for head in word_heads
            if head[0] not in place  # 上海市 is 上海 again, Shanghai
            and any(part in place for w in head for part in w.split("-"))
            and _head_said(head, lowered)
        ]
        inside += _words_of_place(tagged, spans, alone, short, place, en)
        if said < 1 + len(inside):
            word, head = inside[0]
            more.append((token, f"no {place[0]} outside {word} “{_shown(head)}”"))
    return more


#: "The province", "the country": a place named may be said so instead of by its name.
_PLACE_BY_KIND = re.compile(
    rf"\b(?:the|its|this)\s+(?:{_alternation('place_gloss', 'kinds')}|country|nation|region)\b"
)


def _words_of_place(
    tagged: list[tuple[str, str]],
    spans: list[tuple[int, int]],
    alone: list[tuple[int, int]],
    short: set[str],
    place: list[str],
    en: str,
) -> list[tuple[str, tuple[str, ...]]]:
    """Common words that say the place by its short name (中方 'the Chinese side'), which the
    English renders with the place's word (the Chinese delegation): each is a mention."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    stems = [re.compile(rf"(?<![A-Za-z]){_stem(p)}\w*") for p in place]
    out: list[tuple[str, tuple[str, ...]]] = []
    for (token, _tag), (a, b) in zip(tagged, spans, strict=True):
        if a < 0 or len(token) < 2 or not short & set(token) or (a, b) in alone:
            continue
        said = {
            m.group()
            for d in table.get(token, ())
            if d[:1].islower()
            for stem in stems
            for m in stem.finditer(d)
        }
        if any(re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", en) for w in said):
            out.append((token, tuple(sorted(said))))
    return out


def _short_name(char: str, token: str, place: list[str], table: dict[str, list[str]]) -> bool:
    """CC-CEDICT gives the character as the place's short name (粤 'short name for Guangdong
    广东', 中 'China', 沪 'short name for Shanghai')."""
    return any(
        token in d
        or d.strip() in place
        or re.search(rf"(?:short name|abbr\.) for (?:{'|'.join(map(re.escape, place))})\b", d)
        for d in table.get(char, ())
    )


def _head_said(head: tuple[str, ...], lowered: str) -> bool:
    """The English says this name of a word: two words in three, or one of two (China and
    South Korea for 'China-South Korea')."""
    words = [p.lower() for w in head if w != "of" for p in w.split("-")]
    present = sum(1 for w in words if re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", lowered))
    return 3 * present >= 2 * len(words)


def _stem(name: str) -> str:
    """A place's name as the English says it in any form (China, Chinese; Guangdong), as a
    pattern: the rendering rule's stem."""
    stem = name[: len(name) - 2 if len(name) >= 6 else max(3, len(name) - 1)]
    return re.escape(stem[0]) + "(?i:" + re.escape(stem[1:]) + ")"


_BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{2,})\)")


def _spelt_short_of_acronym(zh: str, en: str) -> list[tuple[str, str]]:
    """Places of a Chinese name lost from the English name spelt out beside the acronym both
    sides keep: 亚洲奥林匹克理事会（OCA） as "Olympic Council (OCA)", whose initials spell less
    than OCA, loses Asia, though "Asian Games" later in the sentence says Asia's name. A name
    whose initials spell its acronym, or spell none of it in order (TEPCO, COMAC from syllables:
    only with a place of the Chinese name missing whose initial the acronym has), is whole."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    found: list[tuple[str, str]] = []
    for m in _BRACKETED_ACRONYM.finditer(en):
        acronym = m.group(1)
        kept = re.search(rf"[(（]{acronym}[)）]", zh)
        if not kept:
            continue
        run: list[str] = []
        for word in reversed(en[: m.start()].split()):
            if not (word[:1].isupper() or word in ("of", "and", "the", "for")):
                break
            run.insert(0, word)
        while run and (not run[0][:1].isupper() or run[0] in _ARTICLES):
            run.pop(0)
        capitals = [w for w in run if w[:1].isupper()]
        if len(capitals) < 2:
            continue
        by_word = "".join(w[0] for w in capitals).upper()
        by_part = "".join(p[0] for w in capitals for p in w.split("-") if p[:1].isupper())
        if acronym in (by_word, by_part.upper()) or not _in_order(by_word, acronym):
            continue
        spelt = " ".join(run)
        clause = re.split(r"[，。、；：！？,;:]", zh[: kept.start()])[-1]
        for word in dict.fromkeys(_words_in(clause)):
            names = _place_names(word, table)
            if acronym in names:
                continue  # 中国商飞 'COMAC (Commercial Aircraft Corporation of China)': the body
            if names and not any(n in spelt for n in names) and names[0][0] in acronym:
                found.append((word, f"no {names[0]} in “{spelt}”"))
    return found


def _in_order(letters: str, word: str) -> bool:
    """The letters are in the word in this order (CAC in COMAC, OC in OCA)."""
    rest = iter(word)
    return all(letter in rest for letter in letters)


#: Last characters of bodies' short names (卫健委, 统计局): such a word is no given name.
_ABBREVIATION_ENDS = _words("abbreviation_ends", "characters")
#: Surnames as non-pinyin romanisations write them (蔡 Tsai, 张 Cheung, 陈 Chan).
_SURNAME_SPELLINGS: dict[str, list[str]] = _POLICY["surname_spellings"]["spellings"]


def _spelt_surname(token: str, en: str) -> bool:
    """The English names the person by a non-pinyin spelling of the surname beside another
    capitalised word: a given name (Joe Tsai for 蔡崇信) or the rest of the name (Cheung
    Kin-chung); the surname alone, as a common word, does not do (Ho, So, Lee-way)."""
    for spelling in _SURNAME_SPELLINGS.get(token[0], ()):
        word = re.escape(spelling)
        if re.search(rf"\b[A-Z][a-z]+\s+{word}\b(?!-)|\b{word}\s+[A-Z][a-z]+(?:-[a-z]+)?\b", en):
            return True
    return False


def _straddled(zh: str, start: int, end: int) -> bool:
    """A CC-CEDICT common word (glossed in lower case) begins inside the span and ends after
    it (卫生部|门: 部门 "department"): the name is the front of a longer common word, not the
    name. Only forwards: a word ending inside it (中|国外|交部) is the reading's noise."""
    from tm.lexicon.cedict import definitions

    table = definitions()

    def common(word: str) -> bool:
        return any(d[:1].islower() for d in table.get(word, ()))

    for a in range(start + 1, end):
        for b in range(end + 1, min(len(zh), a + 4) + 1):
            if common(zh[a:b]):
                return True
    return False


_COMPANY_WORDS = _words("company_words")
#: A model number right after a word (波音787, 空客A350, 小米14): the word is its maker.
_MODEL = re.compile(r"[A-Z]{0,3}-?\d")
_COMPANY_GLOSS = re.compile(rf"\b(?:{_alternation('company_words', 'kinds')})\b")


def _company_heads(word: str) -> tuple[tuple[str, ...], ...]:
    """The names of a company CC-CEDICT also glosses as a common word (小米 "Xiaomi, Chinese
    electronics company" and "millet"; 大众 Volkswagen and "the masses"), read from the
    definitions that say company or brand; none for a word whose names `_name_heads` gives
    already (华为), which the other rules demand."""
    from tm.lexicon.cedict import definitions

    if _name_heads(word):
        return ()
    heads = []
    for definition in definitions().get(word, ()):
        match = _HEAD.match(definition.strip())
        if match and _COMPANY_GLOSS.search(definition):
            words = tuple(w for w in match.group().split() if w not in _NOT_HEAD_WORDS)
            if words:
                heads.append(words)
    return tuple(heads)


_BODY_ENDS = _words("body_ends")


def _bodies_in(zh: str) -> list[tuple[str, str]]:
    """The bodies of data/acronyms.json the Chinese names by their full Chinese name (four
    characters or more: 亚奥理事会, 世界卫生组织), with the acronym, longest first, each place
    once: the tagger cuts them (亚|奥|理事会) and CC-CEDICT lacks some."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    found: list[tuple[str, str]] = []
    taken: set[int] = set()
    pairs = sorted(
        (
            (a, r)
            for a, rs in _acronyms().items()
            for r in rs
            if len(r) >= 4
            and r.endswith(tuple(_BODY_ENDS))
            and not any(d[:1].islower() for d in table.get(r, ()))  # 非政府组织 "non-governmental…"
        ),
        key=lambda p: -len(p[1]),
    )
    for acronym, word in pairs:
        for m in re.finditer(re.escape(word), zh):
            span = set(range(m.start(), m.end()))
            if not span & taken:
                taken |= span
                found.append((acronym, word))
    return found


def _body_rendered(acronym: str, word: str, en: str, document_english: str) -> bool:
    """A body is rendered by its acronym, by an acronym rendering part of it (the UN …
    agency), by a run of capitalised words whose initials spell it (Olympic Council of Asia
    for OCA, not Olympic Council of), by a CC-CEDICT name of its Chinese, or so anywhere in
    the document."""
    from tm.lexicon.cedict import definitions

    for text in (en, document_english):
        if re.search(rf"(?<![\w]){re.escape(acronym)}s?(?![\w])", text):
            return True
        if _paraphrased_on_acronym(word, text):
            return True  # "the UN cultural agency" for 联合国教科文组织
        for run in re.finditer(
            r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|the|for)\s+)*[A-Z][\w'’-]*)*", text
        ):
            initials = "".join(w[0] for w in run.group().split() if w[:1].isupper())
            if acronym.upper() in initials:
                return True
    if word in definitions():
        heads = _name_heads(word)
        lowered = en.lower()
        if heads and _rendered(
            word, heads, lowered, re.sub(r"[^a-z]", "", lowered), en, document_english
        ):
            return True
    return False


_DOTTED_ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")


def _acronyms_of(text: str) -> list[str]:
    """The acronyms of English text, dotted ones (U.N., U.S.) as plain ones (UN, US)."""
    dotted = [m.group().replace(".", "") for m in _DOTTED_ACRONYM.finditer(text)]
    return re.findall(r"\b[A-Z]{2,}\b", text) + dotted


def _paraphrased_on_acronym(word: str, text: str) -> bool:
    """A body's name paraphrased on an acronym that renders part of it: "the UN cultural
    agency" (or "the U.N. …", as AP writes it) for 联合国教科文组织, since UN is 联合国. The one
    rule for bodies whether CC-CEDICT, acronyms.json or the tagger found them."""
    if not word.endswith(tuple(_BODY_ENDS)):
        return False  # bodies only (…组织, …基金会): not 中国人民银行 for "PRC"
    table = _acronyms()
    return any(
        r in word and r != word for a in _acronyms_of(text) for r in table.get(a, ()) if len(r) >= 2
    )


def _surname(tagged: list[tuple[str, str]], index: int) -> bool:
    """A common surname starts the name, or a rarer one CC-CEDICT glosses as a surname starts a
    three-character name right after a title (部长怀进鹏, Huai Jinpeng), or a two-character one
    the tagger takes for a person (发言人米锋, Mi Feng): without the title, too many words start
    with such a character (强降雨, 和小微)."""
    token, tag = tagged[index]
    if token[0] in _SURNAMES:
        return True
    if not (_titled(tagged, index) and _rare_surname(token[0])):
        return False
    return len(token) == 3 or (len(token) == 2 and tag == "nr")


def _joined_surnames(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A surname the tagger cut from its given name after a title (执行官赵|海军, Zhao Haijun;
    海军 is also "navy") joined again into one person: a surname tagged as a person alone,
    then one or two Han characters, then a verb of saying, a preposition or punctuation
    (`_cut_person`)."""
    out: list[tuple[str, str]] = []
    index = 0
    while index < len(tagged):
        token, tag = tagged[index]
        rest = tagged[index + 1][0] if index + 1 < len(tagged) else ""
        after = tagged[index + 2] if index + 2 < len(tagged) else ("", "x")
        if (
            len(token) == 1
            and token in _SURNAMES
            and 1 <= len(rest) <= 2
            and all(_HAN.fullmatch(c) for c in rest)
            and _cut_person(tag, after)
            and _titled(tagged, index)
        ):
            out.append((token + rest, "nr"))
            index += 2
            continue
        out.append((token, tag))
        index += 1
    return out


#: Tags of a one-character word that follows a whole name rather than ending it: adverbs,
#: prepositions, conjunctions, particles, pronouns, numerals and measure words (王伟|也|表示).
_NOT_NAME_ENDS = ("d", "p", "c", "u", "r", "m", "q", "x", "e", "y")


def _joined_third_characters(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A three-character name the tagger cut after its second character, after a title
    (省长王伟|中|在, Wang Weizhong; 导演乌尔|善|获得, Wuershan): a two-character person, then a
    one-character word that is no adverb, preposition or particle and no verb of saying, then
    a verb, a preposition or punctuation. Joined, its pinyin is the whole name's, and the
    surname alone ("Governor Wang") no longer passes for the given name."""
    out: list[tuple[str, str]] = []
    index = 0
    while index < len(tagged):
        token, tag = tagged[index]
        rest = tagged[index + 1] if index + 1 < len(tagged) else ("", "x")
        after = tagged[index + 2] if index + 2 < len(tagged) else ("", "x")
        if (
            tag == "nr"
            and len(token) == 2
            and len(rest[0]) == 1
            and _HAN.fullmatch(rest[0])
            and not rest[1].startswith(_NOT_NAME_ENDS)
            and rest[0] not in _SAYS
            and (after[0] in _SAYS or after[1][:1] in ("v", "p", "x", "z"))
            and _titled(tagged, index)
        ):
            out.append((token + rest[0], "nr"))
            index += 2
            continue
        out.append((token, tag))
        index += 1
    return out


def _cut_person(tag: str, after: tuple[str, str]) -> bool:
    """What follows a surname cut from its given name says a person: a verb of saying, or a
    preposition or punctuation after a surname tagged as a person. A surname the tagger took
    for a common word (研究员钱|前|表示: 钱 "money", 前 "before"; Qian Qian) needs the verb."""
    if after[0] in _SAYS:
        return True
    return tag == "nr" and after[1] in ("p", "x")


def _rare_surname(char: str) -> bool:
    from tm.lexicon.cedict import definitions

    return any(d.startswith("surname ") for d in definitions().get(char, ()))


def _titled(tagged: list[tuple[str, str]], index: int) -> bool:
    """The word before is a title (经济学家, 部长, 发言人, 主席, 统计师)."""
    title = tagged[index - 1][0] if index > 0 else ""
    return len(title) >= 2 and title[-1] in _TITLE_ENDS


#: Verbs of saying that follow a person's name in news (温彬认为, 张星表示).
_SAYS = _words("says")
#: Last characters of titles that precede a name (经济学家, 部长, 发言人, 主席, 统计师).
_TITLE_ENDS = _words("title_ends", "characters")


def _framed_person(tagged: list[tuple[str, str]], index: int) -> bool:
    """A word the tagger did not take for a person (温彬 tagged as an idiom) that news frames as
    one: a title before it, a verb of saying after it, two or three characters no dictionary
    knows, a surname first."""
    from tm.lexicon.cedict import definitions

    token = tagged[index][0]
    if not (2 <= len(token) <= 3 and _HAN.fullmatch(token[0])):
        return False
    if token in definitions() or index + 1 >= len(tagged) or tagged[index + 1][0] not in _SAYS:
        return False
    return _titled(tagged, index) and (token[0] in _SURNAMES or _rare_surname(token[0]))


def _english_names_left(zh: str, en: str) -> bool:
    """Whether the English holds a capitalised name the Chinese renders in no other way (kept
    in Latin, by pinyin or by a dictionary word): one left for a name by sound to render."""
    zh_folded = fold(zh)
    for run in _english_name_runs(en):
        if _pinyin_name(run.split()) and _spelt(run, zh):
            continue  # Zheng Qinwen ~ 郑钦文
        for word in run.replace("-", " ").split():
            if fold(word) in zh_folded or _defined_in(word, zh) or _pinyin_spells(zh, word):
                continue
            return True
    return False


def _enclosing_name(
    zh: str, start: int, end: int
) -> tuple[str, tuple[tuple[str, ...], ...]] | None:
    """The longest CC-CEDICT name holding the span (香港交易所 around 香港), with its names."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    best: tuple[str, tuple[tuple[str, ...], ...]] | None = None
    for a in range(max(0, end - 8), start + 1):
        for b in range(end, min(len(zh), a + 8) + 1):
            word = zh[a:b]
            if b - a > end - start and word in table and (best is None or len(word) > len(best[0])):
                heads = _name_heads(word)
                if heads:
                    best = (word, heads)
    return best


def _alias_in(word: str, en: str) -> bool:
    """A name CC-CEDICT gives after the first (中国石化 "China Petroleum and Chemical
    Corporation, Sinopec") is in the English."""
    from tm.lexicon.cedict import definitions

    return any(
        re.search(rf"(?<![\w]){re.escape(alias)}(?![\w])", en)
        for definition in definitions().get(word, ())
        for alias in (piece.strip() for piece in re.split(r"[,;]", definition)[1:])
        if alias[:1].isupper()
    )


_PLACE_GLOSS = re.compile(
    rf"\b(?:{_alternation('place_gloss', 'kinds')})"
    rf"\s+(?:{_alternation('place_gloss', 'joined_by')})\b"
)


def _a_place(word: str) -> bool:
    """CC-CEDICT says the word is a place (利马 "Lima, capital of Peru"), whatever tag it got."""
    from tm.lexicon.cedict import definitions

    return any(_PLACE_GLOSS.search(d) for d in definitions().get(word, ()))


def _truncated(word: str, en: str, document_english: str = "") -> bool:
    """The English writes the start of a CC-CEDICT name joined by "of" and then something
    else: "People's Bank of" with China lost, "Ministry of Science" for 教育部; or its end
    without its start: "Commercial Bank of China" for 中国工商银行."""
    from tm.lexicon.cedict import definitions

    for definition in definitions().get(word, ()):
        match = _HEAD.match(re.sub(r"^\([^)]*\)\s*", "", definition.strip()))
        of = (
            re.search(r"^(.*?)\s+of\s+(?:the\s+)?([A-Z][\w'’.-]*)", match.group())
            if match
            else None
        )
        if not of or len(of.group(1).split()) > 4:
            continue
        before, after = re.escape(of.group(1)), re.escape(of.group(2))
        if re.search(rf"\b{before}\s+of\s+(?:the\s+)?{after}", en):
            continue
        if re.search(rf"\b{before}\s+of\b", en):
            return True
        # Cut at the front: "Commercial Bank of China" for the Industrial and Commercial Bank
        # of China (and "Bank of China" is another bank); but a later mention may shorten a
        # name the document gives whole ("the Academy of Sciences").
        if re.search(rf"\b{before}\s+of\s+(?:the\s+)?{after}", document_english):
            continue
        head = of.group(1).split()
        for k in range(1, len(head)):
            tail = " ".join(head[k:])
            if tail[:1].isupper() and re.search(
                rf"(?<![\w'’-]){re.escape(tail)}\s+of\s+(?:the\s+)?{after}", en
            ):
                return True
    return False


def _shown(head: tuple[str, ...]) -> str:
    return " ".join(w for w in head if w != "of")


@lru_cache(maxsize=1)
def _standing_names() -> dict[str, list[str]]:
    """Common words that stand for a name (我国 is China), from data/names.json."""
    from tm.checks.names import _policy

    table = _policy().get("standing", {})
    assert isinstance(table, dict)
    return {k: list(v) for k, v in table.items() if not k.startswith("_")}


#: jieba's tags for names: of places, organisations, other proper nouns, transliterated names,
#: and abbreviations (欧盟, 亚运会 are "j").
_PLACE_TAGS = _words("name_tags", "places")
_COMMON_TAGS = _words("name_tags", "common")  # nouns and time words: 教育部, 国庆
_NAME_TAGS = _PLACE_TAGS | _words("name_tags", "others") | _COMMON_TAGS
_ZH_NUMERALS = frozenset("〇一二三四五六七八九十两")


def _inside_sound_name(token: str, around: str) -> bool:
    """A piece of a longer name by sound (伊|维拉 for Iweala): a transliteration character or
    a middle dot touches it."""
    return any(ch in _TRANSLITERATION or ch == "·" for ch in around) and all(
        ch in _TRANSLITERATION for ch in token
    )


_HEAD = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|the|for|de|du)\s+)*[A-Z][\w'’.-]*)*")
_NOT_HEAD_WORDS = frozenset({"The", "Of", "And"})


_ACRONYM_THEN_NAME = re.compile(r"^([A-Z]{2,})\s*(?:\(|,)\s*([A-Z][^()]*)")


def _spelt_out(entry: list[str] | tuple[str, ...]) -> list[str]:
    """The definitions, and after each that starts with an acronym its name spelt out
    (NATO (North Atlantic Treaty Organization); UNESCO, United Nations Educational, …)."""
    out = []
    for definition in entry:
        out.append(definition)
        match = _ACRONYM_THEN_NAME.match(definition.strip())
        if match:
            out.append(match.group(2).strip())
    return out


@lru_cache(maxsize=1 << 14)
def _name_heads(word: str) -> tuple[tuple[str, ...], ...]:
    """The names a CC-CEDICT headword stands for, as the capitalised words each definition
    starts with (欧盟: European Union, EU; 亚运会: Asian Games; 杭州: Hangzhou), or none when
    the headword is also a common word (大兴 "to go in for something in a big way", 我国 "our
    country") or only an abbreviation or a variant. An acronym's spelt-out name is a name of
    its own (东南亚国家联盟 "ASEAN (Association of Southeast Asian Nations)")."""
    from tm.lexicon.cedict import definitions

    heads = []
    for definition in _spelt_out(definitions().get(word, ())):
        definition = re.sub(r"^\([^)]*\)\s*", "", definition.strip())  # (China) National...
        if definition.startswith(("abbr.", "variant of", "see ", "CL:", "old ", "also ")):
            continue
        if not definition[:1].isupper():
            return ()
        # The state an official name belongs to is left out in English as in Chinese (the
        # State Council Information Office of the People's Republic of China).
        definition = re.sub(r"\s+of the People's Republic of China\b|\s+\(PRC\)", "", definition)
        match = _HEAD.match(definition)
        words = tuple(
            w.removesuffix("'s").removesuffix("’s").strip(".")
            for w in (match.group().split() if match else ())
            if w[:1].isupper() and w not in _NOT_HEAD_WORDS
        )
        words = tuple(w for w in words if len(w) >= 3 or (len(w) >= 2 and w.isupper()))
        if words:
            # A name joined by "of" (Ministry of Education) is not a given name and surname:
            # its last word alone does not render it (marked by a trailing "of").
            connected = match is not None and bool(
                re.search(r"\s(?:of|for|de|du)\s", match.group())
            )
            heads.append((*words, "of") if connected else words)
    return tuple(heads)


def _dictionary_names(zh: str) -> list[tuple[int, int, str, tuple[tuple[str, ...], ...]]]:
    """The names in Chinese text that CC-CEDICT knows (华为, 欧盟, 亚运会, 阿布扎比), by the
    longest headword at each place, left to right: the tagger leaves many untagged or glued
    to a common word (华为公司, 日本央行)."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    found = []
    i = 0
    while i < len(zh):
        if not _HAN.match(zh[i]):
            i += 1
            continue
        size = next((n for n in range(min(8, len(zh) - i), 1, -1) if zh[i : i + n] in table), 0)
        if not size:
            i += 1
            continue
        word = zh[i : i + size]
        heads = _name_heads(word)
        if heads:
            found.append((i, i + size, word, heads))
        i += size
    return found


def _rendered(
    word: str,
    heads: tuple[tuple[str, ...], ...],
    lowered: str,
    letters: str,
    en: str,
    document_english: str,
) -> bool:
    """Whether the English renders a name CC-CEDICT knows: two words in three of one of its
    names (China for Chinese too), its pinyin, an acronym for it; or the document names it
    elsewhere (a later "the bloc" for 欧盟)."""
    from tm.lexicon.cedict import acronym_headwords
    from tm.lexicon.pinyin import pinyin_forms

    if _truncated(word, en, document_english):
        return False
    if _paraphrased_on_acronym(word, en):
        return True  # "the U.N. children's agency" for 联合国儿童基金会

    def has(text: str, name: str) -> bool:
        # China for Chinese, Lebanon for Lebanese, "the statistics bureau"; a short word with
        # its capital (eight-day is not National Day).
        stem = name[: len(name) - 2 if len(name) >= 6 else max(3, len(name) - 1)]
        short = len(name) <= 4 and stem[:1].isupper() and not text.islower()
        flags = 0 if short else re.IGNORECASE
        pattern = rf"(?<![A-Za-z]){re.escape(stem[0])}(?i:{re.escape(stem[1:])})"
        return re.search(pattern, text, flags) is not None or stem.upper() in text

    def names(text: str, head: tuple[str, ...]) -> bool:
        # Two words in three (European Commission for the Commission of the European Union),
        # or one of a two-word name (Kepler for Johannes Kepler, the Pacific for the Pacific
        # Ocean), but not of a name joined by "of" (Ministry of Education).
        words = [w for w in head if w != "of"]
        present = [has(text, w) for w in words]
        if (
            len(words) >= 2
            and not present[0]
            and not words[0].isupper()
            and not _common_part(words[0])
            and all(_common_part(w) for w, p in zip(words, present, strict=True) if p)
        ):
            return False  # "the River Delta" for the Yangtze River Delta
        if 3 * sum(present) >= 2 * len(words):
            return True
        return len(words) == 2 and head[-1] != "of" and any(present)

    if any(names(en, head) for head in heads):
        return True
    stem = _PLACE_SUFFIX.sub("", word)
    if len(stem) >= 2 and any(form in letters for form in pinyin_forms(stem)):
        return True
    if any(
        re.search(rf"(?<![a-z]){re.escape(fold(a))}(?![a-z])", lowered)
        for a in _renderings_of(word)
    ):
        return True
    if any(
        acronym_in(a, en) for a in [*_renderings_of(word), *(h[0] for h in heads if len(h) == 1)]
    ):
        return True  # U.S. for 美国, as US is
    initials = {"".join(w[0] for w in head) for head in heads}
    if any(
        a in initials and word in acronym_headwords(a) for a in re.findall(r"\b[A-Z]{2,}\b", en)
    ):
        return True  # 麻省理工学院 ↔ MIT (not 阿布扎比 ↔ UAE, whose capital it is)
    return any(names(document_english, head) for head in heads)


def _common_part(word: str) -> bool:
    """A word of a name that is also an ordinary word (High-Speed, Railway, Bank): what is left
    of a name when only such words remain is a description, not the name."""
    return all(_ordinary(part) for part in word.split("-") if part)


def _in_acronym(place: list[str], zh: str, end: int, en: str) -> bool:
    """A place that begins a longer name (Han characters follow it) which the English writes as
    an acronym starting with the place's initial: 中国电力 ↔ CPID, 重庆高速 ↔ CQEG."""
    if end >= len(zh) or not ("\u4e00" <= zh[end] <= "\u9fff"):
        return False
    initials = {name[0].upper() for name in place if name}
    return any(acronym[0] in initials for acronym in re.findall(r"\b[A-Z]{2,}\b", en))


def _inside_word(zh: str, start: int, end: int, longest: int = 6) -> bool:
    """The span is part of a longer word: 意大利面 (spaghetti), 伊斯兰国 (ISIS), 美国手语 (ASL)
    are not the place they start with."""
    from tm.lexicon.cedict import definitions

    table, renderings = definitions(), _renderings_by_chinese()
    for a in range(max(0, end - longest), start + 1):
        for b in range(end, min(len(zh), a + longest) + 1):
            if b - a > end - start and (zh[a:b] in table or zh[a:b] in renderings):
                return True
    return False


#: Words of CC-CEDICT's glosses that say what a character is rather than translate it.
_GLOSS_NOISE = _words("gloss_noise")


def _rendered_by_meaning(token: str, words: set[str], table: dict[str, list[str]]) -> bool:
    """Whether the English translates every character of `token` (夏 summer, 粮 grain): the
    tagger took a word for a person's name, and it is rendered, not dropped. Every character
    must be found, so a real name (马化腾: horse, change, soar) is not explained away."""
    for char in token:
        glosses = {
            word
            for definition in table.get(char, ())
            for word in re.findall(r"[a-z]{3,}", definition.lower())
        } - _GLOSS_NOISE
        if not glosses & words:
            return False
    return True


#: Honorifics English puts before a surname (Mr Wang), which no Chinese title translates.
_HONORIFICS = _words("honorifics")
#: The same after a surname in Chinese (王先生 is Mr Wang: the surname is all of the name).
_HONORIFICS_ZH = _words("honorifics", "chinese")


def _surname_alone(
    token: str, surnames: frozenset[str], en: str, document_english: str, title: str
) -> bool:
    """Whether the English writes a Chinese person's surname without the given name:
    "Governor Wang" for 省长王伟中, "Vice President He" for 副院长贺小荣, "He told" — the
    surname with no capitalised word after it and none before it but a translation of the
    Chinese title (CC-CEDICT's glosses of 省长: governor) or an honorific (Mr). A capitalised
    word before it that is neither is a given name in English (Eddie Wu for 吴泳铭); the whole
    name in pinyin elsewhere in the document makes this a later mention ("Wang said")."""
    from tm.lexicon.cedict import definitions
    from tm.lexicon.pinyin import pinyin_forms

    document_letters = re.sub(r"[^a-z]", "", document_english.lower())
    if any(form in document_letters for form in pinyin_forms(token)):
        return False
    table = definitions()
    titles = set(_HONORIFICS)
    for k in range(len(title) - 1):  # 副院长, then 院长: the longest the dictionary has
        if title[k:] in table:
            titles |= {w for d in table[title[k:]] for w in re.findall(r"[a-z]+", d.lower())}
            break
    for surname in surnames:
        for m in re.finditer(rf"(?<![\w'’-]){surname.title()}(?![\w'’-])", en):
            after = re.match(r"\s+([A-Z])", en[m.end() :])
            before = re.search(r"([A-Za-z]+)\.?\s+$", en[: m.start()])
            if after:
                return False  # Wang Weizhong, Wong Kar-wai
            word = before.group(1) if before else ""
            if word[:1].isupper() and not word.isupper() and word.lower() not in titles:
                return False  # Eddie Wu; not CEO Wu
    return True


def _whole_name_wanted(token: str, surnames: frozenset[str]) -> str:
    """What the message wants: "Wang Weizhong in pinyin, not Wang alone"."""
    from tm.lexicon.pinyin import syllables as _syllables

    table = _syllables()
    surname = sorted(surnames)[0]
    given = "".join(sorted(table.get(c, ("",)))[0] for c in token[1:])
    return f"{surname.title()} {given.title()} in pinyin, not {surname.title()} alone"


def _misspelt_given_name(token: str, surnames: frozenset[str], en: str) -> str | None:
    """ "Zhang Wen" for 张伟: the English writes the surname and then a given name in pinyin
    that is not this name's (a given name in English, Eddie Wu, is not pinyin and passes).
    None when any writing of the surname in the English is followed by the right name."""
    from tm.lexicon.pinyin import transliterates

    seen = []
    for surname in surnames:
        for m in re.finditer(rf"\b{surname.title()}\s+([A-Z][a-z]+(?:-[a-z]+)?)\b", en):
            given = m.group(1)
            if transliterates(token, surname + given):
                return None
            if _is_pinyin(given.lower().replace("-", "")):
                seen.append(m.group())
    return seen[0] if seen else None


@lru_cache(maxsize=1)
def _pinyin_syllables() -> frozenset[str]:
    from tm.lexicon.pinyin import syllables as _syllables

    return frozenset(s for readings in _syllables().values() for s in readings if s.isalpha())


def _is_pinyin(letters: str) -> bool:
    """Whether the letters split into pinyin syllables (wen, liqun; not eddie, ing)."""
    syllables = _pinyin_syllables()
    reachable = {0}
    for i in range(len(letters)):
        if i in reachable:
            reachable |= {i + n for n in range(1, 7) if letters[i : i + n] in syllables}
    return len(letters) in reachable and len(letters) > 0


def _gloss(definition: str) -> bool:
    """A short lower-case definition is a common word's gloss (城市 "city", 新建 "newly
    built"); a long one describes a place (北京市 "capital of People's Republic of China")."""
    return definition[:1].islower() and len(re.split(r"[(;]", definition)[0].split()) <= 3


def _place_names(token: str, table: dict[str, list[str]]) -> list[str]:
    """The capitalised words CC-CEDICT's definitions of a place start with (甘肃 -> Gansu;
    三峡 -> Three, Gorges; 中欧 -> Central, Europe, China); none for a common word (城市
    "city")."""
    entry = table.get(token) or table.get(_PLACE_SUFFIX.sub("", token))
    if not entry or any(_gloss(d) or d.startswith(("CL:", "abbr.")) for d in entry):
        return []  # also a common word (新建 "newly built", Xinjian county)
    names = []
    for definition in entry:  # every definition: 中欧 is Central Europe and China-Europe
        for word in re.split(r"[(,;]", definition)[0].split():
            if not word[:1].isupper():
                break
            for part in word.split("-"):
                if len(part) >= 3:
                    names.append(part.strip("'’"))
    return names


@lru_cache(maxsize=1)
def _renderings_by_chinese() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for latin, renderings in _acronyms().items():
        for rendering in renderings:
            out.setdefault(rendering, []).append(latin)
    return out


def _renderings_of(token: str) -> list[str]:
    return _renderings_by_chinese().get(token, [])
