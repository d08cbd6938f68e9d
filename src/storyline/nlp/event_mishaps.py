"""Harm that no one inflicts: a natural disaster or a blaze is no act of force.

News of disasters uses the verbs of war ("the quake [struck] the coast", "homes [destroyed] by
Hurricane X", "staff were [injured] in the earthquake", "a fire at the depot [killed] two"), and
PLOVER codes none of it: ASSAULT is force one party uses on another. The lexicon's exception
rows cover a few verbs (``kill`` with a sickness as subject); this module says it once for every
verb with an ASSAULT row, whoever names the disaster: the subject or passive agent, a relative
pronoun standing for it ("the tsunami, [which] struck"), a storm's name ("Hurricane X"), or the
phrase a passive happened in ("injured [in] the quake"), and for the one calamity word that is
also an act of force, ``fire``: "a fire", "fires" are blazes, "opened fire", "came under fire",
"tank fire" gunfire (:func:`is_blaze`).
"""

from __future__ import annotations

from . import event_args as args
from .event_lexicon import Lexicon
from .event_match import in_class

_MISHAPS = ("calamity",)
# the phrase a passive harm happened in, or the cause it happened by ("killed [by] the quake")
_MISHAP_PREPS = ("in", "by", "during")
# verbs of gunfire whose "fire" is never a blaze ("opened fire", "came under fire", "took fire")
_GUNFIRE_VERBS = frozenset({"open", "return", "exchange", "come", "draw", "take", "direct", "trade"})


def _is_mishap(tok, lexicon: Lexicon) -> bool:
    """A calamity word, or a name a calamity word heads ("Hurricane Katrina", "Typhoon X");
    ``fire`` only as a blaze."""
    if tok is None:
        return False
    if tok.lemma_.lower() == "fire" or tok.lower_ == "fires":
        return is_blaze(tok)
    return in_class(lexicon, tok, _MISHAPS) or tok.pos_ == "PROPN" and any(
        c.dep_ == "compound" and in_class(lexicon, c, _MISHAPS) for c in tok.children)


def natural_harm(verb, subject, lexicon: Lexicon) -> bool:
    """Whether the harm a verb tells was done by a natural disaster or a blaze: its subject (or
    passive agent, already resolved through a relative pronoun), or, for a passive, the phrase
    it happened in or by ("were injured in the earthquake")."""
    if _is_mishap(subject, lexicon):
        return True
    if not args.is_passive(verb):
        return False
    return any(_is_mishap(p, lexicon) for p in args.prep_objects(verb, _MISHAP_PREPS))


def is_blaze(noun) -> bool:
    """Whether the noun ``fire`` is a blaze, not gunfire: "[a fire] at the market", "[fires]
    burned", not "opened fire", "came under fire", "sniper fire" (no article, or a verb of
    gunfire)."""
    if noun.lemma_.lower() != "fire" and noun.lower_ != "fires":
        return False
    head = noun.head
    while head.dep_ == "prep":
        head = head.head
    if head.lemma_.lower() in _GUNFIRE_VERBS:
        return False
    return noun.tag_ == "NNS" or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
