"""Atomic output: a failed command leaves every file as it was.

Writers get a temporary file in the destination's folder; only a complete write is moved into
place with `os.replace`, which is atomic on POSIX and Windows.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from typing import BinaryIO, TypeVar

from tm.errors import InputError, TmError

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


def by_suffix(registry: dict[str, T], path: str, verb: str, *, hint: str | None = None) -> T:
    """The registry entry for `path`'s suffix; `InputError` naming the known ones if none.

    Every reader and importer picks its format here, so this is also where a folder is told
    apart from a file (a folder has no suffix, and "cannot read a file without suffix" would
    hide the real mistake). `hint` says what to do instead with an unknown suffix."""
    if os.path.isdir(path):
        raise InputError("is a directory, not a file", file=path)
    suffix = os.path.splitext(path)[1].lower()
    entry = registry.get(suffix)
    if entry is None:
        known = ", ".join(sorted(registry))
        raise InputError(
            f"cannot {verb} {suffix or 'a file without suffix'} (known: {known})",
            file=path,
            hint=hint,
        )
    return entry


#: errno values that mean "the output could not be written": a full disk, a quota, the
#: file size limit, a failing device.
_WRITE_FAILURES = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _write_failure(exc: OSError, where: str) -> TmError:
    return TmError(f"cannot write: {exc.strerror or exc}; nothing was written", file=where)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str] | None) -> Iterator[BinaryIO]:
    """Yield a binary file that becomes `path` only if the block completes.

    `None` or `-` means standard output (nothing to make atomic there).
    """
    if path is None or os.fspath(path) == "-":
        try:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        except OSError as exc:
            if exc.errno not in _WRITE_FAILURES:
                raise
            _drop_stdout()
            raise _write_failure(exc, "<stdout>") from None
        return
    target = os.fspath(path)
    if os.path.isdir(target):
        raise InputError("is a directory: name a file to write", file=target)
    if _is_special(target):
        yield from _write_through(target)
        return
    # A symbolic link stays a link: the file it points to is the one replaced.
    target = os.path.realpath(target)
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise InputError("the output folder does not exist", file=target)
    try:
        fd, temp = tempfile.mkstemp(prefix=".tm-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise TmError(f"cannot write in the folder: {exc.strerror}", file=target) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(exc, OSError) and exc.errno in _WRITE_FAILURES:
            raise _write_failure(exc, target) from None
        raise


def _is_special(target: str) -> bool:
    """Whether `target` is a device, a pipe or a socket (`-o /dev/null`, `-o /dev/stdout`, a
    FIFO): there is no file to replace there, and replacing the name would put a regular file
    where the device was (as root, in /dev)."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def _write_through(target: str) -> Iterator[BinaryIO]:
    try:
        handle = open(target, "wb")  # noqa: SIM115 (closed below, after the caller's block)
    except OSError as exc:
        raise TmError(f"cannot write: {exc.strerror or exc}", file=target) from None
    try:
        with handle:
            yield handle
    except OSError as exc:
        if exc.errno in _WRITE_FAILURES:
            raise _write_failure(exc, target) from None
        raise


def output_failure(exc: OSError) -> TmError | None:
    """The one-line error for an output that could not be written (a full disk, `/dev/full`,
    the file size limit), or None when `exc` is some other failure. For the command line's
    last resort: text printed with `click.echo` fails outside `atomic_output`."""
    if exc.errno not in _WRITE_FAILURES:
        return None
    _drop_stdout()
    return TmError(f"cannot write the output: {exc.strerror or exc}")


def _drop_stdout() -> None:
    """Standard output could not be written: point it at /dev/null so that the flush at exit
    does not fail again with a second message."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
