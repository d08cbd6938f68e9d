"""The entities canonical resolution builds, and their indexes.

A :class:`Cluster` is one entity while it is being built: its key, the name forms, labels
and roles seen, the stories it appears in. :class:`ClusterStore` holds the clusters, the
indexes the rules in :mod:`storyline.canonical` look them up by (key, surname, first name,
first word, initials, role) and the redirects left by merges, and saves and loads them as a
JSON-safe state.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .canonical_names import initials
from .records import stable_id

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

    def to_dict(self) -> dict:
        return {
            "id": self.id, "cls": self.cls, "key": self.key, "forms": dict(self.forms),
            "labels": dict(self.labels), "mentions": self.mentions, "gender": self.gender,
            "groups": sorted(self.groups), "short": self.short, "keys": sorted(self.keys),
            "typed": dict(self.typed), "roles": dict(self.roles),
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
    """Clusters by id, their indexes, and the redirects of merged ids."""

    def __init__(self) -> None:
        self._clusters: dict[str, _Cluster] = {}
        self._redirects: dict[str, str] = {}
        self._keys: dict[tuple[str, str, str], str] = {}  # (cls, key, scope) -> id
        self._by_key: dict[str, set[str]] = {}     # key -> ids of every class
        self._surnames: dict[str, set[str]] = {}   # surname -> full person cluster ids
        self._firsts: dict[str, set[str]] = {}     # first name -> full person cluster ids
        self._heads: dict[tuple[str, str], set[str]] = {}  # (cls, first token) -> ids
        self._acronyms: dict[tuple[str, str], set[str]] = {}  # (cls, initials) -> ids
        self._roles: dict[str, set[str]] = {}      # role phrase -> person ids

    def canonical_id(self, entity_id: str) -> str:
        """The current id of an entity (follows merges); ``""`` stays ``""``."""
        seen = 0
        while entity_id in self._redirects and seen < 100:  # a cycle guard; chains are 1-2 long
            entity_id = self._redirects[entity_id]
            seen += 1
        return entity_id

    def state(self, version: int) -> dict:
        """The JSON-safe state: clusters, redirects and the key table."""
        return {
            "version": version,
            "clusters": [c.to_dict() for c in self._clusters.values()],
            "redirects": dict(self._redirects),
            "keys": [[cls, key, scope, i] for (cls, key, scope), i in self._keys.items()],
        }

    def load(self, state: dict) -> None:
        """Restore :meth:`state` output (missing fields of older versions stay empty)."""
        self._redirects = dict(state.get("redirects", {}))
        for d in state.get("clusters", []):
            c = Cluster.from_dict(d)
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
        c = Cluster(cid, cls, key, short=short)
        self._clusters[cid] = c
        self._keys[(cls, key, scope)] = cid
        self._by_key.setdefault(key, set()).add(cid)
        self._index(c)
        return c

    def _index(self, c: Cluster) -> None:
        tokens = c.key.split()
        if c.full_person:
            self._surnames.setdefault(tokens[-1], set()).add(c.id)
            self._firsts.setdefault(tokens[0], set()).add(c.id)
        if c.cls != "per":
            self._heads.setdefault((c.cls, tokens[0]), set()).add(c.id)
            acro = initials(c.key)
            if acro:
                self._acronyms.setdefault((c.cls, acro), set()).add(c.id)
        for key in c.keys | {c.key}:
            self._by_key.setdefault(key, set()).add(c.id)
        for entry in c.roles:
            self._roles.setdefault(entry.partition("|")[0], set()).add(c.id)

    def _live(self, ids: Iterable[str]) -> set[str]:
        return {self.canonical_id(i) for i in ids} & self._clusters.keys()


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
