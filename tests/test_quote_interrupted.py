"""A cue set between commas inside the clause it reports (``The plan, he said, is dead``):
the clause's subject before the cue is part of the content, and a phrase the parser hung on
that subject as its apposition right before the cue is the speaker. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quotes import find_quotes
from storyline.settings import Settings


def found(text: str) -> list[tuple[str, str, list[str]]]:
    return [(q.speaker.text if q.speaker else "", q.cue.text if q.cue else "", [c.text for c in q.content])
            for q in find_quotes(annotate([text]), "a1", Settings())]


@pytest.mark.parametrize("text, quotes", [
    ("The ferry plan, a senior aide said, is dead.",
     [("a senior aide", "said", ["The ferry plan", "is dead"])]),
    ("Lund, a harbour official said, is quite sure of the ferry plan.",
     [("a harbour official", "said", ["Lund", "is quite sure of the ferry plan"])]),
    # an apposition set off by both commas before the cue names the speaker
    ("Lund, the minister, said the ferry plan is dead.",
     [("Lund", "said", ["the ferry plan is dead"])]),
    # a clause whose subject follows the cue is whole after it
    ("In March, the harbour master said, the ferry tolls will fall.",
     [("the harbour master", "said", ["the ferry tolls will fall"])]),
])
def test_a_cue_inside_its_clause(text, quotes):
    assert found(text) == quotes
