"""Entity types from the words around a name in its sentence (:func:`context_cue`): ``the X
valley``, ``X's capital``, ``the people of X``, ``mayor of X`` say place (strong cues, they
outvote any model label); ``in X``, ``across X``, ``near X`` say "not a person" (weak cues);
``X troops``, ``X officials`` say "not a person" without saying which; ``the X`` (one word, no
title) says a body; a kind before or after the name (``phone operator X``, ``the charity X
said``) says a company or body, and so does an owner or a maker before a brand (``which owns
X``); a club's words say a team. Used by
:mod:`storyline.canonical_types`, which votes with these cues across an article and the corpus.

Word lists are written from general knowledge of English news, not from evaluation data.
"""

from __future__ import annotations

import re

from .canonical_names import us_state

__all__ = ["context_cue", "STRONG", "WEAK", "NONPERSON", "BODY", "TEAM", "PEOPLE", "COMPANY",
           "LEADER_AFTER", "POSSESSIVE_AFTER", "BODY_KIND", "BODY_KIND_AFTER"]

STRONG, WEAK, NONPERSON, BODY = "place", "not-person-place", "not-person", "body"
# A sports club: its players and staff, a player's record for it, a plural verb after it.
TEAM = "team"
# Listed among peoples' names: a people (NORP).
PEOPLE = "people"
# A body named with its kind, a company's or a medium's ("phone operator X", "news agency X"):
# a body even where the model says product ("the X" alone is no such evidence: "the A350").
COMPANY = "company"


# After the name ("the X valley", "X's capital"): the name is a place.
_PLACE_AFTER = frozenset(
    "capital border borders territory soil airspace coast coastline valley region province "
    "crossing town city village villages countryside frontier mainland embassy consulate "
    "borderlands highlands lowlands outskirts mayor resident residents".split()
)
# A name, a comma and a US state's abbreviation ("Hoboken, N.J.", "Bethesda, Md."): a town
# in that state, as datelines and addresses write one.
_STATE_AFTER = re.compile(r"^,\s+([A-Z][A-Za-z.]*)")
# Before "of X" ("the people of X", "mayor of X"): the name is a place.
_PLACE_OF = frozenset(
    "capital city town village villages region province people residents citizens mayor "
    "governor outskirts north south east west centre center heart streets towns "
    "cities border borders area areas district neighbourhood neighborhood suburb suburbs".split()
)
# Verbs whose object is a place, never a person named in full ("fled Baba Amr", "troops
# entered Rastan"): before a name with no possessive, a strong place cue.
_PLACE_VERBS = frozenset("fled flee flees fleeing enter entered enters entering".split())
# After the name, no possessive ("X troops", "X officials"): an adjective of a country or
# body, so not a person.
_NOT_PERSON_AFTER = frozenset(
    "troops soldiers forces army military tanks officials diplomats citizens nationals "
    "voters authorities government side police guards steel imports exports delegation "
    "ministers lawmakers media".split()
)
# Prepositions that place a thing, not a person; "in" after these words is not about a
# place ("a stake in X", "confidence in X").
_PLACE_PREPS = frozenset("in across near throughout inside outside around towards toward into".split())
_NOT_PLACE_BEFORE = frozenset(
    "stake stakes shares share investment investments invest invested investing interest "
    "confidence trust faith belief role member members membership seat seats job jobs "
    "career position".split()
)
POSSESSIVE_AFTER = re.compile(r"^(?:['’]s?|s)(?!\w)")
# Words after a one-word name that use it as a leader's or a family's ("the Assad regime",
# "Gadhafi loyalists", "the Kennedy family"): a person's or a country's name, never a body's
# ("the X" alone is one); :func:`storyline.nlp.mention_context.leader_context` reads them too.
LEADER_AFTER = re.compile(  # "s?": a stripped possessive ("the Kestrel administrations plan")
    r"\s+(?:regime|loyalists|administration|dynasty|clan|family|forces|troops|supporters|government|military|army)s?\b")
