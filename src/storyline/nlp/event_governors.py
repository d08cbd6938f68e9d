"""Which word governs an event and through which link, and what the lexicon says it does.

An event word sits under other words: the object of ``promised``, the complement of
``refused to``, an infinitive on ``a deadline``, a noun after ``call for``. :func:`governor_link`
climbs one step of that chain (the governor, the kind of link, the preposition), reading the
parser's common slips (an infinitive it hung on the verb in ``gave X a week to withdraw`` or
``put pressure on X to withdraw``); :func:`roles_of` gives the lexicon roles a governor has
through that link (``gov`` rows of ``data/event_lexicon.tsv``). :mod:`.event_modality` applies
the roles.
"""

from __future__ import annotations

from . import event_args as args
from .event_match import in_class

__all__ = ["governor_link", "roles_of"]

# Which governor roles apply through which link ("obj": the event noun is the object...).
_ROLES_BY_LINK = {
    "obj": ("REVERSE", "INTENT", "SEEK", "INVITE", "THREAT", "REQUEST", "REFUSE", "DENY",
            "UNDERGO", "LIGHT", "ATTEST"),
    "xcomp": ("INTENT", "SEEK", "INVITE", "THREAT", "REQUEST", "REFUSE", "DENY", "REVERSE",
              "HEDGE", "LIGHT"),
    "ccomp": ("THREAT", "DENY", "HEDGE", "REQUEST", "INTENT", "SPEECH"),
    "acl": ("INTENT", "THREAT", "REQUEST", "REFUSE", "DENY", "HEDGE", "LIGHT", "ACCUSE"),
    "subj": ("OCCUR", "CAUSE", "CEASE"),
}


def governor_link(node):
    """(governor, link kind, preposition) of a node, or None at the top of its chain."""
    dep = node.dep_
    head = node.head
    if head.i == node.i:
        return None
    if dep == "conj":
        return governor_link(head)
    if dep in ("xcomp", "ccomp"):
        return head, dep, ""
    if dep in ("dobj", "nsubjpass", "attr", "oprd", "obj"):
        return head, "obj", ""
    if dep == "nsubj" and node.pos_ in ("NOUN", "PROPN"):
        return head, "subj", ""
    if dep in ("pcomp", "pobj") and head.dep_ in ("prep", "agent") and head.head.i != head.i:
        return head.head, "prep", head.lower_
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
        return head, "acl", ""
    if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children):
        return head, "prep", "for"  # "calling for the mayor [to step down]": the parser reads
        # "for X to act" as a clause marked by "for", not as the object of "call for"
    if dep == "relcl" and head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return head, "acl", ""  # "a deadline [to withdraw]": an infinitive the parser calls relcl
    if dep == "acomp":
        return head, "cop", ""
    if dep == "advcl" and node.i >= 2 and node.doc[node.i - 1].lower_ == "to":
        if _time_given(head, node):
            return head, "given", ""  # "gave X a week [to withdraw]": a deadline given to X
        noun = node.doc[node.i - 2]  # "rejected calls to release": parsed as the verb's advcl
        if noun.pos_ == "NOUN" and noun.head.i == head.i:
            return noun, "acl", ""
        noun = args.object_of(head)  # "put [pressure] on X to withdraw": the object, then whom it is on
        if noun is not None and noun.pos_ == "NOUN" and noun.i < node.i and _pressed(head, noun, node):
            return noun, "acl", ""
    return None


def _time_given(verb, clause) -> bool:
    """Whether an infinitive tells what someone was given time to do: "gave X [a week] to
    withdraw", "gave X [until Friday] to leave" (a deadline; the parser hangs the infinitive
    on the verb, so it would read as the giver's own act)."""
    if verb.lemma_.lower() != "give" or args.dative_of(verb) is None and args.object_of(verb) is None:
        return False
    return any(c.i < clause.i and (c.ent_type_ in ("DATE", "TIME") or c.dep_ == "prep" and c.lower_ == "until")
               for c in verb.children)


def _pressed(verb, noun, clause) -> bool:
    """Whether an infinitive after "VERB NOUN on X" tells what X is pressed to do ("put
    pressure on X [to withdraw]"): the words between the object and "to" are one phrase on
    "on" or "upon", hung on the verb or the noun."""
    prep = next((c for c in (*verb.children, *noun.children) if c.dep_ == "prep"
                 and c.lower_ in ("on", "upon") and noun.i < c.i < clause.i), None)
    return prep is not None and prep.right_edge.i == clause.i - 2


def roles_of(gov, lexicon, link: str, prep: str, node=None) -> tuple[str, ...]:
    """The lexicon roles of a governor usable through this link, most specific key first.

    Through a preposition only ``lemma_prep`` keys count ("call_for", "come_under",
    "accuse_of"): a bare "led to the arrest" or "talked about sanctions" realises nothing.
    A verb with a particle counts only by its ``lemma_particle`` key ("carry_out",
    "call_off"): "made up of" is not "made". A copula is read by its predicate: "were [dead]
    in clashes" by ``dead_in``, "the war is [over]" by ``be_over``. Being under an event
    (``be_under``) is undergoing it only for the governed ``node`` in lexicon class ``beset``: a
    city "under siege" or "under fire", not a people "under threat" or dignity "under assault"."""
    if link == "given":
        return ("THREAT",)  # "gave X a week to withdraw": a deadline, whatever else "give" governs
    lemma = gov.lemma_.lower()
    if lemma == "time" and gov.dep_ != "attr":
        return ()  # "it is [time] for X to go" asks it; "failed for the fourth time to agree" does not
    if link == "prep":
        if lemma == "be":
            lemma = next((c.lemma_.lower() for c in gov.children if c.dep_ == "acomp"), lemma)
            if lemma == "be" and prep == "under" and not in_class(lexicon, node, ("beset",)):
                return ()
        elif prep == "of":  # "Berg stopped short [of] calling ...": the parser may hang "of" on
            # the verb, not on "short", in the simple past; "fell short of", "stopped shy of"
            lemma = next((c.lower_ for c in gov.children if c.dep_ == "advmod" and c.lower_ in ("short", "shy")),
                         lemma)
        return lexicon.govs.get(f"{lemma}_{prep}", ()) if prep else ()
    keys = [f"{lemma}_{c.lower_}" for c in gov.children
            if c.dep_ == "prt" or lemma == "be" and c.dep_ == "advmod" and c.lower_ == "over"]
    if not keys:  # "made up of", "set out": a particle of no known phrasal verb
        keys.append(lemma)
        if lemma not in lexicon.govs:  # a lemma the lemmatizer got wrong
            keys += [g for g in args.stems(gov.lower_) if g in lexicon.govs]
    if link == "subj":  # "the curfew went [into] effect": the verb and its preposition
        keys = [f"{lemma}_{c.lower_}" for c in gov.children
                if c.dep_ == "prep" and f"{lemma}_{c.lower_}" in lexicon.govs] + keys
    allowed = _ROLES_BY_LINK.get(link, ())
    return tuple(r for k in keys for r in lexicon.govs.get(k, ()) if r in allowed)
