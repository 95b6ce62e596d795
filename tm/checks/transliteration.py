"""Names by sound: whether a Chinese transliteration (武契奇, 圣淘沙, 欧尔班) spells a Latin name
(Vucic, Sentosa, Orban) that no dictionary links to it.

The table is learned, not listed: benchmarks/transliteration_build.py aligns CC-CEDICT's
proper nouns with the Latin names they gloss (布什 Bush, 普京 Putin) and counts which letters
each pinyin syllable, and each frequent character, spells (data/transliteration.json, with its
source and the threshold chosen on held-out dictionary names). A character's letters never
seen are scored by their distance to its pinyin (吕 lü ~ "lu"), so an unseen name still links.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources

#: Letters one character may spell at most (森 "son", 曼 "mann", 斯 "s").
LONGEST = 6
#: What a piece of letters no table has is worth: a floor, raised for letters near the
#: character's pinyin (lost one unit of log probability per edit).
FLOOR = math.log(1e-4)
NEAR = math.log(0.01)


def letters_of(text: str) -> str:
    """A Latin name's letters, accents folded, lower case (Orbán → orban, Szijjártó →
    szijjarto)."""
    folded = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z]", "", folded.lower())


def levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def viterbi(chars: str, letters: str, emit: Callable[[str, str], float]) -> tuple[float, list[str]]:
    """The best split of the letters into one piece of one to `LONGEST` letters per
    character, in order, and its score (-inf when none)."""
    n, m = len(chars), len(letters)
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i, char in enumerate(chars):
        # Leave at least one letter for each character after this one.
        for j in range(min(m, i * LONGEST) + 1):
            if best[i][j] == -math.inf:
                continue
            for k in range(j + 1, min(m - (n - i - 1), j + LONGEST) + 1):
                score = best[i][j] + emit(char, letters[j:k])
                if score > best[i + 1][k]:
                    best[i + 1][k], back[i + 1][k] = score, j
    if best[n][m] == -math.inf:
        return -math.inf, []
    pieces, k = [], m
    for i in range(n, 0, -1):
        j = back[i][k]
        pieces.append(letters[j:k])
        k = j
    return best[n][m], pieces[::-1]


class Spelling:
    """Log probabilities that a pinyin syllable, or a character, spells a piece of letters."""

    def __init__(
        self,
        syllables: Mapping[str, Mapping[str, float]],
        characters: Mapping[str, Mapping[str, float]],
        readings: Mapping[str, frozenset[str]],
    ) -> None:
        self.syllables, self.characters, self.readings = syllables, characters, readings
        self._known: dict[tuple[str, str], float] = {}

    def emit(self, char: str, piece: str) -> float:
        known = self._known.get((char, piece))
        if known is None:
            known = self._known[(char, piece)] = self._emit(char, piece)
        return known

    def _emit(self, char: str, piece: str) -> float:
        readings = self.readings.get(char, frozenset())
        best = self.characters.get(char, {}).get(piece, FLOOR)
        for syllable in readings:
            best = max(best, self.syllables.get(syllable, {}).get(piece, FLOOR))
            # ü is v in the tables and u in English (吕 Lu, 女 Nu); zh, ch, sh read as j, c, s.
            best = max(best, NEAR - levenshtein(piece, syllable.replace("v", "u")))
        return best

    def score(self, chars: str, letters: str) -> float:
        """The mean log probability per character of the best split: a name by sound scores
        high (欧尔班 ~ orban), another name low (欧尔班 ~ viktor)."""
        if not chars or not (len(chars) <= len(letters) <= LONGEST * len(chars)):
            return -math.inf
        value, pieces = viterbi(chars, letters, self.emit)
        return value / len(chars) if pieces else -math.inf


@lru_cache(maxsize=1)
def _table() -> dict[str, object]:
    text = resources.files("tm.checks").joinpath("data", "transliteration.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _spelling() -> Spelling:
    from tm.lexicon.pinyin import syllables

    table = _table()
    return Spelling(table["syllables"], table["characters"], syllables())  # type: ignore[arg-type]


def threshold() -> float:
    return float(_table()["threshold"])  # type: ignore[arg-type]


@lru_cache(maxsize=1 << 14)
def score(chinese: str, latin: str) -> float:
    """How well the Chinese spells the Latin name by sound (the learned table's score)."""
    return _spelling().score(chinese, letters_of(latin))


@lru_cache(maxsize=1 << 14)
def best_score(chinese: str, run: str) -> float:
    """The best score of the Chinese against a word of the run or two or three of its words
    together (a name with a middle dot: its pieces' lowest)."""
    pieces = [p for p in re.split(r"[·・]", chinese) if p]
    words = [w for w in re.split(r"[\s-]+", run) if letters_of(w)]
    if not pieces or not words:
        return -math.inf
    if len(pieces) > 1:
        return min(max(score(p, w) for w in words) for p in pieces)
    return max(
        score(pieces[0], "".join(words[i:j]))
        for i in range(len(words))
        for j in range(i + 1, min(len(words), i + 3) + 1)
    )


def spells(chinese: str, run: str) -> bool:
    """Some word of the English name run, or two or three of its words together, is the
    Chinese by sound (武契奇 ~ Aleksandar Vucic, 欧尔班 ~ Viktor Orban, 圣淘沙 ~ Sentosa); a
    name written with a middle dot (维克托·欧尔班) piece by piece."""
    return best_score(chinese, run) >= threshold()


#: jieba's tags of the words that may be names by sound: people, transliterated names,
#: places, bodies, other proper nouns.
_SOUND_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


@lru_cache(maxsize=4096)
def sound_names(zh: str) -> tuple[str, ...]:
    """The words of the Chinese that may render a Latin name by sound: those jieba tags as
    names (transliterated ones joined when it cut them: 穆斯|卡特), runs of transliteration
    characters, the pieces of a name with a middle dot; not a common word of CC-CEDICT (马上).
    Few, so that a chance likeness with an unrelated name stays rare."""
    from tm.checks.name_evidence import PLACE_SUFFIX, TRANSLITERATION_RUN
    from tm.lexicon.cedict import definitions
    from tm.lexicon.tokenizer import tagged_tokens

    table = definitions()
    found: list[str] = []
    previous = ""
    for token, tag in tagged_tokens(zh):
        if tag == "nrt" and previous == "nrt":
            found[-1] += token
        elif tag in _SOUND_TAGS:
            found.append(token)
        previous = tag
    found += [m.group() for m in TRANSLITERATION_RUN.finditer(zh)]
    found += [
        p
        for name in re.findall(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+", zh)
        for p in name.split("·")
    ]
    out = []
    for word in dict.fromkeys(found):
        for form in dict.fromkeys((word, PLACE_SUFFIX.sub("", word))):
            entry = table.get(form, ())
            if _HAN_WORD.match(form) and not (entry and not any(d[:1].isupper() for d in entry)):
                out.append(form)
    return tuple(dict.fromkeys(out))


def rendered_by_sound(run: str, zh: str) -> bool:
    """A word of the Chinese that may be a name spells the English name run by sound
    (圣淘沙 ~ Sentosa, 武契奇 ~ Aleksandar Vucic)."""
    return any(spells(name, run) for name in sound_names(zh))


def renders_by_sound(name: str, runs: list[str]) -> bool:
    """The Chinese name spells one of the English name runs by sound."""
    return any(spells(name, run) for run in runs)


def lost_by_sound(  # type: ignore[no-untyped-def]
    zh: str, en: str, already: list[tuple[str, str]], runs: list[str], glossary=None
) -> list[tuple[str, str]]:
    """Chinese names by sound that no English name renders (英国歌手阿黛尔 as "a British
    singer"): the names `name_pairs` finds by sound with no pinyin or dictionary name in the
    English, against the English name runs that hold a word nothing else renders
    (`_free_runs`). Each run goes to the name it spells best, best pairs first; a name left
    with none is lost. A run may render a name though the table does not link them (Kaoru
    Mitoma for 三笘薰): only a name with no run left is flagged."""
    from tm.checks.name_pairs import _names_by_sound
    from tm.lexicon.cedict import definitions
    from tm.lexicon.pinyin import pinyin_forms

    found = _names_by_sound(zh, en)
    if not found:
        return []  # most pairs
    table = definitions()
    dotted = _dotted_names(zh) if "·" in zh else []
    names = [
        # a piece of a name with a middle dot is that name (鲍勃·柴尔兹, Bob Childs: one run)
        next((d for d in dotted if n in d), n)
        for n in found
        if not any(n in z or z in n for z, _w in already)
        and not _after_number(n, zh)
        and not _translated(n, en)
        and not _NUMERAL.match(n)  # 二十大, the 20th Congress
        and not (table.get(n) and not any(d[:1].isupper() for d in table[n]))  # 令人, 纳米
        # 阿斯麦（ASML）: the Latin the Chinese keeps beside it renders it
        and not re.search(re.escape(n) + r"[\u4e00-\u9fff]{0,2}[（(]\s*[A-Za-z]", zh)
    ]
    names = list(dict.fromkeys(names))
    if names:
        # 亚奥 of 亚奥理事会 (OCA in data/acronyms.json): a piece of a body's name, that body's
        from tm.checks.name_evidence import renderings_by_chinese

        bodies = [r for r in renderings_by_chinese() if len(r) >= 3 and r in zh]
        names = [n for n in names if not any(n in body for body in bodies)]
    if not names:
        return []
    # Mixed case and acronyms are names too (LONGi for 隆基, CATL), which the run finder leaves
    # to the acronym check.
    latin = re.findall(r"(?<![\w-])[A-Za-z]*[A-Z][A-Za-z]*[A-Z][a-z]*(?![\w-])", en)
    # Names made of ordinary words too (Bob Childs), which the run finder leaves out.
    from tm.checks.latin_names import _ordinary_name_runs

    ordinary = _ordinary_name_runs(en)
    free = _free_runs(list(dict.fromkeys([*runs, *ordinary, *latin])), zh, glossary)
    ranked = sorted(
        ((best_score(n, r), i, j) for i, n in enumerate(names) for j, r in enumerate(free)),
        reverse=True,
    )
    taken_names: set[int] = set()
    taken_runs: set[int] = set()
    for _score, i, j in ranked:
        if i not in taken_names and j not in taken_runs:
            taken_names.add(i)
            taken_runs.add(j)
    lost = []
    for i, name in enumerate(names):
        if i not in taken_names:
            spelt = sorted(pinyin_forms(name.replace("·", ""))) or [name]
            lost.append((name, f"no name spelt like {spelt[0].title()}"))
    return lost


def _free_runs(runs: list[str], zh: str, glossary) -> list[str]:  # type: ignore[no-untyped-def]
    """The English name runs with a word the Chinese renders in no other way: not kept in
    Latin, not a dictionary word's, not pinyin, not the start of a place the Chinese names
    (Norwegian of 挪威 Norway, Argentine of 阿根廷 Argentina), not an article. "Coach Lionel
    Scaloni" is free by Lionel and Scaloni though 主帅 renders Coach."""
    from tm.checks.latin_names import ARTICLES, mapped
    from tm.checks.name_evidence import defined_in, pinyin_spells
    from tm.checks.name_pairs import place_names_in
    from tm.text.fold import fold

    zh_folded = fold(zh)
    places = [p.lower() for p in place_names_in(zh)]

    def free(word: str) -> bool:
        lowered = word.lower()
        if word in ARTICLES or not letters_of(word) or fold(word) in zh_folded:
            return False
        if any(len(p) >= 4 and lowered[:4] == p[:4] for p in places):
            return False
        return not (defined_in(word, zh) or pinyin_spells(zh, word))

    return [
        run
        for run in runs
        if not mapped(run, zh_folded, glossary) and any(free(w) for w in re.split(r"[\s-]+", run))
    ]


_NUMERAL = re.compile(r"[0-9０-９〇一二三四五六七八九十百千万亿两几]")


def _after_number(name: str, zh: str) -> bool:
    """Every mention follows a number: a unit of measure by sound (2吉瓦 "2 gigawatts"), no
    name."""
    starts = [m.start() for m in re.finditer(re.escape(name), zh)]
    return bool(starts) and all(i > 0 and _NUMERAL.match(zh[i - 1]) for i in starts)


def _translated(name: str, en: str) -> bool:
    """A character of the name is translated in the English (扬沙 "blowing sand": 沙 sand):
    a word made of characters that also spell foreign names, translated, not a name by sound
    left unrendered. Content words of four letters or more of CC-CEDICT's glosses."""
    from tm.lexicon.cedict import definitions

    table = definitions()
    words = set(re.findall(r"[a-z]{4,}", en.lower()))
    words |= {w[:-1] for w in words if w.endswith("s")}
    return any(
        set(re.findall(r"[a-z]{4,}", definition.lower())) & words
        for char in name
        for definition in table.get(char, ())
        if not definition.startswith(("surname", "used in", "phonetic", "variant", "see "))
    )


def rendered_otherwise(token: str, zh: str, start: int, en: str) -> bool:
    """A word CC-CEDICT names that jieba tags as a person (乌克兰 Ukraine, 支付宝 Alipay) is
    checked as the dictionary name it is, unless the English renders it another way: by sound
    (Walmart for 沃尔玛 "Wal-Mart", Beethoven for 贝多芬 "Ludwig van Beethoven"), by the
    dictionary's name in brackets (Academy Awards for 奥斯卡 "Oscar (Academy Award)"), by the
    pinyin of all but a last character the English translates (Beibu Gulf for 北部湾); or it
    is a title in 《》, translated freely (《满江红》 Full River Red), or a city that begins a
    longer name glued to it (宁德|时代 CATL, 利雅得|新月 Al Hilal)."""
    from tm.checks.latin_names import _dictionary_rendering_in, english_name_runs
    from tm.lexicon.pinyin import pinyin_forms

    end = start + len(token)
    if renders_by_sound(token, english_name_runs(en)) or _dictionary_rendering_in(token, en):
        return True
    letters = letters_of(en)
    if len(token) >= 3 and any(form in letters for form in pinyin_forms(token[:-1])):
        return True
    if zh[:start].count("《") > zh[:start].count("》"):
        return True
    from tm.checks.chinese_names import _a_place

    place = _a_place(token)  # 宁德 "Ningde, prefecture-level city", 利雅得 "Riyadh, capital …"
    return place and re.match(r"[\u4e00-\u9fff]", zh[end : end + 1]) is not None


def _dotted_names(zh: str) -> list[str]:
    """Names written with a middle dot (鲍勃·柴尔兹), as jieba's tokens joined by it: one
    person, whose pieces the English gives as one run (Bob Childs)."""
    from tm.lexicon.tokenizer import tagged_tokens

    tokens = [t for t, _g in tagged_tokens(zh)]
    out = []
    i = 0
    while i < len(tokens):
        j = i
        while j + 2 < len(tokens) and tokens[j + 1] == "·":
            j += 2
        if j > i:
            out.append("".join(tokens[i : j + 1]))
        i = j + 1
    return out
