"""What canonical resolution knows about people: first names that can be one person, and
roles (``Prime Minister of Canada``, ``Apple CEO``) that name one person without a name.

A role-only mention (MEANTIME annotates ``Apple Computer CEO`` before ``Steve Jobs`` as a
mention of its own; news writes ``the Chief Executive Officer of General Motors``) joins a
person only when that is certain: written right next to the name (an apposition), or when
exactly one person known in the story holds the role, with a compatible body
(:func:`holds`). Otherwise it is left out of every person entity.

Word lists are general knowledge of English names and news, not evaluation data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .canonical_names import roles_compatible

__all__ = ["same_first", "gender_ok", "role_entries", "holds", "NICKNAMES"]

# Short forms of first names (general knowledge of English names).
NICKNAMES: dict[str, str] = {
    "joe": "joseph", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
    "bobby": "robert", "mike": "michael", "tom": "thomas", "jim": "james", "jimmy": "james",
    "dick": "richard", "rick": "richard", "liz": "elizabeth", "beth": "elizabeth",
    "tony": "anthony", "dave": "david", "steve": "stephen", "chris": "christopher",
    "dan": "daniel", "ben": "benjamin", "matt": "matthew", "nick": "nicholas",
    "alex": "alexander", "andy": "andrew", "sam": "samuel", "ted": "edward", "ed": "edward",
    "pete": "peter", "kate": "katherine", "kathy": "katherine", "jen": "jennifer",
    "jenny": "jennifer", "jeff": "jeffrey", "greg": "gregory", "larry": "lawrence",
    "jack": "john", "johnny": "john", "chuck": "charles", "charlie": "charles",
    "sasha": "alexander", "vlad": "vladimir", "sergey": "sergei", "alexei": "alexey",
    "hank": "henry", "harry": "henry", "tim": "timothy", "fred": "frederick", "ron": "ronald",
    "don": "donald", "jon": "jonathan", "pat": "patrick", "phil": "philip", "ken": "kenneth",
    "doug": "douglas", "walt": "walter", "al": "albert", "sue": "susan", "meg": "margaret",
    "peggy": "margaret", "maggie": "margaret", "becky": "rebecca", "vicky": "victoria",
}

def same_first(a: str, b: str) -> bool:
    """First names that can be the same person: equal, an initial, or a known short form."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return NICKNAMES.get(a, a) == NICKNAMES.get(b, b)


def gender_ok(a: str, b: str) -> bool:
    """Genders stated by honorifics that do not rule each other out (``x``: conflicting)."""
    return not a or not b or a == b or "x" in (a, b)


def role_entries(roles: Iterable[str], qualifier: str) -> list[str]:
    """The ``role|qualifier`` strings a person's cluster keeps for a title."""
    return [f"{r}|{qualifier}" for r in sorted(roles)]


def holds(entries: Counter, roles: Iterable[str], qualifier: str) -> bool:
    """Does a person whose titles gave ``entries`` hold every one of ``roles`` for a body
    compatible with ``qualifier``?"""
    held: dict[str, list[str]] = {}
    for entry in entries:
        role, _, qual = entry.partition("|")
        held.setdefault(role, []).append(qual)
    return all(any(roles_compatible(qualifier, q) for q in held.get(r, ())) for r in roles)
