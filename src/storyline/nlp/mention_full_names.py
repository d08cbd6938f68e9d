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
surname alone is that person's).
"""

from __future__ import annotations

import re

from ..canonical_names import ALIASES, ORG_NAMES, PLACE_NAMES, fold, is_place_key
from ..canonical_types import legal_form
from ..records import Mention
from .mention_labels import CLUB_FIRST_WORDS, ROMANCE_PLACE_STARTS, TITLED_FIXABLE

__all__ = ["surnamed_people", "person_name_shape", "unknown_name"]

# A definite article before the name: a team, a programme or a body ("the Kestwick Rovers"),
# not a person's name.
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# A name's word: capitalised (a hyphen or an apostrophe's remains inside), or an initial.
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)*|[A-Z]\.)$")


def person_name_shape(text: str) -> bool:
    """Two or three capitalised words (an initial inside), neither end an initial nor an
    article (``The``, ``Al``): the shape of a person's full name."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words) \
        and not words[0].endswith(".") and not words[-1].endswith(".") and words[0].lower() not in ("the", "al", "el")


def unknown_name(text: str) -> bool:
    """Not a known body, place or alias, and no company's legal form."""
    key = fold(text)
    return key not in ORG_NAMES and key not in PLACE_NAMES and key not in ALIASES and not legal_form(text)


def surnamed_people(found: list[list[Mention]], texts: list[str]) -> list[list[Mention]]:
    """``found`` (an article's mentions per sentence) with each full name whose last word
    the article uses alone for a person (module docstring) a person's."""
    mentions = [m for ms in found for m in ms]
    given = {m.span.text.split()[0] for m in mentions if m.label == "PERSON" and " " in m.span.text}
    # a surname a person the article names in full already bears is that person's ("Rand Paul
    # ... Paul said": a misspelled "Pand Paul" the model calls a body must not take it)
    borne = {m.span.text.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.span.text}
    lone = {m.span.text for m in mentions if m.label == "PERSON" and " " not in m.span.text} - given - borne
    if not lone:
        return found
    places = {m.span.text for m in mentions if m.label in ("GPE", "LOC")}
    return [[m.replace(label="PERSON", evidence="context")
             if m.label in TITLED_FIXABLE and person_name_shape(m.span.text) and m.span.text.split()[-1] in lone
             and unknown_name(m.span.text) and not _place_first(m.span.text, places)
             and not _ARTICLE_BEFORE.search(text[:m.span.start]) else m for m in ms]
            for ms, text in zip(found, texts)]


def _place_first(text: str, places: set[str]) -> bool:
    """A name opened by a place the article or the gazetteer knows (a town's team or
    programme: ``Kestwick Rovers``, whose nickname the model may read as a person's), or by a
    word that opens a club's or a place's name (``Sporting``, ``Santo``)."""
    first = text.split()[0]
    return first in places or is_place_key(fold(first)) or first.lower() in CLUB_FIRST_WORDS | ROMANCE_PLACE_STARTS
