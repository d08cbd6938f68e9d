"""What a reader of a crawled news page would see coded wrongly: broadcast transcripts'
courtesies, interviews, a live page's entry stamps, an anchor addressed by name, opinions.

Every sentence here was written for this file (made-up places Kessling, Ostara and Varnholt,
made-up people). Expected values are the whole coded event: (type, mode, actor as written,
target as written).
"""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.events import find_events
from test_events_targets import coded, nlp  # noqa: F401  (the module's parser fixture)


@pytest.mark.parametrize("text", [
    # a transcript's thanks and guests are no support, protest or cooperation
    "Doctor Hale, thank you for your time.",
    "Thank you very much.",
    "Ambassador Hale, thanks so much for coming on the programme.",
    "We thank you both for being with us tonight.",
    "He joins me now by phone.",
    # an interjection of relief or faith thanks no party
    "Thank God the road to Ostara was open again.",
    "Thank goodness no one was hurt in the crash.",
    "Residents thanked Allah for the quiet night.",
    # an interview is no consultation
    "The coach talked to the Varnholt Daily before the match.",
    "The minister spoke with journalists after the summit.",
    "And he talked to us about the economy.",
    # the teller's own talks, or the addressee's, are interviews and chats: no party is named
    "I spoke earlier with the mayor of Ostara.",
    "We had a long talk with the protesters yesterday.",
    "You met him when you were in Kessling.",
    # whom the text addresses does nothing the news tells, whatever the act
    "You can not blame the mayor for the floods.",
    "You backed the militia for years.",
    # an opinion is no agreement
    "And I think Hale would agree.",
])
def test_no_event(nlp, text):
    assert coded(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("The Ostaran president thanked Kessling for its help.",
     [("SUPPORT", "", "Ostaran president", "Kessling")]),
    ("The minister spoke with his Kessling counterpart.",
     [("CONSULT", "", "minister", "his Kessling counterpart")]),
    # "we" given a speaker by the sentence is the speaker
    ("We met the envoy in Kessling, the minister said.", [("CONSULT", "", "minister", "envoy")]),
    # and within quotation marks "we" is a speaker named around the sentence, not the teller
    ('"We held talks with the rebels in Kessling today.', [("CONSULT", "", "We", "rebels in Kessling")]),
    ('"You attacked our villages," the elder told the militia.', [("ASSAULT", "", "You", "our villages")]),
    ("Ostara and Kessling agreed on a framework for a power-sharing government.",
     [("AGREE", "", "Ostara", "Kessling")]),
    ("Ostara warned that it would retaliate against any attack.",
     [("THREATEN", "violence", "Ostara", None)]),
])
def test_the_same_words_for_parties_still_code(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_a_live_pages_entry_stamp_is_no_actor(nlp):
    text = ("(Update 7:42 p.m. in Varnholt, 12:42 ET) Ostaran Prime Minister Aldo Brenner welcomed "
            "the army's intention to honor its treaty with Kessling.")
    assert coded(nlp, text)[0][2] == "Ostaran Prime Minister Aldo Brenner"


@pytest.mark.parametrize("text, expected", [
    # an anchor addressed at the end is no target; "it is time for X to go" asks X to go
    ("It was time for President Hale to step down, Candy.", ("REQUEST", "change", None, "President Hale")),
    ("The opposition said it was time for the army to withdraw from Kessling.",
     ("REQUEST", "yield", "opposition", "army")),
    # who is urged in the passive is asked, not the asker
    ("Kessling was urged to withdraw its troops.", ("REQUEST", "yield", None, "Kessling")),
])
def test_who_is_asked(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


def test_a_mention_of_an_act_is_hedged(nlp):
    text = "Hale made no mention of stepping down."
    assert [(e.type, e.hedged) for e in find_events(AnnotatedSentence(0, text, nlp(text), True))] == \
        [("RETREAT", True)]


@pytest.mark.parametrize("text, expected", [
    # a request voiced by an act is the act's agent's, or whoever held it; not a name before it
    ("Photographer Dana Rourke took these pictures at the rally, capturing the protest calling for "
     "President Hales resignation.", ("REQUEST", "change", None, "President Hales")),
    ("Students held a protest calling for the release of their teachers.",
     ("REQUEST", "yield", "Students", "their teachers")),
])
def test_a_request_voiced_by_an_act(nlp, text, expected):
    assert [e for e in coded(nlp, text) if e[0] == "REQUEST"] == [expected]
