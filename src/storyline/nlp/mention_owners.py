"""The state written as the owner of a state body just before it.

A ministry's owner (``Northford's Ministry of Defence``, crawled ``Northfords Ministry of
Defence``), which the model leaves out of the body's span, is kept as the mention's title, so
that canonical resolution tells two states' ministries of one portfolio apart
(:mod:`storyline.canonical_ministries`). A capital written as the owner of its state's
government, regime or ministry (``the Damascus government``) stands for its country
(metonymy): the place mention is marked :data:`~storyline.records.CAPITAL_STATE`, and canonical
resolution gives it the country (:mod:`storyline.capitals`)."""

from __future__ import annotations

import re

from ..canonical_aliases import fold, is_place_key
from ..capitals import capital_country
from ..records import CAPITAL_STATE, ROLE_EVIDENCE, Mention, Span

__all__ = ["capital_states", "ministry_owners", "place_possessives"]

# A capitalised word with a possessive ending right before the name; the apostrophe may have
# been stripped by the crawl ("Northfords").
_OWNER = re.compile(r"\b([A-Z][\w-]*?)(['’]s|s) $")
_MINISTRY = re.compile(r"\bMinistry\b")


def ministry_owners(mentions: list[Mention], texts: dict[int, str]) -> list[Mention]:
    """``mentions`` with a ministry's owner before it as its title: a possessive written with
    its apostrophe, or a stripped one whose base the article writes as a name of its own
    (``Northfords`` where ``Northford`` is a mention; a surname-like word ending in s is
    not read as a possessive otherwise). Canonical resolution keeps the owner only when it is
    a place."""
    names = {m.span.text for m in mentions}
    out = []
    for m in mentions:
        if m.label == "ORG" and not m.title and _MINISTRY.search(m.span.text):
            hit = _OWNER.search(texts.get(m.span.sentence_index, "")[: m.span.start])
            if hit and (hit.group(2) != "s" or hit.group(1) in names):
                m = m.replace(title=hit.group(1) + hit.group(2))
        out.append(m)
    return out


# A state body after its owner (a possessive, stripped or not, may come between): the words
# news writes for a country's government. Not ``authorities`` or ``council``: a capital's own
# city has those (``Tripoli authorities`` cleared a street).
_STATE_BODY = re.compile(r"(?:['’]?s)?\s+(?:government|regime|leadership|[Mm]inistry|[Mm]inistries)\b")


def capital_states(mentions: list[Mention], texts: dict[int, str]) -> list[Mention]:
    """``mentions`` with a place that is a capital and owns a state body (``the Damascus
    government``, ``the Tripoli regime``, ``Baghdads Ministry``) marked
    :data:`~storyline.records.CAPITAL_STATE`: canonical resolution gives it its country. The
    capital elsewhere (``shelling in Damascus``) stays the city."""
    out = []
    for m in mentions:
        if m.label in ("GPE", "LOC", "ORG") and m.evidence not in ROLE_EVIDENCE and capital_country(m.span.text) \
                and _STATE_BODY.match(texts.get(m.span.sentence_index, ""), m.span.end):
            m = m.replace(evidence=CAPITAL_STATE)
        out.append(m)
    return out


# "the Americas", "the Philippines": a plural place name is written after "the"; a stripped
# possessive ("Americas decision") is not.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def place_possessives(mentions: list[Mention], texts: dict[int, str]) -> list[Mention]:
    """``mentions`` with a country's stripped possessive (``Americas war``, ``Americas allies``)
    cut to the country's name (``America``): a crawl drops the apostrophe, and the model tags
    the word as the continents, a name of its own (``the Americas``) that canonical resolution
    would otherwise take it for. A one-word place only, and not after ``the``."""
    out = []
    for m in mentions:
        word = m.span.text
        if m.label in ("GPE", "LOC") and " " not in word and len(word) > 4 and word.endswith("s") \
                and word[:1].isupper() and not word.isupper() and is_place_key(fold(word[:-1])) \
                and not _THE_BEFORE.search(texts.get(m.span.sentence_index, "")[: m.span.start]):
            s = m.span
            m = m.replace(span=Span(s.sentence_index, s.start, s.end - 1, word[:-1]))
        out.append(m)
    return out
