"""Shared options as named decorators, so each means the same on every command."""

from __future__ import annotations

from collections.abc import Callable
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
    src_default: str | None = None, tgt_default: str | None = None
) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        func = click.option(
            "--tgt-lang", metavar="LANG", default=tgt_default, help="Target language (BCP 47)."
        )(func)
        return click.option(
            "--src-lang", metavar="LANG", default=src_default, help="Source language (BCP 47)."
        )(func)

    return decorate


def memory_path(ctx: click.Context) -> str:
    return ctx.find_root().obj["memory"]
