"""Open a store by path or URL: an SQLite file (default) or ``postgresql://...``."""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from ..settings import DEFAULTS, Settings
from .base import Store, now_iso


def open_store(target: str | Path | None = None, *, readonly: bool = False, settings: Settings = DEFAULTS) -> Store:
    """Open (and, unless read-only, create and migrate) the store at ``target``.

    ``target`` is a file path for SQLite or a ``postgresql://`` URL; by default the
    ``store.path`` setting.
    """
    target = str(target or settings["store.path"])
    if target.startswith(("postgresql://", "postgres://")):
        try:
            from .postgres import PostgresBackend
        except ImportError as exc:  # psycopg missing
            raise StoreError(f"the PostgreSQL back-end needs psycopg 3: pip install 'psycopg[binary]' ({exc})") from exc
        return Store(PostgresBackend(target, settings), readonly=readonly, settings=settings)
    from .sqlite import SQLiteBackend

    return Store(SQLiteBackend(target, settings), readonly=readonly, settings=settings)


__all__ = ["Store", "open_store", "now_iso"]
