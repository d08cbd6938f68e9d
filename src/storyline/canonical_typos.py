"""Slips of the keyboard in names: a place or a title misspelled by one letter.

Readers' comments and hurried copy misspell the names a story repeats (``Egipt``, ``Tahir
Square``, ``Saud Arabia``) and the titles before them (``Presiden Obama``); each misspelling
became an entity of its own, and ``Presiden Obama`` took its article's bare ``Obama`` mentions
from Barack Obama. These tests say when a new name is such a slip:

* :func:`misspelled_place`: a place's name the corpus has never seen, one edit (a letter
  left out, added, changed, two neighbours swapped, or two letters one apart exchanged:
  ``Lybia``) from the one place of the corpus named
  at least ``entities.typo_min_mentions`` times, is that place (the first time it is met,
  or again when two letters are swapped: ``Lybia``, a slip readers repeat).
  Never a name the gazetteer knows (``Iran`` beside ``Iraq``), nor a short one (four letters or fewer: ``Gaza`` /
  ``Giza``, ``Mali`` / ``Bali`` are real places one letter apart), nor one close to two places,
  nor one that differs in its first letter (slips keep it: ``Prussia`` is no ``Russia``).
  People's names are left alone: one-letter pairs there are as often two real names
  (``Ali`` / ``Alia``, ``Hasan`` / ``Hassan``) as a slip.
* :func:`misspelled_title`: a word one edit from a long title that opens people's names
  (``president``, ``minister``: :data:`_SLIPPED_TITLES`) that is no word of the dictionary
  (``Minster`` is) is that title.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .canonical_aliases import ALIASES, is_place_key
from .canonical_index import found_among
from .canonical_words import ORG_NAMES, PLACE_NAMES, TITLE_WORDS

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["misspelled_place", "misspelled_title", "one_edit", "slipped"]

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The fewest letters (spaces aside) of a name read as a slip: two real places or names of four
# letters often differ by one (Gaza/Giza, Iran/Iraq, Mali/Bali, Oman/Aman).
_MIN_LETTERS = 5
# Titles that open people's names in news, of seven letters or more, and one edit from no
# given name: short titles are one letter from other words (``mayor``/``major``), and other
# long ones from given names (``justice``/``Justine``, ``marshal``/``Marshall``).
_SLIPPED_TITLES = frozenset(
    """president minister secretary senator governor chairman ambassador spokesman professor
    chancellor lieutenant sergeant congressman commander""".split())


def one_edit(word: str) -> Iterator[str]:
    """Every string one edit from ``word`` (lower-case letters): a letter deleted, two
    neighbours swapped, a letter changed or inserted."""
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]
        if i + 1 < len(word):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]
        for c in _LETTERS:
            if c != word[i]:
                yield word[:i] + c + word[i + 1:]
    for i in range(len(word) + 1):
        for c in _LETTERS:
            yield word[:i] + c + word[i:]


def misspelled_place(r: NameResolver, cls: str, key: str) -> str:
    """The one place of the corpus that the new place key ``key`` misspells by one edit (see
    the module docstring), or ``""``. Only the first time the spelling is met: the slip's key
    is not the place's (:func:`slipped`), so a spelling met again is a name of its own (a real
    place one letter from the corpus's, ``Morvale`` beside ``Marvale``, loses one mention)."""
    if cls != "loc" or len(key.replace(" ", "")) < _MIN_LETTERS or not key.replace(" ", "").isalpha() \
            or key in PLACE_NAMES or key in ORG_NAMES or key in ALIASES or is_place_key(key):
        return ""
    if (cls, _SLIP + key, "") in r._keys:
        # met again: a name of its own, unless two letters are swapped ("Lybia"): a slip
        # readers repeat, and no other place's name
        hit = r.canonical_id(r._keys[(cls, _SLIP + key, "")])
        return hit if hit in r._clusters and _swapped(key, r._clusters[hit].key) else ""
    least = r.settings["entities.typo_min_mentions"]
    # a slip keeps the first letter: Prussia is no Russia
    slots = {(cls, other, "") for other in (*one_edit(key), *_exchanges(key)) if other[:1] == key[:1]}
    # the ~450 spellings in a few queries, and only the names that exist kept: a round trip or
    # a remembered absence for each had cost ~5 ms per new place name
    found = set()
    for value in found_among(r._keys, slots).values():
        cid = r.canonical_id(value or "")
        c = r._clusters.get(cid) if cid else None
        if c is not None and c.cls == cls and c.mentions >= least:
            found.add(cid)
    if len(found) != 1:
        return ""
    hit = found.pop()
    r._keys[(cls, _SLIP + key, "")] = hit
    return hit


def _exchanges(word: str) -> Iterator[str]:
    """Every string with two different letters one apart exchanged (``lybia`` -> ``libya``):
    a slip of the vowels around a consonant that :func:`one_edit` does not make."""
    for i in range(len(word) - 2):
        if word[i] != word[i + 2]:
            yield word[:i] + word[i + 2] + word[i + 1] + word[i] + word[i + 3:]


def _swapped(key: str, other: str) -> bool:
    """Are ``key`` and ``other`` the same letters but for two swapped, neighbours or one
    apart (``Lbiya``, ``Lybia`` of ``Libya``)?"""
    diff = [i for i, (a, b) in enumerate(zip(key, other)) if a != b]
    return len(key) == len(other) and len(diff) == 2 and diff[1] - diff[0] <= 2 \
        and key[diff[0]] == other[diff[1]] and key[diff[1]] == other[diff[0]]


def slipped(r: NameResolver, cls: str, key: str, cid: str) -> bool:
    """Whether ``key`` joined the entity ``cid`` as a misspelling (:func:`misspelled_place`):
    the entity then takes the mention, not the key."""
    return cls == "loc" and r.canonical_id(r._keys.get((cls, _SLIP + key, ""), "")) == cid


# The index slot marking a spelling met once as a slip: "~slip egipt".
_SLIP = "~slip "


@functools.cache
def misspelled_title(word: str) -> str:
    """The long title word (``president``) that ``word`` (lower-case) misspells by one edit,
    or ``""``: never a title itself nor a word of the dictionary."""
    if len(word) < 6 or word in TITLE_WORDS or not word.isalpha():  # 6: a 7-letter title less one
        return ""
    hits = {t for t in one_edit(word) if t in _SLIPPED_TITLES}
    if len(hits) != 1:
        return ""
    from .nlp.engine import dictionary_word  # WordNet's words: read once, when first needed

    return "" if dictionary_word(word) else hits.pop()

