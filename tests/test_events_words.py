"""General English words of PLOVER types the lexicon lacked (round 21): working with a partner
or training together (COOPERATE), giving up a throne (RETREAT), a plea (REQUEST), denying entry
(REJECT), rearming (MOBILIZE), evicting people, demolishing homes and persecution (COERCE),
strangling, lynching, maiming, mutilating, molesting, poisoning, stabbings and skirmishes
(ASSAULT); an act of force committed or perpetrated is done, not promised; event nouns that a
telling, a count or pressing ahead realises; and a part of a group is of the group's kind.
Round 23: forming a coalition or a joint body (COOPERATE), announcing a treaty or an accord (AGREE).

Every sentence here was written for this file (made-up places Kessling and Ostara). Expected
values are the whole coded event: (type, mode, actor as written, target as written).
"""

from __future__ import annotations

import pytest
from test_events_targets import coded, nlp  # noqa: F401  (the module's parser fixture)


@pytest.mark.parametrize("text, expected", [
    ("Ostara partnered with Kessling to build a new railway.",
     [("COOPERATE", "", "Ostara", "Kessling")]),
    ("The two ministries coordinated with the Kessling police on border checks.",
     [("COOPERATE", "", "two ministries", "Kessling police")]),
    ("The agencies announced closer collaboration with Ostara on customs.",
     [("COOPERATE", "", "agencies", "Ostara")]),
    ("The king of Ostara abdicated on Tuesday.", [("RETREAT", "resign", "king of Ostara", None)]),
    ("The governor made a plea to the Ostaran government for food.",
     [("REQUEST", "", "governor", "Ostaran government")]),
    ("Ostara has begun to rearm after the war.", [("MOBILIZE", "weapons", "Ostara", None)]),
    ("The police evicted hundreds of families from the camp.",
     [("COERCE", "seize", "police", "hundreds of families")]),
    ("The government ordered the eviction of 300 families.",
     [("COERCE", "seize", "government", "300 families")]),
    ("Ostaran troops bulldozed houses near the border.",
     [("COERCE", "destroy", "Ostaran troops", None)]),
    ("The authorities began the demolition of homes in the old town.",
     [("COERCE", "destroy", "authorities", None)]),
    ("The regime persecuted Christians for decades.", [("COERCE", "restrict", "regime", "Christians")]),
    ("The regime stepped up its persecution of Christians.",
     [("COERCE", "restrict", "regime", "Christians")]),
    ("A mob lynched two men in Kessling.", [("ASSAULT", "primitive", "mob", "two men")]),
    ("The gunman strangled a guard before escaping.", [("ASSAULT", "primitive", "gunman", "guard")]),
    ("The militia maimed dozens of civilians.", [("ASSAULT", "", "militia", "dozens of civilians")]),
    ("A priest molested children at the school.", [("ASSAULT", "sexual", "priest", "children")]),
    ("Someone poisoned the opposition leader in Kessling.",
     [("ASSAULT", "", "Someone", "opposition leader")]),
    ("The army fought a skirmish with rebels near Kessling.", [("ASSAULT", "", "army", "rebels")]),
    # refusing to let someone in (PLOVER REJECT: refuse to allow access to international actors)
    ("Ostara denied entry to a team of UN monitors.", [("REJECT", "", "Ostara", "UN monitors")]),
    ("Kessling denied the journalists access to the camp.", [("REJECT", "", "Kessling", "journalists")]),
    # training together is a military exchange (PLOVER COOPERATE: joint games and manoeuvres)
    ("The two armies held joint training near the border.", [("COOPERATE", "", "two armies", None)]),
    ("Ostaran troops began training with the Kessling navy.",
     [("COOPERATE", "", "Ostaran troops", "Kessling navy")]),
])
def test_general_words_of_each_type(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The minister abdicated responsibility for the crisis.",  # a duty given up, no office
    "The defendant entered a guilty plea in the Kessling court.",  # a plea in court
    "The army evicted the rebels from the town.",  # forces driven out are no evicted people
    "The bombing maimed his heart.",  # only people are maimed
    "Poor harvests have poisoned relations between Ostara and Kessling.",
    "The police finished their training in Kessling.",  # no one trained with
])
def test_the_same_words_used_for_no_such_act(nlp, text):
    assert coded(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # an act of force committed was done ("committed" had made it a promise: THREATEN)
    ("The rebels committed a massacre in Kessling.",
     [("ASSAULT", "massacre", "rebels", "Kessling")]),
    ("The militia perpetrated a massacre in Kessling.",
     [("ASSAULT", "massacre", "militia", "Kessling")]),
])
def test_an_act_of_force_committed_was_done(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a telling or a confirmation of a pair's act tells that act, the pair split into its roles
    ("The agency reported clashes between the army and rebels in Kessling.",
     [("ASSAULT", "", "army", "rebels")]),
    ("The ministry reported talks between Ostara and Kessling.", [("CONSULT", "", "Ostara", "Kessling")]),
    ("Witnesses described attacks by the militia on two villages.",
     [("ASSAULT", "", "militia", "two villages")]),
    # a count of acts holds them as a series does
    ("The envoy described a number of brutal attacks by the militia on villagers.",
     [("ASSAULT", "", "militia", "villagers")]),
    # going on with an act is doing it
    ("Ostara pressed ahead with its offensive against the rebels.", [("ASSAULT", "", "Ostara", "rebels")]),
])
def test_event_nouns_told_counted_or_pressed_ahead_with(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the classifier's event on a telling verb: who told of the act did not do it, and the act
    # is of its noun's type (the classifier had coded an ASSAULT by the officials)
    ("The ministry reported the attacks.", [("ASSAULT", "", None, None)]),
    ("Officials reported the arrest of three students.", [("COERCE", "arrest", None, None)]),
    ("Witnesses reported heavy shelling by the army.", [("ASSAULT", "heavy-weapons", "army", None)]),
])
def test_who_tells_of_an_act_did_not_do_it(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a beheading is an execution, told or done ('the beheading of X by Y': Y -> X)
    ("Witnesses described the beheading of a soldier by the militants.",
     [("ASSAULT", "execute", "militants", "soldier")]),
    # the classifier's event on a telling verb whose object is no known act: no event, since
    # the teller did not do it and what was told has no type ('State radio' had been an attacker)
    ("Witnesses reported loud explosions in the besieged town of Kessling.", []),
    ("State radio described the explosions as a terrorist attack.", []),
])
def test_a_telling_of_no_known_act_is_no_event(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a part of a group is of the group's kind, and its span keeps what it is a part of
    ("The rebels freed some of the prisoners on Monday.",
     [("RETREAT", "release", "rebels", "some of the prisoners")]),
    ("The police arrested all of them.", [("COERCE", "arrest", "police", "all of them")]),
    ("Ostara expelled several of the Kessling diplomats.",
     [("SANCTION", "expel", "Ostara", "Kessling diplomats")]),
])
def test_a_part_of_a_group_is_of_its_kind(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # forming a body with others is cooperating (round 23): a coalition, a consortium, a joint
    # task force or working group, formed, set up, established or forged
    ("Ostara and Kessling formed a coalition to fight the smugglers.",
     [("COOPERATE", "", "Ostara", "Kessling")]),
    ("A joint task force was set up by Ostara and Norland on Monday.",
     [("COOPERATE", "", "Ostara", "Norland")]),
    ("Several aid groups have formed a working group on refugee housing.",
     [("COOPERATE", "", "Several aid groups", None)]),
    ("The two firms set up a consortium to bid for the port.", [("COOPERATE", "", "two firms", None)]),
    # ... but not a government, even a coalition one
    ("The ruling party formed a coalition government with the Greens.", []),
    # announcing a treaty or an accord is agreeing, as announcing an agreement is; signing or
    # ratifying one stays SUPPORT
    ("Ostara announced a new treaty with Kessling on fishing rights.", [("AGREE", "", "Ostara", "Kessling")]),
    ("Ostara and Kessling unveiled a trade accord on Tuesday.", [("AGREE", "", "Ostara", "Kessling")]),
    ("The treaty was ratified by parliament on Monday.", [("SUPPORT", "", "parliament", None)]),
])
def test_forming_a_joint_body_and_announcing_a_treaty(nlp, text, expected):
    assert coded(nlp, text) == expected
