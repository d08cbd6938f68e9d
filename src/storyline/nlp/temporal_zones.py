"""A weekday told in the small hours of the day after the page's date: that next day, not
the same weekday six days back.

An outlet in the Americas covering the Middle East or Asia dates its page by its own clock,
which is hours behind the places it reports on: a page dated Friday tells that shots
``were heard early Saturday`` in Tripoli, that a leader spoke ``just after midnight
Saturday`` or at ``4 a.m. Saturday``. Told in the past, a bare weekday is otherwise the
latest one on or before the page's date (``temporal_relative``), which for the page's next
weekday is six days back. Only words that name the hours around that weekday's start (or
its own morning, or a clock before noon) move it: a plain ``Friday`` in a page dated
Thursday stays the last Friday, because crawled pages are often dated days after the text
was written, and a report a week on tells the day without the hour.

Across an article the same weekday name is one day: once one mention is moved so, the
article's other past mentions of that weekday read six days back (``Saturday``, ``9 p.m.
Saturday``; not ``last Saturday``) move with it (:func:`follow_the_next_day`).

A plan told in the past for the page's next weekday (``was due on Saturday``, ``ahead of a
rally on Saturday``, ``set a Saturday deadline``) is that next day too, being nearer than six
days back (:func:`planned_next_day`), without moving the article's other mentions.

Measured by hand on the ordered Egypt, Libya, Iraq and Syria crawls (BENCHMARKS.md, Dates,
round 16): of the weekdays read six days back, those with such a word were the next day in
all but one case read (a story looking back a week); the bare ones split both ways.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from .temporal_calendar import day_value
from . import temporal_lexicon as lex
from .temporal_grammar import Context, Reading

# Words right before the weekday that name the small hours or the end of its day:
# "early on Sunday", "before dawn Thursday", "in the wee hours of Saturday", "just after
# midnight Saturday", "overnight Friday". (``early``/``late`` right before it are the weekday
# rule's own ``mod`` group.)
_HOURS_BEFORE = re.compile(
    r"(?:\b(?:early|late)\s+on|\bbefore\s+dawn|\bpre-?dawn|\bovernight|\bmidnight|\b(?:wee|small|early)\s+hours\s+of)"
    r"\s+(?:on\s+)?$", re.IGNORECASE)
# ... or right after it: "Friday pre-dawn hours", "Sunday before dawn".
_HOURS_AFTER = re.compile(r"\s+(?:pre-?dawn|before\s+dawn)\b", re.IGNORECASE)
# How far back a past reading of the page's next weekday falls.
_SIX_DAYS = 6
# The rule name of a weekday reading this module moved (``temporal_relative``'s weekday rule).
MOVED = "weekday_abroad"
# Each weekday's three-letter form by ISO number (``6`` -> ``sat``), which every spelling of it
# begins with (``Saturday``, ``Sat.``).
_WEEKDAY_PREFIX = {n: w for w, n in lex.WEEKDAYS.items() if len(w) == 3}
# A word that makes a weekday the one before, whatever the hour: "last Saturday", "the
# previous Saturday", "this past Saturday".
_BEFORE_WORD = re.compile(r"\b(?:last|past|previous|prior|preceding)\b", re.IGNORECASE)


def abroad_next_day(ctx: Context, day: dt.date, start: int, end: int, *, small_hours: bool = False) -> dt.date:
    """``day``, a weekday read in the past from the page's date, or the page's next day when
    ``day`` is six days back and the words around [start, end) put it in the small hours
    (``small_hours``: the caller's own cue, e.g. a clock before noon or ``early``)."""
    if (ctx.published - day).days != _SIX_DAYS:
        return day
    if small_hours or _HOURS_BEFORE.search(ctx.text, max(0, start - 30), start) or _HOURS_AFTER.match(ctx.text, end):
        return ctx.published + dt.timedelta(days=1)
    return day


# Words before the weekday, in its clause, that make it a plan told in the past: "was due on
# Tuesday to fly", "in an interview to be aired on Sunday", "ahead of a visit on Saturday",
# "with a view to a vote on Thursday", "likely to approve it on Friday"; and after it, a
# deadline ("set a Saturday deadline").
_PLAN_BEFORE = re.compile(
    r"\b(?:due|scheduled|slated|expected|planned|planning|plans|organi[sz]ing|ahead\s+of|awaiting"
    r"|to\s+be\s+(?:aired|broadcast|held|shown|published|signed|released|announced|completed|discussed)"
    r"|with\s+a\s+view\s+to|likely\s+to)\b[^,.;:()]{0,80}$", re.IGNORECASE)
_PLAN_AFTER = re.compile(r"(?:['\u2019]?s)?\s+(?:[a-z-]+\s+)?deadline\b")
# "readied themselves for Sunday", "a march for Tuesday": the day itself as a goal; not the
# day's event ("blamed for Saturday's attack" is the attack's, told in the past).
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)
_POSSESSIVE_AT = re.compile(r"['\u2019]?s\b")


def planned_next_day(ctx: Context, day: dt.date, start: int, end: int) -> dt.date:
    """``day``, a weekday read in the past from the page's date, or the page's next day when
    ``day`` is six days back and the weekday is a plan's (``was due on Tuesday``, ``set a
    Saturday deadline``): a plan told in the past is one still ahead, and the next day is
    nearer than six days back. Another weekday of the article is not moved with it (a story
    tells of last Saturday's decision and next Saturday's deadline)."""
    if (ctx.published - day).days != _SIX_DAYS:
        return day
    goal = (_FOR_BEFORE.search(ctx.text, max(0, start - 5), start)
            and not _POSSESSIVE_AT.match(ctx.text, end - 1 if ctx.text[end - 1:end] == "s" else end))
    if goal or _PLAN_BEFORE.search(ctx.text, max(0, start - 120), start) or _PLAN_AFTER.match(ctx.text, end):
        return ctx.published + dt.timedelta(days=1)
    return day


def follow_the_next_day(found: list[list[Reading]], texts: list[str], published: dt.date) -> list[list[Reading]]:
    """The readings of an article's sentences (``texts``: the text their offsets are into),
    with every reading of the page's next weekday six days back moved to the next day when
    another reading of the article was moved there by its hour (rule ``MOVED``)."""
    if not any(r.rule == MOVED for readings in found for r in readings):
        return found
    six_back, next_day = day_value(published - dt.timedelta(days=_SIX_DAYS)), published + dt.timedelta(days=1)
    prefix = _WEEKDAY_PREFIX[next_day.isoweekday()]
    out = []
    for readings, text in zip(found, texts):
        moved = []
        for r in readings:
            words = text[r.start:r.end]
            if (r.value.startswith(six_back) and r.anaphor is None and prefix in words.lower()
                    and not _BEFORE_WORD.search(words)):
                r = dataclasses.replace(r, value=day_value(next_day) + r.value[len(six_back):])
            moved.append(r)
        out.append(moved)
    return out
