"""Shots fired into the air: crowd control, or a show of joy, grief or defiance.

PLOVER codes firing weapons into the air to hold back a crowd as ASSAULT (mode crowd-control),
and the lexicon's rows do so ("soldiers fired into the air to disperse the crowd"). The same
shots fired by a cheering crowd, by fighters driving into a town or by a mourner at a funeral
aim at no one and hold no one back: celebratory gunfire is no event, and neither is firing into
the air with no force and no aim ("loyalists poured into the streets, firing into the air").

:func:`harmless_volley` says which is which for a verb of shooting, in this order:

1. forces (the lexicon classes ``troops`` and ``police``: soldiers, guards, the army, police)
   firing with a purpose ("to disperse", "in an effort to keep them back") control a crowd;
2. shots fired in joy, grief or salute (a word of the class ``festivity`` in the verb's phrase
   or its shooter's: "in celebration", "to celebrate", "the cheering crowd", "a mourner",
   "at a funeral") are none;
3. shots fired by forces, warning shots, or shots fired for a purpose ("to terrorise people")
   stay crowd control; any other shooter's are none.
"""

from __future__ import annotations

from . import event_args as args
from .event_lexicon import Lexicon
from .event_match import in_class

__all__ = ["harmless_volley"]

_SHOOTING = frozenset({"fire", "shoot"})
_SKY = frozenset({"air", "sky"})
_FORCES = ("troops", "police")
_FESTIVE = ("festivity",)
# children of the verb that are clauses or parties of their own, not its phrase
_OTHER_CLAUSES = frozenset({"conj", "cc", "ccomp", "parataxis", "nsubj", "nsubjpass"})
# nouns by which a phrase states an aim: "in an [effort] to disperse them", "in [order] to"
_AIMS = frozenset({"effort", "bid", "attempt", "order"})


def harmless_volley(verb, shooter, lexicon: Lexicon) -> bool:
    """Whether ``verb`` (fire, shoot) tells shots into the air that are no act of force (see
    the module docstring); ``shooter`` is the verb's actor as the frame resolved it, or None.
    False for every other verb and for shots at someone."""
    if verb.lemma_.lower() not in _SHOOTING or not _into_the_air(verb):
        return False
    forces = shooter is not None and any(in_class(lexicon, s, _FORCES) for s in args.conjuncts(shooter))
    aimed = _purpose(verb, lexicon)
    if forces and aimed:
        return False
    if _festive(verb, shooter, lexicon):
        return True
    return not (forces or aimed or _warning(verb))


def _into_the_air(verb) -> bool:
    """Whether the verb, or the shots it fires, go "into" or "in" the air ("fired into the air",
    "fired shots in the air")."""
    shots = args.object_of(verb)
    holders = [verb] if shots is None else [verb, shots]
    return any(p.lemma_.lower() in _SKY for h in holders for p in args.prep_objects(h, ("into", "in")))


def _purpose(verb, lexicon: Lexicon) -> bool:
    """Whether the shooting has a stated aim over others: an infinitive on it ("fired in the
    air [to disperse] them", "to try to control"), or "in an effort / in order to ..."; "to
    celebrate" is joy, no aim (:func:`_festive`)."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and not in_class(lexicon, c, _FESTIVE) and any(
                a.dep_ in ("aux", "mark") and a.lower_ in ("to", "order") for a in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(
                o.lemma_.lower() in _AIMS and any(a.dep_ in ("acl", "relcl") for a in o.children)
                for o in args.children(c, "pobj")):
            return True
    return False


def _warning(verb) -> bool:
    """Whether the shots fired are warning shots ("fired [warning] shots into the air")."""
    shots = args.object_of(verb)
    return shots is not None and any(c.lower_ == "warning" for c in shots.children)


def _festive(verb, shooter, lexicon: Lexicon) -> bool:
    """Whether a word of joy, grief or salute stands in the verb's phrase ("in celebration",
    "as they celebrated", "at a funeral") or in the shooter's ("the cheering crowd", "a
    mourner")."""
    words = [verb] + [w for c in verb.children if c.dep_ not in _OTHER_CLAUSES for w in c.subtree]
    if shooter is not None:
        words += list(shooter.subtree)
    return any(in_class(lexicon, w, _FESTIVE) for w in words)
