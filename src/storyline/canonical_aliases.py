"""World-news aliases and US state abbreviations, and the folding every name comparison uses.

Writers name one country or body many ways (``U.S.``, ``USA``, ``America``; ``ISIS``, ``Daesh``)
and datelines abbreviate US states (``Arlington, Va.``). :data:`ALIASES` maps each form to one
key and display name, :func:`us_state` reads the abbreviations, and :func:`fold` is the
comparison alphabet (case, diacritics, dots and apostrophes removed) that the keys are written
in. From general knowledge and the AP stylebook, not from any evaluation data.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .canonical_words import PLACE_NAMES

__all__ = ["ALIASES", "NAME_CACHE", "display_alias", "fold", "is_place_key", "us_state"]

# Common world-news aliases: key -> (canonical key, display name). From general knowledge.
_ALIAS_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("United States", ("us", "usa", "united states of america", "america", "the us")),
    ("United Kingdom", ("uk", "britain", "great britain", "gb")),
    ("European Union", ("eu",)),
    ("United Nations", ("un",)),
    ("UN Security Council", ("united nations security council", "security council", "unsc")),
    ("World Food Programme", ("wfp", "un world food programme", "world food program")),
    ("Medecins Sans Frontieres", ("msf", "doctors without borders")),
    # "the Red Cross" of world news is the international committee (a country's society is
    # named with its country: "British Red Cross")
    ("Red Cross", ("icrc", "international committee of the red cross", "international committee for the red cross")),
    ("NATO", ("north atlantic treaty organization", "north atlantic treaty organisation")),
    ("Russia", ("russian federation",)),
    ("China", ("peoples republic of china", "prc", "mainland china")),
    ("North Korea", ("dprk", "democratic peoples republic of korea")),
    ("South Korea", ("republic of korea", "rok")),
    ("United Arab Emirates", ("uae",)),
    ("Soviet Union", ("ussr",)),
    ("Democratic Republic of the Congo", ("drc", "dr congo")),
    ("Islamic State", ("isis", "isil", "daesh", "islamic state of iraq and the levant")),
    ("International Monetary Fund", ("imf",)),
    ("World Health Organization", ("who", "world health organisation")),
    ("World Trade Organization", ("wto", "world trade organisation")),
    ("Federal Bureau of Investigation", ("fbi",)),
    ("Central Intelligence Agency", ("cia",)),
    ("European Central Bank", ("ecb",)),
    ("Federal Reserve", ("fed", "us federal reserve", "federal reserve board")),
    # the US department by its US names; "the Treasury" alone stays (HM Treasury in British news)
    ("US Treasury", ("united states treasury", "treasury department", "us treasury department",
                     "department of the treasury", "us department of the treasury")),
    # the State Department is the US foreign ministry's name only: written bare by news of
    # any country, it is that one (a ministry's name is no state's until the state is written)
    ("US State Department", ("state department", "us state department", "united states state department",
                             "department of state", "us department of state", "united states department of state")),
    # the US chamber by its US names; a country's other House of Representatives is named
    # with its country ("Australian House of Representatives": another key)
    ("US House of Representatives", ("house of representatives", "us house", "united states house",
                                     "united states house of representatives")),
    ("OPEC", ("organization of the petroleum exporting countries",)),
    ("Pentagon", ("us department of defense", "department of defense")),
    ("Ukraine", ("the ukraine",)),
    ("Czech Republic", ("czechia",)),
    ("Netherlands", ("holland",)),
)


# US states by the AP stylebook's abbreviations (written with their dots after a city and a
# comma: "Chicago, Ill.", "Arlington, Va.") and by the postal codes datelines and addresses
# also use. Postal codes that are English words or other common abbreviations (IN, OR, ME,
# OK, HI, LA for Los Angeles, PA for the Press Association...) are left out. From the AP
# stylebook and the USPS list, not from evaluation data.
_AP_STATES: dict[str, str] = {
    "ala.": "Alabama", "ariz.": "Arizona", "ark.": "Arkansas", "calif.": "California", "colo.": "Colorado",
    "conn.": "Connecticut", "del.": "Delaware", "fla.": "Florida", "ga.": "Georgia", "ill.": "Illinois",
    "ind.": "Indiana", "kan.": "Kansas", "ky.": "Kentucky", "la.": "Louisiana", "md.": "Maryland",
    "mass.": "Massachusetts", "mich.": "Michigan", "minn.": "Minnesota", "miss.": "Mississippi",
    "mo.": "Missouri", "mont.": "Montana", "neb.": "Nebraska", "nev.": "Nevada", "n.h.": "New Hampshire",
    "n.j.": "New Jersey", "n.m.": "New Mexico", "n.y.": "New York", "n.c.": "North Carolina",
    "n.d.": "North Dakota", "okla.": "Oklahoma", "ore.": "Oregon", "pa.": "Pennsylvania",
    "r.i.": "Rhode Island", "s.c.": "South Carolina", "s.d.": "South Dakota", "tenn.": "Tennessee",
    "vt.": "Vermont", "va.": "Virginia", "w.va.": "West Virginia",
    "wis.": "Wisconsin", "wyo.": "Wyoming",
}
_POSTAL_STATES: dict[str, str] = {
    "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CT": "Connecticut", "FL": "Florida",
    "IL": "Illinois", "KS": "Kansas", "KY": "Kentucky", "MD": "Maryland", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NC": "North Carolina",
    "ND": "North Dakota", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}


def us_state(name: str) -> str:
    """The US state an AP abbreviation (``Va.``, ``N.J.``) or a postal code (``VA``) written
    as a place names, or ``""``. ``Wash.`` (and ``WA``) are left out: the state's key would
    be the key of the capital ``Washington`` that datelines mean."""
    name = name.strip()
    return _AP_STATES.get(name.lower(), "") if name.endswith(".") else _POSTAL_STATES.get(name, "")


# Names recur across a corpus, and folding and parsing them were half of name resolution's
# time: both are memoised, up to this many distinct texts each (a large crawl's distinct name
# forms, a few MB; fixed at import, so not a setting).
NAME_CACHE = 65536


@functools.lru_cache(maxsize=NAME_CACHE)
def fold(text: str) -> str:
    """Lower case, diacritics removed, apostrophes/dots removed: the comparison alphabet."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "").replace("'", "").replace("`", "")
    text = re.sub(r"(?<=\w)\.(?=\w)|\.", "", text)
    text = re.sub(r"(?<=\w)\s*-\s*(?=\w)", "", text)
    return " ".join(text.split())


ALIASES: dict[str, tuple[str, str]] = {}
for _display, _aliases in _ALIAS_GROUPS:
    _canon = fold(_display)
    ALIASES[_canon] = (_canon, _display)
    for _a in _aliases:
        ALIASES[fold(_a)] = (_canon, _display)


def is_place_key(key: str) -> bool:
    """A country's or world place's key, or an alias of one (``united states``, ``uk``)."""
    return key in PLACE_NAMES or key in ALIASES and ALIASES[key][0] in PLACE_NAMES


def display_alias(key: str) -> str | None:
    """The display name the alias table gives a canonical key, if any."""
    hit = ALIASES.get(key)
    return hit[1] if hit else None
