"""What the name checks of both directions share: the policy of data/entities.json and the
CC-CEDICT and pinyin evidence that a name is rendered. It imports no other check, so that
entities, latin_names, chinese_names and name_pairs all import it at module level."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any


def _load_policy() -> dict[str, dict[str, Any]]:
    """The check's word lists and threshold, each with its source (data/entities.json)."""
    text = resources.files("tm.checks").joinpath("data", "entities.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


POLICY = _load_policy()


def policy_words(key: str, field: str = "words") -> frozenset[str]:
    """A list of the policy as a set (a string of characters as its characters)."""
    return frozenset(POLICY[key][field])


def alternation(key: str, field: str = "words") -> str:
    """A list of the policy as a regular expression's alternatives, in its order."""
    return "|".join(re.escape(w) for w in POLICY[key][field])


LATIN = re.compile(r"[A-Za-z]")
# Latin inside Chinese: a word, possibly with digits (3D, 1H, COVID-19).
LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.+-]*[A-Za-z0-9+]|[A-Za-z]")


@lru_cache(maxsize=1)
def acronyms() -> dict[str, list[str]]:
    text = resources.files("tm.checks").joinpath("data", "acronyms.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@lru_cache(maxsize=4096)
def words_in(chinese: str, longest: int = 8) -> list[str]:
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
def definition_words(headword: str) -> frozenset[str]:
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
def defined_in(entity: str, chinese: str) -> bool:
    """A word of the Chinese whose CC-CEDICT definition names the entity as a whole word
    (美元 "US dollar" names US; 三维 "3D"; 北京 "Beijing" names BEIJING), or whose pinyin spells
    it (北京 ~ Beijing)."""
    if not HAN.search(chinese):
        return False
    wanted = entity.lower()
    if any(wanted in definition_words(candidate) for candidate in words_in(chinese)):
        return True
    if entity.isalpha() and len(entity) >= 4:
        return pinyin_spells(chinese, entity)
    return False


def pinyin_spells(chinese: str, latin: str) -> bool:
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


HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN_IN_HAN = re.compile(r"[A-Za-z]{2,}")
#: Characters of the standard transliteration of foreign names (Xinhua's tables): a run of them
#: in the Chinese is a name rendered by sound (Kanner → 坎纳), which no dictionary lists.
TRANSLITERATION = policy_words("transliteration", "characters")
TRANSLITERATION_RUN = re.compile(f"[{''.join(sorted(TRANSLITERATION))}]{{2,}}")


def spelt_in_pinyin(name: str, zh: str) -> bool:
    """The name is the pinyin of some Han characters of the Chinese (Zhang Min ~ 张敏)."""
    return pinyin_spells(zh, name)


#: Common surnames (a rarer one counts after a title: `_rare_surname`).
SURNAMES = policy_words("surnames", "characters")
PLACE_SUFFIX = re.compile(f"(?:{alternation('place_suffixes')})$")
#: Surnames as non-pinyin romanisations write them (蔡 Tsai, 张 Cheung, 陈 Chan).
SURNAME_SPELLINGS: dict[str, list[str]] = POLICY["surname_spellings"]["spellings"]


def spelt_surname(token: str, en: str) -> bool:
    """The English names the person by a non-pinyin spelling of the surname beside another
    capitalised word: a given name (Joe Tsai for 蔡崇信) or the rest of the name (Cheung
    Kin-chung); the surname alone, as a common word, does not do (Ho, So, Lee-way)."""
    for spelling in SURNAME_SPELLINGS.get(token[0], ()):
        word = re.escape(spelling)
        if re.search(rf"\b[A-Z][a-z]+\s+{word}\b(?!-)|\b{word}\s+[A-Z][a-z]+(?:-[a-z]+)?\b", en):
            return True
    return False


#: Last characters of titles that precede a name (经济学家, 部长, 发言人, 主席, 统计师).
TITLE_ENDS = policy_words("title_ends", "characters")


HEAD = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|the|for|de|du)\s+)*[A-Z][\w'’.-]*)*")
NOT_HEAD_WORDS = frozenset({"The", "Of", "And"})


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
def name_heads(word: str) -> tuple[tuple[str, ...], ...]:
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
        match = HEAD.match(definition)
        words = tuple(
            w.removesuffix("'s").removesuffix("’s").strip(".")
            for w in (match.group().split() if match else ())
            if w[:1].isupper() and w not in NOT_HEAD_WORDS
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


@lru_cache(maxsize=1)
def _pinyin_syllables() -> frozenset[str]:
    from tm.lexicon.pinyin import syllables as _syllables

    return frozenset(s for readings in _syllables().values() for s in readings if s.isalpha())


def is_pinyin(letters: str) -> bool:
    """Whether the letters split into pinyin syllables (wen, liqun; not eddie, ing)."""
    syllables = _pinyin_syllables()
    reachable = {0}
    for i in range(len(letters)):
        if i in reachable:
            reachable |= {i + n for n in range(1, 7) if letters[i : i + n] in syllables}
    return len(letters) in reachable and len(letters) > 0


#: Syllables only interjections are read as (嗯 ng, 呣 m): in a name they would let almost any
#: Latin word split into pinyin (Luong as lu-o-ng).
_INTERJECTION_SYLLABLES = frozenset({"ng", "m", "n", "hm", "hng"})


def pinyin_name_word(letters: str) -> bool:
    """Whether the letters are a word of a Chinese name in pinyin: one or two syllables, none
    of them an interjection's (Liqun, Ouyang; not Luong, Shigeru)."""
    syllables = _pinyin_syllables() - _INTERJECTION_SYLLABLES
    return any(
        letters[:i] in syllables and (i == len(letters) or letters[i:] in syllables)
        for i in range(1, min(len(letters), 6) + 1)
    )


def _gloss(definition: str) -> bool:
    """A short lower-case definition is a common word's gloss (城市 "city", 新建 "newly
    built"); a long one describes a place (北京市 "capital of People's Republic of China")."""
    return definition[:1].islower() and len(re.split(r"[(;]", definition)[0].split()) <= 3


def place_names(token: str, table: dict[str, list[str]]) -> list[str]:
    """The capitalised words CC-CEDICT's definitions of a place start with (甘肃 -> Gansu;
    三峡 -> Three, Gorges; 中欧 -> Central, Europe, China); none for a common word (城市
    "city")."""
    entry = table.get(token) or table.get(PLACE_SUFFIX.sub("", token))
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
def renderings_by_chinese() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for latin, renderings in acronyms().items():
        for rendering in renderings:
            out.setdefault(rendering, []).append(latin)
    return out


def renderings_of(token: str) -> list[str]:
    return renderings_by_chinese().get(token, [])
