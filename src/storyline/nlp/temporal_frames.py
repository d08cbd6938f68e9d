"""Months and days told inside a sentence's narrative of an earlier year take that year.

A month or day without a year gets its year from the tense, nearest the publication date
(``in March`` told in the past in a December 2005 story is March 2005). Where the sentence
has just set its story in another year (``In 2003 the army moved in, and the March offensive
...``, ``troops crossed in March 2003 and took the city in April``), the month is that
year's: the frame is the nearest date before it in the sentence whose year is written (a
bare year after ``in`` or ``during``, a month or day with its year); a month or day then takes
the frame's year, or after a dated frame the first such month at or after it, as a story
moves forward (``in December 2003 ... in January`` is January 2004). Only months and days
whose clause is in the past move, and only back: a clause looking ahead (``will list its
shares in March``) keeps its year, and so does a month after a word that bounds a stretch
(``through Sept. 29``, ``as of February``), mostly told from now.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from .temporal_grammar import Context, Reading
from .temporal_holidays import holiday_in
from .temporal_lists import BARE, has_year

# Words before a bare year that set a narrative in it ("in 2003", "during 1998"); "since
# 2003" or "until 2003" bound a stretch of time and frame nothing.
_FRAMING = frozenset({"in", "during"})
# Words before a month or day that bound a stretch or measure from it ("bought shares through
# Sept. 29", "as of February", "since March"): often told from now whatever the sentence's
# story ("since its launch in 2003 and as of February, sales ..."), so not framed.
_BOUNDING = frozenset({"through", "thru", "of", "since", "until", "till", "by", "from", "to", "after", "before"})
# A month or day told from now by its own word ("last March", "this June"): not framed.
_RELATIVE = re.compile(r"\b(?:last|this|next|past|coming)\b", re.IGNORECASE)
# Readings a frame moves: bare months and days, and holidays ("In 2005, families travelled
# home for Thanksgiving").
_FRAMED = BARE | {"holiday"}
_MONTH_OR_DAY = re.compile(r"\d{4}-\d\d(?:-\d\d)?")
_WRITTEN_YEAR = re.compile(r"\d{4}")


def frame_years(found: list[Reading], ctx: Context, told_in_past: Callable[[int, int], bool]) -> list[Reading]:
    """``found`` (one sentence's readings in text order) with bare months and days told in
    the past (``told_in_past(start, end)``) moved into the year of the sentence's earlier
    frame, as the module docstring says."""
    out = list(found)
    frame: str | None = None  # the frame's value: a year, or a month or day with its year
    for i, r in enumerate(out):
        if r.anaphor is not None or r.type != "DATE":
            continue
        if r.rule in _FRAMED and not has_year(r, ctx.text):
            # a bare month or day leaves the frame as it is: "In 2003, in March ... and in
            # November" is November 2003
            if (frame and _MONTH_OR_DAY.fullmatch(r.value) and not _RELATIVE.search(ctx.text, r.start, r.end)
                    and ctx.word_before(r.start) not in _BOUNDING):
                moved = _framed(r.value, frame)
                if r.rule == "holiday":  # a holiday that moves falls on another day that year
                    moved = holiday_in(ctx.text[r.start:r.end], int(moved[:4])) or r.value
                if moved < r.value and told_in_past(r.start, r.end):
                    out[i] = dataclasses.replace(r, value=moved)
            continue
        frame = _frame_of(r, ctx)
    return out


def _frame_of(r: Reading, ctx: Context) -> str | None:
    """The frame a dated reading sets: its year after ``in``/``during``, its month or day
    where its year is written with it; None for anything else (the frame ends there)."""
    if r.rule == "year" and re.fullmatch(r"\d{4}", r.value):
        return r.value if ctx.word_before(r.start) in _FRAMING else None
    if _MONTH_OR_DAY.fullmatch(r.value) and _WRITTEN_YEAR.search(ctx.text, r.start, r.end):
        return r.value
    return None


def _framed(value: str, frame: str) -> str:
    """``value`` (a month or day) in the frame's year, or after a dated frame the first at
    or after it."""
    year = int(frame[:4])
    if len(frame) > 4 and value[5:] < frame[5:len(value)]:
        year += 1
    return f"{year:04d}{value[4:]}"
