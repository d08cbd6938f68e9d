"""Rules for dates and times written out on the calendar: days, months, years, clock times.

``February 20, 2022``, ``Feb. 20``, ``20 February``, ``Saturday, April 25``, ``2022-02-20``,
``02/20/2022``, ``August 1988``, ``January this year``, ``in March``, ``mid-November``,
``since 2014``, ``fiscal 1989``, ``nineteen ninety-six``, ``the 1990s``, ``the 90s``,
``the 20th century``, ``3pm``, ``10 p.m. Wednesday``, ``noon Thursday``, ``15:30 GMT``.

A day and month without a year, and a bare month name, take the year the tense points to
(past: the latest on or before the publication date; future: the next one on or after it);
with no tense cue, the nearest one (``temporal_day_years``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from . import temporal_lexicon as lex
from .temporal_bare_years import NUMBERED, bare_year_ok
from .temporal_calendar import day_value, month_value, resolve_month, resolve_weekday
from .temporal_grammar import (
    CLOCK_DIGITS, DIGIT, MONTH, SLASH_DIGITS, YEAR_DIGITS, Anaphor, Context, Reading, rule, words,
)
from .temporal_day_years import day_reading, day_year, month_number, month_ok
from .temporal_zones import abroad_next_day

# A word boundary that also keeps hyphenated and numeric neighbours out.
B = r"(?<![\w$£€#/-])(?<!\d[.,])"
# The comma between a date's parts, also as tokenised text writes it (PTB style, as in
# Timeline17 and MEANTIME): "July 24, 2003" and "July 24 , 2003" are one date.
COMMA = r"(?:\s?,\s*|\s+)"
E = r"(?![\w-])"
# "end-2009", "end-June", "start-2010": the wire's hyphenated "the end of" (with the hyphen only:
# "end June" is rare and "start 2010" a verb).
MOD = r"(?:(?P<mod>early|late|mid|middle|(?:end|start|beginning)(?=-)|the\s+(?:beginning|start|end|middle)\s+of)[\s-]+)?"
# "the month of June" is June: one expression, as "the summer of 2007" is.
MONTH_OF = r"(?:(?P<monthof>the\s+month\s+of)\s+)?"
WEEKDAY_PREFIX = r"(?:(?P<wd>" + lex.RE_WEEKDAY + r")" + COMMA + r"(?:the\s+)?)?"
YEAR = r"(?P<year>" + lex.RE_YEAR + r")(?![\d%]|[.,]\d)"
# The day after a clock time: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", with its year if
# written ("8:26 pm ET October 3, 2014": a post's time stamp, which may be years from the story's).
DAY_REF = (
    r"(?:\s+(?P<dayref>" + lex.RE_WEEKDAY + r"|today|tonight|yesterday|tomorrow)|\s?,?\s+(?P<dateref>"
    + lex.RE_MONTH + r"\s*" + lex.RE_DAY_OF_MONTH + r"(?:" + COMMA + lex.RE_YEAR + r"(?![\d%]|[.,]\d))?))"
)
AM_PM = r"(?P<ampm>[ap])(?:\.\s?m\.?|\s?m\b)"
# Zones by name too, as market reports write them ("9:30 a.m. Eastern time", "4 p.m. New York
# time"); like the abbreviations but UTC's, they stay local time in the value.
TZ = (r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|GMT|BST|UTC|CET|CEST|EET|EEST|MSK|IST|JST|HKT|SGT|AEST|AEDT"
      r"|local\s+time|(?:Eastern|Pacific|Central|Mountain|New\s+York|London|Tokyo|Hong\s+Kong|Singapore|Frankfurt"
      r"|Paris|Sydney|Beijing)(?:\s+(?:Standard|Daylight|Summer))?\s+time)")
# The lower-cased words of TZ, for the prefilter of rules that need a zone.
TZ_WORDS = frozenset({"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ct", "gmt", "bst", "utc",
                      "cet", "cest", "eet", "eest", "msk", "ist", "jst", "hkt", "sgt", "aest", "aedt", "time"})
# A zone after a clock time, with an offset from UTC and brackets if written: "GMT",
# "(GMT+8)", "( UTC -5:30 )" (tokenised). The closing bracket only where one was opened.
ZONE = (r"(?:\s+|\s*(?P<paren>\(\s*))(?P<tz>" + TZ + r")\b(?:\s*(?P<off>[+\-\u2212]\s?(?:1[0-4]|0?\d))(?::?(?P<offmin>[0-5]\d))?"
        r"(?!\d))?(?(paren)\s*\))")


# The year after a day: written ("June 3, 2021") or told ("June 3 last year", "December 31 this year").
REL_YEAR_AFTER_DAY = r"(?:" + COMMA + YEAR + r"|\s+(?P<rel>this|last|next)\s+year(?!\s?'s|s\b|[\w-]))?"
rule("month_day", needs=MONTH, pattern=B + WEEKDAY_PREFIX + r"(?P<month>" + lex.RE_MONTH + r")\s*(?P<day>"
     + lex.RE_DAY_OF_MONTH + r")(?![\d%]|[.:]\d|\w)" + REL_YEAR_AFTER_DAY, anchorable=True)(day_reading)
rule("day_month", needs=MONTH, pattern=B + WEEKDAY_PREFIX + r"(?:the\s+)?(?P<day>" + lex.RE_DAY_OF_MONTH
     + r")(?:\s+of)?\s+(?P<month>" + lex.RE_MONTH + r")" + E + REL_YEAR_AFTER_DAY,
     anchorable=True)(day_reading)


# Two days before their month, as British and international wires write them: "10-12 May",
# "3 to 5 March", "14 and 15 June", "the 15th and 16th of March". The day_month rule reads the
# second day where a word joins them, but neither the first day (it has no month of its own)
# nor the second after a hyphen (its edge refuses one, which joins other numbers).
_PAIR_JOIN = r"(?:\s+(?:and|or|to|through|until|till)\s+(?:the\s+)?|[-\u2013])"
_PAIR_MONTH = r"(?:\s+of)?\s+(?P<month>" + lex.RE_MONTH + r")" + E + REL_YEAR_AFTER_DAY


def _pair_reading(m: re.Match, ctx: Context, start: int, end: int, name: str, second: str = "second") -> Reading | None:
    """A day of a pair of days (``m["day"]``, between ``start`` and ``end``): the days
    (groups ``first`` and ``second``) must follow each other within ``dates.pair_days_apart``,
    else the other number is more likely a count or a score."""
    low, high = (int(re.match(r"\d+", m[g]).group()) for g in ("first", second))  # type: ignore[union-attr]
    if not 0 < high - low <= ctx.pair_days_apart:  # settings: dates.pair_days_apart
        return None
    found = day_reading(m, ctx)
    return Reading(start, end, found[0], found[1], name, anchorable=True) if found else None


@rule("second_day", needs=MONTH, also=DIGIT, pattern=B + r"(?P<month>" + lex.RE_MONTH + r")\s*(?P<first>" + lex.RE_DAY_OF_MONTH
      + r")(?:\s+(?:and|or|to|through)\s+|[-\u2013])(?P<day>" + lex.RE_DAY_OF_MONTH + r")(?![\d%]|[.:]\d|\w|\s+(?:percent|per\s+cent|points?"
      r"|million|billion|cents|times|of)\b)(?:" + COMMA + YEAR + r")?", anchorable=True)
def _second_day(m: re.Match, ctx: Context) -> Reading | None:
    """The second day of ``April 24 and 25``, ``Jan. 29-30``, ``March 3 to 5``: the month is the first day's (which the
    month_day rule reads). The days must follow each other within a week, else the number
    is more likely a count (``on October 24 and 3 more on Friday``)."""
    return _pair_reading(m, ctx, m.start("day"), m.end(), "second_day", second="day")


@rule("first_day", needs=MONTH, also=DIGIT, pattern=B + r"(?:the\s+)?(?P<first>(?P<day>" + lex.RE_DAY_OF_MONTH + r"))(?![\d%]|[.:]\d)"
      + _PAIR_JOIN + r"(?P<second>" + lex.RE_DAY_OF_MONTH + r")" + _PAIR_MONTH, anchorable=True)
def _first_day(m: re.Match, ctx: Context) -> Reading | None:
    """The first day of ``10-12 May``, ``3 to 5 March``, ``the 15th and 16th of March``: the
    month and year written after the second."""
    return _pair_reading(m, ctx, m.start(), m.end("first"), "first_day")


@rule("second_day_before_month", needs=MONTH, also=DIGIT, pattern=r"(?<![\w$£€#/.,-])(?P<first>" + lex.RE_DAY_OF_MONTH
      + r")[-\u2013](?P<second>(?P<day>" + lex.RE_DAY_OF_MONTH + r"))" + _PAIR_MONTH, anchorable=True)
def _second_day_before_month(m: re.Match, ctx: Context) -> Reading | None:
    """The second day of ``10-12 May`` (the hyphen keeps the day_month rule out)."""
    return _pair_reading(m, ctx, m.start("second"), m.end(), "second_day_before_month")


@rule("iso_date", needs=YEAR_DIGITS, pattern=r"(?<![\d-])(?P<year>" + lex.RE_YEAR + r")(?P<sep>[-/])(?P<month>0?[1-9]|1[0-2])(?P=sep)"
      r"(?P<day>0?[1-9]|[12]\d|3[01])(?![\d-])", anchorable=True)
def _iso(m: re.Match, ctx: Context) -> tuple[str, str]:
    return "DATE", day_value(dt.date(int(m["year"]), int(m["month"]), int(m["day"])))


@rule("numeric_date", needs=SLASH_DIGITS | YEAR_DIGITS, pattern=r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
      r"(?P<year>(?:1[89]|20)\d\d|\d\d)(?![\d/.-]|\.\d)", anchorable=True)
def _numeric(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    a, b = int(m["a"]), int(m["b"])
    if m["sep"] != "/" and len(m["year"]) == 2:
        return None  # 1.5.22 or 3-4-05 are more often scores, versions or ranges
    month, day = (b, a) if ctx.day_first or a > 12 else (a, b)
    year = int(m["year"])
    year += 0 if year >= 100 else (2000 if year <= ctx.published.year % 100 + 1 else 1900)
    return "DATE", day_value(dt.date(year, month, day))


@rule("month_year", needs=MONTH, pattern=B + MONTH_OF + MOD + r"(?P<month>" + lex.RE_MONTH + r")" + COMMA + r"(?:of\s+)?(?:"
      + YEAR + r"|(?P<words>" + lex.RE_YEAR_WORDS + r")" + E + r")", anchorable=True)
def _month_year(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if not month_ok(m, ctx, bare=False):
        return None
    year = int(m["year"]) if m["year"] else lex.parse_year_words(m["words"])
    return ("DATE", month_value(year, month_number(m["month"]))) if year else None


@rule("month_relative_year", needs=MONTH, pattern=B + MONTH_OF + MOD + r"(?P<month>" + lex.RE_MONTH + r")\s+(?:(?:of\s+)?"
      r"(?P<rel>this|last|next)\s+year|(?P<ago>a\s+year\s+ago))" + E, anchorable=True)
def _month_relative_year(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if not month_ok(m, ctx, bare=False):
        return None
    # "sales in February a year ago": the month of last year
    year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower() if m["rel"] else "last"]
    return "DATE", month_value(year, month_number(m["month"]))


@rule("month", needs=MONTH, pattern=B + MONTH_OF + MOD + r"(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<month>"
      + lex.RE_MONTH + r")(?=(?:'?s)?(?![\w-]))(?!\.?\s*\d)", anchorable=True)
def _month(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if not month_ok(m, ctx, bare=True):
        return None
    month = month_number(m["month"])
    rel = (m["rel"] or "").lower()
    direction = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}.get(rel)
    if direction is None:
        direction = ctx.direction(m.start(), m.end())
    year = resolve_month(ctx.published, month, direction, ctx.month_slack)
    if rel == "last" and month % 12 + 1 == ctx.published.month:
        # "last March" in April is the March a year before: the month just ended is "last
        # month" (in TempEval-3, "last February" in March 1998 is 1997-02; on Reuters' and
        # the Syria crawl's, 4 of the 5 such were a year back)
        year -= 1
    return "DATE", month_value(year, month)


@rule("clock_4digit_at", needs=YEAR_DIGITS, also=words("at"), pattern=r"(?<![\w:.$£€,])[Aa]t\s+(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)"
      r"(?=\s*(?:\(|[,.;:]|$|on\b|local\b|this\b|last\b|yesterday\b|today\b|tonight\b))", anchorable=True)
def _clock_4digit_at(m: re.Match, ctx: Context) -> Reading | None:
    """A four-digit time after ``at`` with nothing after it that a year would take: ``struck
    at 1653 (2153 GMT)``, ``at 0930 on Monday``. A year takes ``in`` (``at 1990 levels`` has
    its noun). Before the year rule, which reads the same four digits."""
    return clock_reading(m, ctx, int(m["h"]), int(m["min"]), "clock_4digit_at")


# "the post-1959 politics", "its pre-1967 borders": the year a time before or after it is told
# from (TempEval-3's AQUAINT part tags "post-1959" as 1959); a bare "post" or "pre" joined by its hyphen.
_SIDE = r"(?:(?P<side>pre|post)-(?=\d))?"


@rule("year", needs=YEAR_DIGITS, pattern=B + _SIDE + MOD + r"(?:(?P<half>(?:the\s+)?(?:first|second|1st|2nd|last|latter)\s+half\s+of|(?:the\s+)?"
      r"(?P<season>" + lex.RE_SEASON + r")\s+of)\s+)?(?:(?P<pre>(?:the\s+)?(?:fiscal|calendar|"
      r"financial|school|academic)(?:\s+year)?|(?:the\s+)?full\s+year|the\s+year|FY)\s*)?" + YEAR + r"(?=(?P<s>s)?(?![\w-]))", anchorable=True)
def _year(m: re.Match, ctx: Context) -> tuple[str, str] | Reading | None:
    year = m["year"]
    if m["s"] and (year.endswith("0") or not ctx.noun_follows(m.end() + 1)):
        return None  # "the 1990s" is a decade; "2011s protests" is "2011's" with the apostrophe stripped
    if not (m["mod"] or m["half"] or m["season"] or m["pre"] or m["side"]):
        if _BC_RANGE_END.match(ctx.text, m.end()):
            return "DATE", f"BC{int(year):04d}"  # "ruled from 1792 to 1750 BC": both years BC
        return ("DATE", year) if bare_year_ok(m, ctx) else None
    if m["season"]:
        value = f"{year}-{lex.SEASONS[m['season'].lower()]}"
    elif m["half"]:
        value = f"{year}-H{1 if re.search('first|1st', m['half'], re.I) else 2}"
    else:
        value = year
    # A word that expects a year ("FY 2021", "mid-2009", "the summer of 2019") makes it one
    # even where the recogniser calls the number CARDINAL: not the "year" rule's veto.
    return Reading(m.start(), m.end(), "DATE", value, "year_marked", anchorable=True)


# A year before Christ: "539 BC", "1750BC", "44 B.C." (TIMEX3 writes BC0539); a year told
# before the end of such a range ("from 1792 to 1750 BC") is one too (the year rule). The
# value has no calendar range, so no timeline puts it among this era's days.
_BC = r"\s?(?:BCE|BC|B\.C\.)(?!\w)"
_BC_RANGE_END = re.compile(r"\s*(?:-|\u2013|to|and)\s*\d{1,4}" + _BC)


@rule("year_bc", needs=DIGIT, also=words("bc", "bce", "b"), pattern=B + r"(?P<year>[1-9]\d{0,3})" + _BC, anchorable=True)
def _year_bc(m: re.Match, ctx: Context) -> tuple[str, str]:
    return "DATE", f"BC{int(m['year']):04d}"


# A span of years written without spaces, "1990-2005", "2001–2003", or with the second year
# in two digits, "1994-96", "1914-45" (not consecutive years: "1992-93" is a split year, below):
# each year is a date, as in "from 1990 to 2005" (the year rule's edges refuse a hyphen, which
# joins other numbers).
_SPAN_YEAR = r"(?:1[5-9]|20)\d\d"
_SPAN_END = r"(?:" + _SPAN_YEAR + r"|\d\d)"


def _span_end_year(first: int, end: str) -> int | None:
    """The year a span's end names after ``first``: four digits as written, two digits in
    ``first``'s century or the next (``1998-02`` ends in 2002); None where it is no later
    year, for two digits the very next year (a split year) or more than 50 years on."""
    if len(end) == 4:
        year = int(end)
        return year if 0 < year - first <= 100 else None
    year = first // 100 * 100 + int(end) + (100 if int(end) < first % 100 else 0)
    return year if 1 < year - first <= 50 else None  # "1996-67" is a typo, not 71 years


@rule("year_span_start", needs=YEAR_DIGITS, pattern=B + r"(?P<year>" + _SPAN_YEAR + r")(?=[-\u2013](?P<other>" + _SPAN_END + r")(?![\w-]|[.,]\d))",
      anchorable=True)
def _year_span_start(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if _span_end_year(int(m["year"]), m["other"]) is None or ctx.word_before(m.start()) in NUMBERED:
        return None
    return "DATE", m["year"]


@rule("year_span_end", needs=YEAR_DIGITS, pattern=B + r"(?P<other>" + _SPAN_YEAR + r")[-\u2013](?P<end>" + _SPAN_END + r")(?![\w-]|[.,]\d)",
      anchorable=True)
def _year_span_end(m: re.Match, ctx: Context) -> Reading | None:
    year = _span_end_year(int(m["other"]), m["end"])
    if year is None or ctx.word_before(m.start()) in NUMBERED:
        return None
    return Reading(m.start("end"), m.end(), "DATE", str(year), "year_span_end", anchorable=True)


# A split year, as crop, marketing and fiscal years are written: "1986/87", "the 2008-09
# season", "fiscal 2011/2012"; named, as "fiscal 1987" is, by a year: the one it starts in.
# Only consecutive years ("1990-95" is a range); four digits after a slash only ("2008-2009"
# is the span of two years that year_span_start and year_span_end read).
@rule("split_year", needs=YEAR_DIGITS, pattern=B + r"(?:(?P<fiscal>(?:fiscal|financial)(?:\s+year)?|FY)\s*)?(?P<year>" + _SPAN_YEAR
      + r")(?:[/\-\u2013](?P<yy>\d\d)|/(?P<yyyy>" + _SPAN_YEAR + r"))(?![\w/-]|[.,]\d)", anchorable=True)
def _split_year(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    year = int(m["year"])
    following = int(m["yyyy"]) if m["yyyy"] else year // 100 * 100 + int(m["yy"]) + (100 if int(m["yy"]) < year % 100 else 0)
    if following != year + 1 or (not m["fiscal"] and ctx.word_before(m.start()) in NUMBERED):
        return None
    return "DATE", m["year"]


@rule("fiscal_short_year", needs=words("fy", "fiscal"), also=DIGIT, pattern=B + r"(?:FY|[Ff]iscal\s+(?:[Yy]ear\s+)?')\s?(?P<yy>\d\d)(?![\d%])" + E,
      anchorable=True)
def _fiscal_short_year(m: re.Match, ctx: Context) -> tuple[str, str]:
    """``FY09``, ``FY 09``, ``fiscal '09``: the fiscal year by two digits, valued as ``fiscal
    2009`` is (the plain year); the century as for numeric dates (up to a year ahead: 20xx)."""
    yy = int(m["yy"])
    return "DATE", f"{yy + (2000 if yy <= ctx.published.year % 100 + 1 else 1900):04d}"


@rule("season_year", needs=YEAR_DIGITS, pattern=B + r"(?:the\s+)?(?P<season>" + lex.RE_SEASON + r")\s+" + YEAR + E, anchorable=True)
def _season_year(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    return "DATE", f"{m['year']}-{lex.SEASONS[m['season'].lower()]}"


@rule("year_words", needs=words("nineteen", "eighteen", "twenty", "thousand"), pattern=B + r"(?:(?P<pre>the\s+year)\s+|(?:the\s+)?(?P<season>" + lex.RE_SEASON + r")\s+of\s+)?(?P<words>"
      + lex.RE_YEAR_WORDS + r")" + E)
def _year_words(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    words = m["words"].lower()
    if words.startswith("two") or words.startswith("twenty"):
        # "two thousand" and "twenty twenty" are years only where a year is expected.
        if not (m["pre"] or m["season"]) and ctx.word_before(m.start()) not in ("in", "since", "by", "until", "of"):
            return None
    year = lex.parse_year_words(words)
    if year and m["season"]:
        return "DATE", f"{year}-{lex.SEASONS[m['season'].lower()]}"  # "the summer of nineteen eighty-two"
    return ("DATE", str(year)) if year else None


# "of" after or before a decade written without "the": a count of hundreds or thousands ("10s
# of 1000s still marched", "1000s of people"), not a decade ("the 1960s of my youth", "music of
# the 1960s" have "the").
_COUNT_OF = re.compile(r"\s+of\b")
_OF_COUNT = re.compile(r"\bof\s+$")


@rule("decade", needs=DIGIT | lex.DECADE_WORDS.keys(), also=words("s") | lex.DECADE_WORDS.keys(), pattern=B + r"(?:(?:the\s+)?(?:first|second|last|latter)\s+half\s+of\s+)?(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<full>1[0-9]\d0|20\d0)"
      r"|'?(?P<short>[0-9]0)|(?P<word>" + "|".join(lex.DECADE_WORDS) + r"))(?(word)|(?:\s?')?s)" + E)
def _decade(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if m["full"]:
        if not (m["the"] or m["mod"]) and (_COUNT_OF.match(m.string, m.end())
                                            or _OF_COUNT.search(m.string, 0, m.start())):
            return None
        return "DATE", m["full"][:3]
    if not (m["the"] or m["mod"]) or (m["mod"] and not m["the"] and m["short"]):
        return None  # "in his 90s" is an age, "the 90s" a decade
    tens = int(m["short"]) if m["short"] else lex.DECADE_WORDS[m["word"].lower()]
    # "the 20s" after 2020 is the 2020s; "the 30s" to "the 90s" are the last century's.
    century = 20 if 2000 + tens <= ctx.published.year and tens <= 20 else 19
    return "DATE", f"{century}{tens // 10}"


@rule("century", needs=words("century"), pattern=B + r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<ord>" + lex.RE_ORDINAL
      + r"|\d{1,2}(?:st|nd|rd|th))[\s-]+century" + E)
def _century(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    n = _ordinal(m["ord"])
    return "DATE", f"{n - 1:02d}"


def _ordinal(word: str) -> int:
    """``twentieth`` or ``20th`` as 20."""
    return lex.ORDINALS.get(" ".join(word.lower().split())) or int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


@rule("turn_of_century", needs=words("turn"), also=words("century", "millennium"), pattern=B + r"the\s+turn\s+of\s+the\s+(?:(?P<ord>"
      + lex.RE_ORDINAL + r"|\d{1,2}(?:st|nd|rd|th))[\s-]+)?(?P<unit>century|millennium)" + E)
def _turn_of_century(m: re.Match, ctx: Context) -> tuple[str, str]:
    """``the turn of the century``: the year that starts it (``of the 20th century``: 1900),
    else the boundary the tense points to from publication (in 2009, ``since the turn of the
    century`` is 2000; in 1989, ``will fail at the turn of the century`` is 2000, ``houses built
    at the turn of the century`` 1900); a year, the ``APPROX`` of TimeML's modifiers left out."""
    step = 100 if m["unit"].lower() == "century" else 1000
    if m["ord"]:
        n = _ordinal(m["ord"])
        return "DATE", f"{(n - 1) * step:04d}"
    year = ctx.published.year
    before, after = year - year % step, year - year % step + step
    direction = ctx.direction(m.start(), m.end())
    if direction == "past" or (direction != "future" and year - before <= after - year):
        return "DATE", f"{before:04d}"
    return "DATE", f"{after:04d}"


