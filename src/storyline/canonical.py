"""Cross-document canonical names: one entity, one name, across the whole corpus.

:class:`NameResolver` is incremental: the enrich stage feeds it each article's mentions
(``add``) and adds new articles later without recomputing the corpus. Its state lives in
memory (``to_state``/``from_state``: a JSON-safe dict), or, given a store, in the store's
name index, read per batch and written back by ``flush`` (:mod:`storyline.canonical_index`),
so the enrich writer's memory does not grow with the number of entities. Rules, in order:

1. Every mention is reduced to its name and key (:mod:`storyline.canonical_names`): case,
   diacritics, honorifics, titles, possessives, dots in acronyms and company suffixes go;
   common aliases (``U.S.`` = ``United States``, ``Nato`` = ``NATO``) are mapped.
2. The same key in the same class (people / organisations / places / groups) is the same
   entity.
3. People (:mod:`storyline.canonical_person_names`): a surname-only mention (``Biden``, ``Mr
   Biden``) joins the one full name with that surname in its story (``group``), else in the
   corpus, unless two people share it and nothing settles which; a one-word name that no one
   has as a surname is the one person of its story whose name begins with it (``Mr Ban``,
   ``Bashar``); full names with the same surname merge when the first names agree or one
   spelling differs slightly. A country or company written before a full name with no title
   word between (``United States Barack Obama``, ``Chrysler LLC Jim Press``) is moved to the
   title. A mention that is only a role (``Prime Minister of Canada``, ``the foreign
   minister`` found by :mod:`storyline.nlp.mention_roles`) joins the person it stands next
   to in apposition, or the one person the article gives that role, or, with its body
   written, the one person of the story holding the role there; else no one
   (:mod:`storyline.canonical_people`).
4. Organisations (:mod:`storyline.canonical_organisations`): a shorter name joins the one
   longer name it begins (``Northrop`` -> ``Northrop Grumman``); an acronym joins the one name
   whose initials it is; a bracketed alias links the two; a country's body named without the
   country is the article's one; a bare word that begins a name the article writes as a
   company's (``Ford`` beside ``Ford Motor Co``) is the company. A state's ministry written
   ``X Ministry`` or ``Ministry of X`` is one body, and one per state when the article writes
   the state in the name or as its owner (:mod:`storyline.canonical_ministries`).
5. One name, one entity, whatever the model's label (``entities.vote_labels``): a name
   already known as a place, organisation or group joins that entity when labelled
   otherwise (``Arnholt`` tagged PERSON in one sentence, NORP in another); a bare surname
   tagged ORG joins the one person of the story with that surname, and a bare given name
   tagged ORG the one person of the article with that first name. The entity's label is
   the most common among labels with evidence (head words, context, titles:
   :mod:`storyline.canonical_types`), else among the model's, and its class follows.
6. A stripped possessive (``Northfords Ministry of Defence``, ``Hales``) of a known name is
   read as a possessive (:mod:`storyline.canonical_possessives`).

An entity's canonical name, label and variants as listed are chosen from its forms by
:mod:`storyline.canonical_display`, which never changes which entity a mention joins.

Entity ids are derived from the class and key of the entity's first form (and the story for
a surname that could not be resolved), so the same input gives the same ids. When a later
mention shows that two entities are one (``Biden`` seen before ``Joe Biden``), the younger
is merged into the other and its id redirects: :meth:`NameResolver.canonical_id`.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence

from .canonical_chambers import CHAMBER_WORD, US_HOUSE, chamber_key
from .canonical_clusters import Cluster, ClusterStore
from .canonical_display import canonical_name, cluster_label, entity_record
from .canonical_given_names import given_names
from .canonical_keys import surname_skeletons
from .canonical_ministries import ministry_slot, owned_name, stated_ministry, unwritten_state, written_owner
from .canonical_names import (
    ORG_NAMES, PLACE_NAMES, NameParts, core_name, description_prefix, display_alias, fold, initials, label_class,
    name_key, role_key,
)
from .canonical_namesakes import candidates, first_named
from .canonical_organisations import (
    acronym, article_acronym, article_body, company, company_words, institution_word, known_ministry, link_alias,
    national_body, national_form, national_suffix_key, resolve_other, shortened,
)
from .canonical_people import role_entries
from .canonical_role_holders import attach_roles
from .canonical_person_names import (
    absorb_leader_word, absorb_surnames, known_people, recurring_figure, resolve_person, resolve_surname,
)
from .canonical_possessives import restore_possessive
from .canonical_spelled_figures import SPELLED_FIGURE_CLASSES, spelled_figure
from .canonical_types import VOTING, form_initials
from .canonical_titled_names import titled_person
from .canonical_typos import slipped
from .canonical_words import PEOPLE_NOUNS
from .capitals import capital_country
from .records import CAPITAL_STATE, LEADER_CONTEXT, ROLE_EVIDENCE, Entity, Mention, stable_id
from .settings import DEFAULTS, Settings
from .store import Store

__all__ = ["NameResolver", "STATE_VERSION"]


# 2: clusters keep labels with evidence ("typed") and people's roles; version 1 states load
# with both empty.
STATE_VERSION = 2


class NameResolver(ClusterStore):
    """Incremental cross-document name resolution (see the module docstring)."""

    def __init__(self, settings: Settings = DEFAULTS, store: Store | None = None):
        super().__init__(store, settings["entities.index_cache"])
        self.settings = settings
        self._vote = bool(settings["entities.vote_labels"])
        self._given: dict[str, str] = {}  # the article's given-name references, during add()
        self._article: set[str] = set()  # the entities the article being added has named so far
        # the keys of the article's organisations and places, which a person's name may be
        # written after as an owner ("Chryslers Bob Nardelli")
        self._article_keys: set[str] = set()
        # the sentences each of those keys is written in, which tell an acronym written beside
        # a name from one written far from it (canonical_acronyms.written_apart)
        self._article_lines: dict[str, set[int]] = {}
        # the surnames the article being added writes each person's full name with
        self._spelled: dict[str, set[str]] = {}
        # the roles the article being added gives each person ("Foreign Minister Sergei
        # Lavrov"), which its role-only mentions ("the foreign minister") are read against
        self._held: dict[str, Counter] = {}

    # --- public API ------------------------------------------------------------------

    def add(self, mentions: Iterable[Mention], group: str | None = None) -> list[str]:
        """Resolve mentions (one article's, usually); returns an entity id per mention
        (``""`` for a mention with no usable name). ``group``: the story the article is in.
        Role-only mentions are resolved last, once the article's names are known."""
        mentions = list(mentions)
        ids: list[str] = [""] * len(mentions)
        pending: list[tuple[int, tuple]] = []
        self._given, deferred = given_names(self, mentions)
        # the names that the article-level rules below read: not people's full names
        named = [self._parsed(m) if label_class(m.label) != "per" or " " not in m.span.text.strip()
                 else (NameParts(""), "") for m in mentions]
        companies = company_words(self, mentions, named)
        deferred.update(dict.fromkeys(companies, False))
        self._article_lines = {}
        for m, (_, key) in zip(mentions, named):
            if key and label_class(m.label) in ("org", "loc"):
                self._article_lines.setdefault(key, set()).add(m.span.sentence_index)
        self._article_keys = set(self._article_lines)
        # a body named without its country after the country's body of that name
        deferred.update((i, False) for i, m in enumerate(mentions) if i not in deferred
                        and label_class(m.label) == "org" and national_suffix_key(self, named[i][1]))
        # an acronym after the article's full names, so that it finds the one it abbreviates,
        # and a body's head word alone ("the League", "the House") after the body's name
        deferred.update((i, False) for i, m in enumerate(mentions)
                        if i not in deferred and label_class(m.label) != "per"
                        and (acronym(m.span.text) or institution_word(named[i][1]) or named[i][1] == CHAMBER_WORD))
        self._article, self._spelled, self._held = set(), {}, {}
        order = [i for i in range(len(mentions)) if i not in deferred] + sorted(deferred)
        for i in order:
            mention = dataclasses.replace(mentions[i], label="PERSON") if deferred.get(i) else mentions[i]
            if i in companies:
                mention = dataclasses.replace(mention, label="ORG")
            try:
                cid, role = self._add_one(mention, group or "")
            except (AttributeError, TypeError, ValueError):
                cid, role = "", None  # a malformed mention is skipped, never fatal
            if role:
                pending.append((i, role))
            ids[i] = cid
            self._article.add(cid)
        self._given, self._spelled = {}, {}
        attach_roles(self, mentions, ids, pending, group or "")
        self._held = {}
        return [self.canonical_id(i) for i in ids]

    def prefetch(self, articles: Iterable[tuple[Sequence[Mention], str | None]]) -> None:
        """With a store: read in a few queries the index entries that resolving these
        articles' mentions (with their story) will look up, and the entities they name,
        instead of a query per lookup. Changes no result. Only on PostgreSQL, where a query
        is a round trip to a server; SQLite answers a lookup in microseconds, faster than
        working out what to prefetch. A no-op in memory."""
        if not self.remote:
            return
        limit = self.settings["entities.max_mention_chars"]
        want: dict[str, set] = {kind: set() for kind in ("keys", "by_key", "surnames", "firsts", "heads", "acronyms", "names")}
        new_ids: set[str] = set()
        for mentions, group in articles:
            for m in mentions:
                try:
                    parts = core_name(m.span.text[: limit * 4], m.label)
                    key = name_key(parts.name, m.label) if parts.name else ""
                except (AttributeError, TypeError, ValueError):
                    continue
                if not key:
                    continue
                cls, tokens, acro = label_class(m.label), key.split(), initials(key)
                want["names"].update(n for n in (parts.name, key, display_alias(key)) if n)
                want["by_key"].update((key, tokens[-1]))
                want["surnames"].update((key, tokens[-1], *("~" + s for s in surname_skeletons(tokens[-1]))))
                want["firsts"].add(tokens[0])
                want["heads"].add((cls, tokens[0]))
                want["acronyms"].update(((cls, key), (cls, acro)))
                slots = {(cls, key, ""), ("per", key, ""), ("per", key, group or "")}
                if cls != "per" and len(acro) >= 3:
                    slots.add((cls, acro, ""))
                want["keys"].update(slots)
                new_ids.update(stable_id(*slot) for slot in slots)  # the ids a new entity would get
        self.prefetch_entries(want, new_ids)

    def assign(self, mentions: Sequence[Mention], group: str | None = None) -> list[Mention]:
        """Like :meth:`add`, returning the mentions with ``entity_id`` filled in. A role
        reference that names no one (``the foreign minister`` of two, or of none) is left out:
        it is no name, and as the longest mention of a speaker or an actor it would hide the
        body written in it (``Northfords prime minister``: Northford) from their links."""
        ids = self.add(mentions, group)
        return [m.replace(entity_id=i) for m, i in zip(mentions, ids) if i or m.evidence not in ROLE_EVIDENCE]

    def entities(self) -> list[Entity]:
        """Every entity: canonical name, label (see rule 5), variants (most used first),
        mention count; sorted by mention count, then name."""
        out = [entity_record(c, self._share) for c in self._clusters.values()]
        return sorted(out, key=lambda e: (-e.mentions, e.name, e.id))

    def entity(self, entity_id: str) -> Entity | None:
        """The entity an id (or a merged-away id) now belongs to, or None."""
        c = self._clusters.get(self.canonical_id(entity_id))
        return entity_record(c, self._share) if c else None

    def article_spellings(self) -> dict[str, set[str]]:
        """The surnames the article being added writes each person's full name with so far,
        by entity id (empty outside :meth:`add`)."""
        return {self.canonical_id(cid): surnames for cid, surnames in self._spelled.items()}

    def gender(self, entity_id: str) -> str:
        """The gender an entity's honorifics state: ``m``, ``f``, ``x`` (both) or ``""``."""
        c = self._clusters.get(self.canonical_id(entity_id))
        return c.gender if c else ""

    def named(self, text: str) -> str:
        """The one entity whose canonical name or one of whose forms is ``text``, else ``""``
        (two entities with that form: ambiguous, no one)."""
        found = {i for i in self._live(self._names.get(text, ()))
                 if text in self._clusters[i].forms or text == self._canonical_name(self._clusters[i])}
        return found.pop() if len(found) == 1 else ""

    def to_state(self) -> dict:
        """JSON-safe state; :meth:`from_state` restores a resolver that continues exactly."""
        return self.state(STATE_VERSION)

    @classmethod
    def from_state(cls, state: dict, settings: Settings = DEFAULTS, store: Store | None = None) -> NameResolver:
        """A resolver continuing from :meth:`to_state` output (this version's or version 1's);
        with ``store``, written into the store's name index at the next :meth:`flush`."""
        r = cls(settings, store)
        r.load(state)
        return r

    # --- one mention -----------------------------------------------------------------

    def _add_one(self, mention: Mention, group: str) -> tuple[str, tuple | None]:
        """(entity id, None), or ("", role) for a person mention that is only a role."""
        if getattr(mention, "evidence", "") in ROLE_EVIDENCE:  # "the foreign minister": no name
            roles, qual = role_key(mention.title or mention.span.text)
            return "", ((roles, qual, "PERSON") if roles else None)
        label = mention.label
        limit = self.settings["entities.max_mention_chars"]
        text, evidence = mention.span.text[: limit * 4], getattr(mention, "evidence", "")
        if evidence == CAPITAL_STATE:  # "the Damascus government": Syria
            label, text, evidence = "GPE", capital_country(text) or text, ""
        cls = label_class(label)
        if cls in ("org", "loc") and not evidence and titled_person(self, text):
            label, cls = "PERSON", "per"  # "Field Marshal Tantawi" tagged ORG: the field marshal
        text = restore_possessive(self, text, cls)
        parts = core_name(text, label)
        if not parts.name and cls == "per" and len(text.split()) == 1:
            parts = self._title_surname(text, mention.title) or parts
        title = " ".join(t for t in (mention.title, parts.title) if t)
        roles, qual = role_key(title) if cls == "per" else (frozenset(), "")
        if not parts.name:
            return "", ((roles, qual, label) if roles else None)
        if cls == "per":
            split = self._split_description(parts)
            if split is not parts:
                parts = split
                roles, qual = role_key(" ".join(t for t in (mention.title, parts.title) if t))
        if cls == "org":  # "Northfords Ministry of Defence": the state's ministry
            parts = owned_name(self, parts, written_owner(mention.title, text, parts.name))
        key = written = name_key(parts.name, label)
        if cls == "org":  # "the House": the chamber the article names, else the US House
            key = chamber_key(self, key)
        if not key or len(parts.name) > limit:
            return "", None
        evidence = evidence or (
            "title" if cls == "per" and (parts.gender or roles or mention.title) else "")
        if evidence == LEADER_CONTEXT:  # "the Assad regime", "pro-Gadhafi forces"
            evidence = ""
            surname = name_key(parts.name, "PERSON")
            known = known_people(self, surname)
            if not known and surname.endswith("s") and len(surname) > 4:  # "Gaddafis forces": stripped possessive
                surname = surname[:-1]
                known = known_people(self, surname)
            if cls != "per" and " " not in surname and known:
                if len(known) == 1:
                    absorb_leader_word(self, surname, self._clusters[known[0]])
                label, cls, key = "PERSON", "per", surname  # a known person's surname: that person
        if cls in SPELLED_FIGURE_CLASSES and not evidence and " " not in key:
            figure = spelled_figure(self, key, cls)
            if figure:  # "riddance of Gadaffi" tagged GPE: the leader's name spelled otherwise
                label, cls, key = "PERSON", "per", figure
        # the resolver sees the whole title, "Sir" tagged outside the name too
        if cls == "per" and mention.title:
            parts = dataclasses.replace(parts, title=" ".join(t for t in (mention.title, parts.title) if t))
        cid = known_ministry(self, key, parts) if cls == "org" else ""
        if not cid:
            cid = self._resolve(cls, key, parts, group, evidence)
            slot = ministry_slot(self, key) if cls == "org" else ""
            if slot and ministry_slot(self, self._clusters[cid].key) == slot:
                self._keys[("org", slot, "")] = cid  # "Ministry of Defense" = "Defence Ministry"
        c = self._clusters[cid]
        if c.cls == "per" and cls == "per" and " " in key:
            self._spelled.setdefault(cid, set()).add(key.split()[-1])
        if c.cls == "org" and (national_form(c.key, key) or shortened(c.key, key) or unwritten_state(self, c.key, key)):
            key = c.key  # "the Air Force" is the US one in this article only, not wherever it is named
        elif slipped(self, cls, key, cid):
            key = c.key  # "Egipt" met once: the place's mention, not another key of it
        full = c.key.split()
        if c.cls == "per" and cls == "org" and " " not in key and len(full) > 1 and key in (full[0], full[-1]):
            label = "PERSON"  # "Suzanne" or "Jobs" tagged ORG, joined to the person: a person's vote, not a body's
        self._note(c, key, label, evidence, group, parts.gender)
        if written != key and key == US_HOUSE:  # "House" is known as a name ("Chatham Houses" a possessive)
            self._by_key.setdefault(written, set()).add(c.id)
        c.forms[parts.name] += 1
        self._names.setdefault(parts.name, set()).add(c.id)
        acro = form_initials(parts.name) if c.cls != "per" and c.forms[parts.name] == 1 \
            and not stated_ministry(self, c.key) else ""
        if acro and acro != initials(c.key):  # "AIG" of "American International Group Inc"
            self._acronyms.setdefault((c.cls, acro), set()).add(c.id)
        if c.cls == "per" and roles:
            self._note_roles(c, roles, qual)
        if parts.alias:
            link_alias(self, c, parts.alias, label)
        if self._vote:
            self._reclass(c)
        return c.id, None

    def _title_surname(self, word: str, title: str) -> NameParts | None:
        """A title word alone that is a surname (``King`` of Mervyn King, ``Major``): with its
        honorific tagged outside the span (``Mr. King``), or as the surname of a person the
        article names in full; else None (``the King`` of a monarchy stays a role)."""
        if title:
            parts = core_name(f"{title} {word}", "PERSON")
            return parts if parts.name else None
        named = self._live(self._surnames.get(fold(word), ())) & self._article
        return NameParts(word.strip()) if any(self._clusters[i].cls == "per" for i in named) else None

    def _note(self, c: Cluster, key: str, label: str, evidence: str, group: str, gender: str) -> None:
        c.keys.add(key)
        self._by_key.setdefault(key, set()).add(c.id)
        c.labels[label] += 1
        if evidence:
            c.typed[label] += 1
        c.mentions += 1
        if gender and c.gender != gender:
            c.gender = gender if not c.gender else "x"  # "x": conflicting honorifics
        if group:
            c.groups.add(group)

    def _note_roles(self, c: Cluster, roles: Iterable[str], qual: str) -> None:
        held = self._held.setdefault(c.id, Counter())
        for entry in role_entries(roles, qual):
            c.roles[entry] += 1
            held[entry] += 1
        for r in roles:
            self._roles.setdefault(r, set()).add(c.id)

    def _split_description(self, parts: NameParts) -> NameParts:
        """Move a country or company written before a full name into the title."""
        tokens = parts.name.split()
        if len(tokens) < 3:
            return parts
        owner = fold(tokens[0])
        if owner.endswith("s") and (self._is_entity(owner[:-1]) or owner[:-1] in self._article_keys):
            # "Chryslers Bob Nardelli": a company's stripped possessive before the name
            title = " ".join([parts.title, tokens[0][:-1] + "'s"]).strip()
            return NameParts(" ".join(tokens[1:]), title, parts.alias, parts.gender)
        n = description_prefix(tokens, self._is_entity, lambda k: ("per", k, "") in self._keys)
        if not n:
            return parts
        title = " ".join([parts.title, *tokens[:n]]).strip()
        return NameParts(" ".join(tokens[n:]), title, parts.alias, parts.gender)

    def _is_entity(self, key: str) -> bool:
        """Is ``key`` a known place, organisation or group?"""
        return any(not self._clusters[i].cls == "per" for i in self._live(self._by_key.get(key, ())))

    # --- resolution ------------------------------------------------------------------

    def _parsed(self, mention: Mention) -> tuple[NameParts, str]:
        """A mention's name parts and key as its label reads them (empty when unusable)."""
        try:
            parts = core_name(mention.span.text[: self.settings["entities.max_mention_chars"] * 4], mention.label)
            return parts, name_key(parts.name, mention.label) if parts.name else ""
        except (AttributeError, TypeError, ValueError):
            return NameParts(""), ""

    def _resolve(self, cls: str, key: str, parts: NameParts, group: str, evidence: str) -> str:
        if cls == "per" and key in self._given and not parts.title:
            full = self._keys.get(("per", self._given[key], "")) if self._given[key] else ""
            if full and self.canonical_id(full) in self._clusters:
                return self.canonical_id(full)
            # two people of the article share the first name: this article's own word, not
            # the surname of someone elsewhere in the corpus
            return resolve_surname(self, key, parts.gender, group, local_only=True)
        if cls != "per" and acronym(parts.name):
            hit = article_acronym(self, cls, key)
            if hit:
                return hit
        if cls != "per":
            hit = article_body(self, key)
            if hit:
                return hit
        if cls == "org":
            hit = national_body(self, key, parts.name)
            if hit:
                return hit
        if self._vote and cls in VOTING:
            hit = self._voted(cls, key, parts, group, evidence)
            if hit:
                return hit
        if cls == "per":
            return resolve_person(self, key, parts, group)
        return resolve_other(self, cls, key, parts, group)

    def _voted(self, cls: str, key: str, parts: NameParts, group: str, evidence: str) -> str:
        """Rule 5: the entity this name already is under another label, or ``""``."""
        one_word = " " not in key
        if cls == "per":
            if evidence:
                return ""  # a title or honorific: a person, whatever else bears the name
            if not one_word:
                return "" if ("per", key, "") in self._keys else self._named(key)
            if candidates(self, key, parts.gender, group) or self._short_person(key, group) \
                    or recurring_figure(self, key, parts.gender):
                return ""  # the surname rules decide ("Saddam" tagged ORG once is still Saddam Hussein's)
            return self._named(key, people=False)
        own = self._keys.get((cls, key, ""))
        if own and self.canonical_id(own) in self._clusters:
            return self.canonical_id(own)
        other = self._named(key)
        if other:
            return self._remember(cls, key, other)
        if evidence:
            return ""  # its own words or context say what it is: not a person's surname
        if one_word and cls == "org" and key not in PLACE_NAMES and company(self, key):
            return ""  # "Ford" tagged ORG is Ford Motor Co, not Bill Ford's surname
        person = self._keys.get(("per", key, ""))
        if person and self.canonical_id(person) in self._clusters and not one_word:
            return self.canonical_id(person)  # "Steve Jobs" tagged ORG
        if one_word:
            found = candidates(self, key, "", group)
            if group:
                found = {i for i in found if group in self._clusters[i].groups}
            if len(found) == 1:
                return found.pop()  # "Jobs" tagged ORG, with Steve Jobs in the story
            named = first_named(self, key, "") & self._article if cls == "org" and not found else set()
            if len(named) == 1 and key not in ORG_NAMES:
                return named.pop()  # "I agree with Tarek" tagged ORG, after Tarek Masoud in the article
        return ""

    def _named(self, key: str, people: bool = True) -> str:
        """The entity ``key`` names as a place, organisation or group (or, with ``people``,
        as a person with no evidence of one: a name the model called a person, unless it is
        a surname two people share); several such entities are merged into the largest. A
        people's noun names the group keyed by its adjective (``Kurd`` tagged a person:
        ``Kurdish``)."""
        ambiguous = bool(self._live(self._surnames.get(key, ())))
        ids = set(self._by_key.get(key, ()))
        if key in PEOPLE_NOUNS:
            ids |= set(self._by_key.get(PEOPLE_NOUNS[key], ()))
        found = [self._clusters[i] for i in self._live(ids)]
        found = [c for c in found if c.cls != "per" or people and (
            not c.person_evidence and (not c.full_person or c.key == key) and not (c.short and ambiguous))]
        if not found:
            return ""
        found.sort(key=lambda c: (-c.mentions, c.id))
        for other in found[1:]:
            self._merge(other, found[0])
        return found[0].id

    def _short_person(self, surname: str, group: str) -> bool:
        """Is there an unresolved surname in this story with evidence of a person (``Mr Holm``)?"""
        sid = self._keys.get(("per", surname, group)) or self._keys.get(("per", surname, ""))
        c = self._clusters.get(self.canonical_id(sid)) if sid else None
        return bool(c and c.cls == "per" and c.person_evidence)

    def _reclass(self, c: Cluster) -> None:
        """Let the label vote move a cluster to another class (never a person's with
        evidence; towards a person only a full name: surname rules need one)."""
        new = label_class(cluster_label(c))
        if new == c.cls or new not in VOTING or c.cls not in VOTING or new == "per" and " " not in c.key:
            return
        if c.cls == "per":
            if c.person_evidence:
                return
            self.unindex_person(c)
            c.short = False
        c.cls = new
        slot = self._keys.get((new, c.key, ""))
        if not slot or self.canonical_id(slot) not in self._clusters:
            self._keys[(new, c.key, "")] = c.id
        self._index(c)
        if new == "per":
            # "Edmond Mulet", tagged ORG the first time and PERSON since: the bare "Mr Mulet"
            # of every story is him (he had been no one's surname while counted a body)
            absorb_surnames(self, c, c.key.split()[-1], "")

    @property
    def _share(self) -> float:
        return self.settings["entities.canonical_min_share"]

    def _canonical_name(self, c: Cluster) -> str:
        """The cluster's canonical name (:func:`.canonical_display.canonical_name`)."""
        return canonical_name(c, self._share)
