"""Which person a person's name is: full names, surnames and given names (rule 3 of
:mod:`storyline.canonical`).

Plain functions over the resolver's clusters and indexes (:class:`~storyline.canonical.NameResolver`
calls them with itself):

* a surname-only mention (``Biden``, ``Mr Biden``) joins the one full name with that surname
  in its story (``group``), else in the corpus; with two candidates (two people sharing a
  surname) it is left alone, unless an honorific's gender or a title only one of them holds
  settles it, or one of them is named ``entities.dominant_ratio`` times as often as the
  other (news style names the lesser namesake in full); a person the same article names in
  full with another spelling of the surname is not a candidate when someone else is
  (``Mr Assad`` beside ``Riyad al-Asaad``) (:func:`resolve_surname`);
* a one-word name that no one has as a surname is the one person of its story whose name
  begins with it (``Mr Ban`` for Ban Ki-moon, ``Bashar`` for Bashar al-Assad); a knight or
  dame is called by the given name (``Sir Liam``), a royal too, never someone known only by
  other offices (``King Abdullah`` is no ``President Abdullah Gul``); a royal title's bearer
  unknown by full name is an entity of their own in the story; an article's bare given name beside the full
  name it begins is that person (:func:`.canonical_given_names.given_names`);
* a bare surname left alone is one per story when written with an honorific or title;
  written bare and borne in full by no one, it is one name across the corpus
  (``Madonna``). A new full name takes the bare surnames left alone in every story when no
  one else bears it (:func:`absorb_surnames`), and the entity a stripped possessive of it
  or a leader's word (``the Assad regime``) made before it was known
  (:func:`absorb_leader_word`);
* full names with the same surname merge when the first names agree (``Joe``/``Joseph``,
  ``J.``) and, with rapidfuzz, when one spelling differs slightly under the same first
  name, or both names are another romanisation (``Moammar Gadhafi``; the Arabic article
  fused or apart: ``Elaraby`` / ``al-Arabi``; those spelling tests are
  :mod:`storyline.canonical_spellings`); a name that drops a
  rarely used first name (``Tayyip Erdogan``) is the same person; generational suffixes
  (``Sr.``, ``Jr.``) keep father and son apart (:func:`resolve_person`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from rapidfuzz.fuzz import ratio

from .canonical_clusters import Cluster
from .canonical_keys import romanised_ratio, same_initial_sound, surname_skeletons
from .canonical_names import NameParts, fold, generation, role_key
from .canonical_namesakes import candidates, dominant, first_named
from .canonical_part_names import COMPOUND_GIVEN, same_head, same_tail
from .canonical_people import gender_ok, holds, same_first
from .canonical_spellings import article_apart, other_middle_name, same_romanisation

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = [
    "known_people", "resolve_person", "resolve_surname", "absorb_surnames",
    "absorb_leader_word", "romanised_surname", "known_given_name", "recurring_figure", "surname_as_body",
]

# Honorifics of knights and dames, who are called by their given name ("Sir Liam").
_KNIGHTED = re.compile(r"\b(?:Sir|Dame)\b", re.I)

# Royal titles, whose bearers are called by their given name too ("King Abdullah", "Prince
# Bandar"): such a name is never a surname; unknown, it is an entity of its own in the story.
_ROYAL_TITLES = "King Queen Prince Princess Emir Sultan Sheikh Sheik Pope".split()
_ROYAL = re.compile(r"\b(?:%s)\b" % "|".join(_ROYAL_TITLES), re.I)
# The roles those titles give (``role_key``): a person known only by other offices
# (``President Abdullah Gul``) is not the ``King Abdullah`` of a story.
_ROYAL_ROLES = frozenset(r for t in _ROYAL_TITLES for r in role_key(t)[0])

# A person is known for that once named in full this many times (a one-off "Ahmad Syrian" of
# a tagging slip is not): only then is a leader's name read as that person's surname.
_KNOWN_PERSON_MENTIONS = 3


def known_people(r: NameResolver, surname: str) -> list[str]:
    """People with this surname named often enough to be known (see _KNOWN_PERSON_MENTIONS)."""
    return [cid for cid in r._live(r._surnames.get(surname, ()))
            if r._clusters[cid].mentions >= _KNOWN_PERSON_MENTIONS]


def resolve_person(r: NameResolver, key: str, parts: NameParts, group: str) -> str:
    tokens = key.split()
    royal = len(tokens) == 1 and bool(_ROYAL.search(parts.title))
    if len(tokens) == 1 and (royal or _KNIGHTED.search(parts.title)):
        hit = _knight(r, key, parts.gender, group, royal)
        if hit:
            return hit
    if royal:
        slot = ("per", key, "~royal " + group)
        known = r.canonical_id(r._keys.get(slot, ""))
        return known if known in r._clusters else r._new(*slot).id
    if len(tokens) == 1:
        return resolve_surname(r, key, parts.gender, group, title=parts.title)
    gen = generation(parts.name)
    if gen:  # Robert Quill Sr. and Robert Quill Jr.: father and son, one key
        own = r.canonical_id(r._keys.get(("per", key, "~" + gen), ""))
        if own in r._clusters:
            return own
    known = r._keys.get(("per", key, ""))
    if known:
        _absorb_mononym(r, r._clusters[r.canonical_id(known)], tokens[0])
        return _generation_of(r, r.canonical_id(known), key, gen)
    joined = _joined_given_names(tokens)
    other = r._keys.get(("per", joined, "")) if joined else ""
    if other:  # "Jean Pierre Dupont" is "Jean-Pierre Dupont" (the key folds the hyphen away)
        r._keys[("per", key, "")] = other
        return _generation_of(r, r.canonical_id(other), key, gen)
    match = _same_person(r, tokens, parts.gender, gen, parts.name)
    if match and gen:
        own = _generation_of(r, match, key, gen)
        if own != match:
            return own  # the father's or son's namesake
    if match:
        r._keys[("per", key, "")] = match
        if tokens[-1] not in r._clusters[match].key.split():
            # another spelling of the surname ("Gadhafi" for "Gaddafi") finds the person too,
            # and earlier surname-only mentions in that spelling join it
            r._surnames.setdefault(tokens[-1], set()).add(match)
            absorb_surnames(r, r._clusters[match], tokens[-1], group)
        absorb_surnames(r, r._clusters[match], tokens[-1] + "s", group)
        _absorb_possessive(r, r._clusters[match], key)
        return match
    c = r._new("per", key)
    if joined:
        r._keys.setdefault(("per", joined, ""), c.id)  # and the other way round
    _absorb_given_name(r, c, tokens[0], group)
    absorb_surnames(r, c, tokens[-1], group)
    absorb_surnames(r, c, tokens[-1] + "s", group)  # "Gaddafis forces" before "Muammar Gaddafi"
    _absorb_possessive(r, c, key)
    _absorb_head(r, c, tokens)
    return c.id


def _absorb_head(r: NameResolver, person: Cluster, tokens: list[str]) -> None:
    """Merge the person a compound given name written alone made before the full name was
    seen (``Saif al-Islam``, then ``Saif al-Islam Gaddafi``), as :func:`_same_head` joins
    it once the full name is known: only when no one has its last word for a surname and
    no other full name begins with it."""
    if len(tokens) != 3:
        return
    other = _other_cluster(r, ("per", " ".join(tokens[:-1]), ""), person)
    if other is None or other.cls != "per" or other.short or not gender_ok(person.gender, other.gender) \
            or not any(COMPOUND_GIVEN.search(f) for f in other.forms):
        return
    if same_head(r, tokens[:-1], other.gender, ignore=other.id) == {person.id}:
        r._merge(other, person)


def _generation_of(r: NameResolver, cid: str, key: str, gen: str) -> str:
    """``cid``, unless the person it names was written with another generational suffix
    than ``gen`` (the son where the father is named): then the new person of that
    generation."""
    if gen:
        other = {generation(form) for form in r._clusters[cid].forms} - {"", gen}
        if other:
            same = _same_person(r, key.split(), "", gen)  # "Bob Quill Jr." once Robert Quill Jr. is known
            if not same or gen not in map(generation, r._clusters[same].forms):
                same = r._new("per", key, "~" + gen).id
            r._keys[("per", key, "~" + gen)] = same
            return same
        r._keys[("per", key, "~" + gen)] = cid
    return cid


def _other_cluster(r: NameResolver, slot: tuple[str, str, str], person: Cluster) -> Cluster | None:
    """The live cluster a (class, key, scope) slot names, when it is not ``person``."""
    cid = r.canonical_id(r._keys.get(slot, ""))
    return r._clusters.get(cid) if cid and cid != person.id else None


def _absorb_possessive(r: NameResolver, person: Cluster, key: str) -> None:
    """Merge the person that a stripped possessive of this full name made before the name
    itself was seen (``Muammar Gaddafis forces`` in a crawl's first article, then
    ``Muammar Gaddafi``), as :func:`.canonical_possessives.restore_possessive` reads it once
    the name is known; its forms are counted as the name's."""
    other = _other_cluster(r, ("per", key + "s", ""), person)
    if other is None or other.cls != "per" or other.short or not gender_ok(person.gender, other.gender):
        return
    surname = key.split()[-1]
    forms = Counter()
    for form, n in other.forms.items():
        words = form.split()
        if words and fold(words[-1]) == surname + "s":
            form = " ".join(words[:-1] + [words[-1][:-1]])
        forms[form] += n
    other.forms = forms
    r._merge(other, person)


