"""`tm pretranslate`."""

from __future__ import annotations

import click

from tm.cli.options import memory_path
from tm.cli.progress import progress_bar
from tm.fileio import atomic_output
from tm.fuzzy.pretranslate import check_output, pretranslate, render
from tm.memory import open_memory


@click.command("pretranslate")
@click.argument("document", metavar="DOC")
@click.option("-o", "--output", required=True, metavar="OUT", help="A .tmx, .json, .srt or .vtt.")
@click.option(
    "--min",
    "min_score",
    type=click.FloatRange(0, 100),
    default=75.0,
    show_default=True,
    help="Lowest fuzzy score used.",
)
@click.pass_context
def pretranslate_cmd(ctx: click.Context, document: str, output: str, min_score: float) -> int:
    """Each segment's best match at or above MIN, written as TMX, JSON or a caption track.

    OUT's extension says what: .tmx (one unit per segment with a match, its score as prop
    x-tm-match), .json (every segment), or for a caption source .srt/.vtt (the target track
    with the source's timings; cues without a match keep their text and are listed).
    """
    ext = check_output(output, document)
    with (
        open_memory(memory_path(ctx)) as store,
        progress_bar("indexing the memory") as indexing,
        progress_bar("pretranslating", min_total=200) as bar,
    ):
        result = pretranslate(store, document, min_score, bar, indexing)
    data = render(result, ext)
    with atomic_output(output) as handle:
        handle.write(data)
    if ext in (".srt", ".vtt") and result.unmatched_cues:
        cues = ", ".join(str(n) for n in result.unmatched_cues)
        click.echo(
            f"tm: warning: {document}: no match at {min_score:.0f}% or more for cues {cues}"
            " (their source text is kept)",
            err=True,
        )
    return 0
