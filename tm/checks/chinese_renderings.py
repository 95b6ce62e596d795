"""How the English renders a name of the Chinese: by its dictionary names, shortened, by meaning,
as an acronym or an alias, or shown as it is; the evidence `chinese_names` asks before it calls
a Chinese name lost."""

from __future__ import annotations

import re

from tm.checks.latin_names import ordinary
from tm.checks.name_evidence import (
    HAN,
    HEAD,
    PLACE_SUFFIX,
    TRANSLITERATION,
    acronyms,
    name_heads,
    policy_words,
    renderings_by_chinese,
    renderings_of,
)
from tm.checks.name_pairs import acronym_in
from tm.text.fold import fold


def straddled(zh: str, start: int, end: int) -> bool:
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


BODY_ENDS = policy_words("body_ends")


_DOTTED_ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")


def _acronyms_of(text: str) -> list[str]:
    """The acronyms of English text, dotted ones (U.N., U.S.) as plain ones (UN, US)."""
    dotted = [m.group().replace(".", "") for m in _DOTTED_ACRONYM.finditer(text)]
    return re.findall(r"\b[A-Z]{2,}\b", text) + dotted


def paraphrased_on_acronym(word: str, text: str) -> bool:
    """A body's name paraphrased on an acronym that renders part of it: "the UN cultural
    agency" (or "the U.N. …", as AP writes it) for 联合国教科文组织, since UN is 联合国. The one
    rule for bodies whether CC-CEDICT, acronyms.json or the tagger found them."""
    if not word.endswith(tuple(BODY_ENDS)):
        return False  # bodies only (…组织, …基金会): not 中国人民银行 for "PRC"
    table = acronyms()
    return any(
        r in word and r != word for a in _acronyms_of(text) for r in table.get(a, ()) if len(r) >= 2
    )


def alias_in(word: str, en: str) -> bool:
    """A name CC-CEDICT gives after the first (中国石化 "China Petroleum and Chemical
    Corporation, Sinopec") is in the English."""
    from tm.lexicon.cedict import definitions

    return any(
        re.search(rf"(?<![\w]){re.escape(alias)}(?![\w])", en)
        for definition in definitions().get(word, ())
        for alias in (piece.strip() for piece in re.split(r"[,;]", definition)[1:])
        if alias[:1].isupper()
    )


def _truncated(word: str, en: str, document_english: str = "") -> bool:
    """The English writes the start of a CC-CEDICT name joined by "of" and then something
    else: "People's Bank of" with China lost, "Ministry of Science" for 教育部; or its end
    without its start: "Commercial Bank of China" for 中国工商银行."""
    from tm.lexicon.cedict import definitions

    for definition in definitions().get(word, ()):
        match = HEAD.match(re.sub(r"^\([^)]*\)\s*", "", definition.strip()))
        of = (
            re.search(r"^(.*?)\s+of\s+(?:the\s+)?([A-Z][\w'’.-]*)", match.group())
            if match
            else None
        )
        if not of or len(of.group(1).split()) > 4:
            continue
        before, after = re.escape(of.group(1)), re.escape(of.group(2))
        whole = re.compile(rf"\b{before}\s+of\s+(?:the\s+)?{after}")
        if whole.search(en):
            continue
        if re.search(rf"\b{before}\s+of\b", en):
            return True
        # Cut at the front: "Commercial Bank of China" for the Industrial and Commercial Bank
        # of China (and "Bank of China" is another bank); but a later mention may shorten a
        # name the document gives whole ("the Academy of Sciences").
        if whole.search(document_english):
            continue
        head = of.group(1).split()
        for k in range(1, len(head)):
            tail = " ".join(head[k:])
            if tail[:1].isupper() and re.search(
                rf"(?<![\w'’-]){re.escape(tail)}\s+of\s+(?:the\s+)?{after}", en
            ):
                return True
    return False


def shown(head: tuple[str, ...]) -> str:
    return " ".join(w for w in head if w != "of")


