"""Name keys: the forms two mentions are compared in.

:func:`name_key` turns a name (from :func:`canonical_names.core_name`) into the key
:mod:`storyline.canonical` compares: folded, company suffixes and generational suffixes
dropped, the Arabic article dropped from persons (``Bashar al-Assad`` = ``Bashar Assad``),
aliases mapped. :func:`skeleton` and :func:`initials` give the looser keys that spellings
and acronyms are matched on. Kept apart from the parsing of names so that each can be read
on its own.
"""

from __future__ import annotations

import re

from rapidfuzz.fuzz import ratio

from .canonical_aliases import ALIASES, fold, us_state
from .canonical_words import (
    CONNECTORS, DETERMINERS, GENERATIONAL, ORG_SUFFIXES, PEOPLE_NOUNS, PLACE_PARTICLES, POST_NOMINALS, REGNAL,
    label_class,
)

__all__ = [
    "alike_initials", "generation", "initials", "name_key", "romanised_ratio", "same_initial_sound", "skeleton", "surname_skeletons",
    "without_articles",
]

# Short names of countries that begin organisations' names ("US Army", "UK Border Agency"):
# an organisation's key spells them out, as its other writers do.
_COUNTRY_SHORT = frozenset({"us", "usa", "uk"})


def name_key(name: str, label: str = "") -> str:
    """The comparison key of a name (from :func:`core_name`): folded, suffixes dropped,
    aliases mapped. Persons keep every token; organisations lose company suffixes; groups
    (NORP) lose a plural ``s``."""
    cls = label_class(label)
    if cls == "loc" and us_state(name):
        name = us_state(name)  # "Arlington, Va." is in Virginia
    key = fold(without_articles(name) if cls == "per" else name)
    if key.startswith("the ") and len(key) > 4:
        key = key[4:]
    if cls != "per":  # "Al Jazeera" = "Al-Jazeera", "al Qaeda" = "al-Qaeda"
        key = _ARTICLE_WORD.sub(r"\1", key)
    tokens = key.split()
    if cls == "per":
        kept = [t for t in tokens if t not in GENERATIONAL and t not in POST_NOMINALS] or tokens
        if len(kept) == 1 and len(tokens) > 1 and tokens[-1] in REGNAL:
            kept.append(tokens[-1])  # "Elizabeth II", "Michael II": a given name and its number
        tokens = kept
        if len(tokens) > 1 and len(tokens[-1]) == 1 and tokens[-1].isalpha():
            # no surname is one letter: "Jay Z" is "Jay-Z" (a stage name written with a
            # space or a hyphen), as folding writes the hyphenated form
            tokens = tokens[:-2] + [tokens[-2] + tokens[-1]]
    elif cls == "org":
        while len(tokens) > 1 and tokens[-1] in ORG_SUFFIXES:
            tokens = tokens[:-1]
        if len(tokens) > 1 and tokens[0] in _COUNTRY_SHORT and " ".join(tokens) not in ALIASES:
            # "U.S. Air Force" = "United States Air Force"; an alias as written first ("US Federal Reserve")
            tokens = ALIASES[tokens[0]][0].split() + tokens[1:]
    elif cls == "loc" and len(tokens) > 1 and tokens[-1] == "dc":
        tokens = tokens[:-1]  # "Washington D.C." = "Washington", as "Washington, D.C." already reads
    elif cls == "loc" and len(tokens) > 2 and any(t in PLACE_PARTICLES for t in tokens[1:-1]):
        tokens = ["".join(tokens)]  # "Port au Prince" = "Port-au-Prince", whose hyphens folding drops
    elif cls == "norp" and len(tokens[-1]) > 4 and tokens[-1].endswith("s") and not tokens[-1].endswith("ss"):
        tokens = tokens[:-1] + [tokens[-1][:-1]]  # "Sunni Muslims" = "Sunni Muslim", as "Kurds" = "Kurd"
    if cls == "norp" and len(tokens) == 1:
        tokens = [PEOPLE_NOUNS.get(tokens[0], tokens[0])]  # "Kurds" = "Kurdish"
    key = " ".join(tokens)
    if key in ALIASES:
        return ALIASES[key][0]
    return key


def generation(name: str) -> str:
    """A person's generational suffix, folded (``Robert Quill Jr.`` -> ``jr``, ``Henry Ford
    II`` -> ``ii``), or ``""``: the key drops it, but a father and son share the rest."""
    words = fold(name).split()
    return words[-1] if len(words) > 2 and words[-1] in GENERATIONAL else ""


