"""Events the coder used to miss although the codebook names them: an event noun told only by
the reaction it set off ("the arrests sparked protests"); forces attacking positions, read as
criticism; an armed group named by a modifier ("the rebel movement") disbanding; the owner of an
arrest as the arrester; an act with its own agent that someone described
(or told of, documented) took place.

Every sentence here was written for this file (made-up places Kessling and Ostara). Expected
values are the whole coded event: (type, mode, actor as written, target as written).
"""

from __future__ import annotations

import pytest
from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.events import find_events
from test_events_targets import coded, nlp  # noqa: F401  (the module's parser fixture)


@pytest.mark.parametrize("text, expected", [
    # what set off a reaction took place (lexicon role CAUSE)
    ("The arrest of the Ostaran opposition leader sparked protests.",
     [("COERCE", "arrest", None, "Ostaran opposition leader")]),
    ("The arrests of four reporters in Kessling drew criticism from the union.",
     [("COERCE", "arrest", None, "four reporters in Kessling")]),
    ("The shelling of the market has led to calls for a ceasefire.",
     [("ASSAULT", "heavy-weapons", None, "market"), ("REQUEST", "yield", None, None)]),
    ("The raid on the refugee camp provoked anger in Ostara.",
     [("ASSAULT", "", None, "refugee camp")]),
    ("The deal with the union led to higher prices.", [("AGREE", "", None, "union")]),
    # ... in a relative clause too
    ("The arrests, which sparked protests, were condemned by the union.",
     [("COERCE", "arrest", None, None), ("ACCUSE", "disapprove", "union", None)]),
    # a reaction told as possible: the act may not be done at all
    ("A deal with the union could lead to higher prices.", []),
    ("Any deal with the rebels might spark protests in Ostara.", []),
])
def test_an_act_that_set_off_a_reaction_took_place(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # forces attacking positions use force, against the positions' owner; a view attacked is
    # criticism of whoever holds it
    ("Rebels attacked the army's positions near Kessling.", [("ASSAULT", "", "Rebels", "army")]),
    ("The militia attacked Ostaran positions overnight.", [("ASSAULT", "", "militia", "Ostaran")]),
    ("Rebels attacked the government's position on the talks.",
     [("ACCUSE", "disapprove", "Rebels", "government")]),
    ("The senator attacked the parties' positions on taxes.",
     [("ACCUSE", "disapprove", "senator", "parties")]),
])
def test_forces_attacking_positions_use_force(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an armed group named by a modifier and a general noun is still an armed group: its
    # disbanding is demobilization (PLOVER RETREAT); a party's is no such act
    ("The rebel movement has formally disbanded.", [("RETREAT", "disarm", "rebel movement", None)]),
    ("An armed group in the north dissolved itself on Monday.",
     [("RETREAT", "disarm", "armed group", None)]),
    ("The government disbanded the armed group.", [("RETREAT", "disarm", "government", "armed group")]),
    ("The party dissolved itself after the election.", []),
])
def test_an_armed_group_named_by_its_modifier_disbands(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the owner of an arrest, a release or a killing is whom it befell, as its "of" object is;
    # an invasion's owner, or an owner beside an "of" object, is who did it
    ("The journalist's arrest sparked protests in Kessling.", [("COERCE", "arrest", None, "journalist")]),
    ("Police announced the journalist's arrest.", [("COERCE", "arrest", "Police", "journalist")]),
    ("The minister's assassination provoked riots.", [("ASSAULT", "assassinate", None, "minister")]),
    ("The army's detention of three reporters drew criticism.",
     [("COERCE", "arrest", "army", "three reporters")]),
    ("Ostara's invasion sparked protests.", [("ASSAULT", "", "Ostara", None)]),
])
def test_whose_arrest_is_the_one_arrested(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an act with its own agent whose telling is reported took place (lexicon role ATTEST); who
    # tells it did not do it
    ("The envoy described two attacks by the militia on villages near Kessling.",
     [("ASSAULT", "", "militia", "Kessling")]),
    ("Residents described attacks on the market by the militia.", [("ASSAULT", "", "militia", "market")]),
    ("Residents recounted the militia's raids on the market.", [("ASSAULT", "", "militia", "market")]),
    # a "by" phrase the parser hangs on the telling verb or on the act's "of" object
    ("Refugees spoke of air strikes by government jets on their town.",
     [("ASSAULT", "aerial", "government jets", "their town")]),
    ("The report documented arrests of students by the security forces.",
     [("COERCE", "arrest", "security forces", "students")]),
    ("The minister described several raids in the past year by the militia.",
     [("ASSAULT", "", "militia", None)]),
    # what was told of is no target
    ("Survivors told of cruel treatment and killing by the militia.", [("ASSAULT", "", "militia", None)]),
    # with no agent the act is only named; a telling told as possible tells nothing
    ("The minister described several raids in the past year by phone.", []),
    ("The envoy described the attacks as cowardly.", []),
    ("The envoy could not describe attacks by the militia.", []),
    # ... and leaves the act as its own clause tells it
    ("The guards shut the gates so that no reporter would document the raids that took place in the camp.",
     [("ASSAULT", "", None, None)]),
])
def test_an_act_told_of_took_place(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a settlement reached is an agreement
    ("The union and the company reached a settlement over pay.", [("AGREE", "", "union", "company")]),
    # civil disobedience is a protest; recruiting fighters is mobilization; harassing people coerces them
    ("Students began a campaign of civil disobedience in Kessling.",
     [("PROTEST", "obstruct", "Students", "Kessling")]),
    ("The militia has stepped up its recruitment of fighters in Kessling.",
     [("MOBILIZE", "militia", "militia", "Kessling")]),
    ("Police harassed journalists covering the protest in Kessling.",
     [("COERCE", "restrict", "Police", "journalists")]),
    # ending one's part in talks or a body is withdrawing from it
    ("Four officers have called off their participation in peace talks in Kessling.",
     [("SANCTION", "withdraw", "Four officers", "peace talks in Kessling")]),
    ("Ostara ended its membership of the alliance on Friday.", [("SANCTION", "withdraw", "Ostara", "alliance")]),
    ("The rebels withdrew their participation in the peace process.",
     [("SANCTION", "withdraw", "rebels", "peace process")]),
])
def test_acts_told_by_words_the_lexicon_lacked(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # withholding aid is refusing it (PLOVER REJECT); the aid itself was not given
    ("The government denied medical assistance to the refugees.", [("REJECT", False), ("AID", True)]),
    # a denial of support disowns it: no refusal, only the support negated
    ("The government denied any support for the rebels.", [("SUPPORT", True)]),
])
def test_denied_aid_is_a_refusal(nlp, text, expected):
    events = find_events(AnnotatedSentence(0, text, nlp(text), True))
    assert [(e.type, e.negated) for e in events] == expected


