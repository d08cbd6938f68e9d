"""A country and the name of its people: ``Syria`` / ``Syrian``, ``Turkey`` / ``Turkish``.

Event data codes ``Syrian troops shelled Homs`` as an act of Syria: an analyst asking for the
events between Syria and Turkey means the ones whose actor is written ``Syrian forces`` too.
The model tags such adjectives as a people (NORP), a separate entity from the country (GPE),
so the event filters (:func:`storyline.findings.list_events`, ``storyline dyad``) widen a
country to its people and a people to its country with these forms.

English forms a people's name from the country's by a few endings (``-n``, ``-ian``, ``-i``,
``-ese``, ``-ish``); the rest are irregular and listed (general knowledge of English).
Candidates are only ever compared with names the corpus has, so an ending that makes no real
word (``Chinan``) finds nothing. A known country's or capital's name is never a people's,
though it may end like one: ``Yemen`` is no people of a misspelt ``Yeme``, nor ``Benin`` of the
Congolese town ``Beni`` (:func:`countries_of`).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

from .canonical_aliases import fold, is_place_key
from .capitals import CAPITAL_COUNTRIES, is_state

__all__ = ["peoples_of", "countries_of", "country_among"]

# Country -> its people's adjective where no ending rule gives it.
_IRREGULAR = {
    "united states": ("american",), "america": ("american",), "united kingdom": ("british",),
    "britain": ("british",), "great britain": ("british",), "england": ("english",), "france": ("french",),
    "netherlands": ("dutch",), "china": ("chinese",), "germany": ("german",), "greece": ("greek",),
    "switzerland": ("swiss",), "ireland": ("irish",), "wales": ("welsh",), "scotland": ("scottish", "scots"),
    "spain": ("spanish",), "poland": ("polish",), "sweden": ("swedish",), "denmark": ("danish",),
    "finland": ("finnish",), "norway": ("norwegian",), "thailand": ("thai",), "philippines": ("filipino",),
    "afghanistan": ("afghan",), "saudi arabia": ("saudi",), "vietnam": ("vietnamese",),
    "peru": ("peruvian",), "portugal": ("portuguese",), "new zealand": ("new zealander",),
    "czech republic": ("czech",), "czechia": ("czech",), "slovakia": ("slovak",), "cyprus": ("cypriot",),
    "belgium": ("belgian",), "iceland": ("icelandic",), "madagascar": ("malagasy",),
    "united arab emirates": ("emirati",), "uae": ("emirati",), "north korea": ("north korean",),
    "south korea": ("south korean",), "korea": ("korean",), "israel": ("israeli",), "gaza": ("gazan",),
    "somalia": ("somali",), "chile": ("chilean",), "argentina": ("argentine", "argentinian"),
    "mexico": ("mexican",), "morocco": ("moroccan",), "malta": ("maltese",), "congo": ("congolese",),
    "myanmar": ("burmese",), "burma": ("burmese",), "serbia": ("serb",), "croatia": ("croat",),
    "kosovo": ("kosovar",), "kazakhstan": ("kazakh",), "uzbekistan": ("uzbek",), "tajikistan": ("tajik",),
    "kyrgyzstan": ("kyrgyz",), "turkmenistan": ("turkmen",), "mozambique": ("mozambican",),
    "ivory coast": ("ivorian",), "soviet union": ("soviet",),
}
_IRREGULAR_BACK: dict[str, set[str]] = {}
for _country, _peoples in _IRREGULAR.items():
    for _p in _peoples:
        _IRREGULAR_BACK.setdefault(_p, set()).add(_country)

# (country ending, people ending): Syria -> Syrian, Egypt -> Egyptian, Iraq -> Iraqi,
# Sudan -> Sudanese, Lebanon -> Lebanese, Turkey -> Turkish, Ukraine -> Ukrainian.
_ENDINGS = (("", "n"), ("", "ian"), ("", "i"), ("", "ese"), ("on", "ese"), ("ey", "ish"), ("e", "ian"),
            ("", "ish"), ("a", "an"))


def peoples_of(country: str) -> set[str]:
    """Lower-case names a country's people may go by (``syria`` -> ``syrian``, ``syrians``...)."""
    low = " ".join(country.lower().split())
    if not low:
        return set()
    forms = set(_IRREGULAR.get(low, ()))
    for old, new in _ENDINGS:
        if low.endswith(old):
            forms.add(low[: len(low) - len(old)] + new)
    return forms | {f + "s" for f in forms if not f.endswith(("s", "sh", "ch", "ese"))}


def countries_of(people: str) -> set[str]:
    """Lower-case country names a people's name may come from (``syrians`` -> ``syria``...);
    none for a known country's or capital's name (``Yemen``, ``Yemens`` of a stripped
    possessive, ``Tripoli``), which only ends like a people's."""
    low = " ".join(people.lower().split())
    if not low:
        return set()
    singulars = {low} | ({low[:-1]} if low.endswith("s") and not low.endswith(("ss", "ese")) else set())
    if any(_is_place(word) for word in singulars):
        return set()
    out: set[str] = set()
    for word in singulars:
        out |= _IRREGULAR_BACK.get(word, set())
        for old, new in _ENDINGS:
            if word.endswith(new) and len(word) > len(new) + 2:
                out.add(word[: len(word) - len(new)] + old)
    return out


def _is_place(name: str) -> bool:
    """Whether ``name`` is a known country's or capital's (``yemen``, ``the uk``, ``benin``, ``tripoli``)."""
    key = fold(name)
    return is_place_key(key) or is_state(key) or key in CAPITAL_COUNTRIES


V = TypeVar("V", bound=Hashable)


def country_among(people: str, named: Mapping[str, V], own: V) -> V | None:
    """What ``named`` (lower-case names) holds for the country of the people's name
    ``people`` (``Egyptian`` -> ``egypt``), the first in alphabetical order that is there and
    is not ``own`` (the name's own entry), or None: a list that names both a country and its
    people shows the country once."""
    return next((named[c] for c in sorted(countries_of(people)) if c in named and named[c] != own), None)
