"""The entities canonical resolution builds, and their indexes.

A :class:`Cluster` is one entity while it is being built: its key, the name forms, labels
and roles seen, the stories it appears in. :class:`ClusterStore` holds the clusters, the
indexes the rules in :mod:`storyline.canonical` look them up by (key, surname, first name,
first word, initials, role, name form) and the redirects left by merges, and saves and loads
them as a JSON-safe state. Given a store, it keeps all of that in the store instead of in
memory (:mod:`storyline.canonical_index`), read per batch and written back by :meth:`flush`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .canonical_index import StoredGroups, StoredMap, bump_generation, read_generation, set_codec, text_codec
from .canonical_names import display_alias, initials, skeleton
from .canonical_types import form_initials
from .records import stable_id

if TYPE_CHECKING:
    from .store import Store

__all__ = ["Cluster", "ClusterStore"]


@dataclass
class Cluster:
    """One entity being built: its key, the forms and labels seen, and where."""

    id: str
    cls: str
    key: str
    forms: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    mentions: int = 0
    gender: str = ""
    groups: set = field(default_factory=set)
    short: bool = False  # a surname that could not be resolved to a full name
    keys: set = field(default_factory=set)  # every key resolved to this entity
    typed: Counter = field(default_factory=Counter)  # labels that came with evidence
    roles: Counter = field(default_factory=Counter)  # "role|qualifier" from titles

    def to_dict(self, groups: bool = True) -> dict:
        """JSON-safe; without ``groups`` when the store keeps them (``name_groups``)."""
        return {
            "id": self.id, "cls": self.cls, "key": self.key, "forms": dict(self.forms),
            "labels": dict(self.labels), "mentions": self.mentions, "gender": self.gender,
            "groups": sorted(self.groups) if groups else [], "short": self.short,
            "keys": sorted(self.keys), "typed": dict(self.typed), "roles": dict(self.roles),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Cluster:
        return cls(d["id"], d["cls"], d["key"], Counter(d["forms"]), Counter(d["labels"]),
                   d["mentions"], d["gender"], set(d["groups"]), d["short"], set(d["keys"]),
                   Counter(d.get("typed", {})), Counter(d.get("roles", {})))

    @property
    def full_person(self) -> bool:
        return self.cls == "per" and not self.short and " " in self.key

    @property
    def person_evidence(self) -> bool:
        """An honorific, a title or a role said this is a person."""
        return bool(self.gender or self.roles or self.typed.get("PERSON"))


class ClusterStore:
    """Clusters by id, their indexes, and the redirects of merged ids: in dicts, or with
    ``store`` in the store's ``name_index`` and ``name_groups`` tables (same rules either way)."""

    def __init__(self, store: Store | None = None, keep: int = 0) -> None:
        self._store, self._keep = store, keep
        self._generation = -1  # the name index's generation this process last wrote or saw
        self._clusters: dict[str, Cluster] = self._map("clusters", "cluster")
        self._redirects: dict[str, str] = self._map("redirects", "text")
        self._keys: dict[tuple[str, str, str], str] = self._map("keys", "text")  # (cls, key, scope) -> id
        self._by_key: dict[str, set[str]] = self._map("by_key")      # key -> ids of every class
        self._surnames: dict[str, set[str]] = self._map("surnames")  # surname -> full person ids
        self._firsts: dict[str, set[str]] = self._map("firsts")      # first name -> full person ids
        self._heads: dict[tuple[str, str], set[str]] = self._map("heads")  # (cls, first token) -> ids
        self._acronyms: dict[tuple[str, str], set[str]] = self._map("acronyms")  # (cls, initials) -> ids
        self._roles: dict[str, set[str]] = self._map("roles")        # role phrase -> person ids
        self._names: dict[str, set[str]] = self._map("names")        # name form -> ids (candidates)
        self.merged: list[str] = []  # ids merged away since the last take_merged()

    def _map(self, kind: str, values: str = "set") -> Any:
        if self._store is None:
            return {}
        codec = {"set": set_codec, "text": text_codec, "cluster": self._cluster_codec}[values]()
        return StoredMap(self._store, kind, codec, self._keep)

    def _cluster_codec(self) -> tuple:
        def decode(raw: str) -> Cluster:
            c = Cluster.from_dict(json.loads(raw))
            c.groups = self._groups_of(c.id, ())
            return c

        return (lambda c: json.dumps(c.to_dict(groups=False), ensure_ascii=False, separators=(",", ":"))), decode

    def _groups_of(self, cid: str, groups: Iterable[str]) -> Any:
        """A new cluster's set of stories: a set, or rows of ``name_groups`` with a store."""
        if self._store is None:
            return set(groups)
        stored = StoredGroups(self._store, cid)
        stored |= list(groups)
        return stored

    def begin(self) -> None:
        """Start a batch (inside its transaction): drop what is held if another process has
        written the name index since this one last did. A no-op in memory."""
        if self._store is not None:
            now = read_generation(self._store)
            if now != self._generation:
                self.forget()
                self._generation = now

    def flush(self) -> None:
        """Write what this batch changed to the store, keeping a bounded cache of the rest
        (a no-op in memory). Call inside the batch's transaction."""
        if self._store is not None:
            added = [row for c in self._clusters.held() for row in c.groups.take_added()]
            self._store.executemany("INSERT INTO name_groups (entity, grp) VALUES (?, ?) ON CONFLICT DO NOTHING",
                                    sorted(added))
            for m in self._maps():
                m.flush()
            for c in self._clusters.held():
                c.groups.settle()
            self._generation = bump_generation(self._store)

    def forget(self) -> None:
        """Drop what is held of the store without writing it (the transaction rolled back,
        or another process wrote the index)."""
        if self._store is not None:
            for m in self._maps():
                m.forget()
            self._generation = -1

    def _maps(self) -> list[Any]:
        return [self._clusters, self._redirects, self._keys, self._by_key, self._surnames, self._firsts,
                self._heads, self._acronyms, self._roles, self._names]

    @property
    def remote(self) -> bool:
        """Whether the index lives on a database server (PostgreSQL), where each lookup is a
        round trip and reading a batch's entries ahead (:meth:`prefetch_entries`) pays."""
        return self._store is not None and self._store.dialect == "postgresql"

    def prefetch_entries(self, want: dict[str, set], ids: Iterable[str] = ()) -> None:
        """Read in a few queries the index entries named in ``want`` (index name -> its
        keys: ``keys``, ``by_key``, ``surnames``, ``firsts``, ``heads``, ``acronyms``,
        ``roles``, ``names``), then the clusters and redirects of the ids they hold and of
        ``ids``. Changes no result; a no-op in memory."""
        if self._store is None:
            return
        maps = {"keys": self._keys, "by_key": self._by_key, "surnames": self._surnames, "firsts": self._firsts,
                "heads": self._heads, "acronyms": self._acronyms, "roles": self._roles, "names": self._names}
        found_ids: set[str] = set(ids)
        for kind, keys in want.items():
            maps[kind].prefetch(keys)
            for key in keys:
                found = maps[kind].get(key)
                if found:
                    found_ids.update([found] if isinstance(found, str) else found)
        self._clusters.prefetch(found_ids)
        self._redirects.prefetch(found_ids)

    def take_merged(self) -> list[str]:
        """The ids merged away since the last call (the rows naming them need re-pointing)."""
        merged, self.merged = self.merged, []
        return merged


    def discount(self, counts: dict[str, int]) -> None:
        """Take back mentions counted for entities (``entity id -> mentions``) whose articles
        are being resolved again: an article enriched anew (its lines re-marked by clean, or
        a new version of its page) would otherwise count its mentions twice. Only the mention
        count: the forms and labels seen stay as a history of what was written."""
        for eid, n in counts.items():
            c = self._clusters.get(self.canonical_id(eid))
            if c is not None:
                c.mentions = max(0, c.mentions - n)

    def canonical_id(self, entity_id: str) -> str:
        """The current id of an entity (follows merges); ``""`` stays ``""``."""
        if not entity_id or entity_id in self._clusters:
            return entity_id  # a live entity was never merged away (a merge deletes it)
        seen = 0
        while entity_id in self._redirects and seen < 100:  # a cycle guard; chains are 1-2 long
            entity_id = self._redirects[entity_id]
            seen += 1
        return entity_id

    def state(self, version: int) -> dict:
        """The JSON-safe state: clusters, redirects and the key table (sorted, so the same
        state reads the same whether it was held in memory or in the store)."""
        return {
            "version": version,
            "clusters": sorted((c.to_dict() for c in self._clusters.values()), key=lambda d: d["id"]),
            "redirects": dict(sorted(self._redirects.items())),
            "keys": sorted([cls, key, scope, i] for (cls, key, scope), i in self._keys.items()),
        }

    def load(self, state: dict) -> None:
        """Restore :meth:`state` output (missing fields of older versions stay empty)."""
        for old, new in state.get("redirects", {}).items():
            self._redirects[old] = new
        for d in state.get("clusters", []):
            c = Cluster.from_dict(d)
            c.groups = self._groups_of(c.id, c.groups)
            self._clusters[c.id] = c
            self._index(c)
        for cls_, key, scope, i in state.get("keys", []):
            self._keys[(cls_, key, scope)] = i
            self._by_key.setdefault(key, set()).add(i)

    def _new(self, cls: str, key: str, scope: str = "", short: bool = False) -> Cluster:
        cid = stable_id(cls, key, scope)
        salt = 0
        while cid in self._clusters or cid in self._redirects:  # key reused after a merge
            salt += 1
            cid = stable_id(cls, key, scope, str(salt))
        c = Cluster(cid, cls, key, short=short, groups=self._groups_of(cid, ()))
        self._clusters[cid] = c
        self._keys[(cls, key, scope)] = cid
        self._by_key.setdefault(key, set()).add(cid)
        self._index(c)
        return c

    def _index(self, c: Cluster) -> None:
        tokens = c.key.split()
        if c.full_person:
            self._surnames.setdefault(tokens[-1], set()).add(c.id)
            self._surnames.setdefault("~" + skeleton(tokens[-1]), set()).add(c.id)  # other romanisations
            self._firsts.setdefault(tokens[0], set()).add(c.id)
        if c.cls != "per":
            self._heads.setdefault((c.cls, tokens[0]), set()).add(c.id)
            for acro in {initials(c.key), *map(form_initials, c.forms)}:  # "AIG" of "American International Group Inc"
                if acro:
                    self._acronyms.setdefault((c.cls, acro), set()).add(c.id)
        for key in c.keys | {c.key}:
            self._by_key.setdefault(key, set()).add(c.id)
        for entry in c.roles:
            self._roles.setdefault(entry.partition("|")[0], set()).add(c.id)
        for form in (*c.forms, c.key, display_alias(c.key)):
            if form:
                self._names.setdefault(form, set()).add(c.id)

    def unindex_person(self, c: Cluster) -> None:
        """Take a full person's name out of the surname and first-name indexes (the label
        vote made it a body or a place: no one's surname any more)."""
        tokens = c.key.split()
        self._surnames.get(tokens[-1], set()).discard(c.id)
        self._surnames.get("~" + skeleton(tokens[-1]), set()).discard(c.id)
        self._firsts.get(tokens[0], set()).discard(c.id)

    def _live(self, ids: Iterable[str]) -> set[str]:
        return {i for i in map(self.canonical_id, ids) if i in self._clusters}


    def _remember(self, cls: str, key: str, cid: str) -> str:
        self._keys[(cls, key, "")] = cid
        return cid

    def _local(self, ids: set[str], group: str) -> set[str]:
        """The ids seen in ``group`` when there are any, else all of them."""
        if group:
            local = {i for i in ids if group in self._clusters[i].groups}
            if local:
                return local
        return ids


    def _merge(self, src: Cluster, dst: Cluster) -> None:
        dst.forms.update(src.forms)
        dst.labels.update(src.labels)
        dst.mentions += src.mentions
        dst.groups |= src.groups
        dst.keys |= src.keys
        dst.typed.update(src.typed)
        dst.roles.update(src.roles)
        for key in src.keys:
            self._by_key.setdefault(key, set()).add(dst.id)
        if src.gender and dst.gender != src.gender:
            dst.gender = src.gender if not dst.gender else "x"
        self._redirects[src.id] = dst.id
        del self._clusters[src.id]
        src.groups.clear()
        self.merged.append(src.id)