# A medium named right after its kind ("state news agency Sana", "the broadcaster Kest One,")
# or before it ("the Sana news agency"): an organisation, whatever the model says.
_MEDIA = r"(?:news\s+agency|press\s+agency|broadcaster|newspaper|(?:tv|television)\s+channel)"
_MEDIA_BEFORE = re.compile(r"\b" + _MEDIA + r"\s*,?\s+$", re.I)
_MEDIA_AFTER = re.compile(r"^\s+" + _MEDIA + r"\b", re.I)
# A company named right after its kind ("mobile phone operator Kestcell", "the networks,
# Kestcell,") or in an apposition that ends with it ("Kestcell, the Irish telecoms firm,"): an
# organisation, whatever the model says (it called a phone company a person and a product).
_COMPANY = r"(?:operator|operators|firm|company|carrier|network|networks|conglomerate|retailer|manufacturer|corporation|contractor)"
_COMPANY_BEFORE = re.compile(r"\b" + _COMPANY + r"\s*,?\s+$", re.I)
# A body named in apposition right after its kind and the definite article ("the charity Open
# Hands said", "the group Kestwatch", "the opposition party Forward Kessling"): an
# organisation, whatever the model says (it called a charity a product).
# Only where the apposition ends there: punctuation or a verb of reporting follows ("the charity
# Open Hands said"); in "the agency Holm runs" the name opens a relative clause: a person's.
BODY_KIND = r"\b[Tt]he\s+(?:[a-z-]+\s+)?(?:charity|group|organisation|organization|party|agency|company)\s+"
_BODY_KIND_BEFORE = re.compile(BODY_KIND + "$")
BODY_KIND_AFTER = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:said|says|told|tells|warned|warns|added|announced|reported)\b")
# Companies as a kind before an example ("multinationals such as Kestoil", "firms like
# Kestoil"): the example is one.
# A brand after its owner or maker ("Kestfoods, which owns Crunchos", "the maker of Crunchos"):
# a company's or a product's name, never a person's (people are not owned).
_OWNED_BRAND = re.compile(r"\b(?:owns|makers?\s+of)\s+$", re.I)
_COMPANY_EXAMPLE = re.compile(
    r"\b(?:companies|firms|corporations|multinationals|contractors)\s+(?:like|such\s+as|including)\s+$", re.I)
_COMPANY_APPOSITION = re.compile(
    r"^\s*,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}" + _COMPANY + r"(?:\s*[,.;:)]|\s*$|\s+(?:with|that|which|based|in|from|whose)\b)",
    re.I)
# A football club's players and staff after its name ("Valdora striker Luca Ferrante", "the
# Kestrel manager"): the name is the club's. General knowledge of sports news; not "fans" or
# "supporters", which a singer or a politician has too.
_TEAM_AFTER = frozenset(
    """striker strikers midfielder midfielders goalkeeper goalkeepers keeper defender defenders winger
    wingers playmaker manager boss coach captain skipper""".split())
# A player's record or move for a club before its name ("17 goals for Valdora", "his debut for
# Valdora", "signed for Valdora", "on loan from Valdora").
_TEAM_BEFORE = re.compile(
    r"\b(?:(?:goals|games|matches|appearances|caps|debut|signed|signs|signing)\s+for|on\s+loan\s+(?:from|at|to|with))\s+$",
    re.I)
# A plural verb right after a one-word name that opens a clause ("Valdora are understood to",
# "but Vellin have won"): British news writes a team or a company in the plural, never a
# person; a name after "and", "or", a comma or a preposition may be one of several subjects or
# no subject at all ("Hale and Berg are", "supporters of Hale are"), so only these openings.
_PLURAL_VERB = re.compile(r"^\s+(?:are|were|have)\b")
_CLAUSE_OPENING = re.compile(
    r"(?:[.!?;:]\s+|\b(?:but|while|because|although|though|that|when|whereas)\s+)$")
