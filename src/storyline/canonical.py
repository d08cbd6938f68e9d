"""Cross-document canonical names: one entity, one name, across the whole corpus.

:class:`NameResolver` is incremental: the enrich stage feeds it each article's mentions
(``add``), persists its state (``to_state``/``from_state``, a JSON-safe dict) and adds new
articles later without recomputing the corpus. Rules, in order:

1. Every mention is reduced to its name and key (:mod:`storyline.canonical_names`): case,
   diacritics, honorifics, titles, possessives, dots in acronyms and company suffixes go;
   common aliases (``U.S.`` = ``United States``, ``Nato`` = ``NATO``) are mapped.
2. The same key in the same class (people / organisations / places / groups) is the same
   entity.
3. People: a surname-only mention (``Biden``, ``Mr Biden``) joins the one full name with that
   surname in its story (``group``), else in the corpus; with two candidates (two people
   sharing a surname) it is left alone, unless an honorific's gender settles it. Full names
   with the same surname merge when the first names agree (``Joe``/``Joseph``, ``J.``) and,
   with rapidfuzz, when one spelling differs slightly under the same first name.
4. Organisations: a shorter name joins the one longer name it begins (``Northrop`` ->
   ``Northrop Grumman``); an acronym joins the one name whose initials it is (``GAO``); a
   bracketed alias (``the United States Air Force (USAF)``) links the two.

Entity ids are derived from the class and key of the entity's first form (and the story for
a surname that could not be resolved), so the same input gives the same ids. When a later
mention shows that two entities are one (``Biden`` seen before ``Joe Biden``), the younger
is merged into the other and its id redirects: :meth:`NameResolver.canonical_id`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from .canonical_names import NameParts, core_name, display_alias, initials, label_class, name_key
from .records import Entity, Mention, stable_id
from .settings import DEFAULTS, Settings

__all__ = ["NameResolver", "STATE_VERSION"]

STATE_VERSION = 1

# Classes whose model labels are voted on by the corpus (see NameResolver._vote_class).
_VOTING = frozenset({"per", "org", "loc"})
_CLASS_LABEL = {"per": "PERSON", "org": "ORG", "loc": "GPE"}

# Short forms of first names (general knowledge of English names).
_NICKNAMES: dict[str, str] = {
    "joe": "joseph", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
    "bobby": "robert", "mike": "michael", "tom": "thomas", "jim": "james", "jimmy": "james",
    "dick": "richard", "rick": "richard", "liz": "elizabeth", "beth": "elizabeth",
    "tony": "anthony", "dave": "david", "steve": "stephen", "chris": "christopher",
    "dan": "daniel", "ben": "benjamin", "matt": "matthew", "nick": "nicholas",
    "alex": "alexander", "andy": "andrew", "sam": "samuel", "ted": "edward", "ed": "edward",
    "pete": "peter", "kate": "katherine", "kathy": "katherine", "jen": "jennifer",
    "jenny": "jennifer", "jeff": "jeffrey", "greg": "gregory", "larry": "lawrence",
    "jack": "john", "johnny": "john", "chuck": "charles", "charlie": "charles",
    "sasha": "alexander", "vlad": "vladimir", "sergey": "sergei", "alexei": "alexey",
}


@dataclass
class _Cluster:
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

    def to_dict(self) -> dict:
        return {
            "id": self.id, "cls": self.cls, "key": self.key, "forms": dict(self.forms),
            "labels": dict(self.labels), "mentions": self.mentions, "gender": self.gender,
            "groups": sorted(self.groups), "short": self.short, "keys": sorted(self.keys),
        }

    @classmethod
    def from_dict(cls, d: dict) -> _Cluster:
        return cls(d["id"], d["cls"], d["key"], Counter(d["forms"]), Counter(d["labels"]),
                   d["mentions"], d["gender"], set(d["groups"]), d["short"], set(d["keys"]))


class NameResolver:
    """Incremental cross-document name resolution (see the module docstring)."""

    def __init__(self, settings: Settings = DEFAULTS):
        self.settings = settings
        self._clusters: dict[str, _Cluster] = {}
        self._redirects: dict[str, str] = {}
        self._keys: dict[tuple[str, str, str], str] = {}  # (cls, key, scope) -> id
        self._surnames: dict[str, set[str]] = {}   # surname -> full person cluster ids
        self._firsts: dict[str, set[str]] = {}     # first name -> full person cluster ids
        self._heads: dict[tuple[str, str], set[str]] = {}  # (cls, first token) -> ids
        self._acronyms: dict[tuple[str, str], set[str]] = {}  # (cls, initials) -> ids

    # --- public API ------------------------------------------------------------------

    def add(self, mentions: Iterable[Mention], group: str | None = None) -> list[str]:
        """Resolve mentions (one article's, usually); returns an entity id per mention
        (``""`` for a mention with no usable name). ``group``: the story the article is in."""
        ids = []
        for mention in mentions:
            try:
                ids.append(self._add_one(mention, group or ""))
            except (AttributeError, TypeError, ValueError):
                ids.append("")  # a malformed mention is skipped, never fatal
        return [self.canonical_id(i) for i in ids]

    def assign(self, mentions: Sequence[Mention], group: str | None = None) -> list[Mention]:
        """Like :meth:`add`, returning the mentions with ``entity_id`` filled in."""
        ids = self.add(mentions, group)
        return [m.replace(entity_id=i) for m, i in zip(mentions, ids)]

    def canonical_id(self, entity_id: str) -> str:
        """The current id of an entity (follows merges); ``""`` stays ``""``."""
        seen = 0
        while entity_id in self._redirects and seen < 100:  # a cycle guard; chains are 1-2 long
            entity_id = self._redirects[entity_id]
            seen += 1
        return entity_id

    def entities(self) -> list[Entity]:
        """Every entity: canonical name, majority label, variants (most used first),
        mention count; sorted by mention count, then name."""
        out = [self._entity(c) for c in self._clusters.values()]
        return sorted(out, key=lambda e: (-e.mentions, e.name, e.id))

    def entity(self, entity_id: str) -> Entity | None:
        """The entity an id (or a merged-away id) now belongs to, or None."""
        c = self._clusters.get(self.canonical_id(entity_id))
        return self._entity(c) if c else None

    def to_state(self) -> dict:
        """JSON-safe state; :meth:`from_state` restores a resolver that continues exactly."""
        return {
            "version": STATE_VERSION,
            "clusters": [c.to_dict() for c in self._clusters.values()],
            "redirects": dict(self._redirects),
            "keys": [[cls, key, scope, i] for (cls, key, scope), i in self._keys.items()],
        }

    @classmethod
    def from_state(cls, state: dict, settings: Settings = DEFAULTS) -> NameResolver:
        """A resolver continuing from :meth:`to_state` output."""
        r = cls(settings)
        r._redirects = dict(state.get("redirects", {}))
        for d in state.get("clusters", []):
            c = _Cluster.from_dict(d)
            r._clusters[c.id] = c
            r._index(c)
        for cls_, key, scope, i in state.get("keys", []):
            r._keys[(cls_, key, scope)] = i
        return r

    # --- resolution ------------------------------------------------------------------

    def _add_one(self, mention: Mention, group: str) -> str:
        label = mention.label
        limit = self.settings["entities.max_mention_chars"]
        parts = core_name(mention.span.text[: limit * 4], label)
        cls = label_class(label)
        key = name_key(parts.name, label)
        if not key or len(parts.name) > limit:
            return ""
        cls, parts, key = self._vote_class(mention.span.text, cls, parts, key, group)
        if cls == "per":
            cid = self._resolve_person(key, parts, group)
        else:
            cid = self._resolve_other(cls, key, parts, group)
        c = self._clusters[cid]
        c.keys.add(key)
        c.forms[parts.name] += 1
        c.labels[label] += 1
        c.mentions += 1
        if parts.gender and c.gender != parts.gender:
            c.gender = parts.gender if not c.gender else "x"  # "x": conflicting honorifics
        if group and group not in c.groups:
            c.groups.add(group)
        if parts.alias:
            self._link_alias(c, parts.alias, label)
        return c.id

    def _vote_class(self, text: str, cls: str, parts: NameParts, key: str, group: str):
        """Correct a model label by what the corpus already knows: a name unknown in its own
        class but known in exactly one other class (``Jobs`` tagged ORG, with ``Steve
        Jobs`` a known person; ``Cisco`` tagged GPE, a known organisation) joins that class."""
        if not self.settings["entities.vote_labels"] or cls not in _VOTING or (cls, key, "") in self._keys:
            return cls, parts, key
        options = []
        for other in _VOTING - {cls}:
            oparts = core_name(text, _CLASS_LABEL[other])
            okey = name_key(oparts.name, _CLASS_LABEL[other])
            if not okey:
                continue
            if (other, okey, "") in self._keys:
                options.append((other, oparts, okey))
            elif other == "per" and " " not in okey and len(self._candidates(okey, oparts.gender, group)) == 1:
                options.append((other, oparts, okey))
        return options[0] if len(options) == 1 else (cls, parts, key)

    def _new(self, cls: str, key: str, scope: str = "", short: bool = False) -> _Cluster:
        cid = stable_id(cls, key, scope)
        salt = 0
        while cid in self._clusters or cid in self._redirects:  # key reused after a merge
            salt += 1
            cid = stable_id(cls, key, scope, str(salt))
        c = _Cluster(cid, cls, key, short=short)
        self._clusters[cid] = c
        self._keys[(cls, key, scope)] = cid
        self._index(c)
        return c

    def _index(self, c: _Cluster) -> None:
        tokens = c.key.split()
        if c.cls == "per" and not c.short and len(tokens) > 1:
            self._surnames.setdefault(tokens[-1], set()).add(c.id)
            self._firsts.setdefault(tokens[0], set()).add(c.id)
        if c.cls != "per":
            self._heads.setdefault((c.cls, tokens[0]), set()).add(c.id)
            acro = initials(c.key)
            if acro:
                self._acronyms.setdefault((c.cls, acro), set()).add(c.id)

    def _live(self, ids: Iterable[str]) -> set[str]:
        return {self.canonical_id(i) for i in ids} & self._clusters.keys()

    def _resolve_person(self, key: str, parts: NameParts, group: str) -> str:
        tokens = key.split()
        if len(tokens) == 1:
            return self._resolve_surname(key, parts.gender, group)
        known = self._keys.get(("per", key, ""))
        if known:
            return self.canonical_id(known)
        match = self._same_person(tokens, parts.gender)
        if match:
            self._keys[("per", key, "")] = match
            return match
        c = self._new("per", key)
        self._absorb_surnames(c, tokens[-1], group)
        return c.id

    def _same_person(self, tokens: list[str], gender: str) -> str:
        """A full-name cluster that is surely this person (nickname, initial, spelling)."""
        first, last = tokens[0], tokens[-1]
        found = set()
        for cid in self._live(self._surnames.get(last, ())):
            other = self._clusters[cid].key.split()
            if _same_first(first, other[0]) and _gender_ok(self._clusters[cid].gender, gender):
                found.add(cid)
        if not found:
            limit = self.settings["entities.fuzzy_ratio"]
            for cid in self._live(self._firsts.get(first, ())):
                other = self._clusters[cid].key.split()
                # Short surnames (Li/Le, Kim/Kin) differ in one letter and are different names.
                if len(last) >= 5 and other[-1][:1] == last[:1] and ratio(other[-1], last) >= limit:
                    found.add(cid)
        return found.pop() if len(found) == 1 else ""

    def _candidates(self, surname: str, gender: str, group: str) -> set[str]:
        ids = {
            cid for cid in self._live(self._surnames.get(surname, ()))
            if _gender_ok(self._clusters[cid].gender, gender)
        }
        if group:
            local = {cid for cid in ids if group in self._clusters[cid].groups}
            if local:
                return local
        return ids

    def _resolve_surname(self, surname: str, gender: str, group: str) -> str:
        found = self._candidates(surname, gender, group)
        if len(found) == 1:
            return found.pop()
        scope = group if group else ""
        known = self._keys.get(("per", surname, scope))
        if known and self.canonical_id(known) in self._clusters:
            c = self._clusters[self.canonical_id(known)]
            if c.short or not found:
                return c.id
        return self._new("per", surname, scope, short=True).id

    def _absorb_surnames(self, full: _Cluster, surname: str, group: str) -> None:
        """Merge earlier unresolved surname-only clusters that this full name now explains."""
        for scope in ([group] if group else []) + [""]:
            sid = self._keys.get(("per", surname, scope))
            if not sid or sid not in self._clusters or not self._clusters[sid].short:
                continue
            short = self._clusters[sid]
            rivals = self._candidates(surname, short.gender, scope) - {full.id}
            if not rivals and _gender_ok(full.gender, short.gender):
                self._merge(short, full)

    def _resolve_other(self, cls: str, key: str, parts: NameParts, group: str) -> str:
        known = self._keys.get((cls, key, ""))
        if known and self.canonical_id(known) in self._clusters:
            return self.canonical_id(known)
        tokens = key.split()
        name = parts.name.replace(".", "")
        # Acronyms in news are 2-6 capitals (UN, GAO, NASDAQ); longer all-caps is shouting.
        if len(tokens) == 1 and 2 <= len(name) <= 6 and name.isupper():
            hits = self._local(self._live(self._acronyms.get((cls, key), ())), group)
            if len(hits) == 1:
                return self._remember(cls, key, hits.pop())
        if cls == "org":
            hit = self._prefix_match(cls, tokens, group)
            if hit:
                return self._remember(cls, key, hit)
        c = self._new(cls, key)
        acro = initials(key)
        # Backwards (acronym seen first) only from 3 letters: two-letter initials collide.
        aid = self.canonical_id(self._keys.get((cls, acro, ""), "")) if len(acro) >= 3 else ""
        if aid in self._clusters and aid != c.id:
            earlier = self._clusters[aid]
            if earlier.forms and all(f.replace(".", "").isupper() for f in earlier.forms):
                self._merge(earlier, c)  # "GAO" seen before "Government Accountability Office"
        return c.id

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

    def _prefix_match(self, cls: str, tokens: list[str], group: str) -> str:
        """The one organisation this name begins (or that begins this name)."""
        ids = self._live(self._heads.get((cls, tokens[0]), ()))
        longer, shorter = set(), []
        for cid in ids:
            other = self._clusters[cid].key.split()
            if len(other) > len(tokens) and other[: len(tokens)] == tokens:
                longer.add(cid)
            elif len(other) < len(tokens) and tokens[: len(other)] == other:
                shorter.append((len(other), cid))
        longer = self._local(longer, group)
        if len(longer) == 1:
            return longer.pop()
        for _, cid in sorted(shorter, reverse=True):
            if not longer and not self._has_other_extension(self._clusters[cid], tokens):
                return cid
        return ""

    def _has_other_extension(self, c: _Cluster, tokens: list[str]) -> bool:
        """Has ``c`` (``Apple``) already absorbed a longer name (``Apple Computer``) that is
        not compatible with ``tokens`` (``Apple Corps``)? Then ``tokens`` is ambiguous."""
        base = c.key.split()
        for key in c.keys:
            other = key.split()
            if len(other) > len(base) and other[: len(base)] == base:
                n = min(len(other), len(tokens))
                if [_singular(t) for t in other[:n]] != [_singular(t) for t in tokens[:n]]:
                    return True
        return False

    def _link_alias(self, c: _Cluster, alias: str, label: str) -> None:
        """``X (Y)``: Y names the same entity as X."""
        akey = name_key(alias, label)
        if not akey or akey == c.key:
            return
        other = self._keys.get((c.cls, akey, ""))
        if other and self.canonical_id(other) in self._clusters and self.canonical_id(other) != c.id:
            self._merge(self._clusters[self.canonical_id(other)], c)
        else:
            self._keys[(c.cls, akey, "")] = c.id

    def _merge(self, src: _Cluster, dst: _Cluster) -> None:
        dst.forms.update(src.forms)
        dst.labels.update(src.labels)
        dst.mentions += src.mentions
        dst.groups |= src.groups
        dst.keys |= src.keys
        if src.gender and dst.gender != src.gender:
            dst.gender = src.gender if not dst.gender else "x"
        self._redirects[src.id] = dst.id
        del self._clusters[src.id]

    def _entity(self, c: _Cluster) -> Entity:
        label = sorted(c.labels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if c.labels else ""
        return Entity(c.id, self._canonical_name(c), label,
                      tuple(f for f, _ in sorted(c.forms.items(), key=lambda kv: (-kv[1], kv[0]))),
                      c.mentions)

    def _canonical_name(self, c: _Cluster) -> str:
        """The fullest common form: most words among the forms used at least
        ``entities.canonical_min_share`` as often as the most used one."""
        alias = display_alias(c.key)
        if alias:
            return alias
        if not c.forms:
            return c.key
        top = max(c.forms.values())
        share = self.settings["entities.canonical_min_share"]
        common = [(f, n) for f, n in c.forms.items() if n >= share * top]
        return sorted(common, key=lambda fn: (-len(fn[0].split()), -fn[1], fn[0]))[0][0]


def _same_first(a: str, b: str) -> bool:
    """First names that can be the same person: equal, an initial, or a known short form."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return _NICKNAMES.get(a, a) == _NICKNAMES.get(b, b)


def _singular(token: str) -> str:
    """``computers`` -> ``computer``: a stripped possessive or a plural is the same word."""
    # Longer than 3 letters: "bus", "gas", "ups" are not plurals of "bu", "ga", "up".
    return token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token


def _gender_ok(a: str, b: str) -> bool:
    return not a or not b or a == b or "x" in (a, b)
