"""Surnames spelled another way and tagged a place, body or group (``Gadaffi`` in readers'
comments, tagged GPE or NORP as often as PERSON): when such a word is a recurring figure's
surname, and when it is the place, body or group the corpus names (``Taliban`` is no
``Talabani``). Functions of a :class:`~storyline.canonical.NameResolver`, which calls them for
one-word names of the classes below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .canonical_names import ALIASES, ORG_NAMES, PLACE_NAMES, name_key
from .canonical_organisations import company
from .canonical_person_names import romanised_surname, surname_as_body
from .canonical_words import RELIGIONS
from .nlp.repair import is_demonym

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["SPELLED_FIGURE_CLASSES", "KNOWN_BODY", "spelled_figure", "named_otherwise"]

# The classes of a one-word name the model may give a leader's surname spelled otherwise.
SPELLED_FIGURE_CLASSES = frozenset({"loc", "org", "norp"})
# Mentions that make such a word a place, body or group the corpus names, not a stray
# spelling: as many as make a person a recurring figure (canonical_person_names).
KNOWN_BODY = 3


def spelled_figure(r: NameResolver, key: str, cls: str) -> str:
    """A one-word name the model called a place, body or group that is no known one and
    that spells a recurring figure's surname another way (``Gadaffi``, ``Quadaffi`` of
    readers' comments, tagged GPE or NORP as often as PERSON: :func:`romanised_surname`):
    that spelling as a person's surname (the figure's, once resolved), else ``""``. The
    entity such mentions made before the figure was known joins the figure. The
    figure's surname as the figure writes it, tagged an organisation, is the figure when
    the corpus writes it bare far more often for him (:func:`surname_as_body`), and so is
    it tagged a group when it is no people's or faith's word; tagged a place, it is left to
    the label vote (``Hague``, a minister's name and a city). A spelling the corpus names as a place, body or group ``KNOWN_BODY`` times and
    more than a ``entities.dominant_ratio``-th as often as the figure is that
    (``Taliban`` is no ``Talabani``)."""
    surname = name_key(key, "PERSON")
    if key in PLACE_NAMES or key in ALIASES or key in ORG_NAMES or (cls == "org" and company(r, key)):
        return ""
    own = r._clusters.get(r.canonical_id(r._keys.get((cls, key, ""), "")))
    if surname not in r._surnames:
        figure = romanised_surname(r, surname)
        body = named_otherwise(r, key)
        if figure and body >= KNOWN_BODY and body * r.settings["entities.dominant_ratio"] \
                > r._clusters[figure].mentions:
            figure = ""  # a body the corpus names often ("Taliban"), not a readers' "Talabany"
    elif cls == "org" and key not in ORG_NAMES or cls == "norp" and not _peoples_word(key):
        # the exact surname: a leader's acts ("Gadhafis forces"); tagged a group, a person's
        # name used as an adjective ("the Paxman question"), which no group is named like
        figure = surname_as_body(r, surname, named_otherwise(r, key))
    else:
        figure = ""
    if not figure:
        return ""
    if own is not None and own.cls == cls and not own.typed and own.id != figure and all(" " not in f for f in own.forms):
        r._merge(own, r._clusters[figure])
    return surname


def _peoples_word(key: str) -> bool:
    """A people's, party's or faith's word (``christian``, ``democrats``, ``sunni``): a group
    named so is the group, whoever bears the word as a surname."""
    word = key.title()
    return key in RELIGIONS or is_demonym(word) or word.endswith("s") and is_demonym(word[:-1])


def named_otherwise(r: NameResolver, key: str) -> int:
    """Mentions of the entities this word names as a place, body or group: a town a
    person was wrongly named for (``Misrata`` in a dateline run into a name) is named
    far more often as the town."""
    found = {r.canonical_id(r._keys.get((c, key, ""), "")) for c in SPELLED_FIGURE_CLASSES}
    return sum(c.mentions for c in (r._clusters.get(i) for i in found if i) if c is not None and c.cls != "per")
