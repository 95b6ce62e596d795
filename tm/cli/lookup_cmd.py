"""`tm lookup`."""

from __future__ import annotations

import json
import sys

import click

from tm.cli.options import json_option, memory_path
from tm.cli.progress import progress_bar
from tm.errors import UsageError
from tm.lookup import LookupResult, lookup
from tm.memory import open_memory
from tm.remote import RemoteMemory, is_url


@click.command("lookup")
@click.argument("text")
@click.option(
    "--fuzzy",
    type=click.FloatRange(0, 100),
    is_flag=False,
    flag_value=75.0,
    default=None,
    metavar="[MIN]",
    help="Also show fuzzy matches scoring at least MIN % (default 75).",
)
@click.option("--lang", metavar="LANG", help="Language of TEXT (default: from the text).")
@click.option("--limit", default=10, show_default=True, help="At most this many segments.")
@json_option
@click.pass_context
def lookup_cmd(
    ctx: click.Context,
    text: str,
    fuzzy: float | None,
    lang: str | None,
    limit: int,
    as_json: bool,
) -> int:
    """Terms in TEXT, both directions, then the memory's segments containing it.

    Approved and admitted terms come first, forbidden ones are marked, candidates last. Then
    the memory's matches (exact copies; with --fuzzy, matches scoring at least MIN %, the
    differing words marked), then the segments containing TEXT (concordance).
    """
    if not text.strip():
        raise UsageError("TEXT is empty: give a word, a term or a sentence to look up")
    memory = memory_path(ctx)
    if is_url(memory):  # a team server's memory: the same lookup, run there
        answer = RemoteMemory(memory).lookup(text, fuzzy=fuzzy, limit=limit, lang=lang)
        result = LookupResult.from_dict(answer)
    else:
        with open_memory(memory) as store, progress_bar("indexing the memory") as bar:
            result = lookup(
                store,
                text,
                lang=lang,
                fuzzy=fuzzy is not None,
                min_score=fuzzy if fuzzy is not None else 75.0,
                limit=limit,
                progress=bar,
            )
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return 0
    if not result.terms and not result.matches and not result.concordance:
        shown = text if len(text) <= 60 else text[:57] + "..."
        click.echo(f"nothing found for {shown!r}")
        return 0
    if result.terms:
        click.echo("Terms")
        for hit in result.terms:
            status = hit.status or ""
            if hit.status == "forbidden":
                status = click.style("FORBIDDEN: do not use", fg="red", bold=True)
            elif hit.status == "candidate":
                status = "candidate (not reviewed)"
            click.echo(f"  {hit.source} → {hit.target}    {status}".rstrip())
    if result.matches:
        click.echo("Matches")
        terminal = sys.stdout.isatty()
        for match in result.matches:
            click.echo(f"  {match.score:3d}%  {match.source}")
            if terminal:  # what differs, marked in the query
                click.echo(f"        {_marked(text, match.diff, fg='red')}")
            click.echo(f"        {match.target}")
    if result.concordance:
        click.echo("Segments")
        for found in result.concordance:
            click.echo(f"  {_marked(found.source, found.spans, fg='yellow')}")
            click.echo(f"    {found.target}")
    return 0


def _marked(text: str, spans: list[list[int]], fg: str) -> str:
    """`text` with its spans in colour on a terminal (click drops the style otherwise); an
    empty span (something the match has more) shows as a caret."""
    out: list[str] = []
    at = 0
    for start, end in spans:
        out.append(text[at:start])
        piece = text[start:end] if end > start else "^"
        out.append(
            click.style(piece, bold=True, fg=fg) if end > start else click.style(piece, fg=fg)
        )
        at = max(at, end)
    out.append(text[at:])
    return "".join(out)
