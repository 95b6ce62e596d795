"""The review workflow on the memory's terms: add, approve, forbid, edit, remove, list.

Every change runs in one transaction and records who made it and when (the store stamps
`changed_by`/`changed_at`; `$TM_USER` names the person). A term's status qualifies its
target rendering, as TBX's administrativeStatus qualifies a term.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from tm import lang as langs
from tm.errors import UsageError
from tm.glossary import orient, write_glossary
from tm.memory.protocol import Counts, Memory
from tm.memory.transfer import export_tmx
from tm.model import TERM_STATUSES, Note, Prop, Term, Unit
from tm.terms.extract import Candidate
from tm.text.fold import fold
from tm.text.xmlchars import check_text, check_unit


@dataclass(frozen=True)
class StoredTerm:
    id: int
    term: Term
    created_at: str
    created_by: str | None
    changed_at: str
    changed_by: str | None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoredTerm:
        """A term from its `as_dict` (a team server's answer)."""
        term = Term(
            data["source"], data["target"], data["source_lang"], data["target_lang"],
            data["status"], data.get("note"), data.get("domain"),
        )  # fmt: skip
        return cls(
            data["id"], term, data["created"], data.get("created_by"), data["changed"],
            data.get("changed_by"),
        )  # fmt: skip

    def as_dict(self) -> dict[str, object]:
        t = self.term
        return {
            "id": self.id,
            "source": t.source,
            "target": t.target,
            "source_lang": t.source_lang,
            "target_lang": t.target_lang,
            "status": t.status,
            "note": t.note,
            "domain": t.domain,
            "created": self.created_at,
            "created_by": self.created_by,
            "changed": self.changed_at,
            "changed_by": self.changed_by,
        }


def stored_terms(
    store: Memory,
    *,
    statuses: Iterable[str] | None = None,
    ids: Iterable[int] | None = None,
    src: str | None = None,
    tgt: str | None = None,
) -> list[StoredTerm]:
    """The memory's term pairs, oldest first, with who made and changed them."""
    found = list(_terms(store, statuses=statuses, ids=ids, src=src, tgt=tgt))
    history = store.history(i for i, _ in found)
    return [StoredTerm(i, term, *history[i]) for i, term in found]


def _terms(store: Memory, **filters: Any) -> Iterator[tuple[int, Term]]:
    for stored in store.units(kind="term", **filters):
        term = Term.from_unit(stored.unit, stored.srclang)
        if term is not None:
            yield stored.id, term


def memory_terms(store: Memory) -> list[Term]:
    """Every term pair of the memory, whatever its status (a checker needs the forbidden
    ones as much as the approved)."""
    return [term for _id, term in _terms(store)]


def select(
    store: Memory, source: str | None = None, target: str | None = None, unit_id: int | None = None
) -> list[StoredTerm]:
    """Terms named by id, or by source (and target) text in any surface form (case, width,
    hyphen or space); `UsageError` when nothing matches."""
    if unit_id is not None:
        found = stored_terms(store, ids=[unit_id])
        if not found:
            raise UsageError(f"no term #{unit_id} (see `tm terms list`)")
        return found
    if not source:
        raise UsageError("name a term: SOURCE [TARGET], or --id N")
    found = existing(store, source, target)
    if not found:
        what = f"{source!r} → {target!r}" if target else repr(source)
        raise UsageError(f"no term {what} in the memory (see `tm terms list`)")
    return found


def existing(store: Memory, source: str, target: str | None = None) -> list[StoredTerm]:
    """The stored pairs that are (source, target) in any surface form or language tag, in
    either direction; without `target`, every pair of `source`."""
    want_source, want_target = fold(source), fold(target) if target else None
    return [
        entry
        for entry in stored_terms(store, ids=store.term_ids(want_source))
        if _names(entry.term, want_source, want_target)
    ]


def _names(term: Term, source: str, target: str | None) -> bool:
    """Whether a pair is (source, target) read in either direction."""
    for a, b in ((term.source, term.target), (term.target, term.source)):
        if fold(a) == source and (target is None or fold(b) == target):
            return True
    return False


def add_term(store: Memory, term: Term) -> tuple[int, str]:
    """Add a term pair, or update the status, note and domain of the same pair."""
    store.require_writable()
    unit = term.unit()
    check_unit(unit)
    return store.add(unit, srclang=term.source_lang, origin="tm terms add")


#: Between the Chinese and the English of a candidate's context, kept as a note.
CONTEXT_SEPARATOR = " ||| "


def save_candidates(store: Memory, candidates: Iterable[Candidate]) -> tuple[int, int]:
    """Write extracted pairs as candidates with their score, evidence and two contexts, in
    one transaction; a pair already in the memory (in any surface form, either direction),
    reviewed or not, keeps its status. (added, kept)."""
    store.require_writable()
    kept = 0
    seen: set[tuple[str, str]] = set()
    batch: list[tuple[Unit, str | None, str | None]] = []
    for c in candidates:
        pair = (fold(c.source), fold(c.target))
        if pair in seen or existing(store, c.source, c.target):
            kept += 1
            continue
        seen.update((pair, pair[::-1]))
        unit = Term(c.source, c.target, c.source_lang, c.target_lang, "candidate").unit(
            props=(
                Prop("x-tm-score", f"{c.score:.3f}"),
                Prop("x-tm-evidence", "; ".join(c.evidence)),
            ),
            notes=tuple(Note(f"{zh}{CONTEXT_SEPARATOR}{en}") for zh, en in c.contexts[:2]),
        )
        batch.append((unit, c.source_lang, "tm terms extract"))
    # An exact repeat stored by another writer since the check keeps its status too.
    results = store.put_many(batch, repeats="keep")
    added = results.count("created")
    return added, kept + len(results) - added


def set_status(
    store: Memory, entries: Iterable[StoredTerm], status: str, note: str | None = None
) -> int:
    store.require_writable()
    if note:
        check_text(note, what="note")
    return store.set_status([entry.id for entry in entries], status, note)


def edit_term(store: Memory, entry: StoredTerm, **changes: str | None) -> StoredTerm:
    """Change a term's source, target, languages, status, note or domain, keeping its id."""
    store.require_writable()
    given: dict[str, Any] = {k: v for k, v in changes.items() if v is not None}
    term = replace(entry.term, **given)
    if term.status not in TERM_STATUSES:
        raise UsageError(f"unknown status {term.status!r}")
    check_unit(term.unit())
    store.replace(entry.id, term.unit(), srclang=term.source_lang)
    return stored_terms(store, ids=[entry.id])[0]


def remove_terms(store: Memory, entries: Iterable[StoredTerm]) -> int:
    store.require_writable()
    return store.delete(*(entry.id for entry in entries))


def _pair_of(terms: list[StoredTerm], src: str | None, tgt: str | None) -> tuple[str, str]:
    if src and tgt:
        return src, tgt
    if not terms:
        return src or "en", tgt or "zh-Hans"
    pairs: dict[tuple[str, str], int] = {}
    for entry in terms:
        key = (langs.canonical(entry.term.source_lang), langs.canonical(entry.term.target_lang))
        pairs[key] = pairs.get(key, 0) + 1
    common = max(pairs, key=pairs.__getitem__)
    if src:
        return (src, common[1] if langs.same(src, common[0]) else common[0])
    return common


def export_terms(
    store: Memory,
    output: BinaryIO,
    fmt: str = "tbx",
    *,
    statuses: Iterable[str] | None = None,
    src: str | None = None,
    tgt: str | None = None,
) -> int:
    """Write the memory's terms as TBX-Basic (default), CSV, TSV or TMX. Table and TBX
    files hold one language pair: terms are read in its direction."""
    statuses = list(statuses or ())
    if fmt == "tmx":
        return export_tmx(store, output, kind="term", statuses=statuses, src=src, tgt=tgt)
    if not statuses:  # a shared glossary holds reviewed terms; candidates go by request
        statuses = ["approved", "admitted", "forbidden", "obsolete"]
    entries = stored_terms(store, statuses=statuses)
    pair = _pair_of(entries, src, tgt)
    terms = _in_pair(entries, pair)
    return write_glossary(output, terms, fmt, source_lang=pair[0])


def _in_pair(entries: list[StoredTerm], pair: tuple[str, str]) -> Iterator[Term]:
    """The entries' terms of this language pair, read in its direction."""
    for entry in entries:
        term = orient(entry.term, pair)
        if term is not None:
            yield term


def new_term(
    source: str,
    target: str,
    *,
    status: str = "approved",
    source_lang: str | None = None,
    target_lang: str | None = None,
    note: str | None = None,
    domain: str | None = None,
) -> Term:
    """A term pair typed by someone: each side's language from its text (a language given
    must agree with it). Raises `UsageError` for an empty side or a disagreeing language."""
    from tm.text import language

    source, target = source.strip(), target.strip()
    if not source or not target:
        raise UsageError("a term and its rendering cannot be empty")
    return Term(
        source,
        target,
        language.resolve(language.detect(source), source_lang, file=None, option="--src-lang"),
        language.resolve(language.detect(target), target_lang, file=None, option="--tgt-lang"),
        status,
        note,
        domain,
    )


def extract_candidates(
    store: Memory | None,
    paths: Iterable[str] = (),
    *,
    min_score: float = 0.3,
    limit: int | None = None,
) -> list[Candidate]:
    """Term pairs proposed from aligned text: the inputs (see `tm.pairs`), else the memory's
    own segments. The memory's approved and admitted terms are evidence and help the aligner.
    Raises `StoreError` when there is neither an input nor a memory."""
    from tm.align.lexicon import chinese_renderings, rendering_glosses
    from tm.errors import StoreError
    from tm.terms.extract import extract_terms
    from tm.terms.sources import from_inputs, from_units

    approved = store.term_pairs(("approved", "admitted")) if store else []
    glossary = chinese_renderings(approved)
    paths = list(paths)
    if paths:
        source = from_inputs(paths, terms=rendering_glosses(glossary))
    elif store is None:
        raise StoreError("no input and no memory to extract terms from")
    else:
        source = from_units(stored.unit for stored in store.units(kind="segment"))
    return extract_terms(
        source.pairs,
        glossary=glossary,
        english_text=source.english,
        min_score=min_score,
        limit=limit,
        source_lang=source.chinese,
    )


@dataclass(frozen=True)
class ReviewItem:
    """A candidate as a reviewer sees it: the pair, its score and evidence, and the
    (Chinese, English) contexts it was found in."""

    entry: StoredTerm
    details: tuple[tuple[str, str], ...]  # ("score", "0.812"), ("evidence", "…")
    contexts: tuple[tuple[str, str | None], ...]


#: A reviewer's answers and what each does to the candidate.
REVIEW_ANSWERS = {"a": "approve", "r": "reject", "e": "edit", "s": "skip"}


def review_items(store: Memory, limit: int | None = None) -> list[ReviewItem]:
    """The candidates to review, best first as stored, each with its props and notes read."""
    entries = stored_terms(store, statuses=["candidate"])
    if limit:
        entries = entries[:limit]
    items = []
    for entry in entries:
        stored = next(store.units(ids=[entry.id])).unit
        details = tuple(
            (prop.type[5:], prop.value)
            for prop in stored.props
            if prop.type in ("x-tm-score", "x-tm-evidence")
        )
        contexts = []
        for note in stored.notes:
            zh, _, en = note.text.partition(CONTEXT_SEPARATOR)
            contexts.append((zh, en or None))
        items.append(ReviewItem(entry, details, tuple(contexts)))
    return items


def apply_review(
    store: Memory, item: ReviewItem, answer: str, new_target: str | None = None
) -> bool:
    """Apply one answer; whether it changed anything. A rejected pair is retired
    (obsolete, with a note), not deleted, so extraction does not propose it again; an
    edited one is approved with its new target."""
    if answer == "a":
        set_status(store, [item.entry], "approved")
    elif answer == "r":
        set_status(store, [item.entry], "obsolete", "rejected in review")
    elif answer == "e":
        edit_term(store, item.entry, target=new_target, status="approved")
    elif answer == "s":
        return False
    else:
        raise UsageError(f"unknown answer {answer!r} (one of {', '.join(REVIEW_ANSWERS)})")
    return True


def import_terms(
    store: Memory,
    path: str,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Counts:
    """`tm terms import` of one file (and the team server's): a TMX as `tm import` reads it,
    any glossary layout (TBX, CSV, TSV, OmegaT's .txt/.utf8) as a glossary. The `Counts`."""
    from tm.memory.transfer import import_file, import_glossary

    importer = import_file if path.lower().endswith(".tmx") else import_glossary
    return importer(store, path, source_lang=source_lang, target_lang=target_lang)
