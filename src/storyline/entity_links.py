"""Linking what a quote or an event names to the entities of its article.

The enrich stage gives each mention a canonical entity; these functions then decide which
mention a quote's speaker or an event's actor and target is: the longest mention overlapping
the span (a person's full name first when the span is a person with a title), the head of a
speaker phrase or the body its agents speak for (``a Pentagon spokesman``), a pronoun through
the sentences before it in reading order (``event_antecedents``), a relation named after a
person (``Hale's wife`` is no Hale), and the speaker of a quote an event lies inside. They only
read mentions and quotes; the enrich stage writes what they return.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .canonical import NameResolver
from .event_antecedents import GROUP_PRONOUNS, PERSON_PRONOUNS, Reading, group_for, person_for
from .nlp.event_pronouns import spells_pronoun
from .records import ROLE_EVIDENCE, Event, Mention, Quote, Span

__all__ = ["NameIndex", "link_event", "link_speaker", "names_the_speaker", "overlapping"]


def overlapping(span: Span | None, mentions: Sequence[Mention], prefer_person: bool = False) -> Mention | None:
    """The longest mention overlapping ``span``; with ``prefer_person``, a person's full name
    first (a speaker written "Dr Ada Roth, Director General of the Harbour Health
    Agency" or "the head of the agency, Ada Roth" is Roth, not the organisation; a
    one-word "person" such as "Lorry" of "Lorry drivers in Eskeby" is not preferred)."""
    if span is None:
        return None
    best = None

    def rank(m: Mention) -> tuple[bool, int]:
        return (prefer_person and m.label == "PERSON" and " " in m.span.text.strip(), m.span.end - m.span.start)

    for m in mentions:
        if _overlaps(span, m) and (best is None or rank(m) > rank(best)):
            best = m
    return best


def _overlaps(span: Span, m: Mention) -> bool:
    s = m.span
    return s.sentence_index == span.sentence_index and s.start < span.end and span.start < s.end


def _by_name(name: str, mentions: Sequence[Mention]) -> Mention | None:
    """A mention of the article whose text is the speaker's name (or its last word). A role
    reference is no name: ``Tunisias president`` of one sentence does not make every speaker
    ending in ``president`` its holder."""
    if not name or name == "unknown":
        return None
    mentions = [m for m in mentions if m.evidence not in ROLE_EVIDENCE]
    for m in mentions:
        if m.span.text == name:
            return m
    last = name.split()[-1]
    candidates = {m.entity_id for m in mentions if m.label == "PERSON" and m.span.text.split()[-1] == last}
    if len(candidates) == 1:
        return next(m for m in mentions if m.entity_id in candidates)
    return None


class NameIndex:
    """Entity ids by every name form the resolver has seen, for spans the model did not tag
    as names in that sentence (a surname at the start of a sentence, say): a form that
    belongs to exactly one entity links to it; an ambiguous one links to nothing."""

    _HONORIFICS = ("Mr ", "Mrs ", "Ms ", "Miss ", "Dr ", "Mr. ", "Mrs. ", "Ms. ", "Dr. ")

    def __init__(self, resolver: NameResolver):
        self.resolver = resolver

    def lookup(self, text: str) -> str:
        text = text.strip()
        for prefix in self._HONORIFICS:
            if text.startswith(prefix):
                text = text[len(prefix):]
        return self.resolver.named(text)


# A speaker written as the agents or voice of a name ("a Pentagon spokesman", "Arnholt border
# guards", "Northford estimates") is linked to that name; other descriptions that mention a
# name ("Gadhafi son", "the mother of a woman who ... X", "residents of Eskeby") are not it.
_AGENTS = frozenset(
    "spokesman spokeswoman spokesperson spokesmen spokeswomen official officials representative "
    "representatives envoy envoys ambassador diplomat diplomats source sources statement police "
    "troops forces guards military army government authorities estimates figures media "
    "negotiators delegation leader leaders".split())
# Words before a name inside a speaker phrase that make the name something else than the head.
_NOT_HEAD_BEFORE = frozenset("of for to with from by who whom whose that which at in on near against about and or".split())
_SPEAKS_FOR = re.compile(
    r"\b(?:spokes(?:man|woman|person|men|women)|representatives?|envoys?|ambassadors?|officials?)\s+(?:for|of|to)\s+(?P<rest>.*)$",
    re.IGNORECASE)


def names_the_speaker(speaker: Span, m: Mention) -> bool:
    """Whether mention ``m`` inside the speaker phrase is who speaks: the phrase's head
    ("Norland leader Tomas Hale", "Ada Roth, Director General of ...", "the head of
    the agency, Ada Roth") or a name its agents or representative speak for ("a Pentagon
    spokesman", "Arnholt border guards", "a spokesman for X")."""
    text = speaker.text
    start, end = max(0, m.span.start - speaker.start), max(0, m.span.end - speaker.start)
    before, after = text[:start].rsplit(",", 1)[-1], text[end:].strip()
    blocked = bool(set(before.lower().split()) & _NOT_HEAD_BEFORE)
    if not blocked and (not after or after.startswith(",")):
        return True
    after_words = [w.strip(",.;:").lower() for w in after.split()]
    if not blocked and after_words and after_words[-1] in _AGENTS and not set(after_words) & _NOT_HEAD_BEFORE:
        return True
    found = _SPEAKS_FOR.search(before)
    return found is not None and not set(found.group("rest").lower().split()) & _NOT_HEAD_BEFORE


def link_speaker(quote: Quote, mentions: Sequence[Mention], names: NameIndex) -> Quote:
    speaker = quote.speaker
    heads = [] if speaker is None else [
        m for m in mentions if _overlaps(speaker, m) and names_the_speaker(speaker, m)]
    found = overlapping(speaker, heads, prefer_person=True)
    written = quote.speaker_name
    if found is None and (speaker is None or written.lower() != speaker.text.lower()
                          or all(w[:1].isupper() for w in written.split())):
        # a name the tagger missed here, or one resolved for a pronoun or a role ("the mayor
        # of Eskeby" -> Tom Pryce), is written elsewhere in the article; a description as
        # written ("the leaders of Northford and Arnholt") names no one
        found = _by_name(written, mentions)
    if found is not None and found.entity_id:
        return quote.replace(speaker_entity=found.entity_id)
    entity = names.lookup(quote.speaker_name) if quote.speaker_name != "unknown" else ""
    return quote.replace(speaker_entity=entity) if entity else quote


# First-person words: inside a quote, the speaker ("We will impose sanctions, Hale said").
_FIRST_PERSON = frozenset("i me we us".split())


# Nouns of a person's relation to someone: a name that owns one ("Assads father", "Obama's
# wife", "Gadhafi's lawyer") or follows one with "of" ("the son of Gadhafi") is not who acts.
_RELATIONS = frozenset(
    "father mother son daughter sons daughters wife husband brother brothers sister sisters uncle aunt "
    "cousin cousins nephew niece widow widower family relatives parents children grandson granddaughter "
    "grandfather grandmother fiance fiancee girlfriend boyfriend lawyer lawyers attorney attorneys "
    "biographer rival rivals opponent opponents critic critics victim victims successor predecessor "
    "killer killers assassin kidnappers captors".split())
_OWNER_MARK = re.compile(r"^(?:['’]s?)?\s+")
# "the Tarsk-based league", "US-backed rebels": the name says where from or who backs them;
# the phrase names the league or the rebels ("-led" is left out: a "Saudi-led coalition" acts
# as its leader's)
_MODIFYING_NAME = re.compile(
    r"^\s*-\s*(?:based|backed|born|funded|financed|owned|run|made|brokered|sponsored|allied|aligned|"
    r"trained|armed|supported|linked|inspired|bound)\b", re.IGNORECASE)


def _relation_of(span: Span, m: Mention) -> bool:
    """Whether ``m`` inside an actor or target ``span`` names someone the span is a relation
    of (``Assads father``, ``the son of Gadhafi``) or only qualifies it (``the Tarsk-based
    league``), not the actor or target itself."""
    text = span.text
    start, end = m.span.start - span.start, m.span.end - span.start
    if _MODIFYING_NAME.match(text[end:]):
        return True
    after = _OWNER_MARK.sub("", text[end:], count=1).split()
    if after and after[0].lower().strip(",.;:") in _RELATIONS:
        return True
    before = text[:max(0, start)].lower().split()
    return len(before) >= 2 and before[-1] == "of" and before[-2].strip(",") in _RELATIONS


def link_event(event: Event, mentions: Sequence[Mention], names: NameIndex,
                quotes: Sequence[Quote] = (), reading: Reading | None = None) -> Event:
    def link(span: Span | None) -> str:
        if span is None:
            return ""
        inside = [m for m in mentions if _overlaps(span, m)]
        found = overlapping(span, [m for m in inside if not _relation_of(span, m)])
        if found is not None and found.entity_id:
            return found.entity_id
        if inside:
            return ""  # the names in it are someone's relations: not the lookup's to guess
        return names.lookup(span.text)

    actor, target = link(event.actor), link(event.target)
    # a first-person word in a quote is its speaker, unless that makes the event the
    # speaker's own doing to the speaker
    if not actor and event.actor is not None and _first_person(event.actor.text):
        actor = _speaker_of(event.actor, quotes)
        actor = "" if actor == target else actor
    if not target and event.target is not None and _first_person(event.target.text):
        target = _speaker_of(event.target, quotes)
        target = "" if target == actor else target
    if not target and event.target is not None and event.target.text.lower() in PERSON_PRONOUNS:
        target = person_for(event.target, mentions, actor, names.resolver, reading)
    if not actor and event.actor is not None and event.actor.text.lower() in PERSON_PRONOUNS:
        actor = person_for(event.actor, mentions, target, names.resolver, reading)
    if not actor and event.actor is not None and spells_pronoun(event.actor.text, GROUP_PRONOUNS):
        actor = group_for(event.actor, mentions, target, reading)  # "The Arnholt army ... [It] said"
    if target == actor:
        target = ""  # nothing is done by an entity to itself in the dyads ("Turkey backs Turkeys decision")
    return event.replace(actor_entity=actor, target_entity=target)


def _first_person(text: str) -> bool:
    """I, me, we, us, in any case but capitals ("US" is the country)."""
    return spells_pronoun(text, _FIRST_PERSON)


def _speaker_of(span: Span, quotes: Sequence[Quote]) -> str:
    """The linked speaker of the quote whose content holds ``span``, or ``""``."""
    for q in quotes:
        if q.speaker_entity and any(c.sentence_index == span.sentence_index and c.start <= span.start
                                    and span.end <= c.end for c in q.content):
            return q.speaker_entity
    return ""
