"""Names as written -> the name itself and a comparison key.

:func:`core_name` takes a mention as written (``US President Joe Biden``, ``Mr Biden's``,
``the Pentagon``, ``Northrop Grumman CEO Ron Sugar``, ``the United States Air Force (USAF)``)
and returns the name (``Joe Biden``), the title or description around it (``US President``),
an alias given in brackets (``USAF``) and a gender when an honorific says it. :func:`name_key`
turns a name into the key that :mod:`storyline.canonical` compares: case, diacritics, dots in
acronyms, possessives and company suffixes removed, and common world-news aliases
(``U.S.`` = ``USA`` = ``United States``) mapped through :data:`ALIASES`.

Every word list here is written from general knowledge of English and of world news, not
from any evaluation data.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .nlp.repair import is_demonym

__all__ = [
    "us_state",
    "NameParts", "core_name", "name_key", "initials", "label_class", "ALIASES", "HONORIFICS",
    "TITLE_WORDS", "display_alias", "ORG_NAMES", "PLACE_NAMES", "role_key", "roles_compatible",
    "description_prefix", "fold", "strip_titles", "ROLE_MODIFIERS", "without_articles", "REGNAL",
    "is_place_key", "generation", "PARTICLES", "MAX_PARTICLES", "PLACE_PARTICLES", "split_article",
]

# Honorifics and the gender they state ("" when they state none).
HONORIFICS: dict[str, str] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
    "dame": "f", "lady": "f", "madam": "f", "dr": "", "prof": "", "professor": "",
    "rev": "", "reverend": "", "hon": "", "mx": "",
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "emir": "m", "sheikh": "m",
}

# Words that make a capitalised phrase a title or a role, not part of a person's name.
TITLE_WORDS = frozenset(
    """president minister secretary chancellor senator sen rep representative congressman
    congresswoman governor gov mayor general gen lt lieutenant colonel col admiral adm
    captain capt major maj sergeant sgt commander corporal marshal pope cardinal bishop
    archbishop monsignor msgr rabbi imam sultan ayatollah chairman chairwoman chair chairperson ceo cfo coo
    cto chief executive spokesman spokeswoman spokesperson judge justice ambassador
    commissioner director leader speaker attorney deputy acting former vice premier
    presiding officer head founder cofounder co-founder manager analyst economist envoy
    adviser advisor aide counsel secretary-general president-elect mp mep qc kc coach
    striker midfielder defender goalkeeper captain inspector detective superintendent
    constable trustee treasurer regent dean provost rector principal editor correspondent
    reporter columnist anchor host cllr councillor councilor alderman""".split()
) | frozenset(HONORIFICS)

# Occupations written like a title before a full name at the start of a sentence ("Farmer
# Lars Nyman", "Organiser Beth Carrow"). Only stripped when two name tokens follow: alone they
# are surnames too (Minnie Driver, Frances Farmer). General knowledge of news English.
DESCRIPTIVE_WORDS = frozenset(
    """farmer organiser organizer volunteer resident driver protester protestor campaigner
    activist lawyer student teacher nurse pilot engineer businessman businesswoman owner boss
    shopkeeper landlord veteran survivor witness fisherman miner worker official financier
    investor billionaire millionaire tycoon magnate entrepreneur industrialist banker trader
    broker""".split()
)

# Institutions named by their building or address; the model tags them FAC or GPE.
ORG_NAMES = frozenset(
    "pentagon kremlin elysee élysée nato un eu whitehall congress senate bundestag duma "
    "knesset politburo vatican treasury unicef unhcr unesco unrwa wfp imf oxfam msf icrc "
    "interpol opec asean fifa".split()
) | frozenset([
    "white house", "downing street", "capitol hill", "state department", "foreign office",
    "home office", "quai d'orsay", "holy see", "european commission", "security council",
    # international bodies and aid agencies the model calls places or people in disaster news
    "red cross", "red crescent", "save the children", "amnesty international", "human rights watch",
    "world bank", "world health organization", "world health organisation", "world food programme",
    "doctors without borders", "medecins sans frontieres", "international monetary fund",
    "african union", "arab league", "world vision", "christian aid", "care international",
])
# Countries and capitals the model sometimes tags as people or organisations (general
# knowledge; only these correct a PERSON/ORG/NORP/PRODUCT label to GPE).
PLACE_NAMES = frozenset(
    """afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain
    bangladesh belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chad
    chile china colombia congo croatia cuba cyprus czechia denmark ecuador egypt eritrea
    estonia ethiopia finland france gaza georgia germany ghana greece guatemala haiti
    honduras hungary iceland india indonesia iran iraq ireland israel italy japan jordan
    kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia lebanon libya lithuania
    luxembourg madagascar malaysia mali malta mexico moldova mongolia montenegro morocco
    mozambique myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan
    palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
    serbia senegal singapore slovakia slovenia somalia spain sudan sweden switzerland syria
    taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine
    uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe kyiv kiev moscow beijing
    tehran ankara damascus baghdad kabul cairo riyadh doha jerusalem beirut amman
    islamabad delhi tokyo seoul pyongyang taipei manila jakarta bangkok hanoi canberra
    ottawa washington london paris berlin rome madrid lisbon vienna warsaw prague budapest
    bucharest sofia athens brussels amsterdam stockholm oslo helsinki copenhagen dublin
    minsk vilnius riga tallinn tbilisi yerevan baku kharkiv odesa odessa donetsk luhansk
    crimea mariupol bakhmut kherson zaporizhzhia""".split()
) | frozenset([
    "united states", "united kingdom", "us", "uk", "usa", "britain", "great britain",
    "north korea", "south korea", "saudi arabia", "new zealand", "south africa", "hong kong",
    "sri lanka", "czech republic", "united arab emirates", "uae", "soviet union",
])

# Post-nominal letters dropped from a person's name ("Jane Hale MP").
_POST_NOMINALS = frozenset("mp mep msp mla qc kc phd md obe mbe cbe kbe esq".split())
# Generational suffixes: kept in the name as written, dropped from the key.
_GENERATIONAL = frozenset("jr sr ii iii iv".split())
# Regnal numbers, kept after a lone given name (a monarch's, a pope's, a namesake child's).
REGNAL = frozenset("ii iii iv".split())
# Legal and generic company suffixes dropped from an organisation's key.
_ORG_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited plc llc llp nv bv ag sa se "
    "spa gmbh group holdings holding".split()
)
# Lower-case words allowed inside a name ("Bank of America", "Ludwig van Beethoven").
_CONNECTORS = frozenset("of and & de del della der den van von la le du des au aux da dos das bin bint al el y for on".split())
# Connectors that join a title to its body ("Prime Minister of Singapore"); the others are
# name particles that begin a surname ("President de Gaulle", "El Baradei").
_ROLE_CONNECTORS = frozenset("of and & for on".split())
# Particles inside French, Spanish and Portuguese place names, written with spaces or hyphens
# ("Port au Prince", "Santo Domingo de Guzman").
PLACE_PARTICLES = frozenset("au aux de du des la le el da do dos das del".split())
PARTICLES = _CONNECTORS - _ROLE_CONNECTORS
# A surname's particles come one to three in a row ("van", "van der", "de la", "van de la"
# is rare; 3 bounds the look-back).
MAX_PARTICLES = 3
# Arabic article joined to a name ("al-Assad", "el-Sisi", "ad-Din"): a capitalised word.
_ARTICLE_JOINED = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)-[A-Z]")


def split_article(word: str) -> tuple[str, str]:
    """``al-Assads`` -> (``al-``, ``Assads``): an Arabic article joined to a name and the
    name after it; (``""``, ``word``) for a word without one."""
    joined = _ARTICLE_JOINED.match(word)
    return (word[: joined.end() - 1], word[joined.end() - 1:]) if joined else ("", word)

_DETERMINERS = frozenset("the a an".split())

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
_NAME_CACHE = 65536


@functools.lru_cache(maxsize=_NAME_CACHE)
def _fold(text: str) -> str:
    """Lower case, diacritics removed, apostrophes/dots removed: the comparison alphabet."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "").replace("'", "").replace("`", "")
    text = re.sub(r"(?<=\w)\.(?=\w)|\.", "", text)
    text = re.sub(r"(?<=\w)\s*-\s*(?=\w)", "", text)
    return " ".join(text.split())


