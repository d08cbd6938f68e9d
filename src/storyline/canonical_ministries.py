"""A state's ministries: one entity per real body, whatever way news writes its name.

News writes one ministry as ``the Defence Ministry``, ``the Ministry of Defence`` and ``the
Ministry of Defense``, and the Foreign Ministry as ``the Ministry of Foreign Affairs``: the
same portfolio is the same body (:func:`ministry_slot`). Two states' ministries of one
portfolio are two bodies: the state is read where the article writes it, inside the name
(``the Arnholt Foreign Ministry``) or as its owner just before it (``Northford's Ministry of
Defence``, found by :mod:`storyline.nlp.mention_owners` and kept as the mention's title), and
the name then carries the state (``Northford Ministry of Defence``: :func:`owned_name`); the
ministry named again without its state in that article is that one (:func:`article_ministry`).
A ministry whose state is not written stays the unqualified body: a home paper does not name
its own country, so the one state an article names is often the other one (a report from
Northford on Arnholt's troops quotes ``the Defence Ministry``), and no state is guessed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .canonical_aliases import ALIASES
from .canonical_names import NameParts, fold, is_place_key, name_key
from .canonical_words import NATIONALITY_PLACES
from .capitals import capital_country

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["article_ministry", "stated_ministry", "unwritten_state", "ministry_slot", "owned_name", "written_owner"]

# Words written two ways in a portfolio (general knowledge of English spelling), and
# ``affairs``, which comes and goes (``Ministry of Foreign Affairs`` is the Foreign Ministry).
_PORTFOLIO_SPELLINGS = {"defense": "defence"}
_DROPPED = frozenset({"affairs", "the"})
# A portfolio is one to three words (``Foreign``, ``Home Affairs``, ``Trade and Industry``).
_MAX_PORTFOLIO = 3


def _portfolio(words: list[str]) -> str:
    kept = [_PORTFOLIO_SPELLINGS.get(w, w) for w in words if w not in _DROPPED]
    return " ".join(kept) if 0 < len(kept) <= _MAX_PORTFOLIO else ""


def _split(key: str) -> tuple[list[str], str]:
    """``arnholt ministry of defence`` -> (["arnholt"], "defence"); ``foreign ministry`` ->
    ([], "foreign"); ``([], "")`` for a key that is no ministry's name. The words before the
    portfolio are left for the caller to read as a state."""
    tokens = key.split()
    if "ministry" not in tokens:
        return [], ""
    i = tokens.index("ministry")
    if i + 1 < len(tokens) and tokens[i + 1] == "of":  # "[owner] ministry of [the] P"
        return tokens[:i], _portfolio(tokens[i + 2:])
    if i == len(tokens) - 1 and i:  # "[owner] P ministry": every split is tried by the caller
        return tokens[:i], "*"
    return [], ""


def _state_key(words: list[str]) -> str:
    """The state's key: a nationality's adjective is its country (``egyptian`` -> ``egypt``:
    ``the Egyptian Interior Ministry`` is ``Egypt's Interior Ministry``), a capital is its
    country (``baghdad`` -> ``iraq``: news names a state by its capital), and a country's
    alias is the country (``british``, ``uk`` -> ``united kingdom``)."""
    key = " ".join(words)
    key = NATIONALITY_PLACES.get(key) or fold(capital_country(key)) or key
    return ALIASES[key][0] if key in ALIASES else key


def _state(r: NameResolver, words: list[str]) -> bool:
    """Is this key a state's (a country's or capital's, a nationality's adjective, or a place
    of the corpus or article)?"""
    key = " ".join(words)
    if not key:
        return False
    if NATIONALITY_PLACES.get(key) or capital_country(key):
        return True
    if is_place_key(key) or key in r._article_keys:
        return True
    return any(r._clusters[i].cls == "loc" for i in r._live(r._by_key.get(key, ())))


def ministry_slot(r: NameResolver, key: str) -> str:
    """The index key every name of this ministry shares (``~ministry northford|defence``),
    or ``""`` when ``key`` is no ministry's name. Words before the portfolio that are no
    place (``Kessling Institute Ministry``) make no ministry."""
    before, portfolio = _split(key)
    if not portfolio:
        return ""
    if portfolio != "*":
        if before and not _state(r, before):
            return ""
        return f"~ministry {_state_key(before)}|{portfolio}"
    for n in range(len(before), -1, -1):  # "arnholt foreign ministry": the longest state first
        if n == 0 or _state(r, before[:n]):
            portfolio = _portfolio(before[n:])
            return f"~ministry {_state_key(before[:n])}|{portfolio}" if portfolio else ""
    return ""


def owned_name(r: NameResolver, parts: NameParts, owner: str) -> NameParts:
    """A ministry's name with the state written as its owner before it (``Northfords`` of
    ``Northfords Ministry of Defence``, stripped or not): ``Northford Ministry of Defence``;
    a capital as owner names its country (``Baghdads Ministry of the Interior`` is ``Iraq
    Ministry of the Interior``). Unchanged when ``owner`` is no state or the name is no
    ministry's or has a state already."""
    state = owner.strip()
    if not state:
        return _capital_inside(parts)
    for end in ("'s", "’s", "s"):
        if state.endswith(end) and _state(r, fold(state[: -len(end)]).split()):
            state = state[: -len(end)]
            break
    else:
        return parts
    key = name_key(parts.name, "ORG")
    slot = ministry_slot(r, key)
    if not slot or not slot.startswith("~ministry |"):
        return parts
    return NameParts(f"{capital_country(state) or state} {parts.name}", parts.title, parts.alias, parts.gender)


