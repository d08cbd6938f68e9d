"""Events a reader of a crawl's event listing saw coded wrongly (round 26): a protest that only
dates the news, a crowd's demand in the streets read as a plain request, a town taken for the
people an act of force hit, the sentence's subject taken for the agent of a passive clause, a
law struck down read as a blow.

Every sentence here was written for this file (made-up places Kessling, Ostara and Varnholt).
Expected values are the whole coded event: (type, mode, actor as written, target as written).
"""

from __future__ import annotations

import pytest

from test_events_targets import coded, nlp  # noqa: F401  (the module's parser fixture)


@pytest.mark.parametrize("text", [
    # a protest begun or going on in a time clause dates the news: no new event, and no actor
    # by position (the reporter, the people hurt)
    "More than 300 people have been hurt since the demonstrations began in Kessling.",
    "Shops in Ostara stayed shut after the unrest erupted on Monday.",
    # an event ended in a time clause, whatever its type
    "Refugees have started to return since the war ended in Varnholt.",
    # the classifier keys on a protest that only says when
    "Old statues were broken during the protests in Kessling.",
    # a court striking down a law strikes no one
    "The court struck down the new statute on Tuesday.",
])
def test_no_event(nlp, text):
    assert coded(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # the sentence's own news stays when a time clause about protests is dropped
    ("The governor called for calm as the protests continued.", [("REQUEST", "", "governor", None)]),
    # protesters doing something during a protest are protesting
    ("Protesters hold a banner during the rally in Kessling.", [("PROTEST", "", "Protesters", None)]),
    # a time clause that tells what an act of force did is news
    ("Banks in Ostara stayed shut after an attack killed twelve guards.",
     [("ASSAULT", "", None, "twelve guards")]),
])
def test_time_clauses(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a crowd making its demand out in the streets protests (PLOVER: protests making demands)
    ("Thousands took to the streets of Kessling to demand the resignation of the governor.",
     [("PROTEST", "demo", "Thousands", "governor")]),
    ("Hundreds of farmers stayed in the streets overnight calling for lower fuel prices.",
     [("PROTEST", "demo", "Hundreds of farmers", None)]),
    # one protest, not also a request; "protestors" as well as "protesters"
    ("Protestors poured into the streets demanding new elections.", [("PROTEST", "demo", "Protestors", None)]),
    ("Hundreds of residents took to the streets demanding water.",
     [("PROTEST", "demo", "Hundreds of residents", None)]),
    ("Students took to the streets on Monday, demanding lower fees.", [("PROTEST", "demo", "Students", None)]),
    # one person in the streets, or a crowd not in them, asks
    ("The mayor stood in the street calling for calm.", [("REQUEST", "", "mayor", None)]),
    ("Thousands signed a letter demanding the resignation of the governor.",
     [("REQUEST", "change", "Thousands", "governor")]),
])
def test_crowds_in_the_streets(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an act of force on people is aimed at them, not at the town or square they were in
    ("Troops shot at crowds of mourners in Varnholt on Sunday.", [("ASSAULT", "firearms", "Troops", "crowds")]),
    ("Soldiers beat several marchers outside the parliament in Kessling.",
     [("ASSAULT", "beat", "Soldiers", "several marchers")]),
    ("Police arrested dozens of students at the university in Kessling.",
     [("COERCE", "arrest", "Police", "dozens of students")]),
    # marchers are a crowd to be dispersed
    ("Police dispersed the marchers with water cannon.", [("ASSAULT", "crowd-control", "Police", "marchers")]),
    # a thing placed by a name is reported whole
    ("Rebels shelled a hospital in Varnholt.", [("ASSAULT", "heavy-weapons", "Rebels", "hospital in Varnholt")]),
])
def test_people_hit_where_they_were(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a passive relative or adverbial clause that names no agent: the sentence's subject did
    # not do it (who released the reporter did not jail him)
    ("The leader ordered the release of a reporter who was jailed last month.",
     [("RETREAT", "release", "leader", "reporter"), ("COERCE", "arrest", None, "reporter")]),
    ("The army freed two hostages who had been kidnapped in May.",
     [("RETREAT", "release", "army", "two hostages"), ("ASSAULT", "abduct", None, "two hostages")]),
    ("The minister resigned after he was accused of fraud.",
     [("RETREAT", "resign", "minister", None), ("ACCUSE", "allege", None, "he")]),
    # a passive reported as the clause's own news keeps the actor by position
    ("Police said 20 people were arrested in Kessling.", [("COERCE", "arrest", "Police", "20 people")]),
])
def test_no_one_named_in_a_passive_clause(nlp, text, expected):
    assert coded(nlp, text) == expected