ALIASES: dict[str, tuple[str, str]] = {}
for _display, _aliases in _ALIAS_GROUPS:
    _canon = _fold(_display)
    ALIASES[_canon] = (_canon, _display)
    for _a in _aliases:
        ALIASES[_fold(_a)] = (_canon, _display)


def is_place_key(key: str) -> bool:
    """A country's or world place's key, or an alias of one (``united states``, ``uk``)."""
    return key in PLACE_NAMES or key in ALIASES and ALIASES[key][0] in PLACE_NAMES


def display_alias(key: str) -> str | None:
    """The display name the alias table gives a canonical key, if any."""
    hit = ALIASES.get(key)
    return hit[1] if hit else None


def label_class(label: str) -> str:
    """Which labels can name the same entity: persons, organisations, places, groups."""
    if label in ("PERSON", "PER"):
        return "per"
    if label in ("ORG",):
        return "org"
    if label in ("GPE", "LOC", "FAC"):
        return "loc"
    if label == "NORP":
        return "norp"
    return label.lower() or "other"


@dataclass(frozen=True)
class NameParts:
    """A mention split into its name, the title/description before it, an alias in
    brackets and the gender an honorific states (``m``, ``f`` or ``""``)."""

    name: str
    title: str = ""
    alias: str = ""
    gender: str = ""


