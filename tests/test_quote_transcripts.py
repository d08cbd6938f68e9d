"""Broadcast transcripts: a turn after a stage direction (``(BEGIN VIDEO CLIP) NAME:``) is
the named speaker's, and stage directions are no one's words. Sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quotes import find_quotes
from storyline.settings import Settings


def found(*texts: str) -> list[tuple[str, list[str]]]:
    return [(q.speaker.text if q.speaker else "", [c.text for c in q.content])
            for q in find_quotes(annotate(list(texts)), "a1", Settings())]


@pytest.mark.parametrize("text, kept", [
    ("(BEGIN VIDEO CLIP) HALVORSEN: We will open the bridge in the spring.",
     [("HALVORSEN", ["We will open the bridge in the spring"])]),
    ("(COMMERCIAL BREAK) * (COMMERCIAL BREAK) DAHL: Welcome back, we are talking about the harbour.",
     [("DAHL", ["Welcome back, we are talking about the harbour"])]),
    ("(END VIDEO CLIP) DAHL: That was the mayor speaking.", [("DAHL", ["That was the mayor speaking"])]),
])
def test_a_turn_after_a_stage_direction_is_the_named_speakers(text, kept):
    assert found(text) == kept


def test_a_stage_direction_is_not_carried_into_a_turn():
    assert found("DAHL: Here is what the mayor said today.", "(BEGIN VIDEO CLIP)", "We will open the bridge in the spring.",
                 "(END VIDEO CLIP)") == [("DAHL", ["Here is what the mayor said today"])]


@pytest.mark.parametrize("text, kept", [
    # a digest's region label in capitals is no speaker, even where the tagger finds no place
    ("PACIFIC RIM: Fishing Fleet Idle The tuna fleet (Courier) stayed in harbour for a second week.", []),
    ("NORTH AND WEST AFRICA: Farmers Block Highways Thousands of farmers blocked the main highway on Monday.", []),
    ("EUROPE: Ferry strike spreads to three more ports as talks stall.", []),
    # a place speaks for itself in the first person
    ("ASIA: We will sign the treaty.", [("ASIA", ["We will sign the treaty"])]),
    # a person's turn stays, a compass point alone or with a given name
    ("KANYE WEST: I think the show went well.", [("KANYE WEST", ["I think the show went well"])]),
    ("WEST: I think the show went well.", [("WEST", ["I think the show went well"])]),
])
def test_a_region_label_is_no_speaker(text, kept):
    assert found(text) == kept
