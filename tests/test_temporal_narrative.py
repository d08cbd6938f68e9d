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


@pytest.mark.parametrize("text, published, expected", [
    # a bare month told in the past after the sentence set its story in a year
    ("The method was tried in the war in 2003 , and not only in the March air raids .", dt.date(2005, 12, 28),
     [("2003", "DATE", "2003"), ("March", "DATE", "2003-03")]),
    ("Soldiers crossed the river in March 2003 and reached the capital in April .", dt.date(2005, 12, 28),
     [("March 2003", "DATE", "2003-03"), ("April", "DATE", "2003-04")]),
    # after a dated frame the story moves forward: the first such month at or after it
    ("He was caught in December 2003 , and in January he was questioned .", dt.date(2005, 11, 2),
     [("December 2003", "DATE", "2003-12"), ("January", "DATE", "2004-01")]),
    ("She was called up in January 2003 and sent home in September .", dt.date(2005, 11, 2),
     [("January 2003", "DATE", "2003-01"), ("September", "DATE", "2003-09")]),
    # a bare year frames only after "in" or "during"
    ("Prices have fallen since 2003 and dropped again in March .", dt.date(2005, 12, 28),
     [("2003", "DATE", "2003"), ("March", "DATE", "2005-03")]),
    # a month after a word that bounds a stretch is told from now
    ("Under a plan approved in 2001 , the firm had bought 9,000 shares through Sept. 29 .", dt.date(2005, 10, 30),
     [("2001", "DATE", "2001"), ("Sept. 29", "DATE", "2005-09-29")]),
    # a clause that looks ahead keeps its year; so does a month told from now by its own word
    ("The firm was founded in 1998 and will list its shares in March .", dt.date(2005, 12, 28),
     [("1998", "DATE", "1998"), ("March", "DATE", "2006-03")]),
    ("He left the army in 1999 and retired last March .", dt.date(2005, 12, 28),
     [("1999", "DATE", "1999"), ("last March", "DATE", "2005-03")]),
])
def test_months_framed_by_an_earlier_year_of_the_sentence(text, published, expected):
    assert tags(text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a row of post stamps, each a date and then its clock: the clock is its own date's
    ("SEE MORE Mar 3, 2012 8:15 AM ET Mar 2, 2012 4:05 PM ET NEW PHONE unveiled .", dt.date(2012, 3, 4),
     [("Mar 3, 2012", "DATE", "2012-03-03"), ("8:15 AM ET", "TIME", "2012-03-03T08:15"),
      ("Mar 2, 2012", "DATE", "2012-03-02"), ("4:05 PM ET", "TIME", "2012-03-02T16:05")]),
    # a clock before its date, with nothing dated before it, keeps that date
    ("The post went up at 6:52 pm ET October 3, 2014 .", dt.date(2012, 10, 4),
     [("6:52 pm ET October 3, 2014", "TIME", "2014-10-03T18:52")]),
    # a British paper's page stamp: a dotted 24-hour clock with its zone
    ("Thursday 9 June 2005 14.27 GMT The minister resigned .", dt.date(2005, 6, 9),
     [("Thursday 9 June 2005", "DATE", "2005-06-09"), ("14.27 GMT", "TIME", "2005-06-09T14:27Z")]),
    ("Shares rose 12.35 in late trade .", dt.date(2005, 1, 4), []),
])
def test_post_stamps_and_page_stamps(text, published, expected):
    assert tags(text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # "since" looks back from now: no day ahead within the tense's slack
    ("Since September 11 the city has had new emergency plans .", dt.date(2005, 7, 11),
     [("September 11", "DATE", "2004-09-11")]),
    ("The offer was extended to August 20 .", dt.date(2005, 7, 11), [("August 20", "DATE", "2005-08-20")]),
])
def test_a_day_since_looks_back(text, published, expected):
    assert tags(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    # a counted plural before "a year": a rate, its count one or two words back
    ("Teenagers send over 20 million text messages a year .", [("a year", "SET", "P1Y")]),
    ("The field pumps about 1.2 million barrels a day .", [("a day", "SET", "P1D")]),
    ("The plant adds 400 new jobs a month .", [("a month", "SET", "P1M")]),
    # no count before the plural: a length ("and" is no count)
    ("Peace and order returns less than a day after the vote .", [("less than a day", "DURATION", "P1D")]),
])
def test_rates_after_a_counted_plural(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "now" of "from time to time" is no present reference
    ("Every now and again the old crew meets for a meal .", []),
    ("We still see them now and then .", []),
    # "now" then a new clause keeps its present
    ("He is here now and then he will fly home .", [("now", "DATE", "PRESENT_REF")]),
])
def test_now_and_then(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a year before Christ, and the first year of a range ending in one
    ("The old city fell in 539 BC .", [("539 BC", "DATE", "BC0539")]),
    ("The king reigned from 1790 to 1745BC and built canals .", [("1790", "DATE", "BC1790"), ("1745BC", "DATE", "BC1745")]),
    ("The fort (1200 to 1150 B.C.) was burnt .", [("1200", "DATE", "BC1200"), ("1150 B.C.", "DATE", "BC1150")]),
    ("The broadcaster said sales rose in 1999 .", [("1999", "DATE", "1999")]),
])
def test_years_before_christ(text, expected):
    assert tags(text) == expected
