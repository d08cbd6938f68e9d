"""nlp.temporal on constructions read wrong in a seeded sample of crawl timexes (dates round 14):
season words as verbs, years in two digits, clock times told with their part of the day, named
events with their year, holidays named as a kind of event.

Sentences written for these tests; none is taken from a corpus or crawl."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.temporal import find_timexes_in_text

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
