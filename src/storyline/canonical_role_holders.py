"""Who a role-only mention is: the person an article names in that role.

A role-only mention (``the foreign minister``, ``Apple CEO`` of a headline; found by
:mod:`storyline.nlp.mention_roles`, or a span the model tagged that holds no name) joins, in
this order: the person it stands in apposition to (``Tomas Berg, the interior minister,``);
else the one person the article gives that role, with that body when the mention writes one
(``the Arnholt foreign minister``); else, only when the mention writes the body, the one
person of the story (or the corpus, with no story) holding the role there. Two holders in the
article, or none: no one. Roles written next to a name are read first, so that a headline's
role alone finds the holder its article names further down. :class:`~storyline.canonical.NameResolver`
calls :func:`attach_roles` once per article, after the article's names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .canonical_people import holds, next_outside
from .records import ROLE_EVIDENCE, ROLE_OF_NAME_AFTER, ROLE_OF_NAME_BEFORE, Mention

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["attach_roles"]


def attach_roles(r: NameResolver, mentions: Sequence[Mention], ids: list[str], pending: list[tuple[int, tuple]],
                 group: str) -> None:
    """Fill ``ids`` for the article's role-only mentions ``pending`` ((index, (roles,
    qualifier, label)) pairs), appositions first. Never raises: a malformed mention names
    no one."""
    later = []
    for i, role in pending:
        try:
            holder = _apposed(r, mentions, ids, i)
        except (AttributeError, TypeError, ValueError):
            holder = ""
        if holder:
            ids[i] = _hold(r, holder, role)
        else:
            later.append((i, role))
    for i, role in later:
        try:
            holder = _holder(r, role, group)
        except (AttributeError, TypeError, ValueError):
            holder = ""
        ids[i] = _hold(r, holder, role) if holder else ""


def _holder(r: NameResolver, role: tuple, group: str) -> str:
    """The one person the article gives ``role``, else, with the body written, the one of
    the story (corpus) holding it there; ``""`` for two holders in the article, or none."""
    roles, qual, _ = role
    held: dict[str, Counter] = {}
    for cid, entries in r._held.items():
        held.setdefault(r.canonical_id(cid), Counter()).update(entries)
    found = {cid for cid, entries in held.items()
             if cid in r._clusters and r._clusters[cid].cls == "per" and holds(entries, roles, qual)}
    if len(found) > 1:
        return ""  # two holders in the article: which one is not written
    if found:
        return found.pop()
    if not qual:
        return ""  # across articles only with the body written
    found = set.intersection(*(r._live(r._roles.get(role, ())) for role in roles))
    found = {cid for cid in found if r._clusters[cid].cls == "per" and holds(r._clusters[cid].roles, roles, qual)}
    if group:
        found = {cid for cid in found if group in r._clusters[cid].groups}
    return found.pop() if len(found) == 1 else ""


def _hold(r: NameResolver, holder: str, role: tuple) -> str:
    """The role mention is person ``holder``'s: counted as theirs, the role noted."""
    roles, qual, label = role
    c = r._clusters[holder]
    c.labels[label] += 1
    c.mentions += 1
    r._note_roles(c, roles, qual)
    return c.id


def _apposed(r: NameResolver, mentions: Sequence[Mention], ids: list[str], i: int) -> str:
    """The person whose name is written right next to role mention ``i``, or ``""``: the one
    the mention layer found in apposition (``Tomas Berg, the interior minister,``; ``the Prime
    Minister of Arnholt, Mr Tomas Berg,``), or, for a role-only span the model tagged, the
    name at most ``entities.apposition_chars`` away."""
    m = mentions[i]
    if m.evidence in ROLE_EVIDENCE:
        step = {ROLE_OF_NAME_BEFORE: -1, ROLE_OF_NAME_AFTER: 1}.get(m.evidence)
        j = next_outside(mentions, i, step) if step else -1
        if not step or not 0 <= j < len(mentions) or not ids[j] or mentions[j].span.sentence_index != m.span.sentence_index:
            return ""
        return _person(r, ids[j])
    for j in (i + 1, i - 1):
        if not 0 <= j < len(mentions) or not ids[j]:
            continue
        o = mentions[j]
        gap = o.span.start - m.span.end if j > i else m.span.start - o.span.end
        if o.span.sentence_index == m.span.sentence_index and 0 <= gap <= r.settings["entities.apposition_chars"] \
                and _person(r, ids[j]):
            return _person(r, ids[j])
    return ""


def _person(r: NameResolver, eid: str) -> str:
    """The live id of ``eid`` when it is a person's, else ``""``."""
    cid = r.canonical_id(eid)
    return cid if cid in r._clusters and r._clusters[cid].cls == "per" else ""
