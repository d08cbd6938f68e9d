"""The SQLite back-end: one file, WAL mode, one writer and many readers."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import NotFound, StoreError
from ..settings import Settings
from .fts import fts5_query


class SQLiteBackend:
    dialect = "sqlite"
    tokens = {"SERIAL_PK": "INTEGER PRIMARY KEY", "BIGINT": "INTEGER", "REAL": "REAL", "BLOB": "BLOB"}

    def __init__(self, path: str | Path, settings: Settings):
        self.path = Path(path)
        self.target = str(path)
        self.timeout = settings["store.busy_timeout_ms"] / 1000
        self.max_terms = settings["store.search_max_terms"]

    def connect(self, readonly: bool) -> sqlite3.Connection:
        try:
            if readonly:
                if not self.path.exists():
                    raise NotFound(f"no store at {self.path}; run `storyline ingest PATH --db {self.path}` first")
                conn = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, isolation_level=None,
                    check_same_thread=False, timeout=self.timeout,
                )
            else:
                if self.path.parent and not self.path.parent.exists():
                    raise StoreError(f"cannot create the store {self.path}: the folder {self.path.parent} does not exist")
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=self.timeout)
                _set_wal(conn, self.timeout)
                # NORMAL in WAL mode is durable against process crashes (the kill case);
                # only a power loss can undo the last commits.
                conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            conn.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache
            conn.execute("PRAGMA temp_store=MEMORY")
            return conn
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}; is it an SQLite file?") from exc

    def is_closed(self, conn: Any) -> bool:
        return False  # a file does not go away between statements

    def translate(self, sql: str) -> str:
        return sql

    def executemany(self, conn: Any, sql: str, rows: list[Sequence[Any]]) -> None:
        conn.executemany(sql, rows)

    def begin(self, conn: Any) -> None:
        # IMMEDIATE takes the write lock now, so two writers queue instead of deadlocking.
        conn.execute("BEGIN IMMEDIATE")

    def commit(self, conn: Any) -> None:
        conn.execute("COMMIT")

    def rollback(self, conn: Any) -> None:
        if conn.in_transaction:
            conn.execute("ROLLBACK")

    def is_readonly_error(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc)

    def lock(self, conn: Any, name: str) -> None:
        """BEGIN IMMEDIATE already serialises writers on one file."""

    def fts_match(self, table: str, query: str) -> tuple[str, list[Any]]:
        expr = fts5_query(query, self.max_terms)
        if table == "sentences":
            return "sentences.sid IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)", [expr]
        if table == "articles":
            return "articles.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [expr]
        raise ValueError(table)


def _set_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch to WAL, waiting while another process holds the lock it needs. SQLite can
    answer "database is locked" here at once, without calling the busy handler (two
    processes opening a new store at the same instant both try the switch), so retry until
    ``timeout``."""
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)
