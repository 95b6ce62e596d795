"""The team backend: the same `Store` on PostgreSQL (psycopg 3, a connection pool per URL).

The store's SQL is written once, in the subset both engines read alike (plain tables, `?`
placeholders, 64-bit ids); this module adapts the few places where they differ: placeholders,
the schema version, the writer lock, and the errors. Ids come from sequences (`Store` reserves
them); migrations are kept per backend (tm.memory.schema).

Why a pool: a server opens the memory for every request (it keeps no state of its own); a new
PostgreSQL connection costs a process fork on the server, a pooled one nothing.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from tm.errors import StoreError

#: Connections kept open per URL and process (a `tm serve` worker handles this many requests
#: at once against the database; others wait up to POOL_TIMEOUT seconds, then get 503).
POOL_SIZE = 16
POOL_TIMEOUT = 3.0

SCHEMES = ("postgresql://", "postgres://")

#: Planner settings for each session. A memory's working set is in RAM (or on SSD), where a
#: random page read costs about what a sequential one does; at PostgreSQL's default (4, a
#: spinning disk) a long sentence's term lookup (thousands of keys) was planned as a scan of
#: every variant (40 ms on 100,000 units) instead of the index (6 ms).
SESSION_OPTIONS = "-c random_page_cost=1.1"

_pools: dict[str, Any] = {}
_pools_lock = threading.Lock()


def is_url(path: str) -> bool:
    return path.startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, rest = url.partition("://")
    if "@" in rest:
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{head}{sep}{user}@{host}"
    return url


@lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """SQLite-style SQL to psycopg's: `?` → `%s`, a literal `%` doubled, SQLite's `temp.`
    schema as PostgreSQL's `pg_temp.`, and `INSERT OR IGNORE` as `ON CONFLICT DO NOTHING`."""
    text = sql.replace("%", "%%").replace("?", "%s").replace("temp.", "pg_temp.")
    if text.lstrip().upper().startswith("INSERT OR IGNORE INTO"):
        text = text.replace("OR IGNORE ", "", 1) + " ON CONFLICT DO NOTHING"
    return text


#: `x IN (?, ?, …)` with its list of placeholders (not `NOT IN`, which stays as written).
_IN_LIST = re.compile(r"(?<!NOT )\bIN \((\?(?:\s*,\s*\?)*)\)", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _arrays(sql: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The SQL with each `IN (?, ?, …)` as `= ANY(?)` (one array parameter), translated, and
    where each list's parameters were: (parameters before it, how many). A list's length no
    longer changes the statement's text, so psycopg converts it once and PostgreSQL prepares
    and plans it once per connection, whatever the number of keys (a long sentence's term
    lookup sends thousands)."""
    groups: list[tuple[int, int]] = []
    parts: list[str] = []
    last = 0
    for match in _IN_LIST.finditer(sql):
        groups.append((sql.count("?", 0, match.start()), match.group(1).count("?")))
        parts.append(sql[last : match.start()] + "= ANY(?)")
        last = match.end()
    parts.append(sql[last:])
    return translate("".join(parts)), tuple(groups)


def _packed(params: Sequence[Any], groups: tuple[tuple[int, int], ...]) -> tuple[Any, ...]:
    """The parameters with each IN list's run as one list (an array for `= ANY`)."""
    if not groups:
        return tuple(params)
    values = list(params)
    out: list[Any] = []
    done = 0
    for start, count in groups:
        out.extend(values[done:start])
        out.append(values[start : start + count])
        done = start + count
    out.extend(values[done:])
    return tuple(out)


def _pool(url: str) -> Any:
    from psycopg_pool import ConnectionPool

    with _pools_lock:
        pool = _pools.get(url)
        if pool is None:
            pool = ConnectionPool(
                url,
                min_size=1,
                max_size=POOL_SIZE,
                timeout=POOL_TIMEOUT,
                kwargs={"autocommit": True, "options": SESSION_OPTIONS},
                open=True,
                # A connection that died with the server (a restart) is dropped, not reused.
                check=ConnectionPool.check_connection,
            )
            _pools[url] = pool
        return pool


class PostgresConnection:
    """What `Store` needs of a connection (sqlite3's `execute`/`executemany`/`close`), on a
    pooled psycopg connection in autocommit mode: the store issues BEGIN and COMMIT itself,
    as it does with SQLite."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self._pool = _pool(url)
            self._conn = self._pool.getconn()
        except Exception as exc:
            raise unavailable(url, exc) from None

    def execute(self, sql: str, params: Sequence[Any] = (), *, binary: bool = False) -> Any:
        """`binary`: results in PostgreSQL's binary format (bytea as raw bytes: the fuzzy
        index's packed lists, which the text format would send as hexadecimal to decode)."""
        import psycopg

        query, groups = _arrays(sql)
        try:
            return self._conn.execute(query, _packed(params, groups) or None, binary=binary)
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            raise unavailable(self.url, exc) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        import psycopg

        batch = list(rows)
        if not batch:
            return
        try:
            with self._conn.cursor() as cursor:
                cursor.executemany(translate(sql), batch)
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            raise unavailable(self.url, exc) from None

    def close(self) -> None:
        import psycopg

        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if conn.info.transaction_status != 0:  # not idle: a failed request's leftovers
                conn.rollback()
        except psycopg.Error:
            pass  # a connection lost with the server: the pool checks it and drops it
        self._pool.putconn(conn)


def unavailable(url: str, exc: BaseException) -> StoreError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return StoreError(f"the PostgreSQL memory is unavailable: {first}", file=redact(url))