def _knight(r: NameResolver, first: str, gender: str, group: str, royal: bool = False) -> str:
    """``Sir Liam`` is Sir Liam Donaldson: a knight or dame is called by the given name
    (British usage), so the one person of the story (else of the corpus) with that first
    name, or ``""``. A royal (``King Abdullah``) is no one known by other offices only
    (``President Abdullah Gul``)."""
    ids = r._local(first_named(r, first, gender), group)
    hit = ids.pop() if len(ids) == 1 else ""
    # a royal's rule only takes away: two Charleses stay ambiguous even when one holds an office
    return "" if hit and royal and not _may_reign(r._clusters[hit]) else hit


def _may_reign(c: Cluster) -> bool:
    """Whether a person may be a royal called by the given name: no office known, or a
    royal title among the words of one (``prince sheikh``, ``defence minister prince``)."""
    roles = [entry.partition("|")[0] for entry in c.roles]
    return not roles or any(set(role.split()) & _ROYAL_ROLES for role in roles)


def _by_given_name(r: NameResolver, name: str, gender: str, group: str) -> str:
    """A one-word name that no one in the corpus has as a surname: the one person of its
    story whose name begins with it, or ``""``. News calls some people by the first word
    of their names: family names that come first (``Mr Ban`` for Ban Ki-moon, ``Xi`` for
    Xi Jinping) and given names for the famous and for children (``Bashar`` for Bashar
    al-Assad, ``Liam, 7,`` after ``Liam Ward, 7,``)."""
    if not group:
        return ""
    ids = {cid for cid in first_named(r, name, gender) if group in r._clusters[cid].groups}
    return ids.pop() if len(ids) == 1 else ""


