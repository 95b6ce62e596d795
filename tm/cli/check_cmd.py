"""`tm check` and `tm score`."""

from __future__ import annotations

import sys

import click

from tm.cli.options import (
    json_option,
    lang_options,
    memory_named,
    memory_path,
    output_format,
    output_option,
)
from tm.fileio import atomic_output
from tm.model import SEVERITIES


@click.command("check")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--glossary", metavar="G", help="TBX, CSV, TSV or TMX terms (default: the memory's).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "junit", "sarif"]),
    help="Report format (default: from the -o extension, else text).",
)
@output_option
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    help="Exit 1 when a finding is this serious or more (default: error).",
)
@click.option("--baseline", metavar="F", help="Accepted findings: report only new ones.")
@click.option("--write-baseline", metavar="F", help="Accept today's findings into F.")
@click.option("--config", "config_path", metavar="F", help="Settings (default: tm.toml).")
@click.option(
    "--profile",
    "profiles",
    multiple=True,
    metavar="NAME",
    help="Caption style profile (netflix-en, netflix-zh-hans, netflix-zh-hant, bbc-en, "
    "a -children or -sdh variant, or one of tm.toml); repeat for each language. "
    "Default: each track's language's Netflix profile.",
)
@lang_options("each pair's first input", "each pair's second input")
@click.pass_context
def check_cmd(
    ctx: click.Context,
    inputs: tuple[str, ...],
    glossary: str | None,
    fmt: str | None,
    output: str | None,
    fail_on: str | None,
    baseline: str | None,
    write_baseline: str | None,
    config_path: str | None,
    profiles: tuple[str, ...],
    src_lang: str | None,
    tgt_lang: str | None,
) -> int:
    """Consistency checks on releases: terms, numbers, names, punctuation, script, drift.

    INPUT is a bilingual TMX, a pair of documents (aligned here), a pair of caption files
    (cues paired by time), or a single release checked against the glossary alone. Several
    files pair by name (release.en.md with release.zh.md, en/001 with zh/001); languages
    come from the texts. Exit 0 when clean, 1 when a finding reaches --fail-on, 2 for bad
    usage or input.
    """
    from tm.checking import run_check
    from tm.checks.config import write_baseline as dump_baseline
    from tm.reports import WRITERS

    fmt = output_format(fmt, output, WRITERS, "text")
    run = run_check(
        inputs,
        glossary=glossary,
        memory=memory_path(ctx),
        memory_required=memory_named(ctx),
        config_path=config_path,
        fail_on=fail_on,
        baseline=baseline,
        source_lang=src_lang,
        target_lang=tgt_lang,
        profiles=profiles,
    )
    if write_baseline:
        with atomic_output(write_baseline) as handle:
            dump_baseline(run.findings, handle)
        click.echo(f"{write_baseline}: {len(run.findings)} finding(s) accepted", err=True)
        return 0
    color = fmt == "text" and output is None and sys.stdout.isatty()
    with atomic_output(output) as handle:
        WRITERS[fmt](run.new, list(inputs), handle, color=color, alone=run.alone)
    return 1 if run.failing else 0


@click.command("score")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@json_option
@lang_options("each pair's first input", "each pair's second input")
@click.pass_context
def score_cmd(
    ctx: click.Context,
    inputs: tuple[str, ...],
    as_json: bool,
    src_lang: str | None,
    tgt_lang: str | None,
) -> int:
    """Compare a release's translations with the memory's: BLEU, chrF and TER.

    Each source found in the memory (exactly) is scored against the memory's translation,
    segment by segment and overall, with sacrebleu (its Chinese tokenizer for Chinese).
    """
    import json

    from tm.checks import read_inputs
    from tm.checks.score import score_pairs
    from tm.memory import open_memory

    read = read_inputs(list(inputs), source_lang=src_lang, target_lang=tgt_lang)
    with open_memory(memory_path(ctx)) as store:
        report = score_pairs(read.pairs, store)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    for row in report["segments"]:
        click.echo(
            f"{row['location']}: chrF {row['chrf']:.1f}  BLEU {row['bleu']:.1f}  "
            f"TER {row['ter']:.1f}"
        )
    overall = report["overall"]
    if overall["segments"]:
        click.echo(
            f"{overall['segments']} segment(s) in the memory of {overall['checked']}: "
            f"chrF {overall['chrf']:.1f}, BLEU {overall['bleu']:.1f}, TER {overall['ter']:.1f}"
        )
    else:
        click.echo(f"none of the {overall['checked']} segment(s) is in the memory")
    return 0
