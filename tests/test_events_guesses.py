"""The classifier's fallback guesses kept only where they can be news, and demands no one in the
sentence makes told as no act (events round 31). Sentences are made up."""

from __future__ import annotations

import pytest
from test_events_targets import coded, nlp  # noqa: F401  (the module's parser fixture)

from storyline.nlp.event_fallback import _TRIGGER_POS
from storyline.nlp.event_model import packaged_model


@pytest.mark.parametrize("text", [
    # the classifier hesitates between two types (COERCE barely ahead of the next): no guess
    "Only one of the police officers manages to hit his target.",
    # a clause that asks a question tells no act the classifier can vouch for
    "And who are the clans that are supporting Kaldor, anyway?",
    # the speaker or the one spoken to as the actor: the voice of an interview or a comment
    "I agree, and I have written the same about Varenia.",
    "We heard that there is a curfew in Northford.",
])
def test_unreliable_guesses_are_dropped(nlp, text):
    assert coded(nlp, text) == []


def test_a_close_call_is_what_is_dropped(nlp):
    # the first sentence above is dropped for its margin alone: the guess clears the least probability
    pred = packaged_model().predict(nlp("Only one of the police officers manages to hit his target."), _TRIGGER_POS)
    assert pred.probability >= 0.25 and pred.margin < 0.11


def test_a_clear_guess_stays(nlp):
    # a confident guess of a third party's act is kept
    assert [e[0] for e in coded(nlp, "An army drone downed a farmer's car near Kessling.")] == ["ASSAULT"]


@pytest.mark.parametrize("text, expected", [
    # what someone must, should, needs to or has to do, asked by no one in the sentence, is no act
    ("The ruler of Varenia must step down.", []),
    ("Kaldor needs to step down.", []),
    ("Kaldor has to step down immediately.", []),
    ("Kaldor must step down, and the army must return to its barracks.", []),
    # done because it had to be is done; a first person's must is the speaker's own resolve
    ("Kaldor had to step down in May.", [("RETREAT", "resign", "Kaldor", None)]),
    ("We must withdraw our troops.", [("RETREAT", "withdraw", "We", None)]),
    # asked by a speaker of another party it stays that speaker's request
    ("Ostara must withdraw its troops from the valley, Hale told reporters.",
     [("REQUEST", "yield", "Hale", "Ostara")]),
])
def test_a_demand_no_one_makes_is_no_act(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_we_reported_by_a_speaker_is_the_speakers_party(nlp):
    # "we" in a clause someone is said to speak is that speaker's side: the guess stays
    assert coded(nlp, "Sanctions were the only language Kessling understood, and we have stopped "
                      "speaking it, the minister said.") == [("RETREAT", "", "minister", None)]
