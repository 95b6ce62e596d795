"""The other forms a word may take: Simplified or Traditional characters (OpenCC's
phrase-aware tables), English singular or plural. Lookup and checks use them alike."""

from __future__ import annotations

from functools import lru_cache

from tm.script import has_han


@lru_cache(maxsize=2)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text) if has_han(text) else text


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text) if has_han(text) else text


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