def _absorb_given_name(r: NameResolver, full: Cluster, first: str, group: str) -> None:
    """Merge the unresolved one-word mentions of ``first`` in this story (``Mr Ban``
    before ``Ban Ki-moon``) into ``full`` when it is the story's one person of that name
    and no one has the word as a surname (:func:`_by_given_name`)."""
    sid = r._keys.get(("per", first, group)) if group else None
    if not sid or sid not in r._clusters or not r._clusters[sid].short:
        return
    short = r._clusters[sid]
    full.groups.add(group)  # as noting this mention will; the test below counts it
    if not candidates(r, first, short.gender, "") and _by_given_name(r, first, short.gender, group) == full.id:
        r._merge(short, full)


def known_given_name(r: NameResolver, name: str) -> str:
    """A one-word name written bare that no one has as a surname and exactly one person of the
    corpus has as a first name, a recurring figure (at least ``_KNOWN_PERSON_MENTIONS``
    mentions, in more than one story): that person, else ``""``. News calls the famous and
    their kin by the given name in articles that never write the full name (``the president's
    brother Maher`` for Maher al-Assad, ``Asma``); such a bare name is one name across the
    corpus anyway, so it is that person's. A person of one story only is no such figure: a
    bare ``Liam`` elsewhere is more likely someone else than that story's Sir Liam."""
    ids = first_named(r, name, "")
    if len(ids) != 1:
        return ""
    cid = next(iter(ids))
    c = r._clusters[cid]
    if c.short or c.mentions < _KNOWN_PERSON_MENTIONS or candidates(r, name, "", "") or len(c.groups) < 2:
        return ""
    return cid


