"""Where a name's span starts and ends within an entity span, and the title before it.

Leading ``the``, honorifics (``Mr``, ``Ms``, ``Dr``, ``Sir``), titles (``US President``,
``Apple CEO``, ``Arnholt's Foreign Minister``) and a country or company written before a
full name (``United States Barack Obama``: the country becomes a mention of its own) are kept
out of the name span and remembered as the mention's ``title`` (:func:`name_pieces`,
:func:`title_before`); possessive ``'s`` is trimmed, and an owner's possessive cut off an
organisation (``Northford's Ministry of Defence`` -> ``Ministry of Defence``). Used by
:func:`storyline.nlp.mentions.find_mentions` and the spaCy component
(:mod:`storyline.nlp.mention_fixes`).
"""

from __future__ import annotations

from ..canonical_names import (
    HONORIFICS, ROLE_MODIFIERS, TITLE_WORDS, description_prefix, fold, is_place_key, strip_titles,
)
from ..canonical_types import INSTITUTION_HEADS, head_label, legal_form

__all__ = ["name_pieces", "title_before", "office_before"]

# Short capitalised words that start a title before a name ("US President", "UK Foreign
# Secretary"): a country abbreviation, or an adjective of office (general knowledge).
_TITLE_PREFIXES = frozenset("us uk un eu former acting then deputy vice chief foreign defence defense interior "
                            "prime senior".split())


_DETERMINERS = frozenset({"the", "The", "THE"})


_POSSESSIVES = ("'s", "’s", "'", "’")


# Words that name a kind of body or office, not one: before a title word they are part of
# it ("Defence Minister", "Party leader", "Council leader").
_GENERIC = ROLE_MODIFIERS | INSTITUTION_HEADS


def _title_word(text: str) -> bool:
    low = text.lower().rstrip(".")
    return low in TITLE_WORDS or low in HONORIFICS


def name_pieces(ent, label: str) -> list[tuple[int, int, str, int]]:
    """(start, end, label, title start) token ranges of the names in ``ent`` (labelled
    ``label``): the name, and a country or company written before a person's full name as
    its own mention. The title is the tokens from ``title start`` to ``start``."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while end - start > 1 and doc[end - 1].text in _POSSESSIVES:
        end -= 1
    while end - start > 1 and doc[start].text in _DETERMINERS:
        start += 1
    first = start
    for k in range(end - 2, start, -1):  # an owner's possessive inside the span
        if doc[k].text in _POSSESSIVES[:2] and doc[k + 1].text[:1].isupper():
            start = k + 1
            break
    if label != "PERSON" and _honorific_before(doc, start) < start \
            and all(t.text[:1].isupper() for t in doc[start:end]) \
            and not head_label(doc[start:end].text, "PERSON") and not legal_form(doc[start:end].text):
        return [(start, end, "PERSON", _honorific_before(doc, start))]  # "Mr Ford" tagged ORG
    if label != "PERSON":
        while end - start > 1 and doc[end - 1].text.isupper() and doc[end - 1].text.lower() in TITLE_WORDS:
            end -= 1  # a transcript's caption: "BEN WEDEMAN, CNN CORRESPONDENT:"
        while end - start > 1 and doc[end - 1].text[:1].isupper() and doc[end - 1].text.lower() in TITLE_WORDS \
                and _person_next(doc, end + (end < len(doc) and doc[end].text == ".")):
            end -= 1  # the title of the person named next: "Ford Motor Co Executive | Chairman Bill Ford",
            # a rank's abbreviation and its dot: "NATO | Brig. Gen. Ana Holm"
        if end - start > 2 and doc[end - 1].lower_ in ("quote", "unquote") and doc[end - 2].lower_ == "end":
            end -= 2  # a speaker reading a statement aloud: "... said the White House, end quote"
        if end - start == 1 and end < len(doc) and _title_word(doc[end].text) \
                and doc[start].text.lower() in _GENERIC:
            return []  # "Defence" in "Defence Minister Matthias Kray": part of a title
        return [(start, end, label, start)]
    rest, title = strip_titles([t.text for t in doc[start:end]])
    if rest:
        start += len(title)
    out = []
    n = description_prefix([t.text for t in doc[start:end]]) if rest else 0
    if n:
        key = fold(doc[start:start + n].text)
        out.append((start, start + n, "GPE" if is_place_key(key) else "ORG", start))
        start += n
    before = title_before(doc, first)
    out.append((start, end, "PERSON", before if before < first else first))
    return out


def _person_next(doc, i: int) -> bool:
    """Does a person's name or a title word start at token ``i``?"""
    return i < len(doc) and (doc[i].ent_type_ == "PERSON" or _title_word(doc[i].text))


