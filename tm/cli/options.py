"""Shared options as named decorators, so each means the same on every command."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def output_option(func: F) -> F:
    return click.option(
        "-o",
        "--output",
        metavar="OUT",
        help="Write to this file (atomically) instead of standard output.",
    )(func)


def lang_options(
    source: str = "the first input (the source)",
    target: str = "the second input (the target)",
    *,
    aliases: bool = False,
) -> Callable[[F], F]:
    """--src-lang/--tgt-lang: optional (no default), each language comes from the text; a
    tag given must agree with it (checked by `tm.text.language.resolve`). With `aliases`,
    --source-lang/--target-lang are accepted too (their spelling on `tm terms`)."""

    def decorate(func: F) -> F:
        tgt = ["--tgt-lang", "--target-lang"] if aliases else ["--tgt-lang"]
        src = ["--src-lang", "--source-lang"] if aliases else ["--src-lang"]
        func = click.option(
            *tgt,
            "tgt_lang",
            metavar="LANG",
            default=None,
            help=f"Language of {target} (BCP 47; default: from the text, which it must fit).",
        )(func)
        return click.option(
            *src,
            "src_lang",
            metavar="LANG",
            default=None,
            help=f"Language of {source} (BCP 47; default: from the text, which it must fit).",
        )(func)

    return decorate


def _set_memory(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        root = ctx.find_root()
        root.obj = {**(root.obj or {}), "memory": value, "memory_named": True}


def memory_option(func: F) -> F:
    """--memory after the subcommand (`tm check X --memory Y`), the same as before it."""
    return click.option(
        "--memory",
        metavar="PATH",
        expose_value=False,
        callback=_set_memory,
        help="The translation memory (as `tm --memory`).",
    )(func)


def add_memory_option(command: click.Command) -> None:
    """Give a command (and a group's subcommands) the shared --memory option, once."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_memory_option(sub)
        return
    if not any(p.name == "memory" for p in command.params):
        memory_option(command)  # a click.Command: click.option appends to its params


def memory_path(ctx: click.Context) -> str:
    return ctx.find_root().obj["memory"]


def memory_named(ctx: click.Context) -> bool:
    """Whether the user named the memory with --memory (before or after the command), so it
    must exist; the default ($TM_MEMORY, else ./tm.db) is used only when it does."""
    root = ctx.find_root()
    if root.obj.get("memory_named"):
        return True
    source = root.get_parameter_source("memory")
    return source in (click.core.ParameterSource.COMMANDLINE,)


#: Extensions that name a format other than their own spelling.
SUFFIX_FORMATS = {"txt": "text", "xml": "junit", "tab": "tsv"}


def output_format(fmt: str | None, output: str | None, formats: Iterable[str], default: str) -> str:
    """The one resolver: --format, else the -o file's extension when it names one of
    `formats` (`.txt` is text, `.xml` JUnit), else `default`."""
    if fmt:
        return fmt
    suffix = os.path.splitext(output or "")[1].lower().lstrip(".")
    known = set(formats)
    if suffix in known:
        return suffix
    alias = SUFFIX_FORMATS.get(suffix)
    return alias if alias in known else default
