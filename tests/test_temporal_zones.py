"""nlp.temporal_zones: a weekday told in the small hours of the day after the page's date
(a page dated by an outlet's clock hours behind the place it reports on) is that next day;
a bare weekday told in the past stays the last one; the article's other mentions of that
weekday follow the one its hour moved; a plan told in the past for that weekday is the next
day too (dates round 16).

Sentences written for these tests; none is taken from a corpus or crawl."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.temporal import annotate_for_dates, find_timexes_in_article, find_timexes_in_text

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


def article(*sentences: str, published: dt.date = FRIDAY) -> list[tuple]:
    found = find_timexes_in_article(annotate_for_dates(list(sentences)), published, ordered=True)
    return [(t.span.sentence_index, t.span.text, t.value) for t in found]


def test_the_articles_other_mentions_of_that_weekday_follow_it():
    assert article(
        "Two guards were killed early Saturday when rockets hit the depot.",
        "Saturday's attack was the worst this year, and the army said at 9 p.m. Saturday that it would respond.",
        "Last Saturday the port was calm.",
        "On Friday the port was calm.",
    ) == [(0, "early Saturday", "2022-02-12"), (1, "Saturday", "2022-02-12"), (1, "this year", "2022"),
          (1, "9 p.m. Saturday", "2022-02-12T21:00"), (2, "Last Saturday", "2022-02-05"), (3, "Friday", "2022-02-11")]


def test_without_a_mention_told_by_its_hour_the_weekday_stays_the_last_one():
    assert article(
        "Two guards were killed on Saturday when rockets hit the depot.",
        "The army said at 9 p.m. Saturday that it would respond.",
    ) == [(0, "Saturday", "2022-02-05"), (1, "9 p.m. Saturday", "2022-02-05T21:00")]


@pytest.mark.parametrize("text, expected", [
    # a plan told in the past for the page's next weekday: that day, not six days back
    ("The envoy was due on Saturday to fly to Cairo.", [("Saturday", "DATE", "2022-02-12")]),
    ("The minister, in an interview to be aired on Saturday, said the talks had failed.",
     [("Saturday", "DATE", "2022-02-12")]),
    ("Police closed the roads ahead of a rally on Saturday.", [("Saturday", "DATE", "2022-02-12")]),
    ("The council was likely to approve the budget on Saturday, officials said.", [("Saturday", "DATE", "2022-02-12")]),
    ("The unions were organising a march for Saturday.", [("Saturday", "DATE", "2022-02-12")]),
    ("Shops stocked up for Saturday, the first day of the holiday.", [("Saturday", "DATE", "2022-02-12")]),
    ("Asked whether Saturdays ceasefire deadline still held, he shrugged.", [("Saturday", "DATE", "2022-02-12")]),
    # "for" not right before the day, and no plan: the last Saturday
    ("He was shot in mistake for a burglar on Saturday.", [("Saturday", "DATE", "2022-02-05")]),
    ("Two men were charged for Saturdays attack.", [("Saturday", "DATE", "2022-02-05")]),
    ("The group claimed responsibility for Saturday's attack.", [("Saturday", "DATE", "2022-02-05")]),
    ("The league met on Saturday.", [("Saturday", "DATE", "2022-02-05")]),
])
def test_a_plan_for_the_next_weekday_told_in_the_past_is_the_next_day(text, expected):
    assert tags(text) == expected


def test_a_plans_weekday_moves_no_other_mention():
    assert article(
        "The league agreed on Saturday to meet the rebels.",
        "It set a Saturday deadline for the reply.",
    ) == [(0, "Saturday", "2022-02-05"), (1, "Saturday", "2022-02-12")]
