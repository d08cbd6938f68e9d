"""Who did it to whom: the actor and target of an event as a reader would underline them
(storyline.nlp.event_spans, event_args, event_pronouns): brackets, the doer of an act told
as a gerund or a coordinated noun, and first-person pronouns.

Every sentence here was written for this file (made-up places Northford, Varenia and Kessling,
made-up people). Expected values are the whole coded event: (type, mode, actor as written,
target as written).
"""

from __future__ import annotations

import pytest

from test_events_targets import coded, nlp  # noqa: F401  (the module's parser fixture)


@pytest.mark.parametrize("text, expected", [
    # a live page's time stamp closes its bracket before the name: no part of it
    ("(Update 3 p.m. Kessling, 8 a.m. ET) Northford has sent two planes to Varenia.",
     [("MOBILIZE", "troops", "Northford", "Varenia")]),
    # an editor's insertion in brackets is part of the name
    ("Rebels shelled the (pro-Oren) brigades near the coast.",
     [("ASSAULT", "heavy-weapons", "Rebels", "(pro-Oren) brigades")]),
])
def test_a_span_holds_brackets_in_pairs(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a chronology's date before a dash is no part of the name
    ("May 2 - Varenian rebels seize the port of Kessling.",
     [("COERCE", "seize", "Varenian rebels", "Kessling")]),
    # nor a clause before a dash
    ("Some villagers are proud but others are fearful - rebels have kidnapped two teachers.",
     [("ASSAULT", "abduct", "rebels", "two teachers")]),
])
def test_a_span_stops_at_a_dash_without_its_mate(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a gerund standing as a noun: its "by" phrase did it, not whoever suffered it
    ("Two villagers died in shelling by Northford troops.",
     [("ASSAULT", "heavy-weapons", "Northford troops", "Two villagers")]),
    # a "by" phrase after the last of coordinated acts did them all
    ("A man whose torture and killing by Northford police prompted protests was buried.",
     [("ASSAULT", "", "Northford police", None)]),
])
def test_the_doer_of_an_act_told_as_a_noun(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "we" stands for whoever says it, not for the subject of any clause above it
    ("The senator made a mistake when we invaded Varenia.", [("ASSAULT", "", "we", "Varenia")]),
    # ... the subject of a verb of speech, or of the verb a subjectless one hangs on
    ("Minister Tal Oren said we would send aid to Varenia.", [("AGREE", "", "Minister Tal Oren", "Varenia")]),
    ("The foreign ministry issued a statement on Friday, saying we will send aid to Varenia.",
     [("AGREE", "", "foreign ministry", "Varenia")]),
    # ... a question asked is speech too
    ("In her speech, Minister Tal Oren asked: why is it urgent that we should send troops to Varenia?",
     [("MOBILIZE", "troops", "Minister Tal Oren", "Varenia")]),
])
def test_a_first_person_pronoun_stands_for_its_speaker(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_a_name_found_by_position_is_the_whole_title(nlp):
    # the actor by position is the person a nationality and a title qualify, not the nationality
    assert coded(nlp, "Varenian Foreign Minister Tal Oren said the border would be closed.") == [
        ("THREATEN", "restrict", "Varenian Foreign Minister Tal Oren", None)]


@pytest.mark.parametrize("text, expected", [
    # a one-sided act two parties agree or pledge to do together: both are its actor
    ("Varenia and Northford have agreed to provide humanitarian aid.",
     [("AGREE", "", "Varenia and Northford", None)]),
    ("Forty countries and three agencies have pledged about 34 billion dollars.",
     [("AGREE", "", "Forty countries and three agencies", None)]),
    # ... while agreeing to meet is an agreement of the one with the other
    ("Varenia and Northford agreed to meet in May.", [("AGREE", "", "Varenia", "Northford")]),
])
def test_a_joint_promise_is_not_made_to_each_other(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_a_semicolon_parts_an_actor_found_by_position(nlp):
    # a clause after a semicolon is told as a sentence of its own: the troops killed no one here
    assert coded(nlp, "Officials say Varenian troops are near the border; twelve farmers were killed on Sunday.") == [
        ("ASSAULT", "", None, "twelve farmers")]