_SPACED = (
    (re.compile(r"\s+('s|’s)\b"), r"\1"),          # PTB "Biden 's" -> "Biden's"
    (re.compile(r"(?<=s)\s+(['’])(?=\s)"), r"\1"),    # "Beatles ' Apple" -> "Beatles' Apple"
    (re.compile(r"\b([A-Z])['’]\s+(?=[A-Z])"), r"\1'"),  # "O' Leary" -> "O'Leary"
    (re.compile(r"(?<=\w)\s+-\s+(?=\w)"), "-"),      # "Wal - Mart" -> "Wal-Mart"
    (re.compile(r"\s+([,.;:)])"), r"\1"),
    (re.compile(r"\(\s+"), "("),
)
_CUT = re.compile(r"\s(?:in|near|at|outside|inside|located)\s")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])(?=\s|$)")


# A name's parts are read several times per mention (article-level rules, then resolution);
# NameParts is frozen, so sharing is safe.
@functools.lru_cache(maxsize=_NAME_CACHE)
def core_name(text: str, label: str = "") -> NameParts:
    """The name inside a mention as written, with its title, bracketed alias and gender.

    Handles leading determiners, honorifics and titles (``US President``, ``Mr``), titles
    and descriptions before the name (``aircraft maker Boeing``), appositions after a comma
    (``Joe Leonard, chairman of AirTran``), possessives and brackets. A person mention that
    is only a role (``Prime Minister of Canada``, ``Apple CEO``) gives an empty name with the
    role as ``title``; a role in another comma part becomes the name's title. Returns an
    empty name when there is none. Never raises."""
    if not text or not isinstance(text, str):
        return NameParts("")
    text = " ".join(text[:500].split())  # 500: far past any name; bounds the work
    for pattern, repl in _SPACED:
        text = pattern.sub(repl, text)
    alias = ""
    m = re.search(r"\(([^()]*)\)?", text)
    if m:
        inner = m.group(1).strip(" ,;")
        outer = text[: m.start()].strip()
        if inner[:1].isupper() and (not outer or bracket_alias(inner, outer, label)):
            alias = inner
        text = (text[: m.start()] + " " + text[m.end():]).strip()
    person = label_class(label) == "per"
    found: NameParts | None = None
    roles: list[str] = []
    for part in text.split(","):
        parts = _name_in_part(part.strip(), person)
        if parts.name and found is None:
            found = parts
        elif not parts.name and parts.title:
            roles.append(parts.title)
    if found is not None:
        title = found.title
        if roles and not role_key(title)[0]:
            title = " ".join([*roles, title]).strip()
        return NameParts(found.name, title, alias, found.gender)
    if alias:
        return NameParts(alias, "", "", "")
    return NameParts("", roles[0] if roles else "")


