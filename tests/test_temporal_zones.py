"""nlp.temporal_zones: a weekday told in the small hours of the day after the page's date
(a page dated by an outlet's clock hours behind the place it reports on) is that next day;
a bare weekday told in the past stays the last one (dates round 16).

Sentences written for these tests; none is taken from a corpus or crawl."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.temporal import find_timexes_in_text

FRIDAY = dt.date(2022, 2, 11)  # the page's date; the next day is Saturday 2022-02-12


def tags(text: str, published: dt.date = FRIDAY) -> list[tuple]:
    return [(t.span.text, t.type, t.value) for t in find_timexes_in_text(text, published)]


@pytest.mark.parametrize("text, expected", [
    # the hours around the weekday's start, or its morning: the next day
    ("Two guards were killed early Saturday when rockets hit the depot.", [("early Saturday", "DATE", "2022-02-12")]),
    ("Rebels said they took the bridge early on Saturday.", [("Saturday", "DATE", "2022-02-12")]),
    ("Blasts shook the harbour before dawn Saturday, residents said.", [("Saturday", "DATE", "2022-02-12")]),
    ("Troops entered the town in the small hours of Saturday.", [("Saturday", "DATE", "2022-02-12")]),
    ("Police detained the editor in Saturday pre-dawn raids.", [("Saturday", "DATE", "2022-02-12")]),
    ("The ferry sank at 3 a.m. Saturday with forty people aboard.", [("3 a.m. Saturday", "TIME", "2022-02-12T03:00")]),
    ("Crowds were still in the square on Saturday morning.", [("Saturday morning", "TIME", "2022-02-12TMO")]),
    ("The council said late Saturday that the vote would be held again.", [("late Saturday", "DATE", "2022-02-12")]),
])
def test_the_small_hours_of_the_next_weekday_are_the_next_day(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare weekday in the past stays the last one: a page is often dated days after its text
    ("Two guards were killed on Saturday when rockets hit the depot.", [("Saturday", "DATE", "2022-02-05")]),
    ("The ferry sank at 9 p.m. Saturday with forty people aboard.", [("9 p.m. Saturday", "TIME", "2022-02-05T21:00")]),
    # "last" names the last one, early or not
    ("The ministry reopened early last Saturday.", [("early last Saturday", "DATE", "2022-02-05")]),
    # a weekday nearer than six days back is not moved
    ("Gunmen attacked the convoy early Wednesday.", [("early Wednesday", "DATE", "2022-02-09")]),
    # told ahead, the next day already
    ("Talks will resume early Saturday.", [("early Saturday", "DATE", "2022-02-12")]),
])
def test_other_weekdays_keep_their_reading(text, expected):
    assert tags(text) == expected
