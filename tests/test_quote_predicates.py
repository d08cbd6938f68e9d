"""A cue in the infinitive of a predicate (storyline.nlp.quote_inherited.predicate_of): the
one who is quick, careful, honest enough or first to say something says it; the one who is
able, free or willing to may not; a thing too close to call calls nothing. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quotes import find_quotes
from storyline.settings import Settings


def found(text: str) -> list[tuple[str, str, list[str]]]:
    return [(q.speaker.text if q.speaker else "", q.cue.text if q.cue else "", [c.text for c in q.content])
            for q in find_quotes(annotate([text]), "a1", Settings())]


@pytest.mark.parametrize("text, quotes", [
    ("The harbour master was quick to point out that the tolls had fallen.",
     [("The harbour master", "point", ["that the tolls had fallen"])]),
    ("Lund was careful to say that no decision had been made.",
     [("Lund", "say", ["that no decision had been made"])]),
    ("Lund was honest enough to say that the ferry plan had failed.",
     [("Lund", "say", ["that the ferry plan had failed"])]),
    ("Halvorsen was not the first official to admit that the ferry plan had failed.",
     [("Halvorsen", "admit", ["that the ferry plan had failed"])]),
])
def test_who_is_quick_or_first_to_say_speaks(text, quotes):
    assert found(text) == quotes


@pytest.mark.parametrize("text", [
    "The vote in the northern isles was too close to call on Monday.",
    "It was still too soon to say if the ferry talks had failed.",
    "Lund was careful not to praise the council.",
    "The port authority was unable to confirm the report.",
    "Islanders are free to say anything they like about the ferry.",
])
def test_able_free_or_too_close_to_say_is_no_quote(text):
    assert found(text) == []
