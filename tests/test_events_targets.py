"""Whom an event is aimed at: targets that are places, comparisons or owners, not parties
(storyline.nlp.event_roles, event_fallback), names that only set the scene (event_scene), and
who faces a charge or appeals a sentence.

Every sentence here was written for this file (made-up places Kessling, Ostara and Norland).
Expected values are the whole coded event: (type, mode, actor as written, target as written).
"""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model
from storyline.nlp.events import find_events
from storyline.settings import DEFAULTS


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def coded(nlp, text: str) -> list[tuple]:
    return [(e.type, e.mode, e.actor.text if e.actor else None, e.target.text if e.target else None)
            for e in find_events(AnnotatedSentence(0, text, nlp(text), True))]


@pytest.mark.parametrize("text, expected", [
    # how far a protest spread is no one it is aimed at
    ("Protesters rallied across Ostara on Friday.", ("PROTEST", "demo", "Protesters", None)),
    ("Unions staged strikes throughout Ostara.", ("PROTEST", "strike", "Unions", None)),
    # the point a bearing is told from is where, not whom
    ("Gunmen attacked a checkpoint in a town north of Kessling.", ("ASSAULT", "", "Gunmen", "checkpoint")),
    # a name before the head only says whose the patrol is
    ("Late on Tuesday a rocket attack on a UN aid convoy wounded three drivers.",
     ("ASSAULT", "", None, "UN aid convoy")),
    # a town or street named with a visit, a pledge or a refusal is where, not whom
    ("The premier will visit the village on Friday.", ("AGREE", "", "premier", None)),
    ("The envoy visited the town and spoke to traders on Harbour Street.", ("CONSULT", "visit", "envoy", None)),
    ("The cabinet rejected a demand to halt drills near the Sarn valley.", ("REJECT", "yield", "cabinet", None)),
    # ... and a state's name stays
    ("Ostara rejected a call from Kessling to halt its drills near the Sarn valley.",
     ("REJECT", "yield", "Ostara", "Kessling")),
    # ... and so is a name that only says which town or city ("the town of X")
    ("The council held its first meeting on Saturday in the eastern city of Kessling.",
     ("CONSULT", "", "council", None)),
    ("Thousands protested in the northern town of Kessling on Friday.", ("PROTEST", "demo", "Thousands", None)),
    # ... while a name alone stays: it may stand for a state
    ("Thousands protested in Kessling on Friday.", ("PROTEST", "demo", "Thousands", "Kessling")),
    # ... but a state's capital is the city; the state itself is aimed at (a protest, aid)
    ("Thousands protested in Cairo on Friday.", ("PROTEST", "demo", "Thousands", None)),
    ("Students marched in Damascus and Baghdad.", ("PROTEST", "demo", "Students", None)),
    ("Thousands protested in Egypt on Friday.", ("PROTEST", "demo", "Thousands", "Egypt")),
    ("The league delivered aid in Haiti on Tuesday.", ("AID", "", "league", "Haiti")),
    ("The league delivered aid in Port-au-Prince on Tuesday.", ("AID", "", "league", None)),
    # what a pledge goes to is its recipient, place or not
    ("The league will send food to the flooded valley.", ("AGREE", "", "league", "flooded valley")),
    # how a thing goes is what criticism is about, not whom it is aimed at
    ("Shopkeepers condemned the slow progress on the new bridge.", ("ACCUSE", "disapprove", "Shopkeepers", None)),
])
def test_a_place_or_an_owner_is_no_target(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


def test_who_faces_an_indictment_is_its_target(nlp):
    assert coded(nlp, "The governor, facing a federal indictment, denied the charges.") == [
        ("ACCUSE", "allege", None, "governor"), ("REJECT", "", "governor", None)]


def test_protesters_appeal_at_law_is_no_protest(nlp):
    assert coded(nlp, "The jailed protesters appealed against their sentences in the high court.") == [
        ("REQUEST", "", "jailed protesters", None)]
    # a demand they make is still their protest
    assert coded(nlp, "Protesters appealed to the mayor for jobs.")[0][:2] == ("PROTEST", "demo")


@pytest.mark.parametrize("text, target", [
    ("Rebels shelled the depot rather than Ostara.", "depot"),
    ("Jets bombed a bakery in a town east of Kessling.", "bakery"),
])
def test_a_name_that_only_places_the_target_is_not_it(nlp, text, target):
    assert [e[3] for e in coded(nlp, text)] == [target]


@pytest.mark.parametrize("text, expected", [
    # where a march went is no one it is aimed at
    ("Thousands of demonstrators marched through Varnholt on Friday.",
     ("PROTEST", "demo", "Thousands of demonstrators", None)),
    ("Thousands of demonstrators marched through Varnholt's streets on Friday.",
     ("PROTEST", "demo", "Thousands of demonstrators", None)),
    # people doing something to someone, in a participle on them, act on that someone
    ("Rifles made in Kessling have ended up with insurgents fighting Ostaran forces in the north.",
     ("ASSAULT", "", "insurgents", "Ostaran forces")),
    ("Police officers arresting protesters were filmed by residents.",
     ("COERCE", "arrest", "Police officers", "protesters")),
])
def test_a_route_is_no_target_and_a_participle_on_people_is_theirs(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # what a bomber detonates or sets off is the means; the bombing is aimed at whom it killed
    ("A bomber detonated his vest at a checkpoint, killing four soldiers.",
     ("ASSAULT", "explosives", "bomber", "four soldiers")),
    ("The militant set off his explosives near a market, killing six people.",
     ("ASSAULT", "explosives", "militant", "six people")),
    ("The bomber exploded his belt among the worshippers.",
     ("ASSAULT", "explosives", "bomber", "worshippers")),
    # a thing blown up is still the target
    ("The army blew up the bridge.", ("ASSAULT", "explosives", "army", "bridge")),
])
def test_a_charge_set_off_is_no_target(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # pressing someone to act asks it of them: the presser requests, the one pressed is the target
    ("The ministry put pressure on Arnholt to withdraw.", ("REQUEST", "yield", "ministry", "Arnholt")),
    ("The envoys kept up pressure on the junta to release the prisoners.",
     ("REQUEST", "yield", "envoys", "junta")),
    ("Washington pressured Arnholt to withdraw its troops.", ("REQUEST", "yield", "Washington", "Arnholt")),
    ("The rebels came under pressure to withdraw.", ("REQUEST", "yield", None, "rebels")),
    # where an appeal was made is not whom it asks
    ("The minister made an appeal on television to end the strike.", ("REQUEST", "yield", "minister", None)),
])
def test_who_is_pressed_to_act_is_asked(nlp, text, expected):
    assert coded(nlp, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # time given to act is a deadline set by the giver, not the giver's own act
    ("The council gave Vellmark a week to withdraw its forces.", ("THREATEN", "", "council", "Vellmark")),
    ("The army gave the protesters until Friday to end the sit-in.", ("THREATEN", "", "army", "protesters")),
    ("The UN gave the rebels a deadline to withdraw from the city.", ("THREATEN", "", "UN", "rebels")),
])
def test_time_given_to_act_is_a_deadline(nlp, text, expected):
    assert coded(nlp, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # a participle on an act of force: the act's doer acts on the participle's object
    ("A rebel attack killing twelve soldiers shocked the capital.", ("ASSAULT", "", "rebel", "twelve soldiers")),
    ("An army raid killing five militants was reported on Monday.", ("ASSAULT", "", "army", "five militants")),
    ("An airstrike killing six civilians went unreported.", ("ASSAULT", "aerial", None, "six civilians")),
])
def test_an_attack_killing_people_has_roles(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


def test_a_road_stands_for_where_it_leads(nlp):
    # by the parse alone, without the target found by position
    rules_only = DEFAULTS.replace(events__role_fallback=False, events__model=False)
    text = "Soldiers cordoned off the roads leading into Kessling on Sunday."
    found = [(e.type, e.actor.text, e.target.text if e.target else None)
             for e in find_events(AnnotatedSentence(0, text, nlp(text), True), settings=rules_only)]
    assert found == [("COERCE", "Soldiers", "Kessling")]


def test_give_is_a_deadline_only_with_time_to_act(nlp):
    # "give" governing anything else is no threat
    assert coded(nlp, "Give the strikers what they demand.") == [("REQUEST", "", "they", None)]


@pytest.mark.parametrize("text, expected", [
    # who made the claims rejected, not the claims: an act "made", "levelled", "carried out" by X
    ("Kessling dismissed the accusations made by Ostara.", ("REJECT", "", "Kessling", "Ostara")),
    ("The minister denied the allegations levelled by the watchdog.",
     ("REJECT", "", "minister", "watchdog")),
    ("Ostara condemned the bombing carried out by the militia.",
     ("ACCUSE", "disapprove", "Ostara", "militia")),
    # a reaction to the act says nothing of who did it
    ("The bombing, condemned by Ostara, killed nine people.", ("ASSAULT", "explosives", None, "nine people")),
])
def test_an_act_done_by_someone_is_aimed_at_its_doer(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # what is seized is not whom it was taken from: "a cache of [weapons] from [the militia]"
    ("Soldiers seized a stockpile of rifles from the rebels.", ("COERCE", "seize", "Soldiers", "rebels")),
    ("Militants seized the border post from government troops.",
     ("COERCE", "seize", "Militants", "government troops")),
    ("Police seized three journalists in Kessling.", ("COERCE", "seize", "Police", "three journalists")),
])
def test_what_is_seized_gives_way_to_whom_it_is_taken_from(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # talks that collapse failed (PLOVER SANCTION: failed negotiations); the pair in the talks'
    # own "between" phrase are the parties, one to each side
    ("The talks between Ostara and Kessling collapsed on Friday.",
     ("SANCTION", "discontinue", "Ostara", "Kessling")),
    ("Negotiations between the union and the mine owners broke down.",
     ("SANCTION", "discontinue", "union", "mine owners")),
    # a wall that collapses is no event
    ("The old wall collapsed in the storm.", None),
])
def test_talks_that_collapse_failed(nlp, text, expected):
    found = coded(nlp, text)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize("text, expected", [
    # an actor noun before a thing says whose it is: the target is the thing so owned, not the
    # place named after it
    ("The army launched an offensive against rebel positions near Varnholt.",
     ("ASSAULT", "", "army", "rebel positions")),
    ("Mortar crews opened fire on militia posts close to the market town of Ostara.",
     ("ASSAULT", "firearms", "Mortar crews", "militia posts")),
    ("Gunboats shelled rebel strongholds along the coast of Ostara.",
     ("ASSAULT", "heavy-weapons", "Gunboats", "rebel strongholds")),
    # a stripped possessive stays the owner
    ("Kessling praised the presidents speech.", ("SUPPORT", "", "Kessling", "presidents")),
])
def test_an_actor_noun_before_a_thing_owns_it(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # who set off the means of a passive act did it: "killed by a bomb [planted by] X"
    ("Two policemen were killed by a car bomb planted by the rebels.",
     ("ASSAULT", "", "rebels", "Two policemen")),
    ("The village was struck by rockets fired by Kessling troops.",
     ("ASSAULT", "", "Kessling troops", "village")),
    # what a noun was imposed on is its target when the noun's own phrase names none
    ("The embargo imposed on Varnholt by the Ostara government was lifted.",
     ("RETREAT", "", "Ostara government", "Varnholt")),
    ("Kessling lifted the travel ban imposed on the opposition leader.",
     ("CONCEDE", "", "Kessling", "opposition leader")),
    # a diplomat summoned in the passive is the target when no country is named
    ("The envoy was summoned by the Kessling foreign ministry.",
     ("ACCUSE", "disapprove", "Kessling foreign ministry", "envoy")),
])
def test_a_passive_act_keeps_its_doer_and_target(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "A and B's C" (an apostrophe stripped) and "A and B C" parse as a pair modifying C: A is
    # one party, B's C the other
    ("The row grew after talks between Mr Tolle and Kesslings foreign minister collapsed on Monday.",
     ("SANCTION", "discontinue", "Mr Tolle", "Kesslings foreign minister")),
    ("Talks between Ostaran and Kessling officials ended without agreement.",
     ("CONSULT", "", "Ostaran", "Kessling officials")),
])
def test_a_pair_modifying_a_head_splits(nlp, text, expected):
    assert coded(nlp, text)[0] == expected