def _capital_inside(parts: NameParts) -> NameParts:
    """A ministry's name that begins with a capital names its country instead (``the Baghdad
    Ministry of the Interior`` is ``Iraq Ministry of the Interior``, as when the capital is
    written as its owner): one name for the body, whichever way the state was written."""
    words = parts.name.split()
    for n in range(min(3, len(words) - 1), 0, -1):  # a capital is one to three words (Addis Ababa)
        country = capital_country(" ".join(words[:n]))
        if country and "ministry" in fold(" ".join(words[n:])).split():
            return NameParts(" ".join([country, *words[n:]]), parts.title, parts.alias, parts.gender)
    return parts


def written_owner(title: str, text: str, name: str) -> str:
    """The owner written before a body's name: the mention's title (an owner the model left
    out of the span), or a possessive inside the span before the name (``Korvath's Ministry
    of Defence``, a stripped possessive restored by :mod:`storyline.canonical_possessives`);
    ``""`` when there is none."""
    if title:
        return title
    hit = re.match(r"(?:[Tt]he )?(\S+(?:'s|’s)) " + re.escape(name) + "$", " ".join(text.split()))
    return hit.group(1) if hit else ""


def article_ministry(r: NameResolver, slot: str) -> str:
    """The one ministry of this portfolio that the article has named with its state (``the
    Ministry of Defence`` after ``Northford's Ministry of Defence``), for a ministry named
    without one (``slot`` of no state); ``""`` when the article has named none or two
    states' ministries of that portfolio."""
    portfolio = slot.partition("|")[2] if slot.startswith("~ministry |") else ""
    found = set()
    for cid in r._article if portfolio else ():
        c = r._clusters.get(r.canonical_id(cid))
        if c is not None and c.cls == "org":
            own = ministry_slot(r, c.key)
            if own.endswith("|" + portfolio) and not own.startswith("~ministry |"):
                found.add(c.id)
    return found.pop() if len(found) == 1 else ""


def unwritten_state(r: NameResolver, full: str, key: str) -> bool:
    """Whether ``key`` is the ministry of key ``full`` written without its state (``defence
    ministry`` of ``northford ministry of defence``): that article's reference, which must not
    make the bare name the state's elsewhere."""
    mine, theirs = ministry_slot(r, key), ministry_slot(r, full)
    return mine.startswith("~ministry |") and bool(theirs) and not theirs.startswith("~ministry |") \
        and mine.partition("|")[2] == theirs.partition("|")[2]


def stated_ministry(r: NameResolver, key: str) -> bool:
    """Whether ``key`` is a ministry's name with its state (``baghdad ministry of the
    interior``, often made from an owner written before the name): its initials are no
    acronym a writer uses (``BMI`` of a British airline had joined it), so none is read."""
    slot = ministry_slot(r, key)
    return bool(slot) and not slot.startswith("~ministry |")
