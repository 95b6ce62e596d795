"""`tm terms …`: extract candidates, review them, and keep the glossary."""

from __future__ import annotations

import json
import os
import sys

import click

from tm.cli.options import json_option, memory_path, output_option
from tm.errors import TmError, UsageError
from tm.fileio import atomic_output
from tm.glossary import FORMATS as GLOSSARY_FORMATS
from tm.memory import Store, open_memory
from tm.model import TERM_STATUSES, Term
from tm.script import has_han

STATUS_HELP = "One of: " + ", ".join(TERM_STATUSES) + "."


@click.group("terms")
def terms_cmd() -> None:
    """Terminology: extract term pairs, review them, keep the glossary."""


def _lang_of(text: str, given: str | None) -> str:
    return given or ("zh-Hans" if has_han(text) else "en")


def _selection_options(func):  # type: ignore[no-untyped-def]
    func = click.option("--id", "unit_id", type=int, help="The term's id (see `tm terms list`).")(
        func
    )
    func = click.argument("target", required=False)(func)
    return click.argument("source", required=False)(func)


def _one(store: Store, source: str | None, target: str | None, unit_id: int | None):  # type: ignore[no-untyped-def]
    from tm.terms.workflow import select

    found = select(store, source, target, unit_id)
    if len(found) > 1:
        listing = "; ".join(f"#{e.id} {e.term.target} ({e.term.status})" for e in found)
        raise UsageError(f"{len(found)} terms match {source!r}: {listing}; name the target or --id")
    return found[0]


@terms_cmd.command("extract")
@click.argument("inputs", nargs=-1, metavar="[INPUT...]")
@click.option("--min-score", default=0.3, show_default=True, help="Leave out weaker pairs.")
@click.option("--top", type=int, help="Show at most this many pairs.")
@click.option("--into-memory", is_flag=True, help="Write the pairs into the memory as candidates.")
@json_option
@click.pass_context
def extract_cmd(
    ctx: click.Context,
    inputs: tuple[str, ...],
    min_score: float,
    top: int | None,
    into_memory: bool,
    as_json: bool,
) -> int:
    """Propose term pairs from aligned text: a TMX, `tm align` JSON, or documents.

    Documents are aligned on the fly (one mixed document, or two); without INPUT, the
    memory's own segments are the aligned text. The memory's approved
    terms are evidence and build proposals for terms the text never renders whole. With
    --into-memory, pairs are written as candidates; reviewed terms are never overwritten.
    """
    from tm.align.lexicon import chinese_renderings, rendering_glosses
    from tm.terms.extract import extract_terms
    from tm.terms.sources import from_inputs, from_units
    from tm.terms.workflow import save_candidates

    path = memory_path(ctx)
    store = open_memory(path, write=True) if into_memory else None
    if store is None and os.path.exists(path):
        store = open_memory(path)
    try:
        # The memory's approved and admitted terms, Chinese -> English renderings.
        approved = store.term_pairs(("approved", "admitted")) if store else []
        glossary = chinese_renderings(approved)
        if inputs:
            source = from_inputs(list(inputs), terms=rendering_glosses(glossary))
        else:
            if store is None:
                store = open_memory(path)  # a missing memory is the one-line error
            source = from_units(stored.unit for stored in store.units(kind="segment"))
        candidates = extract_terms(
            source.pairs,
            glossary=glossary,
            english_text=source.english,
            min_score=min_score,
            limit=top,
        )
        written = save_candidates(store, candidates) if into_memory and store else None
    finally:
        if store is not None:
            store.close()
    if as_json:
        click.echo(json.dumps([c.as_dict() for c in candidates], ensure_ascii=False, indent=1))
    else:
        for rank, c in enumerate(candidates, 1):
            mark = "  (proposed, not found)" if c.proposed else ""
            click.echo(f"{rank:>3}. {c.score:.2f}  {c.source} → {c.target}{mark}")
            click.echo(f"        {'; '.join(c.evidence)}")
        if not candidates:
            click.echo("no term pairs found")
    if written is not None:
        click.echo(
            f"{path}: {written[0]} candidate(s) added, {written[1]} already in the memory",
            err=as_json,
        )
    return 0


@terms_cmd.command("list")
@click.option("--status", "statuses", multiple=True, type=click.Choice(TERM_STATUSES))
@click.option("--search", metavar="TEXT", help="Only terms containing TEXT (either side).")
@json_option
@click.pass_context
def list_cmd(
    ctx: click.Context, statuses: tuple[str, ...], search: str | None, as_json: bool
) -> int:
    """The memory's terms with their status, note, domain, and who changed them when."""
    from tm.memory.normalize import fold
    from tm.terms.workflow import stored_terms

    with open_memory(memory_path(ctx)) as store:
        entries = stored_terms(store, statuses=statuses)
    if search:
        want = fold(search)
        entries = [e for e in entries if want in fold(e.term.source) or want in fold(e.term.target)]
    if as_json:
        click.echo(json.dumps([e.as_dict() for e in entries], ensure_ascii=False, indent=1))
        return 0
    for e in entries:
        t = e.term
        extra = f"  [{t.domain}]" if t.domain else ""
        click.echo(
            f"#{e.id:<5} {t.source} → {t.target}  {t.status}{extra}  "
            f"({e.changed_at[:10]} {e.changed_by or ''})".rstrip()
        )
        if t.note:
            click.echo(f"        {' '.join(t.note.split())}")
    if not entries:
        click.echo("no terms")
    return 0


