"""`tm analyze`."""

from __future__ import annotations

import json

import click

from tm.cli.options import json_option, memory_path
from tm.cli.progress import progress_bar
from tm.fuzzy.analyze import analyze
from tm.memory import open_memory

_LABELS = {"repetition": "Repetitions", "100": "100%", "no-match": "No match"}


@click.command("analyze")
@click.argument("documents", nargs=-1, required=True, metavar="DOC...")
@json_option
@click.pass_context
def analyze_cmd(ctx: click.Context, documents: tuple[str, ...], as_json: bool) -> int:
    """Leverage report: repetitions, 100 %, 95-99, 85-94, 75-84, 50-74, no match.

    Each segment of each document (text, Markdown, HTML, DOCX, SRT, WebVTT) is matched against
    the memory; the report counts segments, words (English) and characters (Chinese) per band,
    per file and in total.
    """
    with (
        open_memory(memory_path(ctx)) as store,
        progress_bar("indexing the memory") as indexing,
        progress_bar("analysing", min_total=200) as bar,
    ):
        report = analyze(store, list(documents), bar, indexing)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
        return 0
    for entry in [*report["files"], {"file": "Total", **report["total"]}]:
        click.echo(f"{entry['file']}")
        click.echo(f"  {'band':<12}{'segments':>10}{'words':>10}{'characters':>12}")
        for row in entry["bands"]:
            label = _LABELS.get(row["band"], row["band"] + "%")
            click.echo(
                f"  {label:<12}{row['segments']:>10}{row['words']:>10}{row['characters']:>12}"
            )
        click.echo(
            f"  {'total':<12}{entry['segments']:>10}{entry['words']:>10}{entry['characters']:>12}"
        )
    return 0
