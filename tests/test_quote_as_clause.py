"""``As X said, ...`` (storyline.nlp.quote_as_clause): the clause an evidential ``as`` clause
comments on is the source's words. Sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quotes import find_quotes
from storyline.settings import Settings


def found(text: str) -> list[tuple[str, str, list[str]]]:
    return [(q.speaker.text if q.speaker else "", q.cue.text if q.cue else "", [c.text for c in q.content])
            for q in find_quotes(annotate([text]), "a1", Settings())]


@pytest.mark.parametrize("text, quotes", [
    # before, inside or after the clause it vouches for; a time phrase of the cue stays out
    ("As the Northford Herald reported last week, the mayor has spent more than his budget.",
     [("the Northford Herald", "reported", ["the mayor has spent more than his budget"])]),
    ("The harbour plan, as Halvorsen said on Monday, is dead.",
     [("Halvorsen", "said", ["The harbour plan", "is dead"])]),
    ("The harbour plan is dead, as Halvorsen said on Monday.",
     [("Halvorsen", "said", ["The harbour plan is dead"])]),
    # past a relative clause, and past a closing comma the parser hung on the cue
    ("The way we have farmed the valley, as Dahl said, has made the river towns more exposed to floods.",
     [("Dahl", "said", ["The way we have farmed the valley", "has made the river towns more exposed to floods"])]),
    # the one told is no content; an opening conjunction is no piece of it
    ("The vote is close, as Lund told local radio on Tuesday.",
     [("Lund", "told", ["The vote is close"])]),
    ("And, as the Northford Herald first reported, the mayor has spent more than his budget.",
     [("the Northford Herald", "reported", ["the mayor has spent more than his budget"])]),
])
def test_as_clause_vouches_for_the_clause_it_comments_on(text, quotes):
    assert found(text) == quotes


@pytest.mark.parametrize("text", [
    # a time, not a source
    "As the minister was speaking, protesters gathered outside.",
    "As Lund spoke on Friday, the crowd drifted away.",
    # a saying
    "As they say, once you have sailed the north channel no other sea will do.",
])
def test_as_clause_of_time_or_a_saying_is_no_quote(text):
    assert found(text) == []


def test_as_clause_with_its_own_content_keeps_it():
    assert found("As Lund said he would, the council voted on Friday.") == [("Lund", "said", ["he would"])]


def test_as_clause_quote_is_not_carried():
    text = ["The ferry fares rose over the summer, as Halvorsen has admitted.",
            "The new timetable starts in May and will run until the autumn."]
    quotes = find_quotes(annotate(text), "a1", Settings())
    assert [[c.text for c in q.content] for q in quotes] == [["The ferry fares rose over the summer"]]