@terms_cmd.command("add")
@click.argument("source")
@click.argument("target")
@click.option("--status", default="approved", show_default=True, type=click.Choice(TERM_STATUSES))
@click.option("--source-lang", metavar="LANG", help="Default: zh-Hans if SOURCE has Han, else en.")
@click.option("--target-lang", metavar="LANG", help="Default: zh-Hans if TARGET has Han, else en.")
@click.option("--note", help="Why, where it comes from, how to use it.")
@click.option("--domain", help="Subject field (TBX subjectField).")
@click.pass_context
def add_cmd(
    ctx: click.Context,
    source: str,
    target: str,
    status: str,
    source_lang: str | None,
    target_lang: str | None,
    note: str | None,
    domain: str | None,
) -> int:
    """Add a term pair (or update the status, note and domain of the same pair)."""
    from tm.terms.workflow import add_term

    if not source.strip() or not target.strip():
        raise UsageError("a term and its rendering cannot be empty")
    term = Term(
        source.strip(),
        target.strip(),
        _lang_of(source, source_lang),
        _lang_of(target, target_lang),
        status,
        note,
        domain,
    )
    with open_memory(memory_path(ctx), write=True) as store:
        unit_id, result = add_term(store, term)
    click.echo(f"#{unit_id} {term.source} → {term.target}  {status} ({result})")
    return 0


def _status_command(name: str, status: str, summary: str) -> None:
    @terms_cmd.command(name, help=summary)
    @_selection_options
    @click.option("--note", help="Why (kept with the term).")
    @click.pass_context
    def command(
        ctx: click.Context,
        source: str | None,
        target: str | None,
        unit_id: int | None,
        note: str | None,
    ) -> int:
        from tm.terms.workflow import set_status

        with open_memory(memory_path(ctx), write=True) as store:
            entry = _one(store, source, target, unit_id)
            set_status(store, [entry], status, note)
        click.echo(f"#{entry.id} {entry.term.source} → {entry.term.target}  {status}")
        return 0


_status_command("approve", "approved", "Approve a term pair: the rendering to use.")
_status_command("admit", "admitted", "Admit a term pair: acceptable, not preferred.")
_status_command("forbid", "forbidden", "Forbid a rendering: checks flag it wherever it is used.")
_status_command("retire", "obsolete", "Retire a term pair (obsolete, kept for the record).")


@terms_cmd.command("edit")
@_selection_options
@click.option("--source", "new_source", help="New source text.")
@click.option("--target", "new_target", help="New target text.")
@click.option("--status", type=click.Choice(TERM_STATUSES))
@click.option("--note", help="Replace the note.")
@click.option("--domain", help="Replace the domain.")
@click.pass_context
def edit_cmd(
    ctx: click.Context,
    source: str | None,
    target: str | None,
    unit_id: int | None,
    new_source: str | None,
    new_target: str | None,
    status: str | None,
    note: str | None,
    domain: str | None,
) -> int:
    """Change a term pair's text, status, note or domain (it keeps its id and history)."""
    from tm.terms.workflow import edit_term

    with open_memory(memory_path(ctx), write=True) as store:
        entry = _one(store, source, target, unit_id)
        edited = edit_term(
            store,
            entry,
            source=new_source,
            target=new_target,
            status=status,
            note=note,
            domain=domain,
        )
    t = edited.term
    click.echo(f"#{edited.id} {t.source} → {t.target}  {t.status}")
    return 0


#: Statuses a person decided on: removing one asks first (a candidate is only a proposal).
REVIEWED = ("approved", "admitted", "forbidden")


def _interactive() -> bool:
    return sys.stdin.isatty()


@terms_cmd.command("remove")
@_selection_options
@click.option("--yes", "-y", is_flag=True, help="Do not ask before removing a reviewed term.")
@click.pass_context
def remove_cmd(
    ctx: click.Context, source: str | None, target: str | None, unit_id: int | None, yes: bool
) -> int:
    """Delete a term pair from the memory (to keep a record, retire it instead).

    A reviewed (approved, admitted, forbidden) term is removed only after a yes on a
    terminal; --yes, or no terminal (scripts, CI), removes it without asking. To be able to
    undo, export first (`tm export --kind term -o terms.tmx`) and import that file again.
    """
    from tm.terms.workflow import remove_terms

    with open_memory(memory_path(ctx), write=True) as store:
        entry = _one(store, source, target, unit_id)
        term = entry.term
        if term.status in REVIEWED and not yes and _interactive():
            question = (
                f"#{entry.id} {term.source} → {term.target} is {term.status}; remove it? "
                "(`tm terms retire` keeps a record)"
            )
            if not click.confirm(question, default=False):
                click.echo(f"kept #{entry.id}")
                return 0
        remove_terms(store, [entry])
    click.echo(f"removed #{entry.id} {term.source} → {term.target}")
    return 0


