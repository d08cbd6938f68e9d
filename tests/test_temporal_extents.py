"""nlp.temporal_extents: extents that run on past what a rule read (dates round 18): a date's
open end (``1994 or later``, ``2030 and beyond``), an ``or so`` and two vague lengths said as one
(``weeks or months``), each tagged whole with the first part's type and value.

Sentences written for these tests; none is taken from a corpus or crawl."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.temporal import find_timexes_in_text

PUB = dt.date(2022, 2, 12)


def tags(text: str) -> list[tuple]:
    return [(t.span.text, t.type, t.value) for t in find_timexes_in_text(text, PUB)]


@pytest.mark.parametrize("text, expected", [
    # a date's open end belongs to it
    ("The mine will not pay its way until 2027 or later, the owners said.", [("2027 or later", "DATE", "2027")]),
    ("The bank set out its plans for 2030 and beyond.", [("2030 and beyond", "DATE", "2030")]),
    ("Records from 1950 or earlier were lost in the fire.", [("1950 or earlier", "DATE", "1950")]),
    # not where the words go on to name something else
    ("Prices may rise in 2027 or later years.", [("2027", "DATE", "2027"), ("later years", "DURATION", "PXY")]),
    ("The pact dates from 1950 or earlier than that.", [("1950", "DATE", "1950")]),
])
def test_a_date_open_end_is_part_of_it(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # two vague lengths joined by "or"/"and" are one expression, valued as the first
    ("The rescue could take days or weeks, the engineers warned.", [("days or weeks", "DURATION", "PXD")]),
    ("Gold has slid over recent weeks and months, dealers say.", [("recent weeks and months", "DURATION", "PXW")]),
    ("The ruling may not come for months or years.", [("months or years", "DURATION", "PXM")]),
    ("They waited for weeks and weeks and weeks.", [("weeks and weeks and weeks", "DURATION", "PXW")]),
    # a counted length and a noun that happens to be a unit stay apart
    ("The strike lasted two weeks and months passed before the talks.", [("two weeks", "DURATION", "P2W")]),
])
def test_two_vague_lengths_said_as_one(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "or so" after any expression is part of it (the length rules already took it in)
    ("The border will stay shut for the next month or so, officials said.", [("the next month or so", "DATE", "2022-03")]),
    ("The old fort was built in 1820 or thereabouts.", [("1820 or thereabouts", "DATE", "1820")]),
    ("The crew rested for a week or so.", [("a week or so", "DURATION", "P1W")]),
    # "or" with something else after it is not
    ("The decision will come next month or sooner if the judge agrees.", [("next month", "DATE", "2022-03")]),
])
def test_or_so_is_part_of_the_expression(text, expected):
    assert tags(text) == expected
