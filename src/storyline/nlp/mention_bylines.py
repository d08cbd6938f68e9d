"""Authors named in a byline or an opinion page's disclaimer are people.

Crawled news keeps an article's byline as text (``By Ann Castell, Special to the paper``,
``March 3 | By Ann Castell and Tom Reyes``), often run into the first sentence once the line
breaks are gone (``By Ann Castell Members of the council ...``), and an opinion page closes by
disowning its views as the author's (``... are solely those of Ann Castell.``). The
model, reading an unfamiliar surname (``Castell``, ``Arena``) without a verb, tags such an
author ORG or a facility, and the entity list showed reporters as organisations.

:func:`byline_people` relabels PERSON (``evidence="context"``, which outvotes the model in
the corpus vote) a name of two or three capitalised words that stands where a byline or the
disclaimer puts an author: after ``By`` opening the sentence or a ``|`` field (or after
``By <name> and``), or after ``solely those of``. Known bodies, places and aliases keep
their labels, and so does a name with a word in capitals (``CNN Wire Staff``) or a
newsroom's word (``Associated Press``, ``Reuters Staff``): a byline names agencies too.
"""

from __future__ import annotations

import re

from ..records import Mention
from .mention_full_names import person_name_shape, unknown_name
from .mention_labels import TITLED_FIXABLE

__all__ = ["byline_people"]

# Where an author's name stands: "By" opening the sentence or a "|" field, perhaps after a
# first author ("By Ann Castell and "); an opinion page's "solely those of".
_AUTHOR_BEFORE = re.compile(
    r"(?:(?:^|\|)\s*By (?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){1,3} and )?|\bsolely those of )$")
# Words of a newsroom's or an agency's name, which a byline gives instead of a person's.
_NEWSROOM_WORDS = frozenset(
    "press news staff wire service services agency agencies times post reporters correspondents desk team "
    "bureau editors editorial board report newswire".split())


def _author_name(text: str) -> bool:
    return person_name_shape(text) and not any(w.lower() in _NEWSROOM_WORDS for w in text.split())


def byline_people(found: list[list[Mention]], texts: list[str]) -> list[list[Mention]]:
    """Per sentence (``found[i]`` the mentions of ``texts[i]``): a name the model calls a body,
    a place or a work, standing where a byline or a disclaimer names the author (module
    docstring), is a person's."""
    out = []
    for ms, text in zip(found, texts):
        row = []
        for m in ms:
            if m.label in TITLED_FIXABLE and _author_name(m.span.text) \
                    and _AUTHOR_BEFORE.search(text[:m.span.start]) and unknown_name(m.span.text):
                m = m.replace(label="PERSON", evidence="context")
            row.append(m)
        out.append(row)
    return out
