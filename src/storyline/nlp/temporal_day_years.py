"""Which year a day or a month written without one falls in, and when a month name is a month.

Split from ``temporal_absolute`` (the rules for dates written out), whose day rules read their
matches with :func:`day_reading`: a day and month without a year take the year the tense points
to, within ``dates.day_slack_days`` (:func:`day_year`); an entry of a chronology is behind; a
weekday written with the day picks the year it falls on; ``May`` and ``March`` are months only
where capitalised and told as months (:func:`month_ok`).
"""

from __future__ import annotations

import datetime as dt
import re

from . import temporal_lexicon as lex
from .temporal_calendar import day_value
from .temporal_grammar import Context
from .temporal_short_years import short_year_after

# Words that make a bare, ambiguous month name (May, March) a month.
MONTH_CONTEXT = frozenset({
    "in", "since", "by", "until", "till", "from", "of", "through", "before", "after",
    "during", "early", "late", "mid", "last", "this", "next", "each", "every", "end",
    "start", "beginning", "middle", "to", "and", "or", "between", "on", "for", "around",
})


def month_number(word: str) -> int:
    return lex.MONTHS[word.lower().rstrip(".")]


_MARCH_OF = re.compile(r"\s+of\s+(?![\d'’]|(?:last|next|this|that|the|each|every)\b)[A-Za-z]")


# A lower-case noun after "the March"/"the May" makes the month its modifier; a preposition
# makes it the noun "march" or a name ("the March on Rome", "the March to the Sea").
_MONTH_AS_MODIFIER = re.compile(r"\s+(?!(?:on|of|to|for|from|against|through|in|into|and|was|is|by|past|across)\b)[a-z]{3,}\b")


def month_ok(m: re.Match, ctx: Context, *, bare: bool) -> bool:
    """Whether the ``month`` group of ``m`` is a month here and not the verb ``may`` or the
    noun ``march``: ambiguous names must be capitalised, and bare ones need a date-like word
    before them (``in May``, ``last March``)."""
    word = m.group("month")
    key = word.lower().rstrip(".")
    if key in lex.AMBIGUOUS_MONTHS or key == "august" or len(key) <= 4:  # abbreviations: "Sept"
        if not word[0].isupper():
            return False
        if bare and key in lex.AMBIGUOUS_MONTHS and not word.endswith("."):
            if key == "march" and ctx.text.startswith("s", m.end()) and ctx.noun_follows(m.end() + 1):
                return True  # "Marchs figures": "March's" with the apostrophe stripped (no verb, no plural)
            if _MARCH_OF.match(ctx.text, m.end()):
                return False  # "the March of Millions", "a March of Dimes drive": a march
            mod = m.groupdict().get("mod") or m.groupdict().get("rel") or m.groupdict().get("monthof")
            before = ctx.word_before(m.start())
            if before == "the":  # "the March accession", "the May elections"; not "the March on Rome"
                return bool(_MONTH_AS_MODIFIER.match(ctx.text, m.end()))
            return bool(mod) or before in MONTH_CONTEXT
    return True


def day_year(ctx: Context, month: int, day: int, start: int, end: int, behind: bool = False) -> int:
    """The year of a day and month written without one (see the module docstring): the
    nearest, unless the tense rules it out by more than ``ctx.day_slack_days``; ``behind``:
    on or before publication, whatever the tense."""
    d = ctx.published
    direction = "past" if behind else ctx.direction(start, end)
    best: tuple[int, int] | None = None
    for year in (d.year - 1, d.year, d.year + 1):
        try:
            diff = (dt.date(year, month, day) - d).days
        except ValueError:  # February 29 in a common year
            continue
        slack = 0 if behind else ctx.day_slack_days
        if (direction == "past" and diff > slack) or (direction == "future" and diff < -slack):
            continue
        if best is None or abs(diff) < abs(best[1]):
            best = (year, diff)
    return best[0] if best else d.year


# The nouns after "September 11" that name the 2001 attacks rather than a day of this year.
_ATTACKS = re.compile(r"(?:'?s)?\s+(?:terrorist\s+|terror\s+)?(?:attacks?|hijack(?:ers|ings?)|commission|strikes)\b", re.I)


def day_reading(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if not month_ok(m, ctx, bare=False) or short_year_after(m, ctx):
        return None  # "in June 09" is June '09 (temporal_short_years)
    month = month_number(m["month"])
    day = int(re.match(r"\d+", m["day"]).group())  # type: ignore[union-attr]
    rel = m.groupdict().get("rel")
    if m["year"]:
        year = int(m["year"])
    elif rel:
        year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[rel.lower()]
    else:
        # "since" looks back from now, whatever slack the tense would allow ("Since September
        # 11, the police have had new powers" in July is no September ahead)
        behind = _chronology_entry(m, ctx) or ctx.word_before(m.start()) == "since"
        year = day_year(ctx, month, day, m.start(), m.end(), behind=behind)
    if not m["year"] and (month, day) == (9, 11) and _ATTACKS.match(ctx.text, m.end()) and ctx.published.year > 2001:
        year = 2001  # "since the September 11 attacks": the attacks' day, a name as "Black Friday" is
    weekday = m.groupdict().get("wd")
    if weekday and not (m["year"] or rel):
        year = _year_of_weekday(year, month, day, lex.WEEKDAYS[weekday.lower().rstrip(".")])
    return "DATE", day_value(dt.date(year, month, day))


# A day that opens a line and a dash or colon after it: an entry of a chronology ("March 28 -
# Qatar recognises the council"), told in the historical present of what has happened, so
# the present is no schedule ahead; an entry that says it is ahead keeps its tense.
_ENTRY_AFTER = re.compile(r"\s*(?:-{1,2}|\u2013|\u2014|:)\s")
_ENTRY_BEFORE = re.compile(r"[\s*\u2022-]*")
_ENTRY_AHEAD = re.compile(r"\b(?:will|shall|due|to\s+be|scheduled|expected|set\s+to|plans?\s+to|deadline)\b", re.I)


def _chronology_entry(m: re.Match, ctx: Context) -> bool:
    return (bool(_ENTRY_BEFORE.fullmatch(ctx.text, 0, m.start())) and bool(_ENTRY_AFTER.match(ctx.text, m.end()))
            and not _ENTRY_AHEAD.search(ctx.text, m.end()))


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year a day written with its weekday but no year falls on that weekday: ``Tuesday,
    February 27`` in a story of March 2008 is 2007 (27 February 2008 was a Wednesday). The
    nearest year's reading stands unless the year before or after has the weekday and it
    has not (a weekday recurs on a date every 5 to 11 years, so at most one of the three fits)."""
    def fits(y: int) -> bool:
        try:
            return dt.date(y, month, day).isoweekday() == weekday
        except ValueError:  # February 29 in a common year
            return False

    if fits(year):
        return year
    return next((y for y in (year - 1, year + 1) if fits(y)), year)
