"""English names the Chinese lost: Latin, pinyin and ordinary-word names of the English that
the Chinese neither keeps nor renders (one half of the names check in `entities`)."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from tm.checks.name_evidence import (
    LATIN_IN_HAN,
    SURNAMES,
    TRANSLITERATION_RUN,
    acronyms,
    alternation,
    defined_in,
    definition_words,
    is_pinyin,
    policy_words,
    spelt_in_pinyin,
    words_in,
)
from tm.checks.name_pairs import (
    acronym_tail,
    place_word_rendered,
    spelt_by_initials,
    surname_spelling_in,
)
from tm.checks.transliteration import rendered_by_sound
from tm.lexicon.cache import cedict_table
from tm.text.fold import fold
from tm.text.numbers import MONTHS


def mapped(entity: str, other_text: str, glossary) -> bool:  # type: ignore[no-untyped-def]
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
    if any(fold(word) in other_text for word in acronyms().get(entity, ())):
        return True
    if defined_in(entity, other_text) or spelt_by_initials(entity, other_text):
        return True
    tail = acronym_tail(entity)  # microRNA ↔ 微小核糖核酸, by RNA
    return tail is not None and mapped(tail, other_text, glossary)


# Names ------------------------------------------------------------------------------------------
_WORD_CAP = (  # Kahler-Braaten, O'Brien, Xi'an; not We've, You're
    r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+|['’](?!(?:ve|re|ll)\b)[a-z]{2,})*(?![A-Za-z])"
)
#: Lower-case particles inside a name (Bank of China, von der Leyen), in their listed order.
_PARTICLES = alternation("name_particles")
_CAPITALISED = re.compile(  # a middle initial inside: Oliver E. Buckley Prize
    rf"(?<![\w’'-]){_WORD_CAP}(?:(?:\s+(?:{_PARTICLES}))?(?:\s+[A-Z]\.)?\s+{_WORD_CAP})*"
)
_SENTENCE_START = re.compile(r"(?:[.!?:;\"“”\u2014\u2013\[(-]\s*|\s--\s*)$")
#: Capitalised words that are not names a translation must keep.
_NOT_NAMES = (
    policy_words("not_names") | {m.title() for m in MONTHS} | set(calendar.day_name)
)  # dates: the number check's


_MONTH_ABBREVIATION = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?=\s+\d))"
)


@lru_cache(maxsize=4096)
def english_name_runs(en: str) -> list[str]:
    """Runs of capitalised words that name someone or something: not a lone word starting a
    sentence (So, When), not an acronym (those are `entities.entities`)."""
    runs = []
    en = _MONTH_ABBREVIATION.sub(lambda m: " " * len(m.group()), en)  # Dec. 8: a date
    for m in _CAPITALISED.finditer(en):
        words = [w for w in m.group().split() if w[:1].isupper()]
        if (
            (m.start() == 0 or _SENTENCE_START.search(en[max(0, m.start() - 4) : m.start()]))
            and ordinary(words[0])
            and (len(words) == 1 or words[1] in _NOT_NAMES)
        ):
            words = words[1:]  # a word starting a sentence (Remember, Crucially), not Kanner
        words = [w for w in words if w not in _NOT_NAMES]
        if all(ordinary(w) for w in words) and not pinyin_name(words):
            # Ordinary words: a title (President) or a name translated by meaning (Video Music
            # Awards); only names that no dictionary writes in lower case are demanded.
            continue
        if words:
            runs.append(" ".join(words))
    return list(dict.fromkeys(runs))


ARTICLES = frozenset({"The", "A", "An"})


@lru_cache(maxsize=4096)
def _ordinary_name_runs(en: str) -> list[str]:
    """Runs of capitalised ordinary words inside a sentence, which name a product, a show or a
    body (running Windows, "The Bachelor", Autism Speaks): a dictionary writes each word in
    lower case, so `english_name_runs` leaves them out. Not a sentence's first word, nor a
    title's article."""
    runs = []
    en = _MONTH_ABBREVIATION.sub(lambda m: " " * len(m.group()), en)
    for m in _CAPITALISED.finditer(en):
        words = [w for w in m.group().split() if w[:1].isupper()]
        if m.start() == 0 or _SENTENCE_START.search(en[max(0, m.start() - 4) : m.start()]):
            # A sentence's or a quotation's first word ("You know", [Common time]); of a
            # title, its article only (“The Bachelor”).
            words = words[1:] if words[0] not in ARTICLES else words
        words = [w for w in words if w not in _NOT_NAMES and w not in ARTICLES]
        if words and all(ordinary(w) for w in words) and not pinyin_name(words):
            runs.append(" ".join(words))
    return list(dict.fromkeys(runs))


def _translated(word: str, zh: str) -> bool:
    """Some word of the Chinese translates `word` or its singular (Windows ↔ 窗户 "window")."""
    lowered = word.lower()
    forms = {lowered, lowered.removesuffix("s"), lowered.removesuffix("es")}
    if lowered.endswith("ies"):
        forms.add(lowered[:-3] + "y")
    return any(defined_in(form, zh) for form in forms if form)


def _translation_taken(word: str, run: str, en: str, zh: str) -> bool:
    """The Chinese translates the word of a name only as often as the English says it outside
    the name ("Autism Speaks … refer to autism": 自闭症 once, for the second): that translation
    is the other mention's, not the name's."""
    lowered = word.lower()
    pattern = rf"(?<![a-z]){re.escape(lowered)}(?![a-z])"
    outside = len(re.findall(pattern, en.lower())) - len(re.findall(re.escape(run), en))
    if outside <= 0:
        return False
    candidates = {c for c in words_in(zh) if lowered in definition_words(c)}
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


