"""Names rendered by a convention of news translation that the name rules do not see, each a
reason a name the other rules call lost is there after all (issue 17, false flags on clean
Chinese → English pairs), one function each:

- a Chinese name glossed in brackets by Latin the English keeps (国际棋联（FIDE） ↔ FIDE);
- an English place word in a romanisation older than pinyin (Peking opera ↔ 京剧);
- a count after an enumeration of that many names, which is no name (中国、坦桑尼亚和赞比亚三国:
  "the three countries", not the Three Kingdoms);
- China left out of a Chinese company named by its pinyin (中国平安 ↔ Ping An Insurance);
- a name of fiction used in its characters' plain sense (大桥 ↔ "the bridge");
- an English acronym spelt by a body's short Chinese name (世界羽联 ↔ BWF);
- a coined Chinese name translated in quotation marks (“港车北上” ↔ "Northbound Travel for Hong
  Kong Vehicles");
- a name said but for the word of its kind (商务部 ↔ Ministry of Commerce, 釜山 ↔ Busan);
- a faith or people said by its stem's adjective (犹太教 ↔ Jewish);
- a piece of a longer name the English renders (史克 in 葛兰素史克 ↔ GlaxoSmithKline);
- an acronym spelt out, both ways (东盟 ↔ the Association of Southeast Asian Nations);
- ü written u (吕植 ↔ Lu Zhi).

And two losses those conventions would otherwise hide: a place said again in a compound of
short names (坦赞铁路) or inside a quoted name (“港车北上”) must be said again in the English.
Kept apart from the rules they relax, and called once from `entities` (`apply_conventions`,
and `spelt_by_abbreviation` for English acronyms)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from tm.checks.name_evidence import (
    SURNAMES,
    alternation,
    defined_in,
    definition_words,
    pinyin_spells,
    place_names,
    policy_words,
    words_in,
)

_ZH_COUNTS = {
    c: n
    for n, cs in enumerate(("", "", "二两", "三", "四", "五", "六", "七", "八", "九", "十"))
    for c in cs
}


def glossed_in_brackets(word: str, zh: str, en: str) -> bool:
    """Every mention of the Chinese name is glossed by Latin in brackets right after it
    (国际棋联（FIDE）, 中国商飞（COMAC）) and the English has that Latin as a word: the
    translator wrote the name by its gloss."""
    mentions = [m.end() for m in re.finditer(re.escape(word), zh)]
    if not mentions:
        return False
    for end in mentions:
        gloss = _BRACKETED_LATIN.match(zh, end)
        if not gloss or not re.search(rf"(?<![\w]){re.escape(gloss.group(1))}(?![\w])", en):
            return False
    return True


_BRACKETED_LATIN = re.compile(r"\s*[（(]\s*([A-Za-z][A-Za-z0-9&.\- ]*[A-Za-z0-9])\s*[)）]")


@lru_cache(maxsize=1)
def old_spellings() -> dict[str, str]:
    """English place words in an older romanisation and the pinyin name each stands for
    (Peking → Beijing), from data/romanisations.json."""
    text = resources.files("tm.checks").joinpath("data", "romanisations.json").read_text("utf-8")
    return dict(json.loads(text)["spellings"])


def old_spelling_rendered(run: str, zh: str) -> bool:
    """Every word of the English name run is an older romanisation of a place the Chinese
    names, by a word whose CC-CEDICT definition says the pinyin name (京剧 "Beijing opera" for
    Peking) or by the pinyin itself (清华 for Tsinghua)."""
    words = run.replace("-", " ").split()
    table = old_spellings()
    return bool(words) and all(
        word in table and (defined_in(table[word], zh) or pinyin_spells(zh, table[word]))
        for word in words
    )


def counted_after_names(word: str, zh: str) -> bool:
    """A word that is a Chinese numeral and one character (三国, 两岸, 三地) right after an
    enumeration of exactly that many items (中国、坦桑尼亚和赞比亚三国) or a word of that
    many one-character short names (中日韩三国): it counts the names before it, at every
    mention."""
    if len(word) != 2 or word[0] not in _ZH_COUNTS:
        return False
    count = _ZH_COUNTS[word[0]]
    mentions = [m.start() for m in re.finditer(re.escape(word), zh)]
    if not mentions:
        return False
    for start in mentions:
        clause = re.split(r"[，。；：！？,;:\s“”\"《》（）()]", zh[:start])[-1]
        items = re.split(r"[、和与及同跟]", clause)
        if not (
            (len(items) == count and all(1 <= len(item) <= 8 for item in items))
            or (len(items) == 1 and len(clause) == count and all(map(_short_name, clause)))
        ):
            return False
    return True


def _short_name(char: str) -> bool:
    """CC-CEDICT gives the character a proper name's sense (中 'China', 日 'abbr. for 日本,
    Japan', 沪 'short name for Shanghai'), not only common words (读 'to read')."""
    from tm.lexicon.cedict import definitions

    return any(
        d[:1].isupper() or "abbr" in d or "short name" in d for d in definitions().get(char, ())
    )


