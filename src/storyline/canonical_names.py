"""Names as written -> the name itself and a comparison key.

:func:`core_name` takes a mention as written (``US President Joe Biden``, ``Mr Biden's``,
``the Pentagon``, ``Northrop Grumman CEO Ron Sugar``, ``the United States Air Force (USAF)``)
and returns the name (``Joe Biden``), the title or description around it (``US President``),
an alias given in brackets (``USAF``) and a gender when an honorific says it. :func:`name_key`
turns a name into the key that :mod:`storyline.canonical` compares: case, diacritics, dots in
acronyms, possessives and company suffixes removed, and common world-news aliases
(``U.S.`` = ``USA`` = ``United States``) mapped through :data:`ALIASES`.

The word tables are in :mod:`canonical_words`, the aliases and folding in
:mod:`canonical_aliases`, the keys in :mod:`canonical_keys` and the roles in
:mod:`canonical_roles`; their public names are importable from here too, as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .canonical_aliases import ALIASES, NAME_CACHE, display_alias, fold, is_place_key, us_state
from .canonical_keys import generation, initials, name_key, skeleton, without_articles
from .canonical_roles import ROLE_MODIFIERS, role_key, roles_compatible
from .canonical_words import (
    ARTICLE_JOINED, CONNECTORS, DESCRIPTIVE_WORDS, DETERMINERS, HONORIFICS, MAX_PARTICLES, ORG_NAMES,
    NATIONALITY_WORDS, ORG_SUFFIXES, PARTICLES, PLACE_NAMES, PLACE_PARTICLES, POST_NOMINALS, REGNAL,
    ROLE_CONNECTORS, TITLE_WORDS, label_class, split_article,
)
from .canonical_typos import misspelled_title
from .nlp.repair import is_demonym

__all__ = [
    "us_state",
    "NameParts", "core_name", "name_key", "initials", "label_class", "ALIASES", "HONORIFICS",
    "TITLE_WORDS", "display_alias", "ORG_NAMES", "PLACE_NAMES", "role_key", "roles_compatible",
    "description_prefix", "fold", "strip_titles", "ROLE_MODIFIERS", "without_articles", "REGNAL",
    "is_place_key", "generation", "PARTICLES", "MAX_PARTICLES", "PLACE_PARTICLES", "split_article",
    "skeleton", "bracket_alias",
]


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
@functools.lru_cache(maxsize=NAME_CACHE)
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
        # a bracket inside a name, its words going on after it ("The (Kestwick) Courier", a
        # paper named with its town), qualifies the name and is no second name of it: read as
        # an alias it had joined the paper to the town
        inside = text[m.end():].strip()[:1].isupper()
        if inner[:1].isupper() and not inside and (not outer or bracket_alias(inner, outer, label)):
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
    key = fold(inner)
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
    while len(name) > 1 and name[0].lower() in DETERMINERS:
        name = name[1:]
    title_tokens = tokens[:run_start]
    if person:
        name, extra = strip_titles(name)
        name = [p for tok in name for p in _split_fused(tok)]
        title_tokens = title_tokens + extra
        if len(name) >= 3 and name[0].lower() in NATIONALITY_WORDS:
            # "Tunisian Malek Jaziri", "Egyptian Hosni Mubarak": the nationality qualifies the
            # name (two words at least after it: "Roman Polanski" keeps his given name)
            title_tokens, name = title_tokens + name[:1], name[1:]
        if not name:
            role = " ".join(t for t in title_tokens if t.lower() not in DETERMINERS)
            return NameParts("", role if role_key(role)[0] else "")
    gender = ""
    for t in title_tokens:
        g = HONORIFICS.get(t.lower().rstrip("."), "")
        if g:
            gender = g
    title = " ".join(t for t in title_tokens if t.lower() not in DETERMINERS)
    return NameParts(" ".join(name).strip(" ,"), title, "", gender)


def _is_cap(token: str) -> bool:
    return bool(token) and (token[0].isupper() or (token[0].isdigit() and any(c.isupper() for c in token))
                            or bool(ARTICLE_JOINED.match(token)))


# Head words of a body named for its aim with "to" and a verb ("Committee to Rescue
# Lighthouses", "Campaign to End Fogs"): with "to" between them, the head word is part of the
# name, not a description before it (the name had been "Rescue Lighthouses").
_PURPOSE_HEADS = frozenset("committee campaign coalition alliance movement council fund foundation".split())


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
        elif prev.lower() in CONNECTORS and start > 1 and _is_cap(tokens[start - 2]):
            start -= 2
        elif inner_the and prev.lower() == "to" and start > 1 and tokens[start - 2].lower() in _PURPOSE_HEADS:
            start -= 2  # a body named for its aim: "Committee to Rescue Lighthouses"
        elif inner_the and prev.lower() == "the" and start > 1 and (
                _is_cap(tokens[start - 2]) or tokens[start - 2].lower() in CONNECTORS):
            start -= 1  # the word before "the" is taken by the next step, or ends the run
        elif start == 1 and prev in ("al", "el"):  # "al Qaeda"
            start = 0
        elif prev.lower() in PARTICLES:
            first = start - 1  # a surname's particles: "van der Berg", "de la Vega"
            while first > 0 and start - first < MAX_PARTICLES and tokens[first - 1].lower() in PARTICLES:
                first -= 1
            if first > 0 and _is_cap(tokens[first - 1]):
                start = first - 1  # "Peter van der Berg"
            elif first == 0 or tokens[first - 1].lower() not in CONNECTORS:
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
        if i and name[i - 1].lower() in CONNECTORS:
            break  # "... of General Motors": the body, not another title
        if low in TITLE_WORDS or (low in DESCRIPTIVE_WORDS and i <= len(name) - 3) or misspelled_title(low):
            last_title = i
    title = name[: last_title + 1]
    rest = name[last_title + 1:]
    if rest and rest[0].lower() in ROLE_CONNECTORS:
        tail = rest[1:]
        for n in range(len(tail) - 2, 0, -1):  # the name keeps >= 2 tokens
            key = fold(" ".join(tail[:n]))
            if key in PLACE_NAMES or key in ORG_NAMES or key in ALIASES:
                return tail[n:], name[: len(name) - len(tail) + n]
        return [], name  # "Prime Minister of Singapore": all title, no name
    while len(rest) > 1 and rest[-1].lower().rstrip(".") in POST_NOMINALS:
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
    key = fold(before)
    return key not in PLACE_NAMES and key not in ORG_NAMES and key not in ALIASES


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
        if i > 1 and prefix[-1].lower().strip(".,") in ORG_SUFFIXES:
            return i
        key = fold(" ".join(prefix))
        if key.startswith("the "):
            key = key[4:]
        alias = key in ALIASES and (i > 1 or prefix[0].isupper())
        known = key in PLACE_NAMES or key in ORG_NAMES or is_entity(key)
        if alias or (known and i > 1) or (known and is_person(fold(" ".join(tokens[i:])))):
            return i
    return 0
