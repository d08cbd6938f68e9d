"""Fixtures shared by the test files: a store on each back-end.

``store_target`` (an SQLite path or a PostgreSQL URL, nothing created yet) and ``store`` (that
target opened and migrated) are parametrised over both back-ends, so a test written once runs
on SQLite and on PostgreSQL. SQLite is a file in ``tmp_path``; PostgreSQL is a fresh database,
dropped afterwards, on the server named by ``STORYLINE_TEST_PG`` (``scripts/test`` starts one
and sets it). Without that variable the PostgreSQL cases skip, unless ``CI`` or
``STORYLINE_REQUIRE_PG=1`` is set: then they fail, since a CI run that skipped them would
prove nothing about PostgreSQL.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

import pytest

from storyline.store import Store, open_store

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _required(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def pg_server_url() -> str:
    """The test server's URL; skips (or, in CI, fails) the test when there is none."""
    url = os.environ.get("STORYLINE_TEST_PG", "").strip()
    if not url:
        why = "no PostgreSQL server: set STORYLINE_TEST_PG=postgresql://... or run scripts/test"
        if _required("CI") or _required("STORYLINE_REQUIRE_PG"):
            pytest.fail(f"{why} (CI / STORYLINE_REQUIRE_PG demand the PostgreSQL tests)", pytrace=False)
        pytest.skip(why)
    return url


@contextlib.contextmanager
def fresh_pg_database(server_url: str) -> Iterator[str]:
    """Create an empty database on the server; yield its URL; drop it afterwards."""
    from storyline.store.postgres import create_database, drop_database

    name = f"storyline_test_{uuid.uuid4().hex[:12]}"
    url = create_database(server_url, name)
    try:
        yield url
    finally:
        drop_database(server_url, name)


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """Where a store would be, on each back-end, with nothing in it yet."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    with fresh_pg_database(pg_server_url()) as url:
        yield url


@pytest.fixture
def pg_target() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, for what only PostgreSQL has."""
    with fresh_pg_database(pg_server_url()) as url:
        yield url


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    """An empty, migrated store on each back-end."""
    opened = open_store(store_target)
    try:
        yield opened
    finally:
        opened.close()
