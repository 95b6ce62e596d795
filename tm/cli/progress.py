"""A progress bar on stderr, on a terminal only, fed by the library's `(done, total)` calls.

The bar appears only once work is known to be long enough to matter (`min_total` steps), so
a quick command prints nothing extra.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click


@contextlib.contextmanager
def progress_bar(label: str, min_total: int = 2000) -> Iterator[Callable[[int, int], None]]:
    state: dict[str, Any] = {"bar": None, "done": 0}
    terminal = sys.stderr.isatty()

    def update(done: int, total: int) -> None:
        if not terminal or total < min_total:
            return
        bar = state["bar"]
        if bar is None:
            bar = state["bar"] = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - state["done"])
        state["done"] = done

    try:
        yield update
    finally:
        if state["bar"] is not None:
            state["bar"].__exit__(None, None, None)
