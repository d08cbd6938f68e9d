"""The entity resolver's state kept in the store, read on demand, held for one batch.

In memory, :class:`~storyline.canonical_clusters.ClusterStore` keeps its clusters and
indexes in dicts, which grow with every distinct name the corpus has seen (measured ~4.3 KB
per entity: 1-2 GB for a month of world news). Given a store, it keeps them here instead:

- :class:`StoredMap` is a dict-like view of one of those maps, one row per entry in table
  ``name_index`` (kind, key, value as JSON). An entry is read the first time it is asked
  for and held; :meth:`StoredMap.flush`, at the end of each batch, writes back the entries
  that changed (values are compared as written, so a cluster or a set changed in place is
  seen) and keeps only the ``keep`` most recently used: the writer's memory is bounded
  whatever the corpus, and the names every batch meets are not read again.
- Another process may write the store between two batches (a second ``storyline`` run):
  every flush bumps a generation number in the store, and :func:`check_generation` at the
  start of a batch drops what is held when the number is not the one this process wrote.
- :class:`StoredGroups` stands in for a cluster's set of stories (``name_groups``), which
  for a name like ``United States`` grows with the corpus: membership is asked row by row
  and additions are written at once.

The resolver's rules do not change: they see the same mapping operations either way, and a
test replays one corpus both ways and compares every id.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any

from .store import Store

__all__ = ["GENERATION_KIND", "StoredGroups", "StoredMap", "bump_generation", "read_generation", "set_codec", "text_codec"]

_ABSENT = object()

Codec = tuple[Callable[[Any], str], Callable[[str], Any]]  # (encode, decode)


def set_codec() -> Codec:
    """Sets of ids, written sorted so an unchanged set is written the same."""
    return (lambda v: json.dumps(sorted(v), separators=(",", ":"))), (lambda raw: set(json.loads(raw)))


def text_codec() -> Codec:
    return str, str


def _key(key: Hashable) -> str:
    return json.dumps(list(key) if isinstance(key, tuple) else key, ensure_ascii=False, separators=(",", ":"))


def _unkey(raw: str) -> Hashable:
    value = json.loads(raw)
    return tuple(value) if isinstance(value, list) else value


class StoredMap:
    """One of the resolver's maps as rows of ``name_index`` of one ``kind`` (see the module
    docstring). Supports what the resolver uses: ``get``, ``in``, ``[]``, ``[] =``, ``del``,
    ``setdefault``, and whole scans (``items``, ``values``), which flush first and read every
    row: meant for exports and tests, not for the pipeline."""

    def __init__(self, store: Store, kind: str, codec: Codec, keep: int = 0):
        self.store, self.kind, self.keep = store, kind, keep
        self._encode, self._decode = codec
        self._held: dict[Hashable, Any] = {}         # key -> value, or _ABSENT; least recent first
        self._read: dict[Hashable, str | None] = {}  # key -> the row as written (None: no row)
        self._touched: set[Hashable] = set()         # asked for since the last flush: may have changed

    def _load(self, key: Hashable) -> Any:
        self._touched.add(key)
        if key in self._held:
            value = self._held.pop(key)  # re-inserted: most recently used last
            self._held[key] = value
            return value
        raw = self.store.scalar("SELECT v FROM name_index WHERE kind = ? AND k = ?", (self.kind, _key(key)))
        value = _ABSENT if raw is None else self._decode(raw)
        self._held[key], self._read[key] = value, raw
        return value

    def _rows(self, codes: list[str]) -> dict[str, str]:
        """The stored rows (encoded key -> value as written) of these encoded keys."""
        found: dict[str, str] = {}
        if self.store.dialect == "postgresql":
            # One text parameter split by the server: psycopg adapts a list element by element
            # in Python, and a placeholder per key costs planning. JSON-encoded keys never
            # contain a raw U+001F.
            for i in range(0, len(codes), 20000):
                found.update(self.store.rows(
                    "SELECT k, v FROM name_index WHERE kind = ? AND k = ANY(string_to_array(?, chr(31)))",
                    [self.kind, "\x1f".join(codes[i:i + 20000])]))
        else:
            for marks, chunk in self.store.in_chunks(codes):
                found.update(self.store.rows(f"SELECT k, v FROM name_index WHERE kind = ? AND k IN ({marks})",
                                             [self.kind, *chunk]))
        return found

    def prefetch(self, keys: Iterable[Hashable]) -> None:
        """Read these entries (those not held yet) in a few queries instead of one each, as
        if each had been asked for: absent ones are remembered as absent."""
        coded = {_key(k): k for k in set(keys) if k not in self._held}
        found = self._rows(list(coded))
        for code, key in coded.items():
            raw = found.get(code)
            self._held[key] = _ABSENT if raw is None else self._decode(raw)
            self._read[key] = raw
            self._touched.add(key)

    def found_among(self, keys: Iterable[Hashable]) -> dict[Hashable, Any]:
        """The entries among ``keys`` that exist (held ones as held), read in a few queries
        and without remembering the absent ones: a probe of hundreds of spellings, nearly all
        of which no name has, leaves the map as it was."""
        out: dict[Hashable, Any] = {}
        coded: dict[str, Hashable] = {}
        for key in keys:
            if key in self._held:
                if self._held[key] is not _ABSENT:
                    out[key] = self._held[key]
            else:
                coded[_key(key)] = key
        for code, raw in self._rows(list(coded)).items():
            out[coded[code]] = self._decode(raw)
        return out

    def get(self, key: Hashable, default: Any = None) -> Any:
        value = self._load(key)
        return default if value is _ABSENT else value

    def __contains__(self, key: Hashable) -> bool:
        return self._load(key) is not _ABSENT

    def __getitem__(self, key: Hashable) -> Any:
        value = self._load(key)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __setitem__(self, key: Hashable, value: Any) -> None:
        self._load(key)
        self._held[key] = value

    def __delitem__(self, key: Hashable) -> None:
        if self._load(key) is _ABSENT:
            raise KeyError(key)
        self._held[key] = _ABSENT

    def setdefault(self, key: Hashable, default: Any) -> Any:
        value = self._load(key)
        if value is _ABSENT:
            self._held[key] = value = default
        return value

    def flush(self) -> int:
        """Write the held entries that changed and keep the ``keep`` most recently used;
        returns the number of rows written or deleted. Call inside the batch's transaction."""
        upserts, deletes = [], []
        for key in self._touched:  # an entry not asked for since the last flush is unchanged
            value = self._held[key]
            raw = None if value is _ABSENT else self._encode(value)
            if raw == self._read[key]:
                continue
            self._read[key] = raw
            if raw is None:
                deletes.append((self.kind, _key(key)))
            else:
                upserts.append((self.kind, _key(key), raw))
        # In key order: neighbouring keys share B-tree pages, so a commit writes fewer of them.
        self.store.executemany(
            "INSERT INTO name_index (kind, k, v) VALUES (?, ?, ?) ON CONFLICT (kind, k) DO UPDATE SET v = excluded.v",
            sorted(upserts))
        self.store.executemany("DELETE FROM name_index WHERE kind = ? AND k = ?", sorted(deletes))
        self._touched.clear()
        for key in list(self._held)[: max(0, len(self._held) - self.keep)]:
            del self._held[key], self._read[key]
        return len(upserts) + len(deletes)

    def held(self) -> list[Any]:
        """The values held now (for a caller that settles their own caches after a flush)."""
        return [v for v in self._held.values() if v is not _ABSENT]

    def forget(self) -> None:
        """Drop what is held without writing it (after a rolled-back transaction)."""
        self._held.clear()
        self._read.clear()
        self._touched.clear()

    def items(self) -> Iterator[tuple[Hashable, Any]]:
        self.flush()
        for k, v in self.store.rows("SELECT k, v FROM name_index WHERE kind = ? ORDER BY k", (self.kind,)):
            yield _unkey(k), self._decode(v)

    def values(self) -> Iterator[Any]:
        return (v for _, v in self.items())


