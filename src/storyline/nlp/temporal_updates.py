"""A live blog's update stamp: ``(Update 6:47 p.m. Kyiv, 11:47 a.m. ET)``, ``(Updated 2:15
a.m. Thursday in Lisbon, 9:15 p.m. ET Wednesday)`` opening a sentence.

A live blog keeps its first publication date while updates are added over the following days,
newest first, each opened by such a stamp. The stamp tells when the update was written, not
when its news happened: a weekday in it is on or after the publication date (the update cannot
come before the post), and a clock time in it without a day of its own is on the publication
date, not on a day the update's sentence tells of (``(Update 6:47 p.m.) The envoy flew in on
Monday``: 6:47 p.m. is not on Monday). Where the stamp names its day, the rest of the sentence is
told from that day, not from the publication date (``(Update 2:15 a.m. Thursday, 9:15 p.m. ET
Wednesday) Reactions to Wednesday's vote``: the Wednesday of the update). Read on the ordered Egypt crawl, where CNN's live
blogs stamp every update so (4 of a seeded sample of 60 timexes were such stamps, all wrong).
"""

from __future__ import annotations

import datetime as dt
import re

from . import temporal_lexicon as lex
from .temporal_calendar import resolve_weekday

# The stamp: an opening parenthesis (after a dash or nothing) and "Update"/"Updated", up to its
# closing parenthesis.
_STAMP = re.compile(r"^\W{0,3}\(\s*Updated?\b[^()]{0,80}\)", re.IGNORECASE)


def in_update_stamp(text: str, start: int) -> bool:
    """Whether ``start`` lies in the update stamp that opens ``text``, if it has one."""
    m = _STAMP.match(text)
    return bool(m) and start < m.end()


_WEEKDAY = re.compile(r"\b(?P<wd>" + lex.RE_WEEKDAY + r")(?![\w-])", re.IGNORECASE)


def stamp_day(text: str, published: dt.date) -> tuple[dt.date, int] | None:
    """The day of the update stamp that opens ``text`` and the stamp's end, where the stamp
    names a weekday: the earliest of the days it names (``2:15 a.m. Thursday in Lisbon, 9:15
    p.m. ET Wednesday`` is written on the Wednesday, where the writer is), each on or after
    ``published``."""
    m = _STAMP.match(text)
    if not m:
        return None
    days = [resolve_weekday(published, lex.WEEKDAYS[w["wd"].lower().rstrip(".")], "future")
            for w in _WEEKDAY.finditer(m.group())]
    days = [d for d in days if d is not None]
    return (min(days), m.end()) if days else None
