"""`tm lookup`."""

from __future__ import annotations

import json
import re

import click

from tm.cli.options import json_option, memory_path
from tm.errors import UsageError
from tm.lookup import lookup
from tm.memory import open_memory


def _highlight(text: str, phrases: list[str]) -> str:
    """The query and the terms found, in bold on a terminal (click drops the style when
    the output is not one)."""
    phrases = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not phrases:
        return text
    pattern = re.compile("|".join(re.escape(p) for p in phrases), re.IGNORECASE)
    return pattern.sub(lambda m: click.style(m.group(), bold=True, fg="yellow"), text)


@click.command("lookup")
@click.argument("text")
@click.option("--fuzzy", is_flag=True, help="Also show segments similar to TEXT.")
@click.option("--lang", metavar="LANG", help="Language of TEXT (default: from the text).")
@click.option("--limit", default=10, show_default=True, help="At most this many segments.")
@json_option
@click.pass_context
def lookup_cmd(
    ctx: click.Context, text: str, fuzzy: bool, lang: str | None, limit: int, as_json: bool
) -> int:
    """Terms in TEXT, both directions, then the memory's segments containing it.

    Approved and admitted terms come first, forbidden ones are marked, candidates last. With
    --fuzzy, segments similar to TEXT follow.
    """
    if not text.strip():
        raise UsageError("TEXT is empty: give a word, a term or a sentence to look up")
    with open_memory(memory_path(ctx)) as store:
        result = lookup(store, text, lang=lang, fuzzy=fuzzy, limit=limit)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return 0
    if not result.terms and not result.matches:
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
        click.echo("Segments")
        for match in result.matches:
            score = "" if match.score >= 100 else f" ({match.score:.0f}%)"
            terms = [text, *(hit.source for hit in result.terms)]
            click.echo(f"  {_highlight(match.source, terms)}{score}")
            click.echo(f"    {match.target}")
    return 0
