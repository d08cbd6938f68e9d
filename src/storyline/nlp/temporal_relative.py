"""Rules for dates relative to the publication date: days, weekdays, weeks, months, ago.

``today``, ``yesterday afternoon``, ``last night``, ``on Saturday``, ``next Monday``,
``Wednesday night``, ``this week``, ``earlier in the week``, ``last month``, ``early next
year``, ``this summer``. A business story's quarters and periods are in ``temporal_periods``;
counts from now or from a date (``two weeks ago``, ``a year earlier``) in ``temporal_ago``.

Weekdays and ``the weekend`` without ``last``/``next`` take the direction of the
tense (``Context.direction``); with no tense cue a weekday is the latest one on or before
publication, because news reports what happened.
"""

from __future__ import annotations

import datetime as dt
import re

from . import temporal_lexicon as lex
from .temporal_calendar import (
    day_value, quarter_of, resolve_month, resolve_season, resolve_weekday, unit_value, week_value,
)
from .temporal_anaphora import UNKNOWN as _UNKNOWN, day_possessive
from .temporal_grammar import WEEKDAY, Anaphor, Context, Reading, rule, words
from .temporal_zones import MOVED as ABROAD, abroad_next_day, planned_next_day

B = r"(?<![\w$£€#/-])"
E = r"(?![\w-])"
_OFFSETS = {"this": 0, "the current": 0, "current": 0, "the present": 0, "the full": 0,
            "the entire": 0, "the whole": 0, "this past": -1, "this coming": 1, "last": -1,
            "the previous": -1, "the prior": -1, "the preceding": -1, "the past": -1, "previous": -1, "prior": -1,
            "past": -1,
            "the last": -1,
            "next": 1, "the coming": 1, "coming": 1, "the following": 1, "the next": 1}
_DIRECTIONS = {"last": "last", "past": "last", "previous": "last", "next": "next",
               "coming": "next", "following": "next", "this": "this"}


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


@rule("relative_day", needs=words("today", "tonight", "yesterday", "tomorrow"), pattern=B + r"(?:(?P<mod>early|earlier|late|later|mid)[\s-]+)?(?:(?P<part1>morning|"
      r"afternoon|evening|night|mid-afternoon|mid-morning)\s+)?(?P<word>today|tonight|yesterday|"
      r"tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>morning|"
      r"afternoon|evening|night))?(?=s?(?![\w-]))", anchorable=True)  # "todays vote": a stripped "'s"
