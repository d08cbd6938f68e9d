"""The store: one interface over SQLite (the embedded default) and PostgreSQL.

Callers write SQL once, with ``?`` placeholders and the portable subset both engines share
(``INSERT ... ON CONFLICT``, ``RETURNING``, no engine-specific functions); the back-end
translates placeholders and supplies what differs (DDL types, full-text search, locking).
Domain reads and writes live beside the stages that own the tables (``store.articles`` for
the core tables); this module only knows connections, transactions and migrations.

Transactions are explicit: outside ``transaction()`` every statement commits on its own, so
a reader never holds a transaction open. Inside, all statements commit together or not at
all, and only one writer runs at a time on either back-end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from ..errors import NotFound, ReadOnlyStore, StoreError, UsageError
from ..settings import DEFAULTS, Settings
from .migrations import all_migrations

# SQLite allows 32,766 host parameters per statement since 3.32; PostgreSQL 65,535.
# IN-lists are chunked well below both so one statement stays cheap to plan.
IN_CHUNK = 900

_WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "ALTER ", "DROP T", "REPLAC")


class Backend(Protocol):
    """What differs between engines; :class:`Store` does the rest."""

    dialect: str
    tokens: dict[str, str]
    target: str  # where the store is, safe to print (no password)

    def connect(self, readonly: bool) -> Any: ...
    def is_closed(self, conn: Any) -> bool: ...
    def translate(self, sql: str) -> str: ...
    def executemany(self, conn: Any, sql: str, rows: list[Sequence[Any]]) -> None: ...
    def begin(self, conn: Any) -> None: ...
    def commit(self, conn: Any) -> None: ...
    def rollback(self, conn: Any) -> None: ...
    def is_readonly_error(self, exc: Exception) -> bool: ...
    def fts_match(self, table: str, query: str) -> tuple[str, list[Any]]: ...
    def lock(self, conn: Any, name: str) -> None: ...


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


ID_PREFIX_MIN = 4  # hex characters of a 16-character id a user may type (as git does)


def resolve_id(store: Store, table: str, ref: str, noun: str, listing: str) -> str:
    """The full id in ``table`` that ``ref`` names: the id itself or a unique prefix of at
    least :data:`ID_PREFIX_MIN` characters. Errors say what to do: give more characters,
    or list the ids with ``listing``."""
    ref = ref.strip().lower()
    if store.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (ref,)):
        return ref
    if len(ref) < ID_PREFIX_MIN:
        raise UsageError(f"{noun} id {ref!r} is too short: give at least {ID_PREFIX_MIN} characters "
                         f"(`{listing}` lists them)")
    # ids are hex: every id starting with ref sorts in [ref, ref + "g") under any collation
    found = [r[0] for r in store.rows(f"SELECT id FROM {table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                                      (ref, ref + "g"))]
    if len(found) > 1:
        raise UsageError(f"the {noun} id prefix {ref!r} is ambiguous ({found[0]}, {found[1]}, ...); give more characters")
    if found:
        return found[0]
    raise NotFound(f"no {noun} with id {ref!r}; `{listing}` lists them")


class Store:
    """A connection-per-thread handle on one store, with migrations applied on open."""

    def __init__(self, backend: Backend, *, readonly: bool = False, settings: Settings = DEFAULTS):
        self.backend = backend
        self.readonly = readonly
        self.settings = settings
        self._local = threading.local()
        self._all_conns: list[Any] = []
        self._conns_lock = threading.Lock()
        self._pid = os.getpid()
        if readonly:
            self._check_schema()
        else:
            self.migrate()

    # --- connections ---------------------------------------------------------------
    @property
    def dialect(self) -> str:
        return self.backend.dialect

    @property
    def conn(self) -> Any:
        if os.getpid() != self._pid:
            # A forked worker (e.g. the web server's): the parent's connections share its
            # sockets and files, so this process opens its own and never touches (not even
            # closes, which SQLite forbids across fork) the inherited ones.
            self._pid = os.getpid()
            self._inherited = self._all_conns
            self._local = threading.local()
            self._all_conns = []
        conn = getattr(self._local, "conn", None)
        if conn is not None and not self._local.depth and self.backend.is_closed(conn):
            conn = None  # the server went away between transactions: reconnect
        if conn is None:
            conn = self.backend.connect(self.readonly)
            self._local.conn = conn
            self._local.depth = 0
            with self._conns_lock:
                self._all_conns.append(conn)
        return conn

    def close(self) -> None:
        with self._conns_lock:
            for conn in self._all_conns:
                with contextlib.suppress(Exception):
                    conn.close()
            self._all_conns.clear()
        self._local = threading.local()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- statements ----------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; returns the cursor (``rowcount``, ``fetchall``)."""
        self._check_write(sql)
        with self._refusing_writes():
            return self.conn.execute(self.backend.translate(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""
        self._check_write(sql)
        rows = list(rows)
        if rows:
            with self._refusing_writes():
                self.backend.executemany(self.conn, self.backend.translate(sql), rows)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Result rows as tuples (cheapest)."""
        with self._refusing_writes():
            cur = self.conn.execute(self.backend.translate(sql), tuple(params))
            return [tuple(r) for r in cur.fetchall()] if cur.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Result rows as dicts keyed by column name."""
        with self._refusing_writes():
            cur = self.conn.execute(self.backend.translate(sql), tuple(params))
            if not cur.description:
                return []
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.query(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        found = self.rows(sql, params)
        return found[0][0] if found else None

    def in_chunks(self, values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[tuple[str, Sequence[Any]]]:
        """Yield ``("?,?,?", chunk)`` pairs for ``WHERE x IN (...)`` over many values."""
        for i in range(0, len(values), size):
            chunk = values[i:i + size]
            yield ",".join("?" * len(chunk)), chunk

    def _check_write(self, sql: str) -> None:
        if self.readonly and sql.lstrip()[:6].upper() in _WRITES:
            raise ReadOnlyStore(f"the store {self.backend.target} is open read-only; start the command with writing enabled")

    @contextlib.contextmanager
    def _refusing_writes(self) -> Iterator[None]:
        """Turn the engine's own refusal of a write (one the prefix check missed) into READ_ONLY."""
        try:
            yield
        except Exception as exc:
            if self.readonly and self.backend.is_readonly_error(exc):
                raise ReadOnlyStore(f"the store {self.backend.target} is open read-only: {exc}") from exc
            raise

    # --- transactions --------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """One atomic unit of work. Nested calls join the outer transaction.

        Only one write transaction runs at a time (SQLite's BEGIN IMMEDIATE; PostgreSQL's
        store-wide advisory lock, see ``store.pg_single_writer``). On PostgreSQL a statement
        that fails aborts the whole transaction even if the caller catches the error; the
        commit then raises :class:`StoreError` instead of losing the work silently.
        """
        if self.readonly:
            raise ReadOnlyStore(f"the store {self.backend.target} is open read-only")
        conn = self.conn
        if self._local.depth:
            self._local.depth += 1
            try:
                yield self
            finally:
                self._local.depth -= 1
            return
        self.backend.begin(conn)  # leaves no transaction open when it raises
        self._local.depth = 1
        try:
            yield self
        except BaseException:
            self._local.depth = 0
            with contextlib.suppress(Exception):
                self.backend.rollback(conn)
            raise
        self._local.depth = 0
        try:
            self.backend.commit(conn)
        except BaseException:
            with contextlib.suppress(Exception):
                self.backend.rollback(conn)
            raise

    def lock(self, name: str) -> None:
        """Serialise a stage across processes sharing the store (inside a transaction)."""
        self.backend.lock(self.conn, name)

    # --- migrations ----------------------------------------------------------------
    def _applied(self) -> set[int]:
        conn = self.conn  # connection errors (no such store) propagate as they are
        try:
            return {r[0] for r in self.rows("SELECT version FROM schema_migrations")}
        except Exception:
            with contextlib.suppress(Exception):
                self.backend.rollback(conn)
            return set()

    def migrate(self) -> list[int]:
        """Apply the migrations this store lacks; returns their numbers.

        Safe to run from several processes at once: each migration runs under the
        ``migrate`` lock and is skipped when another process applied it meanwhile.
        """
        conn = self.conn
        with self.transaction():
            self.lock("migrate")
            self.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        applied = self._applied()
        done = []
        for mig in all_migrations():
            if mig.number in applied:
                continue
            try:
                with self.transaction():
                    self.lock("migrate")
                    if self.scalar("SELECT COUNT(*) FROM schema_migrations WHERE version = ?", (mig.number,)):
                        continue  # another process applied it while we waited
                    for statement in mig.statements(self.dialect, self.backend.tokens):
                        conn.execute(statement)
                    self.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                        (mig.number, mig.name, now_iso()),
                    )
            except Exception as exc:
                raise StoreError(f"migration {mig.number:04d}_{mig.name} failed on {self.backend.target}: {exc}") from exc
            done.append(mig.number)
        return done

    def _check_schema(self) -> None:
        latest = max((m.number for m in all_migrations()), default=0)
        have = max(self._applied(), default=0)
        if have < latest:
            raise StoreError(
                f"the store {self.backend.target} is at schema {have}, this storyline needs {latest}; "
                "run any writing command once (e.g. `storyline ingest` or `storyline migrate`) to upgrade it"
            )

    # --- full-text search ----------------------------------------------------------
    def fts_match(self, table: str, query: str) -> tuple[str, list[Any]]:
        """A WHERE fragment and its parameters matching ``query`` on ``table`` (sentences or
        articles); the caller joins it as ``... WHERE <fragment>``. The syntax and what differs
        between back-ends: :mod:`storyline.store.fts`."""
        return self.backend.fts_match(table, query)
