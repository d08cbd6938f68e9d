"""Dates told inside a story's own narrative: spans of years written short, months framed by
a year told before them, clock times in rows of post stamps (dates round 11, crawl bugs).

Sentences written for these tests; none is taken from a corpus or crawl."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.temporal import find_timexes_in_text

PUB = dt.date(2005, 7, 14)


def tags(text: str, published: dt.date = PUB) -> list[tuple]:
    return [(t.span.text, t.type, t.value) for t in find_timexes_in_text(text, published)]


@pytest.mark.parametrize("text, expected", [
    # the second year in two digits: each year a date, as "1990-2005" gives both
    ("The rebels refined the tactic in 1994-96 .", [("1994", "DATE", "1994"), ("96", "DATE", "1996")]),
    ("He taught at a college , 1970-73 .", [("1970", "DATE", "1970"), ("73", "DATE", "1973")]),
    ("The history of the years 1914-45 is grim .", [("1914", "DATE", "1914"), ("45", "DATE", "1945")]),
    ("She chaired the board 1998-02 .", [("1998", "DATE", "1998"), ("02", "DATE", "2002")]),
    # consecutive years stay one split year; numbers and quotes stay out
    ("The 2008-09 season was poor .", [("2008-09", "DATE", "2008")]),
    ("Resolution 1441-45 passed .", []),
    ("The peso traded at 1.1829-46 .", []),
])
def test_spans_of_years_with_a_short_end(text, expected):
    assert tags(text) == expected

