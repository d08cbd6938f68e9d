"""Full names that are one person spelled another way (part of rule 3 of
:mod:`storyline.canonical`, called by :func:`storyline.canonical_person_names.resolve_person`).

Crawled news transliterates Arabic, Persian and Russian names each outlet its own way
(``Moammar Gadhafi`` / ``Muammar Gaddafi``) and writes the Arabic article fused into a
surname, apart from it, or not at all (``Nabil Elaraby`` / ``Nabil al-Arabi``). These tests
say when two such full names are one person; they live apart from the surname and given-name
rules because they compare spellings, not the parts of a name:

* the same initials and consonant skeletons and close enough whole names
  (:func:`same_romanisation`);
* the article fused on one side and written apart on the other (:func:`article_apart`);
* middle names written out on both sides must be alike too (:func:`other_middle_name`:
  ``Ali Abdullah Saleh`` is not ``Ali Akbar Salehi``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz.fuzz import ratio

from .canonical_clusters import Cluster
from .canonical_keys import alike_initials, surname_skeletons
from .canonical_names import skeleton
from .canonical_people import gender_ok

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["same_romanisation", "article_apart", "other_middle_name", "feminine_form"]


def same_romanisation(r: NameResolver, tokens: list[str], gender: str) -> set[str]:
    """Full-name clusters spelling both names another way (``Moammar Gadhafi`` for
    ``Muammar Gaddafi``): the same initials and consonant skeletons
    (:func:`canonical_names.skeleton`), and whole names at least
    ``entities.romanisation_ratio`` alike, first and last name only (``Muammar al
    Gaddafi``); ``Ali Hassan`` / ``Ali Hussein`` share skeletons but not spellings. A
    surname's initial ``q``, ``k`` or ``g`` is one sound romanised three ways
    (``Muammar Qaddafi``, :func:`canonical_keys.surname_skeletons`)."""
    limit = r.settings["entities.romanisation_ratio"]
    found = set().union(*(r._surnames.get("~" + s, ()) for s in surname_skeletons(tokens[-1])))
    return {cid for cid in r._live(found) if _romanised(r._clusters[cid], tokens, gender, limit)}


def _romanised(c: Cluster, tokens: list[str], gender: str, limit: float, fused: bool = False) -> bool:
    """Whether ``c`` is the person ``tokens`` names, spelled another way (see
    :func:`same_romanisation`); ``fused``: compare ``c``'s surname without the Arabic article
    fused into it (``elaraby`` as ``araby``)."""
    first, last = tokens[0], tokens[-1]
    other = c.key.split()
    other_last = other[-1][2:] if fused else other[-1]
    other_last, last = alike_initials(other_last, last)  # "Qaddafi" / "Gaddafi": one initial sound
    return (c.cls == "per" and other[0][:1] == first[:1] and other_last[:1] == last[:1]
            and skeleton(other[0]) == skeleton(first) and not feminine_form(other[0], first)
            and ratio(f"{other[0]} {other_last}", f"{first} {last}") >= limit
            and gender_ok(c.gender, gender)
            and not any(other_middle_name(tokens, k.split(), limit) for k in c.keys | {c.key}))


def feminine_form(a: str, b: str) -> bool:
    """Whether one given name is the other with a feminine ending, ``-a`` or ``-ah`` (``Ali`` /
    ``Alia``, ``Karim`` / ``Karima``, ``Paul`` / ``Paula``): two names, a man's and a woman's,
    though the consonants and nearly every letter agree."""
    short, long_ = sorted((a, b), key=len)
    return long_ in (short + "a", short + "ah")


# An Arabic article written apart before a name's last word ("Nabil al-Arabi", "el-Araby").
_ARTICLE_APART = re.compile(r"(?:^|\s)[AaEe]l[- ]\S+$")
# The article fused into a surname ("Elaraby", "Alassad"): "el"/"al" and 4 letters at least
# (the shortest Arabic surnames: "Arabi", "Sisi" are 4-5).
_ARTICLE_FUSED = re.compile(r"^[ae]l[a-z]{4,}$")


def article_apart(r: NameResolver, tokens: list[str], gender: str, written: str) -> set[str]:
    """The one full-name cluster that is this name with the Arabic article fused into the
    surname or written apart (``Nabil Elaraby`` / ``Nabil al-Arabi``, ``el-Araby``): the key
    keeps a fused article and drops one written apart. The side written apart must show the
    article (so ``Madeleine Albright`` is no ``Madeleine Bright``); the rest is
    :func:`same_romanisation`'s test on the surname without the article."""
    last = tokens[-1]
    if _ARTICLE_FUSED.match(last):  # "elaraby": people written "... al-Arabi" or "... el-Araby"
        bare, want_apart = last[2:], True
    elif _ARTICLE_APART.search(written):  # "al-Arabi" written: people whose key is "elarabi", "alaraby"...
        bare, want_apart = last, False
    else:
        return set()
    found = set()
    for prefix in ("",) if want_apart else ("al", "el"):
        for cid in r._live(r._surnames.get("~" + skeleton(prefix + bare), ())):
            c = r._clusters[cid]
            other = c.key.split()
            if c.cls != "per" or len(other) < 2:
                continue
            if want_apart:
                ok = other[-1] != last and any(_ARTICLE_APART.search(f) for f in c.forms)
            else:
                ok = bool(_ARTICLE_FUSED.match(other[-1]))
            if ok:
                found.add(cid)
    bare_tokens, limit = [*tokens[:-1], bare], r.settings["entities.romanisation_ratio"]
    return {cid for cid in found if _romanised(r._clusters[cid], bare_tokens, gender, limit, fused=not want_apart)}




def other_middle_name(a: list[str], b: list[str], limit: float) -> bool:
    """Whether two full names both write out middle names (not initials) that are not alike
    (rapidfuzz ratio under ``limit``): ``Ali Abdullah Saleh`` / ``Ali Akbar Salehi``."""
    ma, mb = [t for t in a[1:-1] if len(t) > 2], [t for t in b[1:-1] if len(t) > 2]
    return bool(ma and mb) and ratio(" ".join(ma), " ".join(mb)) < limit
