"""Dates in business and market news (dates round 12): results periods, trading days, model
years, the year a results story reports.

Sentences written for these tests; none is taken from a corpus or crawl. Values follow
TempEval-3's business articles where they have the construction (``the full year`` is the
year, ``the past two months`` a duration, ``year-on-year`` and a trading ``session`` untagged)."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.temporal import find_timexes_in_text

AUTUMN = dt.date(2007, 10, 24)  # a Wednesday, in the third quarter's results season
WINTER = dt.date(2008, 1, 24)  # a Thursday, while companies report the year just ended


def tags(text: str, published: dt.date = AUTUMN) -> list[tuple]:
    return [(t.span.text, t.type, t.value) for t in find_timexes_in_text(text, published)]


@pytest.mark.parametrize("text, expected", [
    # the register's constructions, as TempEval-3 values them
    ("Profit rose 12 percent in the first half of 2007 .", [("the first half of 2007", "DATE", "2007-H1")]),
    ("Sales fell in the quarter , the company said .", [("the quarter", "DATE", "2007-Q3")]),
    ("Revenue in Q3 beat forecasts .", [("Q3", "DATE", "2007-Q3")]),
    ("The bank expects growth in fiscal 2008 .", [("fiscal 2008", "DATE", "2008")]),
    ("Net income was $300 million , up from $250 million a year earlier .", [("a year earlier", "DATE", "2006")]),
    ("Sales rose 5 percent year-on-year .", []),
    ("The index fell 2 percent in the previous session .", []),
    ("Stocks extended Monday 's losses .", [("Monday", "DATE", "2007-10-22")]),
    ("The stock recovered last month 's losses .", [("last month", "DATE", "2007-09")]),
    ("The shares have risen 40 percent over the past 12 months .", [("the past 12 months", "DURATION", "P12M")]),
    ("The index has gained 8 percent so far this year .", [("this year", "DATE", "2007")]),
    ("The fund is up 8 percent year-to-date .", [("year-to-date", "DATE", "2007")]),
    ("The automaker aims to sell a million hybrids by 2010 .", [("2010", "DATE", "2010")]),
    ("The company reported earnings for 2006 of $4 billion .", [("2006", "DATE", "2006")]),
])
def test_results_and_market_periods(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a year before "model" names a product line, not a time
    ("The 2008 model will have a new engine .", []),
    ("Dealers are discounting 2007 models .", []),
    ("The 2008-model sedans are cheaper .", []),
    ("The plant builds cars of model year 2009 .", []),
    ("It will sell the 2009 model year cars in the spring .", [("the spring", "DATE", "2008-SP")]),
    # a year between a determiner and a car make with its model or a vehicle noun
    ("Police found his 1995 Toyota Corolla near the border .", []),
    ("She drove a 1999 Ford pickup .", []),
    ("The dealer 's 2008 Chevrolet Malibu sold fast .", []),
    # ... but not a make that names a foundation or an event, nor a year after a preposition
    ("The 1992 Ford Foundation report was cited .", [("1992", "DATE", "1992")]),
    ("The 2006 Honda Classic drew crowds .", [("2006", "DATE", "2006")]),
    ("In 2005 Toyota sales doubled .", [("2005", "DATE", "2005")]),
    ("GM 's 2006 Chevrolet sales rose .", [("2006", "DATE", "2006")]),
    # a year before another word, or in "the year 2008", stays a year; so does a model of a year
    ("The country went back to the 1952 model of army rule .", [("1952", "DATE", "1952")]),
    ("Sales rose in 2006 , models show .", [("2006", "DATE", "2006")]),
    ("In the year 2006 sales fell .", [("the year 2006", "DATE", "2006")]),
])
def test_model_years_are_no_dates(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    # "full-year" as an adjective is the year, as "the full year" is
    ("The full-year forecast was cut .", AUTUMN, [("full-year", "DATE", "2007")]),
    ("Analysts expect full-year profit to rise .", WINTER, [("full-year", "DATE", "2008")]),
    # early in a year, the year told in the past is the one just reported
    ("For the year , the company lost $3 billion .", WINTER, [("the year", "DATE", "2007")]),
    ("Sales for the full year rose 3 percent .", WINTER, [("the full year", "DATE", "2007")]),
    ("The carmaker reported full-year profit of $2 billion .", WINTER, [("full-year", "DATE", "2007")]),
    # ... but not in a story later in the year, nor looking ahead, nor counting up to now
    ("For the year , the company lost $3 billion .", AUTUMN, [("the year", "DATE", "2007")]),
    ("The company expects a profit for the full year .", WINTER, [("the full year", "DATE", "2008")]),
    ("For the year , the index has lost 8 percent .", WINTER, [("the year", "DATE", "2008")]),
    # nor the year's best, nor its end
    ("She was one of the year s biggest stars .", WINTER, [("the year", "DATE", "2008")]),
    ("He made a resolution for the end of the year .", WINTER, [("the end of the year", "DATE", "2008")]),
])
def test_the_year_a_results_story_reports(text, published, expected):
    assert tags(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    # an irregular past with a prefix is past tense too: this year's quarter, last Friday
    ("Toyota outsold GM in the first quarter .", [("the first quarter", "DATE", "2007-Q1")]),
    ("The court upheld the ruling on Friday .", [("Friday", "DATE", "2007-10-19")]),
    ("The company repaid the loan in June .", [("June", "DATE", "2007-06")]),
    ("The company will repay the loan in June .", [("June", "DATE", "2008-06")]),
])
def test_prefixed_irregular_pasts(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the second day of a range written with a hyphen, "to" or "through", as of "24 and 25"
    ("The Fed meets on Jan. 29-30 .", [("Jan. 29", "DATE", "2008-01-29"), ("30", "DATE", "2008-01-30")]),
    ("The fair runs March 3 to 5 .", [("March 3", "DATE", "2008-03-03"), ("5", "DATE", "2008-03-05")]),
    ("Voting runs from Feb. 4 through 8 .", [("Feb. 4", "DATE", "2008-02-04"), ("8", "DATE", "2008-02-08")]),
    # a score, and a count after a spaced dash, are no second day
    ("He won the March 3-1 match .", [("March 3", "DATE", "2008-03-03")]),
    ("On Jan. 9 - 12 people died .", [("Jan. 9", "DATE", "2008-01-09")]),
])
def test_ranges_of_days(text, expected):
    assert tags(text, WINTER) == expected