# Honorifics that make the name right after them a person's whatever the model's label ("Mr
# Ford" tagged ORG where Ford Motor is in the news); not the royal ones ("Prince Edward Island").
_PERSON_HONORIFICS = frozenset("mr mrs ms miss mx dr".split())


def _honorific_before(doc, i: int) -> int:
    """Where an honorific written just before token ``i`` starts (``Mr``, ``Mr.``); ``i`` when
    there is none."""
    j = i - 1 if i > 0 and doc[i - 1].text == "." else i
    if j > 0 and doc[j - 1].text.lower().rstrip(".") in _PERSON_HONORIFICS and doc[j - 1].text[:1].isupper():
        return j - 1
    return i


# Title words that, right before a name in any case, say it is a person's ("chief executive
# Ines Marlow", "analyst Carla Menzies"); not those that also begin or qualify other names
# ("former", "General", "Prince Edward Island", "head office", "Justice Department"), nor
# the roles a firm holds in finance ("lead manager Societe Generale", "financial adviser
# Goldman Sachs", "legal counsel", "trustee").
_NOT_OFFICES = frozenset(
    """former acting chief deputy vice head general leader king queen prince princess lady lord
    sir dame host major justice presiding defender striker goalkeeper midfielder coach manager
    adviser advisor counsel trustee""".split())


def office_before(doc, i: int) -> bool:
    """Is token ``i`` written right after a person's title word, in any case?"""
    j = i - 1 if i > 0 and doc[i - 1].text == "." else i
    if j == 0:
        return False
    low = doc[j - 1].text.lower().rstrip(".")
    return (low in TITLE_WORDS or low in HONORIFICS) and low not in _NOT_OFFICES


def title_before(doc, i: int) -> int:
    """Where a title written just before token ``i`` starts ("US President", "Mr", "Apple
    CEO", "Arnholt's Foreign Minister", "the President of the United States"); ``i`` when
    there is none."""
    j = i
    while j > 0:
        tok = doc[j - 1]
        if _title_word(tok.text) or tok.text in (".",) and j - 2 >= 0 and _title_word(doc[j - 2].text):
            j -= 1
            continue
        if j < i and tok.text in _POSSESSIVES[:2] and j - 2 >= 0 and doc[j - 2].text[:1].isupper():
            j -= 1
            continue
        if tok.text[:1].isupper() and (tok.text.lower() in _TITLE_PREFIXES or tok.ent_type_ in ("GPE", "NORP", "ORG")
                                       or j < i and tok.text.lower() in ROLE_MODIFIERS):
            j -= 1  # "Chief Operating Officer": a modifier of the title after it
            continue
        if j < i and tok.text in ("and", "&") and j >= 2 and doc[j - 2].text[:1].isupper() \
                and _title_word(doc[j - 2].text):
            j -= 1  # "Chairman and Chief Executive": two titles of one person
            continue
        if tok.text == ")" and j >= 4 and doc[j - 3].text == "(" and doc[j - 2].text.isupper() \
                and _title_word(doc[j - 4].text):
            j -= 3  # "Chief Executive Officer (CEO)": the title's abbreviation
            continue
        if j < i and tok.text in ("of", "the") and any(
                t.text[:1].isupper() for t in doc[max(0, j - 3):j - 1] if t.text not in ("of", "the")):
            j -= 1  # "President of the United States": crossed only inside a title
            continue
        break
    while j < i and not doc[j].text[:1].isupper():
        j += 1
    return j if j < i and any(_title_word(t.text) for t in doc[j:i]) else i