# Letters a bare surname needs before another spelling of it is read as a figure's: shorter
# names share their few consonants with other names ("Salah" / "Saleh", "Musa" / "Moussa").
_ROMANISED_LETTERS = 6


# Suffixes that derive an adjective or a follower's word from a person's name (``Clintonian``,
# ``Nasserite``, ``Gaullist``, ``Thatcherism``, ``Kafkaesque``): a word built so is about the
# person, never the person's name spelled another way.
_DERIVING = re.compile(r"(?:ian|ians|ite|ites|ist|ists|ism|esque)$")


def derived_word(surname: str, word: str) -> bool:
    """Is ``word`` (keyed) an adjective or noun derived from ``surname`` (``clintonian`` of
    ``clinton``)?"""
    return word.startswith(surname) and bool(_DERIVING.fullmatch(word[len(surname):]))


def romanised_surname(r: NameResolver, name: str, gender: str = "") -> str:
    """A one-word name written bare that no one has as a surname but that spells a recurring
    figure's surname another way (``Ghaddafi``, ``Gadaffi`` for Muammar Gaddafi in articles
    that never write his full name so): the same first letter (or ``q``/``k``/``g``: ``Kadhafi``,
    :func:`canonical_keys.same_initial_sound`) and consonant skeleton
    (:func:`canonical_names.skeleton`), spellings ``entities.romanisation_ratio`` alike, and
    one such person of the corpus (or of several, the one ``entities.dominant_ratio`` times as
    often named: his children share the surname), with at least ``_KNOWN_PERSON_MENTIONS``
    mentions in more than one story; else ``""``. Writers transliterate the famous each their own way, and a
    bare misspelling of a lesser-known name is left alone as before; so is a word someone
    bears as a given name (a bare ``Mohammed`` is no ``Hana Mohammad``)."""
    if len(name) < _ROMANISED_LETTERS or first_named(r, name, ""):
        return ""  # a given name too ("Mohammed"): anyone's, not a surname spelled otherwise
    limit = r.settings["entities.romanisation_ratio"]
    ids = set()
    for cid in r._live(set().union(*(r._surnames.get("~" + s, ()) for s in surname_skeletons(name)))):
        c = r._clusters[cid]
        last = c.key.split()[-1]
        if c.cls == "per" and not c.short and same_initial_sound(last, name) and last != name \
                and not derived_word(last, name) \
                and romanised_ratio(last, name) >= limit and gender_ok(c.gender, gender):
            ids.add(cid)
    # of a family that shares the surname, the one named far more often, as for a bare surname
    top = ids.pop() if len(ids) == 1 else dominant(r, ids) if ids else ""
    if not top:
        return ""
    c = r._clusters[top]
    return c.id if c.mentions >= _KNOWN_PERSON_MENTIONS and len(c.groups) >= 2 else ""


def surname_as_body(r: NameResolver, surname: str, body_mentions: int) -> str:
    """The recurring figure whose surname, written exactly so, the model tagged an
    organisation (``Gadhafi`` ORG for his regime's acts: ``Gadhafis forces``, ``against
    Gadhafi``): the one person of the corpus with that surname (or of a family, the one
    ``entities.dominant_ratio`` times as often named), known in several stories, whose own
    bare surname the corpus writes ``entities.dominant_ratio`` times as often as the
    ``body_mentions`` the organisation of that word has; else ``""``. A company named for a
    founder (``Dell`` of Michael Dell) is named more often as the company than he is by
    his surname alone, and callers leave out companies and known bodies."""
    ratio_ = r.settings["entities.dominant_ratio"]
    ids = {cid for cid in r._live(r._surnames.get(surname, ())) if r._clusters[cid].cls == "per"
           and not r._clusters[cid].short}
    top = ids.pop() if len(ids) == 1 else dominant(r, ids) if ids else ""
    if not top or not ratio_:
        return ""
    c = r._clusters[top]
    bare = sum(n for form, n in c.forms.items() if fold(form) == surname)
    known = c.mentions >= _KNOWN_PERSON_MENTIONS and len(c.groups) >= 2
    return c.id if known and bare >= ratio_ * max(body_mentions, 1) else ""