def test_troops_massed_are_not_who_holds_the_drills(nlp):
    # what a state moves is what it mobilises; the drills a time clause names only date the
    # move (round 26: no event of their own)
    assert coded(nlp, "Ostara has moved some 4,000 soldiers to the coast since naval drills started on Monday.") == [
        ("MOBILIZE", "troops", "Ostara", None)]


def test_a_party_named_with_no_is_no_target(nlp):
    # "no member state" names none of them
    assert coded(nlp, "The minister urged that no member state should withdraw its troops.") == [
        ("REQUEST", "yield", "minister", None)]


def test_a_forecast_demonstration_is_a_protest_not_a_threat(nlp):
    [e] = find_events(AnnotatedSentence(0, "Hundreds of students are expected to rally in Bree on Sunday.",
                                        nlp("Hundreds of students are expected to rally in Bree on Sunday."), True))
    assert (e.type, e.mode, e.actor.text, e.hedged) == ("PROTEST", "demo", "Hundreds of students", True)


# Names that only set the scene of an event (storyline.nlp.event_scene): a time, a reason, a
# bargain, an aside
@pytest.mark.parametrize("text, expected", [
    # a phrase of time: whoever met before is no party to the concession
    ("Ostara agreed to halt its offensive after talks between Kessling and Norland.",
     [("CONCEDE", "", "Ostara", None)]),
    # a bargain: who gives the guarantees is not whom the militia gives way to
    ("The militia agreed to lay down its arms in return for guarantees from Kessling.",
     [("CONCEDE", "", "militia", None)]),
    # an aside in an absolute clause
    ("The premier pledged to cut fuel taxes, with opposition leader Mara Lind calling for early elections.",
     [("AGREE", "", "premier", None), ("REQUEST", "", "opposition leader Mara Lind", None)]),
    # reasons and occasions
    ("Ostara sent more troops to the frontier following clashes with Kessling.",
     [("MOBILIZE", "troops", "Ostara", None)]),
    ("The cabinet rejected the offer during a visit by the Kessling envoy.",
     [("REJECT", "meet", "cabinet", None)]),
    ("Ostara expelled two diplomats in response to a report by Kessling.",
     [("SANCTION", "expel", "Ostara", None)]),
    ("Ostara closed the border due to threats from Kessling.",
     [("COERCE", "restrict", "Ostara", None)]),
    # a clause of time with a subject of its own, below the trigger's complement
    ("The rebels agreed to halt hostilities after Kessling agreed to hand back the port.",
     [("CONCEDE", "", "rebels", None), ("CONCEDE", "", "Kessling", None)]),
    ("The union promised to end the strike once Kessling raises wages.",
     [("CONCEDE", "", "union", None)]),
    # who answered the act, or told of it, is no party to it
    ("The shelling of the port drew an angry response from Ostara.",
     [("ASSAULT", "heavy-weapons", None, "port")]),
    ("The arrest sparked an outcry from rights groups in Kessling.",
     [("COERCE", "arrest", None, None)]),
    ("Ostara has withdrawn its ambassador, a statement from the Kessling foreign ministry said.",
     [("SANCTION", "withdraw", "Ostara", None)]),
    # "put in place" names no place at all
    ("The council lifted the curfew that had been put in place after the riots in Kessling.",
     [("CONCEDE", "", "council", None)]),
])
def test_a_name_that_sets_the_scene_is_no_target(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a meeting's partner in the phrase of time is a party
    ("Ostara agreed to withdraw its troops after talks with Kessling.",
     [("CONCEDE", "", "Ostara", "Kessling")]),
    # what the act answers keeps its author
    ("Kessling rejected the criticism from Ostara.", [("REJECT", "", "Kessling", "Ostara")]),
    # "the return of" is an act, not "in return for"
    ("Ostara called for the return of refugees to Kessling.",
     [("REQUEST", "", "Ostara", "Kessling")]),
])
def test_a_party_in_such_a_phrase_stays(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_a_purpose_after_an_object_lends_its_target(nlp):
    # whom the tear gas was used on is whom it was used to disperse, not the town it was used in
    assert coded(nlp, "Police used tear gas in Kessling on Friday to break up the crowd.") == [
        ("ASSAULT", "", "Police", "crowd"), ("ASSAULT", "crowd-control", "Police", "crowd")]


@pytest.mark.parametrize("text, expected", [
    ("Following the attack by Norland, the embassy was closed.", [("SANCTION", "withdraw", None, None)]),
    ("After rebels seized the port, more troops were sent to the coast.",
     [("COERCE", "seize", "rebels", "port"), ("MOBILIZE", "troops", None, None)]),
    ("Amid warnings from Norland, the border crossing was shut.", [("COERCE", "restrict", None, None)]),
])
def test_a_name_that_sets_the_scene_is_no_actor_by_position(nlp, text, expected):
    # who acted before, or warned, did not close, send or shut anything here
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # whose request was refused is its target; with no one named refusing it, there is no actor
    ("Her plea was rejected.", [("REJECT", "", None, "Her")]),
    ("The mayor's offer was declined.", [("REJECT", "meet", None, "mayor")]),
    ("Their plea was rejected by the Ostaran court.", [("REJECT", "", "Ostaran court", "Their")]),
    ("Kessling rejected the rebels' demand.", [("REJECT", "", "Kessling", "rebels")]),
    # nor is a name inside what was refused its refuser ("to visit [the embassy]")
    ("Her request to visit the Kessling embassy was denied.",
     [("REQUEST", "meet", "Her", "Kessling embassy"), ("REJECT", "", None, "Her")]),
])
def test_who_asked_is_not_who_refused(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a warning about a party is aimed at it; a ruler's or commander's title keeps its "of" phrase
    ("The president warned about the rebels.", [("THREATEN", "", "president", "rebels")]),
    ("The Ostaran minister warned of the Prince of Kessling.",
     [("THREATEN", "", "Ostaran minister", "Prince of Kessling")]),
    ("The emir of Kessling visited Ostara on Monday.", [("CONSULT", "visit", "emir of Kessling", "Ostara")]),
    ("The envoy warned of floods in the valley.", [("THREATEN", "", "envoy", None)]),
])
def test_a_warning_about_a_party_and_a_title_of_a_place(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a number heading an "of" phrase is that many of them, as "some of" is: the group is the
    # target (not the place where the act happened), and a doer is named whole
    ("One of the reporters was arrested in Ostara.", [("COERCE", "arrest", None, "One of the reporters")]),
    ("Two of the hostages were freed in Kessling on Monday.",
     [("RETREAT", "release", None, "Two of the hostages")]),
    ("A military court in Kessling sentenced one of its officers to ten years for torture.",
     [("SANCTION", "convict", "military court in Kessling", "one of its officers")]),
    ("Two of the gunmen attacked a police patrol on Sunday.", [("ASSAULT", "", "Two of the gunmen", "police patrol")]),
])
def test_a_number_of_a_group_is_that_group(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an offer or a threat on a condition is made to whoever must meet it
    ("The guerrillas said they would disarm if the army left the valley.", [("CONCEDE", "", "guerrillas", "army")]),
    ("Ostara threatened sanctions if Kessling refused to negotiate.",
     [("THREATEN", "restrict", "Ostara", "Kessling")]),
    ("If Kessling withdraws its troops, Ostara will lift the sanctions.", [("CONCEDE", "", "Ostara", "Kessling")]),
    # ... but a pronoun after a condition that comes first is mostly its party, not the offerer
    ("If the Ostaran leader loved his country, he would step down.", [("RETREAT", "resign", "he", None)]),
    # ... and a party a pronoun owns is often the offerer's own
    ("The guerrillas said they would disarm if their commander agreed.", [("CONCEDE", "", "guerrillas", None)]),
])
def test_a_conditional_offer_is_made_to_who_must_meet_it(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a transcript's turn label says who speaks the turn, not who acts in it
    ("KROLL: Arnholt troops are still massed near the Northford border tonight.",
     [("MOBILIZE", "troops", None, "Northford")]),
    ("MARTA VOSS, HOST: Only the Harbour Post has been banned.", [("COERCE", "ban", None, "Only the Harbour Post")]),
    ("ANNA KROLL, ANCHOR: With storms threatening homes along the coast, how are farmers coping?",
     [("THREATEN", "", None, "storms")]),
    # a place opening a lead before a colon is its dateline
    ("BEIRUT: Syrian troops shelled the town of Homs on Monday.",
     [("ASSAULT", "heavy-weapons", "Syrian troops", "town of Homs")]),
])
def test_a_turn_label_is_no_party(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # who suffered an act of force, as its passive says, is its target, whatever word names
    # them; the place after the verb only says where
    ("Their convoy was ambushed near Ostara by gunmen.", [("ASSAULT", "", "gunmen", "Their convoy")]),
    ("Four others were killed late on Friday in the port of Ostara.", [("ASSAULT", "", None, "Four others")]),
    # an actor word was kept before too
    ("Fourteen villagers were killed in Kessling overnight.", [("ASSAULT", "", None, "Fourteen villagers")]),
    ("Two reporters were arrested in Kessling.", [("COERCE", "arrest", None, "Two reporters")]),
])
def test_who_suffered_a_passive_act_of_force_is_its_target(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the "by" phrase of an act the parser hangs on the act's object, or on the active verb
    # whose object the act is, names who did it: the act's actor, and the target of a
    # reaction to it
    ("The arrest of the opposition leader by Ostaran police sparked protests.",
     [("COERCE", "arrest", "Ostaran police", "opposition leader")]),
    ("Kessling condemned the shelling of the port by rebel gunners.",
     [("ACCUSE", "disapprove", "Kessling", "rebel gunners")]),
    # a means is no one
    ("Kessling condemned the shelling of the port by telephone.",
     [("ACCUSE", "disapprove", "Kessling", None)]),
])
def test_an_act_s_agent_hung_on_its_object(nlp, text, expected):
    assert coded(nlp, text) == expected