@pytest.mark.parametrize("text, expected", [
    # a stretch of time an event filled holds it as a container does: who began it acts
    ("Ostaran troops began a second week of training with Kessling forces.",
     [("COOPERATE", "", "Ostaran troops", "Kessling forces")]),
    ("The first day of talks between Ostara and the rebels is over.", [("CONSULT", "", "Ostara", "rebels")]),
    # ... but its end is only the end of that stretch, not of the protests
    ("A second day of protests in Kessling ended with clashes.", [("PROTEST", "demo", None, "Kessling")]),
    ("The strike ended on Monday.", [("CONCEDE", "", None, None)]),
    # a stretch of time in an adverbial phrase is when, not an act, unless one took part in it ...
    ("The album took three million pounds in the opening week of its release.", []),
    ("Ostaran diplomats took part in three days of talks with Kessling.",
     [("CONSULT", "", "Ostaran diplomats", "Kessling")]),
    # ... unless the phrase tells what befell someone
    ("Dozens of villagers died in a week of fighting near the dam.",
     [("ASSAULT", "", None, "Dozens of villagers")]),
])
def test_a_stretch_of_time_holds_its_event(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_who_gave_what_was_received(nlp):
    # the classifier's AID on a verb of receiving: the receiver is the target, the "from" phrase the giver
    assert coded(nlp, "Ostara received five million dollars in aid from Kessling.") == [
        ("AID", "", "Kessling", "Ostara")]


@pytest.mark.parametrize("text, expected", [
    # a noun's preposition the parser hangs on the light verb that takes it still places it
    ("Ostaran jets carried out fresh strikes on Kessling on Monday.",
     [("ASSAULT", "", "Ostaran jets", "Kessling")]),
    ("The EU is ready to impose tariffs on Ostaran steel.", [("THREATEN", "restrict", "EU", "Ostaran steel")]),
    # ... but a day is when, not whom
    ("Teachers carried out strikes on Monday in Kessling.", [("PROTEST", "strike", "Teachers", "Kessling")]),
    # a strike held by workers is a stoppage, whatever it is against
    ("Workers staged a strike against the government.", [("PROTEST", "strike", "Workers", "government")]),
    ("The union launched a strike against the company.", [("PROTEST", "strike", "union", "company")]),
    ("The army launched strikes on rebel positions near Kessling.",
     [("ASSAULT", "", "army", "rebel positions")]),
])
def test_a_light_verb_lends_its_phrases_to_the_event_noun(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # taking or holding people hostage is abduction
    ("Gunmen took three foreigners hostage.", [("ASSAULT", "abduct", "Gunmen", "three foreigners")]),
    ("Three aid workers were taken hostage in Kessling.", [("ASSAULT", "abduct", None, "Three aid workers")]),
    ("The militia is holding two journalists hostage.", [("ASSAULT", "abduct", "militia", "two journalists")]),
    # armed men taking control of a place seize it; a government taking control of an economy does not
    ("Government forces regained control of the city.", [("COERCE", "seize", "Government forces", "city")]),
    ("Rebels have gained control of the border crossing.", [("COERCE", "seize", "Rebels", "border crossing")]),
    ("The government regained control of the economy.", []),
])
def test_hostages_taken_and_control_seized(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # having talks, a meeting or a call with someone is meeting them; having a deal is a state
    ("The envoy had talks with the Ostaran president on Monday.",
     [("CONSULT", "", "envoy", "Ostaran president")]),
    ("The president had a phone call with his Ostaran counterpart.",
     [("CONSULT", "", "president", "his Ostaran counterpart")]),
    ("Ostara had a deal with Kessling.", []),
    # putting down a protest or a revolt represses it
    ("Security forces crushed the uprising in Kessling.",
     [("COERCE", "restrict", "Security forces", "uprising in Kessling")]),
    ("The regime crushed the opposition movement.", [("COERCE", "restrict", "regime", "opposition movement")]),
])
def test_meetings_had_and_revolts_crushed(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # keeping up an act goes on with it
    ("The army kept up its attacks on the town.", [("ASSAULT", "", "army", "town")]),
    # ... but a war of words is a quarrel
    ("The government kept up the war of words with Kessling.", []),
    # missiles fired toward a place are fired at it
    ("The militia launched missiles toward the capital.", [("ASSAULT", "heavy-weapons", "militia", "capital")]),
    # a weapon shot is the means, never the target; a person shot is
    ("The recruits practised shooting their rifles all day.", [("ASSAULT", "firearms", "recruits", None)]),
    ("Police shot a protester in Kessling.", [("ASSAULT", "firearms", "Police", "protester")]),
])
def test_weapons_fired_and_acts_kept_up(nlp, text, expected):
    assert coded(nlp, text) == expected