# Heads of a street's name ("Mill Lane", "Harbour Road"), and the prepositions that place
# something on or along it ("lives on Mill Lane", "along Pelham Lane"): a name with such a head
# there is the street, though Lane is a surname too (Nathan Lane) and the model calls the
# street a person. Not "at", "to", "from" or "with", which are said of people ("a letter to
# Diane Lane").
_STREET_HEADS = frozenset("street road avenue lane".split())
_STREET_PREP = re.compile(r"\b(?:on|in|along|off|down|up|near|into|onto|opposite|outside|past|across)\s+$", re.I)
_WORD_AFTER = re.compile(r"^(?:['’]s|['’]|s)?\s+(?:-\s*)?([A-Za-z]+)")
_WORDS_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:(the)\s+)?$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_OF_BEFORE = re.compile(r"([A-Za-z]+)\s+of\s+(?:the\s+)?$")


def context_cue(text: str, start: int, end: int, label: str = "") -> str:
    """What the words around ``text[start:end]`` say about the name's type: :data:`STRONG`
    (a place), :data:`WEAK` (a place, or at least not a person), :data:`NONPERSON`, or
    ``""``. Works on stripped text too (``Arnholts capital``)."""
    if not isinstance(text, str) or not 0 <= start < end <= len(text):
        return ""
    before, after = text[max(0, start - 60):start], text[end:end + 40]  # 60/40: a few words
    possessive = bool(POSSESSIVE_AFTER.match(after))  # "X's", "X'", stripped "Xs"
    m = _WORD_AFTER.match(after)
    nxt = m.group(1).lower() if m else ""
    words = text[start:end].split()
    if nxt in _PLACE_AFTER or len(words) > 1 and words[-1].lower() in _STREET_HEADS \
            and _STREET_PREP.search(before) and not possessive:
        return STRONG
    if len(words) == 1 and not possessive and (
            nxt in _TEAM_AFTER and not words[0].endswith("s")  # "Bergs manager": a stripped possessive
            or _TEAM_BEFORE.search(before)
            or _PLURAL_VERB.match(after) and (_CLAUSE_OPENING.search(before) or not text[:start].strip())):
        return TEAM
    m = _STATE_AFTER.match(after)
    if m and us_state(m.group(1)) and not (label == "PERSON" and " " in text[start:end].strip()):
        return STRONG  # a full name the model calls a person stays one ("Ann Holt, Va.": a reader's letter)
    m = _OF_BEFORE.search(before)
    if m and m.group(1).lower() in _PLACE_OF and not possessive:
        return STRONG
    m = _WORDS_BEFORE.search(before)
    if m and m.group(1).lower() in _PLACE_VERBS and not m.group(2) and not possessive and label != "ORG":
        return STRONG  # a body is entered too ("to enter NATO"): the model's ORG stays
    if m and m.group(1).lower() in _PLACE_PREPS and not possessive:
        prev = before[: m.start()].split()[-1:] or [""]
        if prev[0].lower().strip(",.;:") not in _NOT_PLACE_BEFORE:
            return WEAK
    if nxt in _NOT_PERSON_AFTER and not possessive:
        return NONPERSON
    if _THE_BEFORE.search(before) and " " not in text[start:end].strip() and not LEADER_AFTER.match(after):
        return BODY
    if _MEDIA_BEFORE.search(before) or _MEDIA_AFTER.match(after):
        return COMPANY  # "state news agency Norpress said", "the official Norpress news agency": named with its kind
    if _COMPANY_BEFORE.search(before) or _COMPANY_APPOSITION.match(after) or _COMPANY_EXAMPLE.search(before) \
            or _OWNED_BRAND.search(before) \
            or _BODY_KIND_BEFORE.search(before) and BODY_KIND_AFTER.match(after):
        return COMPANY  # "phone operator Kestcell", "Kestcell, the telecoms firm,"
    return ""
