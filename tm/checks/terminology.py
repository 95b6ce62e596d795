"""Terminology checks: approved terms rendered, forbidden ones absent, one rendering per term
in a document. Chinese-aware (no spaces needed: 打开Acme控制台 holds Acme) and English-aware (word
boundaries, case, plural, hyphen or space).

All glossary terms, in both languages, go into one matcher (tm.glossary.matcher, which lookup
uses too): a segment is scanned once whatever the size of the glossary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tm import lang as langs
from tm.checks.core import CheckPair, Context
from tm.glossary.matcher import TermMatcher
from tm.model import Finding, Term
from tm.text.fold import fold


@dataclass(frozen=True)
class Entry:
    """One side of a glossary pair, as matched in text."""

    term: Term
    side: str  # "source" or "target": which text of the pair this key is


class Glossary:
    """Term pairs ready for matching in either language (by `tm.glossary.matcher`)."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = list(terms)
        self.matcher: TermMatcher[Entry] = TermMatcher(
            (text, Entry(term, side))
            for term in self.terms
            for side, text in (("source", term.source), ("target", term.target))
        )
        self.empty = self.matcher.empty
        # Approved renderings of each source (for suggestions), by folded source.
        self.approved: dict[str, list[Term]] = defaultdict(list)
        for term in self.terms:
            if term.status in ("approved", "admitted"):
                self.approved[fold(term.source)].append(term)
                self.approved[fold(term.target)].append(term)

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, text: str) -> list[tuple[int, int, tuple[Entry, ...]]]:
        """(start, end, entries) of every glossary term in `text` (folded), on word
        boundaries for Latin, keeping only the longest of overlapping matches."""
        return self.matcher.find(text)


def _in_language(entry: Entry, lang: str) -> bool:
    term = entry.term
    tag = term.source_lang if entry.side == "source" else term.target_lang
    return langs.primary(tag) == langs.primary(lang)


def _other(entry: Entry) -> tuple[str, str]:
    term = entry.term
    if entry.side == "source":
        return term.target, term.target_lang
    return term.source, term.source_lang


def check_terms(pair: CheckPair, context: Context) -> Iterator[Finding]:
    glossary: Glossary | None = context.glossary
    if glossary is None or glossary.empty:
        return
    config = context.config
    matches = {role: glossary.find(text) for role, text, _lang in pair.sides()}
    # Forbidden renderings, wherever they are (a forbidden pair forbids its target text).
    for role, text, lang in pair.sides():
        for start, end, entries in matches[role]:
            for entry in entries:
                term = entry.term
                if term.status != "forbidden" or entry.side != "target":
                    continue
                if not _in_language(entry, lang):
                    continue
                better = [
                    t.target
                    for t in glossary.approved.get(fold(term.source), [])
                    if langs.primary(t.target_lang) == langs.primary(term.target_lang)
                    and fold(t.source) == fold(term.source)
                ]
                used = fold(text)[start:end]
                yield config.finding(
                    "term-forbidden",
                    f"forbidden term “{used}” ({term.source} → {term.target}"
                    + (f": {term.note}" if term.note else "")
                    + ")",
                    pair,
                    suggestion=better[0] if better else None,
                )
                break
    if not pair.bilingual:
        return
    _record_renderings(pair, matches, context)
    # Terms apply in both directions: a term on either side wants its rendering on the other,
    # so the pair gives the same findings whichever file was given first.
    reported: set[str] = set()
    sides = (
        ("source", pair.source_lang, "target", pair.target or "", pair.target_lang or ""),
        ("target", pair.target_lang or "", "source", pair.source, pair.source_lang),
    )
    for role, lang, other_role, other_text, other_lang_of_pair in sides:
        other_folded = fold(other_text)
        other_keys = {
            fold(_own(entry)) for _s, _e, entries in matches[other_role] for entry in entries
        }
        # A forbidden rendering on the other side is reported as term-forbidden, once.
        forbidden_for = {
            fold(entry.term.source)
            for _s, _e, entries in matches[other_role]
            for entry in entries
            if entry.term.status == "forbidden" and entry.side == "target"
        }
        for _start, _end, entries in matches[role]:
            own = ""
            renderings: list[tuple[str, str]] = []  # (rendering, status)
            for entry in entries:
                if entry.term.status not in ("approved", "admitted"):
                    continue
                if not _in_language(entry, lang):
                    continue
                other, other_lang = _other(entry)
                if langs.primary(other_lang) != langs.primary(other_lang_of_pair):
                    continue
                own = _own(entry)
                renderings.append((other, entry.term.status))
            if not renderings or fold(own) in reported or fold(own) in forbidden_for:
                continue
            if any(
                fold(other) in other_keys or fold(other) in other_folded for other, _s in renderings
            ):
                continue
            reported.add(fold(own))
            approved = [r for r, status in renderings if status == "approved"]
            approved = approved or [renderings[0][0]]
            yield config.finding(
                "term-missing",
                f"“{own}” should be rendered “{approved[0]}”",
                pair,
                suggestion=approved[0],
            )


def _own(entry: Entry) -> str:
    return entry.term.source if entry.side == "source" else entry.term.target


def _record_renderings(
    pair: CheckPair,
    matches: dict[str, list[tuple[int, int, tuple[Entry, ...]]]],
    context: Context,
) -> None:
    """Note which glossary rendering this pair uses for each source term it holds, for the
    document-level consistency check (so the texts are not scanned twice)."""
    if not matches["source"] or not matches["target"]:
        return
    source_terms = {
        fold(_own(e))
        for _s, _e, entries in matches["source"]
        for e in entries
        if _in_language(e, pair.source_lang)
    }
    used = []
    for _s, _e, entries in matches["target"]:
        for e in entries:
            if not _in_language(e, pair.target_lang or ""):
                continue
            other, _lang = _other(e)
            if fold(other) in source_terms:
                used.append((fold(other), _own(e)))
    if used:
        context.notes.setdefault("renderings", {}).setdefault(pair.document, []).append(
            (pair, used)
        )


def check_term_consistency(pairs: list[CheckPair], context: Context) -> Iterator[Finding]:
    """One source term, several glossary renderings used across one document's segments
    (from what `check_terms` noted)."""
    if not pairs:
        return
    noted = context.notes.get("renderings", {}).get(pairs[0].document, [])
    used: dict[str, dict[str, tuple[str, CheckPair]]] = defaultdict(dict)
    for pair, renderings in noted:
        for source_term, rendering in renderings:
            used[source_term].setdefault(fold(rendering), (rendering, pair))
    for source_term, renderings in used.items():
        if len(renderings) < 2:
            continue
        first, *others = [(text, pair) for text, pair in renderings.values()]
        for rendering, pair in others:
            yield context.config.finding(
                "term-inconsistent",
                f"“{source_term}” is rendered “{rendering}” here but “{first[0]}” at "
                f"{first[1].location}",
                pair,
                suggestion=first[0],
            )
