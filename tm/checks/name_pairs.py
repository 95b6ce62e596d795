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
from functools import lru_cache

from tm.checks.name_evidence import (
    HAN,
    SURNAME_SPELLINGS,
    TITLE_ENDS,
    TRANSLITERATION_RUN,
    name_heads,
    pinyin_name_word,
    pinyin_spells,
    place_names,
    renderings_of,
    spelt_surname,
    words_in,
)
from tm.checks.transliteration import renders_by_sound, spells
from tm.text.fold import fold

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
    from tm.lexicon.cedict import definitions

    table = definitions()
    names: list[str] = []
    for word in dict.fromkeys(words_in(zh, longest=4)):
        for definition in table.get(word, ()):
            if definition[:1].isupper():
                names.extend(re.findall(r"\b[A-Z][a-z]{3,}\b", definition))
    return list(dict.fromkeys(names))


def after_title(run: str, zh: str) -> str:
    """The name in a run that opens with its owner's title or nationality (Vietnamese
    President Luong Cuong, Japanese Prime Minister Shigeru Ishiba): the words before it are
    ordinary or a place's adjective the Chinese renders, and they would explain the run though
    the name itself is rendered by sound or by its own reading (梁强, 石破茂)."""
    from tm.checks.latin_names import ordinary

    words = run.split()
    start = 0
    while start < len(words) - 1 and (
        ordinary(words[start]) or place_word_rendered(words[start], zh)
    ):
        start += 1
    if start == 0 or all(ordinary(w) for w in words[start:]):
        return run
    return " ".join(words[start:])


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
    from tm.lexicon.cedict import definitions
    from tm.lexicon.pinyin import syllables, transliterates

    if not acronym.isupper() or not acronym.isalpha() or len(acronym) < 2:
        return False
    table = definitions()
    readings = syllables()
    for word in dict.fromkeys(words_in(zh, longest=6)):
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
    from tm.lexicon.cedict import definitions

    table = definitions()
    for size in (4, 3, 2):
        city = zh[end : end + size]
        names = place_names(city, table) if city in table else []
        if names and all(n in en for n in names):
            return True
    return False


def surname_spelling_in(run: str, zh: str, document_english: str = "") -> bool:
    """The English run names a Chinese person of the Chinese by a non-pinyin spelling of the
    surname (Nancy Ip for 叶玉如, Lawrence Wong for 黄循财), or by that surname alone when the
    document writes it beside a given name elsewhere (a later "Wong"): the same spellings the
    Chinese side reads (`name_evidence.spelt_surname`)."""
    words = run.replace("-", " ").split()
    for char, spellings in SURNAME_SPELLINGS.items():
        if char not in zh:
            continue
        for spelling in spellings:
            if spelling not in words:
                continue
            if len(words) >= 2 or re.search(
                rf"\b[A-Z][a-z]+\s+{re.escape(spelling)}\b", document_english
            ):
                return True
    return False


def later_surname(token: str, en: str, document_english: str) -> bool:
    """A Chinese person named in the English by the surname alone (Wong), in its non-pinyin
    spelling, after the document gave the whole name (Lawrence Wong): news style for a later
    mention."""
    return spelt_surname(token, document_english) and any(
        re.search(rf"\b{re.escape(s)}\b", en) for s in SURNAME_SPELLINGS.get(token[0], ())
    )


_NAME_TAGS = frozenset({"nr", "nrt", "ns", "nt", "nz"})


@lru_cache(maxsize=1)
def _english_names() -> frozenset[str]:
    """Every name CC-CEDICT gives a headword (the start of a definition with a capital, up to
    a comma or bracket: Paris, Los Angeles): an English run that is one names a place or person
    the dictionary would link, so it is no rendering by sound of another Chinese name."""
    from tm.lexicon.cedict import definitions

    names = set()
    for entry in definitions().values():
        for definition in entry:
            if definition[:1].isupper():
                names.add(re.split(r"\s*[,;(]", definition)[0].strip())
    return frozenset(names)


