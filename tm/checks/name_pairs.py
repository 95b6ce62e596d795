"""Names on the two sides of a Chinese ↔ English pair that render each other though no
dictionary links them.

News English writes a name as its owner spells it (Maersk for 马士基, Lawrence Wong for 黄循财,
Rayong for 罗勇府), an acronym with dots (U.S. for 美国), a place as its adjective (Egyptian for
埃及, Swedish for 瑞典). The names check in `entities` asks a dictionary or pinyin for each name;
these rules keep it from calling such a pair a lost name, and leave a truly lost name flagged:
a name is lost when one side holds more unexplained names than the other can render.
"""

from __future__ import annotations

import re

#: Endings that make a place's adjective or a people's name of a place's name (Egypt →
#: Egyptian, Sweden → Swedish, Indonesia → Indonesian, Antarctic → Antarctica), stripped from
#: both words before they are compared.
_DERIVED_ENDINGS = ("ians", "ian", "ans", "an", "ish", "ese", "ens", "en", "i", "a", "n", "s")


def acronym_in(acronym: str, text: str) -> bool:
    """The acronym as a word of the text, plain or dotted as American news copy writes it
    (US or U.S., UN or U.N.)."""
    if not acronym.isupper() or not acronym.isalpha() or len(acronym) < 2:
        return False
    dotted = "".join(f"{c}." for c in acronym)
    return (
        re.search(rf"(?<![A-Za-z.]){re.escape(dotted)}", text) is not None
        or re.search(rf"(?<![A-Za-z]){acronym}(?![A-Za-z])", text) is not None
    )


def _stems(word: str) -> set[str]:
    lowered = word.lower()
    stems = {lowered}
    for ending in _DERIVED_ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 4:
            stems.add(lowered[: -len(ending)])
    return stems


def derived_from(word: str, names: list[str]) -> bool:
    """The English word is a place's adjective or its people's name, or the place itself in
    a longer form, of one of `names` (Egyptian of Egypt, Swedish of Sweden, Antarctica of
    Antarctic): the two share a stem of four letters or more once such endings are gone."""
    if len(word) < 4:
        return False
    mine = _stems(word)
    return any(mine & _stems(name) for name in names if len(name) >= 4)


def place_names_in(zh: str) -> list[str]:
    """The capitalised words of the CC-CEDICT definitions that start with a name, of the words
    inside the Chinese (埃及 "Egypt", 瑞典 "Sweden", 南极 "Antarctic", 印尼 "Indonesia"), for
    `derived_from`."""
    from tm.checks.entities import _words_in
    from tm.lexicon.cedict import definitions

    table = definitions()
    names: list[str] = []
    for word in dict.fromkeys(_words_in(zh, longest=4)):
        for definition in table.get(word, ()):
            if definition[:1].isupper():
                names.extend(re.findall(r"\b[A-Z][a-z]{3,}\b", definition))
    return list(dict.fromkeys(names))


def place_word_rendered(run: str, zh: str) -> bool:
    """Every word of an English name run is a place's adjective or longer form of a place the
    Chinese names (Egyptian ↔ 古埃及, Swedish kronor ↔ 瑞典克朗, Chinese-Indonesian ↔ 中印尼);
    "Chinese" is rendered by 中 wherever China's name is (中印尼, 中新)."""
    words = run.replace("-", " ").split()
    places = place_names_in(zh)
    if not words:
        return False
    for word in words:
        if word == "Chinese" and ("中" in zh or "华" in zh):
            continue
        if not derived_from(word, places):
            return False
    return True


def spelt_by_initials(acronym: str, zh: str) -> bool:
    """A name inside the Chinese whose initials spell the English acronym: the capitalised words
    of its CC-CEDICT name (中超 "Chinese Super League", CSL) or, for a name CC-CEDICT glosses
    by its pinyin, the first letters of its syllables (京东 "Jingdong, …", JD)."""
    from tm.checks.entities import _words_in
    from tm.lexicon.cedict import definitions
    from tm.lexicon.pinyin import syllables, transliterates

    if not acronym.isupper() or not acronym.isalpha() or len(acronym) < 2:
        return False
    table = definitions()
    readings = syllables()
    for word in dict.fromkeys(_words_in(zh, longest=6)):
        for definition in table.get(word, ()):
            if not definition[:1].isupper():
                continue
            head = re.split(r"[,;(]", definition)[0].split()
            if "".join(w[0] for w in head if w[:1].isupper()) == acronym and len(head) >= 2:
                return True
            if (
                len(word) == len(acronym)
                and transliterates(word, head[0])
                and all(
                    any(s[:1].upper() == letter for s in readings.get(char, ()))
                    for char, letter in zip(word, acronym, strict=True)
                )
            ):
                return True
    return False


def country_of_city(zh: str, end: int, en: str) -> bool:
    """A country right before a city of it that the English names (美国纽约 "New York", 泰国罗勇
    "Rayong, Thailand"): news English names the city and leaves the country, as 秘鲁利马 is
    "Lima". Only the city CC-CEDICT names in full is taken (纽约 "New York")."""
    from tm.checks.entities import _place_names
    from tm.lexicon.cedict import definitions

    table = definitions()
    for size in (4, 3, 2):
        city = zh[end : end + size]
        names = _place_names(city, table) if city in table else []
        if names and all(n in en for n in names):
            return True
    return False