def apply_conventions(
    zh: str, en: str, chinese_lost: list[tuple[str, str]], english_lost: list[str]
) -> tuple[list[tuple[str, str]], list[str]]:
    """The names each side has lost, those the other side renders by one of this module's
    conventions left out, and the places lost from compounds of short names added."""
    chinese = [
        (word, wanted)
        for word, wanted in chinese_lost
        if not glossed_in_brackets(word, zh, en)
        and not counted_after_names(word, zh)
        and not country_before_brand(word, zh, en)
        and not said_by_its_characters(word, en)
        and not said_but_its_kind(word, en)
        and not said_by_its_stem(word, en)
        and not inside_a_rendered_name(word, zh, en)
        and not acronym_spelt_out(word, en)
        and not spelt_without_umlaut(word, zh, en)
        and not in_storm_name(word, zh)
    ]
    for place in places_lost_from_compounds(zh, en) + places_lost_beside_quotation(zh, en):
        if not any(place[0] in word or word in place[0] for word, _w in chinese):
            chinese.append(place)
    english = [
        run
        for run in english_lost
        if not old_spelling_rendered(run, zh)
        and not translated_quotation(run, zh, en)
        and not spelt_out_acronym(run, zh)
        and not spelt_without_umlaut(run, zh, en)
        and not given_name_and_pinyin_surname(run, zh)
        and not blended_from_glosses(run, zh)
    ]
    return chinese, english


#: A news story's byline or photo credit: （记者张晓松、朱基钗）, (通讯员李明 记者王芳),
#: 新华社记者李贺摄. Agencies' English services leave their reporters' names out.
_BYLINE = re.compile(
    r"[（(]\s*(?:(?:特约|见习|实习)?记者|通讯员|实习生)[^（()）]{0,40}[）)]"
    r"|(?:(?:特约|见习)?记者)[\u4e00-\u9fff、 ]{2,16}摄"
)


def without_byline(zh: str) -> str:
    """The Chinese with its byline and photo credits blanked out, the same length (offsets
    hold): agencies' English services leave their reporters' names out (BEIJING, Dec. 2
    (Xinhua) -- … for 新华社北京12月2日电（记者张晓松）…), so they are neither lost names nor
    names by sound to pair with the English's."""
    return _BYLINE.sub(lambda m: "\u3000" * len(m.group()), zh)


#: A storm's name in quotation marks after the word for its kind (台风“桦加沙”, 强热带风暴“摩羯”):
#: the name is by sound or a word of the region's list, and a place inside it (加沙 Gaza) is no
#: place. The kinds are those of the China Meteorological Administration's bulletins.
_STORM_NAME = re.compile(
    r"(?:超强台风|强台风|台风|飓风|强热带风暴|热带风暴|热带低压|气旋)\s*[“「\"]([^”」\"]{1,6})[”」\"]"
)


def in_storm_name(word: str, zh: str) -> bool:
    """Every mention of the word is inside a storm's quoted name (台风“桦加沙” Typhoon Ragasa)."""
    names = [m.span(1) for m in _STORM_NAME.finditer(zh)]
    mentions = [m.start() for m in re.finditer(re.escape(word), zh)]
    return bool(names and mentions) and all(
        any(a <= start and start + len(word) <= b for a, b in names) for start in mentions
    )


