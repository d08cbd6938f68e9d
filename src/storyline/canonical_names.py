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

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "NameParts", "core_name", "name_key", "initials", "label_class", "ALIASES", "HONORIFICS",
    "TITLE_WORDS", "display_alias",
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
    archbishop rabbi imam sultan ayatollah chairman chairwoman chair chairperson ceo cfo coo
    cto chief executive spokesman spokeswoman spokesperson judge justice ambassador
    commissioner director leader speaker attorney deputy acting former vice premier
    presiding officer head founder cofounder co-founder manager analyst economist envoy
    adviser advisor aide counsel secretary-general president-elect mp mep qc kc coach
    striker midfielder defender goalkeeper captain inspector detective superintendent
    constable trustee treasurer regent dean provost rector principal editor correspondent
    reporter columnist anchor host""".split()
) | frozenset(HONORIFICS)

# Post-nominal letters dropped from a person's name ("Jane Hale MP").
_POST_NOMINALS = frozenset("mp mep msp mla qc kc phd md obe mbe cbe kbe esq".split())
# Generational suffixes: kept in the name as written, dropped from the key.
_GENERATIONAL = frozenset("jr sr ii iii iv".split())
# Legal and generic company suffixes dropped from an organisation's key.
_ORG_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited plc llc llp nv bv ag sa se "
    "spa gmbh group holdings holding".split()
)
# Lower-case words allowed inside a name ("Bank of America", "Ludwig van Beethoven").
_CONNECTORS = frozenset("of and & de del della der den van von la le du da dos das bin bint al el y for on".split())
_DETERMINERS = frozenset("the a an".split())

# Common world-news aliases: key -> (canonical key, display name). From general knowledge.
_ALIAS_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("United States", ("us", "usa", "united states of america", "america", "the us")),
    ("United Kingdom", ("uk", "britain", "great britain", "gb")),
    ("European Union", ("eu",)),
    ("United Nations", ("un",)),
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
    ("OPEC", ("organization of the petroleum exporting countries",)),
    ("Pentagon", ("us department of defense", "department of defense")),
    ("Ukraine", ("the ukraine",)),
    ("Czech Republic", ("czechia",)),
    ("Netherlands", ("holland",)),
)


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


def core_name(text: str, label: str = "") -> NameParts:
    """The name inside a mention as written, with its title, bracketed alias and gender.

    Handles leading determiners, honorifics and titles (``US President``, ``Mr``), titles
    and descriptions before the name (``aircraft maker Boeing``), appositions after a comma
    (``Joe Leonard, chairman of AirTran``), possessives and brackets. Returns an empty name
    when there is none. Never raises."""
    if not text or not isinstance(text, str):
        return NameParts("")
    text = " ".join(text[:500].split())  # 500: far past any name; bounds the work
    for pattern, repl in _SPACED:
        text = pattern.sub(repl, text)
    alias = ""
    m = re.search(r"\(([^()]*)\)?", text)
    if m:
        inner = m.group(1).strip(" ,;")
        if inner[:1].isupper():
            alias = inner
        text = (text[: m.start()] + " " + text[m.end():]).strip()
    person = label_class(label) == "per"
    for part in text.split(","):
        parts = _name_in_part(part.strip(), person)
        if parts.name:
            return NameParts(parts.name, parts.title, alias, parts.gender)
    if alias:
        return NameParts(alias, "", "", "")
    return NameParts("")


def _name_in_part(part: str, person: bool) -> NameParts:
    """The name in one comma-separated part: its last run of capitalised words."""
    cut = _CUT.search(part)
    if cut and cut.start() > 0 and part[: cut.start()].split()[-1][:1].isupper():
        part = part[: cut.start()]
    pos = list(_POSSESSIVE.finditer(part))
    if pos:
        after = part[pos[-1].end():].strip()
        if _last_run(after.split())[1]:
            part = after
        else:
            part = part[: pos[-1].start()]
    tokens = part.strip(" ;:'’\"").split()
    run_start, run_end = _last_run(tokens)
    if run_end == 0 or run_end != len(tokens):
        return NameParts("")  # no name, or the part ends in lower-case words
    name = tokens[run_start:run_end]
    while len(name) > 1 and name[0].lower() in _DETERMINERS:
        name = name[1:]
    title_tokens = tokens[:run_start]
    if person:
        name, extra = _strip_titles([p for tok in name for p in _split_fused(tok)])
        title_tokens = title_tokens + extra
        if not name:
            return NameParts("")
    gender = ""
    for t in title_tokens:
        g = HONORIFICS.get(t.lower().rstrip("."), "")
        if g:
            gender = g
    title = " ".join(t for t in title_tokens if t.lower() not in _DETERMINERS)
    return NameParts(" ".join(name).strip(" ,"), title, "", gender)


def _is_cap(token: str) -> bool:
    return bool(token) and (token[0].isupper() or (token[0].isdigit() and any(c.isupper() for c in token)))


def _last_run(tokens: list[str]) -> tuple[int, int]:
    """[start, end) of the last run of capitalised tokens (connectors allowed inside)."""
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


def _strip_titles(name: list[str]) -> tuple[list[str], list[str]]:
    """Split leading titles/honorifics (and trailing post-nominals) off a person's name."""
    last_title = -1
    for i, tok in enumerate(name[:-1]):
        low = tok.lower().rstrip(".")
        if low in TITLE_WORDS:
            last_title = i
    title = name[: last_title + 1]
    rest = name[last_title + 1:]
    if rest and rest[0].lower() in _CONNECTORS:
        return [], name  # "Prime Minister of Singapore": all title, no name
    while len(rest) > 1 and rest[-1].lower().rstrip(".") in _POST_NOMINALS:
        rest = rest[:-1]
    if rest and rest[-1].lower().rstrip(".") in TITLE_WORDS:
        return [], name  # "Ryanair CEO": a description of someone, not a name
    return rest, title


def name_key(name: str, label: str = "") -> str:
    """The comparison key of a name (from :func:`core_name`): folded, suffixes dropped,
    aliases mapped. Persons keep every token; organisations lose company suffixes; groups
    (NORP) lose a plural ``s``."""
    key = _fold(name)
    if key.startswith("the ") and len(key) > 4:
        key = key[4:]
    cls = label_class(label)
    tokens = key.split()
    if cls == "per":
        tokens = [t for t in tokens if t not in _GENERATIONAL and t not in _POST_NOMINALS] or tokens
    elif cls == "org":
        while len(tokens) > 1 and tokens[-1] in _ORG_SUFFIXES:
            tokens = tokens[:-1]
    elif cls == "norp" and len(tokens) == 1 and len(tokens[0]) > 4 and tokens[0].endswith("s") \
            and not tokens[0].endswith("ss"):
        tokens = [tokens[0][:-1]]
    key = " ".join(tokens)
    if key in ALIASES:
        return ALIASES[key][0]
    return key


def initials(key: str) -> str:
    """Initial letters of a multi-word key, skipping connectors: ``government accountability
    office`` -> ``gao``; ``""`` for a one-word key."""
    words = [w for w in key.split() if w not in _CONNECTORS and w not in _DETERMINERS]
    return "".join(w[0] for w in words) if len(words) > 1 else ""
