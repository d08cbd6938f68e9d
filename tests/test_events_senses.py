"""Words of force, calls and promises read in the sense a crawl reader meant: shots fired into
the air in joy (``nlp/event_air_shots``), a camera that shoots, criticism told as fire, a name
given with "call", looting that is a riot, a seizure or a crime, support offered or pledged, a
risk told as a threat, a broadcast's greeting, a private visit, protests that toppled a ruler,
the verb that speaks for the classifier's guess.

Every sentence here was written for this file (made-up places Kessling, Ostara and Varenia,
made-up people). Expected values are the whole coded event: (type, mode, actor as written,
target as written).
"""

from __future__ import annotations

import pytest
from test_events_targets import coded, nlp  # noqa: F401  (the module's parser fixture)


@pytest.mark.parametrize("text, expected", [
    # shots into the air in joy, or by a convoy or a crowd with no aim: no act of force
    ("Rebel fighters fired into the air in celebration after taking the town.", []),
    ("Men fired their rifles into the air to celebrate the fall of the capital.", []),
    ("Soldiers fired their rifles into the air to celebrate the victory.", []),
    ("A convoy of fighters entered Kessling, firing their weapons into the air.", []),
    ("Crowds of supporters waved flags and fired guns in the air.", []),
    # forces firing into the air, warning shots, shots fired to frighten: crowd control
    ("Soldiers fired into the air to disperse the crowd in Kessling.",
     [("ASSAULT", "crowd-control", "Soldiers", "crowd in Kessling"),
      ("ASSAULT", "crowd-control", "Soldiers", "crowd in Kessling")]),
    ("Police fired into the air in order to keep the marchers back.",
     [("ASSAULT", "crowd-control", "Police", None)]),
    ("Guards fired warning shots into the air.", [("ASSAULT", "crowd-control", "Guards", None)]),
    ("Gunmen fired into the air to terrorise the villagers.", [("ASSAULT", "crowd-control", "Gunmen", None)]),
    ("Troops fired their rifles into the air near the square.",
     [("ASSAULT", "crowd-control", "Troops", None)]),
])
def test_shots_into_the_air(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a camera, fireworks, flames and words are shot with no shooting
    ("Tal Oren shot video of the rally in Kessling.", []),
    ("The pipeline exploded, shooting flames into the air.", []),
    ("The crowd chanted and shot off fireworks in the square.", []),
    ("The mayor shot down the speculation about his health.", []),
    # people and aircraft shot stay assaults
    ("Gunmen shot two guards in Kessling.", [("ASSAULT", "firearms", "Gunmen", "two guards")]),
    ("Rebels shot down a helicopter near Ostara.", [("ASSAULT", "firearms", "Rebels", "helicopter")]),
])
def test_what_is_shot(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # under fire for something done: criticism (PLOVER ACCUSE), not gunfire
    ("The ministry came under fire for its handling of the floods in Varenia.",
     [("ACCUSE", "disapprove", None, "ministry")]),
    ("The Ostara council has come under fire over the new tax.",
     [("ACCUSE", "disapprove", None, "Ostara council")]),
    # under fire for a stretch of time, or from someone: gunfire
    ("The Varenian patrol came under fire for two hours near Kessling.",
     [("ASSAULT", "firearms", None, "Varenian patrol")]),
])
def test_under_fire_for_something_is_criticism(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # calling someone something gives a name: no phone call, no request
    ("Tal Oren called the Ostara government illegitimate.", []),
    ("Varenia called Minister Ada Roth a liar.", []),
    # a call to someone, and a call on or for someone, stay events
    ("Tal Oren called Ada Roth on Monday.", [("CONSULT", "phone", "Tal Oren", "Ada Roth")]),
    ("Varenia called on Ostara to free the prisoners.", [("REQUEST", "yield", "Varenia", "Ostara")]),
])
def test_calling_someone_something(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # protesters or a mob looting riot; troops looting seize property; looters and people at
    # large commit a crime, which PLOVER codes apart: no event
    ("Protesters looted the party offices in Kessling.", [("PROTEST", "riot", "Protesters", "party offices")]),
    ("Soldiers looted homes in the village.", [("COERCE", "seize", "Soldiers", "homes")]),
    ("Looters ransacked the museum in Ostara.", []),
    ("Shops were looted in Kessling.", []),
    ("Two residents confessed to looting a bakery in Kessling.", []),
    ("Local people looted the fuel depot in Kessling.", []),
])
def test_who_loots(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # support offered, pledged or lent is support voiced (PLOVER SUPPORT)
    ("Minister Tal Oren offered support for the Varenian president.",
     [("SUPPORT", "", "Minister Tal Oren", "Varenian president")]),
    ("Varenia pledged its solidarity with Ostara.", [("SUPPORT", "", "Varenia", "Ostara")]),
    ("The union lent its support to the strike.", [("SUPPORT", "", "union", None)]),
    # support in kind, help or a promise to support: a promise (PLOVER AGREE)
    ("Varenia pledged financial support for Ostara.", [("AGREE", "", "Varenia", "Ostara")]),
    ("Varenia offered help to Ostara.", [("AGREE", "", "Varenia", "Ostara")]),
    ("Varenia pledged to support the new government in Ostara.", [("AGREE", "", "Varenia", "new government")]),
])
def test_support_offered_or_pledged(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a state of affairs or a disaster that threatens something puts it at risk: no one threatens
    ("Protests in Varenia threaten oil prices.", []),
    ("Unrest that threatens the regime in Ostara spread on Monday.", []),
    ("Varenia threatened Ostara with sanctions.", [("THREATEN", "", "Varenia", "Ostara")]),
])
def test_what_puts_at_risk_threatens_no_one(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a broadcast's or a page's greeting welcomes no party
    ("We welcome comments.", []),
    ("I would like to welcome our viewers in Ostara.", []),
    ("And welcome to our viewers around the world.", []),
    ("Varenia welcomed the decision by Ostara.", [("SUPPORT", "", "Varenia", "Ostara")]),
])
def test_a_greeting_welcomes_no_party(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a visit to kin, a web page, a shop or a museum, or a tourist's, meets no party
    ("Tal Oren was visiting her sister in Kessling.", []),
    ("Please visit our web site.", []),
    ("Ada Roth visited a coffee shop in Ostara.", []),
    ("Last year two million tourists visited Varenia.", []),
    # a visit to a state or to a party stays a meeting
    ("The Varenian president visited Ostara on Monday.", [("CONSULT", "visit", "Varenian president", "Ostara")]),
    ("The envoy visited the rebels in Kessling.", [("CONSULT", "visit", "envoy", "rebels")]),
])
def test_a_private_visit_meets_no_party(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # protests that brought a ruler down happened, aimed at the ruler
    ("Weeks of protests toppled the Varenian president in March.",
     [("PROTEST", "demo", None, "Varenian president")]),
    ("Mass demonstrations brought down the government of Ostara.",
     [("PROTEST", "demo", None, "government of Ostara")]),
    # who topples a statue protests against no one
    ("Rebels toppled the statue in the square.", []),
])
def test_protests_that_toppled_a_ruler(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb too general to speak for the classifier's guess carries no event
    ("The talks may involve the shipping company of Ostara, which is not on the list of sanctions.", []),
    ("The war has become the longest of the uprisings in the region.", []),
    # an attribution is no act: the clause it hangs on speaks for the guess, with its parties
    ("Ostara receives about 2 million dollars in military aid from Varenia every year, according to budget figures.",
     [("AID", "", "Varenia", "Ostara")]),
])
def test_the_classifiers_verb(nlp, text, expected):
    assert coded(nlp, text) == expected
