"""The translation memory in SQLite (one file) or PostgreSQL (tm.memory.postgres): `Store`,
the `Memory` (tm.memory.protocol) both backends share. Nothing outside `tm.memory` imports
sqlite3.

Why SQLite: a single file like a CAT tool's file TM, transactions so that a failed or killed
import leaves the store exactly as before, WAL so that readers never block a writer, and
enough speed to hold millions of units. The `Store` owns every query and every transaction
(each write method is one); the stages above it speak `Unit`s only. What is the same for
every backend lives beside it: the JSON codec (codec.py), unit identity (identity.py),
provenance (provenance.py).
"""

from __future__ import annotations

import contextlib
import gc
import heapq
import os
import sqlite3
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from tm import lang as langs
from tm.errors import StoreError, UsageError
from tm.memory import exact_keys, postgres, postings, provenance, schema
from tm.memory.codec import (
    EMPTY,
    NO_META,
    attrs_from,
    attrs_json,
    content_from,
    content_json,
    encode,
    notes_from,
    notes_json,
    props_from,
    props_json,
    stored_content,
    tag_count,
)
from tm.memory.identity import identities as identities_of
from tm.memory.identity import key_of
from tm.memory.identity import unit_key as unit_key  # re-exported: tests and tools use it
from tm.memory.protocol import Counts, StoredUnit
from tm.model import TERM_STATUSES, UNIT_KINDS, Note, Unit, Variant, plain_text
from tm.text.fold import fold
from tm.text.xmlchars import check_unit

#: Queries longer than this (characters) are matched with `instr` instead of LIKE, whose
#: pattern SQLite limits to 50,000 bytes (a Chinese character is 3 bytes in UTF-8).
LIKE_PATTERN_MAX = 10_000
#: How long a writer waits for another process's transaction before giving up.
LOCK_PATIENCE_SECONDS = 600.0
#: A PostgreSQL write transaction creating this many units gathers statistics afterwards.
ANALYZE_AFTER_ROWS = 10_000
#: Most parameters one statement is given (PostgreSQL takes 65,535, SQLite 250,000).
MAX_PARAMETERS = 30_000
#: Units written per `executemany`: large enough to amortise statements (each batch also
#: stages its fuzzy-index rows; 2,000 against 500 took a 100,000-unit import from 36-40 to
#: 29-38 s of CPU on the shared machine), small enough to keep memory flat (a few MB).
IMPORT_BATCH = 2000
#: The PostgreSQL advisory lock writers take (any fixed number: tm's writers share it).
WRITER_LOCK = 0x746D_0001


# The names the fuzzy-index methods below use (tm.memory.codec holds the codec).
_content_from = content_from
_tag_count = tag_count

#: Index postings gathered before they are written as one chunk of packed rows: each chunk
#: adds a row per gram it holds (merged later, `_merge_chunks`), and takes ~40 bytes a posting
#: while built. 1,000,000-unit import: 600,000 gave a peak RSS of 200 MB and 105 s of CPU;
#: 750,000, 204 MB and 104 s; 1,000,000, 210-223 MB.
CHUNK_POSTINGS = 600_000
#: Texts cut into tokens at once (`Store._write_index`, `tm.fuzzy.bulk`): per distinct
#: character and word in numpy, not per token in Python.
INDEX_STEP = 4096
#: Chunks of one level merged into one of the next (`Store._merge_chunks`), and grams merged
#: per statement.
CHUNK_FANOUT = 8
MERGE_PAGE = 2000
#: ... and at most this many postings per page (~50 bytes each while merged: 1,000,000 took
#: a 1,000,000-unit import's peak from 180 to 223 MB).
MERGE_POSTINGS = 250_000
#: Exact keys held at once while merged (`Store._merge_keys`; 16 bytes each, a few copies:
#: a few MB, next to the postings' `MERGE_POSTINGS`).
MERGE_KEYS = 100_000
#: A gram's rows are merged when they hold this many postings in all (`_merge_chunks`).
MERGE_MIN_POSTINGS = 64
_UNIT_COLUMNS = (
    "key, kind, status, tuid, attrs, props, notes, srclang, origin,"
    " created_at, created_by, changed_at, changed_by"
)
#: SQLite chooses a new unit's rowid (`_INSERT_UNIT_SQLITE` below); PostgreSQL's come from a
#: sequence (`_insert_units`).
_INSERT_UNIT_WITH_ID = (
    f"INSERT INTO unit (id, {_UNIT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
#: SQLite's forms of the two inserts, for the parameters Python's sqlite3 binds cheaply. It
#: looks for an adapter for every parameter that is not exactly str, int, float or bytearray,
#: which costs some 3,000 instructions each (a failed attribute lookup on a type raises and
#: clears an AttributeError): seven per imported unit. So keys
#: go as bytearray (the same BLOB), and NULLs as a value the statement turns into NULL: ''
#: for a unit's status and a variant's content JSON (never empty when present), `_NULL` (an
#: integer, never equal to text in SQLite) where '' is a value (tuid, norm). Net of the
#: tuples rebuilt for it, 3.4 % fewer instructions to read and store a unit (callgrind).
_NULL = 0
_INSERT_UNIT_SQLITE = (
    f"INSERT INTO unit ({_UNIT_COLUMNS}) VALUES (?,?,NULLIF(?,''),NULLIF(?,0),?,?,?,?,?,?,?,?,?)"
)
_INSERT_VARIANT_SQLITE = (
    "INSERT INTO variant (unit_id, position, lang, lang_key, content, plain, norm,"
    " attrs, props, notes) VALUES (?,?,?,?,NULLIF(?,''),?,NULLIF(?,0),?,?,?)"
)
#: A variant's id is the database's (SQLite's rowid, PostgreSQL's sequence): variants are
#: found through their unit id (indexed), in id order, which is their order in the unit.
_INSERT_VARIANT = (
    "INSERT INTO variant (unit_id, position, lang, lang_key, content, plain, norm,"
    " attrs, props, notes) VALUES (?,?,?,?,?,?,?,?,?,?)"
)


def _blobs(keys: list[bytes]) -> list[bytearray]:
    """Keys as parameters Python's sqlite3 binds without an adapter lookup (see
    `_INSERT_UNIT_SQLITE`); psycopg sends them as bytea alike."""
    return [bytearray(key) for key in keys]


#: Joins a unit (`u`) to its variants (`{v}`).
_OF_UNIT = "{v}.unit_id = u.id"


def _like_pattern(text: str) -> tuple[str, bool]:
    """A LIKE pattern (escape `\\`) for texts containing `text`, and whether every text it
    matches does (case aside, as ASCII): a non-ASCII letter with case is `_`, which the engines
    cannot fold."""
    parts = []
    exact = True
    for char in text:
        if char in "\\%_":
            parts.append("\\" + char)
        elif char >= "\x80" and char.lower() != char.upper():
            parts.append("_")
            exact = False
        else:
            parts.append(char)
    return "%" + "".join(parts) + "%", exact


def _lang_clause(column: str, lang: str) -> tuple[str, list[str]]:
    """SQL matching `column` (a canonical tag) against the language range `lang`, as
    `tm.lang.matches` does: the tag itself or any of its subtags."""
    key = langs.canonical(lang)
    return f"({column} = ? OR {column} LIKE ?)", [key, key + "-%"]


DAMAGED_HINT = (
    "restore it from your last TMX export with `tm import`; "
    "`sqlite3 FILE 'PRAGMA integrity_check'` lists what is broken"
)


def _connect_readonly(path: str) -> sqlite3.Connection:
    """A connection that cannot change the file and creates nothing next to it.

    `mode=ro` alone still creates the `-wal` and `-shm` files of a WAL memory (and leaves
    them, as a reader cannot remove them), which fails in a folder the user cannot write.
    When no `-wal` file exists, no process has the memory open for writing, so the file is
    read as `immutable`: no locks, no side files. When one exists (a writer is at work, or one
    was killed), its `-shm` exists too and `mode=ro` reads the writer's committed pages
    through it. (A writer that starts during an immutable read and checkpoints can change
    pages under it; read commands are short, and the next one sees the new state.)
    """
    if not os.path.exists(path):
        raise StoreError("no such memory", file=path)
    if os.path.isdir(path):
        raise StoreError("is a directory, not a memory", file=path)
    uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro"
    if not os.path.exists(path + "-wal"):
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, timeout=30.0, isolation_level=None)