def unrendered_ordinary_names(en: str, zh: str, zh_folded: str, glossary) -> list[str]:  # type: ignore[no-untyped-def]
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
        and not mapped(run, zh_folded, glossary)
    ]
    if not missing or _names_left(zh, 0, en):
        return []
    return missing


def pinyin_name(words: list[str]) -> bool:
    """A Chinese name in pinyin (Gao Ping, Li Wei): a surname and a given name, each made of
    pinyin syllables, though English has words spelt so (ping, wei)."""
    if len(words) != 2 or words[0].lower() not in _surname_readings():
        return False
    return is_pinyin(words[1].lower().replace("-", ""))


@lru_cache(maxsize=1)
def _surname_readings() -> frozenset[str]:
    from tm.lexicon.pinyin import syllables as _syllables

    table = _syllables()
    return frozenset(s for ch in SURNAMES for s in table.get(ch, ()) if s.isalpha())


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


def ordinary(word: str) -> bool:
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
    dotted = [m.span() for m in re.finditer(r"[\u4e00-\u9fff]+·[\u4e00-\u9fff]+", zh)]
    count = len(dotted)  # 瑞秋·宾克斯, counted once: not again by its pieces (宾克斯, 瑞秋 nr)

    def in_dotted(start: int, end: int) -> bool:
        return any(start < b and a < end for a, b in dotted)

    # Titles: 《坏女权主义者》, “三联画” (a quotation of a sentence is no name).
    # A title CC-CEDICT translates into what the English says (“雨人” 'Rain Man') renders
    # that, not another name.
    count += sum(
        1
        for title in re.findall(r"《([^》]+)》|“([^”，。！？,.!?]{1,12})”", zh)
        if not _dictionary_rendering_in("".join(title), en)
    )
    for m in TRANSLITERATION_RUN.finditer(zh):
        entry = table.get(m.group())
        if entry and not any(d[:1].isupper() for d in entry):
            continue  # a common word (马上, 利用)
        if in_dotted(*m.span()):
            continue
        if _dictionary_rendering_in(m.group(), en) or _longer_rendering_in(
            zh, m.start(), m.end(), en
        ):
            continue  # 奥斯卡 'Oscar (Academy Award)' for the Academy Awards
        count += 1
    if count > taken:
        return True
    position = 0
    for token, tag in tagged_tokens(zh):
        start = zh.find(token, position)
        position = start + len(token) if start >= 0 else position
        if (  # 黄沙, 高平; not a verb the tagger takes for a name (扶正 "to set upright")
            tag == "nr"
            and not (start >= 0 and in_dotted(start, start + len(token)))
            and not any(d.startswith("to ") for d in table.get(token, ()))
            and not _dictionary_rendering_in(token, en)
        ):
            count += 1
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


def unrendered_names(  # type: ignore[no-untyped-def]
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
                and LATIN_IN_HAN.search(zh)
                # An ordinary word is lost only when nothing translates it: President of
                # President Obama is 总统, but Iris of Iris van Herpen is nothing.
                and (not ordinary(w) or not defined_in(w, zh))
            ]
            if lost and all(fold(w) not in zh_folded for w in lost):
                missing.append(" ".join(lost))
            continue
        if explained(run, zh, zh_folded, glossary, document_english, by_sound=False):
            by_dictionary += 1
            parts = run.replace("-", " ").split()  # Ningbo-Zhoushan Port: two cities and a port
            partial += _lost_pinyin_names(run, parts, zh, zh_folded, glossary)
            continue
        if rendered_by_sound(run, zh):
            # Rendered, but not counted as taking a name of the Chinese: a likeness by sound
            # may be chance, and the other names should not be flagged on it.
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
    if mapped(run, zh_folded, glossary) or spelt_in_pinyin(" ".join(parts), zh):
        return []
    table = _names_in_pinyin()
    return [
        w
        for w in parts
        if w.lower() in table
        and w[:1].isupper()
        and fold(w) not in zh_folded
        and not any(h in zh for h in table[w.lower()])
        and not defined_in(w, zh)
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


def shortened_only(runs: list[str], en: str, zh: str) -> list[str]:
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


def explained(  # type: ignore[no-untyped-def]
    run: str, zh: str, zh_folded: str, glossary, document_english: str = "", by_sound: bool = True
) -> bool:
    """The Chinese renders the English name run (not kept in Latin): by the glossary or a
    dictionary word, its pinyin, a place it is the adjective of, a person's surname spelt
    otherwise than in pinyin, or (unless `by_sound` is false) a name by sound that spells it
    (`transliteration`)."""
    parts = run.replace("-", " ").split()  # Ningbo-Zhoushan Port: two cities and a port
    return (
        mapped(run, zh_folded, glossary)
        or any(defined_in(w, zh) for w in parts)
        or spelt_in_pinyin(" ".join(parts), zh)
        or place_word_rendered(run, zh)  # Egyptian ↔ 埃及, Swedish kronor ↔ 瑞典克朗
        or surname_spelling_in(run, zh, document_english)  # Nancy Ip ↔ 叶玉如
        or (by_sound and rendered_by_sound(run, zh))  # Sentosa ↔ 圣淘沙
    )