@lru_cache(maxsize=4096)
def _names_by_sound(zh: str, en: str) -> tuple[str, ...]:
    """Foreign names by sound in the Chinese (赫伯罗特, tagged so or made of the characters
    such names use, not a common word) that the English renders neither by their pinyin nor by
    a name CC-CEDICT gives them: names the checker leaves alone, which still want an English
    name to render them."""
    from tm.lexicon.cedict import definitions
    from tm.lexicon.pinyin import pinyin_forms
    from tm.lexicon.tokenizer import tagged_tokens

    table = definitions()
    letters = re.sub(r"[^a-z]", "", en.lower())
    found: list[str] = []
    previous = ""
    people: list[tuple[int, int]] = []  # runs of tokens tagged as people: 泽|连斯基 is one
    position = 0
    for token, tag in tagged_tokens(zh):
        start = zh.find(token, position)
        if start >= 0:
            position = start + len(token)
            if tag in ("nr", "nrt") and previous in ("nr", "nrt") and people:
                people[-1] = (people[-1][0], position)
            elif tag in ("nr", "nrt"):
                people.append((start, position))
        if tag == "nrt" and previous == "nrt":
            found[-1] += token  # 穆斯|卡特: one name the tagger cut in two
        elif tag == "nrt":
            found.append(token)
        previous = tag
    spans: list[tuple[int, int]] | None = None  # the dictionary's words, when first wanted
    for m in TRANSLITERATION_RUN.finditer(zh):
        whole = next((zh[i:j] for i, j in people if i <= m.start() and m.end() <= j), "")
        if len(whole) > len(m.group()) and whole not in table:
            # 斯基 of 泽连斯基 (泽|连斯基, tagged as a person): the name is the whole run
            if not any(whole in t or t in whole for t in found):
                found.append(whole)
            continue
        entry = table.get(m.group())
        if entry and not any(d[:1].isupper() and not d.startswith("CL:") for d in entry):
            continue  # a common word (马上, 利用, 比赛 "match; CL:场")
        if spans is None:
            spans = [
                (i, i + n) for i in range(len(zh)) for n in range(2, 9) if zh[i : i + n] in table
            ]
        a, b = m.span()
        if any(i < b and j > a and not (a <= i and j <= b) for i, j in spans):
            continue  # across or inside a word of the dictionary (兆|瓦|海|上)
        if not any(m.group() in t or t in m.group() for t in found):
            found.append(m.group())
    from tm.checks.latin_names import english_name_runs

    out = []
    runs = english_name_runs(en)
    for name in found:
        if any(form in letters for form in pinyin_forms(name)):
            continue
        if renders_by_sound(name, runs):
            continue  # it renders an English name already (欧尔班 Orban): no other one
        # Its own entry or a longer word that holds it (阿茨 in 阿茨海默症 "Alzheimer's").
        holders = [name, *(w for w in words_in(zh) if name in w)]
        names = [
            n for w in holders for d in table.get(w, ()) for n in re.findall(r"\b[A-Z][A-Za-z]+", d)
        ]
        if any(n in en for n in names):
            continue
        if any(len(n) >= 5 and re.search(rf"\b{re.escape(n[: len(n) - 2])}", en) for n in names):
            continue  # Ukrainian for 乌克兰 "Ukraine", tagged as a person
        out.append(name)
    return tuple(out)


