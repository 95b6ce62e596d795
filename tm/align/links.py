"""Short text against a document: a banner line or caption is not the translation of one
sentence of the release, so each of its parts is linked to the span of a release sentence that
renders it, with the evidence (dictionary glosses, acronyms, shared Latin names and numbers).

For each Chinese line, its tokens are glossed (CC-CEDICT and the memory's terms); each English
sentence is searched for words with those stems; matched words close together form a span,
and consecutive Chinese tokens whose glosses start the letters of an English acronym (中国 China
+ 电力 Power -> CPID) link to that acronym.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tm.align import lexicon

_WORDS = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_BREAKS = set(',;:()"“”‘’[]')


@dataclass(frozen=True)
class Link:
    """A part of the short text, the span of one sentence that renders it, and why."""

    source: str
    target: str
    sentence: int
    start: int
    end: int
    score: float
    evidence: tuple[str, ...]
    line: int = 0  # which short line the part comes from


def _tokens_with_offsets(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORDS.finditer(text)]


def _acronym_links(
    tokens: list[str],
    gloss: list[frozenset[str]],
    words: list[tuple[str, int, int]],
    starts: set[int],
) -> list[tuple[int, int, int, str]]:
    """(first token, last token + 1, word index, evidence) for acronyms spelled by glosses
    of tokens that begin a part of the line (a name starts where a part starts)."""
    found = []
    for w, (word, _s, _e) in enumerate(words):
        if not _ACRONYM.match(word):
            continue
        letters = word.lower()
        for start in sorted(starts):
            k = lexicon.spelled_initials(letters, gloss[start:])
            if k >= 2:
                parts = " + ".join(tokens[start : start + k])
                found.append((start, start + k, w, f"acronym {word}: initials of {parts}"))
                break
    return found


def link_short_text(
    lines: list[str],
    sentences: list[str],
    terms: dict[str, frozenset[str]] | None = None,
    min_score: float = 0.3,
) -> list[Link]:
    """Links from each Chinese line's parts to spans of the English sentences, one per
    sentence where a part is found (see `merge_links` for the reader's view)."""
    links: list[Link] = []
    english = [_tokens_with_offsets(s) for s in sentences]
    stems = [[lexicon.stem(w.lower()) for w, _s, _e in words] for words in english]
    for line_index, line in enumerate(lines):
        raw = lexicon.chinese_tokens(line)
        tokens = [t for t in raw if t.strip()]
        starts, position = {0}, 0
        for piece in raw:  # tokens right after a space or punctuation begin a part
            if not piece.strip() or piece in "，、；：":
                starts.add(position)
            else:
                position += 1
        gloss = [lexicon.glosses(t, terms) for t in tokens]
        for index, (sentence, words) in enumerate(zip(sentences, english, strict=True)):
            matched: dict[int, list[str]] = {}  # word index -> evidence
            token_of: dict[int, list[int]] = {}
            for t, (token, options) in enumerate(zip(tokens, gloss, strict=True)):
                for w, stem in enumerate(stems[index]):
                    if stem in options:
                        matched.setdefault(w, []).append(f"{token} → {words[w][0]}")
                        token_of.setdefault(w, []).append(t)
            for first, last, w, why in _acronym_links(tokens, gloss, words, starts):
                matched.setdefault(w, []).append(why)
                token_of.setdefault(w, []).extend(range(first, last))
            spans = _spans(line, tokens, sentence, index, words, matched, token_of, min_score)
            links.extend(replace(link, line=line_index) for link in spans)
    return links


def merge_links(links: list[Link]) -> list[Link]:
    """The same part rendered the same way in several sentences, reported once with its
    count; best first."""
    best: dict[tuple[str, str], Link] = {}
    seen: dict[tuple[str, str], int] = {}
    for link in links:
        key = (link.source, link.target.lower())
        seen[key] = seen.get(key, 0) + 1
        if key not in best or link.score > best[key].score:
            best[key] = link
    out = [
        replace(link, evidence=(*link.evidence, f"found in {seen[key]} sentence(s)"))
        for key, link in best.items()
    ]
    out.sort(key=lambda link: (-link.score, link.sentence, link.start))
    return out


def beads_from_links(
    lines: list[str], sentences: list[str], links: list[Link]
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Beads (line indices, sentence indices, score) for short text: each line goes with the
    sentence where its links cover most of both (a short, dense title beats a long paragraph
    that mentions the same words); lines choosing one sentence share a bead; order is kept."""
    by_place: dict[tuple[int, int], list[Link]] = {}
    for link in links:
        by_place.setdefault((link.line, link.sentence), []).append(link)
    best: dict[int, tuple[float, int]] = {}
    for (index, sentence), mine in sorted(by_place.items()):
        covered = sum(len(k.source) for k in mine) / max(len(lines[index].replace(" ", "")), 1)
        spanned = sum(k.end - k.start for k in mine) / max(len(sentences[sentence]), 1)
        score = min(1.0, covered) + min(1.0, spanned)
        if score > best.get(index, (0.0, -1))[0]:
            best[index] = (score, sentence)
    beads: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    last = -1
    for index in range(len(lines)):
        score, sentence = best.get(index, (0.0, -1))
        if sentence < last:  # keep the order: a line cannot go back before its predecessor
            sentence = -1
        if sentence >= 0 and beads and beads[-1][1] == (sentence,):
            lines_so_far, target, previous = beads[-1]
            beads[-1] = ((*lines_so_far, index), target, max(previous, score / 2))
        elif sentence >= 0:
            beads.extend(((), (s,), 0.0) for s in range(last + 1, sentence))
            beads.append(((index,), (sentence,), score / 2))
            last = sentence
        else:
            beads.append(((index,), (), 0.0))
    beads.extend(((), (s,), 0.0) for s in range(last + 1, len(sentences)))
    return beads


def _joins(sentence: str, words: list[tuple[str, int, int]], left: int, right: int) -> bool:
    """Two matched words belong to one span: adjacent, or one function word apart, and no
    punctuation between them."""
    if right - left > 2:
        return False
    if right - left == 2 and words[left + 1][0].lower() not in lexicon.STOP:
        return False
    return not any(ch in _BREAKS for ch in sentence[words[left][2] : words[right][1]])


def _explained_chars(token: str, stems: set[str]) -> int:
    """Characters of a token the span renders: a dictionary word (or an acronym's part)
    whole; a word CC-CEDICT lacks, character by character (绿电 in "green transportation":
    绿 is rendered, 电 is not)."""
    table = lexicon.cedict()
    if token in table or len(token) == 1 or not all("\u4e00" <= c <= "\u9fff" for c in token):
        return len(token)
    return sum(1 for char in token if table.get(char, frozenset()) & stems) or len(token)


def _spans(
    line: str,
    tokens: list[str],
    sentence: str,
    index: int,
    words: list[tuple[str, int, int]],
    matched: dict[int, list[str]],
    token_of: dict[int, list[int]],
    min_score: float,
) -> list[Link]:
    """Group matched words that lie close together into spans, one link each."""
    out: list[Link] = []
    positions = sorted(matched)
    group: list[int] = []
    for position in [*positions, None]:
        if position is not None and (not group or _joins(sentence, words, group[-1], position)):
            group.append(position)
            continue
        if group:
            covered = sorted({t for w in group for t in token_of[w]})
            # The Chinese part is the run of tokens the span accounts for.
            run = tokens[covered[0] : covered[-1] + 1]
            source = "".join(run)
            stems = {lexicon.stem(words[w][0].lower()) for w in group}
            explained = sum(_explained_chars(tokens[t], stems) for t in covered)
            score = explained / len(source) * min(1.0, len(covered) / 2)
            if len(covered) >= 2 or any("acronym" in e for w in group for e in matched[w]):
                start, end = words[group[0]][1], words[group[-1]][2]
                evidence = tuple(e for w in group for e in matched[w])
                if score >= min_score:
                    out.append(
                        Link(
                            source,
                            sentence[start:end],
                            index,
                            start,
                            end,
                            round(score, 3),
                            evidence,
                        )
                    )
        group = [position] if position is not None else []
    return out
