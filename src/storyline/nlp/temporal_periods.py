"""Rules for a business story's periods, relative to the publication date: quarters, halves,
the year-ago period, a period's end.

``the third quarter``, ``Q3``, ``3Q07``, ``H1 2007``, ``the September quarter``, ``the
July-September quarter``, ``the year-ago quarter``, ``the prior-year period``, ``the 1988
period``, ``the same period in 2006``, ``year-end``. A quarter without a year takes the direction
of the tense (``Context.direction``); the year-ago and same-period readings anchor to the period
the article reports (``temporal_anaphora``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from . import temporal_lexicon as lex
from .temporal_anaphora import REPORT_GRAINS
from .temporal_calendar import add_quarters, quarter_of, resolve_quarter, unit_value
from .temporal_grammar import DIGIT, YEAR_DIGITS, Anaphor, Context, Reading, rule, words
from .temporal_relative import _OFFSETS, B, E, _norm

# "year-end", "by year's end", "the years end" (a crawl's stripped apostrophe), "last year's end",
# "year 's end" (tokenised text, as MEANTIME's); a year's end with its year before or after it
# ("1986 year end", "fiscal 1986 year-end", "year-end 1986", the wires' balance sheets).
@rule("period_end", needs=words("end"), pattern=B + r"(?:(?:the|(?P<rel>this|last|next))\s+)?(?:(?:fiscal\s+)?(?P<y1>"
      + lex.RE_YEAR + r")\s+(?=year))?(?:(?P<unit>year|month|quarter)(?:[\s-]|\s?'s\s+|s\s+)end|end-(?P<unit2>year|month|quarter))"
      r"(?:\s+(?P<y2>" + lex.RE_YEAR + r")(?![\d,.]?\d))?" + E, anchorable=True)
def _period_end(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    unit = (m["unit"] or m["unit2"]).lower()  # "end-year bonuses": the wire's "year-end"
    if m["y1"] or m["y2"]:
        return "DATE", m["y1"] or m["y2"]
    offset = _OFFSETS.get(_norm(m["rel"]))
    if offset is None:
        # "assets at year-end were $3 billion": the end just past, as the tense says; but a
        # deadline looks ahead ("said it would finish by year-end", "ahead of year-end"), and
        # a fiscal year's end ("up since the fiscal year-end in September") may have passed this year
        deadline = _DEADLINE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
        fiscal = ctx.word_before(m.start()) == "fiscal"
        offset = -1 if not (deadline or fiscal) and ctx.direction(m.start(), m.end()) == "past" else 0
    value = unit_value(ctx.published, unit, offset)
    return ("DATE", value) if value else None


_DEADLINE_BEFORE = re.compile(r"\b(?:by|before|until|till|ahead\s+of)\s+$", re.IGNORECASE)


_ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                    "fourth": 4, "4th": 4, "final": 4, "last": 4}
YEAR = r"(?:" + lex.RE_YEAR + r")"


@rule("quarter", needs=words("quarter", "half", "qtr", "quarters"), pattern=B + r"(?P<pre>the\s+(?:very\s+)?(?:beginning|start|end"
      r"|middle|rest|remainder)\s+of\s+)?(?:(?P<the>the)\s+)?(?:(?:fiscal|calendar)\s+(?=\d))?(?:(?P<yr>(?:this|last|next)\s+year(?:\s?'s|s)?|year(?:\s?'s|s)(?=\s)|" + YEAR + r"(?:\s?'s|s)?)\s+)?(?:(?P<fisc>fiscal"
      r"|calendar)[\s-]+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|calendar)"
      r"[\s-]+)?(?P<unit>quarter|half|qtr)(?P<plural>s)?(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<y2>" + YEAR
      + r")|(?P<rel>this|last|next)\s+year|the\s+(?:(?:fiscal|calendar)\s+)?year(?!\s?'s|s\b))|\s+(?:fiscal\s+)?(?P<y3>" + YEAR
      + r")(?![\d,./]?\d)|\s+(?P<rel2>this|last|next)\s+year(?!\s?'s|s\b))?" + E, anchorable=True)
def _quarter(m: re.Match, ctx: Context) -> Reading | None:
    n = _ORDINAL_QUARTER[m["ord"].lower()]
    half = m["unit"].lower() == "half"
    if half and n > 2:
        return None
    if m["ord"].lower() == "last" and not (m["y2"] or m["y3"] or m["rel"] or m["rel2"] or m["yr"]):
        return None  # "the last quarter" alone is the latest one (the period rule's); "of 2004" makes it Q4
    start = m.start()  # "the end of the second quarter": TimeML's extent keeps "the end of" (its mod)
    if m["the"] and not m["yr"] and "-" in ctx.text[m.end("ord"):m.start("unit")]:
        # "the third-quarter loss", "the fiscal second-quarter": the hyphenated form is an
        # adjective ("the fiscal-first quarter" is not)
        start = m.start("fisc") if m["fisc"] else m.start("ord")
    if m["yr"] and m["yr"].lower().startswith("year") and not m["the"]:
        return None  # "two years first quarter": only "the year's first quarter" names the year
    end = m.end()
    y3 = m["y3"]
    if y3 and not 1900 <= int(y3) <= ctx.published.year + _YEAR_AFTER_QUARTER_AHEAD:
        end, y3 = m.end("plural") if m["plural"] else m.end("unit"), None  # "in the fourth quarter 2400 jobs went"
    name = "quarter"
    pair = _ORDINAL_BEFORE_AND.search(ctx.text, max(0, start - 30), start) if m["plural"] and not m["the"] else None
    if pair and not half and (_ORDINAL_QUARTER[pair["first"].lower()], n) in ((1, 2), (3, 4)):
        # "the third and fourth quarters of 1993": the second half ("in the second and fourth
        # quarters" stays a set: what happens every year in those quarters)
        start, n, half, name = pair.start(), n // 2, True, "quarter_pair"  # a reference, not the story's report period
        y3 = y3 or pair["year"]
    elif m["plural"] and m["the"] and not m["yr"] and not m["y2"] and ctx.noun_follows(end):
        end = m.end("unit")  # "the second quarters results": "quarter's" with the apostrophe stripped
    elif m["plural"]:
        return Reading(start, m.end(), "SET", f"XXXX-{'H' if half else 'Q'}{n}", "quarter")
    rel = m["rel"] or m["rel2"]  # "the fourth quarter of last year", "the fourth quarter last year"
    year = _explicit_year(m["yr"] or m["y2"] or y3 or (rel and rel + " year"), ctx)
    if year is None:  # "the fourth quarter (of the year)": the tense tells which
        direction = ctx.direction(m.start(), end)
        slack = 1 if lex.RESULTS_TOLD.search(ctx.text) or _in_results_season(ctx) else 0
        year = resolve_quarter(ctx.published, 2 * n if half else n, direction, slack)
    return Reading(start, end, "DATE", f"{year:04d}-{'H' if half else 'Q'}{n}", name, anchorable=True)


# A year written straight after a quarter ("the fourth quarter 1985", the wires' style) is read
# as the quarter's year up to this many years ahead of publication (forecasts); a bigger number
# is a count ("in the fourth quarter 2400 jobs went").
_YEAR_AFTER_QUARTER_AHEAD = 10

# The first of two coordinated quarters ("the third and fourth quarters", "the 1986 first and
# second quarters"), just before the second's ordinal; not the end of a list ("first, second,
# third and fourth quarters").
_ORDINAL_BEFORE_AND = re.compile(r"(?<![\w-])(?<!,)(?<!,\s)(?:the\s+)?(?:(?P<year>" + lex.RE_YEAR + r")\s+)?(?P<first>first|third|1st|3rd)"
                                 r"\s+and\s+$", re.IGNORECASE)


def _in_results_season(ctx: Context) -> bool:
    """Whether the last quarter ended at most ``dates.results_season_days`` before publication."""
    quarter_start = dt.date(ctx.published.year, 3 * quarter_of(ctx.published) - 2, 1)
    return (ctx.published - quarter_start).days < ctx.results_season_days


@rule("quarter_code", needs=DIGIT, also=words("q", "h"), pattern=B + r"(?:(?P<y1>" + YEAR + r")\s+)?(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q"
      r"|H(?P<h>[12])|(?P<h2>[12])H)(?:\s+(?P<y2>" + YEAR + r")|'?(?P<yy>\d\d))?" + E, anchorable=True)
def _quarter_code(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    """``Q3``, ``3Q07``, ``Q3 2007``; halves ``H1 2007``, ``1H07`` only with their year
    (``H2`` alone is as often hydrogen or a paper size)."""
    year = int(m["y1"] or m["y2"] or 0) or (2000 + int(m["yy"]) if m["yy"] else 0)
    if m["h"] or m["h2"]:
        return ("DATE", f"{year:04d}-H{m['h'] or m['h2']}") if year else None
    n = int(m["q"] or m["q2"])
    if not year:
        year = resolve_quarter(ctx.published, n, ctx.direction(m.start(), m.end()))
    return "DATE", f"{year:04d}-Q{n}"


@rule("month_quarter", needs=words("quarter"), also=words("march", "june", "september", "sept", "sep", "december", "dec"), pattern=B + r"(?:the\s+)?(?P<month>March|June|Sept?\.?|September|Dec\.?|December)\s+"
      r"(?:fiscal\s+)?quarter(?:\s+of\s+(?P<y2>" + YEAR + r"))?" + E, anchorable=True)
def _month_quarter(m: re.Match, ctx: Context) -> Reading:
    """``the September quarter``, ``the June quarter of 2007``: the calendar quarter that
    ends in the month, as Australian and some US companies name their quarters."""
    n = lex.MONTHS[m["month"].lower().rstrip(".")] // 3
    year = int(m["y2"]) if m["y2"] else resolve_quarter(ctx.published, n, ctx.direction(m.start(), m.end()))
    return Reading(m.start(), m.end(), "DATE", f"{year:04d}-Q{n}", "month_quarter", anchorable=True)


@rule("month_span_quarter", needs=words("quarter", "period", "half"), also=lex.MONTHS.keys(), pattern=B + r"(?:(?P<the>the)\s+)?(?P<m1>"
      + lex.RE_MONTH + r")(?:\s*[-\u2013/]\s*|-to-|\s+to\s+)(?P<m2>" + lex.RE_MONTH + r")\s+(?:(?:fiscal|calendar)\s+)?(?:quarter|period|half)"
      r"(?:\s+of\s+(?P<y2>" + YEAR + r"))?" + E, anchorable=True)
def _month_span_quarter(m: re.Match, ctx: Context) -> Reading | None:
    """``the July-September quarter``, ``the January-June period``, ``the October-to-December
    quarter``, ``the July to September period``: a calendar quarter or half named by its first
    and last months, as Japanese and Indian companies report."""
    first = lex.MONTHS[m["m1"].lower().rstrip(".")]
    last = lex.MONTHS[m["m2"].lower().rstrip(".")]
    if first % 3 == 1 and last == first + 2:
        letter, n = "Q", (first + 2) // 3
    elif first in (1, 7) and last == first + 5:
        letter, n = "H", (first + 5) // 6
    else:
        return None  # "the March-May period" is no calendar quarter: left to the month rules
    last_quarter = 2 * n if letter == "H" else n  # a half is placed by its last quarter, as in _quarter
    year = int(m["y2"]) if m["y2"] else resolve_quarter(ctx.published, last_quarter, ctx.direction(m.start(), m.end()))
    return Reading(m.start(), m.end(), "DATE", f"{year:04d}-{letter}{n}", "month_span_quarter", anchorable=True)


def _explicit_year(text: str | None, ctx: Context) -> int | None:
    if not text:
        return None
    digits = re.match(r"\d{4}", text)
    if digits:
        return int(digits.group())
    if text.lower().startswith("year"):
        return ctx.published.year  # "the year's first quarter": the year of the story, as "the year" is
    return ctx.published.year + _OFFSETS[text.split()[0].lower()]


_QUARTER_ORDINALS = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"


@rule("year_ago_period", needs=words("ago", "earlier", "prior", "previous"), also=words("year", "twelve", "#"), pattern=B + r"(?:(?P<the>the)\s+(?:(?:comparable|corresponding|same)\s+)?)?"
      r"(?P<adj>(?:year|twelve|12)[\s-]+(?:ago|earlier)|(?:prior|previous)(?:-year|\s+year(?=\s+(?:quarter|period))))(?:\s+(?:(?P<ord>" + _QUARTER_ORDINALS + r")[\s-]+)?(?P<unit>quarter|period|half"
      r"|month|week))?" + E)
def _year_ago_period(m: re.Match, ctx: Context) -> Reading:
    """``the year-ago quarter``, ``the prior-year period``: the quarter being reported, a
    year before; anchored to the sentence's own quarter when it has one (``third quarter
    ... the year-ago quarter``)."""
    unit = (m["unit"] or "").lower()
    d = ctx.published
    if m["ord"]:
        n = _ORDINAL_QUARTER[m["ord"].lower()]
        fallback = f"{resolve_quarter(d, n, ctx.direction(m.start(), m.end())) - 1:04d}-Q{n}"
    elif unit in ("quarter", "period"):
        y, q = add_quarters(d.year, quarter_of(d), -5)
        fallback = f"{y:04d}-Q{q}"
    else:
        steps = {"month": -12, "week": -52}.get(unit, -1)
        fallback = unit_value(d, unit if unit in ("month", "week") else "year", steps) or ""
    start = m.start() if unit else m.start("adj")  # "the year-ago results": "the" is the noun's
    anaphor = Anaphor("Y", -1, scope="report", grains=REPORT_GRAINS | {"year"})
    if m["ord"]:  # "the year-ago second quarter": the reported year's, a year before, but its own quarter
        anaphor = dataclasses.replace(anaphor, read_at="year", suffix=f"-Q{_ORDINAL_QUARTER[m['ord'].lower()]}")
    return Reading(start, m.end(), "DATE", fallback, "year_ago_period", anaphor=anaphor)


@rule("year_period", needs=YEAR_DIGITS, pattern=B + r"the\s+(?:(?P<same>same|comparable|corresponding)\s+)?(?P<year>" + YEAR
      + r")\s+(?:(?P<ord>" + _QUARTER_ORDINALS + r")[\s-]+)?(?P<unit>quarter|period|half|fiscal\s+year|season|month)" + E,
      anchorable=True)
def _year_period(m: re.Match, ctx: Context) -> tuple[str, str] | Reading | None:
    """``the 1988 period``, ``the same 1986 period``, ``the comparable 1986 quarter``, ``the
    same 1986 month`` (the sentence's month in that year)."""
    year, unit = int(m["year"]), m["unit"].lower()
    if m["ord"]:
        n = _ORDINAL_QUARTER[m["ord"].lower()]
        return ("DATE", f"{year:04d}-{'H' if unit == 'half' else 'Q'}{n}") if unit in ("quarter", "half") else None
    if unit == "month":
        if not m["same"]:
            return None  # "the 1986 month" is no comparison
        anaphor = Anaphor("Y", 0, scope="sentence", year=year, grains=frozenset({"month"}))
        return Reading(m.start(), m.end(), "DATE", f"{year:04d}", "year_period", anaphor=anaphor)
    if unit not in ("quarter", "period"):
        return "DATE", f"{year:04d}"
    return _reported_period_in(year, unit, m, ctx, "year_period")


def _reported_period_in(year: int, unit: str, m: re.Match, ctx: Context, name: str) -> Reading:
    """``the 1988 period``, ``the same period in 2006`` of a results story: the period it
    reports, in that year. Without one, a quarter is the one before publication and a period
    the year."""
    _, q = add_quarters(ctx.published.year, quarter_of(ctx.published), -1)
    fallback = f"{year:04d}-Q{q}" if unit == "quarter" else f"{year:04d}"
    grains = frozenset({"quarter"}) if unit == "quarter" else frozenset({"quarter", "half"})
    anaphor = Anaphor("Y", 0, scope="report", year=year, grains=grains)
    return Reading(m.start(), m.end(), "DATE", fallback, name, anaphor=anaphor, anchorable=True)


@rule("same_period_in", needs=YEAR_DIGITS, also=words("period", "quarter", "month"), pattern=B + r"the\s+(?:same|corresponding|comparable)\s+"
      r"(?P<unit>period|quarter|month)\s+(?:(?:in|of)\s+)?(?:fiscal\s+)?(?P<year>" + YEAR + r")" + E, anchorable=True)
def _same_period_in(m: re.Match, ctx: Context) -> Reading:
    """``the same period in 2006``, ``the corresponding quarter of 2007``, ``the same period
    2006``: as ``the 2006 period``; ``the same month of 2006``: the sentence's month
    (``insolvencies in January``), else the publication's, in that year."""
    year = int(m["year"])
    if m["unit"].lower() == "month":
        anaphor = Anaphor("Y", 0, scope="sentence", year=year, grains=frozenset({"month"}))
        return Reading(m.start(), m.end(), "DATE", f"{year:04d}-{ctx.published.month:02d}", "same_period_in",
                       anaphor=anaphor, anchorable=True)
    return _reported_period_in(year, m["unit"].lower(), m, ctx, "same_period_in")


# "down 15% year to date", "year-to-date sales", "YTD", "the year to date": the part of the
# publication's year gone by, valued as the year it lies in (as "so far this year" is "this year").
@rule("to_date", needs=words("date", "ytd"), pattern=B + r"(?:(?:the\s+)?(?P<unit>year|month)[\s-]+to[\s-]+date|YTD)" + E)
def _to_date(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if m.group() == "ytd":
        return None  # the abbreviation is written in capitals
    return "DATE", unit_value(ctx.published, (m["unit"] or "year").lower(), 0) or ""
