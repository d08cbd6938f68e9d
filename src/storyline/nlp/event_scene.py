"""Names that only set the scene of an event (when, why or in exchange for what it happened) or
voice another party's answer to it.

A target found by position (the first name after the trigger) or inside a target phrase is
often no party to the event at all, but a name from what surrounds it: a time or reason
("agreed to a truce [after] talks between X and Y", "imposed a curfew [amid] unrest in X", "...
[as] X continued its offensive"), a bargain ("laid down their arms [in return for] guarantees
from X"), an aside ("pledged to cut taxes, [with] X calling for elections"). PLOVER's target
is whom the act is aimed at; a wrong one costs more than an empty one, so such names are
never targets by position (:func:`sets_the_scene`). Nor is a name that voices a reaction to the
event or a statement about it ("the raid drew condemnation from X", ":func:`another_voice`).
The rules' own places (an object, "on X") are not touched.
"""

from __future__ import annotations

from .event_lexicon import Lexicon
from .event_match import in_class, is_event_noun

# Prepositions that open a phrase of time, reason or concession: "after the talks", "amid
# unrest", "during a visit by X", "despite warnings from X", "pending a ruling", "because of"
# and "due to" (the parser makes "because" and "due" the preposition)
_SCENE_PREPOSITIONS = frozenset({"after", "following", "amid", "amidst", "during", "before",
                                 "since", "despite", "until", "till", "pending", "upon", "because",
                                 "due", "thanks"})
# Words that make the preposition after them one of circumstance, when the parser hangs it
# on them: "[because] of", "[due] to", "[thanks] to", "[ahead] of", "[prior] to"
_SCENE_HEADS = {"because": "of", "due": "to", "thanks": "to", "ahead": "of", "prior": "to"}
# Nouns that do so after "in" or "on", whatever hangs on them: "in [return] for", "in
# [exchange] for", "in [response] to", "in the [wake] of", "on the [eve] of", "in the
# [aftermath] of", "in [light] of", "in [spite] of", "in the [run-up] to" ("the [return] of
# the peacekeepers" is an act, not a bargain)
_SCENE_NOUNS = frozenset({"return", "exchange", "response", "reply", "wake", "aftermath", "eve",
                          "light", "spite", "run-up"})
# Conjunctions that open a clause of time, reason or concession: "[after] X agreed", "[as]
# fighting continued in X", "[while] X looked on", "[because] X had seized the tanker"
_SCENE_MARKS = frozenset({"after", "before", "when", "whenever", "while", "whilst", "as",
                          "since", "because", "until", "till", "once", "although", "though",
                          "whereas"})


def sets_the_scene(tok, top, lexicon: Lexicon, *, partners: bool = True) -> bool:
    """Whether ``tok`` sits in a phrase or clause of circumstance below ``top`` (the trigger,
    or the head of a target phrase) or below one of its ancestors, but not holding ``top``:
    a prepositional phrase of time, reason or bargain (``_SCENE_PREPOSITIONS``,
    ``_SCENE_HEADS``; "as part of"), an adverbial clause opened by one of ``_SCENE_MARKS``, or
    an absolute "with" clause ("with X calling for elections").

    With ``partners``, a meeting's partner in such a phrase stays (a target): "clashed with the
    premier during a visit [to X]", "agreed after talks [with X]" (the lexicon class
    ``meeting``); a pair that met ("after talks between X and Y") is no partner of the event.
    As an actor, no name in the scene stays ("After talks with [X] collapsed, troops were
    sent")."""
    above = {top.i} | {t.i for t in top.ancestors}
    node, partner_of = tok, None
    for _ in range(32):  # the token's ancestors; deeper chains are parse noise
        if node.i in above:
            return False
        if _opens_scene(node):
            return not (partner_of is not None and partner_of.head.i == node.i)
        if partners and node.dep_ == "pobj" and node.head.lower_ in ("with", "to") and node.head.head.i != node.head.i \
                and in_class(lexicon, node.head.head, ("meeting",)):
            partner_of = node.head.head  # "a visit [to] X", "talks [with] X"
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _opens_scene(node) -> bool:
    """Whether ``node`` heads a phrase or clause of circumstance (see :func:`sets_the_scene`)."""
    word = node.lower_
    if node.dep_ == "prep":
        if word in _SCENE_PREPOSITIONS:
            return True
        head = node.head
        if head.i != node.i and _SCENE_HEADS.get(head.lower_) == word:
            return True
        # "as part of a deal with X": the deal is the frame, X no target
        return word == "of" and head.lower_ == "part" and head.dep_ == "pobj" and head.head.lower_ == "as"
    if node.dep_ == "pobj" and word in _SCENE_NOUNS:
        return node.head.lower_ in ("in", "on")
    if node.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _SCENE_MARKS for c in node.children)
    if node.dep_ in ("pcomp", "pobj") and node.head.lower_ == "with":
        # "with X calling for elections": a clause of its own, its subject no party to the event
        return node.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in node.children)
    return False


def another_voice(tok, top, lexicon: Lexicon) -> bool:
    """Whether ``tok`` names who answered or told of the event rather than whom it was aimed at:
    it sits in a "from" or "by" phrase on a reaction or statement (the lexicon class
    ``answers``) or on another event noun, outside the phrase of ``top`` (the trigger, or the
    head of a target phrase) or set off from it as an aside ("the shelling of the port drew an
    angry response [from] X", "sparked an outcry from rights groups in X", "withdrew its
    ambassador, a statement [from] the X ministry said"). What the event itself is done to
    keeps its names ("rejected the criticism [from] X")."""
    above = {top.i} | {t.i for t in top.ancestors}
    node = tok
    for _ in range(6):  # a few links up: "from [rights groups] in X"; deeper is parse noise
        if node.i in above or node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ in ("from", "by"):
            noun = node.head
            if noun.i == top.i or not (in_class(lexicon, noun, ("answers",)) or is_event_noun(noun, lexicon)):
                return False
            return noun.dep_ == "appos" or not any(t.i == noun.i for t in top.subtree)
        node = node.head
    return False