def given_name_and_pinyin_surname(run: str, zh: str) -> bool:
    """A Chinese person the English names by an English given name and the surname in pinyin
    (Jensen Huang for 黄仁勋, Pony Ma for 马化腾): a word of the run is the pinyin of a
    surname that begins a name of two or three characters in the Chinese."""
    from tm.lexicon.pinyin import syllables

    words = run.replace("-", " ").split()
    if len(words) < 2:
        return False
    readings = syllables()
    return any(
        char in SURNAMES and any(w.lower() in readings.get(char, ()) for w in (words[0], words[-1]))
        for m in _HAN_RUN.finditer(zh)
        for char in m.group()[:-1]
    )


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def blended_from_glosses(run: str, zh: str) -> bool:
    """A one-word English name made of the starts of the English words that translate words
    of the Chinese name, as a brand or a body blends them (Eurostat for 欧盟统计局: Euro-pean +
    stat-istics; Computex for 电脑展: comput-er + ex-hibition): two or three pieces, each the
    start of a gloss word, of three letters or more but the last (ex)."""
    if " " in run or "-" in run or len(run) < 6:
        return False
    starts = _gloss_starts(zh)

    def split(rest: str, pieces: int) -> bool:
        if not rest:
            return pieces >= 2
        if pieces == 3:
            return False
        for end in range(len(rest), 1, -1):
            piece = rest[:end]
            if (
                (len(piece) >= 3 or end == len(rest))
                and piece in starts
                and split(rest[end:], pieces + 1)
            ):
                return True
        return False

    return split(run.lower(), 0)


def _gloss_starts(zh: str) -> frozenset[str]:
    """Every start (two letters or more) of every word of the CC-CEDICT definitions of the
    words inside the Chinese."""
    starts: set[str] = set()
    for word in dict.fromkeys(words_in(zh, longest=4)):
        for gloss in definition_words(word):
            if gloss.isalpha() and len(gloss) >= 3:
                starts.update(gloss[:n] for n in range(2, len(gloss) + 1))
    return frozenset(starts)


def country_before_brand(word: str, zh: str, en: str) -> bool:
    """China's name starting a Chinese company's (中国平安, 中国人寿) where the English names
    the company by the pinyin of the rest in a capitalised run (Ping An Insurance, not China
    Ping An): the country word is left out of the brand by convention, at every mention. Not
    a province before a place (内蒙古四子王旗 keeps Inner Mongolia), nor another country
    before a city (美国旧金山 keeps the United States)."""
    from tm.lexicon.pinyin import transliterates

    if word not in _STATE_WORDS:
        return False
    runs = [r.split() for r in _CAPITALISED_RUN.findall(en)]
    mentions = [m.end() for m in re.finditer(re.escape(word), zh)]
    if not mentions:
        return False
    for end in mentions:
        rest = zh[end : end + 4]
        if not any(
            transliterates(rest[:n], " ".join(run[:k]))
            for n in (2, 3, 4)
            if len(rest) >= n and all("\u4e00" <= c <= "\u9fff" for c in rest[:n])
            for run in runs
            for k in range(1, len(run) + 1)  # or begins a longer name: Ping An Insurance
        ):
            return False
    return True