# The Arabic article joined to a person's name ("al-Assad") or, in keys, before any name ("al qaeda").
_ARTICLE_PREFIX = re.compile(r"(?<![\w-])(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)-(?=[A-Z])")
_ARTICLE_WORD = re.compile(r"\b(al|el) (?=\w)")


def without_articles(name: str) -> str:
    """A person's name without the Arabic article, which writers keep or drop: ``Bashar
    al-Assad`` = ``Bashar Assad``, ``Mohamed El Baradei`` = ``Mohamed ElBaradei`` (split as a
    fused handle) = ``Mohamed Baradei``. A first ``Al`` is a first name (``Al Gore``)."""
    tokens = _ARTICLE_PREFIX.sub("", name).split()
    kept = [t for i, t in enumerate(tokens)
            if i == len(tokens) - 1 or not (t in ("El", "el", "al") or (t == "Al" and i > 0))]
    return " ".join(kept)


_DIGRAPHS = (("ph", "f"), ("kh", "k"), ("dh", "d"), ("th", "t"), ("gh", "g"), ("sh", "s"), ("ou", "u"))


def skeleton(word: str) -> str:
    """A name word's consonant skeleton, the same for common romanisations of one name:
    digraphs simplified, vowels, ``y``, ``w`` and ``h`` dropped after the first letter, doubled
    letters once (``gaddafi`` / ``gadhafi`` -> ``gdf``, ``muammar`` / ``moammar`` -> ``mr``,
    ``zelensky`` / ``zelenskyy`` -> ``zlnsk``). Different names share skeletons too (``hassan``
    / ``hussein``): callers also compare the spellings."""
    low = word.lower()
    for a, b in _DIGRAPHS:
        low = low.replace(a, b)
    if not low:
        return ""
    out = low[0]
    for ch in low[1:]:
        if ch in "aeiouyhw" or not ch.isalpha() or ch == out[-1]:
            continue
        out += ch
    return out


# Initials that romanise one Arabic consonant (qaf, kaf, ghayn) or a sound heard as it, by
# outlet and language: Qaddafi (US papers), Gaddafi (UK), Kadhafi (French wires), Ghaddafi and
# Khadafi (readers). Digraphs first: "kh" and "gh" are read as their first letter.
_QAF_INITIALS = ("kh", "gh", "qu", "q", "k", "g")


def surname_skeletons(word: str) -> tuple[str, ...]:
    """The skeletons another romanisation of this surname may have: its own, and with a
    ``q``, ``k`` or ``g`` initial the other two (``qaddafi`` -> ``qdf``, ``gdf``, ``kdf``)."""
    own = skeleton(word)
    return tuple(dict.fromkeys((own, *(c + own[1:] for c in "gqk")))) if own[:1] in ("g", "q", "k") else (own,)


def same_initial_sound(a: str, b: str) -> bool:
    """Do two spellings of a surname begin alike: the same letter, or two romanisations of
    one Arabic consonant (``Qaddafi`` / ``Gaddafi`` / ``Kadhafi``)?"""
    return a[:1] == b[:1] or bool(_qaf_initial(a) and _qaf_initial(b))


def romanised_ratio(a: str, b: str) -> float:
    """rapidfuzz ratio of two spellings of a surname, their initials written alike when they
    romanise one consonant two ways (:func:`alike_initials`)."""
    return ratio(*alike_initials(a, b))


def alike_initials(a: str, b: str) -> tuple[str, str]:
    """Two spellings of a surname with a qaf-like initial written the same way when they
    differ (:func:`same_initial_sound`), for comparing the rest: ``Kadhafi`` / ``Gaddafi``
    compare as ``gadhafi`` / ``gaddafi`` (ratio 85.7, not 71.4). Else unchanged."""
    pa, pb = _qaf_initial(a), _qaf_initial(b)
    if a[:1] == b[:1] or not (pa and pb):
        return a, b
    return "g" + a[len(pa):].lower(), "g" + b[len(pb):].lower()


def _qaf_initial(word: str) -> str:
    """The letters of ``word`` that romanise a qaf-like initial (``kh`` of ``Khadafi``), or ``""``."""
    low = word.lower()
    return next((p for p in _QAF_INITIALS if low.startswith(p)), "")


def initials(key: str) -> str:
    """Initial letters of a multi-word key, skipping connectors: ``government accountability
    office`` -> ``gao``; ``""`` for a one-word key."""
    words = [w for w in key.split() if w not in _NOT_INITIALS]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


# Words an acronym leaves out: connectors, determiners and the "to" of a body named for its aim
# (``committee to rescue lighthouses`` -> ``crl``).
_NOT_INITIALS = CONNECTORS | DETERMINERS | {"to"}
