"""Atomic output: a failed command leaves every file as it was.

Writers get a temporary file in the destination's folder; only a complete write is moved into
place with `os.replace`, which is atomic on POSIX and Windows.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import BinaryIO, TypeVar

from tm.errors import InputError

T = TypeVar("T")


def open_input(path: str) -> BinaryIO:
    """Open a file for reading, or raise `InputError` saying why not in a few words."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError("no such file", file=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", file=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from None


def by_suffix(registry: dict[str, T], path: str, verb: str) -> T:
    """The registry entry for `path`'s suffix; `InputError` naming the known ones if none."""
    suffix = os.path.splitext(path)[1].lower()
    entry = registry.get(suffix)
    if entry is None:
        known = ", ".join(sorted(registry))
        raise InputError(
            f"cannot {verb} {suffix or 'a file without suffix'} (known: {known})", file=path
        )
    return entry


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str] | None) -> Iterator[BinaryIO]:
    """Yield a binary file that becomes `path` only if the block completes.

    `None` or `-` means standard output (nothing to make atomic there).
    """
    if path is None or os.fspath(path) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise InputError("the output folder does not exist", file=target)
    fd, temp = tempfile.mkstemp(prefix=".tm-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