def day_of(ref: str | None, ctx: Context, start: int, end: int, small_hours: bool = False) -> dt.date | None:
    """The date a day reference next to a clock time names (``Wednesday``, ``tomorrow``,
    ``Nov. 6``); the publication date when there is none. ``small_hours``: the clock is
    before noon or at midnight, which told in the past puts the page's next weekday on the
    next day (``temporal_zones``)."""
    d = ctx.published
    if not ref:
        return d
    key = ref.lower().rstrip(".")
    if key in lex.WEEKDAYS:
        direction = ctx.direction(start, end) or "past"
        day = resolve_weekday(d, lex.WEEKDAYS[key], direction)
        return abroad_next_day(ctx, day, start, end, small_hours=small_hours) if direction == "past" and day else day
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if key in offsets:
        return d + dt.timedelta(days=offsets[key])
    m = re.match(r"(?P<month>[a-z]+)\.?\s*(?P<day>\d+)(?:\D+(?P<year>\d{4}))?", key)
    if not m:
        return None
    month, day = month_number(m["month"]), int(m["day"])
    return dt.date(int(m["year"]) if m["year"] else day_year(ctx, month, day, start, end), month, day)


APPROX = r"(?:(?:around|about|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"


@rule("clock_12h", needs=DIGIT, also=words("m", "am", "pm"), pattern=r"(?<![\w:.])" + APPROX + r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*" +
      AM_PM + r"(?:" + ZONE + r")?(?:" + DAY_REF + E + r")?", anchorable=True)
