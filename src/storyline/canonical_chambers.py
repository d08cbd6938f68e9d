"""A legislature's chamber named by its head word alone: which body ``the House`` is.

News names a chamber in full once (``the House of Commons``, ``the House of Representatives``)
and then writes ``the House``. Alone the word names no body of its own, and the prefix rule of
:mod:`storyline.canonical_organisations` would give it to whichever ``House of ...`` the corpus
happened to name once (a US House Speaker's ``House`` had joined a British ``House of
Commons``). :func:`chamber_key` reads it against the article instead:

* the one chamber the article names in full (``House of X``, with or without its country) is
  the one it means;
* an article that names none, or several, means the US House of Representatives: in world
  news ``the House`` with no chamber written is that one, as ``the State Department`` is the
  US foreign ministry (:data:`storyline.canonical_aliases.ALIASES` maps its full forms,
  ``U.S. House``, ``House of Representatives``, to one key).

General knowledge of English news, not from evaluation data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .canonical_aliases import ALIASES, fold

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["CHAMBER_WORD", "US_HOUSE", "chamber_key"]

# The key of a chamber named by its head word alone.
CHAMBER_WORD = "house"
# The US House of Representatives' key (its alias group's canonical key).
US_HOUSE = ALIASES[fold("House of Representatives")][0]


def chamber_key(r: NameResolver, key: str) -> str:
    """The key an organisation's ``key`` stands for: for ``house`` alone, the key of the one
    chamber the article being added names in full, else :data:`US_HOUSE`; any other key as
    it is."""
    if key != CHAMBER_WORD:
        return key
    found = set()
    for cid in r._article:
        c = r._clusters.get(r.canonical_id(cid))
        if c is not None and c.cls == "org" and _chamber(c.key):
            found.add(c.key)
    return found.pop() if len(found) == 1 else US_HOUSE


# The words after "House of" that make a legislature's chamber (not "House of Saud", a royal
# family, or "House of Cards"); general knowledge of parliaments.
_CHAMBERS = frozenset("commons lords representatives delegates deputies councillors councilors assembly keys".split())


def _chamber(key: str) -> bool:
    """A chamber's full name: ``house of`` and a chamber's word ending the key (``house of
    commons``, ``british house of lords``), or the US House's key."""
    tokens = key.split()
    return key == US_HOUSE or len(tokens) >= 3 and tokens[-3:-1] == [CHAMBER_WORD, "of"] and tokens[-1] in _CHAMBERS
