"""Lists of months and days in one sentence: their years agree.

Each rule reads its month or day alone, its year from the tense, so the items of one list
could fall in different years (``peaks in May, July, October and November
last year`` had May of this year; ``payable to holders of record June 2, July 9, August 14`` could
put May in the year before; ``forecasts in October, November, January and April`` had
January before October). In a list, the year written or told with its last item (``December
last year``, ``August 31, 1987``) is every item's; without one, each item takes the year
that puts it nearest the item before it, from the first, whose year the tense gives.
"""

from __future__ import annotations

import dataclasses
import re

from .temporal_grammar import Reading

# What joins two items of a list: a comma, "and", "or", or both ("May, June, and July").
_JOINER = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)", re.IGNORECASE)
# Rules that read a month or a day without a year of their own, and those whose last item
# carries one (written, or told: "December last year").
BARE = frozenset({"month", "month_day", "day_month"})
_DATED = frozenset({"month_year", "month_relative_year", "month_day", "day_month"})
_MONTH_OR_DAY = re.compile(r"\d{4}-\d\d(?:-\d\d)?")
_YEAR_SAID = re.compile(r"\d{4}|\byear\b", re.IGNORECASE)


def agree_in_lists(found: list[Reading], text: str) -> list[Reading]:
    """``found`` (one sentence's readings in text order) with the years of each list of
    months or days made to agree, as the module docstring says."""
    out = list(found)
    for first, last in _lists(out, text):
        items = out[first:last + 1]
        tail = items[-1]
        if tail.rule in _DATED and has_year(tail, text):
            year = tail.value[:4]
            for i in range(first, last):
                out[i] = dataclasses.replace(out[i], value=year + out[i].value[4:])
            continue
        for i in range(first + 1, last + 1):
            out[i] = dataclasses.replace(out[i], value=nearest(out[i].value, out[i - 1].value))
    return out


def nearest(value: str, previous: str) -> str:
    """``value`` (a month or a day) in the year that puts it nearest the list's previous
    item, later on a tie: ``October, November, January`` crosses into the next year,
    ``February and January`` stays in one."""
    year, month = int(previous[:4]), int(previous[5:7])

    def distance(y: int) -> tuple[int, int]:
        months = (y * 12 + int(value[5:7])) - (year * 12 + month)
        return abs(months), -months

    best = min((year - 1, year, year + 1), key=distance)
    return f"{best:04d}{value[4:]}"


def _lists(found: list[Reading], text: str) -> list[tuple[int, int]]:
    """(first, last) indexes of runs of two or more joined months or days; every item but
    the last without a year of its own."""
    runs, start = [], None
    for i, r in enumerate(found):
        item = _item(r)
        joined = (start is not None and item
                  and _JOINER.fullmatch(text, found[i - 1].end, r.start) is not None
                  and not has_year(found[i - 1], text))
        if joined:
            continue
        if start is not None and i - 1 > start:
            runs.append((start, i - 1))
        start = i if item else None
    if start is not None and len(found) - 1 > start:
        runs.append((start, len(found) - 1))
    return runs


def _item(r: Reading) -> bool:
    """Whether a reading is a month or a day, told alone (no anaphor)."""
    return r.anaphor is None and r.type == "DATE" and r.rule in (BARE | _DATED) and bool(_MONTH_OR_DAY.fullmatch(r.value))


def has_year(r: Reading, text: str) -> bool:
    """Whether the extent says its year: digits of a year, or ``this/last/next year``."""
    return bool(_YEAR_SAID.search(text, r.start, r.end))