_SKIPPED_WORDS = frozenset({"the", "of", "and", "for", "&", "de", "la", "du", "des", "el", "al"})


def abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` could be an acronym of ``name``: two to six capitals (a dot after
    each allowed: ``U.N.``), the first the initial of one of the name's words (``the``,
    ``of`` and the like skipped; a description may come first: ``carmaker General Motors``),
    the others found in order in the words from there on (``Singapore Airlines`` -> ``SIA``,
    ``Vellmark Border Agency`` -> ``VBA``). A dateline's agency after a place (``Libya
    (CNN)``, ``Tripoli (Reuters)``) is not one: read as an alias it linked every dateline
    city of an outlet into one entity."""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w.upper() for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in _SKIPPED_WORDS]
    for k, word in enumerate(words):
        if word[0] == letters[0]:
            rest = iter("".join(words[k:])[1:])
            if all(ch in rest for ch in letters[1:]):
                return True
    return False


def bracket_alias(inner: str, outer: str, label: str) -> bool:
    """Whether ``outer (inner)`` names one entity twice: one is an acronym of the other, or
    the outer name is an organisation and the bracket no name known to be another entity
    (``Kurdistan Workers Party (PKK)``, ``Apple (AAPL)``: foreign acronyms and tickers). A
    place or a person takes no other bracket: ``Libya (CNN)`` is a dateline, ``John McCain
    (R-AZ)`` a party and state."""
    if abbreviates(inner, outer) or abbreviates(outer, inner):
        return True
    if label_class(label) != "org":
        return False
    # not a name known to be something else: "NATO (U.S.)" in a reader's comment joined NATO
    # and the United States
    key = _fold(inner)
    return key not in ALIASES and key not in PLACE_NAMES and key not in ORG_NAMES


def _name_in_part(part: str, person: bool) -> NameParts:
    """The name in one comma-separated part: its last run of capitalised words (or, for a
    person mention that is only a role, no name and the role as ``title``)."""
    cut = _CUT.search(part)
    if cut and cut.start() > 0 and any(t[:1].isupper() for t in part[: cut.start()].split()):
        part = part[: cut.start()]
    pos = list(_POSSESSIVE.finditer(part))
    if pos:
        after = part[pos[-1].end():].strip()
        if _last_run(after.split())[1]:
            part = after
        else:
            part = part[: pos[-1].start()]
    tokens = part.strip(" ;:'’\"").split()
    run_start, run_end = _last_run(tokens, inner_the=not person)
    if run_end == 0 or run_end != len(tokens):
        return NameParts("")  # no name, or the part ends in lower-case words
    name = tokens[run_start:run_end]
    while len(name) > 1 and name[0].lower() in _DETERMINERS:
        name = name[1:]
    title_tokens = tokens[:run_start]
    if person:
        name, extra = strip_titles(name)
        name = [p for tok in name for p in _split_fused(tok)]
        title_tokens = title_tokens + extra
        if not name:
            role = " ".join(t for t in title_tokens if t.lower() not in _DETERMINERS)
            return NameParts("", role if role_key(role)[0] else "")
    gender = ""
    for t in title_tokens:
        g = HONORIFICS.get(t.lower().rstrip("."), "")
        if g:
            gender = g
    title = " ".join(t for t in title_tokens if t.lower() not in _DETERMINERS)
    return NameParts(" ".join(name).strip(" ,"), title, "", gender)


def _is_cap(token: str) -> bool:
    return bool(token) and (token[0].isupper() or (token[0].isdigit() and any(c.isupper() for c in token))
                            or bool(_ARTICLE_JOINED.match(token)))


def _last_run(tokens: list[str], inner_the: bool = False) -> tuple[int, int]:
    """[start, end) of the last run of capitalised tokens (connectors allowed inside; with
    ``inner_the``, for a body's or a place's name, also ``the`` after a capitalised word or
    a connector: ``Save the Children``, ``Friends of the Earth``, which had been named
    ``Children`` and ``Earth``)."""
    end = len(tokens)
    while end and not _is_cap(tokens[end - 1]):
        end -= 1
    if not end:
        return 0, 0
    start = end - 1
    while start > 0:
        prev = tokens[start - 1]
        if _is_cap(prev):
            start -= 1
        elif prev.lower() in _CONNECTORS and start > 1 and _is_cap(tokens[start - 2]):
            start -= 2
        elif inner_the and prev.lower() == "the" and start > 1 and (
                _is_cap(tokens[start - 2]) or tokens[start - 2].lower() in _CONNECTORS):
            start -= 1  # the word before "the" is taken by the next step, or ends the run
        elif start == 1 and prev in ("al", "el"):  # "al Qaeda"
            start = 0
        elif prev.lower() in PARTICLES:
            first = start - 1  # a surname's particles: "van der Berg", "de la Vega"
            while first > 0 and start - first < MAX_PARTICLES and tokens[first - 1].lower() in PARTICLES:
                first -= 1
            if first > 0 and _is_cap(tokens[first - 1]):
                start = first - 1  # "Peter van der Berg"
            elif first == 0 or tokens[first - 1].lower() not in _CONNECTORS:
                return first, end  # the span or the name begins with them: "van der Berg said"
            else:
                break
        else:
            break
    return start, end


_FUSED = re.compile(r"[A-Z][a-z]+")
# Name prefixes after which a capital is part of one name (McDonald, DeSantis, MacArthur).
_NAME_PREFIXES = frozenset("Mc Mac De Di Da Du Le La Van Von St".split())


def _split_fused(token: str) -> list[str]:
    """``JaneHale`` (a social handle with its ``@`` stripped) -> ``Jane``, ``Hale``."""
    parts = _FUSED.findall(token)
    if len(parts) < 2 or "".join(parts) != token or parts[0] in _NAME_PREFIXES:
        return [token]
    return parts


def strip_titles(name: list[str]) -> tuple[list[str], list[str]]:
    """Split leading titles/honorifics (and trailing post-nominals) off a person's name.

    ``([], name)`` when it is only a role (``Prime Minister of Singapore``, ``Ryanair CEO``).
    A title word after ``of`` belongs to the body (``Chief Executive Officer of General
    Motors``); a known place or organisation after ``of`` before a full name is part of the
    title (``President of Russia Vladimir Putin``)."""
    last_title = -1
    for i, tok in enumerate(name[:-1]):
        low = tok.lower().rstrip(".")
        if i and name[i - 1].lower() in _CONNECTORS:
            break  # "... of General Motors": the body, not another title
        if low in TITLE_WORDS or (low in DESCRIPTIVE_WORDS and i <= len(name) - 3):
            last_title = i
    title = name[: last_title + 1]
    rest = name[last_title + 1:]
    if rest and rest[0].lower() in _ROLE_CONNECTORS:
        tail = rest[1:]
        for n in range(len(tail) - 2, 0, -1):  # the name keeps >= 2 tokens
            key = _fold(" ".join(tail[:n]))
            if key in PLACE_NAMES or key in ORG_NAMES or key in ALIASES:
                return tail[n:], name[: len(name) - len(tail) + n]
        return [], name  # "Prime Minister of Singapore": all title, no name
    while len(rest) > 1 and rest[-1].lower().rstrip(".") in _POST_NOMINALS:
        rest = rest[:-1]
    if rest and rest[-1].lower().rstrip(".") in TITLE_WORDS:
        if not _surname_title(rest, title):
            return [], name  # "Ryanair CEO": a description of someone, not a name
    return rest, title


# Title words that are also surnames (Stephen King, John Major, Mike Judge, Nathan Dean).
_SURNAME_TITLES = frozenset("king major judge bishop dean marshal prince principal chancellor sultan emir".split())
# "son of"/"daughter of" in Arabic names: the word after them is a name, whatever else it is.
_PATRONYMIC = frozenset("bin ibn bint binti ould".split())
# Words before such a title that make it a title ("Crown Prince", "the Saudi King").
_TITLE_LEAD = frozenset("crown grand deputy vice chief head former acting late then new".split())


def _surname_title(name: list[str], title: list[str]) -> bool:
    """Whether a name ending in a title word ends in a surname: ``Martin Luther King``,
    ``Billie Jean King``, ``Mr King``, not ``Saudi King``, ``Crown Prince`` or ``Ryanair CEO``."""
    last, before = name[-1].lower().rstrip("."), name[-2] if len(name) > 1 else ""
    if last not in _SURNAME_TITLES:
        return False
    if len(name) == 1:  # "Mr King", "Dr Major": an honorific before the surname alone
        return bool(title) and HONORIFICS.get(title[-1].lower().rstrip("."), "x") in ("m", "f", "")
    if before.lower() in _PATRONYMIC:
        return True  # "Bandar bin Sultan": a father's name
    if not before[:1].isupper() or not before.isalpha():
        return False
    low = before.lower()
    if low in TITLE_WORDS or low in ROLE_MODIFIERS or low in DESCRIPTIVE_WORDS or low in _TITLE_LEAD:
        return False
    if is_demonym(before) and not before.endswith("ean"):  # "Saudi King"; "Billie Jean King" is a name
        return False
    key = _fold(before)
    return key not in PLACE_NAMES and key not in ORG_NAMES and key not in ALIASES


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
    key = _fold(without_articles(name) if cls == "per" else name)
    if key.startswith("the ") and len(key) > 4:
        key = key[4:]
    if cls != "per":  # "Al Jazeera" = "Al-Jazeera", "al Qaeda" = "al-Qaeda"
        key = _ARTICLE_WORD.sub(r"\1", key)
    tokens = key.split()
    if cls == "per":
        kept = [t for t in tokens if t not in _GENERATIONAL and t not in _POST_NOMINALS] or tokens
        if len(kept) == 1 and len(tokens) > 1 and tokens[-1] in REGNAL:
            kept.append(tokens[-1])  # "Elizabeth II", "Michael II": a given name and its number
        tokens = kept
        if len(tokens) > 1 and len(tokens[-1]) == 1 and tokens[-1].isalpha():
            # no surname is one letter: "Jay Z" is "Jay-Z" (a stage name written with a
            # space or a hyphen), as folding writes the hyphenated form
            tokens = tokens[:-2] + [tokens[-2] + tokens[-1]]
    elif cls == "org":
        while len(tokens) > 1 and tokens[-1] in _ORG_SUFFIXES:
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
    key = " ".join(tokens)
    if key in ALIASES:
        return ALIASES[key][0]
    return key


def generation(name: str) -> str:
    """A person's generational suffix, folded (``Robert Quill Jr.`` -> ``jr``, ``Henry Ford
    II`` -> ``ii``), or ``""``: the key drops it, but a father and son share the rest."""
    words = _fold(name).split()
    return words[-1] if len(words) > 2 and words[-1] in _GENERATIONAL else ""


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


def initials(key: str) -> str:
    """Initial letters of a multi-word key, skipping connectors: ``government accountability
    office`` -> ``gao``; ``""`` for a one-word key."""
    words = [w for w in key.split() if w not in _CONNECTORS and w not in _DETERMINERS]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


fold = _fold

# Role phrases written several ways -> one form (general knowledge of news English).
_ROLE_FORMS = (
    (re.compile(r"\bchief executive(?: officer)?\b"), "ceo"),
    (re.compile(r"\bchief operating officer\b"), "coo"),
    (re.compile(r"\bchief financial officer\b"), "cfo"),
    (re.compile(r"\bchief technology officer\b"), "cto"),
    (re.compile(r"\bchair(?:man|woman|person)\b"), "chair"),
    (re.compile(r"\bspokes(?:man|woman)\b"), "spokesperson"),
    (re.compile(r"\bsecretary general\b"), "secretary-general"),
    (re.compile(r"\bco founder\b|\bcofounder\b"), "co-founder"),
    (re.compile(r"\bdefense\b"), "defence"),
    # abbreviated ranks and offices: "Col Berg" holds the role "Colonel Ingrid Berg" gave
    (re.compile(r"\bcol\b"), "colonel"), (re.compile(r"\bgen\b"), "general"), (re.compile(r"\blt\b"), "lieutenant"),
    (re.compile(r"\bcapt\b"), "captain"), (re.compile(r"\bmaj\b"), "major"), (re.compile(r"\bsgt\b"), "sergeant"),
    (re.compile(r"\badm\b"), "admiral"), (re.compile(r"\bgov\b"), "governor"), (re.compile(r"\bsen\b"), "senator"),
    (re.compile(r"\brep\b"), "representative"),
)
_ROLE_SPLIT = frozenset({"and", "&", "/", ","})
# Forms _ROLE_FORMS produces that are not in TITLE_WORDS themselves.
_ROLE_WORDS = frozenset({"ceo", "coo", "cfo", "cto", "chair", "spokesperson", "secretary-general", "co-founder"})
# Words that make a role more specific ("Prime Minister", "Foreign Secretary", "Chief
# Operating Officer"): part of the role, not of the body it belongs to.
ROLE_MODIFIERS = frozenset(
    """prime foreign defence interior finance health home trade transport education justice
    environment energy culture agriculture economy treasury labour executive operating
    financial technology national security senior junior assistant associate managing first
    high supreme general""".split()
)


_BRACKETED = re.compile(r"\([^()]*\)?")


def role_key(title: str) -> tuple[frozenset[str], str]:
    """A title as written -> (role phrases, qualifier key).

    ``Chairman and Chief Operating Officer of AirTran Airways`` -> ({"chair", "coo"},
    "airtran airways"); ``Canadian Prime Minister`` -> ({"prime minister"}, "canadian");
    ``US President`` -> ({"president"}, "united states"); ``Mr`` -> (frozenset(), ""). The
    text is cut at connectors (``of``, ``and``, commas); in each piece the longest ending run
    of title words is a role (honorifics left out) and the capitalised words before it name
    the body the role belongs to (the qualifier, a name key)."""
    if not title or not isinstance(title, str):
        return frozenset(), ""
    roles: set[str] = set()
    qual: list[str] = []
    title = _BRACKETED.sub(" ", title[:200])  # 200: far past any title; "CEO (Chief Executive)" counts once
    for piece in _role_pieces(title):
        low = " ".join(w.lower().strip(".'’") for w in piece)
        for pattern, form in _ROLE_FORMS:
            low = pattern.sub(form, low)
        words = [w for w in low.split() if w]
        k = len(words)
        while k and (words[k - 1] in TITLE_WORDS or words[k - 1] in _ROLE_WORDS or words[k - 1] in ROLE_MODIFIERS):
            k -= 1
        role = [w for w in words[k:] if w not in HONORIFICS or w in _ROYAL]
        while role and role[-1] not in TITLE_WORDS and role[-1] not in _ROLE_WORDS:
            role.pop()  # a role ends in a title word ("Foreign Minister", not "Foreign")
        if role:
            roles.add(" ".join(role))
        else:
            k = len(words)
        if len(words) != len(piece) and role:
            # a role written out ("Chief Operating Officer" -> "coo"): the body before it is
            # the words before the role's words as written
            orig = [w.lower().strip(".'’") for w in piece]
            k = len(orig)
            while k and (orig[k - 1] in TITLE_WORDS or orig[k - 1] in ROLE_MODIFIERS or orig[k - 1] == "co"):
                k -= 1
            words = orig
        caps = [w for w, orig in zip(words[:k], piece[:k]) if orig[:1].isupper() and w not in HONORIFICS] \
            if len(words) == len(piece) else []
        qual.extend(caps)
    return frozenset(roles), (name_key(" ".join(qual), "ORG") if qual else "")


_ROYAL = frozenset({"king", "queen", "prince", "princess", "emir", "sheikh"})


def _role_pieces(title: str) -> list[list[str]]:
    """Tokens of a title cut at connectors, determiners, ``and`` and commas."""
    pieces: list[list[str]] = [[]]
    for tok in title.replace(",", " , ").replace("-", " ").split():
        if tok.lower() in _ROLE_SPLIT or tok.lower() in _CONNECTORS or tok.lower() in _DETERMINERS:
            pieces.append([])
        else:
            pieces[-1].append(tok)
    return [p for p in pieces if p]


def roles_compatible(a: str, b: str) -> bool:
    """Can qualifier keys ``a`` and ``b`` (from :func:`role_key`) name the same body?
    Empty is compatible with anything; otherwise equal, one the start or the initials of
    the other (``apple`` / ``apple computer``, ``gm`` / ``general motors``), or a country and
    its adjective (``canada`` / ``canadian``)."""
    if not a or not b or a == b:
        return True
    ta, tb = a.split(), b.split()
    n = min(len(ta), len(tb))
    if ta[:n] == tb[:n]:
        return True
    if initials(a) == b or initials(b) == a:
        return True
    if len(ta) == 1 and len(tb) == 1:
        short, long_ = sorted((a, b), key=len)
        common = len(short)
        while common and not long_.startswith(short[:common]):
            common -= 1
        # 4 letters: "canad(a)/canad(ian)", "chin(a)/chin(ese)"; the adjective ends like one.
        return common >= 4 and any(x.endswith(("an", "ese", "ish", "i", "ic")) for x in (a, b))
    return False


def description_prefix(
    tokens: list[str],
    is_entity: Callable[[str], bool] = lambda key: False,
    is_person: Callable[[str], bool] = lambda key: False,
) -> int:
    """How many leading tokens of a person's name are a country or organisation written
    before it with no title word between (``United States Barack Obama``, ``Chrysler LLC Jim
    Press``); 0 when none. At least two name tokens stay. A prefix counts when it ends in a
    company suffix, is a world-news alias (``United States``, ``EU``), or is a known place or
    organisation (``is_entity``, the corpus's non-person names; :data:`PLACE_NAMES`) of two
    words or more; a one-word known place (``Chad``, ``Georgia``, also first names) only when
    the rest is a known person (``is_person``)."""
    n = len(tokens)
    for i in range(n - 2, 0, -1):  # longest prefix first; the rest keeps >= 2 tokens
        prefix = tokens[:i]
        if i > 1 and prefix[-1].lower().strip(".,") in _ORG_SUFFIXES:
            return i
        key = _fold(" ".join(prefix))
        if key.startswith("the "):
            key = key[4:]
        alias = key in ALIASES and (i > 1 or prefix[0].isupper())
        known = key in PLACE_NAMES or key in ORG_NAMES or is_entity(key)
        if alias or (known and i > 1) or (known and is_person(_fold(" ".join(tokens[i:])))):
            return i
    return 0
