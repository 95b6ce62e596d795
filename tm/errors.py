"""One exception family for the whole library.

Library code raises these with the file and the place; only `tm.cli` turns them into the one-line
message and exit code 2, so the library stays usable on its own.
"""

from __future__ import annotations


class TmError(Exception):
    """Root of every error `tm` reports to a user.

    `file` and `line` say where the problem is; `hint` says what to try.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.hint = hint

    def where(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" ({self.hint})"
        # The contract is one line: never let an embedded newline split it.
        return " ".join(text.split("\n"))


class InputError(TmError):
    """A file cannot be read or is not what it claims to be (missing, malformed, hostile)."""


class ValidationError(TmError):
    """Data that cannot be represented faithfully (e.g. a character XML forbids)."""


class StoreError(TmError):
    """The memory cannot be opened or written (locked for too long, read-only, newer schema)."""


class UsageError(TmError):
    """Options that contradict each other or name things that do not exist."""