#: jieba's tags for names: of places, organisations, other proper nouns, transliterated names,
#: and abbreviations (欧盟, 亚运会 are "j").
PLACE_TAGS = policy_words("name_tags", "places")
COMMON_TAGS = policy_words("name_tags", "common")  # nouns and time words: 教育部, 国庆
NAME_TAGS = PLACE_TAGS | policy_words("name_tags", "others") | COMMON_TAGS


def inside_sound_name(token: str, around: str) -> bool:
    """A piece of a longer name by sound (伊|维拉 for Iweala): a transliteration character or
    a middle dot touches it."""
    return any(ch in TRANSLITERATION or ch == "·" for ch in around) and all(
        ch in TRANSLITERATION for ch in token
    )


def dictionary_names(zh: str) -> list[tuple[int, int, str, tuple[tuple[str, ...], ...]]]:
    """The names in Chinese text that CC-CEDICT knows (华为, 欧盟, 亚运会, 阿布扎比), by the
    longest headword at each place, left to right: the tagger leaves many untagged or glued
    to a common word (华为公司, 日本央行)."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    found = []
    i = 0
    while i < len(zh):
        if not HAN.match(zh[i]):
            i += 1
            continue
        size = next((n for n in range(min(8, len(zh) - i), 1, -1) if zh[i : i + n] in table), 0)
        if not size:
            i += 1
            continue
        word = zh[i : i + size]
        heads = name_heads(word)
        if heads:
            found.append((i, i + size, word, heads))
        i += size
    return found


def rendered(
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
    if paraphrased_on_acronym(word, en):
        return True  # "the U.N. children's agency" for 联合国儿童基金会

    def has(text: str, name: str) -> bool:
        # China for Chinese, Lebanon for Lebanese, "the statistics bureau"; a short word with
        # its capital (eight-day is not National Day); Kazakh for Kazakhstan, Uzbek for
        # Uzbekistan (a -stan country's adjective drops it).
        if len(name) >= 9 and name.endswith("stan"):
            name = name[:-5] if name.endswith("istan") else name[:-4]
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
    stem = PLACE_SUFFIX.sub("", word)
    if len(stem) >= 2 and any(form in letters for form in pinyin_forms(stem)):
        return True
    if any(
        re.search(rf"(?<![a-z]){re.escape(fold(a))}(?![a-z])", lowered) for a in renderings_of(word)
    ):
        return True
    if any(
        acronym_in(a, en) for a in [*renderings_of(word), *(h[0] for h in heads if len(h) == 1)]
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
    return all(ordinary(part) for part in word.split("-") if part)


def in_acronym(place: list[str], zh: str, end: int, en: str) -> bool:
    """A place that begins a longer name (Han characters follow it) which the English writes as
    an acronym starting with the place's initial: 中国电力 ↔ CPID, 重庆高速 ↔ CQEG."""
    if end >= len(zh) or not ("\u4e00" <= zh[end] <= "\u9fff"):
        return False
    initials = {name[0].upper() for name in place if name}
    return any(acronym[0] in initials for acronym in re.findall(r"\b[A-Z]{2,}\b", en))


def inside_word(zh: str, start: int, end: int, longest: int = 6) -> bool:
    """The span is part of a longer word: 意大利面 (spaghetti), 伊斯兰国 (ISIS), 美国手语 (ASL)
    are not the place they start with."""
    from tm.lexicon.cedict import definitions

    table, renderings = definitions(), renderings_by_chinese()
    for a in range(max(0, end - longest), start + 1):
        for b in range(end, min(len(zh), a + longest) + 1):
            if b - a > end - start and (zh[a:b] in table or zh[a:b] in renderings):
                return True
    return False


#: Words of CC-CEDICT's glosses that say what a character is rather than translate it.
_GLOSS_NOISE = policy_words("gloss_noise")


def rendered_by_meaning(token: str, words: set[str], table: dict[str, list[str]]) -> bool:
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