def _store_error(exc: sqlite3.Error, path: str, *, opening: bool = False) -> StoreError:
    """SQLite's failure as the one-line `StoreError`, saying what to do about it."""
    text = str(exc)
    if "malformed" in text or "corrupt" in text:
        return StoreError(f"the memory is damaged ({text})", file=path, hint=DAMAGED_HINT)
    if "not a database" in text:
        if opening:
            return StoreError(f"not a tm memory: {text}", file=path)
        return StoreError(f"the memory is damaged ({text})", file=path, hint=DAMAGED_HINT)
    if "full" in text or "I/O error" in text:
        return StoreError(
            f"cannot write the memory ({text}: a full disk, the file size limit or a failing "
            "device); nothing of this transaction was kept",
            file=path,
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(f"cannot write the memory: {text}", file=path)
    if opening:
        return StoreError(f"not a tm memory: {text}", file=path)
    return StoreError(text, file=path)


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused for a bulk import: its automatic runs kept traversing
    everything alive (the batch in hand, the index being built) and found next to nothing to
    free (some 1,500 objects in a 100,000-unit import): 4-5 % of the instructions of an
    import of 5,000 units, more as the memory grows (1,000,000 units: 100 s of CPU against
    122 s, one run each). The import collects the young objects itself after each batch
    (what lxml leaves in cycles, a few a batch: without that, 5 MB more at the peak);
    the collector is restored afterwards."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Store:
    """A translation memory in a SQLite file (or in memory with path ':memory:').

    Raises `StoreError` when the file is not a memory, was made by a newer `tm`, or stays
    locked by another process for longer than `LOCK_PATIENCE_SECONDS`.
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = os.fspath(path)
        self._readonly = readonly
        self.user = provenance.current_user()
        self._stamp: str | None = None
        self._batch: Any = None  # texts gathered for the fuzzy index (see `_write_index`)
        self._added = 0  # units created in this transaction (see `atomic`)
        if postgres.is_url(self.path):
            self.dialect = "postgresql"
            self.db: Any = postgres.PostgresConnection(self.path)
            self.path = postgres.redact(self.path)  # what messages name: never the password
            try:
                self._migrate()
            except BaseException:
                self.db.close()
                raise
            return
        self.dialect = "sqlite"
        try:
            if readonly and self.path != ":memory:":
                self.db = _connect_readonly(self.path)
                self._upgrade_for_reading()
            else:
                self.db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
                self.db.execute("PRAGMA cache_size = -65536")  # 64 MiB: inserts stay in RAM
                if self.path != ":memory:":
                    self.db.execute("PRAGMA journal_mode = WAL")
                    self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise _store_error(exc, self.path, opening=True) from None

    def _upgrade_for_reading(self) -> None:
        """A memory made by an older `tm` is migrated once, through a writing connection,
        before it is read: a new schema is this program's change, not the command's."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            raise StoreError("not a tm memory (it has no tm schema)", file=self.path)
        if version >= schema.VERSION:
            return  # a newer one is refused by _migrate
        self.db.close()
        try:
            Store(self.path).close()
        except StoreError as exc:
            raise StoreError(
                f"the memory has schema version {version}, this tm needs {schema.VERSION} "
                f"and cannot upgrade it here ({exc.message})",
                file=self.path,
                hint="run a command that writes (`tm import`) where the file can be written",
            ) from None
        self.db = _connect_readonly(self.path)

    @property
    def readonly(self) -> bool:
        """True when the memory was opened for reading only (a read command, a TMX file):
        nothing can be written through this store."""
        return self._readonly

    def freeze(self) -> None:
        """From now on, refuse writes (a TMX loaded into memory is read-only)."""
        self._readonly = True

    def check_integrity(self) -> None:
        """Raise `StoreError` when SQLite finds the file damaged (`PRAGMA quick_check`: every
        page and index entry read once, so a full scan of the file). PostgreSQL checks its own
        pages as it reads them."""
        if self.dialect != "sqlite":
            return
        try:
            rows = self.db.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise _store_error(exc, self.path) from None
        problems = [r[0].replace("*** in database main *** ", "") for r in rows if r[0] != "ok"]
        if problems:
            raise StoreError(
                f"the memory is damaged ({problems[0]}; {len(problems)} problem(s))",
                file=self.path,
                hint=DAMAGED_HINT,
            )

    # -- life cycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, exc: object, traceback: object) -> None:
        self.close()
        if isinstance(exc, sqlite3.DatabaseError):
            # Whatever the command was doing, a failure of the file itself is one line.
            raise _store_error(exc, self.path) from None

    def _schema_version(self) -> int:
        if self.dialect == "sqlite":
            return int(self.db.execute("PRAGMA user_version").fetchone()[0])
        if self.db.execute("SELECT to_regclass('tm_schema')").fetchone()[0] is None:
            return 0
        row = self.db.execute("SELECT max(version) FROM tm_schema").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        version = self._schema_version()
        if version > schema.VERSION:
            raise StoreError(
                f"the memory has schema version {version}, this tm knows {schema.VERSION}",
                file=self.path,
                hint="upgrade tm",
            )
        if version == schema.VERSION:
            return
        # A read-only SQLite connection cannot migrate (`_upgrade_for_reading` did, through a
        # writing one, or could not); PostgreSQL's connection can: a new schema is this
        # program's change, not the command's, so a reader migrates it as SQLite's does.
        if self.readonly and self.dialect == "sqlite" and self.path != ":memory:":
            raise StoreError(
                f"the memory has schema version {version}, this tm needs {schema.VERSION}",
                file=self.path,
                hint="a command that writes (`tm import`, `tm terms add`) upgrades it",
            )
        migrations = schema.migrations(self.dialect)
        with self.atomic():
            # Re-read inside the lock: another process may have migrated meanwhile.
            version = self._schema_version()
            for number in range(version, schema.VERSION):
                for statement in migrations[number].split(";\n"):
                    if statement.strip():
                        self.db.execute(statement)
            if self.dialect == "sqlite":
                self.db.execute(f"PRAGMA user_version = {schema.VERSION}")
            else:
                self.db.execute("CREATE TABLE IF NOT EXISTS tm_schema (version INTEGER NOT NULL)")
                self.db.execute("DELETE FROM tm_schema")
                self.db.execute("INSERT INTO tm_schema (version) VALUES (?)", (schema.VERSION,))

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One write transaction: all of it happens, or none of it does. The memory's own
        tool: each write method is one transaction, so code outside `tm.memory` never needs
        this. Nested, it joins the transaction already open (a write method inside another).

        BEGIN IMMEDIATE takes the write lock up front; while another process holds it we wait
        and retry, so two imports into one store both complete, one after the other.
        """
        if self._stamp is not None:  # inside a transaction already: it decides
            yield
            return
        if self.dialect == "postgresql":
            self._begin_postgres()
        else:
            self._begin_sqlite()
        self._stamp = provenance.now()  # one timestamp per transaction: what was imported together
        try:
            yield
            self._flush_fuzzy()  # the fuzzy index rows staged by this transaction
            if self.dialect == "postgresql":
                self.db.execute("SELECT nextval('tm_writes')")  # see data_version()
        except BaseException as exc:
            # SQLite may have rolled back already (a full disk, a damaged file); a PostgreSQL
            # connection may have gone with its server, which rolled back.
            with contextlib.suppress(sqlite3.DatabaseError, StoreError):
                self.db.execute("ROLLBACK")
            self._batch = None  # what was gathered for the index goes with the rest
            if isinstance(exc, sqlite3.DatabaseError):
                raise _store_error(exc, self.path) from None
            raise
        else:
            try:
                self.db.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                with contextlib.suppress(sqlite3.DatabaseError):
                    self.db.execute("ROLLBACK")
                raise _store_error(exc, self.path) from None
            if self.dialect == "postgresql" and self._added >= ANALYZE_AFTER_ROWS:
                # A bulk import: PostgreSQL plans with table statistics, which autovacuum
                # would gather only later; until then a lookup took 1.4 s instead of 30 ms.
                self.db.execute("ANALYZE")
        finally:
            self._stamp = None
            self._added = 0

    def _begin_postgres(self) -> None:
        """One writer at a time, as with SQLite: a transaction-scoped advisory lock (readers
        never wait for it), held until COMMIT or ROLLBACK. Ids do not depend on it (they come
        from sequences); finding exact repeats before inserting does."""
        self.db.execute("BEGIN")
        self.db.execute(f"SET LOCAL lock_timeout = '{int(LOCK_PATIENCE_SECONDS)}s'")
        self.db.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))

    def _begin_sqlite(self) -> None:
        deadline = time.monotonic() + LOCK_PATIENCE_SECONDS
        delay = 0.05
        while True:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise StoreError(str(exc), file=self.path) from None
                if time.monotonic() > deadline:
                    raise StoreError(
                        "the memory stayed locked by another process", file=self.path
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    @property
    def _like(self) -> str:
        """Case-insensitive LIKE: SQLite's LIKE folds ASCII; PostgreSQL's ILIKE does the same on
        the C-collated text columns (its LIKE folds nothing)."""
        return "LIKE" if self.dialect == "sqlite" else "ILIKE"

    def data_version(self) -> tuple[int, int]:
        """Changes whenever the memory's data may have: a commit by another connection
        (SQLite's `data_version`) or a write by this one (`total_changes`). For caches of
        what was read from the memory. PostgreSQL: a sequence every write transaction
        advances before it commits."""
        if self.dialect == "postgresql":
            return int(self.db.execute("SELECT last_value FROM tm_writes").fetchone()[0]), 0
        return self.db.execute("PRAGMA data_version").fetchone()[0], self.db.total_changes

    def require_writable(self) -> None:
        if self.readonly:
            if self.path == ":memory:":
                raise StoreError("a TMX memory is read-only", hint="import it into a .db memory")
            raise StoreError("the memory was opened read-only", file=self.path)

    # -- writing: each public method is one transaction ------------------------------------
    def put(self, unit: Unit, *, srclang: str | None = None, origin: str | None = None) -> str:
        """Add a unit, or update an exact repeat's metadata, in one transaction.

        `srclang` is the file's source language, `origin` the provenance to record when the
        unit carries none. Returns 'created', 'updated' or 'skipped' (a repeat whose metadata
        are unchanged). Raises `UsageError` for an unknown kind or status, `StoreError` when
        the memory was opened read-only.
        """
        return self.put_many([(unit, srclang, origin)])[0]

    def add(
        self, unit: Unit, *, srclang: str | None = None, origin: str | None = None
    ) -> tuple[int, str]:
        """`put`, with the id of the unit stored or repeated, in the same transaction."""
        self.require_writable()
        with self.atomic():
            result = self.put(unit, srclang=srclang, origin=origin)
            unit_id = self.find(unit)
        assert unit_id is not None  # just stored
        return unit_id, result

    def put_many(
        self,
        items: Sequence[tuple[Unit, str | None, str | None]],
        *,
        repeats: Literal["update", "keep"] = "update",
    ) -> list[str]:
        """`put` for a batch of (unit, srclang, origin), in one transaction: one query finds
        the repeats, one `executemany` inserts the rest. Same results, in order, as `put` one
        by one. With `repeats="keep"`, an exact repeat is left as stored ('skipped'): a
        proposal never overwrites a reviewed unit, even one another writer stored meanwhile."""
        self.require_writable()
        with self.atomic():
            return self._put_batch(items, repeats == "keep")

    def import_units(
        self,
        items: Iterable[tuple[Unit, str | None, str | None]],
        *,
        file: str,
        header: dict[str, Any],
        xml_checked: bool = False,
    ) -> Counts:
        """Store a stream of (unit, srclang, origin) read from `file` and record the import
        (its header and counts), all in one transaction: an error raised by the stream (a bad
        file) or by the memory leaves the memory as it was. Memory stays flat: units are
        written in batches of `IMPORT_BATCH` as they come. `xml_checked`: every text of the
        units comes from an XML parser, which cannot produce what XML cannot hold, so the
        store's own check (`check_unit`, 5-8 % of an import) is skipped."""
        self.require_writable()
        counts = Counts()
        with _without_cycle_collection(), self.atomic():  # paused through the commit too
            batch: list[tuple[Unit, str | None, str | None]] = []
            for item in items:
                batch.append(item)
                if len(batch) == IMPORT_BATCH:
                    counts.tally(self._put_batch(batch, False, check=not xml_checked))
                    batch = []
                    gc.collect(1)  # the young objects only: see _without_cycle_collection
            if batch:
                counts.tally(self._put_batch(batch, False, check=not xml_checked))
            self.db.execute(
                'INSERT INTO import (file, at, "by", header, report) VALUES (?,?,?,?,?)',
                (file, self._stamp, self.user, encode(header), encode(counts.as_dict())),
            )
        return counts

    def _put_batch(
        self,
        items: Sequence[tuple[Unit, str | None, str | None]],
        keep_repeats: bool,
        *,
        check: bool = True,
    ) -> list[str]:
        now = self._stamp or provenance.now()
        prepared = [
            self._prepare(unit, srclang, origin, check=check) for unit, srclang, origin in items
        ]
        keys = list({p[1] for p in prepared})
        existing: set[bytes] = set()
        # Both engines cap a statement's parameters (PostgreSQL: 65,535).
        for start in range(0, len(keys), MAX_PARAMETERS):
            chunk = _blobs(keys[start : start + MAX_PARAMETERS])
            existing.update(
                bytes(row[0])
                for row in self.db.execute(
                    f"SELECT key FROM unit WHERE key IN ({','.join('?' * len(chunk))})", chunk
                )
            )
        results: list[str] = []
        unit_rows: list[tuple[Any, ...]] = []
        new: list[tuple[Unit, list[tuple[str, str]]]] = []
        repeats: list[int] = []
        for index, (unit, key, identities, meta, source, origin) in enumerate(prepared):
            if key in existing:
                results.append("")
                repeats.append(index)
                continue
            existing.add(key)
            unit_rows.append(
                (key, unit.kind, *meta, source, origin, now, self.user, now, self.user)
            )
            new.append((unit, identities))
            results.append("created")
        ids = self._insert_units(unit_rows)
        self._added += len(ids)
        variant_rows: list[tuple[Any, ...]] = []
        for unit_id, (unit, identities) in zip(ids, new, strict=True):
            variant_rows.extend(self._variant_rows(unit_id, unit, identities))
        self._insert_variants(variant_rows)
        kinds = {unit_id: unit.kind for unit_id, (unit, _) in zip(ids, new, strict=True)}
        self._index_variants(kinds, variant_rows)
        if keep_repeats:
            return [result or "skipped" for result in results]
        for index in repeats:  # in input order, after the new ones exist
            unit, key, identities, meta, _source, _origin = prepared[index]
            results[index] = self._update_repeat(key, unit, identities, meta, now)
        return results

    def _insert_units(self, rows: list[tuple[Any, ...]]) -> list[int]:
        """Insert unit rows (without ids); their ids, in order, as the database assigned them.

        PostgreSQL: a block of the unit sequence, reserved in one statement, so concurrent
        writers never collide. SQLite: rowids SQLite chose; under its write lock a new rowid
        is one more than the largest, so one `executemany` makes a run ending at
        `last_insert_rowid()` (checked; found by key otherwise).
        """
        if not rows:
            return []
        if self.dialect == "postgresql":
            ids = [
                row[0]
                for row in self.db.execute(
                    "SELECT nextval('unit_id_seq') FROM generate_series(1, ?)", (len(rows),)
                )
            ]
            self.db.executemany(
                _INSERT_UNIT_WITH_ID, [(i, *row) for i, row in zip(ids, rows, strict=True)]
            )
            return ids
        self.db.executemany(
            _INSERT_UNIT_SQLITE,
            (  # a generator: no second list of the batch
                (
                    bytearray(k),
                    kind,
                    status or "",
                    _NULL if tuid is None else tuid,
                    a,
                    p,
                    n,
                    s,
                    o,
                    *t,
                )
                for k, kind, status, tuid, a, p, n, s, o, *t in rows
            ),
        )
        last = self.db.execute("SELECT last_insert_rowid()").fetchone()[0]
        first = last - len(rows) + 1
        run = self.db.execute(
            "SELECT count(*) FROM unit WHERE id BETWEEN ? AND ?", (first, last)
        ).fetchone()[0]
        if run == len(rows):
            return list(range(first, last + 1))
        by_key: dict[bytes, int] = {}
        for start in range(0, len(rows), MAX_PARAMETERS):
            chunk = [row[0] for row in rows[start : start + MAX_PARAMETERS]]
            marks = ",".join("?" * len(chunk))
            by_key.update(
                (bytes(k), i)
                for k, i in self.db.execute(
                    f"SELECT key, id FROM unit WHERE key IN ({marks})", chunk
                )
            )
        return [by_key[row[0]] for row in rows]

    def _insert_variants(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert `_variant_rows` rows (see `_INSERT_VARIANT_SQLITE` for SQLite's form)."""
        if self.dialect == "postgresql":
            self.db.executemany(_INSERT_VARIANT, rows)
            return
        self.db.executemany(
            _INSERT_VARIANT_SQLITE,
            (
                (u, p, lang, key, content or "", plain, _NULL if norm is None else norm, a, pr, n)
                for u, p, lang, key, content, plain, norm, a, pr, n in rows
            ),
        )

    def _prepare(
        self, unit: Unit, srclang: str | None, origin: str | None, *, check: bool = True
    ) -> tuple[Unit, bytes, list[tuple[str, str]], tuple[Any, ...], str, str | None]:
        kind, status = unit.kind, unit.status
        if kind not in UNIT_KINDS:
            raise UsageError(f"unknown unit kind {kind!r}")
        if status is not None and status not in TERM_STATUSES:
            raise UsageError(f"unknown status {status!r} (one of {', '.join(TERM_STATUSES)})")
        if not unit.variants:
            raise UsageError("a unit needs at least one language variant")
        # Every way in (import, terms, align, a server) passes here: what XML cannot hold
        # would make the memory unexportable.
        if not check:
            pass  # read by an XML parser (`import_units`)
        elif unit.location is not None:
            check_unit(unit)
        else:
            check_unit(unit, file=origin or unit.origin)
        identities = identities_of(unit)
        attrs, props, notes = unit.attrs, unit.props, unit.notes
        meta = (
            status,
            unit.tuid,
            encode(attrs) if attrs else EMPTY,
            props_json(props) if props else EMPTY,
            notes_json(notes) if notes else EMPTY,
        )
        return (
            unit,
            key_of(kind, identities),
            identities,
            meta,
            unit.source_language(srclang),
            unit.origin or origin,
        )

    def _variant_rows(
        self, unit_id: int, unit: Unit, identities: list[tuple[str, str]]
    ) -> list[tuple[Any, ...]]:
        term = unit.kind == "term"
        rows = []
        for position, (v, (lang_key, identity)) in enumerate(
            zip(unit.variants, identities, strict=True)
        ):
            content = v.content
            if len(content) == 1 and type(content[0]) is str:  # plain text, the common case
                text, stored = content[0], None
            else:
                text, stored = plain_text(content), stored_content(identity, content)
            meta = self._variant_meta(v) if v.attrs or v.props or v.notes else NO_META
            norm = fold(text) if term else None
            rows.append((unit_id, position, v.lang, lang_key, stored, text, norm, *meta))
        return rows

    @staticmethod
    def _variant_meta(variant: Variant) -> tuple[str, str, str]:
        if not (variant.attrs or variant.props or variant.notes):
            return NO_META
        return (
            attrs_json(variant.attrs),
            props_json(variant.props),
            notes_json(variant.notes),
        )

    def _update_repeat(
        self,
        key: bytes,
        unit: Unit,
        identities: list[tuple[str, str]],
        meta: tuple[Any, ...],
        now: str,
    ) -> str:
        row = self.db.execute(
            "SELECT id, status, tuid, attrs, props, notes FROM unit WHERE key = ?", (key,)
        ).fetchone()
        unit_id = row[0]
        old_variants = self.db.execute(
            "SELECT id, lang_key, content, attrs, props, notes, plain FROM variant"
            " WHERE unit_id = ? ORDER BY id",
            (unit_id,),
        ).fetchall()
        # Pair incoming variants with stored ones by (language, content): the key guarantees
        # the same multiset, whatever the order in the file.
        by_identity: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
        for old in old_variants:
            identity = old[2] if old[2] is not None else content_json(content_from(None, old[6]))
            by_identity.setdefault((old[1], identity), []).append(old)
        changes = []
        for variant, identity in zip(unit.variants, identities, strict=True):
            old = by_identity[identity].pop(0)
            new_meta = self._variant_meta(variant)
            if tuple(old[3:6]) != new_meta:
                changes.append((*new_meta, variant.lang, old[0]))
        if tuple(row[1:]) == meta and not changes:
            return "skipped"
        self.db.execute(
            "UPDATE unit SET status = ?, tuid = ?, attrs = ?, props = ?, notes = ?,"
            " changed_at = ?, changed_by = ? WHERE id = ?",
            (*meta, now, self.user, unit_id),
        )
        self.db.executemany(
            "UPDATE variant SET attrs = ?, props = ?, notes = ?, lang = ? WHERE id = ?", changes
        )
        return "updated"

    # -- editing units (the term workflow) --------------------------------------------------
    def find(self, unit: Unit) -> int | None:
        """The id of the stored unit `unit` would repeat (same kind, languages and content)."""
        row = self.db.execute(
            "SELECT id FROM unit WHERE key = ?", (key_of(unit.kind, identities_of(unit)),)
        ).fetchone()
        return row[0] if row else None

    def set_status(self, unit_ids: Iterable[int], status: str, note: str | None = None) -> int:
        """Change these units' status (and add a note saying why), recording who and when, in
        one transaction; how many changed. `UsageError` for an unknown status or unit (then
        none changes)."""
        if status not in TERM_STATUSES:
            raise UsageError(f"unknown status {status!r} (one of {', '.join(TERM_STATUSES)})")
        self.require_writable()
        count = 0
        with self.atomic():
            for unit_id in unit_ids:
                notes = self.db.execute(
                    "SELECT notes FROM unit WHERE id = ?", (unit_id,)
                ).fetchone()
                if notes is None:
                    raise UsageError(f"no unit #{unit_id}")
                merged = notes_from(notes[0]) + ((Note(note),) if note else ())
                self.db.execute(
                    "UPDATE unit SET status = ?, notes = ?, changed_at = ?, changed_by = ?"
                    " WHERE id = ?",
                    (status, notes_json(merged), self._stamp, self.user, unit_id),
                )
                count += 1
        return count

    def replace(self, unit_id: int, unit: Unit, *, srclang: str | None = None) -> None:
        """Give unit `unit_id` new content and metadata, keeping its id, origin and creation
        record, in one transaction. `UsageError` when another unit already holds that
        content."""
        self.require_writable()
        _unit, key, identities, meta, source, _origin = self._prepare(unit, srclang, None)
        with self.atomic():
            other = self.db.execute("SELECT id FROM unit WHERE key = ?", (key,)).fetchone()
            if other is not None and other[0] != unit_id:
                raise UsageError(f"unit #{other[0]} already holds that content")
            self.db.execute(
                "UPDATE unit SET key = ?, status = ?, tuid = ?, attrs = ?, props = ?, notes = ?,"
                " srclang = ?, changed_at = ?, changed_by = ? WHERE id = ?",
                (key, *meta, source, self._stamp, self.user, unit_id),
            )
            self._unindex_unit(unit_id)
            self.db.execute("DELETE FROM variant WHERE unit_id = ?", (unit_id,))
            variant_rows = self._variant_rows(unit_id, unit, identities)
            self._insert_variants(variant_rows)
            self._index_variants({unit_id: unit.kind}, variant_rows)

    def delete(self, *unit_ids: int) -> int:
        """Remove these units, in one transaction; how many there were."""
        self.require_writable()
        count = 0
        with self.atomic():
            for unit_id in unit_ids:
                self._unindex_unit(unit_id)
                self.db.execute("DELETE FROM variant WHERE unit_id = ?", (unit_id,))
                count += self.db.execute("DELETE FROM unit WHERE id = ?", (unit_id,)).rowcount
        return count

    def history(self, ids: Iterable[int]) -> dict[int, tuple[str, str | None, str, str | None]]:
        """(created at, created by, changed at, changed by) of these units."""
        id_list = list(ids)
        rows = self.db.execute(
            "SELECT id, created_at, created_by, changed_at, changed_by FROM unit"
            f" WHERE id IN ({','.join('?' * len(id_list)) or 'NULL'})",
            id_list,
        )
        return {row[0]: tuple(row[1:]) for row in rows}  # type: ignore[misc]

    def term_ids(self, folded: str) -> list[int]:
        """Term units with a variant whose folded text is exactly `folded`."""
        rows = self.db.execute(
            "SELECT DISTINCT v.unit_id FROM variant v WHERE v.norm = ? ORDER BY 1", (folded,)
        )
        return [row[0] for row in rows]

    # -- the fuzzy-match index (tm.fuzzy.index; read by tm.fuzzy.match) -----------------------
    def _fuzzy_pending(self) -> bool:
        return self.db.execute("SELECT 1 FROM fuzzy_state LIMIT 1").fetchone() is not None

    def _index_variants(self, kinds: dict[int, str], rows: Sequence[tuple[Any, ...]]) -> None:
        """Index new units' texts (their `_INSERT_VARIANT` rows: unit id, …, lang key, …,
        plain text; `kinds` maps unit ids to kinds), inside the caller's transaction (one
        place: every write of a unit comes through `put_many`, `replace` or `delete`)."""
        if not rows or self._fuzzy_pending():
            return  # indexed whole on first use
        if len(set(kinds.values())) == 1:
            kind = next(iter(kinds.values()))
            self._write_index([(row[0], kind, row[3], row[5]) for row in rows])
        else:
            self._write_index([(row[0], kinds[row[0]], row[3], row[5]) for row in rows])

    def _write_index(self, items: Iterable[tuple[int, str, str, str]]) -> None:
        """Gather (unit id, kind, lang key, text) for the index, `INDEX_STEP` texts at a time
        (cut into tokens together: `Batch.add_many`); `_flush_fuzzy` writes them once a chunk
        holds `CHUNK_POSTINGS` (give or take a step), and before the transaction commits."""
        from tm.fuzzy.index import BATCH_TEXTS, Batch

        pending = list(items)
        done = 0
        while done < len(pending):
            if self._batch is None:
                self._batch = Batch()
            # Texts of ~30 tokens: a step rarely takes a chunk past its size.
            room = (CHUNK_POSTINGS - self._batch.postings) // 32
            step = max(1, min(INDEX_STEP, room, BATCH_TEXTS - len(self._batch)))
            self._batch.add_many(pending[done : done + step])
            done += step
            if self._batch.postings >= CHUNK_POSTINGS or len(self._batch) >= BATCH_TEXTS:
                self._flush_fuzzy()

    def _flush_fuzzy(self) -> None:
        """Write the gathered texts' index rows as one chunk: their exact keys, sorted and
        packed (tm.memory.exact_keys: keyed by chunk first, so they go at the end of their
        table), and one packed row per gram (tm.memory.postings)."""
        import numpy as np

        batch, self._batch = self._batch, None
        if batch is None or not len(batch):
            return
        chunk = self._new_chunk()
        pairs = np.array(batch.keys, dtype=np.int64).reshape(-1, 2)
        self.db.executemany(
            "INSERT INTO fuzzy_keys (chunk, low, keys, units) VALUES (?, ?, ?, ?)",
            exact_keys.rows(pairs[:, 0], pairs[:, 1], chunk, bytearrays=self.dialect == "sqlite"),
        )
        del pairs
        grams, lens, units = batch.postings_arrays()
        del batch  # before the rows are made: memory stays within an import's budget
        rows, _row_grams, sizes = postings.rows(
            grams, lens, units, chunk, bytearrays=self.dialect == "sqlite"
        )
        self.db.executemany(
            "INSERT INTO fuzzy_post (gram, chunk, n, umin, umax, lens, units)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        del rows, grams, lens, units
        self.db.execute(
            "INSERT INTO fuzzy_chunk (id, level, postings) VALUES (?, 0, ?)", (chunk, sum(sizes))
        )
        self._merge_chunks()

    def _read_postings(self, sql: str, params: Sequence[Any]) -> Any:
        """Rows of `fuzzy_post`: on PostgreSQL in the binary format (raw bytea)."""
        if self.dialect == "postgresql":
            return self.db.execute(sql, params, binary=True)
        return self.db.execute(sql, params)

    def _new_chunk(self) -> int:
        return int(
            self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM fuzzy_chunk").fetchone()[0]
        )

    def _merge_chunks(self) -> None:
        """While `CHUNK_FANOUT` chunks of one level exist, merge them into one of the next level
        (a size-tiered log: each posting is rewritten once a level), so that a gram has a few
        rows, not one per write. Grams are merged a page at a time, found by the primary key
        (gram, chunk): memory holds one page, whatever the chunks' size."""
        while True:
            row = self.db.execute(
                "SELECT level FROM fuzzy_chunk GROUP BY level HAVING count(*) >= ?"
                " ORDER BY level LIMIT 1",
                (CHUNK_FANOUT,),
            ).fetchone()
            if row is None:
                return
            level = int(row[0])
            chunks = [
                int(r[0])
                for r in self.db.execute(
                    "SELECT id FROM fuzzy_chunk WHERE level = ? ORDER BY id", (level,)
                )
            ]
            target = self._new_chunk()
            marks = ",".join("?" * len(chunks))
            # Only grams with several rows and enough postings, or rows in half the chunks
            # (a common gram written by many small writes), are merged: a rare gram's rows
            # (most rows, in real text) cost a query no more than its postings do, and stay
            # where they are (their chunk numbers only keep the rows apart).
            sizes = array("q")
            cursor = self.db.execute(
                f"SELECT gram, sum(n) FROM fuzzy_post WHERE chunk IN ({marks})"
                " GROUP BY gram HAVING count(*) > 1 AND (sum(n) >= ? OR count(*) >= ?)",
                (*chunks, MERGE_MIN_POSTINGS, max(2, len(chunks) // 2)),
            )
            while batch := cursor.fetchmany(10_000):
                for gram, n in batch:
                    sizes.append(gram)
                    sizes.append(n)
            page: list[int] = []
            held = 0
            for at in range(0, len(sizes), 2):
                page.append(sizes[at])
                held += sizes[at + 1]
                if len(page) >= MERGE_PAGE or held >= MERGE_POSTINGS or at + 2 == len(sizes):
                    self._merge_page(page, chunks, target)
                    page, held = [], 0
            self._merge_keys(chunks, target)
            total = self.db.execute(
                f"SELECT sum(postings) FROM fuzzy_chunk WHERE id IN ({marks})", chunks
            ).fetchone()[0]
            self.db.execute(f"DELETE FROM fuzzy_chunk WHERE id IN ({marks})", chunks)
            self.db.execute(
                "INSERT INTO fuzzy_chunk (id, level, postings) VALUES (?, ?, ?)",
                (target, level + 1, int(total)),
            )

    def _merge_page(self, grams: list[int], chunks: list[int], target: int) -> None:
        """Merge these grams' rows in `chunks` into one row each in chunk `target`."""
        where = (
            f"gram IN ({','.join('?' * len(grams))}) AND chunk IN ({','.join('?' * len(chunks))})"
        )
        rows = postings.merge_rows(
            self._read_postings(
                f"SELECT gram, n, umin, umax, lens, units FROM fuzzy_post WHERE {where}",
                (*grams, *chunks),
            ).fetchall(),
            bytearrays=self.dialect == "sqlite",
        )
        self.db.execute(f"DELETE FROM fuzzy_post WHERE {where}", (*grams, *chunks))
        self.db.executemany(
            "INSERT INTO fuzzy_post (gram, chunk, n, umin, umax, lens, units)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(gram, target, *rest) for gram, *rest in rows],
        )

    def _merge_keys(self, chunks: list[int], target: int) -> None:
        """Merge the exact keys of `chunks` into chunk `target`, a range of buckets at a time
        (at most `MERGE_KEYS` keys held; rows never straddle a bucket)."""
        marks = ",".join("?" * len(chunks))
        total = (
            self.db.execute(
                f"SELECT coalesce(sum(length(keys)), 0) FROM fuzzy_keys WHERE chunk IN ({marks})",
                chunks,
            ).fetchone()[0]
            // 8
        )
        pages = max(1, min(exact_keys.BUCKETS, -(-int(total) // MERGE_KEYS)))
        shift = exact_keys.BUCKET_SHIFT
        for page in range(pages):
            low = (page * exact_keys.BUCKETS // pages) << shift
            high = (((page + 1) * exact_keys.BUCKETS // pages) << shift) - 1
            found = self._read_postings(
                f"SELECT keys, units FROM fuzzy_keys WHERE chunk IN ({marks})"
                " AND low BETWEEN ? AND ? ORDER BY chunk, low",
                (*chunks, low, high),
            ).fetchall()
            self.db.executemany(
                "INSERT INTO fuzzy_keys (chunk, low, keys, units) VALUES (?, ?, ?, ?)",
                exact_keys.merged(found, target, bytearrays=self.dialect == "sqlite"),
            )
        self.db.execute(f"DELETE FROM fuzzy_keys WHERE chunk IN ({marks})", chunks)

    def _key_rows(self, key: int) -> Any:
        """(chunk, smallest key, keys, units) of the row of each live chunk that holds `key`
        if any does: its smallest key is the largest not above `key`."""
        if self.dialect == "postgresql":
            sql = (
                "SELECT k.chunk, k.low, k.keys, k.units FROM fuzzy_chunk c CROSS JOIN LATERAL"
                " (SELECT chunk, low, keys, units FROM fuzzy_keys WHERE chunk = c.id"
                " AND low <= ? ORDER BY low DESC LIMIT 1) k"
            )
        else:  # no LATERAL; CROSS JOIN: SQLite reads the few chunks first
            sql = (
                "SELECT k.chunk, k.low, k.keys, k.units FROM fuzzy_chunk c CROSS JOIN fuzzy_keys k"
                " WHERE k.chunk = c.id AND k.low = (SELECT max(low) FROM fuzzy_keys"
                " WHERE chunk = c.id AND low <= ?)"
            )
        return self._read_postings(sql, (key,)).fetchall()

    def _unindex_unit(self, unit_id: int) -> None:
        """Take a unit's texts out of the index: its keys and its postings, from the rows that
        hold them (rewritten, so the lists and the grams' counts stay exact)."""
        if self._fuzzy_pending():
            return
        from tm.fuzzy.index import Batch

        self._flush_fuzzy()
        batch = Batch()
        for kind, lang_key, plain in self.db.execute(
            "SELECT u.kind, v.lang_key, v.plain FROM unit u JOIN variant v"
            f" ON {_OF_UNIT.format(v='v')} WHERE u.id = ?",
            (unit_id,),
        ).fetchall():
            batch.add(unit_id, lang_key, kind, plain)
        if not len(batch):
            return
        for key, _unit in sorted(set(batch.keys)):
            for chunk, low, key_blob, unit_blob in self._key_rows(key):
                left = exact_keys.without(bytes(key_blob), bytes(unit_blob), key, unit_id)
                if left is None:
                    self.db.execute(
                        "DELETE FROM fuzzy_keys WHERE chunk = ? AND low = ?", (chunk, low)
                    )
                elif len(left[0]) != len(key_blob):
                    self.db.execute(
                        "UPDATE fuzzy_keys SET keys = ?, units = ? WHERE chunk = ? AND low = ?",
                        (*left, chunk, low),
                    )
        lengths: dict[int, list[int]] = {}
        grams, lens, _units = batch.postings_arrays()
        for gram, length in zip(grams.tolist(), lens.tolist(), strict=True):
            lengths.setdefault(gram, []).append(length)
        for gram in sorted(lengths):
            for chunk, low, high, len_blob, unit_blob in self._read_postings(
                "SELECT chunk, umin, umax, lens, units FROM fuzzy_post"
                " WHERE gram = ? AND umin <= ? AND umax >= ?",
                (gram, unit_id, unit_id),
            ).fetchall():
                gone, kept = postings.without(
                    (low, high, bytes(len_blob), bytes(unit_blob)), unit_id, lengths[gram]
                )
                if not gone:
                    continue
                if kept is None:
                    self.db.execute(
                        "DELETE FROM fuzzy_post WHERE gram = ? AND chunk = ?", (gram, chunk)
                    )
                else:
                    self.db.execute(
                        "UPDATE fuzzy_post SET n = ?, umin = ?, umax = ?, lens = ?, units = ?"
                        " WHERE gram = ? AND chunk = ?",
                        (*kept, gram, chunk),
                    )

    def ensure_fuzzy_index(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Index a memory made before the fuzzy index existed (schema migration 3 marks it),
        in one transaction; `progress(done, total)` is called as units are indexed. A memory
        opened for reading is indexed through a writing connection, once, like a migration."""
        if not self._fuzzy_pending():
            return
        if self.dialect == "sqlite" and self.readonly and self.path != ":memory:":
            try:
                with Store(self.path) as writer:
                    writer.ensure_fuzzy_index(progress)
            except StoreError as exc:
                raise StoreError(
                    f"the memory's fuzzy index must be built first and cannot be here "
                    f"({exc.message})",
                    file=self.path,
                    hint="run `tm lookup` once where the file can be written",
                ) from None
            self.db.close()
            self.db = _connect_readonly(self.path)  # an immutable connection sees no writes
            return
        with self.atomic():
            if not self._fuzzy_pending():
                return
            for table in ("fuzzy_keys", "fuzzy_post", "fuzzy_chunk"):
                self.db.execute(f"DELETE FROM {table}")
            total = self.db.execute("SELECT count(*) FROM variant").fetchone()[0]
            cursor = self.db.execute(
                "SELECT u.id, u.kind, v.lang_key, v.plain FROM unit u JOIN variant v"
                f" ON {_OF_UNIT.format(v='v')} ORDER BY u.id"
            )
            done = 0
            while batch := cursor.fetchmany(5000):
                self._write_index(batch)
                done += len(batch)
                if progress is not None:
                    progress(done, total)
            self.db.execute("DELETE FROM fuzzy_state")

    def fuzzy_exact(self, key: int) -> list[int]:
        """Units holding a text whose exact key is `key`."""
        return exact_keys.units_with(
            ((keys, units) for _chunk, _low, keys, units in self._key_rows(key)), key
        )

    def fuzzy_gram_counts(self, grams: Iterable[int]) -> dict[int, int]:
        """How many texts hold each gram (absent grams are left out): the sum of its rows'
        postings (no table of counts to update on every write)."""
        gram_list = list(grams)
        rows = self.db.execute(
            f"SELECT gram, sum(n) FROM fuzzy_post WHERE gram IN ({','.join('?' * len(gram_list))})"
            " GROUP BY gram",
            gram_list,
        )
        return {gram: n for gram, n in rows if n > 0}

    def fuzzy_shortlist(
        self, grams: Sequence[int], shortest: int, longest: int, limit: int
    ) -> list[tuple[int, int]]:
        """(unit, shared grams) of the units whose texts of `shortest`..`longest` tokens share
        most of `grams`; most shared first, then by unit id."""
        if not grams:
            return []
        rows = self._read_postings(
            f"SELECT lens, units FROM fuzzy_post WHERE gram IN ({','.join('?' * len(grams))})",
            list(grams),
        )
        return postings.shortlist(rows, shortest, longest, limit)

    def fuzzy_texts(
        self, unit_ids: Sequence[int], kind: str
    ) -> list[tuple[int, str | None, list[tuple[str, str, int]]]]:
        """(unit id, origin, [(language as imported, plain text, inline tags)]) of these units
        of `kind`, in the given order: what rescoring needs, without building `Unit`s. One
        query; CROSS JOIN keeps SQLite reading the listed units first (with a plain JOIN and a
        few dozen ids its planner scanned every variant: half a second at 1,000,000 units)."""
        if not unit_ids:
            return []
        origins: dict[int, str | None] = {}
        variants: dict[int, list[tuple[str, str, int]]] = {}
        rows = self.db.execute(
            "SELECT u.id, u.kind, u.origin, v.lang, v.plain, v.content FROM unit u"
            f" CROSS JOIN variant v WHERE u.id IN ({','.join('?' * len(unit_ids))})"
            f" AND {_OF_UNIT.format(v='v')} ORDER BY v.id",
            list(unit_ids),
        )
        for unit_id, unit_kind, origin, lang, plain, content in rows:
            if unit_kind != kind:
                continue
            origins[unit_id] = origin
            tags = 0 if content is None else _tag_count(_content_from(content, plain))
            variants.setdefault(unit_id, []).append((lang, plain, tags))
        return [(i, origins[i], variants[i]) for i in unit_ids if i in origins]

    # -- reading ----------------------------------------------------------------------------
    def count(self, kind: str | None = None) -> int:
        if kind is None:
            return self.db.execute("SELECT count(*) FROM unit").fetchone()[0]
        return self.db.execute("SELECT count(*) FROM unit WHERE kind = ?", (kind,)).fetchone()[0]

    def _filter_sql(
        self,
        kind: str | None,
        statuses: Iterable[str] | None,
        src: str | None,
        tgt: str | None,
        ids: Iterable[int] | None = None,
        any_source: bool = False,
    ) -> tuple[str, list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if ids is not None:
            id_list = list(ids)
            where.append(f"u.id IN ({','.join('?' * len(id_list)) or 'NULL'})")
            args.extend(id_list)
        if kind:
            where.append("u.kind = ?")
            args.append(kind)
        status_list = list(statuses or ())
        if status_list:
            where.append(f"u.status IN ({','.join('?' * len(status_list))})")
            args.extend(status_list)
        for requested in (src, tgt):
            if requested:
                clause, values = _lang_clause("w.lang_key", requested)
                where.append(
                    f"EXISTS (SELECT 1 FROM variant w WHERE {_OF_UNIT.format(v='w')} AND {clause})"
                )
                args.extend(values)
        if src and not (any_source and tgt):
            clause, values = _lang_clause("u.srclang", src)
            where.append(clause)
            args.extend(values)
        return (" WHERE " + " AND ".join(where)) if where else "", args

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
        """Stream stored units (id, unit, canonical source language) in insertion order.

        With `src` and `tgt`, only units that have both languages, reduced to those two
        variants (source first); only those stored with `src` as their source unless
        `any_source` (an export for one direction: a term stored zh → en serves en → zh too).
        Two cursors are merged so memory stays flat.
        """
        if ids is not None:
            ids = list(ids)
            if not ids:  # nothing asked for: no statement (a round trip on a server's memory)
                return
        where, args = self._filter_sql(kind, statuses, src, tgt, ids, any_source)
        unit_rows = self.db.execute(
            "SELECT u.id, u.kind, u.status, u.tuid, u.attrs, u.props, u.notes, u.origin,"
            f" u.srclang FROM unit u{where} ORDER BY u.id",
            args,
        )
        # A second statement on the same connection shares the first one's read snapshot, so
        # the two streams agree even while another process writes.
        variant_rows = self.db.execute(
            "SELECT v.unit_id, v.lang, v.content, v.attrs, v.props, v.notes, v.plain"
            f" FROM unit u JOIN variant v ON {_OF_UNIT.format(v='v')}{where}"
            " ORDER BY u.id, v.id",
            args,
        )
        pending = next(variant_rows, None)
        for row in unit_rows:
            variants: list[Variant] = []
            while pending is not None and pending[0] == row[0]:
                variants.append(
                    Variant(
                        lang=pending[1],
                        content=content_from(pending[2], pending[6]),
                        attrs=attrs_from(pending[3]),
                        props=props_from(pending[4]),
                        notes=notes_from(pending[5]),
                    )
                )
                pending = next(variant_rows, None)
            if src and tgt:
                variants = _pair(variants, src, tgt)
            unit = Unit(
                variants=tuple(variants),
                kind=row[1],
                status=row[2],
                tuid=row[3],
                attrs=attrs_from(row[4]),
                props=props_from(row[5]),
                notes=notes_from(row[6]),
                origin=row[7],
            )
            yield StoredUnit(row[0], unit, row[8])

    def srclangs(
        self,
        *,
        kind: str | None = None,
        statuses: Iterable[str] | None = None,
        src: str | None = None,
        tgt: str | None = None,
    ) -> list[str]:
        """Source languages of the units that do not name their own (TMX tu srclang):
        when they all agree, that one language can go in an exported header."""
        where, args = self._filter_sql(kind, statuses, src, tgt)
        own = "u.attrs NOT LIKE '%[\"srclang\",%'"
        where = f"{where} AND {own}" if where else f" WHERE {own}"
        rows = self.db.execute(f"SELECT DISTINCT u.srclang FROM unit u{where}", args)
        return sorted(r[0] for r in rows)

    def shadowed_tuids(self) -> set[int]:
        """Ids of units whose tuid an earlier unit already has (merged files reuse tuids)."""
        rows = self.db.execute(
            "SELECT u.id FROM (SELECT tuid, min(id) AS first FROM unit WHERE tuid IS NOT NULL"
            " GROUP BY tuid HAVING count(*) > 1) AS d JOIN unit u ON u.tuid = d.tuid"
            " WHERE u.id > d.first"
        )
        return {r[0] for r in rows}

    def stats(self) -> list[dict[str, Any]]:
        """Units per language pair (source → each other language), kind and status."""
        rows = self.db.execute(
            "SELECT u.srclang, coalesce(v.lang_key, ''), u.kind, u.status, count(DISTINCT u.id)"
            f" FROM unit u LEFT JOIN variant v ON {_OF_UNIT.format(v='v')}"
            " AND v.lang_key != u.srclang"
            " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
        )
        return [
            {"source_lang": s, "target_lang": t, "kind": k, "status": st, "units": n}
            for s, t, k, st, n in rows
        ]

    def term_ids_among(self, norms: Iterable[str]) -> list[int]:
        """Term units with a variant whose folded text is one of `norms` (by index)."""
        keys = list(norms)
        found: set[int] = set()
        for start in range(0, len(keys), MAX_PARAMETERS):
            chunk = keys[start : start + MAX_PARAMETERS]
            rows = self.db.execute(
                "SELECT unit_id FROM variant WHERE norm IS NOT NULL"
                f" AND norm IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            found.update(row[0] for row in rows)
        return sorted(found)

    def term_pairs(
        self, statuses: Iterable[str] = ("approved", "admitted")
    ) -> list[tuple[str, str, str, str]]:
        """(source text, source lang, target text, target lang) of the terms with these
        statuses: what aligners and checkers use as a glossary."""
        status_list = list(statuses)
        rows = self.db.execute(
            "SELECT s.plain, s.lang, t.plain, t.lang FROM unit u"
            " JOIN variant s ON s.unit_id = u.id JOIN variant t ON t.unit_id = u.id"
            f" WHERE u.kind = 'term' AND u.status IN ({','.join('?' * len(status_list))})"
            " AND s.lang_key = u.srclang AND t.id != s.id",
            status_list,
        )
        return rows.fetchall()

    def segment_texts(self, lang: str) -> list[tuple[int, str]]:
        """(unit id, plain text) of every segment variant in `lang`: the fuzzy candidates."""
        clause, values = _lang_clause("v.lang_key", lang)
        return self.db.execute(
            f"SELECT v.unit_id, v.plain FROM unit u JOIN variant v ON {_OF_UNIT.format(v='v')}"
            f" WHERE u.kind = 'segment' AND {clause}",
            values,
        ).fetchall()

    def concordance(self, text: str, lang: str, limit: int = 10) -> list[tuple[int, str]]:
        """Segment units with a variant in `lang` containing `text` ignoring case (each
        character's lowercase, as Python's `str.lower`: "élysée" finds "ÉLYSÉE"), by unit id:
        the same on every backend.

        The engines' LIKE folds ASCII only (SQLite) or nothing (PostgreSQL; its ILIKE on the
        C-collated columns folds ASCII): so each non-ASCII letter with case is a `_` in the
        pattern, and the texts it admits are compared here.
        """
        clause, values = _lang_clause("v.lang_key", lang)
        select = (
            f"SELECT v.unit_id, v.plain FROM unit u JOIN variant v ON {_OF_UNIT.format(v='v')}"
            f" WHERE u.kind = 'segment' AND {clause}"
        )
        wanted = text.lower()
        if len(text) > LIKE_PATTERN_MAX:
            # SQLite refuses LIKE patterns over 50,000 bytes ("pattern too complex"): the
            # few texts long enough to hold such a query are compared here.
            rows = self.db.execute(
                f"{select} AND length(v.plain) >= ? ORDER BY u.id, v.id",
                (*values, len(text)),
            )
            found = [(unit_id, plain) for unit_id, plain in rows if wanted in plain.lower()]
            return found[:limit]
        pattern, exact = _like_pattern(text)
        rows = self.db.execute(
            f"{select} AND v.plain {self._like} ? ESCAPE '\\' ORDER BY u.id, v.id LIMIT ?",
            (*values, pattern, limit if exact else 4 * limit),
        ).fetchall()
        if exact:
            return [(unit_id, plain) for unit_id, plain in rows]
        return [(unit_id, plain) for unit_id, plain in rows if wanted in plain.lower()][:limit]

    def concordance_any(self, texts: Sequence[str], lang: str, limit: int) -> list[tuple[int, str]]:
        """`concordance` of several short texts in one statement: segment units with a variant
        in `lang` containing any of them, by unit id (a lookup asks for each term it found;
        on a server each statement is a round trip)."""
        wanted = [text.lower() for text in texts]
        if not wanted or any(len(text) > LIKE_PATTERN_MAX for text in texts):
            return sorted({row for text in texts for row in self.concordance(text, lang, limit)})
        clause, values = _lang_clause("v.lang_key", lang)
        patterns = [_like_pattern(text)[0] for text in texts]
        likes = " OR ".join([f"v.plain {self._like} ? ESCAPE '\\'"] * len(patterns))
        rows = self.db.execute(
            f"SELECT v.unit_id, v.plain FROM unit u JOIN variant v ON {_OF_UNIT.format(v='v')}"
            f" WHERE u.kind = 'segment' AND {clause} AND ({likes}) ORDER BY u.id, v.id LIMIT ?",
            (*values, *patterns, limit),
        )
        return [(i, plain) for i, plain in rows if any(w in plain.lower() for w in wanted)]

    def fuzzy_containing(self, grams: Sequence[int], limit: int) -> list[int]:
        """Units whose texts hold every one of `grams` (rarest first: the first gram's posting
        list is read in full, the others' only where its units are), the shortest texts first,
        at most `limit`: the candidates of a concordance, which the caller checks on the text."""
        if not grams:
            return []
        first = self._read_postings(
            "SELECT umin, umax, lens, units FROM fuzzy_post WHERE gram = ?", (grams[0],)
        ).fetchall()
        if not first:
            return []
        listed = [postings.entries(bytes(lens), bytes(units)) for _, _, lens, units in first]
        low, high = min(row[0] for row in first), max(row[1] for row in first)
        # The other grams' units, among rows that may hold the first gram's (a unit's texts
        # are indexed in one chunk, whose ids are one range: usually a few rows each).
        holding: list[set[int]] = []
        for gram in grams[1:]:
            units: set[int] = set()
            for lens, unit_blob in self._read_postings(
                "SELECT lens, units FROM fuzzy_post WHERE gram = ? AND umin <= ? AND umax >= ?",
                (gram, high, low),
            ):
                units.update(postings.units_of(bytes(lens), bytes(unit_blob)))
            holding.append(units)
        found: dict[int, None] = {}
        for _length, unit in heapq.merge(*listed):
            if all(unit in units for units in holding):
                found[unit] = None
                if len(found) >= limit:
                    break
        return list(found)

    # -- access tokens (tm serve) -----------------------------------------------------------
    def add_token(self, token_id: str, name: str, role: str, digest: str) -> None:
        """Record a token by its public id and the hash of its secret; `UsageError` when the
        name is taken."""
        self.require_writable()
        with self.atomic():
            if self.db.execute("SELECT 1 FROM token WHERE name = ?", (name,)).fetchone():
                raise UsageError(
                    f"a token named {name!r} exists", hint="revoke it first, or pick a name"
                )
            self.db.execute(
                "INSERT INTO token (id, name, role, hash, created_at, created_by)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (token_id, name, role, digest, provenance.now(), self.user),
            )

    def token(self, token_id: str) -> tuple[str, str, str] | None:
        """(name, role, hash) of the token with this public id."""
        row = self.db.execute(
            "SELECT name, role, hash FROM token WHERE id = ?", (token_id,)
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def tokens(self) -> list[dict[str, Any]]:
        """Every token's name, role and creation, never its hash."""
        rows = self.db.execute("SELECT name, role, created_at, created_by FROM token ORDER BY name")
        return [{"name": n, "role": r, "created": c, "created_by": b} for n, r, c, b in rows]

    def revoke_token(self, name: str) -> None:
        self.require_writable()
        with self.atomic():
            if not self.db.execute("DELETE FROM token WHERE name = ?", (name,)).rowcount:
                raise UsageError(f"no token named {name!r} (see `tm serve token list`)")


def _pair(variants: list[Variant], src: str, tgt: str) -> list[Variant]:
    source = next((v for v in variants if langs.matches(src, v.lang)), None)
    target = next((v for v in variants if v is not source and langs.matches(tgt, v.lang)), None)
    return [v for v in (source, target) if v is not None]