_PLACE_GLOSS = re.compile(
    rf"\b(?:{alternation('place_gloss', 'kinds')})"
    rf"\s+(?:{alternation('place_gloss', 'joined_by')})\b"
)
#: The country word of Chinese companies' names (中国平安, 中华保险).
_STATE_WORDS = ("中国", "中华")
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def said_by_its_characters(word: str, en: str) -> bool:
    """A word CC-CEDICT knows only as a name of history or fiction (大桥 'Da Qiao, one of the
    Two Qiaos') used in its characters' plain sense: the English says the sense of its last
    character, the head of a Chinese compound and a noun (CC-CEDICT gives it a classifier), as
    a lower-case word outside any capitalised name (大桥 "the bridge", 桥 'bridge'). A name
    that holds that sense (长江 'Yangtze River', 江 'river') is not such a word: "the river"
    may be what is left of it; nor is a place (黄山 'Huangshan city in Anhui')."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    senses = table.get(word, ())
    if len(word) != 2 or not senses or any(_PLACE_GLOSS.search(d) for d in senses):
        return False  # 黄山 'Huangshan city in Anhui': a place, which "the mountain" may be
    if any(not d.strip()[:1].isupper() for d in senses):
        return False  # a common word too: the name rules judge it as such
    head = table.get(word[-1], ())
    if not any(d.startswith("CL:") for d in head):
        return False  # a noun has a classifier (桥 'bridge', CL:座); 为 of 华为 has none
    for sense in head:
        sense = sense.strip()
        if not re.fullmatch(r"[a-z]{3,}", sense):
            continue
        if any(sense in d.lower() for d in senses):
            return False  # 长江 'Yangtze River': the name says the sense
        for m in re.finditer(rf"(?<![A-Za-z-]){re.escape(sense)}s?(?![A-Za-z])", en):
            before = en[: m.start()].split()
            if not before or not before[-1][:1].isupper() or before[-1] in _DETERMINERS:
                return True  # "The bridge", "the 55-kilometer bridge"; not "Golden Gate bridge"
    return False


_DETERMINERS = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "Our"})


@lru_cache(maxsize=1)
def _abbreviation_ends() -> dict[str, list[str]]:
    text = resources.files("tm.checks").joinpath("data", "abbreviations.json").read_text("utf-8")
    return dict(json.loads(text)["ends"])


def spelt_by_abbreviation(acronym: str, zh: str) -> bool:
    """An English acronym of a body the Chinese writes by a short name no dictionary has
    (BWF for 世界羽联, short for 世界羽毛球联合会 'Badminton World Federation'): the acronym
    ends in the initial of the body word its last character is short for (联 federation,
    data/abbreviations.json), and each other letter, in any order (the Chinese says 'world
    badminton'), is the initial of a gloss of one other part: a dictionary word right before
    the short name (世界 'world') or a character of it, by a word it begins (羽 of 羽毛球
    'badminton')."""
    from tm.lexicon.cedict import definitions
    from tm.lexicon.tokenizer import tagged_tokens

    if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 6):
        return False
    ends = _abbreviation_ends()
    table = definitions()
    tagged = tagged_tokens(zh)
    for index, (token, _tag) in enumerate(tagged):
        if (
            not 2 <= len(token) <= 4
            or token in table
            or token[-1] not in ends
            or not all("\u4e00" <= c <= "\u9fff" for c in token)
        ):
            continue
        if not any(acronym[-1] == kind[0].upper() for kind in ends[token[-1]]):
            continue
        parts = [_initials_begun_by(char) for char in token[:-1]]
        before = [t for t, _g in tagged[max(0, index - 2) : index]]
        for used in range(len(before) + 1):
            words = [_initials_of(t) for t in before[len(before) - used :]]
            if _matched(acronym[:-1], words + parts):
                return True
    return False


def _initials_of(word: str) -> frozenset[str]:
    """The initials of the first words of a dictionary word's glosses (世界 'world': W)."""
    from tm.lexicon.cedict import definitions

    return frozenset(
        m.group(1)[0].upper()
        for d in definitions().get(word, ())
        if (m := _GLOSS_HEAD.match(d.strip())) and m.group(1).lower() not in _GLOSS_NOISE
    )


@lru_cache(maxsize=4096)
def _initials_begun_by(char: str) -> frozenset[str]:
    """The initials of the glosses of the dictionary words a character begins, of two or three
    characters (羽: 羽毛球 'badminton', 羽毛 'feather'): what the character may be short for."""
    found: set[str] = set()
    for word in _words_begun_by().get(char, ()):
        found |= _initials_of(word)
    return frozenset(found)


@lru_cache(maxsize=1)
def _words_begun_by() -> dict[str, list[str]]:
    from tm.lexicon.cedict import definitions

    index: dict[str, list[str]] = {}
    for word in definitions():
        if 2 <= len(word) <= 3:
            index.setdefault(word[0], []).append(word)
    return index


#: Glosses that say what a character is ('surname Xia', 'variant of …'), not what it means.
_GLOSS_NOISE = policy_words("gloss_noise")
#: A gloss's first word, after "to" or a bracketed note ("(bound form) to ally").
_GLOSS_HEAD = re.compile(r"(?:\([^)]*\)\s*)?(?:to\s+)?([A-Za-z]{3,})")


def _matched(letters: str, parts: list[frozenset[str]]) -> bool:
    """Each letter is the initial of a different part, every part used once."""
    if len(letters) != len(parts):
        return False
    if not letters:
        return True
    first = letters[0]
    return any(
        first in part and _matched(letters[1:], parts[:i] + parts[i + 1 :])
        for i, part in enumerate(parts)
    )


def translated_quotation(run: str, zh: str, en: str) -> bool:
    """An English name run inside a quotation that translates a quotation of the Chinese by
    meaning (“港车北上” as "Northbound Travel for Hong Kong Vehicles": 北 'north', 港 'Hong
    Kong', 车 'vehicle'): two in three of the English quotation's capitalised words begin as a
    gloss of a word or character of the Chinese one does. A coined Chinese name has no
    dictionary entry; its official English is a translation."""
    quoted = [q for q in _EN_QUOTE.findall(en) if run in q]
    if not quoted:
        return False
    return any(_quotation_pairs(zh, quote) for quote in quoted)


def _quotation_pairs(zh: str, quote: str) -> list[str]:
    """The quotations of the Chinese the English quotation translates by meaning: two in three
    of its capitalised words begin as a gloss of a word or character of the Chinese one
    does (glosses by their first four letters, north for Northbound, or whole)."""
    words = [w.lower() for w in re.findall(r"[A-Z][A-Za-z]+", quote) if len(w) >= 3]
    if not words:
        return []
    found = []
    for chinese in _ZH_QUOTE.findall(zh):
        senses = {
            word[:4]
            for part in [*words_in(chinese), *chinese]
            for word in definition_words(part)
            if len(word) >= 3 and word.isalpha()
        }
        said = sum(w[:4] in senses or w.removesuffix("s") in senses for w in words)
        if 3 * said >= 2 * len(words):
            found.append(chinese)
    return found


def places_lost_beside_quotation(zh: str, en: str) -> list[tuple[str, str]]:
    """A place the Chinese names on its own and again by its short name inside a quoted name
    (香港 … “港车北上”, 港 'Hong Kong (abbr. for 香港)') that the English translates in a
    quotation ("Northbound Travel for Hong Kong Vehicles"): the English must name the place
    outside its quotation too, as the Chinese does."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    found: list[tuple[str, str]] = []
    for quote in _EN_QUOTE.findall(en):
        for chinese in _quotation_pairs(zh, quote):
            outside_zh = zh.replace(chinese, " ")
            outside_en = en.replace(quote, " ")
            for char in dict.fromkeys(chinese):
                for definition in table.get(char, ()):
                    m = _ABBREVIATION_OF.match(definition)
                    if not m or m.group(2) not in outside_zh or m.group(1) not in quote:
                        continue
                    if m.group(1) not in outside_en and m.group(2) not in dict(found):
                        found.append((m.group(2), f"no {m.group(1)} outside “{chinese}”"))
    return found


#: A character's gloss as a place's short name: 'Hong Kong (abbr. for 香港[Xiang1 gang3])'.
_ABBREVIATION_OF = re.compile(r"([A-Z][\w' -]+?) \(abbr\. for (?:[^|\[)]+\|)?([^|\[)]+)")


_EN_QUOTE = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_ZH_QUOTE = re.compile(r"[“「『]([^”」』]+)[”」』]")


def places_lost_from_compounds(zh: str, en: str) -> list[tuple[str, str]]:
    """Places the Chinese names in full and again by their first characters joined into a
    compound (坦桑尼亚 and 赞比亚, then 坦赞铁路 'Tanzania-Zambia Railway'), which the English
    renders by the places' names (one is said twice, or joined by a hyphen): each is then said
    twice in the English, once alone and once in the compound; said once, one mention is lost
    ("the Zambia Railway" lost Tanzania). A compound the English renders otherwise ("the
    railway") asks nothing. Places of one-word names only, as in
    `chinese_names._outnumbered_places`."""
    from tm.lexicon.cedict import definitions

    capitalised = re.findall(r"\b[A-Z][a-z]{3,}", en)
    if len(set(capitalised)) == len(capitalised) and not re.search(r"\w-[A-Z]|-[A-Z]", en):
        return []  # no name said twice nor joined: no compound rendered by places' names
    table = definitions()
    places: dict[str, tuple[str, list[str]]] = {}  # first character: the place, its names
    spans: set[int] = set()
    for word in dict.fromkeys(words_in(zh, longest=6)):
        names = place_names(word, table)
        if len(word) >= 2 and len(names) == 1 and all(d[:1].isupper() for d in table[word]):
            places.setdefault(word[0], (word, names))
            for m in re.finditer(re.escape(word), zh):
                spans |= set(range(m.start(), m.end()))
    found: list[tuple[str, str]] = []
    for i in range(len(zh) - 1):
        run = ""
        for j in range(i, min(len(zh), i + 3)):
            if j in spans or zh[j] not in places:
                break
            run += zh[j]
        if len(run) < 2 or (i > 0 and zh[i - 1] in places and i - 1 not in spans):
            continue
        compound = [places[c] for c in run]
        heads = [names[0] for _w, names in compound]
        said = [len(re.findall(rf"(?<![A-Za-z]){re.escape(h)}(?![a-z])", en)) for h in heads]
        if not any(
            n >= 2 or re.search(rf"-{re.escape(h)}\b|\b{re.escape(h)}-", en)
            for h, n in zip(heads, said, strict=True)
        ):
            continue  # the compound is not rendered by the places' names (TAZARA)
        for (word, _names), head, n in zip(compound, heads, said, strict=True):
            if n == 1 and not any(w == word for w, _ in found):  # none: the other rules'
                found.append((word, f"no {head} outside {run}"))
    return found


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    text = resources.files("tm.checks").joinpath("data", "abbreviations.json").read_text("utf-8")
    return frozenset(json.loads(text)["kinds"])


_KINDS_PATTERN = "|".join(
    json.loads(
        resources.files("tm.checks").joinpath("data", "abbreviations.json").read_text("utf-8")
    )["kinds"]
)


def said_but_its_kind(word: str, en: str) -> bool:
    """The English says every word of one of the name's CC-CEDICT names but those that say
    its kind (商务部 'Department of Commerce' as the Ministry of Commerce, 釜山 'Busan
    Metropolitan City' as Busan), each capitalised as a name is."""
    from tm.checks.name_evidence import name_heads

    kinds = _kind_words()
    for head in name_heads(word):
        rest = [w for w in head if w not in kinds and w != "of"]
        if not rest or len(rest) == len([w for w in head if w != "of"]):
            continue
        if "of" in head:  # a body's kind is said, if another one: the Ministry of Commerce
            named = r"\s+(?:and\s+)?".join(map(re.escape, rest))
            said = bool(re.search(rf"\b(?:{_KINDS_PATTERN})\s+of\s+(?:the\s+)?{named}\b", en))
        else:  # a place's may be left out: Busan
            said = all(re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![a-z])", en) for w in rest)
        if said:
            return True
    return False


#: Last characters that make a people's or a place's word a word of its faith, its people or
#: its language (犹太教 'Judaism' of 犹太 'the Jews', 法国人, 汉语): English says these by the
#: adjective (a Jewish home).
_KIND_SUFFIXES = "教人语族裔"


def said_by_its_stem(word: str, en: str) -> bool:
    """A word made of a people's or a place's word and a suffix of kind (犹太教 'Judaism', of
    犹太 'the Jews') that the English renders by the adjective of the stem (a religious Jewish
    home): a capitalised English word begins as a capitalised gloss of the stem does."""
    from tm.lexicon.cedict import definitions

    if len(word) < 3 or word[-1] not in _KIND_SUFFIXES:
        return False
    stems = {
        name[: max(3, len(name) - 1)]
        for definition in definitions().get(word[:-1], ())
        for name in re.findall(r"\b[A-Z][a-z]{2,}", definition)
    }
    return any(re.search(rf"\b{re.escape(stem)}[a-z]*\b", en) for stem in stems)


def inside_a_rendered_name(word: str, zh: str, en: str) -> bool:
    """Every mention of the word is a piece of a longer CC-CEDICT name the English renders
    (史克 inside 葛兰素史克 'GlaxoSmithKline', cut apart by the tagger)."""
    from tm.checks.chinese_renderings import rendered
    from tm.checks.name_evidence import name_heads
    from tm.lexicon.cedict import definitions

    if word in definitions():
        return False  # a word of its own (中国 in 中国商飞), not a piece the tagger cut
    lowered = en.lower()
    letters = re.sub(r"[^a-z]", "", lowered)
    wholes = [
        (m.start(), m.end())
        for longer in dict.fromkeys(words_in(zh))
        if len(longer) > len(word)
        and word in longer
        and (heads := name_heads(longer))
        and rendered(longer, heads, lowered, letters, en, "")
        for m in re.finditer(re.escape(longer), zh)
    ]
    mentions = [m.start() for m in re.finditer(re.escape(word), zh)]
    return bool(mentions) and all(
        any(a <= start and start + len(word) <= b for a, b in wholes) for start in mentions
    )


def spelt_out_acronym(run: str, zh: str) -> bool:
    """An English name run that spells out an acronym the Chinese renders (the Association of
    Southeast Asian Nations for 东盟 'ASEAN'): CC-CEDICT gives the acronym to a word of the
    Chinese, and every word of the run to an entry of that acronym ('ASEAN (Association of
    Southeast Asian Nations)')."""
    from tm.lexicon.cedict import acronym_headwords, definitions

    table = definitions()
    wanted = {w.lower() for w in run.replace("-", " ").split()}
    for word in dict.fromkeys(words_in(zh)):
        for acronym in {
            d.split()[0]
            for d in table.get(word, ())
            if _ACRONYM.fullmatch(d.split(" (")[0].strip())
        }:
            if any(wanted <= definition_words(h) for h in acronym_headwords(acronym)):
                return True
    return False


def acronym_spelt_out(word: str, en: str) -> bool:
    """A Chinese name CC-CEDICT gives as an acronym (东盟 'ASEAN') that the English spells out
    as another entry of that acronym names it (the Association of Southeast Asian Nations, of
    东南亚国家联盟 'ASEAN (Association of Southeast Asian Nations)')."""
    from tm.checks.name_evidence import name_heads
    from tm.lexicon.cedict import acronym_headwords, definitions

    for acronym in {
        d.split()[0]
        for d in definitions().get(word, ())
        if _ACRONYM.fullmatch(d.split(" (")[0].strip())  # 'ASEAN', not 'PRC National Day'
    }:
        for other in acronym_headwords(acronym):
            for head in name_heads(other):
                words = [w for w in head if w != "of"]
                if len(words) >= 2 and all(
                    re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![a-z])", en) for w in words
                ):
                    return True
    return False


_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


def _u_for_u_umlaut(latin: str) -> list[str]:
    """The spellings with ü that a name written with u after l or n may stand for (Lu Zhi:
    Lü Zhi, 吕植): English drops the umlaut, pinyin keeps it (written v)."""
    latin = latin.replace("ü", "v").replace("Ü", "V")
    spots = [m.start() + 1 for m in re.finditer(r"[LlNn]u", latin)]
    variants = [latin] if "v" in latin.lower() else []
    for mask in range(1, 1 << min(len(spots), 3)):
        chars = list(latin)
        for bit, spot in enumerate(spots[:3]):
            if mask >> bit & 1:
                chars[spot] = "v"
        variants.append("".join(chars))
    return variants


def spelt_without_umlaut(name: str, zh: str, en: str) -> bool:
    """A name in pinyin with ü written u (吕植 Lu Zhi, 女 nu): the Chinese name is spelt by a
    capitalised English run so read, or the English run (a name of the English) by some
    characters of the Chinese."""
    from tm.lexicon.pinyin import transliterates

    if re.search(r"[A-Za-z]", name):  # an English run, or what follows a word with ü
        before = re.search(rf"(\w*[üÜ]\w*)\s+{re.escape(name)}", en)
        runs = [name, f"{before.group(1)} {name}"] if before else [name]
        return any(pinyin_spells(zh, v) for run in runs for v in _u_for_u_umlaut(run))
    words = re.findall(r"[A-ZÜ][a-zü]+", en)
    return any(
        transliterates(name, variant)
        for i in range(len(words))
        for n in (1, 2, 3)
        if i + n <= len(words)
        for variant in _u_for_u_umlaut(" ".join(words[i : i + n]))
    )
