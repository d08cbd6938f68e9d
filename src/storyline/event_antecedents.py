"""Who an event's pronoun stands for: the entity behind an actor or target written "he", "she",
"it" or "they", for the enrich stage's linking of events to entities.

The event coder resolves a pronoun inside its sentence when the parse says so ("Russia denies
that [it] intends to ...": Russia, :func:`storyline.nlp.event_pronouns.resolve_pronoun`). What is
left is a pronoun whose antecedent is in an earlier sentence, which only an article read in
order can give (:class:`Reading`; ``enrich.lines_in_order`` for line-format crawls, whose
lines are often shuffled): he/she/him/her the one person (:func:`person_for`), it/they the one
organisation, country or people (:func:`group_for`) the nearest sentence before names as a
subject. Ambiguity leaves the pronoun unlinked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .canonical import NameResolver
from .nlp.event_args import stems
from .nlp.event_lexicon import load_lexicon
from .records import Article, Mention, Span
from .settings import Settings


def in_reading_order(article: Article, settings: Settings) -> bool:
    """Whether an article's stored sentence order is its reading order (see
    ``enrich.lines_in_order``)."""
    return article.format != "lines" or settings["enrich.lines_in_order"]


@dataclass(frozen=True)
class Reading:
    """An article read in order, as event linking needs it: for each editorial sentence, the
    ones before it within ``enrich.event_pronoun_window`` (nearest first), and their texts."""

    before: dict[int, tuple[int, ...]]
    texts: dict[int, str]

    @classmethod
    def of(cls, article: Article, settings: Settings) -> Reading | None:
        window = settings["enrich.event_pronoun_window"]
        if window < 1 or not in_reading_order(article, settings):
            return None
        editorial = article.editorial()
        order = [s.index for s in editorial]
        before = {i: tuple(reversed(order[max(0, k - window):k])) for k, i in enumerate(order)}
        return cls(before, {s.index: s.text for s in editorial})


# Pronouns that stand for one person, with their gender: an event's actor or target written
# so is the one person named before it in the sentence ("Police arrested Berg and questioned him").
PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}


def person_for(span: Span, mentions: Sequence[Mention], other: str, resolver: NameResolver,
               reading: Reading | None) -> str:
    """The entity a he/she/him/her ``span`` stands for, or ``""``.

    In its own sentence: the one person named before it, other than the event's other party
    (a pronoun is not its own antecedent: "Berg met Hale and thanked her") and not of the
    other gender when honorifics said it. Several there: no one. None there, and the article
    is read in order: the nearest of the ``enrich.event_pronoun_window`` sentences before it
    that names a compatible person decides, by the one person it names as a subject would be
    named (not as an owner, in brackets or after a preposition: "Mr Lund met Tomas Berg.
    He later saw leaders of the opposition" is ambiguous and stays unlinked; "the funeral of
    Ivo Marek" is no antecedent)."""
    gender = PERSON_PRONOUNS[span.text.lower()]

    def people(index: int, end: int) -> list[Mention]:
        return [m for m in mentions
                if m.label == "PERSON" and m.entity_id and m.entity_id != other
                and m.span.sentence_index == index and m.span.end <= end
                and resolver.gender(m.entity_id) in ("", gender)]

    here = {m.entity_id for m in people(span.sentence_index, span.start)}
    if here or reading is None:
        return here.pop() if len(here) == 1 else ""
    return _subject_before(span, reading, people, _SAME_PRONOUN[gender])


# Pronouns that stand for an organisation, a country or a people, with the entity labels each
# agrees with: "it" a body or a state, "they" a body or a people named in the plural ("the
# Kurds"; "Syrian" in "Syrian troops" names no one who acts), never a person and, for "they",
# never one country ("Vellmark said they ..." is rare in news, and ambiguous).
GROUP_PRONOUNS = {"it": frozenset({"ORG", "GPE"}), "they": frozenset({"ORG", "NORP"})}


def group_for(span: Span, mentions: Sequence[Mention], other: str, reading: Reading | None) -> str:
    """The entity an event's it/they actor ``span`` stands for, or ``""``: in an article read in
    order only, the one organisation, country or people (by the pronoun's number and kind:
    :data:`GROUP_PRONOUNS`) that the sentence before opens a clause with, as its subject would
    be named ("The Arnholt army shelled Kessling. [It] said ..."). Left unlinked: a pronoun
    whose own sentence names a candidate first or opens with another pronoun (the parse, which
    saw the sentence, did not make it the antecedent), two candidates, a sentence before whose own it/they comes first (the
    chain goes further back), and any pronoun of a shuffled crawl, where the line before says
    nothing."""
    if reading is None:
        return ""
    word = span.text.lower()
    labels = GROUP_PRONOUNS[word]

    def groups(index: int, end: int) -> list[Mention]:
        text = reading.texts.get(index, "")
        return [m for m in mentions
                if m.label in labels and m.entity_id and m.entity_id != other
                and m.span.sentence_index == index and m.span.end <= end
                and (m.label != "NORP" or m.span.text.endswith("s"))
                and opens_clause(m, text) and not _after_a_name(m, mentions)]

    own = reading.texts.get(span.sentence_index, "")
    first = re.match(r"\W*(\w+)", own)
    if groups(span.sentence_index, span.start) or first is not None and first.start(1) < span.start \
            and first.group(1).lower() in _SUBJECT_PRONOUNS:
        return ""  # "They said [it] amounted to ...": the sentence's own subject is a pronoun
    return _subject_before(span, reading, groups, _SAME_PRONOUN[word], nearest=True)


def _after_a_name(m: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether another name ends right before ``m``: a byline ("Jim Muir [BBC News], Beirut")
    or a name ``m`` is part of the title of, not a subject of its own."""
    return any(o.span.sentence_index == m.span.sentence_index and o.span.end < m.span.start
               and o.span.end >= m.span.start - 2 for o in mentions)


def _subject_before(span: Span, reading: Reading, candidates, same_pronoun: re.Pattern, nearest: bool = False) -> str:
    """The one entity that the nearest sentence before ``span`` naming any of ``candidates``
    names as a subject, or ``""`` (none, several, or that sentence's own pronoun of the same
    kind comes first: "He admitted that President Assad ...": the chain goes further back).
    With ``nearest``, only the sentence right before is read."""
    for index in reading.before.get(span.sentence_index, ())[:1 if nearest else None]:
        text = reading.texts[index]
        found = candidates(index, len(text))
        if found:
            if same_pronoun.search(text, 0, min(m.span.start for m in found)):
                return ""
            subjects = {m.entity_id for m in found if named_as_subject(m, text)}
            return subjects.pop() if len(subjects) == 1 else ""
    return ""


# A pronoun of the same kind: before a sentence's named antecedent, it is that sentence's
# topic ("He readily admitted that President Assad had ignored the agreement").
_SAME_PRONOUN = {"m": re.compile(r"\b(?:he|him|his)\b", re.I), "f": re.compile(r"\b(?:she|her)\b", re.I),
                 "it": re.compile(r"\b(?:it|its)\b", re.I), "they": re.compile(r"\b(?:they|them|their)\b", re.I)}


# Pronouns that open a sentence as its subject: a later it/they in it is read from that one.
_SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})


# Words after which a name is a preposition's object, not a sentence's subject.
_PREPOSITIONS = frozenset(
    "of with to by for from against about on at between among including like toward towards "
    "into onto upon over under without behind via alongside than".split())


# Words that may stand between a clause's opening and the name it opens with ("The Arnholt
# army", "the United Nations"): articles; any capitalised word but a preposition.
_OPENERS = frozenset({"the", "a", "an"})
# Words that open a sentence with an adverbial phrase or clause before its subject ("In a
# report out on Tuesday, the rights group said ..."): after its comma the subject comes.
_FRONTED = frozenset({"in", "on", "at", "after", "before", "during", "since", "as", "when", "while", "although",
                      "though", "if", "despite", "following", "earlier", "later", "last", "meanwhile"})
# Words that join conjuncts: the name after one is named the way the one before it is ("with
# Leon Panetta and [James Mattis]": an object too).
_COORDINATORS = frozenset({"and", "or", "nor"})
# ... and "but", which joins clauses rather than names: the subject of its own clause comes
# after it ("But [Russia] said").
_CONJUNCTIONS = _COORDINATORS | {"but"}
# The lexicon's classes of people and bodies: a name before one of them modifies it ("[UK]
# ambassador", "[Arab League] members", "[UN] monitors"), the subject is the noun after it.
_PEOPLE_CLASSES = ("agent", "person", "troops", "police", "diplomats", "govt", "workforce", "press", "media",
                   "reporters", "guests", "crowd", "held", "armed")


def opens_clause(m: Mention, text: str) -> bool:
    """Whether a mention is named the way a subject is: it opens its sentence, with nothing
    but an article or capitalised words before it, or the main clause after a fronted
    adverbial ("In a report on Wednesday, [Amnesty] said ..."), and is no owner and no modifier
    of the noun or the name after it ("[UK] ambassador Mark Grant said", "[UN] envoy
    Ada Roth urged"); not an object ("told Reuters", "from Arab countries"), nor a name in
    apposition (", the largest rebel force, [the Valley Front], ...")."""
    if not named_as_subject(m, text) or _modifies(text[m.span.end:]):
        return False
    words = text[:m.span.start].split()
    for word in reversed(words):
        if word[-1] in ",;:-\u2013\u2014":
            opening = [w.lower().strip(",") for w in words if w.lower() not in _CONJUNCTIONS][:1]
            return opening[0] in _FRONTED if opening else False
        low = word.lower()
        if low in _OPENERS or low in _CONJUNCTIONS:
            continue  # "The UK and [France] presented", "But [Russia] said"
        if not word[:1].isupper() or low in _PREPOSITIONS or low in _FRONTED:
            return False
    return True


def _modifies(after: str) -> bool:
    """Whether the words after a name show it modifying a noun or a name: a capitalised word
    (a title, another name), or a noun of people or bodies."""
    words = after.split(maxsplit=1)
    if not words or not words[0][:1].isalnum() or after[:1] not in (" ", "\t"):
        return False
    word = words[0].strip(",.;:")
    if word[:1].isupper():
        return True
    lexicon = load_lexicon()
    return any(lexicon.in_class(w, "", _PEOPLE_CLASSES) for w in (word.lower(), *stems(word.lower())))


def named_as_subject(m: Mention, text: str) -> bool:
    """Whether a mention could be its sentence's subject: not an owner (``Assads allies``),
    not in brackets, and not after a preposition once the titles before it are passed
    (``talks with Russian President Vladimir Putin``)."""
    start, end = m.span.start, m.span.end
    after = text[end:end + 2]
    if after[:1] in ("'", "\u2019") or (after[:1] == "s" and not after[1:2].isalnum()):
        return False
    before = text[:start]
    if before.count("(") > before.count(")"):
        return False
    for word in reversed(before.split()):
        if word[-1] in ",;:-\u2013\u2014":
            return True  # a clause opens here ("In Cairo, Mr el-Araby ...")
        if word.lower() in _COORDINATORS:
            continue  # a conjunct is what the one before it is ("with Leon Panetta and James Mattis")
        if not word[:1].isupper():
            return word.lower() not in _PREPOSITIONS
    return True
