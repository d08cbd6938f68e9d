"""A person's name written in part: the end of a full name, or a compound given name alone.

Writers drop a first name that is rarely used (``Tayyip Erdogan`` for ``Recep Tayyip
Erdogan``), use a legal name's middle given name (``Hosni Mubarak`` of ``Muhammad Hosni
Sayyid Mubarak``), or call a person by an Arabic compound given name (``Saif al-Islam`` for
``Saif al-Islam Gaddafi``). These lookups find the one full name such a part belongs to, and
none when several could; :mod:`storyline.canonical_person_names` calls them when no surer
rule has matched.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .canonical_people import gender_ok

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["COMPOUND_GIVEN", "same_head", "same_tail"]

# An Arabic compound given name as written: a name, then an article joined to the second
# part ("Saif al-Islam", "Salah ad-Din", "Nur el-Din"); used alone for the person named in full.
COMPOUND_GIVEN = re.compile(r"^\S+\s+(?:al|el|ad|ud|ed|ul)-\S+$", re.I)


def same_head(r: NameResolver, tokens: list[str], gender: str, ignore: str = "") -> set[str]:
    """The one full-name cluster whose name begins with this whole name of two words when
    no one with this name's first word has its last word for a surname (a ``Shah Islam``
    elsewhere in the corpus is no reason to doubt it): an Arabic compound given name used
    alone (``Saif al-Islam`` for ``Saif al-Islam Gaddafi``; callers check the written form
    with ``COMPOUND_GIVEN``: ``Tom Hale`` is no head of ``Tom Hale Berg``). With several
    candidates (``Kim Jong`` of ``Kim Jong Un`` and ``Kim Jong Il``) none. ``ignore``: the
    cluster of this name itself, whose surname index holds its last word."""
    if len(tokens) != 2 or any(
            r._clusters[cid].key.split()[0] == tokens[0] for cid in r._live(r._surnames.get(tokens[-1], ())) - {ignore}):
        return set()  # a person of that given name and that surname: the name may be theirs
    found = {cid for cid in r._live(r._firsts.get(tokens[0], ()))
             if r._clusters[cid].cls == "per" and gender_ok(r._clusters[cid].gender, gender)
             and any(len(k.split()) > len(tokens) and k.split()[:len(tokens)] == tokens
                     for k in r._clusters[cid].keys | {r._clusters[cid].key})}
    return found if len(found) == 1 else set()


def same_tail(r: NameResolver, tokens: list[str], gender: str) -> set[str]:
    """The one full-name cluster this name is the end of, or that is the end of this name,
    from a middle name on (``Tayyip Erdogan`` and ``Recep Tayyip Erdogan``): writers drop a
    first name that is rarely used. Two words at least on both sides; with several
    candidates none. A full name of four words or more also holds a two-word name whose
    given name is one of its middle ones (``Muhammad Hosni Sayyid Mubarak``, the legal name,
    and ``Hosni Mubarak``)."""
    found = set()
    for cid in r._live(r._surnames.get(tokens[-1], ())):
        c = r._clusters[cid]
        if c.cls != "per" or not gender_ok(c.gender, gender):
            continue
        for key in c.keys | {c.key}:
            other = key.split()
            short, long_ = sorted((tokens, other), key=len)
            if 2 <= len(short) < len(long_) and (long_[-len(short):] == short or len(short) == 2 and len(long_) >= 4
                                                 and short[-1] == long_[-1] and short[0] in long_[1:-1]):
                found.add(cid)
                break
    return found if len(found) == 1 else set()
