"""A cue in the infinitive after a verb's object (storyline.nlp.quote_control): in ``The vote
prompted the union to warn ...`` the union warns; the cause that prompted it had been taken
for the speaker. A passive keeps its subject, a verb of promising its own. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quotes import find_quotes
from storyline.settings import Settings


def found(*texts: str) -> list[tuple[str, str, str, list[str]]]:
    return [(q.speaker.text if q.speaker else "", q.speaker_name, q.cue.text if q.cue else "",
             [c.text for c in q.content])
            for q in find_quotes(annotate(list(texts)), "a1", Settings())]


@pytest.mark.parametrize("text, quotes", [
    ("The vote prompted the union to warn that strikes would follow.",
     [("the union", "the union", "warn", ["that strikes would follow"])]),
    ("The scandal forced the minister to admit that the figures were wrong.",
     [("the minister", "the minister", "admit", ["that the figures were wrong"])]),
    ("The leak led the harbour chief to announce her resignation on Friday.",
     [("the harbour chief", "the harbour chief", "announce", ["her resignation"])]),
    # the passive had the controller for subject already
    ("The minister was forced to admit that the figures were wrong.",
     [("The minister", "the minister", "admit", ["that the figures were wrong"])]),
])
def test_the_object_speaks_in_the_infinitive_after_it(text, quotes):
    assert found(text) == quotes


def test_an_object_pronoun_is_resolved_like_a_subject():
    assert found("Ortiz toured the docks on Monday.", "The vote prompted him to warn that strikes would follow.")[-1] \
        == ("him", "Ortiz", "warn", ["that strikes would follow"])