def recurring_figure(r: NameResolver, word: str, gender: str = "") -> str:
    """The recurring figure a bare one-word name no one bears as a surname stands for: the
    one whose surname it spells another way (:func:`romanised_surname`) or whose given name
    it is (:func:`known_given_name`: ``Saddam``), else ``""``."""
    return romanised_surname(r, word, gender) or known_given_name(r, word)


def _absorb_mononym(r: NameResolver, person: Cluster, first: str) -> None:
    """Merge the corpus-wide entity of a bare given name (``Maher``, made before the full name
    was known often enough) into ``person`` once it is that name's one known bearer
    (:func:`known_given_name`), or the one figure whose surname it spells another way
    (:func:`romanised_surname`)."""
    sid = r.canonical_id(r._keys.get(("per", first, ""), ""))
    short = r._clusters.get(sid) if sid else None
    if short is not None and short.short and short.cls == "per" and short.id != person.id \
            and person.id in (known_given_name(r, first), romanised_surname(r, first)):
        r._merge(short, person)


def _same_person(r: NameResolver, tokens: list[str], gender: str, gen: str = "", written: str = "") -> str:
    """A full-name cluster that is surely this person (nickname, initial, spelling); of
    several, the one written with the same generational suffix ``gen``. ``written``: the
    name as written (an Arabic article apart from the surname shows in it)."""
    first, last = tokens[0], tokens[-1]
    found = set()
    for cid in r._live(r._surnames.get(last, ())):
        c = r._clusters[cid]
        if c.cls != "per":
            continue
        keys = c.keys | {c.key}
        # any first name the person is known by: "Recep Erdogan" once "Recep Tayyip
        # Erdogan" joined "Tayyip Erdogan"
        if any(same_first(a, b) for a in _called(tokens) for k in keys for b in _called(k.split())) \
                and gender_ok(c.gender, gender) and not any(_other_middle(tokens, k.split()) for k in keys):
            found.add(cid)
    if not found:
        found = same_tail(r, tokens, gender)
    if not found and COMPOUND_GIVEN.search(written):
        found = same_head(r, tokens, gender)
    if not found:
        limit = r.settings["entities.fuzzy_ratio"]
        for cid in r._live(r._firsts.get(first, ())):
            c = r._clusters[cid]
            if c.cls != "per":
                continue
            other = c.key.split()
            # Short surnames (Li/Le, Kim/Kin) differ in one letter and are different names;
            # two middle names written out must be alike too (Ali Abdullah Saleh is not
            # Ali Akbar Salehi, though the initials and surnames are close)
            if len(last) >= 5 and other[-1][:1] == last[:1] and ratio(other[-1], last) >= limit \
                    and not any(other_middle_name(tokens, k.split(), limit) for k in c.keys | {c.key}):
                found.add(cid)
    if not found and len(last) >= 5:
        found = same_romanisation(r, tokens, gender)
    if not found:
        found = article_apart(r, tokens, gender, written)
    if len(found) > 1 and gen:  # "Bob Quill Sr." where Robert Quill Sr. and Jr. are named
        found = {cid for cid in found if gen in map(generation, r._clusters[cid].forms)}
    return found.pop() if len(found) == 1 else ""


