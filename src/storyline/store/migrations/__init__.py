"""Numbered schema migrations, one module each, for every back-end from one definition.

A migration module ``mNNNN_name.py`` defines ``SQL``: a list of statements written once for
both SQLite and PostgreSQL, with these tokens filled in per back-end:

- ``{SERIAL_PK}``: an auto-assigned integer primary key
- ``{BIGINT}``, ``{REAL}``, ``{BLOB}``: integer, float and bytes column types

and optionally ``SQLITE`` / ``POSTGRES``: statements for one back-end only (full-text search
is FTS5 in SQLite and a tsvector with a GIN index in PostgreSQL). Migrations are applied in
number order, each in its own transaction, and recorded in ``schema_migrations``.
Never edit a migration that has landed: add a new one.

Numbers are reserved per pipeline stage so parallel work does not collide:
0001-0009 core (ingest), 0010-0019 clean/dedup, 0020-0029 enrich, 0030-0039 stories and
timelines, 0040-0049 events, 0050-0059 web/watch.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass

_NAME = re.compile(r"^m(\d{4})_(\w+)$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: tuple[str, ...]
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]

    def statements(self, dialect: str, tokens: dict[str, str]) -> list[str]:
        own = self.sqlite if dialect == "sqlite" else self.postgres
        return [s.format(**tokens) for s in (*self.sql, *own)]


def all_migrations() -> list[Migration]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        m = _NAME.match(info.name)
        if not m:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.append(
            Migration(
                number=int(m.group(1)),
                name=m.group(2),
                sql=tuple(getattr(module, "SQL", ())),
                sqlite=tuple(getattr(module, "SQLITE", ())),
                postgres=tuple(getattr(module, "POSTGRES", ())),
            )
        )
    found.sort(key=lambda mig: mig.number)
    numbers = [mig.number for mig in found]
    if len(numbers) != len(set(numbers)):
        raise RuntimeError(f"two migrations share a number: {numbers}")
    return found
