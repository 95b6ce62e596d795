"""English morphology and stop words, in one place.

Three operations, kept distinct because they must do different things:

- `stem` is a matching key, not a word (strategic and strategy both give "strateg"): a lemma
  then a crude suffix stem, so that a CC-CEDICT gloss meets the forms a sentence uses.
- `plural_forms` gives the variants a term may be cited in (city/cities, box/boxes): it may
  over-generate (cases -> cas) since a wrong variant matches nothing.
- `singular` gives the citation form shown to people: conservative (only -ies and -s), as a
  wrong guess there would be printed.

Stop words come from data/stopwords.en.txt, in sections by use (see the file).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _stop_sections() -> dict[str, frozenset[str]]:
    text = resources.files("tm.text").joinpath("data", "stopwords.en.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif line and current is not None:
            current.update(line.split())
    return {name: frozenset(words) for name, words in sections.items()}


def gloss_stop_words() -> frozenset[str]:
    """Words that carry nothing in a CC-CEDICT gloss or in English weighed against one."""
    sections = _stop_sections()
    return sections["common"] | sections["glosses"]


def term_stop_words() -> frozenset[str]:
    """Words a term candidate never starts or ends with."""
    sections = _stop_sections()
    return sections["common"] | sections["terms"]


def _lemma(word: str) -> str:
    import simplemma

    lemma = simplemma.lemmatize(word, lang="en")
    return lemma.lower() if lemma else word


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """An English stem: the lemma (simplemma's dictionary: stole/steal, went/go, children/
    child, which suffix rules cannot find), then a crude suffix stem so that plural, verb and
    adjective forms of a gloss meet (trucks/truck, signed/sign, strategic/strategy)."""
    word = _lemma(word)
    for suffix, keep in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + keep
            break
    for suffix in ("ic", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_WORD = re.compile(r"[a-z]+")


def english_stems(text: str) -> set[str]:
    """Stems of the content words of `text` (gloss stop words and single letters left out)."""
    stop = gloss_stop_words()
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in stop and len(w) > 1}


def plural_forms(word: str) -> set[str]:
    """Singular and plural of an English word, as a term may be cited either way."""
    forms = {word}
    if not word.isascii() or not word.isalpha() or len(word) < 3:
        return forms
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    elif word.endswith(("ses", "xes", "ches", "shes")):
        forms.add(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        forms.add(word[:-1])
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.add(word[:-1] + "ies")
    elif word.endswith(("s", "x", "ch", "sh")):
        forms.add(word + "es")
    else:
        forms.add(word + "s")
    return forms


def singular(phrase: str) -> str:
    """Terms are cited in the singular: the last word of a phrase loses a plural ending."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 3:
        last = last[:-1]
    return f"{head} {last}" if head else last
