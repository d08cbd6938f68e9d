"""A quote's content ends at another speaker's turn and holds no half parenthesis
(storyline.nlp.quote_bounds). Sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quote_bounds import within_bounds
from storyline.nlp.quotes import find_quotes
from storyline.records import Span
from storyline.settings import Settings


def found(*texts: str) -> list[tuple[str, list[str]]]:
    return [(q.speaker.text if q.speaker else "", [c.text for c in q.content])
            for q in find_quotes(annotate(list(texts)), "a1", Settings())]


def piece(text: str, index: int = 0) -> Span:
    return Span(index, 0, len(text), text)


def bounded(*pieces: Span, sentence: str = "") -> list[str]:
    return [c.text for c in within_bounds(list(pieces), {p.sentence_index: sentence or p.text for p in pieces})]


def test_a_turn_ends_at_the_next_speaker_who_cuts_in():
    assert found("DAHL: The ferry has been late all winter -- LUND: But it came on time today.") == [
        ("DAHL", ["The ferry has been late all winter"])]


def test_a_carried_quote_ends_at_a_turn_inside_a_later_sentence():
    assert bounded(piece("We want a new ferry"), piece("I mean -- LUND: Not so fast.", 1),
                   piece("The island needs two.", 2)) == ["We want a new ferry", "I mean"]


@pytest.mark.parametrize("text, kept", [
    # a label without the punctuation of a turn before it is the content's own
    ("the host of THE HARBOUR HOUR: live", "the host of THE HARBOUR HOUR: live"),
    # nor is an abbreviation with no two capitals in a row a speaker's name
    ("it came from the U.S. U.S.: a reply", "it came from the U.S. U.S.: a reply"),
    ("we agree ... ROTH, PILOT: no", "we agree"),
])
def test_only_a_turn_label_cuts(text, kept):
    assert bounded(piece(text)) == [kept]


def test_a_live_page_stamp_is_no_part_of_the_content():
    assert found("(Updated 4:12 p.m. (2212 local)) The harbour police have closed the old ferry terminal, "
                 "according to Coast Radio.") == [("Coast Radio", ["The harbour police have closed the old ferry terminal"])]


@pytest.mark.parametrize("text, sentence, kept", [
    (") The bridge is closed", ") The bridge is closed", "The bridge is closed"),
    # the parse stopped inside an aside that closes soon: the aside is the content's
    ("the toll is two crowns (or three", "the toll is two crowns (or three at night), the office said.",
     "the toll is two crowns (or three at night)"),
    # a wire source's dateline is left out; an aside that does not close soon is left as cut
    ("the bridge is closed (Harbour Wire", "the bridge is closed (Harbour Wire) -- Boats wait in the port.",
     "the bridge is closed"),
    ("the toll is two crowns (or three", "the toll is two crowns (or three", "the toll is two crowns (or three"),
    ("the toll is two crowns (three at night) for cars", "the toll is two crowns (three at night) for cars",
     "the toll is two crowns (three at night) for cars"),
])
def test_a_content_holds_no_half_parenthesis(text, sentence, kept):
    assert bounded(piece(text), sentence=sentence) == [kept]


@pytest.mark.parametrize("text, kept", [
    # a dash and a noun phrase ranking the news close the sentence in the writer's voice
    ("Ferries stayed in port on Friday after the harbour board announced that it would halt all crossings "
     "-- the latest blow to the island trade.",
     [("the harbour board", ["that it would halt all crossings"])]),
    ("The mayor said the port would close -- the biggest loss of jobs in a decade.",
     [("The mayor", ["the port would close"])]),
    # one that does not rank it may be what was meant
    ("The mayor said the port would close -- a move that could cost jobs.",
     [("The mayor", ["the port would close -- a move that could cost jobs"])]),
])
def test_a_content_ends_before_the_writers_gloss_after_a_dash(text, kept):
    assert found(text) == kept


def test_a_report_is_not_carried_into_a_question_to_the_listener():
    assert found("The ferry company raised its fares in May.", "Supporters say the tunnel will cut travel times.",
                 "Would you trust them?", "The tunnel will open in the autumn.") == [
        ("Supporters", ["the tunnel will cut travel times"])]
    # a turn goes on into its own question
    assert found("HALE: The port would bring more jobs.", "Whats your view on that?") == [
        ("HALE", ["The port would bring more jobs", "Whats your view on that?"])]
