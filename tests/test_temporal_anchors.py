"""Dates told from another date of the story (``the previous day``, ``a year earlier``), named
days with the year of their sentence, and the turn of a century (dates round 13).

Sentences written for these tests; none is taken from a corpus or crawl."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.temporal import annotate_for_dates, find_timexes_in_article, find_timexes_in_text

PUB = dt.date(2009, 6, 10)  # a Wednesday


def tags(text: str, published: dt.date = PUB) -> list[tuple]:
    return [(t.span.text, t.type, t.value) for t in find_timexes_in_text(text, published)]


def in_order(*sentences: str, published: dt.date = PUB) -> list[tuple]:
    """(sentence, extent, value) of an article read in order."""
    found = find_timexes_in_article(annotate_for_dates(list(sentences)), published, ordered=True)
    return [(t.span.sentence_index, t.span.text, t.value) for t in found]


@pytest.mark.parametrize("text, expected", [
    # "earlier"/"before" count from a year the sentence has written ...
    ("He was elected in 2000; a year earlier he had lost .", [("2000", "DATE", "2000"), ("a year earlier", "DATE", "1999")]),
    ("Net income in 1989 rose to $5 million from $4 million a year earlier .",
     [("1989", "DATE", "1989"), ("a year earlier", "DATE", "1988")]),
    ("The firm was sold in 1998 ; the year before , it had lost its chief .",
     [("1998", "DATE", "1998"), ("the year before", "DATE", "1997")]),
    # ... "ago" from now, and without a year in the sentence "earlier" too
    ("He was elected in 2000 and lost a year ago .", [("2000", "DATE", "2000"), ("a year ago", "DATE", "2008")]),
    ("Rents were lower than a year earlier .", [("a year earlier", "DATE", "2008")]),
])
def test_a_year_earlier_after_a_written_year(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a comma ends the clause of an amount: "a year after" is a length, not a rate
    ("The club was founded in 1998, a year after the war .", [("1998", "DATE", "1998"), ("a year", "DURATION", "P1Y")]),
    ("The mine produces 4,500 tonnes a year .", [("a year", "SET", "P1Y")]),
])
def test_a_year_after_a_year_and_a_comma_is_no_rate(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a holiday takes the year written with it, after "of" in its extent, after "in" beside it ...
    ("The truce of Christmas Day in 1914 was brief .", [("Christmas Day", "DATE", "1914-12-25"), ("1914", "DATE", "1914")]),
    ("The storm hit on Easter Sunday in 2008 .", [("Easter Sunday", "DATE", "2008-03-23"), ("2008", "DATE", "2008")]),
    ("The attack came on New Year's Eve of 1999 .", [("New Year's Eve of 1999", "DATE", "1999-12-31")]),
    # ... or the year its sentence's narrative is set in, each year computing its own date
    ("In 2005 , families travelled home for Thanksgiving .",
     [("2005", "DATE", "2005"), ("Thanksgiving", "DATE", "2005-11-24")]),
    # without one, the nearest the tense allows; "last" is told from now
    ("Families travelled home for Thanksgiving .", [("Thanksgiving", "DATE", "2008-11-27")]),
    ("In 2005 he moved , and last Christmas he came back .",
     [("2005", "DATE", "2005"), ("last Christmas", "DATE", "2008-12-25")]),
])
def test_holidays_take_the_year_of_their_sentence(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    # the turn of a numbered century is the year that starts it
    ("The city grew fast at the turn of the 20th century .", PUB, [("the turn of the 20th century", "DATE", "1900")]),
    ("Stone houses were common at the turn of the nineteenth century .", PUB,
     [("the turn of the nineteenth century", "DATE", "1800")]),
    # else the boundary the tense points to from publication
    ("Prices have tripled since the turn of the century .", PUB, [("the turn of the century", "DATE", "2000")]),
    ("Houses were built at the turn of the century .", dt.date(1989, 10, 20), [("the turn of the century", "DATE", "1900")]),
    ("Computers will fail at the turn of the century .", dt.date(1989, 10, 20),
     [("the turn of the century", "DATE", "2000")]),
    ("The party was held at the turn of the millennium .", PUB, [("the turn of the millennium", "DATE", "2000")]),
    ("He gave a turn of the century-old wheel .", PUB, []),
])
def test_the_turn_of_the_century(text, published, expected):
    assert tags(text, published) == expected


def test_the_previous_and_following_day_take_the_day_told_before_them():
    # a day earlier in the same sentence, or in the sentence before when the text is in order
    assert in_order("Officials met on Friday and signed the deal the following day .") == [
        (0, "Friday", "2009-06-05"), (0, "the following day", "2009-06-06")]
    assert in_order("The rebels took the town on March 3 .", "The army struck back the following day .") == [
        (0, "March 3", "2009-03-03"), (1, "the following day", "2009-03-04")]
    assert in_order("The talks collapsed on Tuesday .", "The previous day , the envoy had left .") == [
        (0, "Tuesday", "2009-06-09"), (1, "The previous day", "2009-06-08")]
    assert in_order("The rebels took the town on March 3 .", "The army had moved in the day before .") == [
        (0, "March 3", "2009-03-03"), (1, "the day before", "2009-03-02")]


@pytest.mark.parametrize("text, expected", [
    # with no day told before: the day before publication, as "the day before" is ...
    ("The envoy left the previous day .", [("the previous day", "DATE", "2009-06-09")]),
    ("The envoy had left the day before .", [("the day before", "DATE", "2009-06-09")]),
    # ... but the day after publication cannot be told in the past: unknown
    ("The army struck back the following day .", [("the following day", "DATE", "XXXX-XX-XX")]),
])
def test_the_previous_and_following_day_without_a_day_before_them(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a crash's name is its day where the sentence writes that year ...
    ("The market crashed on Black Monday in 1987 .", [("Black Monday", "DATE", "1987-10-19"), ("1987", "DATE", "1987")]),
    ("The 1987 Black Monday crash erased a fifth of the index .",
     [("1987", "DATE", "1987"), ("Black Monday", "DATE", "1987-10-19")]),
    ("Sterling left the ERM on Black Wednesday in 1992 .",
     [("Black Wednesday", "DATE", "1992-09-16"), ("1992", "DATE", "1992")]),
    # ... elsewhere a name reused for other bad days, untagged
    ("Black Monday erased a fifth of the index .", []),
    ("Asian markets suffered a Black Monday in 2008 .", [("2008", "DATE", "2008")]),
])
def test_days_of_history_named_for_a_crash(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a part of a period keeps the period's value and granularity, as TimeML writes it (its
    # START/MID/END modifier is not kept: no benchmark scores it)
    ("The plant opened in mid-March .", ("mid-March", "2009-03", "month", dt.date(2009, 3, 1), dt.date(2009, 3, 31))),
    ("Prices peaked in late 2008 .", ("late 2008", "2008", "year", dt.date(2008, 1, 1), dt.date(2008, 12, 31))),
    ("The firm expects to finish the work early next year .",
     ("early next year", "2010", "year", dt.date(2010, 1, 1), dt.date(2010, 12, 31))),
    ("Prices rose in the late 1990s .", ("the late 1990s", "199", "decade", dt.date(1990, 1, 1), dt.date(1999, 12, 31))),
])
def test_parts_of_periods_keep_the_period(text, expected):
    [t] = find_timexes_in_text(text, PUB)
    assert (t.span.text, t.value, t.granularity, t.first_day, t.last_day) == expected