@terms_cmd.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--source-lang", metavar="LANG", help="Language of a table's first column.")
@click.option("--target-lang", metavar="LANG", help="Language of a table's second column.")
@click.pass_context
def import_cmd(
    ctx: click.Context,
    files: tuple[str, ...],
    source_lang: str | None,
    target_lang: str | None,
) -> int:
    """Import glossaries (TBX, CSV, TSV, OmegaT .txt, TMX), one transaction per file."""
    from tm.memory import import_file
    from tm.memory.transfer import import_glossary

    failed = 0
    with open_memory(memory_path(ctx), write=True) as store:
        for path in files:
            # Any glossary layout, OmegaT's .txt/.utf8 included; a TMX as `tm import` reads it.
            importer = import_file if path.lower().endswith(".tmx") else import_glossary
            try:
                counts = importer(store, path, source_lang=source_lang, target_lang=target_lang)
            except TmError as exc:
                click.echo(f"tm: error: {exc}", err=True)
                failed += 1
                continue
            click.echo(
                f"{path}: read {counts.read}, created {counts.created}, "
                f"updated {counts.updated}, skipped {counts.skipped}"
            )
    return 2 if failed else 0


@terms_cmd.command("export")
@output_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(GLOSSARY_FORMATS),
    help="Default: from the -o extension, else TBX-Basic.",
)
@click.option("--status", "statuses", multiple=True, type=click.Choice(TERM_STATUSES))
@click.option("--src-lang", metavar="LANG", help="Source language of the file.")
@click.option("--tgt-lang", metavar="LANG", help="Target language of the file.")
@click.pass_context
def export_cmd(
    ctx: click.Context,
    output: str | None,
    fmt: str | None,
    statuses: tuple[str, ...],
    src_lang: str | None,
    tgt_lang: str | None,
) -> int:
    """Export the terms: TBX-Basic (default), CSV, TSV or TMX.

    Without --status, TBX and tables hold the reviewed terms (candidates go to TMX, or ask
    for them with --status candidate).
    """
    from tm.terms.workflow import export_terms

    if fmt is None:
        suffix = os.path.splitext(output or "")[1].lower().lstrip(".")
        fmt = suffix if suffix in GLOSSARY_FORMATS else "tbx"
    with open_memory(memory_path(ctx)) as store, atomic_output(output) as handle:
        count = export_terms(store, handle, fmt, statuses=statuses, src=src_lang, tgt=tgt_lang)
    if output:
        click.echo(f"{output}: wrote {count} term pairs")
    return 0


@terms_cmd.command("review")
@click.option("--limit", type=int, help="Stop after this many candidates.")
@click.pass_context
def review_cmd(ctx: click.Context, limit: int | None) -> int:
    """Walk the candidates one by one: approve, reject, edit or skip, with their context.

    Rejected pairs are retired (obsolete), not deleted, so extraction does not propose them
    again. Each answer is saved at once; quit at any time with q.
    """
    from tm.terms.workflow import CONTEXT_SEPARATOR, edit_term, set_status, stored_terms

    with open_memory(memory_path(ctx), write=True) as store:
        entries = stored_terms(store, statuses=["candidate"])
        if limit:
            entries = entries[:limit]
        if not entries:
            click.echo("no candidates to review")
            return 0
        done = 0
        for number, entry in enumerate(entries, 1):
            t = entry.term
            stored = next(store.units(ids=[entry.id])).unit
            click.echo("")
            click.secho(f"[{number}/{len(entries)}] {t.source} → {t.target}", bold=True)
            for prop in stored.props:
                if prop.type in ("x-tm-score", "x-tm-evidence"):
                    click.echo(f"  {prop.type[5:]}: {prop.value}")
            for note in stored.notes:
                zh, _, en = note.text.partition(CONTEXT_SEPARATOR)
                click.echo(f"  | {zh}\n  | {en}" if en else f"  | {zh}")
            answer = click.prompt(
                "  [a]pprove, [r]eject, [e]dit, [s]kip, [q]uit",
                type=click.Choice(["a", "r", "e", "s", "q"]),
                show_choices=False,
                default="s",
            )
            if answer == "q":
                break
            if answer == "a":
                set_status(store, [entry], "approved")
            elif answer == "r":
                set_status(store, [entry], "obsolete", "rejected in review")
            elif answer == "e":
                new_target = click.prompt("  target", default=t.target)
                edit_term(store, entry, target=new_target, status="approved")
            if answer != "s":
                done += 1
    click.echo(f"reviewed {done} of {len(entries)} candidate(s)")
    return 0
