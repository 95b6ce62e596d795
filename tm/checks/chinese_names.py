"""Chinese names the English lost: people, places, companies and bodies of the Chinese that
the English neither spells nor renders (the other half of the names check in `entities`)."""

from __future__ import annotations

import re
from functools import lru_cache

from tm.checks.chinese_people import (
    HONORIFICS_ZH,
    framed_person,
    joined_surnames,
    joined_third_characters,
    misspelt_given_name,
    surname_alone,
    surname_of,
    surname_only,
    whole_name_wanted,
)
from tm.checks.chinese_renderings import (
    BODY_ENDS,
    COMMON_TAGS,
    NAME_TAGS,
    PLACE_TAGS,
    alias_in,
    dictionary_names,
    in_acronym,
    inside_sound_name,
    inside_word,
    paraphrased_on_acronym,
    rendered,
    rendered_by_meaning,
    shown,
    straddled,
)
from tm.checks.latin_names import ARTICLES, english_name_runs, pinyin_name
from tm.checks.name_evidence import (
    HEAD,
    LATIN,
    LATIN_WORD,
    NOT_HEAD_WORDS,
    PLACE_SUFFIX,
    SURNAMES,
    TRANSLITERATION,
    acronyms,
    alternation,
    defined_in,
    name_heads,
    pinyin_spells,
    place_names,
    policy_words,
    renderings_of,
    spelt_in_pinyin,
    spelt_surname,
    words_in,
)
from tm.checks.name_pairs import (
    later_surname,
    time_zone,
    title_after,
)
from tm.checks.transliteration import rendered_otherwise, renders_by_sound
from tm.text.fold import fold