def _relative_day(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    word = _norm(m["word"])
    if word == "today" and not m["part"] and _NOWADAYS_AFTER.match(ctx.text, m.end()):
        return None  # "in today's world", "for today's youth": these days, not this day
    if (word == "tomorrow" and not m["part"] and ctx.word_before(m.start()) == "of"
            and not re.search(r"\bas\s+of\s+$", ctx.text[max(0, m.start() - 8):m.start()], re.IGNORECASE)
            and not _POSSESSIVE_AFTER.match(ctx.text, m.end())):
        # "the people of tomorrow", "Seeds of Tomorrow": the future, not a day ("as of
        # tomorrow" is, and so is "ahead of tomorrow's hearing")
        return None
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    day = day_value(ctx.published + dt.timedelta(days=offset))
    part = _norm(m["part"] or m["part1"]) or ("tonight" if word == "tonight" else "")
    return ("TIME", f"{day}T{lex.DAY_PARTS[part]}") if part else ("DATE", day)


# A possessive after the word, with its apostrophe or without (a crawl's "tomorrows match":
# the bare "s" only before a lower-case word).
_POSSESSIVE = r"(?:\s?['\u2019]s\b|s(?=\s+[a-z]))"
_POSSESSIVE_AFTER = re.compile(_POSSESSIVE)


# Nouns after "today's" that make it "these days" (TempEval-3 leaves "today's world" and
# "today's youth" untagged, 3 of 3).
_NOWADAYS_AFTER = re.compile(_POSSESSIVE + r"\s+(?:world|youth|society|generation|young|children|kids|culture|age|era"
                             r"|standards)\b", re.IGNORECASE)


@rule("day_part", needs=words("morning", "afternoon", "evening", "night"), pattern=B + r"(?:(?P<mod>early|earlier|late|later)\s+)?(?P<rel>this|last)\s+"
      r"(?P<part>morning|afternoon|evening|night)(?=(?P<s>s)?(?![\w-]))", anchorable=True)
def _day_part(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if m["s"] and (ctx.word_before(m.start()) == "the"
                   or not (ctx.noun_follows(m.end() + 1) or m["rel"].lower() == "this")):
        # "the last nights of Ramadan"; but "last nights meeting" is "last night's", and
        # "this evenings" has no plural reading ("in this evenings Parting Shots")
        return None
    part = m["part"].lower()
    if m["rel"].lower() == "last" and part not in ("night", "evening"):
        return None  # "last morning" is not idiomatic; "the last morning of" is not a date
    offset = -1 if m["rel"].lower() == "last" else 0
    return "TIME", f"{day_value(ctx.published + dt.timedelta(days=offset))}T{lex.DAY_PARTS[part]}"


@rule("weekday", needs=WEEKDAY, pattern=B + r"(?:(?P<mod>early|earlier|late|later)\s+)?(?:(?P<rel>last|this|next|coming|past|"
      r"(?:the\s+)?previous|(?:the\s+)?following|this\s+coming|this\s+past)\s+)?(?P<wd>" + lex.RE_WEEKDAY
      + r")(?P<plural>s)?(?:\s+(?P<part>morning|afternoon|evening|night)(?P<pplural>s)?)?(?=(?:'s)?(?![\w-]))",
      anchorable=True)
def _weekday(m: re.Match, ctx: Context) -> tuple[str, str] | Reading | None:
    word = m["wd"]
    if len(word) <= 5 and not word[0].isupper():  # an abbreviation ("sun.", "sat.")
        return None  # "sun." and "sat." in lower case are words, not days
    if not m["rel"] and not m["mod"] and _NAMED_DAY.search(ctx.text, 0, m.start()):
        return None  # "Black Monday", "Super Tuesday", "Ash Wednesday": a name, not this week's day
    weekday = lex.WEEKDAYS[word.lower().rstrip(".")]
    code = lex.DAY_PARTS.get(_norm(m["part"]), "")
    if (m["plural"] or m["pplural"]) and not _stripped_possessive(m, ctx):
        return "SET", f"XXXX-WXX-{weekday}" + (f"T{code}" if code else "")
    rel = _norm(m["rel"]).replace("the ", "").replace("this ", "")
    start = m.start()
    if _norm(m["rel"]) == "following":
        # "following Monday's violence", "protests following Friday prayers": without "the",
        # the preposition "after", not "the following Monday"
        rel, start = "", m.start("wd")
    direction = _DIRECTIONS.get(rel) or ctx.direction(start, m.end()) or "past"
    possessive = _POSSESSIVE.match(ctx.text, m.end("part") if m["part"] else m.end("wd"))
    if (direction == "future" and not rel and (possessive or m["plural"] or m["pplural"])
            and not _AHEAD_OF.search(ctx.text, max(0, m.start() - 20), m.start())):
        # "would look for ways around Wednesday's ruling": the day's event is the nearest
        # one, which the main clause's future does not place ("ahead of Sunday's vote" does)
        direction = "near"
    day = resolve_weekday(ctx.published, weekday, direction)
    if day is None:
        return None
    name = "weekday"
    if direction == "past" and not rel:
        # "shots were heard early Saturday" in a page dated Friday: the next day abroad
        moved = abroad_next_day(ctx, day, start, m.end(), small_hours=bool(m["mod"]) or _norm(m["part"]) == "morning")
        name, day = ("weekday" if moved == day else ABROAD), moved
        day = planned_next_day(ctx, day, start, m.end())
    if m["plural"]:  # a stripped possessive: the extent is the day, as for "Monday's"
        return Reading(start, m.end("wd"), "DATE", day_value(day), name, anchorable=True)
    end = m.end("part") if m["part"] else m.end()
    anaphor = None
    if _norm(m["rel"]) in ("the previous", "the following"):
        # "3% below the previous Friday": the Friday before the story's day, as "the
        # previous day" is told from it; without one, from publication
        anaphor = Anaphor("D", -1 if rel == "previous" else 1, scope="story", grains=frozenset({"day"}),
                          suffix=f"T{code}" if code else "", weekday=weekday)
    if code:  # "Sunday nights raid": as "Sunday night's"
        return Reading(start, end, "TIME", f"{day_value(day)}T{code}", name, anaphor=anaphor, anchorable=True)
    return Reading(start, end, "DATE", day_value(day), name, anaphor=anaphor, anchorable=True)


# A possessive after a weekday ("Friday's", tokenised "Friday 's"), and the words before one
# that put its event ahead with the main verb ("ahead of Sunday's vote", "will speak at Friday's meeting").
_POSSESSIVE = re.compile(r"\s?['\u2019]s\b")
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|for|until|till|before|to|in|at|on|during)\s+$", re.IGNORECASE)


# A capitalised word that makes a weekday the name of a day in history or in the calendar
# ("Black Monday" 1987, "Super Tuesday", "Ash Wednesday", "Maundy Thursday", "Good Friday",
# "Black Friday" and the rest are the holiday rules').
_NAMED_DAY = re.compile(r"\b(?:Black|Super|Bloody|Ash|Maundy|Holy|Cyber|Giving|Palm|Easter|Whit|Shrove|Plough)\s+$")


# Words before a plural weekday that make it a set: "on Mondays", "most Fridays".
_SET_BEFORE = frozenset({"on", "every", "most", "all", "some", "many", "those", "until", "till", "through",
                         "by", "and", "or", "other", "alternate", "several", "two", "three", "four"})


def _stripped_possessive(m: re.Match, ctx: Context) -> bool:
    """Whether a plural weekday (``Fridays``, ``Sunday nights``) is a possessive with its
    apostrophe stripped (``Fridays attack``, ``Sunday nights raid``): a noun follows and no
    word that makes it a set comes before."""
    if not (m["pplural"] or (m["plural"] and not m["part"])) or ctx.word_before(m.start()) in _SET_BEFORE:
        return False
    return ctx.noun_follows(m.end())


PERIOD_REL = (r"(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+current|the\s+coming|the\s+previous"
              r"|the\s+past|the\s+prior|the\s+preceding|the\s+following|the\s+latest|the\s+most\s+recent|the\s+present|the\s+last"
              r"|the\s+next|the\s+full|the\s+entire|the\s+whole|the|current|past|previous|prior|coming)")


@rule("period", needs=words("week", "weekend", "month", "year", "quarter", "half", "decade", "century") | lex.SEASONS.keys(), pattern=B + r"(?:(?P<mod>early|earlier|late|later|mid|the\s+(?:very\s+)?(?:beginning|start|end|middle|rest"
      r"|remainder)\s+of)[\s-]+)?" + PERIOD_REL + r"\s+(?:(?P<fiscal>fiscal|financial|calendar)\s+)?(?P<unit>week"
      r"|weekend|month|year|quarter|half|decade|century|" + lex.RE_SEASON + r")(?=(?P<s>'?s)?(?![\w-]))",
      anchorable=True)
def _period(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    rel, unit = _norm(m["rel"]), m["unit"].lower()
    if (rel in ("the", "past", "previous", "prior") and m["s"] and not m["s"].startswith("'")
            and not (rel == "the" and unit in ("week", "weekend", "month", "year")
                     and day_possessive(ctx, m.start(), m.end() + 1))):
        # "the years", "in prior years" are plurals, not "the year's"; but "the weekends
        # violence" is "the weekend's" with the apostrophe stripped
        return None
    if unit in lex.SEASONS:
        if unit == "fall" and rel == "the" and not m["mod"] and not _fall_is_a_season(m, ctx):
            return None  # "the fall in oil prices", "after the fall of the government": a decline
        offset = _OFFSETS.get(rel)
        direction = ctx.direction(m.start(), m.end()) if offset is None else None
        return "DATE", resolve_season(ctx.published, lex.SEASONS[unit], offset, direction)
    if rel in ("the past", "the last") and unit in ("decade", "century"):
        return "DURATION", "P10Y" if unit == "decade" else "P100Y"
    if rel == "the" and m["unit"] in ("Year", "Month", "Week") and ctx.word_before(m.start()) == "of":
        return None  # "Car of the Year", "Employee of the Month": an award's title
    if rel == "the" and not m["s"] and _AGO_AFTER.match(ctx.text, m.end()):
        # "1.7 pct over the year ago figure": the year-ago one (the year_ago_period rule's);
        # "the year on year increase" is no date (TempEval-3 leaves "year-on-year" untagged)
        return None
    if m["unit"][0].isupper() and _TITLE_QUOTE.search(ctx.text, max(0, m.start() - 3), m.start()):
        return None  # ABC's "This Week", "Next Year in Jerusalem": a quoted title
    if unit == "month" and rel == "the" and _MONTH_OF_NAME.match(ctx.text, m.end()):
        return None  # "the month of Ramadan", "a month of protests": a named month, not this one
    if unit in ("week", "month", "quarter") and rel == "the":
        last_day = _last_day_named(ctx, m.end(), whole_month=unit in ("quarter", "month"))
        if last_day is not None and unit == "quarter":
            # "the quarter ended Sept. 30": the three months up to that day, named by the
            # calendar quarter holding their middle, 45 days (half a quarter) before the end,
            # so that a fiscal "quarter ended July 31" (May to July) is the second quarter
            middle = last_day - dt.timedelta(days=45)
            return "DATE", f"{middle.year:04d}-Q{quarter_of(middle)}"
        if last_day is not None:  # "the week ended Friday" is the week of that Friday
            return "DATE", unit_value(last_day, unit, 0)
    if unit == "year" and rel == "the" and _ends_period(ctx.text, m.end()):
        return "DURATION", "P1Y"  # "the year ended June 30" is a fiscal year, not 2022
    if unit in ("week", "month", "year") and rel == "the" and not m["mod"] and _BEFORE_AN_EVENT.match(ctx.text, m.end()):
        return None  # "the week before the vote", "the year after he left": the event's, unknown here
    if unit in ("week", "month", "year") and rel == "the" and not m["fiscal"]:
        # "closed on Thursday, down 3% for the week": the week (month, year) of the day the
        # sentence names, as a clock time takes it; else the publication's
        anaphor = Anaphor("D", 0, unit, scope="clock", grains=frozenset({"day"}))
        offset = -1 if unit == "year" and not m["mod"] and year_just_reported(m, ctx) else 0
        return Reading(m.start(), m.end(), "DATE", unit_value(ctx.published, unit, offset), "period",
                       anaphor=anaphor, anchorable=True)
    if unit == "year" and rel == "the full" and not (m["fiscal"] or m["mod"]) and year_just_reported(m, ctx):
        return "DATE", unit_value(ctx.published, unit, -1)
    if rel in ("the latest", "the most recent"):
        offset = -1
    elif rel == "the":
        offset = _the_offset(unit, m, ctx)
        if offset is None:
            return None
    else:
        offset = _OFFSETS[rel]
    value = unit_value(ctx.published, unit, offset)
    if value is None:
        return None
    if rel in ("the prior", "prior", "the preceding"):
        # "profit fell from the prior year", "the preceding quarter": the business writer's "previous"
        rel = "the previous" if rel.startswith("the") else "previous"
    if (rel == "the next" and ctx.word_before(m.start()) not in _SPAN_WORDS
            and ctx.direction(m.start(), m.end()) == "past"):
        rel = "the following"  # "In 2006 it lost $2 billion. The next year, it lost more": told in the past
    if rel in ("the following", "the previous") and unit in _SHIFT_UNITS.keys() - {"day"}:
        # Told from another date of the story: "In 1995 ... the following year" is 1996.
        # Without one, "the previous year" is still last year ("up 5% from the previous
        # year"), but "the following year" is never next year: its year is unknown.
        anaphor = Anaphor(_SHIFT_UNITS[unit], offset, unit, scope="story")
        if unit == "quarter" and rel == "the previous":
            # "up 5% from the previous quarter": the quarter before the one the results
            # story reports (or before the sentence's own quarter)
            anaphor = Anaphor("Q", -1, "quarter", scope="report", grains=frozenset({"quarter"}))
        if rel == "the following":
            value = _UNKNOWN[unit]
        return Reading(m.start(), m.end(), "DATE", value, "period", anaphor=anaphor, anchorable=True)
    if unit in ("quarter", "half") and rel in ("the", "the latest", "the most recent") and not m["fiscal"]:
        # "the quarter" of a results story is the quarter it reports; told ahead, the current
        # one, but in results still to be reported the quarter its sentence has just named
        # ("will post a fourth-quarter loss on revenue of $2 million for the quarter")
        scope = "report"
        if ctx.direction(m.start(), m.end()) == "future":
            if not lex.RESULTS_TOLD.search(ctx.text):
                return "DATE", value
            scope = "sentence"
        anaphor = Anaphor("Y", 0, scope=scope, grains=frozenset({unit}))
        return Reading(m.start(), m.end(), "DATE", value, "period", anaphor=anaphor, anchorable=True)
    return "DATE", value


# "the fall" is the season after a preposition of time ("deliveries begin in the fall") or
# beside another season ("the fall and winter"); business news more often writes it for a
# decline ("the fall in crude prices", "The fall was due to...", "the fall of the dollar"):
# 22 of the first 3,600 Reuters-21578 stories had "the fall", 3 of them the season.
# Not "for" or "over" ("no reason for the fall", "concern over the fall").
_SEASON_PREPOSITIONS = frozenset({"in", "during", "by", "until", "till", "through", "throughout", "since", "before"})
_DECLINE_AFTER = re.compile(r"\s+(?:in\s+[a-z]|of\s+(?!(?:1[5-9]|20)\d\d\b))")
_SEASON_AFTER = re.compile(r"\s+(?:(?:and|or)\s+(?:winter|spring|summer)|(?:season|semester|term|harvest)\b)",
                           re.IGNORECASE)


def _fall_is_a_season(m: re.Match, ctx: Context) -> bool:
    if _DECLINE_AFTER.match(ctx.text, m.end()):
        return False
    return ctx.word_before(m.start()) in _SEASON_PREPOSITIONS or bool(_SEASON_AFTER.match(ctx.text, m.end()))


# "before"/"after" after "the week" that does not end its clause (the unit_before rule's
# reading, "the year before and", is longer and wins).
_BEFORE_AN_EVENT = re.compile(r"\s+(?:before|after)\s+\w")


_AGO_AFTER = re.compile(r"\s+ago\b|\s*-?\s*on\s*-?\s*year\b", re.IGNORECASE)


# An opening quote right before a capitalised period: the title of a programme or a work.
_TITLE_QUOTE = re.compile(r"(?:\"|``|\u201c)\s?$")


# "the month of" before a word names its month ("the month of Ramadan", "the month of action");
# before a Gregorian month the longer reading ("the month of June") wins anyway.
_MONTH_OF_NAME = re.compile(r"\s+of\s+[A-Za-z]")


# Words before "the next year" that make it a stretch ahead ("will be shut down over the next year").
_SPAN_WORDS = frozenset({"over", "within", "during", "for", "in", "through", "throughout"})


def _ends_period(text: str, end: int) -> bool:
    following = text[end:end + 30]  # " that ended September" fits in 30 characters
    return bool(re.match(r"\s+(?:ended|ending|ends|that\s+ended|to\s+(?:date|" + lex.RE_MONTH + r"))", following, re.I))


# The day a week or month is said to end on: "the week ended Friday", "the week to July 18",
# "the month ending June 30".
_ENDED_ON = re.compile(r"\s+(?:that\s+)?(?P<verb>ended|ending|ends|to|through)\s+(?:(?P<in>in)\s+)?(?:(?P<wd>"
                       + lex.RE_WEEKDAY + r")|(?P<month>" + lex.RE_MONTH + r")(?:\s*(?P<day>" + lex.RE_DAY_OF_MONTH
                       + r"))?(?:\s?,?\s*(?P<year>" + lex.RE_YEAR + r"))?)(?![\w-])", re.IGNORECASE)


def _last_day_named(ctx: Context, end: int, whole_month: bool = False) -> dt.date | None:
    """The day named after ``the week``/``the month`` at ``end`` as the day it ends on, if
    any: a weekday in the past for ``ended``, else as the tense says; a day of the month in
    the publication's year, or the year before if ``ended`` would put it in the future.
    ``whole_month``: a month alone counts too, as its last day (``the quarter ending in
    December``)."""
    m = _ENDED_ON.match(ctx.text, end)
    if not m or not (m["wd"] or m["month"])[0].isupper():
        return None
    if (m["wd"] or m["day"]) and m["in"]:
        return None  # "ended in Friday's session" is no end day
    ended = m["verb"].lower() == "ended"
    if m["wd"]:
        direction = "past" if ended else (ctx.direction(m.start("wd"), m.end("wd")) or "past")
        return resolve_weekday(ctx.published, lex.WEEKDAYS[m["wd"].lower().rstrip(".")], direction)
    year, month = int(m["year"]) if m["year"] else ctx.published.year, lex.MONTHS[m["month"].lower().rstrip(".")]
    if not m["day"]:
        if not whole_month or m["verb"].lower() in ("to", "through"):
            return None
        if not m["year"]:  # the year the month agrees with the tense in, as a month alone
            direction = "past" if ended else ctx.direction(m.start("month"), m.end("month"))
            year = resolve_month(ctx.published, month, direction, ctx.month_slack)
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    else:
        day = dt.date(year, month, int(re.match(r"\d+", m["day"]).group()))  # Feb. 30 raises ValueError: no date
    if ended and day > ctx.published and not m["year"]:
        day = day.replace(year=day.year - 1)
    return day


# A sentence that counts up to now ("has lost 8% for the year", "so far", "to date"): the
# year under way, not the one just ended.
_POSSESSIVE_S = re.compile(r"\s?'?s\b")  # "the year's", and "the year s" as crawls strip it
_UP_TO_NOW = re.compile(r"\b(?:has|have|so\s+far|to\s+date|year[\s-]+to[\s-]+date)\b", re.IGNORECASE)


def year_just_reported(m: re.Match, ctx: Context) -> bool:
    """Whether ``the year`` or ``the full year`` told in the past, early in a year, is the
    year that has just ended: companies report a year's results in the weeks after it ends
    (``dates.results_season_days``, as for a quarter), so ``For the year, the company lost
    $3 billion`` in a story of early February 2008 tells 2007. Not said of ``the year's``
    (``one of the year's best``) nor of its end or start (``a resolution for the end of the
    year``): those the callers keep in the publication's year."""
    return ((ctx.published - dt.date(ctx.published.year, 1, 1)).days < ctx.results_season_days
            and not _POSSESSIVE_S.match(ctx.text, m.end()) and not _UP_TO_NOW.search(ctx.text)
            and ctx.direction(m.start(), m.end()) == "past")


@rule("full_year", needs=words("full"), also=words("year"), pattern=B + r"full-year(?=\s+[a-z])", anchorable=True)
def _full_year(m: re.Match, ctx: Context) -> tuple[str, str]:
    """``full-year profit``, ``the full-year forecast``: the year as ``the full year`` is
    (TempEval-3 values that as the year: the publication's, or the one just reported)."""
    return "DATE", unit_value(ctx.published, "year", -1 if year_just_reported(m, ctx) else 0)


def _the_offset(unit: str, m: re.Match, ctx: Context) -> int | None:
    """Which unit ``the week``/``the quarter``/``the weekend`` means: the current one, except
    that a quarter or half told in the past tense is the one just reported (the previous),
    and the weekend in the past tense is the last one."""
    direction = ctx.direction(m.start(), m.end())
    if unit in ("quarter", "half"):
        return 0 if direction == "future" else -1
    if unit == "weekend":
        if direction == "future" or ctx.published.isoweekday() >= 6:
            return 0
        return -1
    return 0 if unit in ("week", "month", "year", "decade", "century") else None


@rule("in_the_period", needs=words("earlier", "later"), pattern=B + r"(?P<mod>earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year|quarter"
      r"|decade)" + E, anchorable=True)
def _in_the_period(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    value = unit_value(ctx.published, m["unit"].lower(), 0)
    return ("DATE", value) if value else None


@rule("mid_period", needs=words("year", "month", "week", "quarter", "decade", "midyear", "midmonth", "midweek"),
      also=words("mid", "midyear", "midmonth", "midweek"), pattern=B + r"mid-?(?P<unit>year|month|week|quarter|decade)"
      r"(?![\w-])", anchorable=True)
def _mid_period(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    """``before mid-year``, ``by mid-month``: the middle of publication's year, month, week
    (valued as the unit, as ``mid-1996`` is 1996); ``mid-year results`` too."""
    value = unit_value(ctx.published, m["unit"].lower(), 0)
    return ("DATE", value) if value else None


_WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
                  "last": 5, "final": 5}


@rule("week_of_month", needs=words("week"), also=lex.MONTHS.keys(), pattern=B + r"the\s+(?:(?P<ord>first|second|third|fourth|1st|2nd"
      r"|3rd|4th|last|final)\s+)?week\s+of\s+(?P<month>" + lex.RE_MONTH + r")(?:\s*(?P<day>" + lex.RE_DAY_OF_MONTH
      + r"))?(?:,?\s+(?P<year>" + lex.RE_YEAR + r"))?" + E, anchorable=True)
def _week_of_month(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    """``the week of June 12`` (the week of that day), ``the second week of May``, ``the
    last week of October`` (the week of its middle day: the 4th, 11th, 18th, 25th, or three
    days before the month's end)."""
    if not (m["ord"] or m["day"]) or not m["month"][0].isupper():
        return None
    month = lex.MONTHS[m["month"].lower().rstrip(".")]
    year = int(m["year"]) if m["year"] else resolve_month(ctx.published, month, ctx.direction(m.start(), m.end()),
                                                         ctx.month_slack)
    if m["day"]:
        day = dt.date(year, month, int(re.match(r"\d+", m["day"]).group()))  # Feb. 30 raises: no date
    else:
        n = _WEEK_ORDINALS[m["ord"].lower()]
        next_month = dt.date(year + month // 12, month % 12 + 1, 1)
        last = (next_month - dt.timedelta(days=1)).day
        day = dt.date(year, month, last - 3 if n == 5 else 7 * (n - 1) + 4)
    return "DATE", week_value(day)


@rule("unit_of_year", needs=words("week", "month"), also=words("year", "#4"), pattern=B + r"the\s+(?P<ord>first|last|final)\s+"
      r"(?P<unit>week|month)\s+of\s+(?:(?P<rel>the|this|last|next)\s+year|(?P<year>" + lex.RE_YEAR + r"))" + E, anchorable=True)
def _unit_of_year(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    """``the first month of the year`` (January), ``the last week of 2007`` (the week of
    28 December, which is always the year's last ISO week); ``the year`` is the
    publication's, as alone."""
    rel = (m["rel"] or "").lower()
    year = int(m["year"]) if m["year"] else ctx.published.year + {"last": -1, "next": 1}.get(rel, 0)
    first = m["ord"].lower() == "first"
    if m["unit"].lower() == "month":
        return "DATE", f"{year:04d}-{1 if first else 12:02d}"
    return "DATE", week_value(dt.date(year, 1, 4) if first else dt.date(year, 12, 28))  # ISO 8601: 4 Jan is in week 1


@rule("before_last", needs=words("before"), also=words("last"), pattern=B + r"the\s+(?P<unit>week|month|year|weekend)\s+before\s+last" + E,
      anchorable=True)
def _before_last(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    """``the week before last``, ``the year before last``: two units before publication's."""
    value = unit_value(ctx.published, m["unit"].lower(), -2)
    return ("DATE", value) if value else None


# The calendar units a shifted date moves by ("the following year", "three days later").
_SHIFT_UNITS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
