"""How a quote's pieces read as one text (records.Quote.text)."""

from __future__ import annotations

from storyline.records import Quote, Span


def text(*pieces: Span) -> str:
    return Quote("a", pieces, None, None).text


def test_a_quote_in_pieces_shows_where_words_were_left_out():
    # "Our patience has limits, Ms Hale told MPs. If the troops stay, we act."
    assert text(Span(4, 0, 23, "Our patience has limits"), Span(5, 0, 27, "If the troops stay, we act.")) == \
        "Our patience has limits … If the troops stay, we act."
    # "The talks may start soon, officials say, but no date is set."
    assert text(Span(4, 0, 24, "The talks may start soon"), Span(4, 41, 59, "but no date is set")) == \
        "The talks may start soon … but no date is set"


def test_whole_sentences_of_a_quote_follow_each_other():
    assert text(Span(4, 0, 22, "We will not back down."), Span(5, 0, 13, "Not one step.")) == \
        "We will not back down. Not one step."
    assert text(Span(4, 0, 5, "Never")) == "Never"
