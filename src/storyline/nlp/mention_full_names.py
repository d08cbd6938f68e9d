"""A full name whose surname the article uses for a person is that person's.

A feature names its subject in full once (``... were hard for Nadia Kervel.``) and by the
surname after (``says Kervel``). The model, meeting the unfamiliar full name without a verb of
its own, may tag it ORG or a place while it reads each later ``says Kervel`` as a person; the
entity list then showed the subject as an organisation beside a person split from her.
:func:`surnamed_people` relabels PERSON (``evidence="context"``) a name of two or three
capitalised words the model calls a body, a place or a work when its last word is, alone, a
person's mention in the same article. Known bodies, places and aliases keep their labels, and
so does a name with a company's legal form, a name a place opens (a town's team, whose
nickname the model read as a person: ``Kestwick Rovers ... the Rovers``), a name after
``the`` (``the Varnholm Rovers``: a person's full name takes no article), and one ending
in a word the article gives a person as a given name (``... told Night Desk Tove`` of a
programme run into ``Tove Rask``'s given name); nor does a name whose last word is already the
surname of a person the article names in full (a misspelling of that person's name: the
surname alone is that person's). The same holds for a full name a person's role follows in
apposition (``Oda Arena, a former Kestwick Radio correspondent,``), and for one of a list of
full names after a plural noun of people (``opposition leaders Kars Hedvik and Lars
Vinter``) of which another is a person by the model's label.
"""

from __future__ import annotations

import re

from ..canonical_names import ALIASES, ORG_NAMES, PLACE_NAMES, fold, is_place_key
from ..canonical_words import GENERATIONAL, TITLE_WORDS
from ..canonical_types import legal_form
from ..records import Mention
from .mention_labels import CLUB_FIRST_WORDS, ROMANCE_PLACE_STARTS, TITLED_FIXABLE

__all__ = ["surnamed_people", "person_name_shape", "unknown_name", "surname_word"]

# A definite article before the name: a team, a programme or a body ("the Kestwick Rovers"),
# not a person's name.
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# A name's word: capitalised (a hyphen or an apostrophe's remains inside), or an initial.
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)*|[A-Z]\.)$")


# Articles that open names of places, bodies and things, never a person's given name ("Al
# Jazeera", "La Nina", "Los Angeles").
_NO_GIVEN_NAMES = frozenset("the al el la las los".split())


def person_name_shape(text: str) -> bool:
    """Two or three capitalised words (an initial inside), neither end an initial nor an
    article first (``The``, ``Al``, ``La``): the shape of a person's full name."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words) \
        and not words[0].endswith(".") and not words[-1].endswith(".") and words[0].lower() not in _NO_GIVEN_NAMES


def unknown_name(text: str) -> bool:
    """Not a known body, place or alias, and no company's legal form."""
    key = fold(text)
    return key not in ORG_NAMES and key not in PLACE_NAMES and key not in ALIASES and not legal_form(text)


def surnamed_people(found: list[list[Mention]], texts: list[str]) -> list[list[Mention]]:
    """``found`` (an article's mentions per sentence) with each full name whose last word
    the article uses alone for a person, that a person's role follows in apposition, or that
    stands beside a person in a list of people (module docstring), a person's."""
    mentions = [m for ms in found for m in ms]
    given = {m.span.text.split()[0] for m in mentions if m.label == "PERSON" and " " in m.span.text}
    # a surname a person the article names in full already bears is that person's ("Rand Paul
    # ... Paul said": a misspelled "Pand Paul" the model calls a body must not take it)
    borne = {m.span.text.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.span.text}
    lone = {m.span.text for m in mentions if m.label == "PERSON" and " " not in m.span.text} - given - borne
    places = {m.span.text for m in mentions if m.label in ("GPE", "LOC")}

    def fixable(m: Mention, text: str) -> bool:
        return m.label in TITLED_FIXABLE and person_name_shape(m.span.text) and unknown_name(m.span.text) \
            and not _place_first(m.span.text, places) and not _ARTICLE_BEFORE.search(text[:m.span.start])

    # Not the article's own PERSON label of the same name elsewhere: the model's labels of a firm
    # named after its founders differ from sentence to sentence ("Northrop Grumman"), and the
    # corpus's vote decides (made a person in such an article, the firm split on MEANTIME dev).

    # A name with a person's role in apposition is that person in every sentence of the
    # article, whatever its head word ("Oda Arena, a former ... correspondent").
    roled = {m.span.text for ms, text in zip(found, texts) for m in ms
             if fixable(m, text) and _ROLE_APPOSITION.match(text[m.span.end:])}
    found = [[m.replace(label="PERSON", evidence="context") if fixable(m, text) and (
                m.span.text.split()[-1] in lone or m.span.text in roled) else m for m in ms]
             for ms, text in zip(found, texts)]
    # then the lists, read with those people known ("candidates A and B", B's surname alone a person's)
    return [[m.replace(label="PERSON", evidence="context") if fixable(m, text) and _listed_with_person(m, ms, text)
             else m for m in ms] for ms, text in zip(found, texts)]