def settle(
    zh: str,
    en: str,
    unexplained: list[str],
    chinese_lost: list[tuple[str, str]],
    english_lost: list[str],
    kept: frozenset[str] | set[str] = frozenset(),
) -> tuple[list[tuple[str, str]], list[str]]:
    """One unexplained name on each side of a pair is most likely the same name, rendered by
    sound or by its own brand (马士基 Maersk, 罗勇府 Rayong): a Chinese name no dictionary
    names is lost only when the Chinese has more such names than the English has unexplained
    name runs that could be one (not a name CC-CEDICT links to other characters, Paris for
    洛杉矶; not a pinyin name; not for a Chinese person, whose English is pinyin or a known
    surname spelling). The English runs so paired are not lost either."""
    from tm.checks.latin_names import english_name_runs

    # A Chinese name by sound that spells an English name of the pair is rendered (武契奇 ~
    # Vucic): it is lost no more, and the run it spells renders nothing else.
    runs = english_name_runs(en)
    linked = [(n, w) for n, w in chinese_lost if not name_heads(n) and renders_by_sound(n, runs)]
    if linked:
        chinese_lost = [f for f in chinese_lost if f not in linked]
        english_lost = [r for r in english_lost if not any(spells(n, r) for n, _w in linked)]
        unexplained = [r for r in unexplained if not any(spells(n, r) for n, _w in linked)]
    by_sound = [
        n for n in _names_by_sound(zh, en) if not any(n in z or z in n for z, _w in chinese_lost)
    ]
    # A name the document's Chinese keeps in Latin elsewhere is lost here whatever else.
    kept_elsewhere = [r for r in english_lost if any(fold(w) in kept for w in r.split())]
    if english_lost and not chinese_lost and len(english_lost) <= len(by_sound):
        # English names the Chinese renders by sound (Buckley Prize for 巴克利奖), as many
        # as there are: the Chinese has a name for each, no dictionary links them.
        return chinese_lost, kept_elsewhere
    if not chinese_lost or not unexplained:
        return chinese_lost, english_lost
    known = _english_names()
    spellings = _surnames_by_spelling()

    def pairable_zh(name: str, wanted: str) -> bool:
        if not wanted.startswith("no "):
            return False  # a misspelt given name: an error of its own
        # The dictionary has its English name: that one is wanted.
        return not (name_heads(name) or renderings_of(name))

    def pairable_en(run: str) -> bool:
        words = run.split()
        if run in known:
            return False
        if len(words) == 2 and all(pinyin_name_word(w.lower().replace("-", "")) for w in words):
            return False  # a Chinese person's name in pinyin: another person's
        # A surname as Cantonese or Wade-Giles spell it, of no surname the Chinese holds (Joe
        # Chan beside 蔡崇信): another Chinese person too.
        return not any(w in spellings and not any(c in zh for c in spellings[w]) for w in words)

    lone_zh = [(n, w) for n, w in chinese_lost if pairable_zh(n, w)]
    lone_en = [r for r in unexplained if pairable_en(r)]
    if not lone_zh or len(lone_zh) + len(by_sound) > len(lone_en):
        return chinese_lost, english_lost
    paired = {n for n, _w in lone_zh}
    return (
        [(n, w) for n, w in chinese_lost if n not in paired],
        [r for r in english_lost if r not in lone_en],
    )


@lru_cache(maxsize=1)
def _surnames_by_spelling() -> dict[str, frozenset[str]]:
    """Each listed non-pinyin spelling of a surname and the surnames it spells (Chan: 陈)."""
    found: dict[str, set[str]] = {}
    for surname, spellings in SURNAME_SPELLINGS.items():
        for spelling in spellings:
            found.setdefault(spelling, set()).add(surname)
    return {spelling: frozenset(surnames) for spelling, surnames in found.items()}


def time_zone(word: str) -> bool:
    """A Chinese word CC-CEDICT glosses as a time zone (北京时间 "Chinese Standard Time"): the
    English converts the time or leaves it, it does not name the zone; its place (北京) is not
    demanded through it."""
    from tm.lexicon.cedict import definitions

    return any(d.lower().endswith(" time") for d in definitions().get(word, ()))


def title_after(zh: str, end: int, en: str) -> bool:
    """A body right before the title of its head that the English gives as a title (国务院总理
    "Premier", 外交部部长 "Foreign Minister"): the title names the office, news English does not
    add the body."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    for size in (3, 2):
        title = zh[end : end + size]
        if len(title) < size or title[-1] not in TITLE_ENDS:
            continue
        for definition in table.get(title, ()):
            gloss = re.split(r"\s*[,;(]", definition)[0].strip()
            if gloss and gloss[:1].islower() and re.search(rf"\b{re.escape(gloss.title())}\b", en):
                return True
    return False


def pinyin_name_of(words: str, zh: str) -> bool:
    """The English words are the pinyin of some characters of the Chinese (Qian Qian for 钱前:
    a name, not a word doubled)."""
    return bool(HAN.search(zh)) and words[:1].isupper() and pinyin_spells(zh, words)


_ACRONYM_TAIL = re.compile(r"^[a-z]{1,6}([A-Z]{2,})$")


def acronym_tail(entity: str) -> str | None:
    """The acronym a word in mixed case ends with after a prefix in lower case (microRNA, mRNA,
    siRNA → RNA): such a word is rendered wherever the acronym is (微小核糖核酸, 信使核糖核酸), the
    Chinese giving the prefix in words of its own."""
    match = _ACRONYM_TAIL.match(entity)
    return match.group(1) if match else None
