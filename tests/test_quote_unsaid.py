"""Frames of words not said (storyline.nlp.quote_unsaid): a silence, ``so called``, a
content that is only a time, a kind of utterance, words wished for. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quotes import find_quotes
from storyline.settings import Settings


def found(text: str) -> list[tuple[str, list[str]]]:
    return [(q.speaker.text if q.speaker else "", [c.text for c in q.content])
            for q in find_quotes(annotate([text]), "a1", Settings())]


@pytest.mark.parametrize("text, kept", [
    # a silence is no quote; words that say nothing changed are
    ("The harbour office says nothing, as usual.", []),
    ("The harbour office said nothing about the ferry.", []),
    ("The harbour office said that nothing had changed.", [("The harbour office", ["that nothing had changed"])]),
    # "so called" is an adjective
    ("Their So Called INDEPENDENT - REVIEW of the Ferry Contract.", []),
    # a participle's time is no content; the finding of the survey is
    ("The island survey published only two hours ago finds that most islanders want a bridge.",
     [("The island survey", ["that most islanders want a bridge"])]),
])
def test_words_not_said(text, kept):
    assert found(text) == kept


@pytest.mark.parametrize("text, kept", [
    # a plural or bare noun naming a kind of utterance gives no words, nor does a verb the
    # parser coordinated with it
    ("Fans chanted slogans and lit flares outside the stadium.", []),
    ("They shouted abuse at the police.", []),
    # a clause on the noun gives its words
    ("The crowd chanted slogans calling for the mayor to quit.",
     [("The crowd", ["slogans calling for the mayor to quit"])]),
    # words someone wants said, or not, were not said
    ("If we dont want officials telling farmers that they must sell their land, we need to listen.", []),
    ("Lund said she wants voters to know that the plan is fair.",
     [("Lund", ["she wants voters to know that the plan is fair"])]),
])
def test_a_kind_of_utterance_or_words_wished_for_are_no_quote(text, kept):
    assert found(text) == kept
