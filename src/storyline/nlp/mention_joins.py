"""Two names the crawl ran together without a comma, found by the article's own names.

A stripped caption or a lost comma leaves a body or a place and a person in one span
(``White House Hugo Chavez``, ``UN Mohamed Shalgham``), which the model tags as one
organisation: the person's name would then never join the person, and the body would gain a
name of its own. The span is cut in two when its first words are a known organisation or
place and the rest is a name the same article writes alone, as a person's or in a full name's
shape whose last word is no dictionary word (``Hugo Chavez`` tagged ORG alone; not ``Evening
Standard`` of ``London Evening Standard``) (:func:`joined_names`). A span the model calls a person is left to canonical resolution,
which reads a country or company before a full name as the person's title.
"""

from __future__ import annotations

from ..canonical_names import ORG_NAMES, fold, is_place_key
from ..records import Mention, Span
from .engine import dictionary_lemmas
from .mention_labels import full_name_shape

__all__ = ["joined_names"]

# The longest known name read at the front of such a span ("United Arab Emirates"); the
# person's name after it has at least two words, as a full name has.
_MAX_HEAD_WORDS = 3
_MIN_PERSON_WORDS = 2


def joined_names(found: list[list[Mention]]) -> list[list[Mention]]:
    """Each sentence's mentions with every span that runs a known body or place into a person
    the article names alone cut in two: the body (``ORG``) or place (``GPE``), then the
    person (``PERSON``). A span is never its own evidence: its rest must be written alone."""
    people = {m.span.text for ms in found for m in ms if m.label == "PERSON"}
    people |= {m.span.text for ms in found for m in ms if _person_shape(m.span.text)}
    return [[piece for m in ms for piece in _cut(m, people)] for ms in found]


def _person_shape(text: str) -> bool:
    """A full name's shape (:func:`full_name_shape`) ending in no dictionary word: a person's
    name whatever the model's label (``Hugo Chavez``; ``Evening Standard``, ``Air Force`` are
    not)."""
    last = text.split(" ")[-1].lower()
    return full_name_shape(text) and last not in dictionary_lemmas("noun") and last not in dictionary_lemmas("adj")


def _cut(m: Mention, people: set[str]) -> list[Mention]:
    words = m.span.text.split(" ")
    if m.label == "PERSON":
        return [m]
    for k in range(1, min(_MAX_HEAD_WORDS, len(words) - _MIN_PERSON_WORDS) + 1):
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        key = fold(head)
        if rest not in people or not (key in ORG_NAMES or is_place_key(key)):
            continue
        sentence, start = m.span.sentence_index, m.span.start
        body = Span(sentence, start, start + len(head), head)
        person = Span(sentence, m.span.end - len(rest), m.span.end, rest)
        return [m.replace(span=body, label="ORG" if key in ORG_NAMES else "GPE", evidence=""),
                m.replace(span=person, label="PERSON", title="", evidence="")]
    return [m]
