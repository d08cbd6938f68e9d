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

Measured by hand on the ordered Egypt, Libya, Iraq and Syria crawls (BENCHMARKS.md, Dates,
round 16): of the weekdays read six days back, those with such a word were the next day in
every case read; the bare ones split both ways.
"""

from __future__ import annotations

import datetime as dt
import re

from .temporal_grammar import Context

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


def abroad_next_day(ctx: Context, day: dt.date, start: int, end: int, *, small_hours: bool = False) -> dt.date:
    """``day``, a weekday read in the past from the page's date, or the page's next day when
    ``day`` is six days back and the words around [start, end) put it in the small hours
    (``small_hours``: the caller's own cue, e.g. a clock before noon or ``early``)."""
    if (ctx.published - day).days != _SIX_DAYS:
        return day
    if small_hours or _HOURS_BEFORE.search(ctx.text, max(0, start - 30), start) or _HOURS_AFTER.match(ctx.text, end):
        return ctx.published + dt.timedelta(days=1)
    return day
