"""The PostgreSQL back-end (psycopg 3): one store shared by a team and by several web workers.

It behaves like the SQLite back-end for everything callers can see:

- ``?`` placeholders (translated to psycopg's ``%s``; a literal ``%`` is escaped);
- autocommit outside ``Store.transaction()``, so a reader never sits "idle in transaction";
  inside, ``BEGIN`` ... ``COMMIT`` with one store-wide advisory lock (the way SQLite's
  ``BEGIN IMMEDIATE`` lets one writer in at a time), unless ``store.pg_single_writer`` is off;
- ``Store.lock(name)`` is ``pg_advisory_xact_lock``, held until the transaction ends;
- read-only stores run with ``default_transaction_read_only``;
- values come back as SQLite returns them: ``SUM``/``AVG`` (numeric) as int or float,
  booleans as 0/1, and a Python ``bool`` parameter is stored as 0/1 (the schema has no
  boolean columns);
- a NUL character (which SQLite keeps and PostgreSQL text refuses) is stored as U+FFFD,
  one character for one, so offsets into the text stay right.

Full-text search uses the generated ``tsv`` columns (the ``storyline`` configuration of
migration m0009, which splits and stems as FTS5 does) with ``websearch_to_tsquery``;
:mod:`storyline.store.fts` builds the query so it means the same as on SQLite and lists what
still differs.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Dumper, Loader
from psycopg.pq import TransactionStatus
from psycopg.types.string import StrDumperUnknown

from ..errors import StoreError
from ..settings import Settings
from .fts import websearch_query

_PASSWORD_IN_URL = re.compile(r"(://[^/@:?#]*:)[^/?#]*@")
_PASSWORD_PARAM = re.compile(r"(password=)[^&\s]*", re.IGNORECASE)
# What must be rewritten for psycopg: ``?`` outside literals and comments, and every ``%``.
_SQL_PIECES = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|\?|%", re.DOTALL)


def mask_password(url: str) -> str:
    """The URL with its password (in the authority or a ``password=`` parameter) as ``***``."""
    return _PASSWORD_PARAM.sub(r"\1***", _PASSWORD_IN_URL.sub(r"\1***@", url))


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for ``name`` (Python's hash() is salted)."""
    digest = hashlib.blake2b(f"storyline:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


_WRITER_KEY = lock_key("writer")
# PostgreSQL identifiers are at most 63 bytes (NAMEDATALEN - 1); plain ones need no quoting.
_DB_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_ADMIN_TIMEOUT_S = 10  # the default of store.pg_connect_timeout_s


def database_url(server_url: str, name: str) -> str:
    """``server_url`` with its database (the URL path) replaced by ``name``."""
    parts = urlsplit(server_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def create_database(server_url: str, name: str) -> str:
    """Create an empty database ``name`` on the server of ``server_url``; returns its URL.

    ``server_url`` names any database the user may connect to (e.g. ``postgres``) and a user
    allowed to create databases. For tests and benchmarks; a team creates its store once.
    """
    if not _DB_NAME.match(name):
        raise StoreError(f"{name!r} is not a plain database name (lower-case letters, digits, _)")
    try:
        with psycopg.connect(server_url, autocommit=True, connect_timeout=_ADMIN_TIMEOUT_S) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        raise StoreError(f"cannot create the database {name} on {mask_password(server_url)}: {exc}") from exc
    return database_url(server_url, name)


def drop_database(server_url: str, name: str) -> None:
    """Drop database ``name`` (if it exists), closing its other connections first."""
    if not _DB_NAME.match(name):
        raise StoreError(f"{name!r} is not a plain database name (lower-case letters, digits, _)")
    with psycopg.connect(server_url, autocommit=True, connect_timeout=_ADMIN_TIMEOUT_S) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@functools.lru_cache(maxsize=4096)
def translate(sql: str) -> str:
    """``?`` placeholders to ``%s`` and ``%`` to ``%%``, leaving literals' ``?`` alone."""

    def piece(m: re.Match[str]) -> str:
        text = m.group()
        if text == "?":
            return "%s"
        return text.replace("%", "%%")

    return _SQL_PIECES.sub(piece, sql)


class _NulSafeStr(StrDumperUnknown):
    """Strings as psycopg sends them by default, with NUL (refused by PostgreSQL) as U+FFFD."""

    def dump(self, obj: str) -> Any:
        if "\x00" in obj:
            obj = obj.replace("\x00", "\ufffd")
        return super().dump(obj)


class _BoolAsInt(Dumper):
    """A Python bool parameter is 0/1, as SQLite stores it: flag columns are integers."""

    oid = psycopg.adapters.types["int8"].oid

    def dump(self, obj: bool) -> bytes:
        return b"1" if obj else b"0"


class _NumericAsNumber(Loader):
    """numeric results (SUM and AVG of integers) as int or float, as SQLite returns them."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode("ascii")
        try:
            return int(text)
        except ValueError:
            return float(text)


class _BoolAsZeroOne(Loader):
    """Boolean results (``SELECT a > b``) as 0/1, as SQLite returns them."""

    def load(self, data: Any) -> int:
        return 1 if bytes(data) == b"t" else 0


class PostgresBackend:
    """The Backend protocol of :mod:`storyline.store.base` over a PostgreSQL database."""

    dialect = "postgresql"
    tokens = {
        "SERIAL_PK": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        "BIGINT": "BIGINT",
        "REAL": "DOUBLE PRECISION",
        "BLOB": "BYTEA",
    }

    def __init__(self, url: str, settings: Settings):
        self.url = url
        self.target = mask_password(url)
        self.connect_timeout = settings["store.pg_connect_timeout_s"]
        self.lock_timeout_ms = settings["store.busy_timeout_ms"]
        self.single_writer = settings["store.pg_single_writer"]
        self.max_terms = settings["store.search_max_terms"]

    # --- connections ---------------------------------------------------------------
    def connect(self, readonly: bool) -> psycopg.Connection:
        try:
            conn = psycopg.connect(
                self.url, autocommit=True, connect_timeout=self.connect_timeout,
                application_name="storyline", client_encoding="utf8",
            )
        except psycopg.Error as exc:
            raise StoreError(self._unreachable(exc)) from exc
        conn.adapters.register_dumper(str, _NulSafeStr)
        conn.adapters.register_dumper(bool, _BoolAsInt)
        conn.adapters.register_loader("numeric", _NumericAsNumber)
        conn.adapters.register_loader("bool", _BoolAsZeroOne)
        conn.execute(f"SET lock_timeout = {int(self.lock_timeout_ms)}")
        if readonly:
            conn.execute("SET default_transaction_read_only = on")
        return conn

    def _unreachable(self, exc: Exception) -> str:
        detail = " ".join(str(exc).split())
        try:
            password = psycopg.conninfo.conninfo_to_dict(self.url).get("password")
        except psycopg.Error:
            password = None
        if password:
            detail = detail.replace(str(password), "***")
        if "does not exist" in detail and "database" in detail:
            hint = "create the database first (`createdb NAME` on the server), or fix its name in the URL"
        elif "authentication" in detail or "password" in detail:
            hint = "check the user name and password in the URL (or in ~/.pgpass)"
        else:
            hint = (
                "check that the server is running and reachable from here (`pg_isready -d URL`), "
                "and that the host and port in the URL are right"
            )
        return f"cannot connect to the PostgreSQL store {self.target}: {detail}; {hint}"

    def is_closed(self, conn: Any) -> bool:
        return bool(conn.closed)

    # --- statements ----------------------------------------------------------------
    def translate(self, sql: str) -> str:
        return translate(sql)

    def executemany(self, conn: Any, sql: str, rows: list[Sequence[Any]]) -> None:
        with conn.cursor() as cur:
            cur.executemany(sql, rows)  # psycopg pipelines the rows: one round trip per batch

    def is_readonly_error(self, exc: Exception) -> bool:
        return isinstance(exc, pg_errors.ReadOnlySqlTransaction)

    # --- transactions --------------------------------------------------------------
    def begin(self, conn: Any) -> None:
        conn.execute("BEGIN")
        if self.single_writer:
            try:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITER_KEY,))
            except BaseException as exc:
                self.rollback(conn)
                if isinstance(exc, pg_errors.LockNotAvailable):
                    raise StoreError(self._busy()) from exc
                raise

    def commit(self, conn: Any) -> None:
        if conn.info.transaction_status == TransactionStatus.INERROR:
            raise StoreError(
                f"a statement failed inside a transaction on {self.target}, so PostgreSQL "
                "rolled the whole transaction back; let the error reach the end of "
                "`Store.transaction()` (or avoid it with ON CONFLICT) instead of catching it inside"
            )
        conn.execute("COMMIT")

    def rollback(self, conn: Any) -> None:
        if not conn.closed and conn.info.transaction_status != TransactionStatus.IDLE:
            conn.execute("ROLLBACK")

    def lock(self, conn: Any, name: str) -> None:
        """Wait until no other transaction holds ``name``; held until this one ends."""
        try:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(name),))
        except pg_errors.LockNotAvailable as exc:
            raise StoreError(self._busy(name)) from exc

    def _busy(self, name: str = "writer") -> str:
        return (
            f"another process held the {name} lock of {self.target} for more than "
            f"{self.lock_timeout_ms} ms; try again, or raise store.busy_timeout_ms"
        )

    # --- full-text search ----------------------------------------------------------
    def fts_match(self, table: str, query: str) -> tuple[str, list[Any]]:
        """Matches first (GIN index), then the caller's filters and order, as in SQLite.

        A plain ``tsv @@ q`` lets the planner walk the table in ``ORDER BY`` order and test
        every row, betting the matches are spread evenly; news terms are not (a new story's
        words all sit at the end), and that walk took 16 ms instead of 1.3 ms for a word in
        0.2% of 100k sentences (benchmarks/store_backends.py corpus, EXPLAIN ANALYZE).
        """
        key = {"sentences": "sid", "articles": "seq"}[table]
        return (
            f"{table}.{key} = ANY(ARRAY(SELECT m.{key} FROM {table} m "
            "WHERE m.tsv @@ websearch_to_tsquery('storyline', ?)))",
            [websearch_query(query, self.max_terms)],
        )