def resolve_surname(r: NameResolver, surname: str, gender: str, group: str, local_only: bool = False,
                    title: str = "") -> str:
    found = candidates(r, surname, gender, group, local_only, r.article_spellings())
    if not found:
        first = _by_given_name(r, surname, gender, group)
        if first:
            return first
    roles, qual = role_key(title) if len(found) > 1 and title else (frozenset(), "")
    holders = set()
    if roles:  # "President Obama": the one of them who holds the title
        holders = {cid for cid in found if holds(r._clusters[cid].roles, roles, qual)}
        found = holders if len(holders) == 1 else found
    if len(found) == 1:
        return found.pop()
    # a one-word name no one bears in full, written without an honorific or title, is
    # one name across the corpus (Madonna, Bono, Shakira); a surname that could be
    # anyone's ("Mr Smith", or one two people share) stays one per story
    mononym = not found and not title and not gender and not local_only
    spelled = romanised_surname(r, surname, gender) if not found and not local_only else ""
    if spelled:
        _absorb_mononym(r, r._clusters[spelled], surname)
        return spelled
    if mononym:
        famous = known_given_name(r, surname)
        if famous:
            _absorb_mononym(r, r._clusters[famous], surname)
            return famous
    scope = group if group and not mononym else ""
    known = r._keys.get(("per", surname, scope))
    short = r._clusters.get(r.canonical_id(known)) if known else None
    # a title none of them is known to hold may be someone else's ("Col Berg"): no guess
    top = dominant(r, found) if len(found) > 1 and not local_only and (holders or not roles) else ""
    if top:
        if short is not None and short.short and short.cls == "per":
            r._merge(short, r._clusters[top])  # its mentions were left alone while counts were close
        return top
    if short is not None and (short.short or not found):
        return short.id
    return r._new("per", surname, scope, short=True).id


def absorb_surnames(r: NameResolver, full: Cluster, surname: str, group: str) -> None:
    """Merge earlier unresolved surname-only clusters that this full name now explains."""
    for scope in ([group] if group else []) + [""]:
        sid = r._keys.get(("per", surname, scope))
        if not sid or sid not in r._clusters or not r._clusters[sid].short:
            continue
        short = r._clusters[sid]
        rivals = candidates(r, surname, short.gender, scope) - {full.id}
        if not rivals and gender_ok(full.gender, short.gender):
            r._merge(short, full)
    # and those of other stories, as a later bare surname there would join it ("else in
    # the corpus"): the order articles arrive in should not decide
    for cid in sorted(r._live(r._by_key.get(surname, ()))):
        short = r._clusters[cid]
        if (cid != full.id and short.short and short.cls == "per" and short.key == surname
                and not candidates(r, surname, short.gender, "") - {full.id}
                and gender_ok(full.gender, short.gender)):
            r._merge(short, full)


def absorb_leader_word(r: NameResolver, surname: str, person: Cluster) -> None:
    """Merge into ``person`` the place, organisation or people entity that earlier
    mentions of a leader's surname made before the person was known ("the Assad regime"
    in a story's first articles, when nobody had been named Bashar al-Assad three times
    yet), so that it stops collecting the name's mentions. Only an entity of that one word
    whose labels are all the model's (no context evidence said it is a place) and
    outnumbered by the person's own PERSON labels, so the person stays a person."""
    for cls in ("loc", "org", "norp"):
        other = _other_cluster(r, (cls, surname, ""), person)
        if other is None or other.cls == "per" or other.key != surname or sum(other.typed.values()):
            continue
        if person.labels.get("PERSON", 0) >= other.mentions:
            r._merge(other, person)


def _called(tokens: list[str]) -> list[str]:
    """The first names a full name's key may be called by: the first, and the second after a
    leading initial (``g richard wagoner`` is Richard, or Rick, Wagoner)."""
    if len(tokens) >= 3 and len(tokens[0]) == 1 and len(tokens[1]) > 1:
        return tokens[:2]
    return tokens[:1]


def _joined_given_names(tokens: list[str]) -> str:
    """The key of a full name of three words or more with its first two given names written
    as one hyphenated name (``jean pierre dupont`` -> ``jeanpierre dupont``, as the key folds
    ``Jean-Pierre Dupont``); ``""`` for a shorter name."""
    return " ".join([tokens[0] + tokens[1], *tokens[2:]]) if len(tokens) >= 3 else ""


def _other_middle(a: list[str], b: list[str]) -> bool:
    """Whether two full names both give middle names or initials and they differ, read as
    initials: George W Bush and George HW Bush are two people; George Bush may be either;
    Joseph R Biden and Joseph Robinette Biden are one."""
    if len(a) < 3 or len(b) < 3:
        return False

    def initials_of(tokens: list[str]) -> str:
        return "".join(t if len(t) <= 2 else t[0] for t in tokens[1:-1])

    return initials_of(a) != initials_of(b)