def unrendered_chinese_names(zh: str, en: str, document_english: str) -> list[tuple[str, str]]:
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
    tagged = joined_third_characters(joined_surnames(tagged_tokens(zh)))
    spans: list[tuple[int, int]] = []
    for token, _tag in tagged:
        start = zh.find(token, spans[-1][1] if spans else 0)
        spans.append((start, start + len(token)) if start >= 0 else (-1, -1))
    # Characters of places the dictionary knows whole (秘鲁 in 秘鲁利马; 阿根廷 of 罗马阿根廷剧院,
    # tagged as a person): a neighbour made of them is a name of its own, not the rest of a
    # name by sound.
    known_place = {
        i
        for (token, tag), (a, b) in zip(tagged, spans, strict=True)
        if (tag in PLACE_TAGS or tag == "nr") and a >= 0 and place_names(token, definitions())
        for i in range(a, b)
    }

    def around(a: int, b: int) -> str:
        return "".join(zh[i] for i in (a - 1, b) if 0 <= i < len(zh) and i not in known_place)

    for index, (token, tag) in enumerate(tagged):
        start, position = spans[index]
        if start < 0:
            continue
        if (tag in NAME_TAGS and not (tag in PLACE_TAGS and place_names(token, definitions()))) or (
            tag == "nr"
            and not surname_of(tagged, index)
            and name_heads(token)
            and not rendered_otherwise(token, zh, start, en)
        ):
            unknown.append((start, token))  # 乌克兰 Ukraine, 支付宝 Alipay, tagged as people
            tag_of[start] = tag
        if (
            tag == "nrfg"
            and (token[0] in SURNAMES or name_heads(token))
            and token[-1] not in "家姓氏"
        ):
            tag = "nr"  # a person named in full (李咏, 习近平), not 李家 "the Lis"
        if tag != "nr" and framed_person(tagged, index):
            tag = "nr"  # 首席经济学家温彬认为: a title, a name, a verb of saying
        if (
            tag == "nr"
            and 2 <= len(token) <= 3
            and (surname_of(tagged, index) or tagged[index][1] != "nr")
            and token[-1] not in _ABBREVIATION_ENDS  # 卫健委: a body's short name, no person
        ):
            heads = name_heads(token) if token in definitions() else ()
            if token in definitions() and not heads:
                continue  # a word the tagger takes for a name (谢谢, 张力, 高明)
            if (
                heads
                and (
                    rendered(token, heads, lowered, letters, en, document_english)
                    or alias_in(token, en)
                )
                and not surname_only(token, letters, words)
            ):
                continue  # a name the dictionary knows (马化腾 Ma Huateng, 罗斯 Ross)
            after = zh[position : position + 1]
            before = zh[start - 1 : start] if start > 0 else ""
            if (after and (after in TRANSLITERATION or after == "·")) or before == "·":
                continue  # a foreign name by sound (冯德|莱恩 for von der Leyen)
            if renders_by_sound(token, english_name_runs(en)):
                continue  # 武契奇 ~ Vucic: the learned table links it to an English name
            if all(c in TRANSLITERATION for c in token) and _english_names_left(zh, en):
                continue  # 罗斯 for Ross; but 朱琳 is Zhu Lin when no English name is left
            if rendered_by_meaning(token, words, definitions()):
                continue  # 夏粮 "summer grain": a word CC-CEDICT lacks whole, translated
            forms = pinyin_forms(token)
            if not forms or any(form in letters for form in forms):
                continue
            if spelt_surname(token, en) or later_surname(token, en, document_english):
                continue  # Joe Tsai for 蔡崇信: the surname as Wade-Giles or Cantonese spell it
            surnames = _syllables().get(token[0], frozenset()) & words
            if surnames:
                wrong = misspelt_given_name(token, surnames, en)
                if wrong:
                    found.append((token, f"{sorted(forms)[0].title()} in pinyin, not {wrong}"))
                elif token[1:] not in HONORIFICS_ZH and surname_alone(
                    token,
                    surnames,
                    en,
                    document_english,
                    # the title in two words (国家|主席 "President") or one
                    "".join(t for t, _g in tagged[max(0, index - 2) : index]),
                ):
                    found.append((token, whole_name_wanted(token, surnames)))
                continue
            wanted = shown(heads[0]) if heads else sorted(forms)[0].title()
            found.append((token, f"no {wanted}"))  # 彭博社: no Bloomberg
        elif tag in PLACE_TAGS:
            place = place_names(token, definitions())
            if not place:
                continue
            if inside_word(zh, start, position):
                # 香港|交易所: the place begins a longer name; it is rendered by that name or
                # by the place's own (Hong Kong Stock Exchange, the Hong Kong bourse).
                whole = _enclosing_name(zh, start, position)
                if whole and time_zone(whole[0]):
                    continue  # 北京时间: the English converts the time, names no zone
                if whole and not any(n.lower()[:4] in lowered for n in place):
                    word, heads = whole
                    if not rendered(
                        word, heads, lowered, letters, en, document_english
                    ) and not alias_in(word, en):
                        found.append((word, f"no {shown(heads[0])}"))
                continue
            if inside_sound_name(token, around(start, position)):
                continue  # 普拉|多 (Prado): a piece of a longer name by sound
            if in_acronym(place, zh, position, en):
                continue  # 中国电力 ↔ CPID: the place begins a name the English abbreviates
            stem = PLACE_SUFFIX.sub("", token)
            spelt = pinyin_forms(stem) if len(stem) >= 2 else frozenset()
            if any(form in letters for form in spelt):
                continue
            heads = name_heads(token) or name_heads(stem)
            if heads:
                # Every word of one of its names (People's Bank of China, not "People's Bank
                # of"); China for Chinese.
                if not rendered(
                    token, heads, lowered, letters, en, document_english
                ) and not title_after(zh, position, en):
                    found.append((token, f"no {shown(heads[0])}"))
                continue
            if any(name.lower()[:4] in lowered for name in place):
                continue  # Hangzhou, Asia; China for Chinese
            if any(
                re.search(rf"(?<![a-z]){re.escape(fold(a))}(?![a-z])", lowered)
                for a in renderings_of(token)
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
                rendered(token, heads, lowered, letters, en, document_english)
                or alias_in(token, en)
            ):
                found.append((token, f"no {shown(heads[0])}"))
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
        if inside_sound_name(token, around(offset, offset + len(token))):
            continue
        for start, end, word, heads in dictionary_names(token):
            start, end = start + offset, end + offset
            if (
                tag_of[offset] in COMMON_TAGS
                and all(len(h) < 2 for h in heads)
                and not _a_place(word)
                and not _MODEL.match(zh, end)  # 空客A350: the maker of a model, Airbus
            ):
                continue  # a common noun's tag, one word: 电视剧 "TV series" is no name
            if inside_sound_name(word, around(start, end)):
                continue  # 普拉|多博物馆 (the Prado): a piece of a longer name by sound
            if straddled(zh, start, end) and not _a_place(word):
                continue  # 卫生部门 "health departments": 部门 is a word, 卫生部 no ministry
            if rendered(word, heads, lowered, letters, en, document_english):
                continue
            if title_after(zh, end, en):
                continue  # 国务院总理 "Premier": the title names the office
            if in_acronym([w for head in heads for w in head], zh, end, en):
                continue
            found.append((word, f"no {shown(heads[0])}"))
    found += _cut_dictionary_names(zh, tagged, spans, en, document_english, found)
    if LATIN.search(zh):
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
    for start, end, word, heads in dictionary_names(zh):
        if any(word in w or w in word for w, _ in found):
            continue
        rest = en
        for m in LATIN_WORD.finditer(zh):
            if re.search(r"[（(]\s*$", zh[: m.start()]):
                continue  # 微信（WeChat）, 中国商飞公司（COMAC）: a gloss of the name before
            if (m.start() >= end and not zh[end : m.start()].strip()) or (
                m.end() <= start and not zh[m.end() : start].strip()
            ):
                continue  # 华为Huawei, Huawei 华为: the name and its gloss side by side
            if word not in renderings_of(m.group()) and not any(
                m.group() in d for d in table.get(word, ())
            ):
                continue
            rest = re.sub(rf"(?<![\w]){re.escape(m.group())}(?![\w])", " ", rest, count=1)
        if rest == en:
            continue
        lowered = rest.lower()
        if not rendered(
            word, heads, lowered, re.sub(r"[^a-z]", "", lowered), rest, ""
        ) and not alias_in(word, rest):
            more.append((word, f"no {shown(heads[0])} besides the Latin name the Chinese keeps"))
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
            # 联网 nz, 京沪 j, 瑞幸 nr (of 瑞幸咖啡 Luckin Coffee); not any noun
            if (tag in NAME_TAGS and tag not in COMMON_TAGS) or tag == "nr"
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
        heads = name_heads(word)
        if not heads or any(word in w or w in word for w, _ in found + more):
            continue
        head_token, head_tag = tagged[first]
        if head_tag in PLACE_TAGS and place_names(head_token, table):
            continue  # 香港|交易所: the place rule above judges a name that begins with a place
        if straddled(zh, start, end) or inside_sound_name(word, zh[start - 1 : start]):
            continue
        if rendered(word, heads, lowered, letters, en, document_english) or alias_in(word, en):
            continue
        if in_acronym([w for head in heads for w in head], zh, end, en):
            continue
        more.append((word, f"no {shown(heads[0])}"))
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
        if tag not in PLACE_TAGS or token in seen or any(w == token for w, _ in found):
            continue
        seen.add(token)
        heads = name_heads(token)
        if not heads or any(len(h) != 1 for h in heads) or not place_names(token, table):
            continue  # one word: 美国 is also the United States, USA, US
        place = [h[0] for h in heads]
        said = sum(len(re.findall(rf"(?<![A-Za-z]){_stem(p)}", en)) for p in place)
        if not said:
            continue  # not said at all: the other rules' to flag
        alone = [
            (a, b)
            for (t, _g), (a, b) in zip(tagged, spans, strict=True)
            if t == token and a >= 0 and not inside_word(zh, a, b)
        ]
        if not alone:
            continue
        short = {c for c in set(zh) if _short_name(c, token, place, table)}
        if names is None:
            names = dictionary_names(zh)
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
            more.append((token, f"no {place[0]} outside {word} “{shown(head)}”"))
    return more


