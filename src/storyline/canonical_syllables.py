"""Syllabic acronyms: a body's short name made of the first syllables of its name's first
two words (``NORSEC`` of the ``Northern Security Council``, ``COMSEC`` of ``Communications
Security``), which no initials rule finds.

A syllable is read as a word's first three letters: the form such short names take in
news (two words of at least four letters each, so that each piece is a part of its word,
never the word). The short name is read as the body only while it is the syllabic name
of exactly one organisation the corpus has named; a second one makes it no one's. Kept in
the resolver's key table under ``~syllabic <key>`` like the other looser keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .canonical_clusters import Cluster
from .canonical_keys import _NOT_INITIALS

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["syllabic_key", "syllabic_body", "note_syllabic"]

# Letters of each word a syllabic acronym keeps, and the fewest letters a word has for its
# first letters to be a syllable of it.
_SYLLABLE = 3
_WORD = 4
# What the key table holds for a syllabic name two organisations share: no entity's id.
_SHARED = "~shared"


def syllabic_key(key: str) -> str:
    """The syllabic acronym of an organisation's key (``northern security council`` ->
    ``norsec``), or ``""`` when its first two words (connectors left out) are not both
    words of at least :data:`_WORD` letters."""
    words = [w for w in key.split() if w not in _NOT_INITIALS][:2]
    if len(words) < 2 or not all(len(w) >= _WORD and w.isalpha() for w in words):
        return ""
    return "".join(w[:_SYLLABLE] for w in words)


def _slot(cls: str, acro: str) -> tuple[str, str, str]:
    return (cls, "~syllabic " + acro, "")


def syllabic_body(r: NameResolver, cls: str, key: str) -> str:
    """The one organisation whose syllabic acronym the one-word capitals ``key`` is, or ``""``."""
    hit = r.canonical_id(r._keys.get(_slot(cls, key), ""))
    return hit if hit in r._clusters and r._clusters[hit].cls == cls else ""


def note_syllabic(r: NameResolver, c: Cluster) -> None:
    """Record a new organisation's syllabic acronym; join to it the entity that acronym
    alone made before (a headline's ``NORSEC`` before the ``Northern Security Council``),
    while no other organisation has that acronym."""
    acro = syllabic_key(c.key) if c.cls == "org" else ""
    if not acro:
        return
    slot = _slot(c.cls, acro)
    known = r.canonical_id(r._keys.get(slot, ""))
    if known and known != c.id:
        r._keys[slot] = _SHARED  # two bodies with one syllabic name: it is neither's
        return
    r._keys[slot] = c.id
    earlier = r._clusters.get(r.canonical_id(r._keys.get((c.cls, acro, ""), "")))
    if earlier is not None and earlier.id != c.id and earlier.cls == c.cls and earlier.key == acro \
            and any(f.isupper() for f in earlier.forms):
        r._merge(earlier, c)
