"""A quotation signed off on the next line by a dash and a name (storyline.nlp.quote_signoff):
the sentence before is that person's, in reading order only; a dash and a name closing the
article are its byline, and a credit to an agency names no speaker. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quotes import find_quotes
from storyline.settings import Settings


def found(*texts: str, ordered: bool = True) -> list[tuple[str, str, str, list[tuple[int, str]]]]:
    return [(q.speaker.text if q.speaker else "", q.speaker_name, q.cue.text if q.cue else "",
             [(c.sentence_index, c.text) for c in q.content])
            for q in find_quotes(annotate(list(texts)), "a1", Settings(), ordered=ordered)]


SIGNED = ("The council met on Monday to discuss the ferry.", "I never said the ferry would close.",
          "- Ilse Marek.", "The ferry has run since 1962.")


def test_the_sentence_before_a_dash_and_a_name_is_their_quote():
    assert found(*SIGNED) == [("Ilse Marek", "Ilse Marek", "-", [(1, "I never said the ferry would close.")])]


def test_a_place_after_the_name_is_no_part_of_the_speaker():
    assert found("The storm closed the port for a week, and we lost a month of trade.", "-Ada Roth, Bergen.",
                 "Letters may be edited.") \
        == [("Ada Roth", "Ada Roth", "-", [(0, "The storm closed the port for a week, and we lost a month of trade.")])]


@pytest.mark.parametrize("texts, ordered", [
    (SIGNED, False),  # shuffled: the sentence before may be any sentence
    (("The council met on Monday to discuss the ferry.", "The ferry has run since 1962.", "- Ilse Marek."), True),
    (("The storm closed the port.", "Ships waited offshore.", "\u2014 Reuters", "The port reopened on Tuesday."), True),
    (("The storm closed the port.", "-- In Bergen, the quays were empty for a week.", "Ships waited offshore."), True),
])
def test_a_byline_a_credit_or_unknown_order_gives_no_quote(texts, ordered):
    assert found(*texts, ordered=ordered) == []
