"""What canonical resolution knows about people: first names that can be one person, and
roles (``Prime Minister of Canada``, ``Apple CEO``) that name one person without a name.

A role-only mention (MEANTIME annotates ``Apple Computer CEO`` before ``Steve Jobs`` as a
mention of its own; news writes ``the Chief Executive Officer of Halden Steel``) joins a
person only when that is certain: written right next to the name (an apposition), or when
exactly one person of the article holds the role, or, with the body written, exactly one
person known in the story, with a compatible body (:func:`holds`). Otherwise it is left out
of every person entity.

Word lists are general knowledge of English names and news, not evaluation data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .canonical_names import roles_compatible
from .records import ROLE_EVIDENCE, Mention

__all__ = ["same_first", "gender_ok", "role_entries", "holds", "role_extent", "next_outside", "NICKNAMES"]

# Short forms of first names (general knowledge of English names); a short form that stands
# for several names lists them all ("Jerry": Gerald or Jerome).
NICKNAMES: dict[str, str | tuple[str, ...]] = {
    "joe": "joseph", "joey": "joseph", "bill": "william", "billy": "william", "will": "william",
    "willy": "william", "bob": "robert", "rob": "robert", "bobby": "robert", "robbie": "robert",
    "mike": "michael", "mick": "michael", "mickey": "michael", "tom": "thomas", "tommy": "thomas",
    "jim": "james", "jimmy": "james", "jamie": "james", "dick": "richard", "rick": "richard",
    "rich": "richard", "richie": "richard", "liz": "elizabeth", "beth": "elizabeth",
    "tony": "anthony", "dave": "david", "steve": "stephen", "chris": "christopher",
    "dan": "daniel", "danny": "daniel", "ben": "benjamin", "matt": "matthew", "nick": "nicholas",
    "alex": "alexander", "andy": "andrew", "drew": "andrew", "sam": "samuel", "ted": ("edward", "theodore"),
    "ed": ("edward", "edwin", "edmund"), "eddie": "edward", "ned": "edward",
    "pete": "peter", "kate": "katherine", "kathy": "katherine", "katie": "katherine", "cathy": "katherine",
    "jen": "jennifer", "jenny": "jennifer", "jeff": ("jeffrey", "geoffrey"), "geoff": "geoffrey",
    "greg": "gregory", "larry": "lawrence", "jack": "john", "johnny": "john",
    "chuck": "charles", "charlie": "charles", "sasha": "alexander", "vlad": "vladimir",
    "sergey": "sergei", "alexei": "alexey",
    "jerry": ("gerald", "jerome", "jeremiah"), "fritz": ("frederick", "friedrich"), "fred": "frederick",
    "freddie": "frederick", "ron": "ronald", "ronnie": "ronald", "don": "donald", "tim": "timothy",
    "ken": "kenneth", "kenny": "kenneth", "hank": "henry", "harry": "henry", "walt": "walter",
    "ray": "raymond", "phil": "philip", "doug": "douglas", "gene": "eugene", "stan": "stanley",
    "vince": "vincent", "frank": ("francis", "franklin"), "pat": ("patrick", "patricia"),
    "sue": "susan", "meg": "margaret", "maggie": "margaret", "peggy": "margaret", "jake": "jacob",
    "bernie": "bernard", "lou": "louis", "marty": "martin", "mitch": "mitchell", "nate": "nathan",
    "josh": "joshua", "becky": "rebecca", "debbie": "deborah", "herb": "herbert", "art": "arthur",
    "abe": "abraham", "len": "leonard", "lenny": "leonard", "vic": "victor", "wes": "wesley",
    "jon": "jonathan", "al": ("albert", "alan", "alfred"), "vicky": "victoria",
}
# Spellings of one first name ("Steven" / "Stephen", "Catherine" / "Katherine").
_SPELLINGS: dict[str, str] = {
    "steven": "stephen", "catherine": "katherine", "kathryn": "katherine", "phillip": "philip",
    "frederic": "frederick", "fredrick": "frederick", "frederik": "frederick", "jeffery": "jeffrey",
    "allan": "alan", "allen": "alan",
}


def _first_forms(name: str) -> set[str]:
    name = _SPELLINGS.get(name, name)
    full = NICKNAMES.get(name, name)
    return {name} | ({full} if isinstance(full, str) else set(full))


def same_first(a: str, b: str) -> bool:
    """First names that can be the same person: equal, an initial, a known short form or
    another spelling."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if len(a) >= 5 and a.replace("z", "s") == b.replace("z", "s"):
        return True  # "Elisabeth"/"Elizabeth"; 5: "Liz"/"Lis" are too short to tell
    return bool(_first_forms(a) & _first_forms(b))


def gender_ok(a: str, b: str) -> bool:
    """Genders stated by honorifics that do not rule each other out (``x``: conflicting)."""
    return not a or not b or a == b or "x" in (a, b)


def role_entries(roles: Iterable[str], qualifier: str) -> list[str]:
    """The ``role|qualifier`` strings a person's cluster keeps for a title."""
    return [f"{r}|{qualifier}" for r in sorted(roles)]


def holds(entries: Counter, roles: Iterable[str], qualifier: str) -> bool:
    """Does a person whose titles gave ``entries`` hold every one of ``roles`` for a body
    compatible with ``qualifier``? A body written with the role (``the Syrian president``)
    must be written with the person's too: ``President Tomas Hale`` of an unnamed country
    may be another country's president."""
    held: dict[str, list[str]] = {}
    for entry in entries:
        role, _, qual = entry.partition("|")
        held.setdefault(role, []).append(qual)
    return all(any(roles_compatible(qualifier, q) and (q or not qualifier) for q in held.get(r, ())) for r in roles)


def role_extent(m: Mention) -> tuple[int, int]:
    """Where a role reference is written in its sentence: its phrase, body included (``Prime
    Minister`` of ``Prime Minister of Arnholt``); any other mention's span."""
    start, end = m.span.start, m.span.end
    return (start, max(end, start + len(m.title))) if m.evidence in ROLE_EVIDENCE else (start, end)


def next_outside(mentions: Sequence[Mention], i: int, step: int) -> int:
    """The index of the mention next to mention ``i`` in direction ``step`` past the names
    written inside its extent (``Apples`` of ``Steve Jobs, Apples chief executive``,
    ``Arnholt`` of ``the president of Arnholt``)."""
    start, end = role_extent(mentions[i])
    sentence, j = mentions[i].span.sentence_index, i + step
    while 0 <= j < len(mentions) and mentions[j].span.sentence_index == sentence \
            and start <= mentions[j].span.start and mentions[j].span.end <= end:
        j += step
    return j
