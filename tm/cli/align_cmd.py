"""`tm align`."""

from __future__ import annotations

import os

import click

from tm.cli.options import lang_options, memory_path, output_format, output_option
from tm.errors import UsageError
from tm.fileio import atomic_output


def _memory_terms(path: str) -> dict[str, frozenset[str]]:
    """The memory's approved and admitted terms as lexicon entries; none without a memory."""
    from tm.align.lexicon import term_glosses
    from tm.memory import open_memory

    if not os.path.exists(path):
        return {}
    with open_memory(path) as store:
        return term_glosses(store.term_pairs())


def _align_several(
    ctx: click.Context,
    paths: tuple[str, ...],
    segmented: bool,
    src_lang: str | None,
    tgt_lang: str | None,
    into_memory: bool,
    output: str | None,
) -> int:
    """Files paired by name, all aligned before anything is stored, then stored at once."""
    from tm.align.documents import store_alignment
    from tm.memory import open_memory
    from tm.pairs import align_by_name

    if not into_memory or output:
        raise UsageError("more than two files are aligned --into-memory only (no -o, no --gold)")
    aligned = align_by_name(
        paths,
        source_lang=src_lang,
        target_lang=tgt_lang,
        segmented=segmented,
        terms=_memory_terms(memory_path(ctx)),
    )
    with open_memory(memory_path(ctx), write=True) as store:
        stored = store_alignment(store, *(one for _a, _b, one in aligned))
    for a, b, one in aligned:
        click.echo(f"{a} ↔ {b}: {len(one.alignment.beads)} beads")
    click.echo(f"{memory_path(ctx)}: {stored} aligned pair(s) stored")
    return 0


@click.command("align")
@click.argument("a", metavar="A")
@click.argument("rest", metavar="[B]...", nargs=-1)
@output_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tmx", "text", "json", "beads"]),  # tm.align.output.FORMATS
    help="Output format (default: from the -o extension, else text).",
)
@click.option("--segmented", is_flag=True, help="Each input line is one sentence already.")
@lang_options("A (the source)", "B (the target)")
@click.option("--into-memory", is_flag=True, help="Also store the aligned pairs in the memory.")
@click.option("--gold", metavar="GOLD", help="Score against a gold alignment (beads format).")
@click.pass_context
def align_cmd(
    ctx: click.Context,
    a: str,
    rest: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    segmented: bool,
    src_lang: str | None,
    tgt_lang: str | None,
    into_memory: bool,
    gold: str | None,
) -> int:
    """Align two documents, or the English and Chinese parts of one mixed document.

    A is the source, B the target, in either language: each one's language (English,
    Simplified or Traditional Chinese) comes from its text. Reads text, Markdown, HTML,
    DOCX, SRT and WebVTT. The memory's approved terms join the dictionary. With --gold,
    prints precision, recall and F1 (strict and lax). More than two files go --into-memory
    paired by name (release.en.md with release.zh.md, en/001 with zh/001).
    """
    if len(rest) > 1:
        return _align_several(
            ctx, (a, *rest), segmented, src_lang, tgt_lang, into_memory, output or gold
        )
    b = rest[0] if rest else None
    from tm.align.documents import alignment_units, store_alignment
    from tm.align.evaluate import evaluate, read_beads
    from tm.align.output import FORMATS, write_alignment
    from tm.pairs import align_paths

    fmt = output_format(fmt, output, FORMATS, "text")
    gold_beads = read_beads(gold) if gold else None
    aligned = align_paths(
        a,
        b,
        segmented=segmented,
        source_lang=src_lang,
        target_lang=tgt_lang,
        terms=_memory_terms(memory_path(ctx)),
    )
    al = aligned.alignment
    if gold_beads is None and not al.beads:
        raise UsageError("nothing to align")
    if into_memory:
        from tm.memory import open_memory

        with open_memory(memory_path(ctx), write=True) as store:
            store_alignment(store, aligned)
    if gold_beads is not None:
        scores = evaluate([(x.src, x.tgt) for x in al.beads], gold_beads)
        click.echo(
            f"strict: P {scores.strict_p:.3f} R {scores.strict_r:.3f} F1 {scores.strict_f1:.3f}"
            f"\nlax:    P {scores.lax_p:.3f} R {scores.lax_r:.3f} F1 {scores.lax_f1:.3f}"
        )
        if not output:
            return 0
    with atomic_output(output) as handle:
        write_alignment(aligned, handle, fmt)
    if output:
        units = len(alignment_units(aligned))
        pairs = f"{units} aligned pair" + ("" if units == 1 else "s")
        click.echo(f"{output}: {len(al.beads)} beads, {pairs}")
    return 0
