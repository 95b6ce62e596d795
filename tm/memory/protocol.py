"""The memory as the stages see it: the `Memory` protocol, and the records it returns.

Lookup, terms, checks, fuzzy matching, import/export and the server name `Memory`, not a
backend: `tm.memory.store.Store` is one (SQLite and PostgreSQL dialects), a TMX file opened as
a memory is another (read-only). The methods are those the stages call, no more. Each write
method is one transaction of its own: callers never open one, and a failure leaves the memory
as it was. This module loads no database driver.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from tm.model import Unit


class StoredUnit(NamedTuple):
    """A unit as stored: its id (assigned by the database), the unit, and its canonical
    source language."""

    id: int
    unit: Unit
    srclang: str


@dataclass
class Counts:
    """What an import did, per file and in total."""

    read: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0

    def add(self, other: Counts) -> None:
        for name in ("read", "created", "updated", "skipped", "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def tally(self, results: Iterable[str]) -> None:
        for result in results:
            self.read += 1
            setattr(self, result, getattr(self, result) + 1)

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


#: (unit, the file's source language, provenance when the unit carries none)
UnitItem = tuple[Unit, str | None, str | None]


class Memory(Protocol):
    """A translation memory: units (segments and terms) with their history.

    Raises `StoreError` (tm.errors) when the memory cannot be read or written, and from every
    write method when it was opened read-only.
    """

    @property
    def readonly(self) -> bool:
        """Whether the memory was opened for reading only (a read command, a TMX file)."""
        ...

    def require_writable(self) -> None:
        """`StoreError` when the memory was opened read-only (checked before slow work)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Memory: ...

    def __exit__(self, kind: object, exc: object, traceback: object) -> None: ...

    # -- reading ------------------------------------------------------------------------------
    def count(self, kind: str | None = None) -> int: ...

    def units(
        self,
        *,
        kind: str | None = None,
        statuses: Iterable[str] | None = None,
        src: str | None = None,
        tgt: str | None = None,
        ids: Iterable[int] | None = None,
        any_source: bool = False,
    ) -> Iterator[StoredUnit]:
        """Stored units in insertion order, filtered (see `Store.units`)."""
        ...

    def srclangs(
        self,
        *,
        kind: str | None = None,
        statuses: Iterable[str] | None = None,
        src: str | None = None,
        tgt: str | None = None,
    ) -> list[str]: ...

    def shadowed_tuids(self) -> set[int]: ...

    def stats(self) -> list[dict[str, Any]]: ...

    def check_integrity(self) -> None: ...

    def data_version(self) -> tuple[int, int]:
        """Differs after any change to the memory's data (for caches)."""
        ...

    def find(self, unit: Unit) -> int | None: ...

    def history(self, ids: Iterable[int]) -> dict[int, tuple[str, str | None, str, str | None]]: ...

    def term_ids(self, folded: str) -> list[int]: ...

    def term_ids_among(self, norms: Iterable[str]) -> list[int]: ...

    def term_pairs(
        self, statuses: Iterable[str] = ("approved", "admitted")
    ) -> list[tuple[str, str, str, str]]: ...

    def segment_texts(self, lang: str) -> list[tuple[int, str]]: ...

    def concordance(self, text: str, lang: str, limit: int = 10) -> list[tuple[int, str]]:
        """Segments with a variant in `lang` containing `text`, ASCII case folded on every
        backend."""
        ...

    def concordance_any(self, texts: Sequence[str], lang: str, limit: int) -> list[tuple[int, str]]:
        """`concordance` of several texts in one query."""
        ...

    def fuzzy_containing(self, grams: Sequence[int], limit: int) -> list[int]:
        """Units whose texts hold every one of `grams`, shortest first."""
        ...

    # -- the fuzzy-match index ----------------------------------------------------------------
    def ensure_fuzzy_index(self, progress: Callable[[int, int], None] | None = None) -> None: ...

    def fuzzy_exact(self, key: int) -> list[int]: ...

    def fuzzy_gram_counts(self, grams: Iterable[int]) -> dict[int, int]: ...

    def fuzzy_shortlist(
        self, grams: Sequence[int], shortest: int, longest: int, limit: int
    ) -> list[tuple[int, int]]: ...

    def fuzzy_texts(
        self, unit_ids: Sequence[int], kind: str
    ) -> list[tuple[int, str | None, list[tuple[str, str, int]]]]: ...

    # -- writing: each method is one transaction ----------------------------------------------
    def put(self, unit: Unit, *, srclang: str | None = None, origin: str | None = None) -> str: ...

    def add(
        self, unit: Unit, *, srclang: str | None = None, origin: str | None = None
    ) -> tuple[int, str]: ...

    def put_many(
        self, items: Sequence[UnitItem], *, repeats: Literal["update", "keep"] = "update"
    ) -> list[str]: ...

    def import_units(
        self,
        items: Iterable[UnitItem],
        *,
        file: str,
        header: dict[str, Any],
        xml_checked: bool = False,
    ) -> Counts: ...

    def set_status(self, unit_ids: Iterable[int], status: str, note: str | None = None) -> int: ...

    def replace(self, unit_id: int, unit: Unit, *, srclang: str | None = None) -> None: ...

    def delete(self, *unit_ids: int) -> int: ...

    # -- access tokens (tm serve) -------------------------------------------------------------
    def add_token(self, token_id: str, name: str, role: str, digest: str) -> None: ...

    def token(self, token_id: str) -> tuple[str, str, str] | None: ...

    def tokens(self) -> list[dict[str, Any]]: ...

    def revoke_token(self, name: str) -> None: ...


if TYPE_CHECKING:
    from tm.checks import core as checks

    def _the_checks_read_a_memory(memory: Memory) -> checks.Memory:
        """The checks name a narrower view (`tm.checks.core.Memory`, so that checking never
        loads the memory package); mypy checks here that every `Memory` is one."""
        return memory
