"""`tm terms …`: extract candidates, review them, and keep the glossary."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from contextlib import nullcontext
from typing import TYPE_CHECKING

import click

from tm.cli.options import json_option, lang_options, memory_path, output_format, output_option
from tm.errors import TmError, UsageError
from tm.fileio import atomic_output
from tm.glossary import FORMATS as GLOSSARY_FORMATS
from tm.memory import Store, open_memory
from tm.model import TERM_STATUSES
from tm.remote import RemoteMemory, is_url

if TYPE_CHECKING:
    from tm.terms.workflow import ReviewItem, StoredTerm

STATUS_HELP = "One of: " + ", ".join(TERM_STATUSES) + "."


@click.group("terms")
def terms_cmd() -> None:
    """Terminology: extract term pairs, review them, keep the glossary."""


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
    from tm.terms.workflow import extract_candidates, save_candidates

    path = memory_path(ctx)
    if is_url(path) and (into_memory or not inputs):
        raise UsageError(
            "terms extract reads and writes a local memory only: extract from the files here "
            "(without --into-memory), then add the pairs to keep with `tm terms add`"
        )
    # Without INPUT the memory is the text: a missing one is then the one-line error.
    needed = into_memory or not inputs or os.path.exists(path)
    store = open_memory(path, write=into_memory) if needed else None
    try:
        candidates = extract_candidates(store, inputs, min_score=min_score, limit=top)
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
    from tm.terms.workflow import StoredTerm, stored_terms
    from tm.text.fold import fold

    memory = memory_path(ctx)
    if is_url(memory):  # a team server's memory: its terms, in the same shape
        rows = [t for t in RemoteMemory(memory).terms() if not statuses or t["status"] in statuses]
        entries = [StoredTerm.from_dict(row) for row in rows]
    else:
        with open_memory(memory) as store:
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
@lang_options("SOURCE", "TARGET", aliases=True)
@click.option("--note", help="Why, where it comes from, how to use it.")
@click.option("--domain", help="Subject field (TBX subjectField).")
@click.pass_context
def add_cmd(
    ctx: click.Context,
    source: str,
    target: str,
    status: str,
    src_lang: str | None,
    tgt_lang: str | None,
    note: str | None,
    domain: str | None,
) -> int:
    """Add a term pair (or update the status, note and domain of the same pair).

    Each side's language comes from its text (English, Simplified or Traditional Chinese).
    """
    from tm.terms.workflow import add_term, new_term

    term = new_term(
        source,
        target,
        status=status,
        source_lang=src_lang,
        target_lang=tgt_lang,
        note=note,
        domain=domain,
    )
    memory = memory_path(ctx)
    if is_url(memory):  # a team server's memory: added there, with the role's rights
        fields = {"source": term.source, "target": term.target, "status": status}
        fields.update({k: v for k, v in (("note", note), ("domain", domain)) if v})
        made = RemoteMemory(memory).add_term(fields)
        unit_id, result = made["id"], made["result"]
    else:
        with open_memory(memory, write=True) as store:
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

        memory = memory_path(ctx)
        if is_url(memory):  # a team server's memory: changed there
            remote = RemoteMemory(memory)
            chosen = remote.select_term(source, target, unit_id)
            fields = {"status": status, **({"note": note} if note else {})}
            changed = remote.change_term(chosen["id"], fields)
            click.echo(f"#{changed['id']} {changed['source']} → {changed['target']}  {status}")
            return 0
        with open_memory(memory, write=True) as store:
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

    memory = memory_path(ctx)
    if is_url(memory):  # a team server's memory: changed there
        remote = RemoteMemory(memory)
        chosen = remote.select_term(source, target, unit_id)
        given = {
            "source": new_source, "target": new_target, "status": status, "note": note,
            "domain": domain,
        }  # fmt: skip
        changed = remote.change_term(chosen["id"], {k: v for k, v in given.items() if v})
        click.echo(
            f"#{changed['id']} {changed['source']} → {changed['target']}  {changed['status']}"
        )
        return 0
    with open_memory(memory, write=True) as store:
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
    from tm.terms.workflow import StoredTerm, remove_terms

    memory = memory_path(ctx)
    if is_url(memory):  # a team server's memory: removed there
        remote = RemoteMemory(memory)
        entry = StoredTerm.from_dict(remote.select_term(source, target, unit_id))
        if _keep(entry, yes):
            return 0
        remote.remove_term(entry.id)
    else:
        with open_memory(memory, write=True) as store:
            entry = _one(store, source, target, unit_id)
            if _keep(entry, yes):
                return 0
            remove_terms(store, [entry])
    click.echo(f"removed #{entry.id} {entry.term.source} → {entry.term.target}")
    return 0


def _keep(entry: StoredTerm, yes: bool) -> bool:
    """Whether the person at the terminal said no to removing a reviewed term."""
    term = entry.term
    if term.status not in REVIEWED or yes or not _interactive():
        return False
    question = (
        f"#{entry.id} {term.source} → {term.target} is {term.status}; remove it? "
        "(`tm terms retire` keeps a record)"
    )
    if click.confirm(question, default=False):
        return False
    click.echo(f"kept #{entry.id}")
    return True


@terms_cmd.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@lang_options("a table's first column", "a table's second column", aliases=True)
@click.pass_context
def import_cmd(
    ctx: click.Context,
    files: tuple[str, ...],
    src_lang: str | None,
    tgt_lang: str | None,
) -> int:
    """Import glossaries (TBX, CSV, TSV, OmegaT .txt, TMX), one transaction per file.

    A table's columns take their languages from a header of language tags, else from
    their text.
    """
    from tm.cli import error_line
    from tm.terms.workflow import import_terms

    memory = memory_path(ctx)
    remote = RemoteMemory(memory) if is_url(memory) else None
    failed = 0
    with nullcontext() if remote else open_memory(memory, write=True) as store:
        for path in files:
            try:
                if remote is not None:  # a team server's memory: imported there
                    counts = remote.import_terms(path, source_lang=src_lang, target_lang=tgt_lang)
                else:
                    assert store is not None
                    made = import_terms(store, path, source_lang=src_lang, target_lang=tgt_lang)
                    counts = made.as_dict()
            except TmError as exc:
                click.echo(error_line(exc), err=True)
                failed += 1
                continue
            click.echo(
                f"{path}: read {counts['read']}, created {counts['created']}, "
                f"updated {counts['updated']}, skipped {counts['skipped']}"
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

    fmt = output_format(fmt, output, GLOSSARY_FORMATS, "tbx")
    memory = memory_path(ctx)
    if is_url(memory):  # a team server's memory: the server writes the file, we keep it
        payload, count = RemoteMemory(memory).export_terms(
            fmt, statuses=statuses, src=src_lang, tgt=tgt_lang
        )
        with atomic_output(output) as handle:
            handle.write(payload)
    else:
        with open_memory(memory) as store, atomic_output(output) as handle:
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
    from tm.terms.workflow import ReviewItem, StoredTerm, apply_review, review_items

    memory = memory_path(ctx)
    if is_url(memory):  # a team server's memory: each answer is applied there at once
        remote = RemoteMemory(memory)
        items = [
            ReviewItem(
                StoredTerm.from_dict(data["term"]),
                tuple((str(k), str(v)) for k, v in data["details"]),
                tuple((zh, en) for zh, en in data["contexts"]),
            )
            for data in remote.review_items(limit)
        ]
        return _review(
            items, lambda item, answer, new: remote.review(item.entry.id, answer, new)["applied"]
        )
    with open_memory(memory, write=True) as store:
        items = review_items(store, limit)
        return _review(items, lambda item, answer, new: apply_review(store, item, answer, new))


def _review(items: list[ReviewItem], apply: Callable[[ReviewItem, str, str | None], bool]) -> int:
    """Ask about each item at the terminal; `apply(item, answer, new_target)` saves an answer
    and says whether it changed anything."""
    if not items:
        click.echo("no candidates to review")
        return 0
    done = 0
    for number, item in enumerate(items, 1):
        t = item.entry.term
        click.echo("")
        click.secho(f"[{number}/{len(items)}] {t.source} → {t.target}", bold=True)
        for name, value in item.details:
            click.echo(f"  {name}: {value}")
        for zh, en in item.contexts:
            click.echo(f"  | {zh}\n  | {en}" if en else f"  | {zh}")
        answer = click.prompt(
            "  [a]pprove, [r]eject, [e]dit, [s]kip, [q]uit",
            type=click.Choice(["a", "r", "e", "s", "q"]),
            show_choices=False,
            default="s",
        )
        if answer == "q":
            break
        new_target = click.prompt("  target", default=t.target) if answer == "e" else None
        done += apply(item, answer, new_target)
    click.echo(f"reviewed {done} of {len(items)} candidate(s)")
    return 0
