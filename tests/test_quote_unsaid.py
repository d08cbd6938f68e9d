"""Frames of words not said (storyline.nlp.quote_unsaid): a silence, ``so called``, a
content that is only a time. Sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quotes import find_quotes
from storyline.settings import Settings


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
    assert [(q.speaker.text if q.speaker else "", [c.text for c in q.content])
            for q in find_quotes(annotate([text]), "a1", Settings())] == kept
