"""nlp.temporal on dates written in forms the rules missed (dates round 17): a year with a
joined ``pre-``/``post-`` (``post-1959``, the year a time before or after it is told from, as
TempEval-3 tags it); two days before their month, as British and international wires write
them (``10-12 May``, ``3 to 5 March``); and ``the early hours`` of a night, which is no length.

Sentences written for these tests; none is taken from a corpus or crawl."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.temporal import find_timexes_in_text

PUB = dt.date(2022, 2, 12)


def tags(text: str) -> list[tuple]:
    return [(t.span.text, t.type, t.value) for t in find_timexes_in_text(text, PUB)]


@pytest.mark.parametrize("text, expected", [
    # a year after "pre-" or "post-" is a date of that year, the prefix inside the extent
    ("The post-1959 reforms divided many farming families.", [("post-1959", "DATE", "1959")]),
    ("Both sides talked about a return to the pre-1967 lines.", [("pre-1967", "DATE", "1967")]),
    ("Post-2003 governments have struggled to pay their soldiers.", [("Post-2003", "DATE", "2003")]),
    ("Oil is still far below its post-2008 high, traders said.", [("post-2008", "DATE", "2008")]),
    # the prefix alone, and other joined words, stay as they were
    ("Pre-war estimates of the harvest were too high.", []),
    ("The 2008 crash and the post-crash rules were debated.", [("2008", "DATE", "2008")]),
    # another joined prefix still keeps the number out
    ("Gold fell to sub-1800 levels before the close.", []),
])
def test_a_year_after_pre_or_post_is_that_year(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # both days of a day-first pair, the month and year written after the second
    ("The summit will be held on 10-12 May in Geneva.", [("10", "DATE", "2022-05-10"), ("12 May", "DATE", "2022-05-12")]),
    ("The envoys met on 22-23 June 2011 without a deal.", [("22", "DATE", "2011-06-22"), ("23 June 2011", "DATE", "2011-06-23")]),
    ("Shops closed between 3 and 5 January, officials said.", [("3", "DATE", "2022-01-03"), ("5 January", "DATE", "2022-01-05")]),
    ("Polls open on the 15th and 16th of March.", [("the 15th", "DATE", "2022-03-15"), ("16th of March", "DATE", "2022-03-16")]),
    ("The strike of 1st-3rd July 2019 shut the port.", [("1st", "DATE", "2019-07-01"), ("3rd July 2019", "DATE", "2019-07-03")]),
    # days out of order or more than a week apart, and a score, are no pair
    ("Between 4 and 20 March the army shelled the town.", [("20 March", "DATE", "2022-03-20")]),
    ("Arsenal won 2-1 May 3 at home.", [("May 3", "DATE", "2021-05-03")]),
    ("The vote went 5-3 May 9 in the end.", [("May 9", "DATE", "2021-05-09")]),
])
def test_a_pair_of_days_before_their_month(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the early hours" is the time after midnight, no length: untagged, as TempEval-3 leaves it;
    # the day it names is still tagged, and still read as the page's next day (dates round 16)
    ("Gunmen stormed the post in the early hours of Saturday.", [("Saturday", "DATE", "2022-02-12")]),
    ("Shelling carried on well into the early hours.", []),
    ("Police raided the camp during the early hours on Thursday morning.", [("Thursday morning", "TIME", "2022-02-10TMO")]),
    # other vague hours and years are still lengths
    ("Rescuers dug through the rubble for hours.", [("hours", "DURATION", "PTXH")]),
    ("In the early years of the war, food was scarce.", [("the early years", "DURATION", "PXY")]),
])
def test_the_early_hours_are_no_length(text, expected):
    assert tags(text) == expected


def test_early_hours_still_move_a_weekday_to_the_page_next_day():
    friday = dt.date(2022, 2, 11)
    found = [(t.span.text, t.value) for t in find_timexes_in_text("Two guards died during the early hours of Saturday.", friday)]
    assert found == [("Saturday", "2022-02-12")]
