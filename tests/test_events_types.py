"""Which PLOVER type an event is, where the codebook draws the line: an allegation of an act is
ACCUSE, not the act; a manhunt is an investigation; a party's own call for a truce is AGREE; an
act "no longer" done has ended (as one lifted or halted).

Every sentence here was written for this file (made-up places Kessling, Ostara and Varnholt).
Expected values are the whole coded event: (type, mode, actor as written, target as written).
"""

from __future__ import annotations

import pytest
from test_events_targets import coded, nlp  # noqa: F401  (the module's parser fixture)

from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.events import find_events


@pytest.mark.parametrize("text, expected", [
    # the clause of an allegation is alleged, not told as done (PLOVER DISAPPROVE: "allege,
    # charge the target with ... crime"): who made it is its owner or whoever made it, else no one
    ("The mayor fled Ostara after allegations that he had beaten a journalist.",
     [("ACCUSE", "allege", None, "he")]),
    ("Rights groups made allegations that soldiers tortured detainees in Kessling.",
     [("ACCUSE", "allege", "Rights groups", "soldiers")]),
    ("There are suspicions that the militia shelled the market.",
     [("ACCUSE", "allege", None, "militia")]),
])
def test_an_alleged_act_is_an_accusation(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a search or hunt for a person is an investigation (PLOVER INVESTIGATE, now ACCUSE)
    ("Police in Varnholt are searching for two suspects after the shooting.",
     [("ACCUSE", "investigate", "Police in Varnholt", "two suspects")]),
    ("Officers were hunting for the men behind the bombing.",
     [("ACCUSE", "investigate", "Officers", "men")]),
    ("The police have launched a manhunt for the escaped prisoner.",
     [("ACCUSE", "investigate", "police", "escaped prisoner")]),
    # a search of a place stays a raid; a search for survivors is no act at all
    ("Troops searched the village for weapons.", [("COERCE", "seize", "Troops", "village")]),
    ("Rescuers are searching for survivors under the rubble.", []),
])
def test_a_manhunt_is_an_investigation(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a party's own call for a truce is its intent (PLOVER codes a warring side's own call to
    # end its conflict as AGREE)
    ("The rebel alliance called for a truce with the army on Monday.",
     ("AGREE", "", "rebel alliance", "army")),
    ("The government of Ostara sought a truce with the rebels.",
     ("AGREE", "", "government of Ostara", "rebels")),
    ("The militia called for a ceasefire on Monday.", ("AGREE", "", "militia", None)),
    # a third party's call stays a request
    ("The United Nations called for a ceasefire in Kessling.",
     ("REQUEST", "yield", "United Nations", "Kessling")),
    ("The envoy urged both sides to agree a ceasefire.", ("REQUEST", "yield", "envoy", "sides")),
])
def test_a_partys_own_call_for_a_truce_is_agree(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # a guest body leaving a country ends its presence (PLOVER SANCTION counts a guest body's
    # withdrawal); an army's withdrawal is a retreat
    ("The rights group Civic Rights Monitor has withdrawn from Ostara because of the fighting.",
     ("SANCTION", "withdraw", "rights group Civic Rights Monitor", "Ostara")),
    ("The United Nations withdrew from Kessling last week.",
     ("SANCTION", "withdraw", "United Nations", "Kessling")),
    ("The army withdrew from Kessling last week.", ("RETREAT", "withdraw", "army", "Kessling")),
])
def test_a_guest_body_withdrawing_is_a_sanction(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


def test_a_complementizer_misparsed_as_subject_is_no_actor(nlp):
    # the parser reads "that" as the subject of "talks": the actor is found by position instead
    assert coded(nlp, "The foreign minister told Al Jazeera that talks with Kessling would resume.") == \
        [("CONSULT", "", "foreign minister", "Kessling")]


def test_a_verb_tagged_as_a_noun_still_codes(nlp):
    # the tagger reads "cut" as a noun here; it heads the clause with a subject and an object
    assert coded(nlp, "Ostara on Monday cut Internet service in the south.") == \
        [("COERCE", "withhold", "Ostara", None)]


@pytest.mark.parametrize("text, expected", [
    # sending captives or migrants home is their return, taking refugees in is asylum (PLOVER
    # RETREAT and AID); "back" after the object still counts
    ("Ostara is sending about 150 of its prisoners back to Kessling.", ("RETREAT", "return", "Ostara", "Kessling")),
    ("Ostara sent the migrants back to Kessling.", ("RETREAT", "return", "Ostara", "Kessling")),
    ("Ostara handed the land back to Kessling.", ("RETREAT", "return", "Ostara", "Kessling")),
    ("Ostara took in 300 refugees this year.", ("AID", "asylum", "Ostara", "300 refugees")),
])
def test_people_sent_home_or_taken_in(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


def test_an_envoy_sent_back_is_no_return(nlp):
    assert coded(nlp, "Ostara sent the ambassador back to Kessling.") == []


def test_orders_to_act_are_the_orderers_act(nlp):
    # the infinitive's own object is what it acts on, not the noun it hangs from; an order to
    # release is the release by whoever orders it, as "ordered the release" is
    assert coded(nlp, "The minister issued orders to release 200 prisoners.") == \
        [("RETREAT", "release", "minister", "200 prisoners")]


def test_who_ignores_a_deadline_was_threatened(nlp):
    # a deadline is THREATEN aimed at whoever got it; ignoring it does not make one its author
    assert coded(nlp, "Kessling ignored a deadline to pull its troops back from the border.") == \
        [("THREATEN", "", None, "Kessling")]


@pytest.mark.parametrize("text, expected", [
    # signing, reaching or agreeing to a truce declares it (PLOVER CONCEDE: "declarations (but
    # not implementations) of ceasefires"), also a pact named for one; other pacts stay SUPPORT
    ("Ostara and the rebels signed a truce in Varnholt on Sunday.",
     ("CONCEDE", "", "Ostara", "rebels")),
    ("The two governments signed a cease-fire agreement after the border clashes.",
     ("CONCEDE", "", "two governments", None)),
    ("Kessling reached a ceasefire with the militia late on Friday.",
     ("CONCEDE", "", "Kessling", "militia")),
    ("The militia accepted the truce on Sunday.", ("CONCEDE", "", "militia", None)),
    ("Ostara accepted the peace plan.", ("AGREE", "", "Ostara", None)),
    ("Ostara and Kessling signed a fishing agreement on Monday.",
     ("SUPPORT", "", "Ostara", "Kessling")),
    # agreeing to a freeze, a halt or an end is a promised concession; to talks an intent
    ("The cabinet agreed to a one-year freeze on new mining permits.",
     ("CONCEDE", "", "cabinet", None)),
    ("The warlords agreed to an end to the siege of Varnholt.",
     ("CONCEDE", "", "warlords", "Varnholt")),
    ("The warlords agreed to a second round of talks.", ("AGREE", "", "warlords", None)),
])
def test_a_declared_truce_or_an_agreed_halt_is_a_concession(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # police appealing for help with a crime are investigating it (an appeal is no PLOVER demand)
    ("Police in Ostara appealed for witnesses to the stabbing.",
     ("ACCUSE", "investigate", "Police in Ostara", None)),
    ("Detectives said police had appealed to residents for dashcam footage.",
     ("ACCUSE", "investigate", "police", None)),
    # anyone else's appeal stays a request
    ("The mayor appealed to the unions to end the strike.", ("REQUEST", "yield", "mayor", "unions")),
])
def test_a_police_appeal_is_an_investigation(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # halting, freezing or curbing one's own building gives way on a policy (PLOVER CONCEDE),
    # also promised; freezing assets stays a sanction
    ("Varnholt has halted settlement construction on the ridge.",
     ("CONCEDE", "", "Varnholt", None)),
    ("The premier promised to curb settlement building.", ("CONCEDE", "", "premier", None)),
    # the same with a generic head ("settlement [activity]", "construction [work]")
    ("Varnholt will halt settlement activity near the ridge.", ("CONCEDE", "", "Varnholt", None)),
    ("The council announced a building freeze in the old town.", ("CONCEDE", "", "council", None)),
    ("Ostara froze the bank accounts of two generals.",
     ("SANCTION", "discontinue", "Ostara", "two generals")),
    # granting citizenship eases a restriction on persons (PLOVER CONCEDE)
    ("Kessling granted citizenship to four hundred refugees.",
     ("CONCEDE", "", "Kessling", "four hundred refugees")),
])
def test_halting_ones_own_building_is_a_concession(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # an armed group disbanding itself disarms (PLOVER RETREAT); the reflexive is no object
    ("The militia disbanded itself after the amnesty.", [("RETREAT", "disarm", "militia", None)]),
    ("The rebel units dissolved themselves in May.", [("RETREAT", "disarm", "rebel units", None)]),
    ("The choir dissolved itself in May.", []),
])
def test_an_armed_group_disbanding_itself_retreats(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a row's object condition holds for any of coordinated objects, as its subject condition
    # does: freeing activists is a release (PLOVER RETREAT) when lawyers come first
    ("The junta freed three lawyers and two student activists on Sunday.",
     [("RETREAT", "release", "junta", "three lawyers and two student activists")]),
    ("The junta released the statement and the photos on Sunday.", []),
])
def test_a_coordinated_object_meets_a_rows_condition(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # calling an act (its object) calls it into being: the caller's own strike, meeting or
    # rally, and a called ceasefire is declared (PLOVER CONCEDE); calling for one asks for it
    ("The union called a general strike for Monday.", [("PROTEST", "strike", "union", None)]),
    ("The premier called a cabinet meeting for the weekend.", [("CONSULT", "", "premier", None)]),
    ("The rebels called a ceasefire on Sunday.", [("CONCEDE", "", "rebels", None)]),
    ("The envoy called for a summit with Ostara.", [("REQUEST", "meet", "envoy", "Ostara")]),
])
def test_calling_an_act_is_the_callers_act(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # what another party should or must do, reported by a speaker, is the speaker's call on it
    # (PLOVER DEMAND, now REQUEST); whom the speaker told is the audience, not who is asked
    ("Hale said Ostara should withdraw its troops from the valley.",
     [("REQUEST", "yield", "Hale", "Ostara")]),
    ("Ostara must withdraw its troops from the valley, Hale told reporters.",
     [("REQUEST", "yield", "Hale", "Ostara")]),
    # "it" said by a person stands for someone else
    ("He said it should end its military aid at once.", [("REQUEST", "", "He", "it")]),
    # of the speaker (a pronoun may be), it stays a hedged act; asked by no one in the sentence
    # it is no act (test_events_guesses); "must have" is an inference about a past act
    ("Hale said she should resign.", [("RETREAT", "resign", "Hale", None)]),
    ("Ostara should withdraw its troops.", []),
    ("The junta must free the prisoners.", []),
])
def test_what_another_should_do_is_a_request(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_a_should_is_a_hedge_and_must_have_an_inference(nlp):
    sentence = "Hale said she should resign."
    assert [e.hedged for e in find_events(AnnotatedSentence(0, sentence, nlp(sentence), True))] == [True]
    sentence = "Ostara must have attacked the convoy."
    assert [(e.type, e.hedged) for e in find_events(AnnotatedSentence(0, sentence, nlp(sentence), True))] \
        == [("ASSAULT", True)]


@pytest.mark.parametrize("text, expected", [
    # what a negated verb of confirmation reports, or the report it does not confirm, is
    # unconfirmed: the act, hedged (not negated, not a threat)
    ("The ministry did not confirm a report that the governor had resigned.",
     [("RETREAT", "governor", False, True)]),
    ("Officials could not confirm that troops had shelled the town.",
     [("ASSAULT", "troops", False, True)]),
    ("Officials confirmed that troops had shelled the town.", [("ASSAULT", "troops", False, False)]),
])
def test_an_unconfirmed_report_is_hedged(nlp, text, expected):
    events = find_events(AnnotatedSentence(0, text, nlp(text), True))
    assert [(e.type, e.actor.text, e.negated, e.hedged) for e in events] == expected


@pytest.mark.parametrize("text, expected", [
    # asking or urging forces to act is a request of them; ordering or telling them to act
    # is the commander's own act
    ("Hale asked the army to withdraw from the town.", [("REQUEST", "yield", "Hale", "army")]),
    ("The general ordered the troops to withdraw from the town.",
     [("RETREAT", "withdraw", "general", "town")]),
])
def test_asking_forces_to_act_is_a_request(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an act that has stopped or will stop ends, as when it is lifted or halted
    ("Ostara no longer supplies arms to the rebels.", [("SANCTION", "discontinue", "Ostara", "rebels")]),
    ("The militia was no longer firing rockets at the port.", [("RETREAT", "ceasefire", "militia", "port")]),
    ("Kessling no longer threatens its neighbours.", [("CONCEDE", "", "Kessling", "its neighbours")]),
])
def test_an_act_no_longer_done_has_ended(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a past participle with no auxiliary, hedged by an adverb, describes harm done, unsure;
    # a modal still makes a threat of harm to come
    ("Three men, possibly kidnapped by the militia, are still missing.",
     [("ASSAULT", "abduct", "militia", "Three men")]),
    ("The militia could kidnap the three men.", [("THREATEN", "violence", "militia", "three men")]),
])
def test_harm_described_as_possible_is_no_threat(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "call for X to act" asks X to act (the parser makes "for X to act" a clause marked by
    # "for"): a request of X, not X's act, however the caller goes about it
    ("The strikers hurt the town of Ostara by calling for the mayor to step down.",
     [("REQUEST", "change", "strikers", "mayor")]),
    ("The union pressed for the minister to resign.", [("REQUEST", "change", "union", "minister")]),
    # voting for something to happen asks no one
    ("The council voted for the plant to close.", []),
])
def test_a_call_for_someone_to_act_asks_it_of_them(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # ordnance fired in battle is an attack with no target named; a missile alone may be a test
    ("Kessling troops fired rockets and mortars overnight.",
     [("ASSAULT", "heavy-weapons", "Kessling troops", None)]),
    ("The navy fired a missile on Tuesday.", [("MOBILIZE", "weapons", "navy", None)]),
    # a day after "on" says when, never at whom: no shot at Saturday
    ("The president fired his chief of staff on Saturday.", []),
    # military aircraft striking attack from the air
    ("Ostaran warplanes struck rebel positions near the river.",
     [("ASSAULT", "aerial", "Ostaran warplanes", "rebel positions")]),
    ("Kessling jets hit an army convoy outside Varnholt.",
     [("ASSAULT", "aerial", "Kessling jets", "army convoy")]),
    ("Helicopter gunships strafed the convoy.", [("ASSAULT", "aerial", "Helicopter gunships", "convoy")]),
    ("The militia pummelled the old town with mortars.",
     [("ASSAULT", "heavy-weapons", "militia", "old town")]),
    # tear gas, rubber bullets and shots in the air break up crowds (PLOVER crowd-control)
    ("Tear gas was fired outside the ministry on Friday.", [("ASSAULT", "crowd-control", None, None)]),
    ("Riot police fired rubber bullets and water cannon.", [("ASSAULT", "crowd-control", "Riot police", None)]),
    ("Soldiers fired into the air to hold back the crowd.", [("ASSAULT", "crowd-control", "Soldiers", None)]),
])
def test_weapons_fired_in_battle_attack(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a curfew or a ban that went or came into effect was imposed; a protest going into a new
    # week goes on
    ("A curfew went into effect in Varnholt on Friday.", [("COERCE", "curfew", None, "Varnholt")]),
    ("The ban on rallies came into force at midnight.", [("COERCE", "ban", None, None)]),
    ("The protests went into a third week.", [("PROTEST", "demo", None, None)]),
])
def test_a_measure_in_effect_was_imposed(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # recognising a rival council or the opposition as a government is diplomatic support
    ("Ostara recognised the rebel council as the government of Kessling.",
     [("SUPPORT", "", "Ostara", "rebel council")]),
    ("Kessling recognized the opposition as the sole representative of its people.",
     [("SUPPORT", "", "Kessling", "opposition")]),
    # begging someone to act asks it of them
    ("The minister begged the rebels to spare the city.", [("REQUEST", "", "minister", "rebels")]),
])
def test_recognition_and_pleas(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place or a person under a siege, a bombardment or an investigation undergoes it; laying a
    # siege carries it out
    ("Rebel-held Dorsk has been under siege since March.", [("COERCE", "restrict", None, "Rebel-held Dorsk")]),
    ("The port was under heavy bombardment on Friday.", [("ASSAULT", "heavy-weapons", None, "port")]),
    ("The governor is under investigation for fraud.", [("ACCUSE", "investigate", None, "governor")]),
    ("Kessling troops laid siege to the town of Varnholt.",
     [("COERCE", "restrict", "Kessling troops", "town of Varnholt")]),
    # only what the lexicon class beset lists: "under threat", "under assault" are mostly said of
    # values and rights (these two are coded if "be under" governs any event noun)
    ("The old harbour town is under threat.", []),
    ("Free speech in Varnholt is under assault, the union said.", []),
])
def test_what_a_place_is_under_it_undergoes(nlp, text, expected):
    assert coded(nlp, text) == expected
