"""Chinese people's names: surnames joined to the words around them, given names cut short,
the titles and verbs of saying that frame a person, a surname said alone (the Chinese half of
the names check reads them through `chinese_names`)."""

from __future__ import annotations

import re

from tm.checks.name_evidence import (
    HAN,
    SURNAMES,
    TITLE_ENDS,
    is_pinyin,
    policy_words,
)


def surname_of(tagged: list[tuple[str, str]], index: int) -> bool:
    """A common surname starts the name, or a rarer one CC-CEDICT glosses as a surname starts a
    three-character name right after a title (部长怀进鹏, Huai Jinpeng), or a two-character one
    the tagger takes for a person (发言人米锋, Mi Feng): without the title, too many words start
    with such a character (强降雨, 和小微)."""
    token, tag = tagged[index]
    if token[0] in SURNAMES:
        return True
    if not (_titled(tagged, index) and _rare_surname(token[0])):
        return False
    return len(token) == 3 or (len(token) == 2 and tag == "nr")


def joined_surnames(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
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
            and token in SURNAMES
            and 1 <= len(rest) <= 2
            and all(HAN.fullmatch(c) for c in rest)
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


def joined_third_characters(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
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
            and HAN.fullmatch(rest[0])
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
    return len(title) >= 2 and title[-1] in TITLE_ENDS


#: Verbs of saying that follow a person's name in news (温彬认为, 张星表示).
_SAYS = policy_words("says")


def framed_person(tagged: list[tuple[str, str]], index: int) -> bool:
    """A word the tagger did not take for a person (温彬 tagged as an idiom) that news frames as
    one: a title before it, a verb of saying after it, two or three characters no dictionary
    knows, a surname first."""
    from tm.lexicon.cedict import definitions

    token = tagged[index][0]
    if not (2 <= len(token) <= 3 and HAN.fullmatch(token[0])):
        return False
    if token in definitions() or index + 1 >= len(tagged) or tagged[index + 1][0] not in _SAYS:
        return False
    return _titled(tagged, index) and (token[0] in SURNAMES or _rare_surname(token[0]))


#: Honorifics English puts before a surname (Mr Wang), which no Chinese title translates.
_HONORIFICS = policy_words("honorifics")
#: The same after a surname in Chinese (王先生 is Mr Wang: the surname is all of the name).
HONORIFICS_ZH = policy_words("honorifics", "chinese")


def surname_alone(
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


def whole_name_wanted(token: str, surnames: frozenset[str]) -> str:
    """What the message wants: "Wang Weizhong in pinyin, not Wang alone"."""
    from tm.lexicon.pinyin import syllables as _syllables

    table = _syllables()
    surname = sorted(surnames)[0]
    given = "".join(sorted(table.get(c, ("",)))[0] for c in token[1:])
    return f"{surname.title()} {given.title()} in pinyin, not {surname.title()} alone"


def misspelt_given_name(token: str, surnames: frozenset[str], en: str) -> str | None:
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
            if is_pinyin(given.lower().replace("-", "")):
                seen.append(m.group())
    return seen[0] if seen else None


def surname_only(token: str, letters: str, words: set[str]) -> bool:
    """A Chinese person CC-CEDICT names in pinyin (习近平 "Xi Jinping") whom the English names
    by the surname alone ("President Xi"): a word of a name renders a foreign name (Kepler for
    Johannes Kepler), not a Chinese one, whose surname alone is judged as any person's
    (`surname_alone`: a later mention, a title)."""
    from tm.lexicon.cedict import definitions
    from tm.lexicon.pinyin import pinyin_forms, transliterates

    if any(form in letters for form in pinyin_forms(token)):
        return False
    for definition in definitions().get(token, ()):
        head = re.split(r"\s*[,;(]", definition)[0].strip()
        if len(head.split()) >= 2 and transliterates(token, head):
            return head.split()[0].lower() in words
    return False
