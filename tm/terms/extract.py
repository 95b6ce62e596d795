"""Term-pair extraction: which Chinese terms the aligned text holds, and how the English
renders them, with the evidence a reviewer needs to accept or reject each proposal.

1. Candidates. Chinese: runs of up to four jieba tokens, head-final (the last token nominal,
   see data/term-pos.zh.txt), never starting or ending with a function word; the memory's
   approved terms are kept whole. English: runs of up to five words between punctuation and
   function words (tm/text/data/stopwords.en.txt), keeping capitalised names, hyphenated compounds
   and acronyms.
2. Evidence for a pair inside one aligned pair: dictionary translation of its parts
   (重庆 Chongqing + 高速 expressway + 集团 group, from CC-CEDICT and the memory's terms), scored
   as coverage of both sides; acronyms spelled by the glosses' initials (中国 China + 电力 Power
   → CPID); pinyin transliteration of names (高平 → Gao Ping); and, over many aligned pairs,
   co-occurrence association (Dice).
3. Competitive linking: best pairs first, each Chinese and each English term used once.
4. A Chinese term the English never renders whole gets a rendering composed from its parts
   (绿电 green power + 交通 transportation → green-power transportation), marked proposed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from tm.align import lexicon
from tm.lexicon.tokenizer import ChineseTokenizer, default_tokenizer
from tm.text.english import singular, term_stop_words
from tm.text.fold import fold
from tm.text.script import has_han

#: Tokens per Chinese candidate and words per English one.
MAX_ZH_TOKENS = 4
MAX_EN_WORDS = 5
#: Evidence strengths (0-1) of the signals that are not a coverage ratio.
ACRONYM_SCORE = 0.95
TRANSLITERATION_SCORE = 0.95
IDENTICAL_SCORE = 0.95
#: Evidence inside single pairs counts for at most this much of a score: the rest is for
#: recurrence (a pair found in many aligned pairs beats one found once).
EVIDENCE_SHARE = 0.8
#: From this evidence on, a pair renders its Chinese term whole.
WHOLE = 0.95
#: A single dictionary word on both sides (集团 ↔ group) is vocabulary more than terminology.
SINGLE_WORD_FACTOR = 0.6
#: Below this lexical score a pair is not recorded at all (keeps large inputs tractable).
MIN_EVIDENCE = 0.3
#: Endings of English adjectives, which cannot head a noun phrase (industrial, strategic).
ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary")
#: A composition's rank: below a pair found whole, above a partial one.
PROPOSAL_SCORE = 0.7
#: Co-occurrence counts only over this many distinct aligned pairs: within one short
#: document every term co-occurs with every other.
MIN_PAIRS_FOR_ASSOCIATION = 3
#: jieba tags of proper nouns: an acronym abbreviates a name (中国 China + 电力 Power → CPID).
NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz", "j", "eng"})

_EN_TOKEN = re.compile(
    r"[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*\.?|\d+(?:[.,]\d+)*%?|[^\sA-Za-z0-9]"
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_ABBREVIATION_DOT = re.compile(r"^(?:[A-Z][a-z]{0,3}|[a-z]{1,3})\.$")


def _data_lines(name: str) -> list[str]:
    text = resources.files("tm.terms").joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


@lru_cache(maxsize=1)
def _zh_stop() -> frozenset[str]:
    return frozenset(w for line in _data_lines("stopwords.zh.txt") for w in line.split())


@lru_cache(maxsize=1)
def _zh_pos() -> tuple[frozenset[str], frozenset[str]]:
    """(tags allowed anywhere, tags allowed last)."""
    anywhere, last = set(), set()
    for line in _data_lines("term-pos.zh.txt"):
        tag, where = line.split()[:2]
        anywhere.add(tag)
        if "last" in where:
            last.add(tag)
    return frozenset(anywhere), frozenset(last)


@dataclass
class AlignedPair:
    """One aligned Chinese/English text (a bead, a TMX unit, a banner line with its sentence)."""

    zh: str
    en: str
    origin: str | None = None
    links: tuple[tuple[str, str], ...] = ()  # short-text links found inside it: (zh, en)


@dataclass
class Candidate:
    source: str
    target: str
    source_lang: str
    target_lang: str
    score: float
    evidence: list[str]
    count: int = 1
    proposed: bool = False
    contexts: list[tuple[str, str]] = field(default_factory=list)
    whole: bool = False  # the evidence renders the whole term (not part of it)

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "target": self.target,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "score": round(self.score, 3),
            "evidence": self.evidence,
            "count": self.count,
            "proposed": self.proposed,
            "contexts": [{"source": zh, "target": en} for zh, en in self.contexts],
        }


# -- candidates -------------------------------------------------------------------------------
@dataclass(frozen=True)
class _ZhTerm:
    text: str
    tokens: tuple[str, ...]
    tags: tuple[str, ...] = ()

    @property
    def is_name(self) -> bool:
        """Holds a proper noun (place, organisation, person, abbreviation, memory term)."""
        return any(t in NAME_TAGS for t in self.tags)


def chinese_candidates(text: str, tokenizer: ChineseTokenizer | None = None) -> list[_ZhTerm]:
    """Head-final runs of up to four tokens, within punctuation (cut by `tokenizer`, jieba's
    own dictionary by default)."""
    anywhere, last = _zh_pos()
    stop = _zh_stop()
    tagged = (tokenizer or default_tokenizer()).tagged(text)
    found: dict[str, _ZhTerm] = {}
    for start in range(len(tagged)):
        single = start and len(tagged[start][0]) == 1 and len(tagged[start - 1][0]) == 1
        if single and tagged[start - 1][1] in anywhere:
            continue  # 电交通 out of 绿/电/交通: two single characters are one word split
        for end in range(start + 1, min(start + MAX_ZH_TOKENS, len(tagged)) + 1):
            run = tagged[start:end]
            word, tag = run[-1]
            if any(t not in anywhere for _w, t in run):
                break  # punctuation, particles, numbers ... end every run through here
            if run[0][0] in stop or word in stop or tag not in last:
                continue
            surface = "".join(w for w, _t in run)
            if len(surface) < 2 or not has_han(surface):
                continue
            found.setdefault(
                surface, _ZhTerm(surface, tuple(w for w, _t in run), tuple(t for _w, t in run))
            )
    return list(found.values())


def _english_words(text: str) -> list[list[str]]:
    """Chunks of words between punctuation, numbers and possessives."""
    chunks: list[list[str]] = [[]]
    for token in _EN_TOKEN.findall(text):
        if token[0].isalpha():
            if _ABBREVIATION_DOT.match(token) and token.lower() not in term_stop_words():
                chunks.append([])  # "Co." "Ltd." end a name but are not part of a term
                continue
            word = token.rstrip(".")
            possessive = re.sub(r"['’]s$", "", word)
            chunks[-1].append(possessive)
            if possessive != word or token.endswith("."):
                chunks.append([])
        else:
            chunks.append([])
    return [c for c in chunks if c]


def _is_name_word(word: str) -> bool:
    return word[:1].isupper()


def english_candidates(text: str) -> list[str]:
    """Noun-phrase-like runs of up to five words: no function word at either end, and one
    inside only between capitalised words (Bank of China)."""
    stop = term_stop_words()
    found: dict[str, str] = {}
    for chunk in _english_words(text):
        lowered = [w.lower() for w in chunk]
        for start in range(len(chunk)):
            if lowered[start] in stop:
                continue
            for end in range(start + 1, min(start + MAX_EN_WORDS, len(chunk)) + 1):
                inner = lowered[end - 1]
                if end - 1 > start and inner in stop:
                    left, right = chunk[end - 2], chunk[end] if end < len(chunk) else ""
                    if not (_is_name_word(left) and _is_name_word(right)):
                        break
                    continue
                phrase = " ".join(chunk[start:end])
                found.setdefault(fold(phrase), phrase)
    return list(found.values())


# -- evidence ---------------------------------------------------------------------------------
def _content_words(phrase: str) -> list[str]:
    stop = term_stop_words()
    return [w for w in re.split(r"[\s\-]+", phrase) if w and w.lower() not in stop]


def _token_parts(token: str, extra: dict[str, frozenset[str]] | None = None) -> list[str]:
    """A dictionary word is one part; a word CC-CEDICT lacks is judged by its characters."""
    if extra and token in extra:
        return [token]
    if token in lexicon.cedict() or not has_han(token) or len(token) == 1:
        return [token]
    return list(token)


def pair_evidence(
    term: _ZhTerm, phrase: str, extra: dict[str, frozenset[str]] | None = None
) -> tuple[float, list[str]]:
    """How well `phrase` renders `term`, 0-1, and why."""
    words = _content_words(phrase)
    if not words:
        return 0.0, []
    if (
        extra
        and term.text in extra
        and {lexicon.stem(w.lower()) for w in words} == extra[term.text]
    ):
        return 1.0, [f"{term.text} → {phrase} (memory)"]
    if len(words) == 1 and _ACRONYM.match(words[0]) and len(term.tokens) >= 2 and term.is_name:
        glosses = [lexicon.glosses(t, extra) for t in term.tokens]
        spelled = lexicon.spelled_initials(words[0].lower(), glosses)
        if spelled == len(term.tokens) or spelled >= 3:
            parts = " + ".join(term.tokens[:spelled])
            return ACRONYM_SCORE, [f"acronym {words[0]}: initials of {parts}"]
    stems = [lexicon.stem(w.lower()) for w in words]
    explained = [False] * len(words)
    covered = 0.0
    why: list[str] = []
    for token in term.tokens:
        for part in _token_parts(token, extra):
            options = lexicon.glosses(part, extra)
            hits = [i for i, s in enumerate(stems) if s in options or s == part.lower()]
            if hits:
                share = 1.0
                if extra and part in extra:  # a memory term is rendered whole or not at all
                    share = len({stems[i] for i in hits}) / len(extra[part])
                covered += len(part) * share
                for i in hits:
                    explained[i] = True
                why.append(f"{part} → {words[hits[0]]}")
    length = sum(len(t) for t in term.tokens)
    lexical = (covered / length) * (sum(explained) / len(words))
    if lexical < 1 and all(_is_name_word(w) for w in words):
        if lexicon.transliterates(term.text, phrase):
            return TRANSLITERATION_SCORE, [f"transliteration: {term.text} reads {phrase}"]
        if any(fold(w) == fold(term.text) for w in words):
            return IDENTICAL_SCORE, [f"same name {phrase}"]
    return lexical, why


# -- extraction -------------------------------------------------------------------------------
@dataclass
class _Tally:
    best: float = 0.0
    evidence: list[str] = field(default_factory=list)
    count: int = 0
    link: bool = False
    contexts: list[tuple[str, str]] = field(default_factory=list)


def _is_title(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.7


class _English:
    """What the English side says about case: a phrase is shown as running text writes it;
    one seen only in title-case lines is lowered word by word where running text has the
    word in lower case (Strategic Cooperation → strategic cooperation, Chongqing stays)."""

    def __init__(self) -> None:
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)
        self.lower_words: set[str] = set()

    def add_text(self, text: str) -> None:
        if not _is_title(text):
            self.lower_words.update(re.findall(r"\b[a-z][a-z\-]*\b", text))

    def add(self, phrase: str, title: bool) -> None:
        self.forms[fold(phrase)][phrase] += 0 if title else 1

    def display(self, key: str) -> str:
        forms = self.forms[key]
        running = [f for f, n in forms.most_common() if n > 0]
        if running:
            return next((f for f in running if f[:1].islower()), running[0])
        phrase = next(iter(forms))
        return " ".join(w.lower() if w.lower() in self.lower_words else w for w in phrase.split())


def extract_terms(
    pairs: Iterable[AlignedPair],
    *,
    glossary: dict[str, list[str]] | None = None,
    english_text: Iterable[str] = (),
    min_score: float = 0.3,
    limit: int | None = None,
    source_lang: str = "zh-Hans",
    target_lang: str = "en",
) -> list[Candidate]:
    """Ranked term pairs found in aligned text (best first), then proposed compositions.

    `glossary` maps Chinese terms to their approved English renderings (the memory's terms):
    they are evidence, compose proposals, and are kept whole when tokenizing.
    `english_text` is the whole English of the inputs (aligned or not): it tells how words
    are written in running text, and offers renderings for proposals.
    """
    glossary = glossary or {}
    tokenizer = default_tokenizer().with_words(glossary)  # the memory's terms are kept whole
    stems = lexicon.rendering_glosses(glossary)
    tallies: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    english = _English()
    zh_count: Counter[str] = Counter()
    en_count: Counter[str] = Counter()
    zh_terms: dict[str, _ZhTerm] = {}
    distinct: dict[tuple[str, str], AlignedPair] = {}
    for pair in pairs:  # the same texts linked twice are one aligned pair
        known_pair = distinct.setdefault((pair.zh, pair.en), replace(pair))
        if known_pair.links is not pair.links:
            known_pair.links += pair.links
    english_text = [*english_text, *(p.en for p in distinct.values())]
    for text in english_text:
        english.add_text(text)
    for pair in distinct.values():
        links = {(zh, fold(en)) for zh, en in pair.links}
        zh_cands = chinese_candidates(pair.zh, tokenizer)
        title = _is_title(pair.en)
        en_cands = english_candidates(pair.en)
        for term in zh_cands:
            zh_terms[term.text] = term
            zh_count[term.text] += 1
        for phrase in en_cands:
            en_count[fold(phrase)] += 1
            english.add(phrase, title)
        for term in zh_cands:
            for phrase in en_cands:
                score, why = pair_evidence(term, phrase, stems)
                if score < MIN_EVIDENCE:
                    continue
                tally = tallies[(term.text, fold(phrase))]
                tally.count += 1
                tally.link = tally.link or (term.text, fold(phrase)) in links
                if score > tally.best:
                    tally.best, tally.evidence = score, why
                if len(tally.contexts) < 3:
                    tally.contexts.append((pair.zh, pair.en))
    ranked: list[Candidate] = []
    for (zh, en_key), tally in tallies.items():
        phrase = english.display(en_key)
        score = EVIDENCE_SHARE * tally.best
        evidence = list(tally.evidence)
        if tally.count >= MIN_PAIRS_FOR_ASSOCIATION:
            dice = 2 * tally.count / (zh_count[zh] + en_count[en_key])
            score = 1 - (1 - score) * (1 - 0.5 * dice)
            evidence.append(f"co-occur in {tally.count} aligned pairs (Dice {dice:.2f})")
        if tally.link:
            evidence.append("linked from the short text (banner/caption)")
        single = len(zh_terms[zh].tokens) == 1 and len(_content_words(phrase)) == 1
        if single and not phrase[:1].isupper():
            score *= SINGLE_WORD_FACTOR
        ranked.append(
            Candidate(
                zh,
                phrase,
                source_lang,
                target_lang,
                score,
                evidence,
                tally.count,
                contexts=tally.contexts,
                whole=tally.best >= WHOLE,
            )
        )
    ranked.sort(key=lambda c: (-c.score, -c.count, -len(c.source), c.source, c.target))
    texts = [(p.zh, p.en.lower()) for p in distinct.values()]
    chosen = [c for c in _competitive_linking(ranked, texts) if c.score >= min_score]
    proposals = _proposals(
        chosen, zh_terms, english_text, glossary, source_lang, target_lang, min_score
    )
    # A proposal, or the memory's own rendering, beats a partial rendering of the same term.
    settled = {c.source for c in proposals} | set(glossary)
    chosen = [c for c in chosen if c.whole or c.source not in settled] + proposals
    chosen.sort(key=lambda c: (-c.score, -c.count, -len(c.source), c.source))
    return chosen[:limit] if limit else chosen


def _occurrences(part: str, texts: Iterable[str]) -> int:
    return sum(text.count(part) for text in texts)


def _competitive_linking(ranked: list[Candidate], texts: list[tuple[str, str]]) -> list[Candidate]:
    """Greedy one-to-one: the best remaining pair wins both its terms. A pair nested in a
    better one on both sides (高速集团 ↔ Expressway Group inside 重庆高速集团 ↔ Chongqing
    Expressway Group) is dropped when neither side ever occurs outside it."""
    zh_texts = [zh for zh, _en in texts]
    en_texts = [en for _zh, en in texts]
    used_zh: set[str] = set()
    used_en: set[str] = set()
    out: list[Candidate] = []
    for candidate in ranked:
        key = fold(candidate.target)
        if candidate.source in used_zh or key in used_en:
            continue
        holders = [c for c in out if candidate.source in c.source and key in fold(c.target)]
        if holders:
            zh_alone = _occurrences(candidate.source, zh_texts) > sum(
                _occurrences(c.source, zh_texts) for c in holders
            )
            en_alone = _occurrences(candidate.target.lower(), en_texts) > sum(
                _occurrences(c.target.lower(), en_texts) for c in holders
            )
            if not (zh_alone or en_alone):
                continue
        used_zh.add(candidate.source)
        used_en.add(key)
        out.append(candidate)
    return out


# -- compositions -----------------------------------------------------------------------------
def _proposals(
    chosen: list[Candidate],
    zh_terms: dict[str, _ZhTerm],
    english_text: list[str],
    glossary: dict[str, list[str]] | None,
    source_lang: str,
    target_lang: str,
    min_score: float,
) -> list[Candidate]:
    """Compose renderings for Chinese terms no English phrase renders whole. Only terms
    whose every part is rendered by the memory or by the text itself are proposed (the
    dictionary alone proposes literal nonsense), and not mere sequences of found terms."""
    found = {c.source for c in chosen if c.whole}
    partial = {c.source for c in chosen if not c.whole}
    phrases = _phrase_index(english_text)
    out = []
    for text, term in zh_terms.items():
        if len(term.tokens) < 2 or any(f in text or text in f for f in found):
            continue
        from_memory = glossary and any(part in text for part in glossary)
        if text not in partial and not from_memory:
            continue  # nothing in the text renders any of it: not for us to invent
        composed = compose(term, phrases, glossary)
        if composed is None:
            continue
        rendering, parts = composed
        if any(origin == "CC-CEDICT" for *_part, origin in parts):
            continue
        score = PROPOSAL_SCORE - 0.05 * (len(parts) - 2)  # the fewer parts, the likelier
        if score < min_score:
            continue
        evidence = [f"{zh} → {en} ({origin})" for zh, en, origin in parts]
        out.append(
            Candidate(
                text,
                rendering,
                source_lang,
                target_lang,
                score,
                ["proposed, not found: composed from its parts", *evidence],
                0,
                proposed=True,
            )
        )
    return out


def _phrase_index(english_text: Iterable[str]) -> dict[str, Counter[str]]:
    """Content-word stem -> English phrases (up to three words, lower case) containing it."""
    stop = term_stop_words()
    index: dict[str, Counter[str]] = defaultdict(Counter)
    for text in english_text:
        for chunk in _english_words(text):
            words = [w.lower() for w in chunk]
            for start in range(len(words)):
                for end in range(start + 1, min(start + 3, len(words)) + 1):
                    run = words[start:end]
                    if run[0] in stop or run[-1] in stop:
                        continue
                    phrase = " ".join(run)
                    for word in run:
                        index[lexicon.stem(word)][phrase] += 1
    return index


def compose(
    term: _ZhTerm,
    phrases: dict[str, Counter[str]],
    glossary: dict[str, list[str]] | None = None,
) -> tuple[str, list[tuple[str, str, str]]] | None:
    """A rendering of `term` from renderings of its parts, longest parts first: the memory's
    term for a part, else a phrase of the text that renders every character of it, else the
    dictionary's first short definition. Multi-word modifiers are hyphenated (green-power).
    Returns the rendering and (part, its rendering, where it came from)."""
    text = term.text
    parts: list[tuple[str, str, str]] = []
    position = 0
    while position < len(text):
        for end in range(len(text), position, -1):
            piece = text[position:end]
            found = _render(piece, phrases, glossary, head=end == len(text))
            if found is not None:
                parts.append((piece, *found))
                position = end
                break
        else:
            return None
    if len(parts) < 2:
        return None
    words = []
    for index, (_zh, en, _origin) in enumerate(parts):
        last = index == len(parts) - 1
        words.append(en if last or "-" in en else en.replace(" ", "-"))
    return " ".join(words), parts


def _render(
    piece: str,
    phrases: dict[str, Counter[str]],
    glossary: dict[str, list[str]] | None,
    head: bool,
) -> tuple[str, str] | None:
    if glossary and glossary.get(piece):
        return glossary[piece][0], "memory"
    if len(piece) > 1 and piece not in lexicon.cedict():
        options = [lexicon.glosses(c) for c in piece]
    else:
        options = [lexicon.glosses(piece)]
    if not all(options):
        return None
    candidates: Counter[str] = Counter()
    for stem in options[0]:
        candidates.update(phrases.get(stem, Counter()))
    best: tuple[int, int, str] | None = None
    for phrase, count in candidates.items():
        stems = [lexicon.stem(w) for w in phrase.split()]
        if len(stems) != len(options) or not all(
            s in o for s, o in zip(stems, options, strict=True)
        ):
            continue
        if head and phrase.endswith(ADJECTIVE_ENDINGS):
            continue  # the head of an English noun phrase is a noun
        rank = (count, -len(phrase), phrase)
        best = rank if best is None or rank > best else best
    if best is not None:
        return singular(best[2]), "in the text"
    for definition in lexicon.definitions().get(piece, []):
        plain = re.sub(r"^to ", "", re.sub(r"\([^)]*\)", "", definition).strip())
        if plain and len(plain.split()) <= 2 and "," not in plain:
            return plain, "CC-CEDICT"
    return None
