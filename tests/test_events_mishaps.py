"""Harm no one inflicts: a natural disaster or a blaze is no act of force (``nlp/event_mishaps``),
while gunfire and arson stay assaults, and people wounded with no one named were wounded by someone.

Every sentence here was written for this file (made-up places Kessling and Ostara). Expected
values are the whole coded event: (type, mode, actor as written, target as written).
"""

from __future__ import annotations

import pytest
from test_events_targets import coded, nlp  # noqa: F401  (the module's parser fixture)


@pytest.mark.parametrize("text, expected", [
    # a disaster as subject, passive agent, relative antecedent, storm name or the phrase of a passive
    ("The earthquake struck the coast of Ostara on Monday.", []),
    ("The storm which struck Kessling last week destroyed hundreds of homes.", []),
    ("Many homes destroyed by Hurricane Marla were not insured.", []),
    ("Dozens of nurses were injured in the earthquake.", []),
    # a blaze: "a fire", "fires"
    ("A fire at a warehouse in Kessling killed two guards on Sunday.", []),
    ("A huge fire broke out at the fuel depot in Ostara.", []),
    # gunfire and arson stay assaults
    ("Troops opened fire on the marchers.", [("ASSAULT", "firearms", "Troops", "marchers")]),
    ("The convoy came under fire from rebels.", [("ASSAULT", "firearms", "rebels", "convoy")]),
    ("Tank fire killed two farmers.", [("ASSAULT", "firearms", None, "two farmers")]),
    ("Rioters set fire to the court in Kessling.", [("ASSAULT", "destroy", "Rioters", "court")]),
    ("Rebels struck the barracks overnight.", [("ASSAULT", "", "Rebels", "barracks")]),
])
def test_a_disaster_or_a_blaze_is_no_assault(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # people wounded with no one named: someone wounded them (unlike a disaster's wounded)
    ("Five guards were wounded in the port of Ostara.", [("ASSAULT", "", None, "Five guards")]),
    ("Dozens of nurses were wounded in the earthquake.", []),
])
def test_people_wounded_by_no_one_named(nlp, text, expected):
    assert coded(nlp, text) == expected

