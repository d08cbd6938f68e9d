"""When a four-digit number standing alone is a year.

Split from ``temporal_absolute`` (the rules for dates written out): the year rule and the
spans of years ask these checks before they read ``1973`` as a year. A number after a word
that numbers things (``Resolution 1973``, ``Flight 1549``), a model year (``the 2008 model``)
or a car's year (``a 1987 Chevrolet Cavalier``), an early number without a word that expects
a year, and a number in a range with a number that is no year are not years.
"""

from __future__ import annotations

import re

from . import temporal_lexicon as lex
from .temporal_grammar import Context

# A number after these words names a thing, not a year: "Resolution 1973", "Flight 1549".
NUMBERED = frozenset({
    "resolution", "resolutions", "flight", "route", "highway", "interstate", "room", "suite", "no", "no.",
    "nos", "nos.", "number", "article", "section", "chapter", "paragraph", "clause", "bus", "platform",
    "gate", "page", "pages", "exit", "precinct", "lot", "code", "squadron", "regiment", "battalion",
    "brigade", "model", "version", "level", "bill", "motion", "amendment", "item", "case", "file",
    "box", "apartment", "unit", "ward", "block", "pier", "berth", "hangar", "terminal", "channel",
})
# Words before a bare year that make an early number (before 1500) a year: "in 1066".
EARLY_YEAR_CONTEXT = frozenset({"in", "since", "year", "from", "until", "till", "by", "before", "after",
                                "around", "circa", "c.", "ad", "a.d."})
_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
_RANGE_BEFORE = re.compile(r"(?:between|from)\s+" + _NUMBER + r"\s+(?:and|to)\s+$", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:and|to|-|–)\s*" + _NUMBER, re.I)
# A year before "model" names a product line, not a time: "the 2008 model", "2007 models",
# "the 2009 model year" (carmakers sell a model year's cars from the summer before it); but
# "the 1952 model of government" is the way of that year.
MODEL_YEAR_AFTER = re.compile(r"[\s-]*models?\b(?!\s+of\b)", re.I)
_MODEL_YEAR_BEFORE = re.compile(r"\bmodel[\s-]+year\s+$", re.I)  # "model year 2008"
# ... and so does one between a determiner and a car make with its model or a vehicle noun:
# "a 1987 Chevrolet Cavalier", "Kopp's 1987 Chevrolet", "his 1999 Ford pickup"; not a make
# that names a company, a prize or an event ("the 1992 Ford Foundation", "the 2008 Honda
# Classic"), and not after a preposition ("in 2005 Toyota sales doubled").
_VEHICLE_AFTER = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, lex.CAR_MAKES)) + r")(?:\s+(?!(?:Motors?|Motor|Co|Corp|Corporation|Company|Inc|Group"
    r"|Foundation|Administration|Center|Centre|Museum|Field|Park|Stadium|Arena|Classic|Open|Championship|Cup|Bowl|Prize"
    r"|Award|Grand|Series|Tour)\b)[A-Z0-9][\w-]*|\s+(?:car|truck|pickup|sedan|van|minivan|SUV|coupe|convertible|wagon"
    r"|hatchback|motorcycle|station\s+wagon)s?\b|(?=\s*[.,;]))")
_VEHICLE_OWNER = frozenset({"a", "an", "the", "his", "her", "their", "its", "my", "our", "your", "whose"})


def _names_a_vehicle(m: re.Match, ctx: Context, before: str) -> bool:
    # an owner's "'s" ("Kopp's", and "Kopp 's" as tokenised text, whose word is "s" stripped)
    owner = before in _VEHICLE_OWNER or before == "s" or before.endswith(("'s", "\u2019s"))
    return owner and bool(_VEHICLE_AFTER.match(ctx.text, m.end()))


def _yearlike(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1500 <= int(number) <= 2100


def bare_year_ok(m: re.Match, ctx: Context) -> bool:
    """Whether a four-digit number standing alone is a year: not after a word that numbers
    things ("Resolution 1973", "Flight 1549"); before 1500 only after a word that expects a
    year ("in 1066"); not in a range with a number that is no year ("killed between 1000 and
    2000")."""
    before = ctx.word_before(m.start())
    if before in NUMBERED or MODEL_YEAR_AFTER.match(ctx.text, m.end()) or _names_a_vehicle(m, ctx, before) or (
            before == "year" and _MODEL_YEAR_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())):
        return False
    if int(m["year"]) < 1500 and before not in EARLY_YEAR_CONTEXT:
        return False
    ranged = _RANGE_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    if ranged and not _yearlike(ranged[1]):
        return False
    ranged = _RANGE_AFTER.match(ctx.text, m.end())
    if ranged and len(ranged[1]) >= 3 and not _yearlike(ranged[1]) and before in ("between", "from"):
        return False
    return True
