"""Who acts and who is addressed when a governing verb takes an event over.

When :func:`.event_modality.climb` finds "Ostara *urged* Vellmark to withdraw" or "the militia
*called for* a truce", the governor's own parties replace or complete the event's: the one who
urges, threatens or plans is the new actor (:func:`governor_subject`), the one urged or warned
the target (:func:`addressee_of`). This module answers those questions of grammar; what each
governor role does to the event's type and mode stays in :mod:`.event_modality`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import event_args as args
from . import event_pronouns as pronouns
from .event_governors import roles_of
from .event_mood import OBLIGING

if TYPE_CHECKING:
    from .event_modality import Draft

# nouns of pressing someone, whose "on" names who is pressed ("put pressure on X to withdraw")
_PRESSING = frozenset({"pressure"})


def governor_subject(gov):
    """Actor of a governing verb: its subject, or in the passive its "by" agent.

    For a governing noun ("no plans to", "Vellmark's threat to"): its owner, else the actor
    of the verb it is the object of."""
    if gov.pos_ in ("NOUN", "PROPN"):
        owner = args.agent_modifier(gov)
        if owner is not None or gov.dep_ not in ("dobj", "attr", "nsubjpass", "obj"):
            return owner
        gov = gov.head
    subj, passive = args.subject_of(gov)
    if subj is not None and subj.lower_ == "it" and gov.lemma_ == "be" and not passive:
        return None  # "[it] was time for X to go": an empty subject
    if passive:  # "the EU was [prepared] to impose tariffs": an adjective's subject is its owner
        # (the tagger often reads "was prepared" as a passive verb: the same idiom)
        return args.agent_of(gov) or (subj if gov.pos_ == "ADJ" or gov.lemma_ == "prepare" else None)
    return subj


def addressee_of(gov, draft: Draft):
    """Who a request/threat/accusation is addressed to: "urged [X]", "called on [X]"."""
    obj = args.object_of(gov)
    if obj is not None and not args.same(obj, draft.noun) and obj.pos_ in ("PROPN", "NOUN", "PRON") \
            and args.usable_target(obj):
        return obj
    words = ("on", "upon", "to", "against") if gov.pos_ in ("VERB", "AUX") else ("to", "against")
    found = args.prep_object(gov, words)
    if found is None and gov.pos_ in ("VERB", "AUX"):
        found = args.dative_of(gov)  # "gave [X] a week to withdraw"
    if found is None and gov.pos_ == "NOUN" and gov.dep_ == "dobj" and gov.lemma_.lower() in _PRESSING:
        found = _on_whom(gov)  # "put pressure [on X] to withdraw", not "an appeal on television"
    if found is None and gov.pos_ == "NOUN" and gov.dep_ == "dobj":  # "gave [X] a deadline to"
        found = next((c for c in gov.head.children if c.dep_ == "dative"), None)
    return found if args.usable_target(found) else None


def _on_whom(noun):
    """Whom pressure named by an object noun is put on: "put pressure [on X]", "piled
    pressure upon X" (the parser hangs "on" on the noun or on its verb, after the noun)."""
    found = args.prep_object(noun, ("on", "upon"))
    if found is None:
        found = next((p for c in noun.head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                      and c.i > noun.i for p in c.children if p.dep_ == "pobj"), None)
    return found


def same_party(gov, draft: Draft) -> bool:
    """Whether the act reported under "warned that..." is the speaker's own ("it would")."""
    if draft.actor is None:
        return False
    speaker = governor_subject(gov)
    if pronouns.is_pronoun(draft.actor):
        return True
    return speaker is not None and draft.actor.lower_ == speaker.lower_


def asked_of_another(clause, link, draft: Draft, lexicon) -> bool:
    """Whether the event's own should/must clause is reported by a speaker of another party:
    "Hale said [Ostara] should withdraw" is Hale's call on Ostara. A pronoun may be the speaker
    itself ("Hale said she should resign"), so it is left a hedge, as is a clause no one reports
    and one whose subject is not the event's actor ("those who threaten must know that X will
    act")."""
    subject = args.subject_of(clause)[0]
    return link is not None and link[1] == "ccomp" and draft.actor is not None \
        and subject is not None and subject.i == draft.actor.i \
        and "SPEECH" in roles_of(link[0], lexicon, "ccomp", "") and governor_subject(link[0]) is not None \
        and (not same_party(link[0], draft) or _thing_of_person(draft.actor, governor_subject(link[0])))


def demanded_by_no_one(clause, lexicon) -> bool:
    """Whether a should/must clause is the sentence's own demand, which no one in it makes: the
    main clause, or one joined to it or hanging on a "needs to"/"has to" that is ("The ruler
    must step down", "Kaldor needs to resign"), with no reporting verb hanging on it and no
    "according to". PLOVER's REQUEST needs a requester; the writer's or an unnamed voice's
    demand is no act of the one asked. A first person ("we must leave") is a speaker's own
    resolve in a quotation, and stays as told."""
    subject = args.subject_of(clause)[0]
    if subject is not None and subject.lower_ in ("we", "i"):
        return False
    node = clause
    while node.head.i != node.i:
        if node.dep_ != "conj" and not (node.dep_ == "xcomp" and node.head.lemma_ in OBLIGING):
            return False
        node = node.head
    if any(c.dep_ in ("ccomp", "parataxis", "advcl") and "SPEECH" in lexicon.govs.get(c.lemma_.lower(), ())
           for c in node.children):
        return False  # "Kaldor must go, the marchers chanted" read with the chant hanging on it
    return not any(t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"
                   for t in clause.doc)


def _thing_of_person(pronoun, speaker) -> bool:
    """Whether ``it`` is said by a person, so stands for someone else: "he said [it] should
    end its aid" (a state, a body), never the speaker."""
    return pronoun.lower_ == "it" and (speaker.ent_type_ == "PERSON" or speaker.lower_ in ("he", "she"))


def own_truce(draft: Draft, gov, asker, addressee, lexicon) -> bool:
    """Whether a truce asked for is asked by a party to the fighting, asking no one: its
    counterpart is named ("sought a truce [with] the rebels") or the asker is an armed group
    ("the militia called for a ceasefire"). PLOVER codes a warring side's own call to end its
    conflict as AGREE, the side's stated intent; a third party's call stays a REQUEST."""
    if draft.type != "RETREAT" or draft.mode != "ceasefire" or draft.noun is None:
        return False
    counterpart = args.prep_object(draft.noun, ("with",)) or args.prep_object(gov, ("with",))
    if addressee is not None and counterpart is None:
        return False  # "urged both sides to agree a ceasefire"
    return counterpart is not None or (
        asker is not None and lexicon.in_class(asker.lemma_.lower(), "", ("armed",)))
