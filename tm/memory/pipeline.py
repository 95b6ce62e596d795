"""A bulk import over two threads: this one reads and prepares batch N+1 while a writer
thread stores batch N, in order, on the same connection (`Store.import_units`).

Why threads pay at all under the GIL: much of storing a batch is SQLite's C code
(`sqlite3_step`, which Python's sqlite3 runs with the GIL released) and numpy's (the fuzzy
index's bulk tokenising), so it can overlap the reader's Python. Why not a process: the rows
would be pickled across, and a worker process for the index was measured at more memory and no
CPU gain (README, "Speed and memory").

What stays as with one thread: one transaction (the caller's), batches written in the order
read, the first error in that order raised, and no thread left running when this returns or
raises (the caller rolls back on the same connection afterwards, so the writer must have
stopped first). Memory: at most `depth` prepared batches wait between the two threads.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

B = TypeVar("B")
P = TypeVar("P")

_DONE = object()


class _Writer(Generic[P]):
    """The writer thread: `write(prepared)` for each batch queued, in order, until `_DONE`.
    After an error or a stop it writes nothing more and only empties the queue, so the
    reading side never waits on a full queue for a writer that has gone."""

    def __init__(self, write: Callable[[P], None], depth: int) -> None:
        self.write = write
        self.jobs: queue.Queue[object] = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="tm-import-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is _DONE:
                return
            if self.error is not None or self.stop.is_set():
                continue
            try:
                self.write(job)  # type: ignore[arg-type]
            except BaseException as exc:  # handed to the reading thread, raised there
                self.error = exc

    def put(self, prepared: P) -> None:
        self.jobs.put(prepared)

    def finish(self, *, stop: bool) -> None:
        """Queue the end (after what is queued, or instead of it with `stop`) and wait for
        the thread. A KeyboardInterrupt meanwhile is held until it has stopped: the caller
        rolls back on the connection the thread may still be using."""
        if stop:
            self.stop.set()
        interrupted = False
        queued = False
        while True:
            try:
                if not queued:
                    self.jobs.put(_DONE)
                    queued = True
                self.thread.join()
                break
            except KeyboardInterrupt:
                interrupted = True
                self.stop.set()
        if interrupted:
            raise KeyboardInterrupt


def run(
    batches: Iterable[B],
    prepare: Callable[[B], P],
    write: Callable[[P], None],
    *,
    depth: int = 1,
) -> None:
    """`write(prepare(batch))` for every batch, in order: `prepare` (and the iteration) on this
    thread, `write` on a second one, which starts with the second batch (a single batch is
    written here, without a thread). Raises the first error in the batches' order: a write's
    error stops the reading at the next batch; a read's or a prepare's error (or a
    KeyboardInterrupt) stops the writer before the batches still queued."""
    writer: _Writer[P] | None = None
    held: list[P] = []  # the first batch, until a second one says a thread is worth it
    try:
        for batch in batches:
            prepared = prepare(batch)
            if writer is None:
                if not held:
                    held.append(prepared)
                    continue
                writer = _Writer(write, depth)
                writer.put(held.pop())
            if writer.error is not None:
                break
            writer.put(prepared)
        if writer is None:
            for prepared in held:
                write(prepared)
            return
    except BaseException as exc:
        if writer is not None:
            writer.finish(stop=True)
            if writer.error is not None and isinstance(exc, Exception):
                raise writer.error from None  # it came from an earlier batch
        raise
    writer.finish(stop=False)
    if writer.error is not None:
        raise writer.error


#: Rows per statement of `insert_many`: one `sqlite3_step` each, so the writer thread holds
#: the GIL to bind them and leaves it for the whole step.
ROWS_PER_STATEMENT = 500
#: Parameters per statement at most (SQLite's default limit is 32,766).
_MAX_PARAMETERS = 30_000


def insert_many(db: Any, sql: str, rows: Iterable[Sequence[Any]]) -> None:
    """`db.executemany(sql, rows)` for an `INSERT … VALUES (…) [ON CONFLICT …]` of one row, as
    statements of many rows (`ROWS_PER_STATEMENT`), in the same order: the same rows, the same
    rowids. Why: Python's sqlite3 releases the GIL around each `sqlite3_step`, which with
    `executemany` is one row of a few microseconds, too short for the reading thread to run
    meanwhile, and each wake-up of the waiting thread costs more than the row; one step
    for 500 rows is long enough to overlap. A single thread gains too (fewer steps, one
    bind call per row instead of a statement reset). Other connections (PostgreSQL's) get
    their own `executemany`."""
    if not isinstance(db, sqlite3.Connection):
        db.executemany(sql, rows)
        return
    head, row, tail = _split_insert(sql)
    width = row.count("?")
    per = max(1, min(ROWS_PER_STATEMENT, _MAX_PARAMETERS // max(1, width)))
    flat: list[Any] = []
    count = 0
    full = ""
    for values in rows:
        flat.extend(values)
        count += 1
        if count == per:
            if not full:
                full = f"{head}{','.join([row] * per)}{tail}"
            db.execute(full, flat)
            flat = []
            count = 0
    if count:
        db.execute(f"{head}{','.join([row] * count)}{tail}", flat)


def _split_insert(sql: str) -> tuple[str, str, str]:
    """("INSERT … VALUES ", "(…)", " ON CONFLICT …") of a one-row insert."""
    at = sql.upper().index(" VALUES ") + len(" VALUES ")
    depth = 0
    for end in range(at, len(sql)):
        if sql[end] == "(":
            depth += 1
        elif sql[end] == ")":
            depth -= 1
            if depth == 0:
                return sql[:at], sql[at : end + 1], sql[end + 1 :]
    raise ValueError(f"not a one-row INSERT … VALUES (…): {sql}")
