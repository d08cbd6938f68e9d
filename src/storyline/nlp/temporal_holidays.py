"""Holidays and named days: ``Christmas``, ``New Year's Day``, ``Thanksgiving``, ``Easter``,
``Election Day``, ``Black Friday``, ``the Fourth of July``; days of history named after a
crash (``Black Monday`` of 1987) where their sentence writes that year.

TimeML values a holiday as the day it falls on (``Christmas 2021`` is 2021-12-25). Without a
year, the year is the nearest that agrees with the tense, each candidate year computing its own
date for holidays that move (Thanksgiving is the fourth Thursday of November). Crawled text strips
apostrophes, so ``New Years Day`` and ``Valentines Day`` are read too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import temporal_lexicon as lex
from .temporal_absolute import B, E, YEAR
from .temporal_calendar import day_value
from .temporal_grammar import Context, rule, words


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], dt.date]:
    """The ``n``th ISO ``weekday`` of ``month`` (n = -1: the last one)."""
    def day(year: int) -> dt.date:
        if n > 0:
            first = dt.date(year, month, 1)
            return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    return day


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return dt.date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _after(base: Callable[[int], dt.date], days: int) -> Callable[[int], dt.date]:
    return lambda year: base(year) + dt.timedelta(days=days)


_THANKSGIVING = _nth_weekday(11, 4, 4)  # US: fourth Thursday of November
# The US general election: the Tuesday after the first Monday of November.
_ELECTION = _after(_nth_weekday(11, 1, 1), 1)

# Holiday names (lower case, apostrophes optional, several spaces as one) -> date in a year.
HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": _fixed(12, 25), "christmas day": _fixed(12, 25), "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26), "new year's day": _fixed(1, 1), "new year's eve": _fixed(12, 31),
    "valentine's day": _fixed(2, 14), "st. patrick's day": _fixed(3, 17), "st patrick's day": _fixed(3, 17),
    "halloween": _fixed(10, 31), "independence day": _fixed(7, 4), "the fourth of july": _fixed(7, 4),
    "bastille day": _fixed(7, 14), "veterans day": _fixed(11, 11), "armistice day": _fixed(11, 11),
    "remembrance day": _fixed(11, 11), "may day": _fixed(5, 1), "labour day": _fixed(5, 1),
    "labor day": _nth_weekday(9, 1, 1), "memorial day": _nth_weekday(5, 1, -1),
    "martin luther king day": _nth_weekday(1, 1, 3), "presidents' day": _nth_weekday(2, 1, 3),
    "columbus day": _nth_weekday(10, 1, 2), "thanksgiving": _THANKSGIVING,
    "thanksgiving day": _THANKSGIVING, "black friday": _after(_THANKSGIVING, 1),
    "cyber monday": _after(_THANKSGIVING, 4), "election day": _ELECTION,
    "easter": easter, "easter sunday": easter, "easter monday": _after(easter, 1),
    "good friday": _after(easter, -2), "ash wednesday": _after(easter, -46),
}


def _normal(name: str) -> str:
    return " ".join(name.lower().replace("'", "").replace(".", "").split())


def _pattern(name: str) -> str:
    return re.escape(name).replace("'", "'?").replace(r"\ ", r"\s+").replace(r"\.", r"\.?")


_NAMES = "|".join(_pattern(n) for n in sorted(HOLIDAYS, key=len, reverse=True))
_BY_NORMAL = {_normal(n): date_of for n, date_of in HOLIDAYS.items()}
# A distinctive word of every name, and one of the words that end them, as sentence_words
# gives them (lower case, singular): the rule runs only on sentences with one of each.
_NEEDS = words("christmas", "boxing", "new", "valentine", "patrick", "halloween", "independence", "fourth",
               "bastille", "veteran", "armistice", "remembrance", "may", "labour", "labor", "memorial",
               "luther", "president", "columbus", "thanksgiving", "black", "cyber", "election", "easter",
               "good", "ash")
_ALSO = words("day", "eve", "christmas", "halloween", "thanksgiving", "easter", "july", "friday", "monday",
              "wednesday", "sunday")


@rule("holiday", needs=_NEEDS, also=_ALSO, pattern=B + r"(?:(?P<rel>last|this|next)\s+)?(?P<name>" + _NAMES + r")(?:(?:,?|\s+of)\s+"
      + YEAR + r")?" + E, anchorable=True)
def _holiday(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    name = m["name"]
    if not name[0].isupper() and not name.lower().startswith("the"):
        return None  # names of days are capitalised; "may day" in lower case is not one
    date_of = _BY_NORMAL[_normal(name)]
    after_noun = None if m["year"] or m["rel"] else _NOUN_OF_YEAR.match(ctx.text, m.end())
    if not m["year"] and not m["rel"] and _a_kind_or_a_name(m, ctx) and not after_noun:
        return None
    year = m["year"] or (not m["rel"] and (_IN_YEAR.match(ctx.text, m.end()) or after_noun) or {"year": None})["year"]
    if year:
        # "Christmas Day 1914", "Christmas of 1914"; "on Easter Sunday in 2008" (the year
        # its own expression)
        return "DATE", day_value(date_of(int(year)))
    rel = (m["rel"] or "").lower()
    direction = {"last": "last", "next": "next"}.get(rel) or ctx.direction(m.start(), m.end())
    around = None if rel else _SEASON_AROUND.match(ctx.text, m.end())
    if around and around["stretch"] and not (around["stretch"].lower() == "holiday"
                                             and _normal(name) not in _BREAK_HOLIDAYS):
        # "the Christmas sales period", "successful Christmas sales": the days around the
        # holiday, a stretch of days, as MEANTIME annotates it (PXD, 2 of 2 in its dev half)
        return "DURATION", "PXD"
    if around:
        direction = None  # "as Easter week began": the nearest one
    return "DATE", day_value(_nearest(date_of, ctx.published, direction))


# A year right after a holiday, told with "in": "on Christmas Day in 1914".
_IN_YEAR = re.compile(r"\s+in\s+" + YEAR + E)
# A holiday naming the noun after it, with the year of that noun: "the Christmas truce of 1914".
_NOUN_OF_YEAR = re.compile(r"\s+[a-z]+\s+(?:of|in)\s+" + YEAR + E)
# A capitalised word after a holiday that makes the two a name ("the Easter Rising", "Christmas
# Island"), unless it is a word of dates ("Christmas Week", "Easter Monday" are the holiday rules').
_NAME_AFTER = re.compile(r"\s+(?P<word>[A-Z][a-z]+)\b")
_DATE_WORDS_AFTER = frozenset({"week", "weekend", "season", "holiday", "holidays", "period", "break", "day", "eve",
                               "morning", "afternoon", "evening", "night"})


def _a_kind_or_a_name(m: re.Match, ctx: Context) -> bool:
    """Whether the holiday names a kind of event (``a Christmas party``, ``an Easter egg``: any
    year's) or is part of a name (``the Easter Rising``, ``Christmas Island``), not a day."""
    if ctx.word_before(m.start()) in ("a", "an"):
        return True
    following = _NAME_AFTER.match(ctx.text, m.end())
    if not following:
        return False
    word = following["word"].lower()
    return word not in _DATE_WORDS_AFTER and word not in lex.WEEKDAYS and word not in lex.MONTHS


def holiday_in(extent: str, year: int) -> str | None:
    """The day of the holiday named in ``extent`` (a holiday reading's text) in ``year``;
    None if the extent names none (``last Christmas`` names one, a year told with it)."""
    m = re.search(_NAMES, extent, re.IGNORECASE)
    return day_value(_BY_NORMAL[_normal(m.group())](year)) if m else None


# Nouns after a holiday that make it the time around it, which the tense does not place:
# "Easter week began" days before Easter, "the Christmas shopping season" ahead of Christmas;
# all but a week are a stretch of days ("stretch"), also after a second holiday ("Christmas
# and New Year sales"). A one-day holiday's "holiday" in the singular is the day itself ("the
# Memorial Day holiday"); Christmas's and Easter's are the break around them.
_SEASON_AROUND = re.compile(r"(?:\s+and\s+(?:the\s+)?New\s+Year'?s?)?\s+(?:week|weekend|(?P<stretch>season|period|holidays?"
                            r"|shopping|sales|rush|break|trading))\b", re.IGNORECASE)


# Holidays whose "holiday" is a break of several days ("shut for the Christmas holiday").
_BREAK_HOLIDAYS = frozenset({"christmas", "easter"})


def _nearest(date_of: Callable[[int], dt.date], published: dt.date, direction: str | None) -> dt.date:
    """The holiday's date in the year ``direction`` points to: the nearest one, but never
    one ahead in the past tense or behind in the future tense (unlike a written day, a
    holiday is not a deadline, so ``dates.day_slack_days`` does not apply); ``last`` and
    ``next`` exclude the publication date itself."""
    d = published
    best: dt.date | None = None
    for year in (d.year - 1, d.year, d.year + 1):
        day = date_of(year)
        diff = (day - d).days
        if (direction == "past" and diff > 0) or (direction == "future" and diff < 0):
            continue
        if (direction == "last" and diff >= 0) or (direction == "next" and diff <= 0):
            continue
        if best is None or abs(diff) < abs((best - d).days):
            best = day
    return best or date_of(d.year)


# Days of history named for a market crash, each the day of one year. The names are reused for
# later crashes ("a Black Monday for Asian markets"), so the day is read only where its
# sentence writes that year ("the Black Monday crash of 1987"); elsewhere the name stays
# untagged, as the weekday rule leaves it.
_HISTORIC_DAYS = {"black monday": dt.date(1987, 10, 19), "black tuesday": dt.date(1929, 10, 29),
                  "black thursday": dt.date(1929, 10, 24), "black wednesday": dt.date(1992, 9, 16)}


@rule("historic_day", needs=words("black"), also=words("monday", "tuesday", "wednesday", "thursday"),
      pattern=B + r"Black\s+(?:Monday|Tuesday|Wednesday|Thursday)" + E)
def _historic_day(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if not m.group()[0].isupper() or not m.group().split()[-1][0].isupper():
        return None  # "a black Monday" is a bad day, not the named one
    day = _HISTORIC_DAYS[_normal(m.group())]
    if not re.search(rf"(?<!\d){day.year}(?!\d)", ctx.text):
        return None
    return "DATE", day_value(day)
