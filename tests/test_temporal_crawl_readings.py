"""nlp.temporal on constructions read wrong in a seeded sample of crawl timexes (dates round 14):
season words as verbs, years in two digits, clock times told with their part of the day, named
events with their year, holidays named as a kind of event; and in a crawl's list of relative
expressions (round 15): a vague length ``later``, a day counted from a week, an infinitive that
qualifies a noun or follows a verb of seeing or making in a parsed sentence.

Sentences written for these tests; none is taken from a corpus or crawl."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model
from storyline.nlp.temporal import annotate_for_dates, find_timexes, find_timexes_in_article, find_timexes_in_text

PUB = dt.date(2022, 2, 12)  # a Saturday


def tags(text: str, published: dt.date = PUB) -> list[tuple]:
    return [(t.span.text, t.type, t.value) for t in find_timexes_in_text(text, published)]


@pytest.mark.parametrize("text, expected", [
    # "fall" and "spring" after a relative "that" and before a preposition are verbs ...
    ("The villages that fall under the new district lost their clinics.", []),
    ("Old fears that spring from the war still shape the vote.", []),
    # ... elsewhere still the season of the story's year
    ("That fall, he moved to Boston.", [("That fall", "DATE", "XXXX-FA")]),
    ("He won the seat in 2004 and that spring he married.", [("2004", "DATE", "2004"), ("that spring", "DATE", "2004-SP")]),
])
def test_a_season_word_as_a_verb_is_no_season(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the year before" in mid-clause, before a conjunction or a preposition: as at its end ...
    ("Exports rose sharply from the year before and analysts expect more.", [("the year before", "DATE", "2021")]),
    ("In a speech the day before in which he praised the rebels, the mayor spoke for an hour.",
     [("the day before", "DATE", "2022-02-11"), ("an hour", "DURATION", "PT1H")]),
    # ... before a noun phrase or a clause, the day of an event this sentence does not date
    ("The talks failed the week before the vote.", []),
    ("Her approval rose the year after she took office.", []),
    ("The envoy phoned the minister the day before he resigned.", []),
    ("The week before last was calm.", [("The week before last", "DATE", "2022-W04")]),
    # "the day after" as a noun, the aftermath, after "about" or a plan for it
    ("The generals have no plan for the day after.", []),
    ("We talked about the day after in the region.", []),
    ("The vote was set for the day after.", [("the day after", "DATE", "2022-02-13")]),
])
def test_the_year_before_in_mid_clause(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # A named event with its year: the year, not the holiday's day ...
    ("Poets compared the protest to the Easter Rising of 1916.", [("1916", "DATE", "1916")]),
    ("The Easter Rising was crushed within a week.", [("a week", "DURATION", "P1W")]),
    ("Flights to Christmas Island resumed.", []),
    # ... a kind of event: no date, unless its noun has a year of its own
    ("The minister hosted a Christmas party for the staff.", []),
    ("Staff attended a Christmas party at the embassy in 2010.", [("2010", "DATE", "2010")]),
    ("The Christmas truce of 1914 is remembered.", [("Christmas", "DATE", "1914-12-25"), ("1914", "DATE", "1914")]),
    # the holiday itself, and its own days, as before
    ("The shops opened on Christmas Eve.", [("Christmas Eve", "DATE", "2021-12-24")]),
    ("Easter Monday was quiet.", [("Easter Monday", "DATE", "2021-04-05")]),
    ("Stores reported strong Christmas sales.", [("Christmas", "DURATION", "PXD")]),
])
def test_a_holiday_naming_an_event_or_a_kind_of_event(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a clock time without a.m. or p.m., told with its part of the day: one time, that hour
    ("The ferry left Lisbon close to 11:00 at night, an hour late.",
     [("11:00 at night", "TIME", "2022-02-12T23:00"), ("an hour", "DURATION", "PT1H")]),
    ("The raid began at 2:15 at night.", [("2:15 at night", "TIME", "2022-02-12T02:15")]),
    ("It was 9:30 in the morning when the bus arrived.", [("9:30 in the morning", "TIME", "2022-02-12T09:30")]),
    ("The vote closed at 4:30 in the afternoon on Friday.",
     [("4:30 in the afternoon", "TIME", "2022-02-11T16:30"), ("Friday", "DATE", "2022-02-11")]),
])
def test_a_clock_time_told_with_its_part_of_the_day(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a month with its year in two digits, the apostrophe written or stripped by a crawl ...
    ("The firm was founded in June '98 in Ohio.", [("June '98", "DATE", "1998-06")]),
    ("He has lived here since Sept. '01.", [("Sept. '01", "DATE", "2001-09")]),
    ("During the uprising in June 09 many bloggers were arrested.", [("June 09", "DATE", "2009-06")]),
    ("Sales slowed in March 98.", [("March 98", "DATE", "1998-03")]),
    # ... but a day where a day may be meant: after "on", before a year, or without a preposition
    ("The meeting is on June 09, 2021 at noon.", [("June 09, 2021", "DATE", "2021-06-09"), ("noon", "TIME", "2021-06-09T12:00")]),
    ("The deadline is June 09.", [("June 09", "DATE", "2022-06-09")]),
])
def test_a_month_with_a_two_digit_year(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a vague amount "later": the length, "later" outside (not FUTURE_REF, after now) ...
    ("Days later, the mayor resigned.", [("Days", "DURATION", "PXD")]),
    ("A few weeks later , the rebels took the port .", [("A few weeks", "DURATION", "PXW")]),
    ("The town was rebuilt years later.", [("years", "DURATION", "PXY")]),
    ("Several months later the mill closed.", [("Several months", "DURATION", "PXM")]),
    # ... a number still a date told from the story, and "ago" or "earlier" still before now
    ("Two weeks later, the mill was sold.", [("Two weeks later", "DATE", "XXXX-WXX")]),
    ("Weeks ago, the army left the valley.", [("Weeks ago", "DATE", "PAST_REF")]),
    ("Days earlier the bridge had closed.", [("Days earlier", "DATE", "PAST_REF")]),
])
def test_a_vague_length_later_is_a_length(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize("sentences, expected", [
    # a week or its weekend moved by days names no day: "a day later" stays unknown ...
    (("The rebels fought on through the weekend .", "A day later , they took the port ."),
     [(0, "the weekend", "2022-W06-WE"), (1, "A day later", "XXXX-XX-XX")]),
    (("The talks stalled last week .", "The same day , the envoy flew home ."),
     [(0, "last week", "2022-W05"), (1, "The same day", "XXXX-XX-XX")]),
    # ... a day still moves
    (("The plant closed on 3 May 2019 .", "A day later , it was sold ."),
     [(0, "3 May 2019", "2019-05-03"), (1, "A day later", "2019-05-04")]),
])
def test_a_day_is_not_counted_from_a_week(sentences, expected):
    found = find_timexes_in_article(annotate_for_dates(list(sentences)), PUB, "a1", ordered=True)
    assert [(t.span.sentence_index, t.span.text, t.value) for t in found] == expected


@pytest.mark.parametrize("text, expected", [
    # an infinitive after a noun ("an attempt to retake") is ahead of its clause's time: told
    # in the past, the nearest such day (as "planned to leave Thursday"), not next week's ...
    ("Rebels launched an attempt to retake the town on Thursday.", [("Thursday", "2022-02-10")]),
    ("The envoy announced plans to visit the port on Monday.", [("Monday", "2022-02-14")]),
    # ... and ahead of now where its clause is not past, or it is a plan told from now
    ("The council will hold a vote to approve the budget on Thursday.", [("Thursday", "2022-02-17")]),
    ("The envoy has told the council of his plans to leave the port in November.", [("November", "2022-11")]),
    # a bare infinitive after a verb of seeing or making takes that verb's tense, not a
    # schedule's present
    ("The group said it had seen three shells explode over the port on Thursday night.",
     [("Thursday night", "2022-02-10TNI")]),
    ("Officials will help clear the road on Monday.", [("Monday", "2022-02-14")]),
])
def test_an_infinitive_after_a_noun_takes_its_clauses_time(text, expected):
    parsed = AnnotatedSentence(0, text, load_model()(text), True)  # crawl sentences are mostly parsed
    assert [(t.span.text, t.value) for t in find_timexes(parsed, PUB)] == expected