def _clock_12h(m: re.Match, ctx: Context) -> Reading | None:
    hour = int(m["h"]) % 12 + (12 if m["ampm"].lower() == "p" else 0)
    return clock_reading(m, ctx, hour, int(m["min"] or 0), "clock_12h")


# Zone names that are UTC itself: "18:00 UTC", "6 p.m. GMT" (GMT is never summer time).
_UTC = frozenset({"UTC", "GMT"})


# A date with its year written right before a clock time: in a row of post stamps each date
# comes before its clock ("Mar 3, 2012 8:15 AM ET Mar 2, 2012 4:05 PM ET"), so the date after
# the clock is the next stamp's, not this clock's day.
_STAMP_DATE_BEFORE = re.compile(r"(?:" + lex.RE_MONTH + r")\.?\s*" + lex.RE_DAY_OF_MONTH + COMMA + lex.RE_YEAR
                                + r"\s*,?\s*$", re.IGNORECASE)


def clock_reading(m: re.Match, ctx: Context, hour: int, minute: int, name: str) -> Reading | None:
    """A clock time on the day its ``dayref``/``dateref`` group names; without one, on the
    day of the nearest date in the sentence (``6 a.m. on Friday``, ``Friday at 3pm``:
    ``temporal_anaphora``), else on the publication date. A clock right after a date with its
    year is that date's, whatever date follows (a row of post stamps)."""
    ref = m.groupdict().get("dayref") or m.groupdict().get("dateref")
    end = m.end()
    if m.groupdict().get("dateref") and _STAMP_DATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        ref, end = None, len(ctx.text[:m.start("dateref")].rstrip(" ,"))
    day = day_of(ref, ctx, m.start(), m.end(), small_hours=hour < 12 or hour == 24)
    if day is None:
        return None
    utc = (m.groupdict().get("tz") or "").upper() in _UTC
    if utc and m.groupdict().get("off"):
        # "6:40 p.m. (GMT+8)" is 10:40 in UTC: the offset is taken away, across midnight if need be
        sign = -1 if m["off"][0] in "-\u2212" else 1
        local = dt.datetime(day.year, day.month, day.day, hour % 24) + dt.timedelta(days=hour // 24, minutes=minute)
        shifted = local - sign * dt.timedelta(hours=int(m["off"][1:].strip()), minutes=int(m["offmin"] or 0))
        day, hour, minute = shifted.date(), shifted.hour, shifted.minute
    clock = f"T{hour:02d}:{minute:02d}"
    if utc:
        clock += "Z"  # ISO 8601's mark for UTC; other zones are left as local time
    anaphor = None if ref else Anaphor("D", 0, scope="clock", suffix=clock, grains=frozenset({"day"}))
    # "about 10:35 a.m.", "shortly before noon": the extent is the time, as TempEval-3's
    # annotators marked it (2 of 11 "about"s before a gold timex are inside it); "around"
    # they kept more often than not (3 of 5).
    start = m.start()
    if not m.group().lower().startswith("around"):
        start = m.start("h") if m.groupdict().get("h") else m.start("w")
    return Reading(start, end, "TIME", day_value(day) + clock, name, anaphor=anaphor, anchorable=True)


@rule("clock_24h", needs=CLOCK_DIGITS, pattern=r"(?<![\w:.$£€])" + APPROX + r"(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])"
      r"(?:" + ZONE + r"|\s*(?:hours|hrs)\b)?(?:" + DAY_REF + E + r")?", anchorable=True)
def _clock_24h(m: re.Match, ctx: Context) -> Reading | None:
    if not m["tz"] and re.search(r"\(\s*$", ctx.text[max(0, m.start() - 3):m.start()]) and re.match(r"\s*\)", ctx.text[m.end():]):
        return None  # "Refugees cross the border (1:06)": a video's length beside its title
    part = None if m["tz"] or m["dayref"] or m["dateref"] else _PART_AFTER.match(ctx.text, m.end())
    if part and 1 <= int(m["h"]) <= 12:
        # "11:00 at night", "9:30 in the morning": one time, its hour told by the part of the day
        r = clock_reading(m, ctx, _hour_in(int(m["h"]), (part["night"] or part["day"]).lower()), int(m["min"]), "clock_24h")
        return dataclasses.replace(r, end=part.end()) if r else None
    return clock_reading(m, ctx, int(m["h"]), int(m["min"]), "clock_24h")


# The part of the day after a clock time written without a.m. or p.m.
_PART_AFTER = re.compile(r"\s+(?:at\s+(?P<night>night)|in\s+the\s+(?P<day>morning|afternoon|evening))\b", re.IGNORECASE)


def _hour_in(hour: int, part: str) -> int:
    """The 24-hour hour of ``hour`` (1-12) told with ``part`` of the day: 1 to 4 at night are
    before dawn, 5 to 11 in the evening (a winter's "5 at night"); 12 at night is midnight,
    in the afternoon noon."""
    if part == "morning":
        return hour % 12
    if part == "night":
        return 0 if hour == 12 else hour + 12 if hour >= 5 else hour
    return hour if hour == 12 else hour + 12


@rule("clock_dotted", needs=DIGIT, also=words("gmt", "bst", "utc"), pattern=r"(?<![\w:.$£€])(?P<h>[01]?\d|2[0-3])\.(?P<min>[0-5]\d)"
      r"(?=\s+(?:GMT|BST|UTC)\b)" + ZONE, anchorable=True)
def _clock_dotted(m: re.Match, ctx: Context) -> Reading | None:
    """A 24-hour time written with a dot, as British papers stamp their pages (``Thursday 9
    June 2005 14.27 GMT``), only with a zone: without one ``12.35`` is a number."""
    return clock_reading(m, ctx, int(m["h"]), int(m["min"]), "clock_dotted")


@rule("clock_4digit", needs=DIGIT, also=TZ_WORDS | {"hours", "hrs", "hour"}, pattern=r"(?<![\w:.$£€,])(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)(?:" + ZONE
      + r"|\s*(?:hours|hrs)\b)(?:" + DAY_REF + E + r")?", anchorable=True)
def _clock_4digit(m: re.Match, ctx: Context) -> Reading | None:
    """Military and wire-service times, only with a zone or ``hours``: ``1430 GMT``, ``0900
    local time``, ``2100 hrs``."""
    return clock_reading(m, ctx, int(m["h"]), int(m["min"]), "clock_4digit")


@rule("oclock", needs=words("clock", "oclock"), pattern=B + APPROX + r"(?P<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|"
      r"ten|eleven|twelve)\s+o'?\s?clock(?:" + ZONE + r")?" + E, anchorable=True)
def _oclock(m: re.Match, ctx: Context) -> Reading | None:
    return clock_reading(m, ctx, int(lex.parse_number(m["h"]) or 0), 0, "oclock")


@rule("noon", needs=words("noon", "midday", "midnight"), pattern=B + APPROX + r"(?P<w>noon|midday|midnight)(?:" + ZONE + r")?(?:" + DAY_REF + E + r")?", anchorable=True)
def _noon(m: re.Match, ctx: Context) -> Reading | None:
    if m["w"].lower() == "noon" and ctx.word_before(m.start("w")) == "high":
        return None  # "high noon", "High Noon": a showdown (or the film), not a clock time
    return clock_reading(m, ctx, 24 if m["w"].lower() == "midnight" else 12, 0, "noon")
