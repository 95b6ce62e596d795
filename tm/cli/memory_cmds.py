"""`tm import`, `tm export`, `tm stats`."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator

import click

from tm.cli import error_line
from tm.cli.options import json_option, lang_options, memory_path, output_option
from tm.errors import TmError, UsageError
from tm.fileio import atomic_output
from tm.memory import Counts, export_tmx, import_file, open_memory
from tm.model import TERM_STATUSES, UNIT_KINDS
from tm.remote import RemoteMemory, is_url

#: Files smaller than this import too fast to need a progress bar.
PROGRESS_MIN_BYTES = 8 * 1024 * 1024


@contextlib.contextmanager
def _progress(path: str) -> Iterator[object]:
    """A progress bar on stderr for large files, only when stderr is a terminal."""
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    if not sys.stderr.isatty() or size < PROGRESS_MIN_BYTES:
        yield None
        return
    with click.progressbar(length=size, label=os.path.basename(path), file=sys.stderr) as bar:
        state = {"done": 0}

        def update(done: int, total: int) -> None:
            bar.update(done - state["done"])
            state["done"] = done

        yield update


@click.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@lang_options()
@json_option
@click.pass_context
def import_cmd(
    ctx: click.Context,
    files: tuple[str, ...],
    src_lang: str | None,
    tgt_lang: str | None,
    as_json: bool,
) -> int:
    """Import TMX, TBX, CSV or TSV files into the memory, one transaction per file.

    Glossaries (TBX, CSV, TSV) become term units; the languages name a table's columns
    when its header does not (default en → zh-Hans).

    Exact repeats (same languages and content, markup included) update the existing unit's
    metadata instead of adding a unit. A bad file is rolled back whole and named; the good
    files stay imported and the exit code is 2.
    """
    memory = memory_path(ctx)
    total = Counts()
    rows: list[dict[str, object]] = []
    remote = RemoteMemory(memory) if is_url(memory) else None
    with contextlib.nullcontext() if remote else open_memory(memory, write=True) as store:
        for path in files:
            try:
                if remote is not None:  # a team server's memory: the file is sent there
                    counts = Counts(**remote.import_file(path))
                    rows.append({"file": path, **counts.as_dict()})
                    total.add(counts)
                    continue
                assert store is not None
                with _progress(path) as progress:
                    counts = import_file(
                        store,
                        path,
                        progress,  # type: ignore[arg-type]
                        source_lang=src_lang,
                        target_lang=tgt_lang,
                    )
            except TmError as exc:
                click.echo(error_line(exc), err=True)
                total.failed += 1
                rows.append({"file": path, "error": str(exc)})
                continue
            total.add(counts)
            rows.append({"file": path, **counts.as_dict()})
    if as_json:
        click.echo(json.dumps({"files": rows, "total": total.as_dict()}, ensure_ascii=False))
    else:
        for row in rows:
            if "error" not in row:
                click.echo(
                    f"{row['file']}: read {row['read']}, created {row['created']}, "
                    f"updated {row['updated']}, skipped {row['skipped']}"
                )
        if len(files) > 1:
            click.echo(
                f"total: read {total.read}, created {total.created}, updated {total.updated}, "
                f"skipped {total.skipped}, failed {total.failed} file(s)"
            )
    return 2 if total.failed else 0


@click.command("export")
@output_option
@click.option("--kind", type=click.Choice(UNIT_KINDS), help="Only segments, or only terms.")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(TERM_STATUSES),
    help="Only units with this status (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tmx"]),
    help="Output format (default: from the -o extension, else TMX).",
)
@lang_options()
@click.pass_context
def export_cmd(
    ctx: click.Context,
    output: str | None,
    kind: str | None,
    statuses: tuple[str, ...],
    fmt: str | None,
    src_lang: str | None,
    tgt_lang: str | None,
) -> int:
    """Export the memory as TMX 1.4b (UTF-8, valid against the TMX 1.4 DTD).

    Without --kind, segments and terms are both written (terms carry their kind and status
    as props). With --src-lang and --tgt-lang, only units holding both languages, reduced to
    that pair.
    """
    if output and fmt is None:
        suffix = os.path.splitext(output)[1].lower().lstrip(".")
        if suffix and suffix != "tmx":
            raise UsageError(f"cannot export to .{suffix} (known: .tmx)", file=output)
    with open_memory(memory_path(ctx)) as store, atomic_output(output) as handle:
        count = export_tmx(store, handle, kind=kind, statuses=statuses, src=src_lang, tgt=tgt_lang)
    if output:
        click.echo(f"{output}: wrote {count} units")
    return 0


@click.command("stats")
@json_option
@click.pass_context
def stats_cmd(ctx: click.Context, as_json: bool) -> int:
    """Units per language pair, kind and status."""
    with open_memory(memory_path(ctx)) as store:
        store.check_integrity()  # counting alone can pass over damaged pages
        rows = store.stats()
        total = store.count()
    if as_json:
        click.echo(json.dumps({"units": total, "by_pair": rows}, ensure_ascii=False))
        return 0
    click.echo(f"{total} units in {memory_path(ctx)}")
    if rows:
        click.echo(f"{'source':<10} {'target':<10} {'kind':<8} {'status':<10} {'units':>8}")
    for row in rows:
        click.echo(
            f"{row['source_lang']:<10} {row['target_lang'] or '-':<10} {row['kind']:<8} "
            f"{row['status'] or '-':<10} {row['units']:>8}"
        )
    return 0