GENERATION_KIND = "_generation"  # the name_index row counting flushes (kind, key "n")
_GENERATION = (GENERATION_KIND, '"n"')


def read_generation(store: Store) -> int:
    """How many flushes the store's name index has seen (any process's)."""
    return int(store.scalar("SELECT v FROM name_index WHERE kind = ? AND k = ?", _GENERATION) or 0)


def bump_generation(store: Store) -> int:
    """Count one more flush (inside its transaction); returns the new number."""
    n = read_generation(store) + 1
    store.execute("INSERT INTO name_index (kind, k, v) VALUES (?, ?, ?) ON CONFLICT (kind, k) DO UPDATE SET v = excluded.v",
                  (*_GENERATION, str(n)))
    return n


class StoredGroups:
    """The stories an entity has been seen in, as rows of ``name_groups``: ``in`` asks the
    store (memberships seen are remembered until :meth:`settle`); ``add`` and ``|=`` (a
    merge) are written by :meth:`take_added` at the batch's flush; ``clear`` deletes at once;
    iteration and ``len`` read them all (exports, and whether a person recurs across stories)."""

    def __init__(self, store: Store, entity: str):
        self.store, self.entity = store, entity
        self._known: set[str] = set()   # members: stored, or added this batch
        self._added: set[str] = set()   # added this batch, not written yet

    def __contains__(self, group: object) -> bool:
        if group in self._known:
            return True
        if self.store.scalar("SELECT 1 FROM name_groups WHERE entity = ? AND grp = ?", (self.entity, group)):
            self._known.add(str(group))
            return True
        return False

    def add(self, group: str) -> None:
        if group not in self._known:
            self._known.add(group)
            self._added.add(group)

    def __ior__(self, other: Iterable[str]) -> StoredGroups:
        if isinstance(other, StoredGroups):
            self.store.execute(
                "INSERT INTO name_groups (entity, grp) SELECT ?, grp FROM name_groups WHERE entity = ? "
                "ON CONFLICT DO NOTHING", (self.entity, other.entity))
            self._known |= other._known
            self._added |= other._added
        else:
            for group in other:
                self.add(group)
        return self

    def clear(self) -> None:
        self.store.execute("DELETE FROM name_groups WHERE entity = ?", (self.entity,))
        self._known.clear()
        self._added.clear()

    def take_added(self) -> list[tuple[str, str]]:
        """The (entity, group) rows added since the last call, for the flush to write."""
        rows = [(self.entity, g) for g in sorted(self._added)]
        self._added.clear()
        return rows

    def settle(self) -> None:
        """Forget the memberships seen (after a flush): a name in many stories would
        otherwise remember every one of them while its cluster stays cached."""
        self._known = set(self._added)

    def __iter__(self) -> Iterator[str]:
        stored = {r[0] for r in self.store.rows("SELECT grp FROM name_groups WHERE entity = ?", (self.entity,))}
        return iter(sorted(stored | self._added))

    def __len__(self) -> int:
        """How many stories (reads them all, as iteration does): a set's answer."""
        return sum(1 for _ in self)


def found_among(mapping: Any, keys: Iterable[Hashable]) -> dict[Hashable, Any]:
    """The entries of a resolver's map (a dict in memory or a :class:`StoredMap`) among
    ``keys`` that exist, without remembering the absent ones."""
    if isinstance(mapping, StoredMap):
        return mapping.found_among(keys)
    return {k: mapping[k] for k in keys if k in mapping}
