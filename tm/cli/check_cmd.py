"""`tm check` and `tm score`."""

from __future__ import annotations

import os
import sys

import click

from tm.cli.options import memory_path, output_option
from tm.errors import UsageError
from tm.fileio import atomic_output
from tm.model import SEVERITIES

RANK = {severity: i for i, severity in enumerate(SEVERITIES)}


def _terms(glossary: str | None, store):  # type: ignore[no-untyped-def]
    """The glossary file's terms, else the memory's (every status: forbidden ones count)."""
    from tm.glossary import read_glossary
    from tm.terms.workflow import memory_terms

    if glossary:
        return read_glossary(glossary)  # tables name their languages, or are en -> zh-Hans
    return memory_terms(store) if store is not None else []


@click.command("check")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--glossary", metavar="G", help="TBX, CSV, TSV or TMX terms (default: the memory's).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "junit", "sarif"]),
    default="text",
    show_default=True,
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
@click.option("--src-lang", metavar="LANG", default="en", show_default=True)
@click.option("--tgt-lang", metavar="LANG", default="zh-Hans", show_default=True)
@click.pass_context
def check_cmd(
    ctx: click.Context,
    inputs: tuple[str, ...],
    glossary: str | None,
    fmt: str,
    output: str | None,
    fail_on: str | None,
    baseline: str | None,
    write_baseline: str | None,
    config_path: str | None,
    profiles: tuple[str, ...],
    src_lang: str,
    tgt_lang: str,
) -> int:
    """Consistency checks on releases: terms, numbers, names, punctuation, script, drift.

    INPUT is a bilingual TMX, a pair of documents (aligned here), a pair of caption files
    (cues paired by time), or a single release checked against the glossary alone. Exit 0
    when clean, 1 when a finding reaches --fail-on, 2 for bad usage or input.
    """
    from tm.checks import check_inputs, read_inputs
    from tm.checks.config import config_from, find_config, without_accepted
    from tm.checks.config import write_baseline as dump_baseline
    from tm.memory import open_memory
    from tm.reports import WRITERS

    table, config_name = find_config(config_path)
    config = config_from(table, config_name, profiles)
    fail_on = fail_on or table.get("fail-on", "error")
    if fail_on not in RANK:
        raise UsageError(f"fail-on must be one of {', '.join(SEVERITIES)}", file=config_name)
    glossary = glossary or config.glossary
    # A memory named on the command line or in the configuration must exist; the default one
    # ($TM_MEMORY, else ./tm.db) is used when it does.
    source = ctx.find_root().get_parameter_source("memory")
    memory = config.memory or memory_path(ctx)
    named = config.memory is not None or source == click.core.ParameterSource.COMMANDLINE
    store = open_memory(memory) if named or os.path.exists(memory) else None
    try:
        terms = _terms(glossary, store)
        read = read_inputs(list(inputs), source_lang=src_lang, target_lang=tgt_lang)
        findings = check_inputs(read, terms=terms, memory=store, config=config)
    finally:
        if store is not None:
            store.close()
    if write_baseline:
        with atomic_output(write_baseline) as handle:
            dump_baseline(findings, handle)
        click.echo(f"{write_baseline}: {len(findings)} finding(s) accepted", err=True)
        return 0
    findings = without_accepted(findings, baseline or config.baseline)
    color = fmt == "text" and output is None and sys.stdout.isatty()
    with atomic_output(output) as handle:
        WRITERS[fmt](findings, list(inputs), handle, color=color)
    failing = any(RANK[f.severity] <= RANK[fail_on] for f in findings)
    return 1 if failing else 0


@click.command("score")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--src-lang", metavar="LANG", default="en", show_default=True)
@click.option("--tgt-lang", metavar="LANG", default="zh-Hans", show_default=True)
@click.pass_context
def score_cmd(
    ctx: click.Context, inputs: tuple[str, ...], as_json: bool, src_lang: str, tgt_lang: str
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