#: "The province", "the country": a place named may be said so instead of by its name.
_PLACE_BY_KIND = re.compile(
    rf"\b(?:the|its|this)\s+(?:{alternation('place_gloss', 'kinds')}|country|nation|region)\b"
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
        while run and (not run[0][:1].isupper() or run[0] in ARTICLES):
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
        for word in dict.fromkeys(words_in(clause)):
            names = place_names(word, table)
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
_ABBREVIATION_ENDS = policy_words("abbreviation_ends", "characters")


_COMPANY_WORDS = policy_words("company_words")
#: A model number right after a word (波音787, 空客A350, 小米14): the word is its maker.
_MODEL = re.compile(r"[A-Z]{0,3}-?\d")
_COMPANY_GLOSS = re.compile(rf"\b(?:{alternation('company_words', 'kinds')})\b")


def _company_heads(word: str) -> tuple[tuple[str, ...], ...]:
    """The names of a company CC-CEDICT also glosses as a common word (小米 "Xiaomi, Chinese
    electronics company" and "millet"; 大众 Volkswagen and "the masses"), read from the
    definitions that say company or brand; none for a word whose names `name_heads` gives
    already (华为), which the other rules demand."""
    from tm.lexicon.cedict import definitions

    if name_heads(word):
        return ()
    heads = []
    for definition in definitions().get(word, ()):
        match = HEAD.match(definition.strip())
        if match and _COMPANY_GLOSS.search(definition):
            words = tuple(w for w in match.group().split() if w not in NOT_HEAD_WORDS)
            if words:
                heads.append(words)
    return tuple(heads)


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
            for a, rs in acronyms().items()
            for r in rs
            if len(r) >= 4
            and r.endswith(tuple(BODY_ENDS))
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
        if paraphrased_on_acronym(word, text):
            return True  # "the UN cultural agency" for 联合国教科文组织
        for run in re.finditer(
            r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|the|for)\s+)*[A-Z][\w'’-]*)*", text
        ):
            initials = "".join(w[0] for w in run.group().split() if w[:1].isupper())
            if acronym.upper() in initials:
                return True
    if word in definitions():
        heads = name_heads(word)
        lowered = en.lower()
        if heads and rendered(
            word, heads, lowered, re.sub(r"[^a-z]", "", lowered), en, document_english
        ):
            return True
    return False