# People named in a list after their kind ("opposition leaders A and B", "the candidates A, B
# and C"): plural nouns of people in public life, from general knowledge of news English.
_PEOPLE_KINDS = (r"(?:leaders|candidates|activists|figures|politicians|officials|ministers|lawmakers|senators"
                 r"|presidents|generals|dissidents|bloggers|journalists|reporters|anchors|correspondents"
                 r"|opponents|rivals|critics|brothers|sisters|sons|daughters)")
_KIND_BEFORE = re.compile(r"\b" + _PEOPLE_KINDS + r"\s+$")
_AND_AFTER = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")


# A person's role in apposition after the name, ending its phrase ("Oda Arena, a former
# Kestwick Radio correspondent, has ...", "X, the bank's chief economist who ..."): the name is a
# person's whatever its head word (``Arena``). Title words that also qualify other nouns
# (``former``, ``acting``, ``major``, ``host``, a market ``leader``) are no such head.
_ROLE_HEADS = sorted(TITLE_WORDS - set(
    "former acting vice deputy presiding major chief head host leader general principal chair".split()),
    key=len, reverse=True)
_ROLE_APPOSITION = re.compile(
    r"^\s*,\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,4}?(?:" + "|".join(map(re.escape, _ROLE_HEADS)) + r")"
    r"(?:\s*(?:[,.;:)]|$)|\s+(?:of|for|at|who|with|in|and|to)\b)", re.I)


def _listed_with_person(m: Mention, ms: list[Mention], text: str) -> bool:
    """Whether ``m`` is one of a list of full names after a plural noun of people ("opposition
    leaders Kars Hedvik and Lars Vinter") of which another the model tags a person."""
    i = next(k for k, x in enumerate(ms) if x is m)
    first, last = i, i
    while first > 0 and _joined(ms[first - 1], ms[first], text):
        first -= 1
    while last + 1 < len(ms) and _joined(ms[last], ms[last + 1], text):
        last += 1
    return first < last and bool(_KIND_BEFORE.search(text[:ms[first].span.start])) \
        and any(x.label == "PERSON" for x in ms[first:last + 1] if x is not m)


def _joined(a: Mention, b: Mention, text: str) -> bool:
    """Two full names next in a list (``A and B``, ``A, B``)."""
    return bool(_AND_AFTER.match(text[a.span.end:b.span.start])) and person_name_shape(a.span.text) \
        and person_name_shape(b.span.text)


def _place_first(text: str, places: set[str]) -> bool:
    """A name opened by a place the article or the gazetteer knows (a town's team or
    programme: ``Kestwick Rovers``, whose nickname the model may read as a person's), or by a
    word that opens a club's or a place's name (``Sporting``, ``Santo``)."""
    first = text.split()[0]
    return first in places or is_place_key(fold(first)) or first.lower() in CLUB_FIRST_WORDS | ROMANCE_PLACE_STARTS


def surname_word(text: str) -> str:
    """A full name's last word, past a generational suffix (``Lonnie Quill Jr.``: ``Quill``;
    the suffix alone had been taken for the surname, and the bare ``Quill`` of the rest of
    the article left a body's), with ``St.`` before it (``St. John``)."""
    words = text.split()
    while len(words) > 2 and fold(words[-1]).strip(".,") in GENERATIONAL:
        words = words[:-1]
    if len(words) > 2 and fold(words[-2]) in _SAINT:
        return " ".join(words[-2:])  # "Ronald Bruce St. John": "St. John said", never "John"
    return words[-1] if words else ""


# "Saint" before a surname ("St. John", "St Clair", "Saint-Exupery" aside): the surname is both
# words, and a writer who drops the given names keeps them ("St. John said"), which the model
# reads as a place (a town named for the saint). General knowledge of English surnames.
_SAINT = frozenset({"st", "saint"})
