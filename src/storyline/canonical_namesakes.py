"""Namesakes: the people of the corpus who bear a name, and which of them a bare name may be.

The primitives of :mod:`storyline.canonical_person_names` (which person a name is): the
people with a surname, in the story first (:func:`candidates`), the people whose full name
begins with a given name (:func:`first_named`), and the one of several namesakes named far
more often than the others (:func:`dominant`). Plain functions over the resolver's clusters
and indexes (:class:`~storyline.canonical.NameResolver` is passed in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .canonical_people import gender_ok

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["candidates", "first_named", "dominant"]


def first_named(r: NameResolver, first: str, gender: str) -> set[str]:
    """The people whose full name begins with ``first``, of a compatible gender."""
    return {cid for cid in r._live(r._firsts.get(first, ()))
            if r._clusters[cid].cls == "per" and gender_ok(r._clusters[cid].gender, gender)}


def candidates(r: NameResolver, surname: str, gender: str, group: str, local_only: bool = False,
               spelled: dict[str, set[str]] | None = None) -> set[str]:
    """The people with this surname: those of the story ``group`` when there are any, else
    all (none with ``local_only``). ``spelled``: the surnames the article writes its people's
    full names with; a person it spells otherwise is not a candidate when someone else is
    (:func:`_spelled_otherwise`)."""
    ids = {
        cid for cid in r._live(r._surnames.get(surname, ()))
        if r._clusters[cid].cls == "per" and gender_ok(r._clusters[cid].gender, gender)
    }
    if spelled:
        ids = _spelled_otherwise(ids, surname, spelled)
    if group:
        local = {cid for cid in ids if group in r._clusters[cid].groups}
        if local or local_only:
            return local
    return set() if local_only else ids


def _spelled_otherwise(ids: set[str], surname: str, spelled: dict[str, set[str]]) -> set[str]:
    """``ids`` without the people whose full name the article writes with another spelling
    of the surname (``Riyad al-Asaad`` beside a bare ``Assad``: a writer keeps one spelling
    of a name through an article, so the ``Assad`` is someone else), unless no one else is
    left (the other spelling is then the article's slip)."""
    others = {cid for cid in ids if spelled.get(cid) and surname not in spelled[cid]}
    return ids - others if ids - others else ids


def dominant(r: NameResolver, ids: set[str]) -> str:
    """The one of several namesakes mentioned ``entities.dominant_ratio`` times as often
    as each other one (and at least ``entities.dominant_min`` times), or ``""``."""
    ratio_, least = r.settings["entities.dominant_ratio"], r.settings["entities.dominant_min"]
    if not ratio_:
        return ""
    ranked = sorted((r._clusters[i] for i in ids), key=lambda c: (-c.mentions, c.id))
    first, second = ranked[0], ranked[1]
    return first.id if first.mentions >= least and first.mentions >= ratio_ * second.mentions else ""