def _english_names_left(zh: str, en: str) -> bool:
    """Whether the English holds a capitalised name the Chinese renders in no other way (kept
    in Latin, by pinyin or by a dictionary word): one left for a name by sound to render."""
    zh_folded = fold(zh)
    for run in english_name_runs(en):
        if pinyin_name(run.split()) and spelt_in_pinyin(run, zh):
            continue  # Zheng Qinwen ~ 郑钦文
        for word in run.replace("-", " ").split():
            if fold(word) in zh_folded or defined_in(word, zh) or pinyin_spells(zh, word):
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
                heads = name_heads(word)
                if heads:
                    best = (word, heads)
    return best


_PLACE_GLOSS = re.compile(
    rf"\b(?:{alternation('place_gloss', 'kinds')})"
    rf"\s+(?:{alternation('place_gloss', 'joined_by')})\b"
)


def _a_place(word: str) -> bool:
    """CC-CEDICT says the word is a place (利马 "Lima, capital of Peru"), whatever tag it got."""
    from tm.lexicon.cedict import definitions

    return any(_PLACE_GLOSS.search(d) for d in definitions().get(word, ()))


@lru_cache(maxsize=1)
def _standing_names() -> dict[str, list[str]]:
    """Common words that stand for a name (我国 is China), from data/names.json."""
    from tm.checks.names import _policy

    table = _policy().get("standing", {})
    assert isinstance(table, dict)
    return {k: list(v) for k, v in table.items() if not k.startswith("_")}


_ZH_NUMERALS = frozenset("〇一二三四五六七八九十两")
