"""The `tm` command: parse options, call the library, print. No logic lives here.

`main()` is the one place where errors become the one-line message and exit code 2.
Commands are imported lazily so that `tm --help` loads neither jieba nor lxml.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

import click

from tm import __version__
from tm.errors import TmError
from tm.fileio import output_failure

#: command name -> ("module:function", summary); a new command is one module and one line.
#: The summary is the first line of the command's docstring (a test keeps them equal): having
#: it here lets `tm --help` list the commands without importing them.
COMMANDS = {
    "import": (
        "tm.cli.memory_cmds:import_cmd",
        "Import TMX, TBX, CSV or TSV files into the memory, one transaction per file.",
    ),
    "export": (
        "tm.cli.memory_cmds:export_cmd",
        "Export the memory as TMX 1.4b (UTF-8, valid against the TMX 1.4 DTD).",
    ),
    "stats": ("tm.cli.memory_cmds:stats_cmd", "Units per language pair, kind and status."),
    "validate": (
        "tm.cli.validate_cmd:validate_cmd",
        "Check TMX files against TMX 1.4b: structure and semantics.",
    ),
    "align": (
        "tm.cli.align_cmd:align_cmd",
        "Align two documents, or the English and Chinese parts of one mixed document.",
    ),
    "terms": (
        "tm.cli.terms_cmd:terms_cmd",
        "Terminology: extract term pairs, review them, keep the glossary.",
    ),
    "check": (
        "tm.cli.check_cmd:check_cmd",
        "Consistency checks on releases: terms, numbers, names, punctuation, script, drift.",
    ),
    "score": (
        "tm.cli.check_cmd:score_cmd",
        "Compare a release's translations with the memory's: BLEU, chrF and TER.",
    ),
    "serve": (
        "tm.cli.serve_cmd:serve_cmd",
        "The team server: HTTP API and the lookup page over the memory.",
    ),
    "lookup": (
        "tm.cli.lookup_cmd:lookup_cmd",
        "Terms in TEXT, both directions, then the memory's segments containing it.",
    ),
    "analyze": (
        "tm.cli.analyze_cmd:analyze_cmd",
        "Leverage report: repetitions, 100 %, 95-99, 85-94, 75-84, 50-74, no match.",
    ),
    "pretranslate": (
        "tm.cli.pretranslate_cmd:pretranslate_cmd",
        "Each segment's best match at or above MIN, written as TMX, JSON or a caption track.",
    ),
}

#: Commands that never open the memory (every other one takes --memory after its name too).
NO_MEMORY = {"validate"}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        entry = COMMANDS.get(name)
        if entry is None:
            return None
        module, attr = entry[0].split(":")
        command: click.Command = getattr(importlib.import_module(module), attr)
        if name not in NO_MEMORY:
            from tm.cli.options import add_memory_option

            add_memory_option(command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in self.list_commands(ctx)])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--memory",
    "memory",
    envvar="TM_MEMORY",
    default="tm.db",
    show_default=True,
    metavar="PATH",
    help="The translation memory: a SQLite .db, or a .tmx read as a read-only memory "
    "(default $TM_MEMORY, else ./tm.db).",
)
@click.version_option(__version__, "--version", prog_name="tm", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, memory: str) -> None:
    """tm: an English-Chinese translation memory and terminology tool.

    Exit codes: 0 success, 1 the command worked and found problems, 2 bad usage or input.
    """
    ctx.obj = {"memory": memory}


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI and map every failure to exit code 2 and one line on stderr."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = cli.main(args=args, prog_name="tm", standalone_mode=False)
    except TmError as exc:
        _fail(str(exc))
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else "")
        sys.exit(0)
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "tm"
        _fail(f"{exc.format_message()} (see `{command} --help`)")
    except click.ClickException as exc:
        _fail(exc.format_message())
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        click.echo("tm: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:  # output that could not be written (a full disk): one line too
        failure = output_failure(exc)
        if failure is None:
            raise
        _fail(str(failure))
    sys.exit(code if isinstance(code, int) else 0)


def error_line(message: str | TmError) -> str:
    """The one error line: `tm: error: FILE[:LINE]: problem`, never split over lines."""
    return f"tm: error: {' '.join(str(message).splitlines())}"


def _fail(message: str) -> None:
    click.echo(error_line(message), err=True)
    sys.exit(2)
