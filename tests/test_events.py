"""Who did what to whom: PLOVER event coding (storyline.nlp.events).

Every sentence here was written for this file (made-up countries Vellmark, Arnholt and
Ruritania; real public figures only in sentences written here). Expected values are the whole
coded event: (type, mode, actor as written, target as written, negated, hedged).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp import event_args as args
from storyline.nlp import event_pronouns as pronouns
from storyline.nlp.engine import load_model
from storyline.nlp.event_lexicon import PLOVER_TYPES, LexiconError, load_lexicon, parse_lexicon
from storyline.nlp.event_scale import QUADS, goldstein
from storyline.nlp.events import find_events, material_acts, needs_parse, quad_class
from storyline.records import Event, Span, TimeExpr
from storyline.settings import DEFAULTS


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def parse(nlp, text: str, index: int = 0) -> AnnotatedSentence:
    return AnnotatedSentence(index, text, nlp(text), True)


def coded(nlp, text: str, **kwargs) -> list[tuple]:
    return [
        (e.type, e.mode, e.actor.text if e.actor else None, e.target.text if e.target else None,
         e.negated, e.hedged)
        for e in find_events(parse(nlp, text), **kwargs)
    ]


# One sentence per PLOVER type, then the forms the issue names: passive voice, coordinated
# actors, actors that are descriptions, governing verbs.
TYPES = [
    ("Vellmark agreed to resume talks with Arnholt.",
     ("AGREE", "", "Vellmark", "Arnholt", False, False)),
    ("Lavrov and Blinken have spoken by telephone.",
     ("CONSULT", "phone", "Lavrov", "Blinken", False, False)),
    ("President Okafor visited Kinshasa on Tuesday.",
     ("CONSULT", "visit", "President Okafor", "Kinshasa", False, False)),
    ("The prime minister praised the Arnholt government.",
     ("SUPPORT", "", "prime minister", "Arnholt government", False, False)),
    ("The government lifted the curfew in the capital.",
     ("CONCEDE", "", "government", "capital", False, False)),
    ("Japan and Australia held joint naval exercises.",
     ("COOPERATE", "", "Japan", "Australia", False, False)),
    ("Ruritania has sent humanitarian aid to the flood victims.",
     ("AID", "", "Ruritania", "flood victims", False, False)),
    ("The rebels released 12 hostages on Monday.",
     ("RETREAT", "release", "rebels", "12 hostages", False, False)),
    ("The EU urged Russia to withdraw its troops from the border.",
     ("REQUEST", "yield", "EU", "Russia", False, False)),
    ("Moscow accused the West of provocations.",
     ("ACCUSE", "allege", "Moscow", "West", False, False)),
    ("Arnholt refused to withdraw its troops.",
     ("REJECT", "yield", "Arnholt", None, False, False)),
    ("Russia threatened to impose sanctions on Latvia.",
     ("THREATEN", "restrict", "Russia", "Latvia", False, False)),
    ("Thousands of workers went on strike in Vellmark.",
     ("PROTEST", "strike", "Thousands of workers", None, False, False)),
    ("The EU imposed new sanctions on Arnholt.",
     ("SANCTION", "discontinue", "EU", "Arnholt", False, False)),
    ("Russia has massed troops near the Ukraine border.",
     ("MOBILIZE", "troops", "Russia", "Ukraine", False, False)),
    ("Police arrested five opposition activists.",
     ("COERCE", "arrest", "Police", "five opposition activists", False, False)),
    ("Government forces shelled the town overnight.",
     ("ASSAULT", "heavy-weapons", "Government forces", "town", False, False)),
]

FORMS = [
    # passive voice: the agent of the "by" phrase is the actor
    ("3,000 troops were ordered to Poland by the Pentagon.",
     ("MOBILIZE", "troops", "Pentagon", None, False, False)),
    ("Five protesters were arrested by police in Tirana.",
     ("COERCE", "arrest", "police in Tirana", "Five protesters", False, False)),
    ("The convoy was attacked by rebels.",
     ("ASSAULT", "", "rebels", "convoy", False, False)),
    # descriptions as actors, and the same event in the active voice
    ("The Pentagon ordered a further 3,000 soldiers to Poland.",
     ("MOBILIZE", "troops", "Pentagon", None, False, False)),
    ("Russian troops invaded Ukraine.",
     ("ASSAULT", "", "Russian troops", "Ukraine", False, False)),
    # coordinated actors: reciprocal events split them, others keep them together
    ("Arnholt and Vellmark signed a peace treaty in Geneva.",
     ("SUPPORT", "", "Arnholt", "Vellmark", False, False)),
    ("Clashes broke out between police and protesters in the capital.",
     ("ASSAULT", "", "police", "protesters", False, False)),
    ("Vellmark and Ruritania imposed sanctions on Arnholt.",
     ("SANCTION", "discontinue", "Vellmark and Ruritania", "Arnholt", False, False)),
    # governing verbs and nouns
    ("Mr Biden has promised severe economic sanctions against Moscow.",
     ("THREATEN", "restrict", "Mr Biden", "Moscow", False, False)),
    ("Vellmark called for an immediate ceasefire.",
     ("REQUEST", "yield", "Vellmark", None, False, False)),
    ("The opposition demanded the resignation of the prime minister.",
     ("REQUEST", "change", "opposition", "prime minister", False, False)),
    ("Arnholt rejected calls to release the prisoners.",
     ("REJECT", "yield", "Arnholt", "prisoners", False, False)),
    ("Vellmark warned Arnholt of serious consequences.",
     ("THREATEN", "", "Vellmark", "Arnholt", False, False)),
    ("Ruritania warned that it would respond with force.",
     ("THREATEN", "violence", "Ruritania", None, False, False)),
    ("Arnholt promised not to attack civilians.",
     ("AGREE", "", "Arnholt", "civilians", False, False)),
    ("Israel carried out airstrikes on Gaza.",
     ("ASSAULT", "aerial", "Israel", "Gaza", False, False)),
    ("The court sentenced the former minister to ten years in prison.",
     ("SANCTION", "convict", "court", "former minister", False, False)),
    ("Vellmark expelled three Arnholt diplomats on Friday.",
     ("SANCTION", "expel", "Vellmark", "Arnholt", False, False)),
    ("The foreign minister condemned the arrest of the journalists.",
     ("ACCUSE", "disapprove", "foreign minister", None, False, False)),
    # stripped apostrophes, as in real crawls
    ("Arnholts government recalled its ambassador from Vellmark.",
     ("SANCTION", "withdraw", "Arnholts government", "Vellmark", False, False)),
    ("Russias army has shelled Kharkiv, Ukraines second city.",
     ("ASSAULT", "heavy-weapons", "Russias army", "Kharkiv", False, False)),
]

NEGATED_AND_HEDGED = [
    ("Arnholt did not attack the village.",
     ("ASSAULT", "", "Arnholt", "village", True, False)),
    # a denied intention to attack is a denied threat, not an ASSAULT that happened
    ("Russia denies that it intends to launch an offensive.",
     ("THREATEN", "violence", "Russia", None, True, False)),
    ("Vellmark has no plans to impose sanctions.",
     ("THREATEN", "restrict", "Vellmark", None, True, False)),
    ("We wont negotiate with terrorists, the minister said.",
     ("CONSULT", "", "minister", "terrorists", True, False)),
    # may / could: hedged force is coded THREATEN (events.hedged_conflict_as_threaten)
    ("Vellmark may impose sanctions on Arnholt.",
     ("THREATEN", "restrict", "Vellmark", "Arnholt", False, True)),
    ("An invasion could begin at any time.",
     ("THREATEN", "violence", None, None, False, True)),
    ("Officials warned that Arnholt could invade Vellmark.",
     ("THREATEN", "violence", "Arnholt", "Vellmark", False, True)),
    # reported future cooperation is an intention: AGREE (PLOVER), hedged
    ("Britain will send 2,000 anti-tank missiles to Ukraine.",
     ("AGREE", "", "Britain", "Ukraine", False, True)),
]


# Sentences whose target the parse leaves empty; by default (events.role_fallback) the first
# name after the trigger fills it. The tables above keep what the parse rules alone code.
FILLED_BY_POSITION = {
    "Thousands of workers went on strike in Vellmark.": "Vellmark",
    "3,000 troops were ordered to Poland by the Pentagon.": "Poland",
    "The Pentagon ordered a further 3,000 soldiers to Poland.": "Poland",
}
RULES_ONLY = DEFAULTS.replace(events__role_fallback=False, events__model=False)


@pytest.mark.parametrize("text,expected", TYPES + FORMS + NEGATED_AND_HEDGED,
                         ids=lambda v: v if isinstance(v, str) else "")
def test_codes_one_event(nlp, text, expected):
    assert coded(nlp, text, settings=RULES_ONLY) == [expected]
    if text in FILLED_BY_POSITION:
        expected = expected[:3] + (FILLED_BY_POSITION[text],) + expected[4:]
    assert coded(nlp, text) == [expected]


def test_who_flees_or_survives_an_attack_is_its_target(nlp):
    assert coded(nlp, "Thousands of villagers fled to Dunmere to escape attacks by Arnholt troops.") == [
        ("ASSAULT", "", "Arnholt troops", "Thousands of villagers", False, False)]
    assert coded(nlp, "Two soldiers survived the ambush by rebels.") == [
        ("ASSAULT", "", "rebels", "Two soldiers", False, False)]
    # the classifier's event, anchored on the fleeing verb, takes the same roles
    assert coded(nlp, "Villagers fled after an attack by rebels on Monday.") == [
        ("ASSAULT", "", "rebels", "Villagers", False, False)]


def test_every_type_has_a_test_sentence():
    assert {case[1][0] for case in TYPES} == set(PLOVER_TYPES)


def test_two_events_in_one_sentence(nlp):
    text = "Kyiv said Russian forces had struck a hospital in Mariupol, killing three people."
    assert coded(nlp, text) == [
        ("ASSAULT", "", "Russian forces", "hospital in Mariupol", False, False),
        ("ASSAULT", "", "Russian forces", "three people", False, False),
    ]


def test_condition_is_not_an_event(nlp):
    assert coded(nlp, "The White House said it would respond decisively if Russia invaded.") == []


@pytest.mark.parametrize("text", [
    "Arnholt rejected what it called an ultimatum within an hour.",       # REJECT only
    "Government spokeswoman Petra Lindqvist called it an ultimatum no state could accept.",
    "It called the expulsions a response to the sanctions.",
    "Arnholt began what it called routine spring exercises on Saturday.",
    "The minister said the sanctions were an answer to what she called a reckless build-up of troops.",
])
def test_a_name_given_is_no_request(nlp, text):
    # "call" names things here; only "call on X to" and "call for" ask for something
    assert [e[0] for e in coded(nlp, text) if e[0] == "REQUEST"] == []


def test_call_on_an_addressee_is_a_request_but_not_on_a_day(nlp):
    assert [e[0] for e in coded(nlp, "The council called on both governments to hold talks.")] == ["REQUEST"]
    assert [e[0] for e in coded(nlp, "The council called for talks between the two sides.")] == ["REQUEST"]
    assert "REQUEST" not in [e[0] for e in coded(nlp, "The minister called the ambassador on Saturday.")]


@pytest.mark.parametrize("text, actor, target", [
    # casualties told in the passive without "by": who reports them is no actor
    ("Provincial officials say up to 150,000 people have been killed.", None, "up to 150,000 people"),
    ("According to the local police, 5,000 people have been killed.", None, "5,000 people"),
    ("Police said three protesters were killed by soldiers.", "soldiers", "three protesters"),
])
def test_who_reports_casualties_did_not_cause_them(nlp, text, actor, target):
    [e] = find_events(parse(nlp, text))
    assert (e.type, e.actor.text if e.actor else None, e.target.text if e.target else None) == ("ASSAULT", actor, target)


def test_an_act_reported_in_the_passive_is_the_reporters_own(nlp):
    [e] = find_events(parse(nlp, "The ministry said two battalions had been sent to the border."))
    assert (e.type, e.actor.text) == ("MOBILIZE", "ministry")


def test_roles_skip_the_dateline_the_reporter_and_a_means(nlp):
    events = find_events(parse(nlp, "KESSLING, March 2 (CPA) - Northford summoned Arnholt's ambassador on Sunday."))
    assert [(e.type, e.actor.text, e.target.text) for e in events] == [("ACCUSE", "Northford", "Arnholt")]
    events = find_events(parse(nlp, "Arnholt is withdrawing half of its consular staff, spokeswoman "
                                    "Petra Lindqvist told a briefing in Brannvik."))
    assert [(e.type, e.actor.text, e.target) for e in events] == [("RETREAT", "Arnholt", None)]
    events = find_events(parse(nlp, "Fourteen people were rescued by boat."))
    assert [(e.type, e.actor, e.target.text) for e in events] == [("AID", None, "Fourteen people")]


@pytest.mark.parametrize("text", [
    "(CPA) -- Brannvik accused Northford of provocations on Sunday.",
    "Torvik, Arnholt (CPA) -- Brannvik accused Northford of provocations on Sunday.",
])
def test_an_agency_dateline_is_no_actor(nlp, text):
    assert [(e.type, e.actor.text, e.target.text) for e in find_events(parse(nlp, text))] == [
        ("ACCUSE", "Brannvik", "Northford")]


def test_a_live_pages_dateline_is_no_actor(nlp):
    events = find_events(parse(nlp, "ARNHOLT, 9:10 a.m. ET, 6:10 p.m. local: Prime Minister Tomas Berg "
                                    "blamed Northford for the attack."))
    assert [(e.type, e.actor.text, e.target.text) for e in events] == [
        ("ACCUSE", "Prime Minister Tomas Berg", "Northford")]


def test_no_one_acts_on_himself(nlp):
    # the parser makes Soll the subject of "step down"; the one who urges is not in the clause
    events = find_events(parse(nlp, "Later, Northford's foreign minister issued a statement urging Soll to step down."))
    assert [(e.type, e.actor, e.target.text) for e in events] == [("REQUEST", None, "Soll")]


def test_exercises_are_military_unless_joint_or_of_another_kind(nlp):
    assert coded(nlp, "Arnholt began exercises on Saturday.") == [("MOBILIZE", "troops", "Arnholt", None, False, False)]
    assert [e[0] for e in coded(nlp, "Arnholt held joint exercises with Northford.")] == ["COOPERATE"]
    assert coded(nlp, "The team did breathing exercises before the match.") == []


def test_a_classifier_event_under_a_denial_is_negated(nlp):
    # no rule codes "preparing for war"; the classifier's event still takes the governor
    (event,) = find_events(parse(nlp, "Foreign Minister Tomas Berg denied that his country was preparing for war."))
    assert event.negated


def test_material_acts_are_the_words_of_material_events(nlp):
    # what the quote finder asks: "recalled" carries a SANCTION here, and nothing does in speech
    doc = parse(nlp, "Northford recalled its ambassador to Arnholt.").doc
    assert [doc[i].text for i in sorted(material_acts(doc))] == ["recalled"]
    assert material_acts(parse(nlp, "Ms Hale said the talks had failed.").doc) == frozenset()
    assert material_acts(parse(nlp, "Arnholt accused Northford of lying.").doc) == frozenset()  # verbal


def test_emit_negated_false_drops_denials(nlp):
    settings = DEFAULTS.replace(events__emit_negated=False)
    assert coded(nlp, "Arnholt did not attack the village.", settings=settings) == []


def test_hedged_force_kept_as_act_when_setting_off(nlp):
    settings = DEFAULTS.replace(events__hedged_conflict_as_threaten=False)
    assert coded(nlp, "Vellmark may impose sanctions on Arnholt.", settings=settings) == [
        ("SANCTION", "discontinue", "Vellmark", "Arnholt", False, True)]


NO_EVENT = [
    "Shares fell sharply on Monday.",
    "The company reported higher profits.",
    "The weather was mild for the time of year.",
    "Sign up to our daily newsletter for the latest headlines.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event_and_no_parse_needed(nlp, text):
    assert needs_parse(text) is False
    assert coded(nlp, text) == []


@pytest.mark.parametrize("text", [
    "The virus has killed 20 people in Kessel.",
    "A heatwave that has killed over 40 people gripped the plains.",
    "Cooking pork to 71 degrees kills the flu virus.",
    "A typhoon struck the Kessel coast on Monday, killing 40 people.",
    "The cyclone killed dozens of villagers in the delta.",
])
def test_a_disease_or_disaster_is_no_attacker_and_the_classifier_does_not_overrule(nlp, text):
    assert coded(nlp, text) == []


def test_people_who_kill_still_assault(nlp):
    assert coded(nlp, "Police killed three protesters in Kessel.") == [
        ("ASSAULT", "", "Police", "three protesters", False, False)]


# Rows added to the lexicon in round 2 (issue 7), one sentence each.
ROUND_TWO_ROWS = [
    ("Vellmark and Arnholt inked a fishing pact on Friday.",
     ("AGREE", "", "Vellmark", "Arnholt", False, False)),
    ("Ruritania and Norland settled their border dispute.",
     ("AGREE", "", "Ruritania", "Norland", False, False)),
    ("The king received the Arnholt ambassador at the palace.",
     ("CONSULT", "visit", "king", "Arnholt ambassador", False, False)),
    ("The minister defended the new policy.",
     ("SUPPORT", "", "minister", "new policy", False, False)),
    ("Trade unions expressed solidarity with the nurses.",
     ("SUPPORT", "", "Trade unions", "nurses", False, False)),
    ("Aid agencies airlifted food and tents to the flooded valley.",
     ("AID", "", "Aid agencies", "flooded valley", False, False)),
    ("Norland pressed Vellmark to release the fishermen.",
     ("REQUEST", "yield", "Norland", "Vellmark", False, False)),
    ("Deputies voted against the budget proposal.",
     ("REJECT", "", "Deputies", "budget proposal", False, False)),
    ("The militants vowed to avenge their commander.",
     ("THREATEN", "violence", "militants", "their commander", False, False)),
    ("Hundreds of thousands took to the streets of the port city.",
     ("PROTEST", "demo", "Hundreds of thousands", None, False, False)),
    ("Vellmark cut off trade with Arnholt.",
     ("SANCTION", "discontinue", "Vellmark", "Arnholt", False, False)),
    ("The rebels released four aid workers.",
     ("RETREAT", "release", "rebels", "four aid workers", False, False)),
    # a counted group is a target: "[hundreds] of students" (CARDINAL) is not a number
    ("Riot police detained hundreds of students outside the university.",
     ("COERCE", "arrest", "Riot police", "hundreds of students", False, False)),
]


@pytest.mark.parametrize("text,expected", ROUND_TWO_ROWS, ids=lambda v: v if isinstance(v, str) else "")
def test_round_two_lexicon_rows(nlp, text, expected):
    assert needs_parse(text) is True
    assert coded(nlp, text) == [expected]


def test_target_filled_by_the_first_name_after_the_trigger(nlp):
    text = "Arnholt condemned the arrest of its citizens in Vellmark."
    assert coded(nlp, text, settings=RULES_ONLY) == [
        ("ACCUSE", "disapprove", "Arnholt", None, False, False)]
    assert coded(nlp, text) == [("ACCUSE", "disapprove", "Arnholt", "Vellmark", False, False)]


def test_target_that_names_no_actor_gives_way_to_a_name(nlp):
    text = "Vellmark imposed restrictions on the movement of goods, hurting traders from Arnholt."
    assert coded(nlp, text, settings=RULES_ONLY) == [
        ("COERCE", "restrict", "Vellmark", "movement", False, False)]
    assert coded(nlp, text) == [("COERCE", "restrict", "Vellmark", "Arnholt", False, False)]


def test_actor_filled_by_the_first_agent_before_the_trigger(nlp):
    text = "A Vellmark drone strike killed two commanders of the Arnholt militia."
    # one event: the strike's (the verb's event, whose subject it is, was a second copy); a
    # commander's "of" phrase is part of the name (round 22)
    assert coded(nlp, text, settings=RULES_ONLY) == [
        ("ASSAULT", "drone", None, "two commanders of the Arnholt militia", False, False)]
    assert coded(nlp, text) == [
        ("ASSAULT", "drone", "Vellmark drone", "two commanders of the Arnholt militia", False, False)]


@pytest.mark.parametrize("text,expected", [
    # a weapon the parse makes the subject of its harm is the means, not the actor; whose it is
    # ("a Vellmark missile") acts
    ("A roadside bomb killed three soldiers on Monday.", [("ASSAULT", "", None, "three soldiers")]),
    ("A Vellmark missile killed two Arnholt soldiers.", [("ASSAULT", "", "Vellmark", "two Arnholt soldiers")]),
    ("Rebel gunmen killed three soldiers on Monday.", [("ASSAULT", "", "Rebel gunmen", "three soldiers")]),
    # nor does anyone named before it by position
    ("The head of the Vellmark army says a bomb went off near his headquarters, killing six soldiers.",
     [("ASSAULT", "", None, "six soldiers")]),
])
def test_a_weapon_is_no_actor(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


def test_mentioned_event_noun_is_not_an_event(nlp):
    text = "The sanctions have hurt the economy."
    assert needs_parse(text) is True  # the prefilter is lexical: "sanctions" is an event word
    assert coded(nlp, text) == []


@pytest.mark.parametrize("text", [case[0] for case in TYPES + FORMS])
def test_prefilter_lets_every_event_sentence_through(text):
    assert needs_parse(text) is True


def test_prefilter_needs_object_word_for_send():
    assert needs_parse("The minister will send a letter to parliament.") is False
    assert needs_parse("The minister will send troops to the region.") is True


def test_spans_point_into_original_text(nlp):
    text = "The EU imposed new sanctions on Arnholt."
    (event,) = find_events(parse(nlp, text, index=4), article_id="a1")
    assert event.sentence_index == 4 and event.article_id == "a1"
    assert event.actor == Span(4, 4, 6, "EU")
    assert event.target == Span(4, 32, 39, "Arnholt")
    assert event.trigger == Span(4, 19, 28, "sanctions")
    assert (event.actor_entity, event.target_entity) == ("", "")
    assert (event.score, event.quad) == (-5.6, "material_conflict")


def _timex(index: int, start: int, end: int, text: str, day: dt.date | None, kind="DATE"):
    return TimeExpr("a1", Span(index, start, end, text), kind, day.isoformat() if day else "P3D",
                    "day" if day else "none", day, day)


def test_date_from_the_sentence_then_publication(nlp):
    text = "Police detained the opposition leader on 3 March 2025."
    sentence = parse(nlp, text, index=2)
    published = dt.date(2025, 3, 5)
    march3 = _timex(2, 41, 53, "3 March 2025", dt.date(2025, 3, 3))
    other_sentence = _timex(7, 0, 5, "today", dt.date(2025, 1, 1))
    duration = _timex(2, 0, 6, "Police", None, kind="DURATION")
    (event,) = find_events(sentence, published=published, timexes=[other_sentence, duration, march3])
    assert (event.date, event.date_source) == (dt.date(2025, 3, 3), "text")
    (event,) = find_events(sentence, published=published, timexes=[other_sentence, duration])
    assert (event.date, event.date_source) == (published, "published")
    (event,) = find_events(sentence)
    assert (event.date, event.date_source) == (None, "")


def test_first_date_of_the_sentence_wins(nlp):
    text = "On Monday police detained the leader they had named on Friday."
    sentence = parse(nlp, text)
    monday = _timex(0, 3, 9, "Monday", dt.date(2025, 3, 3))
    friday = _timex(0, 55, 61, "Friday", dt.date(2025, 2, 28))
    (event,) = find_events(sentence, timexes=[friday, monday])
    assert (event.date, event.date_source) == (dt.date(2025, 3, 3), "text")


def test_an_events_date_keeps_how_precisely_it_is_known(nlp):
    # "in March" dates the event to a month: its first day, with granularity "month"
    text = "Police detained the opposition leader in March."
    sentence = parse(nlp, text)
    march = TimeExpr("a1", Span(0, 41, 46, "March"), "DATE", "2025-03", "month", dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    (event,) = find_events(sentence, published=dt.date(2025, 3, 20), timexes=[march])
    assert (event.date, event.date_source, event.date_granularity) == (dt.date(2025, 3, 1), "text", "month")
    # a time of day dates the day; the publication date is a day
    at_noon = march.replace(granularity="time", first_day=dt.date(2025, 3, 3), last_day=dt.date(2025, 3, 3))
    (event,) = find_events(sentence, published=dt.date(2025, 3, 20), timexes=[at_noon])
    assert (event.date, event.date_granularity) == (dt.date(2025, 3, 3), "day")
    (event,) = find_events(sentence, published=dt.date(2025, 3, 20), timexes=[])
    assert (event.date, event.date_source, event.date_granularity) == (dt.date(2025, 3, 20), "published", "day")
    # a later month cannot date a detention already reported: the publication day, a day
    (event,) = find_events(sentence, published=dt.date(2025, 2, 20), timexes=[march])
    assert (event.date, event.date_source, event.date_granularity) == (dt.date(2025, 2, 20), "published", "day")


def _dated(nlp, text: str, date_text: str, day: dt.date = dt.date(2025, 3, 1), **kwargs) -> list[tuple]:
    """(type, date, date source) of the events of ``text``, published 2025-03-04, with
    ``date_text`` normalised to ``day``."""
    start = text.index(date_text)
    timex = _timex(0, start, start + len(date_text), date_text, day)
    return [(e.type, e.date, e.date_source)
            for e in find_events(parse(nlp, text), published=dt.date(2025, 3, 4), timexes=[timex], **kwargs)]


@pytest.mark.parametrize("text, date_text, expected", [
    # the parser hangs "at the crossing on Saturday" on "said": "is due to" and "said" are
    # above the event's verb, so the date is the meeting's
    ("Hale is due to meet her Arnholt counterpart, Tomas Berg, at the crossing on Saturday, officials said.",
     "Saturday", [("CONSULT", dt.date(2025, 3, 1), "text")]),
    ("The ministry said on Monday that it had sent two battalions to the valley.",
     "Monday", [("MOBILIZE", dt.date(2025, 3, 1), "text")]),
    # placed after a date, not on it
    ("The town was promised flood defences after the 2007 floods.",
     "2007", [("AGREE", dt.date(2025, 3, 4), "published")]),
    # the date of another act
    ("Residents criticised the slow progress on a flood wall first promised after the 2007 floods.",
     "2007", [("ACCUSE", dt.date(2025, 3, 4), "published"), ("AGREE", dt.date(2025, 3, 4), "published")]),
    ("Ms Lindqvist accused Northford of closing two Arnholt-language schools there last year.",
     "last year", [("ACCUSE", dt.date(2025, 3, 4), "published")]),
    # a date written before a noun says which thing, not when the act happened
    ("Troops stormed Kessling, the scene of a 1982 massacre.",
     "1982", [("ASSAULT", dt.date(2025, 3, 4), "published")]),
    ("Shelling damaged part of the town's 13th-century citadel.",
     "13th-century", [("ASSAULT", dt.date(2025, 3, 4), "published")]),
    # ... and a date after a preposition is the act's, however the parse hangs it
    ("On Saturday Hale and her Arnholt counterpart met at the crossing.",
     "Saturday", [("CONSULT", dt.date(2025, 3, 1), "text")]),
    ("Arnholt seized the valley from Northford in a 1967 war.",
     "1967", [("COERCE", dt.date(2025, 3, 1), "text")]),
    # ... unless the noun is the event's own
    ("The government ordered a 2023 crackdown on protesters.",
     "2023", [("COERCE", dt.date(2025, 3, 1), "text")]),
])
def test_an_event_takes_the_date_attached_to_it(nlp, text, date_text, expected):
    assert _dated(nlp, text, date_text) == expected


@pytest.mark.parametrize("text, date_text, day, expected", [
    # a reported act happened by the time it was reported: a later date is not its own
    ("Police arrested the opposition leader two years later.", "two years later", dt.date(2027, 1, 1),
     [("COERCE", dt.date(2025, 3, 4), "published")]),
    ("Police arrested the opposition leader on Friday.", "Friday", dt.date(2025, 3, 7),
     [("COERCE", dt.date(2025, 3, 4), "published")]),
    # a plan, a hedge and a schedule may lie ahead
    ("The two ministers will meet in Torvik in June.", "June", dt.date(2025, 6, 1),
     [("AGREE", dt.date(2025, 6, 1), "text")]),
    ("Arnholt may send troops to the border on Friday.", "Friday", dt.date(2025, 3, 7),
     [("MOBILIZE", dt.date(2025, 3, 7), "text")]),
    ("The foreign ministers meet in Torvik on Friday.", "Friday", dt.date(2025, 3, 7),
     [("CONSULT", dt.date(2025, 3, 7), "text")]),
    # ... but a schedule told in the present is not years ahead
    ("The foreign ministers meet in Torvik in 2031.", "2031", dt.date(2031, 1, 1),
     [("CONSULT", dt.date(2025, 3, 4), "published")]),
])
def test_a_date_after_publication_dates_only_what_may_lie_ahead(nlp, text, date_text, day, expected):
    assert _dated(nlp, text, date_text, day) == expected


def test_without_date_attached_the_first_date_of_the_sentence_wins(nlp):
    text = "Ms Lindqvist accused Northford of closing two Arnholt-language schools there last year."
    off = DEFAULTS.replace(**{"events.date_attached": False})
    assert _dated(nlp, text, "last year", settings=off) == [("ACCUSE", dt.date(2025, 3, 1), "text")]


def test_event_record_round_trips(nlp):
    (event,) = find_events(parse(nlp, "Police arrested five opposition activists."),
                           article_id="a9", published=dt.date(2025, 1, 2))
    assert Event.from_dict(event.to_dict()) == event


def test_odd_input_gives_nothing(nlp):
    assert find_events(AnnotatedSentence(0, "", nlp(""), True)) == []
    unparsed = AnnotatedSentence(0, "Rebels attacked the town.", nlp("Rebels attacked the town."), False)
    assert find_events(unparsed) == []
    odd = "🔥🔥 \u200b attack \U0001F600 \x00 ßÉ"
    assert isinstance(find_events(parse(nlp, odd)), list)
    long_text = "Rebels attacked the town and " * 60 + "fled."
    assert find_events(parse(nlp, long_text)) == []  # over events.max_tokens
    assert needs_parse("") is False
    assert needs_parse(None) is False  # type: ignore[arg-type]


def test_quad_class_and_score():
    assert [quad_class(t) for t in ("AGREE", "AID", "ACCUSE", "ASSAULT", "NONSENSE")] == [
        "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", ""]
    assert {quad_class(t) for t in PLOVER_TYPES} == set(QUADS)
    assert quad_class("PROTEST", "demo") == "material_conflict"
    assert goldstein("ASSAULT") == -9.6
    assert goldstein("ASSAULT", "firearms") == -10.0
    assert goldstein("CONSULT", "phone") == 1.0
    assert goldstein("COERCE", "cyber") == -6.7  # a newer mode scores as its type
    assert goldstein("NONSENSE") == 0.0


def test_lexicon_is_consistent():
    lex = load_lexicon()
    verb_types = {r.type for rules in lex.verbs.values() for r in rules} - {"NONE"}
    assert verb_types == set(PLOVER_TYPES)
    assert "impose" in lex.govs and "LIGHT" in lex.govs["impose"]


@pytest.mark.parametrize("row,message", [
    ("verb attack BOMBARD - - obj", "unknown type"),
    ("verb attack ASSAULT - obj=@@ obj", "bad class"),
    ("verb attack ASSAULT - when=1 obj", "unknown condition"),
    ("gov attack MAYBE", "bad governor row"),
    ("verb attack ASSAULT -", "bad row"),
])
def test_lexicon_errors_are_caught(row, message):
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(row)


@pytest.mark.parametrize("text, expected", [
    ("Vellmark condemned the bombing on Sunday, hours after gunmen from Arnholt stormed a border post.",
     ("ACCUSE", "Vellmark", None)),
    ("Northford imposed a curfew after rioters in Kessling attacked a police station.",
     ("COERCE", "Northford", None)),
    # a relative clause describes the event's party; a clause the trigger governs is what it says
    ("Brannvik will lift the restrictions it placed on Torvik traders last month.",
     ("CONCEDE", "Brannvik", "Torvik traders")),
    ("Vellmark warned that Arnholt would pay a heavy price.", ("THREATEN", "Vellmark", "Arnholt")),
])
def test_target_by_position_is_not_named_in_another_clause_with_its_own_subject(nlp, text, expected):
    events = find_events(parse(nlp, text))
    target = events[0].target.text if events[0].target else None
    assert (events[0].type, events[0].actor.text, target) == expected


def test_a_proper_noun_the_tagger_missed_is_still_a_name(nlp):
    # "Kaldor" is a PROPN with no entity label: the passive subject stays the target; its bid
    # to restore ties is coded as "Kaldor tried to restore ties" is
    events = find_events(parse(nlp, "Kaldor was opposed by Kessling, its oldest rival, in its bid to "
                                    "restore ties with Northford."))
    assert [(e.type, e.actor.text, e.target.text) for e in events] == [
        ("REJECT", "Kessling", "Kaldor"), ("SUPPORT", "Kaldor", "Northford")]


def test_passive_verbs_in_a_row_share_the_last_ones_agent(nlp):
    events = find_events(parse(nlp, "Some 3,500 villagers were detained, tortured or killed by "
                                    "Kaldorian militias during the siege, a rights group said."))
    assert [(e.type, e.actor.text, e.target.text) for e in events] == [
        ("COERCE", "Kaldorian militias", "Some 3,500 villagers"),
        ("ASSAULT", "Kaldorian militias", "Some 3,500 villagers"),
        ("ASSAULT", "Kaldorian militias", "Some 3,500 villagers")]


@pytest.mark.parametrize("text, expected", [
    ("The ministers of Vellmark and Arnholt met in Torvik on Friday.",
     ("CONSULT", "ministers of Vellmark", "Arnholt")),
    ("The agreement was reached in Torvik between senior officials of Vellmark and Arnholt.",
     ("AGREE", "senior officials of Vellmark", "Arnholt")),
])
def test_a_pair_named_in_an_of_phrase_or_after_between_is_actor_and_target(nlp, text, expected):
    events = find_events(parse(nlp, text))
    assert [(e.type, e.actor.text, e.target.text) for e in events] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Vellmark rejected the bill drafted by the opposition.", ("REJECT", "Vellmark", "opposition")),
    ("Arnholt will cooperate with the commission's inquiry into the shooting.",
     ("AGREE", "Arnholt", "commission")),
])
def test_a_target_that_names_no_actor_gives_way_to_its_owner_or_author(nlp, text, expected):
    events = find_events(parse(nlp, text), settings=RULES_ONLY)
    assert [(e.type, e.actor.text, e.target.text) for e in events] == [expected]


def test_a_date_is_no_actor(nlp):
    # the parse hangs "which killed 14 people" on Wednesday
    text = "The Vellmark Brigade has claimed responsibility for a bombing at a mosque in Torvik on Wednesday, which killed 14 people."
    # (the first event is the bombing the brigade claimed: claiming responsibility is owning it)
    assert [(e.type, e.actor and e.actor.text, e.target and e.target.text)
            for e in find_events(parse(nlp, text), settings=RULES_ONLY)] == [
        ("ASSAULT", "Vellmark Brigade", None), ("ASSAULT", None, "14 people")]
    assert [(e.type, e.actor.text, e.target.text) for e in find_events(parse(nlp, text))] == [
        ("ASSAULT", "Vellmark Brigade", "Torvik"), ("ASSAULT", "Vellmark Brigade", "14 people")]


@pytest.mark.parametrize("text, expected", [
    ("Artillery fire killed 12 soldiers near Torvik on Sunday.", ("ASSAULT", "12 soldiers")),
    ("Bomb attacks in Arnholt over the past month killed more than 300 people.",
     ("ASSAULT", "more than 300 people")),
    # the noun's own target comes first
    ("Attacks against Vellmark troops in Torvik this week have killed 10 civilians.",
     ("ASSAULT", "Vellmark troops in Torvik")),
])
def test_an_event_noun_that_acts_on_someone_has_them_as_target(nlp, text, expected):
    assert [(e.type, e.target.text) for e in find_events(parse(nlp, text))] == [expected]


def test_a_reflexive_pronoun_is_no_target(nlp):
    events = find_events(parse(nlp, "The militants blew themselves up at a market."))
    assert [(e.type, e.actor.text, e.target) for e in events] == [("ASSAULT", "militants", None)]


def test_an_entity_label_in_a_rows_condition_matches(nlp):
    # "obj=@GPE|@ORG|@PERSON|govt": the label counts, not only the class words
    assert coded(nlp, "Vellmark warned Kaldor of grave consequences.", settings=RULES_ONLY)[0][:4] == (
        "THREATEN", "", "Vellmark", "Kaldor")
    lexicon = load_lexicon()
    assert lexicon.in_class("kaldor", "ORG", ("@GPE", "@ORG", "govt"))
    assert not lexicon.in_class("kaldor", "DATE", ("@GPE", "@ORG", "govt"))


@pytest.mark.parametrize("text, expected", [
    ("Vellmark warned Arnholt that any incursion would be met with force.",
     [("THREATEN", "", "Vellmark", "Arnholt", False, False)]),
    ("The proposal was met with anger in Torvik.", []),
    ("The minister met with opposition leaders in Torvik.",
     [("CONSULT", "", "minister", "opposition leaders in Torvik", False, False)]),
])
def test_met_with_a_reaction_is_no_meeting(nlp, text, expected):
    assert coded(nlp, text, settings=RULES_ONLY) == expected


@pytest.mark.parametrize("text, expected", [
    # a counted group of people is the target itself, not a name inside it; nor is a name
    # inside the target's phrase the actor
    ("Thousands of civilians, including children from Torvik, were detained during the occupation.",
     ("COERCE", None, "Thousands of civilians")),
    ("The Vellmark army released some 45 inmates from a jail outside Torvik on Tuesday.",
     ("RETREAT", "Vellmark army", "some 45 inmates")),
])
def test_a_counted_group_is_the_target_and_names_inside_it_are_not_the_actor(nlp, text, expected):
    e = find_events(parse(nlp, text))[0]
    assert (e.type, e.actor.text if e.actor else None, e.target.text) == expected


def test_a_relative_pronoun_is_no_target(nlp):
    text = ("Five women, all of whom were students at the time, and who were convicted by a panel of judges, "
            "received sentences of three years.")
    # the second event: "received sentences", the noun realised by a verb its target undergoes;
    # the first: "who" stands for the men, so they are who was convicted (not the word "who")
    assert [(e.type, e.target and e.target.text) for e in find_events(parse(nlp, text))] == [
        ("SANCTION", "Five women"), ("SANCTION", "Five women")]


def test_a_pair_after_between_splits_for_any_type_when_no_actor_is_named(nlp):
    text = "A ceasefire between Vellmark and the Arnholt rebels will take effect at midnight."
    assert [(e.type, e.actor.text, e.target.text) for e in find_events(parse(nlp, text))] == [
        ("CONCEDE", "Vellmark", "Arnholt rebels")]
    # with an actor named, a coordinated subject of a one-sided act stays together
    assert [(e.type, e.actor.text, e.target.text) for e in find_events(parse(nlp, "Vellmark and Arnholt attacked the rebels."))] == [
        ("ASSAULT", "Vellmark and Arnholt", "rebels")]


def test_a_classifier_event_is_not_the_report_of_it(nlp):
    # the classifier keys on "reported"; the event is the clause reported
    events = find_events(parse(nlp, "Pellam will bargain for asylum in Torvik, CPA reported."))
    assert [(e.trigger.text, e.actor.text) for e in events] == [("bargain", "Pellam")]


def test_a_word_the_lemmatizer_got_wrong_is_read_by_its_base_form(nlp):
    # en_core_web_sm lemmatizes "fined" as fin and "doses" as dos
    assert coded(nlp, "The regulator fined the broadcaster for airing the speech.", settings=RULES_ONLY) == [
        ("SANCTION", "convict", "regulator", "broadcaster", False, False)]
    assert coded(nlp, "Vellmark delivered two million vaccine doses to Arnholt.", settings=RULES_ONLY) == [
        ("AID", "", "Vellmark", "Arnholt", False, False)]


def test_a_governor_the_lemmatizer_got_wrong_is_read_by_its_base_form(nlp):
    # "staged" is lemmatized stag: its lexicon role (a light verb) was lost, and the exercises with it
    assert [e[:4] for e in coded(nlp, "The navies of Vellmark and Arnholt staged joint exercises in the Odra Sea.")] == [
        ("COOPERATE", "", "navies of Vellmark", "Arnholt")]


@pytest.mark.parametrize("text, expected", [
    ("The Vellmark premier phoned the Arnholt president on Sunday.",
     ("CONSULT", "phone", "Vellmark premier", "Arnholt president")),
    ("The Vellmark premier hosted her Arnholt counterpart in Torvik.",
     ("CONSULT", "visit", "Vellmark premier", "her Arnholt counterpart")),
])
def test_phone_calls_and_counterparts(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text, settings=RULES_ONLY)] == [expected]


def test_a_pronoun_actor_resolves_to_a_passive_subject_above(nlp):
    assert [e[:3] for e in coded(nlp, "Dock workers in Torvik are expected to end their strike on Monday.")] == [
        ("CONCEDE", "", "Dock workers in Torvik")]


@pytest.mark.parametrize("text, expected", [
    # a possessive pronoun never stands for the phrase it is in: the request is hers, not its own
    ("Her request for a visa was denied.", [("REQUEST", "", "Her", None), ("REJECT", "", None, "Her")]),
    ("His appeal to the Vellmark court drew no answer.", [("REQUEST", "", "His", "Vellmark court")]),
])
def test_a_pronoun_actor_is_not_the_phrase_it_owns(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text", [
    "A heart attack killed the former premier of Vellmark on Monday.",
    "The Arnholt senator died of cardiac arrest in Torvik.",
])
def test_a_multi_word_sickness_is_no_attack_and_no_arrest(nlp, text):
    assert coded(nlp, text) == []


def test_attacks_alone_are_no_sickness(nlp):
    # "heart" and "attack" were separate words of the sickness class: "attacks killed" was excepted
    assert [e[:4] for e in coded(nlp, "Attacks killed twelve villagers near Torvik.", settings=RULES_ONLY)] == [
        ("ASSAULT", "", None, "twelve villagers")]
    # an event noun and the verb it is the subject of are one event, with the noun's own target
    assert [e[:4] for e in coded(nlp, "A Vellmark airstrike on Torvik killed six civilians.", settings=RULES_ONLY)] == [
        ("ASSAULT", "aerial", "Vellmark", "Torvik")]
    assert [e[:4] for e in coded(nlp, "Riot police raided the offices of the Torvik Herald.")] == [
        ("COERCE", "seize", "Riot police", "offices of the Torvik Herald")]


@pytest.mark.parametrize("text, expected", [
    ("Arnholt freed thousands of prisoners in the southern port.",
     ("RETREAT", "release", "Arnholt", "thousands of prisoners")),
    ("Dozens of hostages were released by Vellmark overnight.",
     ("RETREAT", "release", "Vellmark", "Dozens of hostages")),
])
def test_a_counted_group_is_in_the_class_of_what_it_counts(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text, settings=RULES_ONLY)] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a container noun ("a state of", "a round of") passes its verb on to the event noun
    ("Arnholt declared a state of emergency across three provinces.", ("COERCE", "curfew", "Arnholt", None)),
    ("Vellmark held a new round of talks with Arnholt in Torvik.", ("CONSULT", "", "Vellmark", "Arnholt")),
    # light verbs: lodge, hand down; a phrasal form: shut off
    ("Arnholt lodged a complaint against Vellmark over the tariffs.", ("ACCUSE", "allege", "Arnholt", "Vellmark")),
    ("The Torvik court handed down ten-year sentences to three Arnholt journalists.",
     ("SANCTION", "convict", "Torvik court", "three Arnholt journalists")),
    ("Vellmark shut off the internet in the province.", ("COERCE", "censor", "Vellmark", "internet")),
])
def test_containers_light_verbs_and_phrasal_forms(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text, settings=RULES_ONLY)] == [expected]


def test_released_from_prison_is_a_release_whoever_is_freed(nlp):
    assert [e[:4] for e in coded(nlp, "Two Arnholt student leaders were released from prison on Thursday.",
                                 settings=RULES_ONLY)] == [
        ("RETREAT", "release", None, "Two Arnholt student leaders")]
    assert coded(nlp, "The company released its quarterly figures from the archive.") == []


@pytest.mark.parametrize("text, expected", [
    # a promise to do something that is no event of its own is a commitment (PLOVER AGREE) ...
    ("The Torvik council promised to hold a referendum on the bridge.", ("AGREE", "", "Torvik council", None)),
    # ... and a promise to give way (stop, halt, lift, end) a promised concession (CONCEDE)
    ("Vellmark offered to lift the curfew in the border province.",
     ("CONCEDE", "", "Vellmark", "border province")),
    ("Arnholt pledged to end its blockade of the port.", ("CONCEDE", "", "Arnholt", "port")),
])
def test_a_promise_to_act_is_a_commitment_or_a_concession(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text, settings=RULES_ONLY)] == [expected]


def test_a_promise_to_be_is_no_commitment(nlp):
    assert coded(nlp, "The minister promised to be tough on crime.") == []


def test_a_promise_to_do_an_event_is_still_that_event(nlp):
    # the governed event carries the promise (INTENT: promised aid is AGREE, its target kept);
    # the promise is not coded a second time
    assert [e[:4] for e in coded(nlp, "Vellmark promised to send food aid to Arnholt.", settings=RULES_ONLY)] == [
        ("AGREE", "", "Vellmark", "Arnholt")]


@pytest.mark.parametrize("text, expected", [
    # an act is no target: who did it would be, and no one is named
    ("Opposition deputies demanded an inquiry into the bombing.", ("REQUEST", "", "Opposition deputies", None)),
    # other things stay targets ("slammed the budget"), and a name after the trigger still wins
    ("Farmers in Torvik protested against the new fuel tax.", ("PROTEST", "demo", "Farmers in Torvik", "new fuel tax")),
])
def test_an_event_is_no_target(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == [expected]


def test_an_attack_takes_the_target_of_the_killing_that_continues_it(nlp):
    # "blew himself up" has no target of its own; the participle clause says who was hit
    assert [e[:4] for e in coded(nlp, "Near Torvik a suicide bomber blew himself up beside an army post, killing four soldiers.",
                                 settings=RULES_ONLY)] == [
        ("ASSAULT", "explosives", "suicide bomber", "four soldiers"),
        ("ASSAULT", "", "suicide bomber", "four soldiers")]
    # an event with a target of its own keeps it
    assert [e[:4] for e in coded(nlp, "Rebels attacked the convoy and killed two drivers.", settings=RULES_ONLY)] == [
        ("ASSAULT", "", "Rebels", "convoy"), ("ASSAULT", "", "Rebels", "two drivers")]
    # a clause with a subject of its own reports another act: its target is not shared
    assert [e[:4] for e in coded(
        nlp, "Vellmark recalled its envoy for consultations, a day after Norland withdrew its own ambassador from Torvik.",
        settings=RULES_ONLY)] == [
        ("SANCTION", "withdraw", "Vellmark", None), ("SANCTION", "withdraw", "Norland", "Torvik")]


@pytest.mark.parametrize("text, expected", [
    # "will not" / "never" on an acceptance is a refusal
    ("Vellmark said it would not accept any deal that splits the province.", [("REJECT", "", "Vellmark", None, False)]),
    ("Arnholt will never recognise the Torvik government.", [("REJECT", "", "Arnholt", "Torvik government", False)]),
    # a plain "not" may be a denial or still pending: the acceptance stays negated
    ("Norland says it does not support the rebels.", [("SUPPORT", "", "Norland", "rebels", True)]),
    ("Vellmark has not yet agreed to the proposal.", [("AGREE", "", "Vellmark", None, True)]),
    # failing to agree is no refusal
    ("Vellmark and Arnholt met for three hours but could not agree on a date for new talks.",
     [("CONSULT", "", "Vellmark", "Arnholt", False), ("AGREE", "", "Vellmark", "Arnholt", True)]),
])
def test_a_refused_acceptance_is_a_rejection(nlp, text, expected):
    assert [e[:5] for e in coded(nlp, text, settings=RULES_ONLY)] == expected
    assert not any(e[5] for e in coded(nlp, text, settings=RULES_ONLY) if e[0] == "REJECT")  # made, not planned


@pytest.mark.parametrize("text, expected", [
    ("Vellmark placed an embargo on arms sales to Arnholt.", ("SANCTION", "discontinue", "Vellmark", "Arnholt")),
    ("The alliance suspended Arnholt from its defence council.", ("SANCTION", "withdraw", "alliance", "Arnholt")),
    ("Arnholt was suspended from the regional bloc.", ("SANCTION", "withdraw", None, "Arnholt")),
    ("Vellmark postponed the summit with Arnholt indefinitely.", ("SANCTION", "withdraw", "Vellmark", "Arnholt")),
])
def test_embargoes_suspensions_and_postponed_meetings_are_sanctions(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == [expected]


def test_a_suspension_from_no_body_is_no_sanction(nlp):
    # a player's suspension is no political act, and the prefilter does not send it to the parser
    assert not needs_parse("The striker was suspended for two games after his red card.")



@pytest.mark.parametrize("text, expected", [
    # a measure passes the object's class on to what it measures
    ("Vellmark has sent 200 tonnes of medical supplies to Arnholt.", ("AID", "", "Vellmark", "Arnholt")),
    ("Norland flew 30 tonnes of medicine to Vellmark on Sunday.", ("AID", "", "Norland", "Vellmark")),
    ("The Red Cross rushed truckloads of food into Torvik.", ("AID", "", "Red Cross", "Torvik")),
])
def test_aid_counted_by_the_tonne_or_truckload(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text, settings=RULES_ONLY)] == [expected]


def test_flying_somewhere_is_no_aid(nlp):
    assert coded(nlp, "The Vellmark president flew to Torvik on Sunday.") == []


@pytest.mark.parametrize("text, target", [
    # a protest is aimed at whom its demand is made of: a participle, a purpose clause
    ("Crowds of students rallied in the main square of Torvik on Sunday demanding the resignation of "
     "Prime Minister Ola Berg.", "Prime Minister Ola Berg"),
    ("Farmers marched through Torvik to demand the resignation of the agriculture minister.", "agriculture minister"),
])
def test_a_protest_takes_the_target_of_its_demand(nlp, text, target):
    assert [(e.type, e.target.text) for e in find_events(parse(nlp, text))] == [("PROTEST", target), ("REQUEST", target)]


def test_a_possessive_with_its_apostrophe_stripped_names_the_owner(nlp):
    # crawls deliver "the presidents resignation"; the parser reads "presidents" as a compound
    assert [e[:4] for e in coded(nlp, "Protesters demanded the presidents resignation.")] == [
        ("PROTEST", "demo", "Protesters", "presidents")]  # protesters' demand: their protest
    # a plural compound with no "the" before it is no owner: "two weapons inspectors"
    assert args.stripped_possessor(parse(nlp, "Vellmark expelled two weapons inspectors.").doc[4]) is None
    assert args.stripped_possessor(parse(nlp, "The rebels attacked the presidents convoy.").doc[5]).text == "presidents"


def test_out_of_is_from(nlp):
    assert [e[:4] for e in coded(nlp, "Vellmark pulled its troops out of the Odra valley overnight.", settings=RULES_ONLY)] == [
        ("RETREAT", "withdraw", "Vellmark", "Odra valley")]


def test_its_is_no_target(nlp):
    # "its embassy": the actor's own; a name after the trigger or nothing
    assert [e[:4] for e in coded(nlp, "Vellmark withdrew its ambassador.")] == [("SANCTION", "withdraw", "Vellmark", None)]


def test_talks_reopened_are_talks(nlp):
    assert [e[:4] for e in coded(nlp, "Vellmark and Norland reopened negotiations on the border dispute.", settings=RULES_ONLY)] == [
        ("CONSULT", "", "Vellmark", "Norland")]


@pytest.mark.parametrize("text,expected", [
    # the tokenizer splits a hyphenated word; the lexicon reads it whole, not by its last part
    ("Vellmark and Norland agreed to a cease-fire on Monday.", ("CONCEDE", "Vellmark and Norland")),
    ("Both sides observed the cease-fire in the Odra valley.", ("RETREAT", "sides")),
    ("Doctors staged a sit-in outside the health ministry.", ("PROTEST", "Doctors")),
])
def test_a_hyphenated_word_is_read_whole(nlp, text, expected):
    assert [(e[0], e[2]) for e in coded(nlp, text, settings=RULES_ONLY)] == [expected]


@pytest.mark.parametrize("text,expected", [
    # PLOVER CONCEDE: declarations, not implementations, of ceasefires and withdrawals
    ("The army declared a cease-fire in the Odra valley.", ("CONCEDE", "", "army")),
    ("A five-day truce was declared on Friday.", ("CONCEDE", "", None)),
    ("Vellmark announced the withdrawal of its troops from the border.", ("CONCEDE", "", "Vellmark")),
    ("The rebels announced the release of 20 prisoners.", ("RETREAT", "release", "rebels")),
])
def test_a_declared_ceasefire_or_withdrawal_is_a_concession(nlp, text, expected):
    assert [e[:3] for e in coded(nlp, text, settings=RULES_ONLY)] == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Kessel handed over two terrorism suspects to Vellmark.", [("COOPERATE", "Kessel", "Vellmark")]),
    ("The militants handed over three hostages to the Red Cross.", [("RETREAT", "militants", "Red Cross")]),
    ("The rebels handed over their negotiating points to the mediators.", []),
])
def test_what_is_handed_over_decides_the_type(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text, settings=RULES_ONLY)] == expected


@pytest.mark.parametrize("text,expected", [
    # disbanding an armed group is demobilizing it; a team or a parliament is no such act
    ("The militia disbanded after the peace deal.", [("RETREAT", "disarm", "militia")]),
    ("The football club disbanded its youth team.", []),
    ("The president dissolved parliament on Monday.", []),
    ("Ruritania dismantled its nuclear programme.", [("RETREAT", "disarm", "Ruritania")]),
    ("Police dismantled the protest camp.", []),
    # restricting movement or cutting a utility (CAMEO 191, PLOVER COERCE)
    ("Arnholt closed its border with Vellmark.", [("COERCE", "restrict", "Arnholt")]),
    ("The company closed its factory in Torvik.", []),
    ("Police cordoned off the main roads into the old town.", [("COERCE", "restrict", "Police")]),
    ("The regime cut off internet access in three provinces.", [("COERCE", "withhold", "regime")]),
    # crowds filling the streets
    ("Thousands of protesters poured into the streets of Torvik.", [("PROTEST", "demo", "Thousands of protesters")]),
])
def test_material_acts_without_a_named_event_word(nlp, text, expected):
    assert [e[:3] for e in coded(nlp, text, settings=RULES_ONLY)] == expected


@pytest.mark.parametrize("text,expected", [
    # an accord, a meeting or a statement is what an act is about, not whom it is aimed at
    ("The opposition boycotted the national dialogue.", ("PROTEST", "opposition", None)),
    ("Leaders of the six nations endorsed a joint declaration on maritime security.",
     ("SUPPORT", "Leaders of the six nations", None)),
    # a name after the trigger still takes its place, and a place stays a target
    ("The opposition boycotted the talks with Vellmark.", ("PROTEST", "opposition", "Vellmark")),
    ("Rebels stormed the town overnight.", ("ASSAULT", "Rebels", "town")),
    # a compromise struck is an agreement, not a blow
    ("The government and the union struck a compromise on pay.", ("AGREE", "government", "union")),
])
def test_an_accord_meeting_or_statement_is_no_target(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text)] == [expected]


@pytest.mark.parametrize("text,expected", [
    # a meeting or relations two parties share: the first acts, the second is the target
    ("Vellmark and Norland have postponed their meeting after the border incident.", ("SANCTION", "Vellmark", "Norland")),
    ("Vellmark and Norland have delayed their meeting after the border incident.", ("SANCTION", "Vellmark", "Norland")),
    ("Vellmark and Norland have renewed diplomatic ties, ending nine years of silence.", ("SUPPORT", "Vellmark", "Norland")),
    ("Vellmark restored diplomatic ties with Norland.", ("SUPPORT", "Vellmark", "Norland")),
])
def test_parties_to_a_shared_meeting_or_tie_are_actor_and_target(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text)] == [expected]


@pytest.mark.parametrize("text,expected", [
    # reductions of relations (CAMEO 161, 164, 1661): SANCTION, not a military retreat
    ("The opposition pulled out of the talks.", ("SANCTION", "opposition", None)),
    ("The army pulled out of the town.", ("RETREAT", "army", "town")),
    ("The United Nations withdrew its peacekeepers from Kessel.", ("SANCTION", "United Nations", "Kessel")),
    ("Vellmark closed its embassy in Norland.", ("SANCTION", "Vellmark", "Norland")),
    # an alert level raised is military posturing (CAMEO 152)
    ("Arnholt raised its military alert level.", ("MOBILIZE", "Arnholt", None)),
])
def test_reducing_relations_and_raising_alert(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text)] == [expected]


def test_a_host_holds_the_talks(nlp):
    assert [e[:3] for e in coded(nlp, "Vellmark hosted talks between the warring parties.")] == [
        ("CONSULT", "", "Vellmark")]


@pytest.mark.parametrize("text,expected", [
    ("The two agencies have worked together to track the smuggling routes.", ("COOPERATE", "two agencies", None)),
    ("Vellmark and Norland joined forces to fight piracy.", ("COOPERATE", "Vellmark", "Norland")),
    ("Norland and Vellmark launched joint patrols along their shared frontier.", ("COOPERATE", "Norland", "Vellmark")),
    ("The police launched an operation against drug gangs.", None),
    ("Norland dispatched rescue teams to Ruritania.", ("AID", "Norland", "Ruritania")),
    ("Washington approved a new package of military assistance for Kessel.", ("AID", "Washington", "Kessel")),
    ("The rebels laid down their weapons on Monday.", ("RETREAT", "rebels", None)),
    # readiness stated is intent; the adjective's subject is who is ready
    ("Officials said the EU was prepared to impose sanctions on Vellmark.", ("THREATEN", "EU", "Vellmark")),
    # tariffs on someone are a sanction; tariffs kept low are not
    ("Vellmark imposed tariffs on Norland steel.", ("SANCTION", "Vellmark", "Norland steel")),
    ("An accord that kept tariffs low collapsed in 2019.", None),
])
def test_cooperation_aid_and_readiness_phrasings(nlp, text, expected):
    events = coded(nlp, text)
    assert ((events[0][0], events[0][2], events[0][3]) if events else None) == expected


@pytest.mark.parametrize("text,expected", [
    ("Clashes flared again in the capital.", ("ASSAULT", None, None)),
    ("Protests swept the country after the vote.", ("PROTEST", None, "country")),
    ("Rebels exchanged fire with government troops.", ("ASSAULT", "Rebels", "government troops")),
    ("Soldiers returned fire.", ("ASSAULT", "Soldiers", None)),
])
def test_events_that_occur_and_fire_exchanged(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text)] == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Vellmark holds Norland responsible for the attack.", [("ACCUSE", "Vellmark", "Norland")]),
    ("Vellmark voted for the resolution.", [("SUPPORT", "Vellmark", "resolution")]),
    ("The weather was responsible for the delay.", []),
])
def test_holding_responsible_and_voting_for(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text)] == expected


def test_no_intention_of_acting_is_a_negated_threat(nlp):
    assert coded(nlp, "Vellmark has no intention of closing the border.") == [
        ("THREATEN", "restrict", "Vellmark", None, True, False)]


@pytest.mark.parametrize("text,expected", [
    ("Vellmark voiced deep concern about Norland's missile tests.", [("ACCUSE", "disapprove", "Vellmark", "Norland")]),
    ("The IMF is taking legal action against Kessel.", [("ACCUSE", "allege", "IMF", "Kessel")]),
    ("The main concern is the economy.", []),
])
def test_concern_voiced_and_legal_action_are_accusations(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The minister said Norland was responsible for the bombing.", [("ACCUSE", "allege", "minister", "Norland", False)]),
    ("Vellmark said Norland was not responsible for the attack.", [("ACCUSE", "allege", "Vellmark", "Norland", True)]),
    ("The government is responsible for the safety of its citizens.", []),
])
def test_holding_someone_responsible_for_an_act_is_an_allegation(nlp, text, expected):
    assert [e[:5] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Government troops recaptured the city from the rebels.", [("COERCE", "seize", "Government troops", "rebels")]),
    ("Vellmark sent a team of doctors to Kessel.", [("AID", "", "Vellmark", "Kessel")]),
    ("The army sent a team of soldiers to the border.", [("MOBILIZE", "troops", "army", None)]),
])
def test_retaking_a_town_and_teams_sent(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The activist was reportedly assassinated by a militia on Saturday.",
     [("ASSAULT", "assassinate", "militia", "activist", False, True)]),
    ("Two guards were allegedly executed by the rebels.",
     [("ASSAULT", "execute", "rebels", "Two guards", False, True)]),
    ("A farmer may have been killed by the soldiers.", [("ASSAULT", "", "soldiers", "farmer", False, True)]),
    ("A farmer could have been killed by the soldiers.", []),  # a counterfactual: he was not
    ("Norland would have attacked if Vellmark had not retreated.", []),
    ("The militia could attack the town.", [("THREATEN", "violence", "militia", "town", False, True)]),
    ("The militia reportedly could attack the town.", [("THREATEN", "violence", "militia", "town", False, True)]),
])
def test_a_reported_past_act_is_the_act_not_a_threat(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The monitoring mission withdrew from Kessel on Monday.", [("SANCTION", "withdraw", "monitoring mission", "Kessel")]),
    ("The rights group withdrew from Norland last week.", [("SANCTION", "withdraw", "rights group", "Norland")]),
    ("The rebels withdrew from Kessel on Monday.", [("RETREAT", "withdraw", "rebels", "Kessel")]),
    ("The rebels quit the peace talks on Tuesday.", [("SANCTION", "withdraw", "rebels", None)]),
    ("The minister quit the government on Tuesday.", [("RETREAT", "resign", "minister", "government")]),
])
def test_guests_leaving_and_talks_quit_reduce_relations(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The cabinet bowed to pressure from the unions.", [("CONCEDE", "cabinet")]),
    ("Vellmark caved in to the demands of the strikers.", [("CONCEDE", "Vellmark")]),
    ("The actor bowed to the audience.", []),
    ("Election observers were allowed back into Norland on Friday.", [("RETREAT", None)]),
    ("The insurgents announced a formal disbanding of their brigades.", [("RETREAT", "insurgents")]),
    ("The club announced the disbanding of its youth team.", []),
    ("Norland and Vellmark are expanding intelligence sharing.", [("COOPERATE", "Norland")]),
    ("Norland has stationed an air defence system near the frontier.", [("MOBILIZE", "Norland")]),
    ("Norland cut Internet access across the country on Friday.", [("COERCE", "Norland")]),
    ("The union said it was ready to shut down the airport.", [("THREATEN", "union")]),
])
def test_concessions_access_disbanding_sharing_and_closures(nlp, text, expected):
    assert [(e[0], e[2]) for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The ministry handed out criminal charges to several companies.", [("ACCUSE", "allege", "ministry", "several companies")]),
    ("The prosecutor filed charges against the mayor.", [("ACCUSE", "allege", "prosecutor", "mayor")]),
    ("The bank imposed a charge on late payments.", []),
    # PLOVER ACCUSE, allege: "charge with a crime, criminally indict"; a conviction is SANCTION
    ("The mayor was charged with fraud on Friday.", [("ACCUSE", "allege", None, "mayor")]),
    ("A grand jury indicted the senator on bribery counts.", [("ACCUSE", "allege", "grand jury", "senator")]),
    ("A former mayor of Torvik is facing bribery charges in Vellmark.", [("ACCUSE", "allege", None, "former mayor of Torvik")]),
    ("A court in Torvik convicted the senator of bribery.", [("SANCTION", "convict", "court in Torvik", "senator")]),
])
def test_charges_brought_are_legal_accusations(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a court's jailing, or a jail term, is a sentence (SANCTION convict); other jailing an arrest
    ("A court jailed the opposition leader for five years.", [("SANCTION", "convict", "court", "opposition leader")]),
    ("The journalist was jailed for three years on Monday.", [("SANCTION", "convict", None, "journalist")]),
    ("Police jailed six protesters overnight.", [("COERCE", "arrest", "Police", "six protesters")]),
    # a raid on offices or homes, a search of a place: a law-enforcement raid (COERCE seize)
    ("Security forces raided the offices of the opposition newspaper.",
     [("COERCE", "seize", "Security forces", "opposition newspaper")]),
    ("Soldiers searched the airport for weapons.", [("COERCE", "seize", "Soldiers", "airport")]),
    ("Troops raided a rebel base near Torvik.", [("ASSAULT", "", "Troops", "Torvik")]),
    # crowds torching or looting riot; troops torching a village destroy it
    ("Rioters torched cars and looted shops in the port city.", [("PROTEST", "riot", "Rioters", None)]),
    ("Government troops torched the village.", [("ASSAULT", "destroy", "Government troops", "village")]),
    # throwing out an appeal or a case rejects it; admitting or accepting blame concedes
    ("The court threw out the appeal by the government.", [("REJECT", "", "court", "government")]),
    ("Ruritania admitted responsibility for the downing of the airliner.", [("CONCEDE", "", "Ruritania", None)]),
    ("The company accepted responsibility for the spill.", [("CONCEDE", "", "company", None)]),
    ("The minister admitted that the plan had failed.", []),
    # lifting charges or withdrawing a complaint: a concession
    ("The ministry withdrew its complaint against the newspaper.", [("CONCEDE", "", "ministry", "newspaper")]),
])
def test_sentences_raids_riots_dismissals_and_admissions(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    # backing down: dropping or withdrawing one's own bill, demand or charges (CONCEDE)
    ("The ruling party dropped its media bill after weeks of protests.", [("CONCEDE", "", "ruling party", None)]),
    ("The union withdrew its demand for a pay rise.", [("CONCEDE", "", "union", None)]),
    ("Vellmark abandoned its claim to the islands.", [("CONCEDE", "", "Vellmark", None)]),
    ("Vellmark withdrew its troops from the border.", [("RETREAT", "withdraw", "Vellmark", "border")]),
    ("Police dropped leaflets over the town.", []),
    ("The producers of the musical abandoned plans to stage the show in Torvik.", []),
    # a state or anyone named suspended from anything: SANCTION; a player's ban is no event
    ("The league suspended Arnholt from all its activities.", [("SANCTION", "withdraw", "league", "Arnholt")]),
    ("The club suspended the striker from two matches.", []),
    # medical care is aid
    ("Medics treated dozens of injured protesters.", [("AID", "", "Medics", "dozens of injured protesters")]),
    ("The regime treats dissidents as traitors.", []),
    # investment in a country is economic cooperation, as the verb is; in machinery it is business
    ("Japan is expanding its investment in Vietnam.", [("COOPERATE", "", "Japan", "Vietnam")]),
    ("The firm made a large investment in new machinery.", []),
    # evacuating civilians is humanitarian aid; evacuating a base a withdrawal
    ("Hundreds of thousands of people have been evacuated from the flooded provinces.",
     [("AID", "", None, "Hundreds of thousands of people")]),
    ("Rescue teams evacuated 300 residents of the village on Sunday.",
     [("AID", "", "Rescue teams", "300 residents of the village")]),
    ("The evacuation of civilians from the besieged town began on Monday.", [("AID", "", None, "civilians")]),
    ("The army evacuated its base near Torvik.", [("RETREAT", "withdraw", "army", "Torvik")]),
    # backing down needs a party: "plans for X to abandon" the flag abandon no plans
    ("The assembly voted on Monday, starting plans for the province to abandon its old anthem.", []),
])
def test_backing_down_suspensions_and_medical_care(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    # PLOVER: protests, including protests making demands or voicing disapproval, are PROTEST
    ("Protesters gathered outside parliament, demanding the release of the detained students.",
     [("PROTEST", "demo", "Protesters", "detained students")]),
    ("Thousands of protesters denounced the new law in the capital.", [("PROTEST", "demo", "Thousands of protesters", None)]),
    # their march already coded: one protest, not also a demand
    ("Hundreds of demonstrators marched through Torvik on Sunday, demanding the resignation of the mayor.",
     [("PROTEST", "demo", "Hundreds of demonstrators", "mayor")]),
    # others denouncing protesters, or activists asking, are no protest
    ("The minister denounced the protesters.", [("ACCUSE", "disapprove", "minister", "protesters")]),
    ("Activists called for the release of the journalist.", [("REQUEST", "yield", "Activists", "journalist")]),
])
def test_demands_and_disapproval_voiced_by_protesters_are_their_protest(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


def test_a_row_that_needs_a_preposition_needs_it_in_the_sentence():
    # the prefilter: "suspend" codes a named party only "from" something
    assert needs_parse("The league suspended Arnholt from all its activities.")
    assert not needs_parse("The striker was suspended for two games after his red card.")
    # a row with a particle and an object class needs the class word: "break up" a crowd or a protest
    assert needs_parse("Police broke up the protest outside the ministry.")
    assert not needs_parse("The couple broke up last year.")


@pytest.mark.parametrize("text,expected", [
    # breaking up a protest or a crowd disperses it: crowd control (ASSAULT), its owner the target
    ("Police broke up the protest march in the capital on Monday.", [("ASSAULT", "crowd-control", "Police", None)]),
    ("Riot police broke up the crowd outside the ministry.", [("ASSAULT", "crowd-control", "Riot police", "crowd")]),
    ("Police dispersed the students' sit-in.", [("ASSAULT", "crowd-control", "Police", "students")]),
    ("The couple broke up last year.", []),
])
def test_breaking_up_a_protest_is_crowd_control(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    # building or stockpiling weapons raises their readiness (MOBILIZE weapons); a bridge is no arms
    ("The military is building tanks, planes and other equipment at a fast pace.", [("MOBILIZE", "weapons", "military", None)]),
    ("Norland is building up its missile arsenal.", [("MOBILIZE", "weapons", "Norland", None)]),
    ("The company is building a new bridge over the river.", []),
])
def test_building_arms_is_mobilizing_weapons(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Violence broke out in Kessel on Sunday.", [("ASSAULT", None, "Kessel")]),
    ("Norland took military action against Vellmark.", [("ASSAULT", "Norland", "Vellmark")]),
    ("The army launched a military operation against the rebels.", [("ASSAULT", "army", "rebels")]),
    ("The army launched a joint operation with Vellmark.", [("COOPERATE", "army", "Vellmark")]),
    ("A police crackdown on rioters resulted in dozens of injuries.", [("COERCE", None, "rioters")]),
    # whose lives an attack claimed are its target, as for "artillery fire killed 12 soldiers"
    ("The attack claimed the lives of 20 soldiers.", [("ASSAULT", None, "lives of 20 soldiers")]),
    ("Critics claim the election was rigged.", []),
])
def test_force_named_as_action_and_events_told_by_their_consequences(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The minister refused to discuss the plan with reporters.", [("REJECT", "", "minister", None)]),
    ("The government refused to pay the fine.", [("REJECT", "", "government", None)]),
    ("Norland refused to withdraw its troops.", [("REJECT", "yield", "Norland", None)]),
    ("The spokesman refused to comment on the report.", []),
    ("The police refused to name the suspect.", []),
])
def test_a_refusal_to_do_anything_but_comment_is_a_rejection(nlp, text, expected):
    assert [e[:4] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The war ended on Friday.", [("RETREAT", "ceasefire", False)]),
    ("The strike ended on Tuesday.", [("CONCEDE", "", False)]),
    ("The fighting has not ended.", [("RETREAT", "ceasefire", True)]),
    ("The talks ended without agreement.", [("CONSULT", "", False)]),
    ("Norland and Vellmark renounced their recognition of Kessel.", [("SANCTION", "withdraw", False)]),
])
def test_an_event_that_ends_and_a_recognition_renounced(nlp, text, expected):
    assert [(e[0], e[1], e[4]) for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Norland terminated the agreement with Vellmark.", [("SANCTION", "Norland", "Vellmark")]),
    ("Norland scrapped the trade deal with Vellmark.", [("SANCTION", "Norland", "Vellmark")]),
    ("Norland shut its embassy in Vellmark.", [("SANCTION", "Norland", "Vellmark")]),
    ("Norland bolstered its military presence in the region.", [("MOBILIZE", "Norland", None)]),
    ("Cheap credit has boosted demand for new cars.", []),
    ("The company bolstered its market presence.", []),
])
def test_ending_pacts_and_stepping_up_forces(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The ministry has not said when the exercises will end.", []),
    ("Reporters asked whether the talks would resume.", []),
    ("The minister did not say whether Norland would lift the sanctions.", []),
    ("The minister said the troops would withdraw from the border.", [("CONCEDE", "troops")]),
    # asked how, how soon or how long: a question too
    ("Asked how soon the army would withdraw, the minister said nothing.", []),
    ("The envoy did not say how Norland would lift the sanctions.", []),
    ("The minister explained how the army withdrew from the town.", [("RETREAT", "army")]),
    ("That is why Hale will not accede to the demands of the marchers, she said.", [("REJECT", "Hale")]),
    # a yes/no question the sentence asks itself (readers' comments, interviews); a wh-question
    # presupposes its act
    ("Will Ostara impose sanctions on Kessling?", []),
    ("Did the army withdraw from Kessling?", []),
    ("Why did the army withdraw from Kessling?", [("RETREAT", "army")]),
])
def test_an_open_question_tells_no_event(nlp, text, expected):
    assert [(e[0], e[2]) for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("China invested 2 billion dollars in Kenya.", [("COOPERATE", "China", "Kenya")]),
    ("The company invested in new machinery.", []),
    ("Norland airdropped food to the besieged town.", [("AID", "Norland", "besieged town")]),
    ("Norland opened the border on Monday.", [("RETREAT", "Norland", "border")]),
    ("The troops opened fire on the crowd.", [("ASSAULT", "troops", "crowd")]),
    ("The rebels handed back the town.", [("RETREAT", "rebels", None)]),
])
def test_investment_airdrops_and_openings(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Norland gave Vellmark a deadline to withdraw.", [("THREATEN", "Norland", "Vellmark")]),
    ("Norland gave the rebels an ultimatum to surrender.", [("THREATEN", "Norland", "rebels")]),
    ("The deadline to apply is Friday.", []),
    ("Norland ignored the court ruling.", [("REJECT", "Norland", None)]),
    ("The minister ignored the question.", []),
])
def test_deadlines_to_act_and_rulings_ignored(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The rebels are believed to have killed 12 soldiers.", [("ASSAULT", "rebels", "12 soldiers", True)]),
    ("Police suspect the rebels killed 12 soldiers.", [("ASSAULT", "rebels", "12 soldiers", True)]),
    ("The rebels are suspected of killing 12 soldiers.", [("ASSAULT", "rebels", "12 soldiers", False)]),
    ("The rebels are expected to attack the town.", [("THREATEN", "rebels", "town", True)]),
    ("The prisoners are expected to be released on Friday.", [("RETREAT", None, "prisoners", True)]),
    ("Vellmark was forced to withdraw its troops.", [("RETREAT", "Vellmark", None, False)]),
    ("The troops were poised to strike.", [("THREATEN", "troops", None, True)]),
])
def test_a_raised_subject_acts_in_the_voice_of_its_own_verb(nlp, text, expected):
    assert [(e[0], e[2], e[3], e[5]) for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Norland says it will not withdraw its troops from Vellmark.", [("REJECT", "yield", "Norland", "Vellmark", False)]),
    ("The rebels said they would never release the hostages.", [("REJECT", "yield", "rebels", "hostages", False)]),
    ("Norland did not withdraw its troops.", [("RETREAT", "withdraw", "Norland", None, True)]),
    ("The remix is not going to be released across Norland.", []),
    ("The convoy attacked by rebels was carrying aid.", [("ASSAULT", "", "rebels", "convoy", False)]),
])
def test_refusing_to_yield_and_a_participle_event_s_own_agent(nlp, text, expected):
    assert [e[:5] for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The EU gave Ukraine 5 million euros in aid.", [("AID", "EU", "Ukraine")]),
    ("Norland sent 50 million dollars to Vellmark.", [("AID", "Norland", "Vellmark")]),
    ("The company paid 5 million euros in fines.", []),
])
def test_money_given_is_aid_when_the_tagger_misses_the_amount(nlp, text, expected):
    assert [(e[0], e[2], e[3]) for e in coded(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a denial added as an aside on the clause ("a charge ... denies", "which ... denies")
    # denies its truth: the charge was still made, so the event is not negated
    ("Ms Lindqvist accused Northford of harassing families in the valley, a charge Kessling denies.",
     [("ACCUSE", "allege", "Ms Lindqvist", "Northford", False, False)]),
    ("Arnholt accused Northford of shelling the crossing, an allegation Northford denies.",
     [("ACCUSE", "allege", "Arnholt", "Northford", False, False)]),
    # a denial of the act itself still negates it, reported before or after
    ("Police arrested five activists, the ministry denied.",
     [("COERCE", "arrest", "Police", "five activists", True, False)]),
    ("Northford denies that it shelled the crossing.",
     [("ASSAULT", "heavy-weapons", "Northford", "crossing", True, False)]),
])
def test_a_denial_added_as_an_aside_leaves_the_charge_made(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "gave into their demands" is "gave in to", written as one word: a concession
    ("Kessling has finally given into demands made by Northford to reopen the bridge.",
     [("CONCEDE", "", "Kessling", "Northford", False, False)]),
    ("Arnholt gave into Northford's demands.", [("CONCEDE", "", "Arnholt", "Northford", False, False)]),
    # renewing ties is restoring them (SUPPORT, as restore and resume)
    ("Vellmark renewed its ties with Northford on Monday.",
     [("SUPPORT", "", "Vellmark", "Northford", False, False)]),
    # a renewed call is still the call's own event, not a renewal of relations
    ("Northford renewed its call for talks.", [("REQUEST", "meet", "Northford", None, False, False)]),
])
def test_giving_into_demands_and_renewing_ties(nlp, text, expected):
    assert coded(nlp, text, settings=RULES_ONLY) == expected


@pytest.mark.parametrize("text, expected", [
    # a way in stands for where it leads: the target is the sites, not "access"
    ("The authorities blocked access to opposition websites during the vote.",
     [("COERCE", "censor", "authorities", "opposition websites", False, False)]),
    # a patrol is a body of troops: an ambush on it has it as target (it is also an act noun)
    ("Militants ambushed an army patrol near the Kessling border.",
     [("ASSAULT", "", "Militants", "army patrol", False, False)]),
    # a protest "at" an actor (a ministry, an embassy) is aimed at it; "at" a place is not
    ("Students staged a sit-in at the education ministry.",
     [("PROTEST", "obstruct", "Students", "education ministry", False, False)]),
    ("Hundreds protested at the Northford embassy in Kessling.",  # the embassy for its state
     [("PROTEST", "demo", "Hundreds", "Northford", False, False)]),
    ("Fans rallied at the stadium on Sunday.", [("PROTEST", "demo", "Fans", None, False, False)]),
])
def test_targets_behind_a_way_in_a_patrol_and_a_protest_at_an_actor(nlp, text, expected):
    assert coded(nlp, text, settings=RULES_ONLY) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rebels downed a Norland army helicopter near Kessling.",
     [("ASSAULT", "firearms", "Rebels", "Norland army helicopter", False, False)]),
    # "rose up in protest": the protest is realised by rising in it
    ("Thousands of farmers rose up in protest against the governor.",
     [("PROTEST", "demo", "Thousands of farmers", "governor", False, False)]),
    ("The militia vowed to exterminate the rebels.",
     [("THREATEN", "violence", "militia", "rebels", False, False)]),
    # prices and markets going down are no event ("down" as a verb needs an aircraft or arms)
    ("Shares in Vellmark Air were down five percent on Monday.", []),
])
def test_downing_aircraft_rising_in_protest_and_extermination(nlp, text, expected):
    assert coded(nlp, text, settings=RULES_ONLY) == expected


@pytest.mark.parametrize("text, expected", [
    # a third party's act on a pair has the pair as target
    ("Ruritania offered to host the next round of negotiations between the warring factions.",
     [("AGREE", "", "Ruritania", "warring factions", False, False)]),
    ("Norland hosted talks between the government and the rebels.",
     [("CONSULT", "", "Norland", "government and the rebels", False, False)]),
    # the pair itself acting: the first is the actor, the second the target
    ("Talks between Kessling and Vellmark resumed.", [("CONSULT", "", "Kessling", "Vellmark", False, False)]),
])
def test_a_third_party_s_act_between_a_pair_aims_at_the_pair(nlp, text, expected):
    assert coded(nlp, text, settings=RULES_ONLY) == expected


@pytest.mark.parametrize("text, expected", [
    # the thing a protest blocks or occupies is not whom it is aimed at
    ("Angry truckers blocked the motorway with their lorries.",
     [("PROTEST", "obstruct", "Angry truckers", None, False, False)]),
    ("Opposition parties boycotted the vote.", [("PROTEST", "boycott", "Opposition parties", None, False, False)]),
    # what a protest is against stays its target, and so does an actor as object
    ("Teachers protested against the pay cuts.", [("PROTEST", "demo", "Teachers", "pay cuts", False, False)]),
    ("Students picketed the ministry.", [("PROTEST", "obstruct", "Students", "ministry", False, False)]),
    # nor is the thing a request asks for; an object told to act is the addressee
    ("The opposition demanded an apology over the remarks.", [("REQUEST", "", "opposition", None, False, False)]),
    ("The union urged the council to reject the plan.", [("REQUEST", "", "union", "council", False, False)]),
    ("Arnholt demanded the release of the prisoners.", [("REQUEST", "yield", "Arnholt", "prisoners", False, False)]),
])
def test_the_thing_a_protest_blocks_or_a_request_asks_for_is_no_target(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a closure realised by a verb is the act of closing: a border, newspapers, an embassy
    ("The government announced the closure of two opposition newspapers.",
     [("COERCE", "censor", "government", "two opposition newspapers", False, False)]),
    ("Vellmark lifted the closure of the crossing.", [("CONCEDE", "", "Vellmark", "crossing", False, False)]),
    # a firm closing a plant is no event
    ("The company announced the closure of its plant in Torvik.", []),
    # accepting refugees is asylum (AID); promised, it is AGREE
    ("Norland accepted 60 refugees from Vellmark last year.", [("AID", "asylum", "Norland", "60 refugees", False, False)]),
    ("Norland will accept 60 refugees from Vellmark.", [("AGREE", "", "Norland", "60 refugees", False, True)]),
    ("Norland accepted the offer.", [("AGREE", "", "Norland", None, False, False)]),
    # a closure the lexicon does not code is no act: its phrase still names the target
    ("The mayor criticized the closure of guest houses in Torvik.",
     [("ACCUSE", "disapprove", "mayor", "Torvik", False, False)]),
])
def test_closures_and_refugees_accepted(nlp, text, expected):
    assert coded(nlp, text, settings=RULES_ONLY) == expected


@pytest.mark.parametrize("text, expected", [
    # a name in apposition belongs to the phrase: the span names the person
    ("Police arrested the opposition leader, Jan Morrow, in Torvik.",
     [("COERCE", "arrest", "Police", "opposition leader, Jan Morrow", False, False)]),
    # a name after a name is not taken (here the envoy's name hangs on the country)
    ("Norland recalled its ambassador to Arnholt, Clare Whitlock, for consultations.",
     [("SANCTION", "withdraw", "Norland", "Arnholt", False, False)]),
    # nor an acronym in brackets, which would leave the bracket open
    ("Norland protested to the Kessling Rugby Board (KRB) about the referee.",
     [("PROTEST", "demo", "Norland", "Kessling Rugby Board", False, False)]),
])
def test_a_name_in_apposition_is_part_of_the_span(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # claiming lives is killing, told by its toll; the span names whose lives
    ("The violence has claimed the lives of 23 villagers in Torvik.",
     [("ASSAULT", "", None, "lives of 23 villagers in Torvik", False, False)]),
    # as for kill, a sickness or a disaster claims lives without an assault
    ("The earthquake claimed 200 lives.", []),
    ("Cholera has claimed the lives of 30 children.", []),
    ("Norland claimed victory in the election.", []),
])
def test_claiming_lives_is_killing(nlp, text, expected):
    assert coded(nlp, text, settings=RULES_ONLY) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative pronoun under a reporting verb stands for the relative clause's noun
    ("Officials blamed the bombing on armed gangs, which they said had attacked a police base.",
     [("ACCUSE", "allege", "Officials", "armed gangs", False, False),
      ("ASSAULT", "", "armed gangs", "police base", False, False)]),
    # a question word is no one: the target stays, the actor is not "Who"
    ("Who opposes sanctions on Ruritania?", [("REJECT", "", None, "Ruritania", False, False)]),
    ("Police arrested two men who had attacked a mosque.",
     [("COERCE", "arrest", "Police", "two men", False, False),
      ("ASSAULT", "", "two men", "mosque", False, False)]),
])
def test_a_relative_pronoun_actor_is_its_antecedent_or_no_one(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a passive verb keeps its voice when it shares an active verb's subject: Kaplan is the victim
    ("Kaplan became head of state but was killed six months later in a coup led by General Mora.",
     [("ASSAULT", "", "General Mora", "Kaplan", False, False)]),
    # the act a passive happened in names its actor
    ("Twelve soldiers were wounded in an attack by rebels near Dunmere.",
     [("ASSAULT", "", "rebels", "Twelve soldiers", False, False)]),
    ("Three villagers were killed during the army's offensive.",
     [("ASSAULT", "", "army", "Three villagers", False, False)]),
    # a place, a thing that is no act, or an act that is no act of force names no actor
    ("Six people were killed in Dunmere on Friday.", [("ASSAULT", "", None, "Six people", False, False)]),
    ("At least nine marchers were killed in anti-government rallies on Friday.",
     [("ASSAULT", "", None, "At least nine marchers", False, False)]),
    ("Four people were killed in a car driven by a drunk man.",
     [("ASSAULT", "", None, "Four people", False, False)]),
])
def test_a_passive_inside_an_act_takes_the_acts_actor(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a plan or a measure does nothing of its own; whose it is, if said, is the actor
    ("The new measures freeze the assets of six Arnholt ministers.",
     [("SANCTION", "discontinue", None, "six Arnholt ministers", False, False)]),
    ("The plan bans Vellmark from the talks.", [("COERCE", "ban", None, "Vellmark", False, False)]),
    # nor does an act; the relative clause says the drills happened (the lexicon's drills with no
    # partner are MOBILIZE; before, the classifier coded COOPERATE on "started")
    ("The drills, which started on Monday, are routine, officials said.",
     [("MOBILIZE", "troops", None, None, False, False)]),
    ("An airstrike killed six soldiers.", [("ASSAULT", "aerial", None, "six soldiers", False, False)]),
])
def test_a_plan_a_measure_or_an_act_is_no_actor(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # claiming an act, or responsibility for it, is owning it: the claimer did it
    ("A rebel group claimed responsibility for the bombing.", [("ASSAULT", "explosives", "rebel group", None, False, False)]),
    ("The rebels claimed the attack on the base.", [("ASSAULT", "", "rebels", "base", False, False)]),
    # denying it, or nobody claiming it, negates it; "nobody" is no actor, "no one" no target
    ("The militia denied responsibility for the attack on the convoy.",
     [("ASSAULT", "", "militia", "convoy", True, False)]),
    ("Nobody has claimed responsibility for the attack.", [("ASSAULT", "", None, None, True, False)]),
    ("No one was hurt in the attack.", [("ASSAULT", "", None, None, True, False)]),
    # claiming lives is still killing; claiming a victory no act
    ("The violence has claimed the lives of 8 shepherds.",
     [("ASSAULT", "", None, "lives of 8 shepherds", False, False)]),
    ("Arnholt claimed victory in the war.", []),
])
def test_claiming_responsibility_for_an_act_is_doing_it(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place after a preposition of place says where, not who: no actor by position
    ("In the capital Brannvik, six people were arrested.", [("COERCE", "arrest", None, "six people", False, False)]),
    # (as a target by position a place stays: "violence in Torvik" is aimed at it)
    ("Violence continued in Torvik, where 14 people were killed.",
     [("ASSAULT", "", None, "Torvik", False, False), ("ASSAULT", "", None, "14 people", False, False)]),
    # a name before the trigger that is no place is still taken
    ("Vellmark said the talks ended.", [("CONSULT", "", "Vellmark", None, False, False)]),
])
def test_a_place_after_a_preposition_of_place_is_no_actor_by_position(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # who must act for a condition to hold is not who acts: no actor by position from an "if" clause
    # (it is whom the threat is made to: event_roles._condition_party, round 23)
    ("If those troops are not back in their barracks by Friday, sanctions will follow.",
     [("THREATEN", "restrict", None, "troops", False, True)]),
    ("If Arnholt refuses, Vellmark will impose sanctions.",
     [("THREATEN", "restrict", "Vellmark", "Arnholt", False, True)]),
])
def test_an_actor_by_position_is_not_taken_from_a_condition(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_a_classifier_events_target_is_the_first_usable_prepositional_object(nlp):
    # the classifier codes "imposed" (the sanctions noun is only mentioned); its first "on" is a day
    text = "The step answers the sanctions Norland imposed on Friday on 14 Arnholt officials, the ministry said."
    assert [(e.type, e.actor.text, e.target.text) for e in find_events(parse(nlp, text))] == [
        ("SANCTION", "Norland", "14 Arnholt officials")]


@pytest.mark.parametrize("text, expected", [
    # a span keeps quote marks in pairs: the opening mark joins the phrase that holds the closing one
    ("Police arrested “Red” Marco Velli, the gang leader.",
     [("COERCE", "arrest", "Police", "“Red” Marco Velli", False, False)]),
    ('Police arrested "Red" Marco Velli, the gang leader.',
     [("COERCE", "arrest", "Police", '"Red" Marco Velli', False, False)]),
    # a relative "whose" names no one: the span starts after it
    ('"We will not retreat," said the general, whose troops attacked "the so-called liberators".',
     [("REJECT", "yield", "general", None, False, False), ("ASSAULT", "", "troops", "so-called liberators", False, False)]),
])
def test_spans_keep_quote_marks_in_pairs_and_drop_a_relative_whose(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the parse hangs "which seized" on the talks; talks seize nothing, the name before "which" does
    ("The leader has built ties with Brazil while holding talks with Vellmark which seized the northern hills in 1967.",
     [("CONSULT", "", "leader", "Vellmark", False, False), ("COERCE", "seize", "Vellmark", "northern hills", False, False)]),
    ("Talks with the rebels who seized the town have stalled.", [("COERCE", "seize", "rebels", "town", False, False)]),
])
def test_a_relative_clause_on_an_act_of_another_kind_belongs_to_the_name_before_it(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "neither side" is no one: the event is negated and no one is found by position in its place
    ("Dr Helen Marr of the Kessling Institute said that neither side wanted war.",
     [("THREATEN", "violence", None, None, True, False)]),
    ("Neither country has attacked the other.", [("ASSAULT", "", None, "other", True, False)]),
    # who was promised something did not promise it
    ("Residents were promised a flood wall after the town flooded in 2007, but work has never started.",
     [("AGREE", "", None, None, False, False)]),
])
def test_no_one_and_who_it_befell_are_not_actors_by_position(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a question asked is no act: who will step down is being decided, nobody stepped down
    ("The council will not decide which president should step down, the ambassador said.", []),
    ("Ministers asked who would lead the talks with Arnholt.", []),
    # stopping short of an act is not doing it
    ("The ministers stopped short of suspending Kessling from the league on Sunday.",
     [("SANCTION", "withdraw", "ministers", "Kessling", True, False)]),
    ("Berg has now stopped short of calling for his exit.", [("REQUEST", "", "Berg", None, True, False)]),
    # meeting a thing is no meeting: resistance, an iron fist
    ("The Northford proposal is meeting fierce resistance from Arnholt.", []),
    ("Any dissent is met with an iron fist, she said.", []),
    # rallying crowds gathers backers, inviting interference brings it on: neither is coded
    ("The ruler can still rally large crowds for government-run parades.", []),
    ("The assaults are inviting foreign interference.", []),
    # ... while meeting people, inviting observers and rallying outside a ministry still are
    ("Berg met Hale on Monday.", [("CONSULT", "", "Berg", "Hale", False, False)]),
    ("The Kessling government said it had invited Arnholt observers to the vote.",
     [("AGREE", "", "Kessling government", "Arnholt observers", False, False)]),
    ("Police rallied outside the ministry.", [("PROTEST", "demo", "Police", "ministry", False, False)]),
])
def test_words_of_events_used_for_no_event(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "neither X nor Y" denies the act of both, as "not" would; both stay named
    ("Neither Arnholt nor Vellmark attacked the convoy.",
     [("ASSAULT", "", "Neither Arnholt nor Vellmark", "convoy", True, False)]),
    ("Arnholt and Vellmark attacked the convoy.", [("ASSAULT", "", "Arnholt and Vellmark", "convoy", False, False)]),
])
def test_neither_nor_negates_the_act(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # who reports an attack told in the passive did not do it, also when the "by" phrase names
    # only the means, and a participle running on from it shares that
    ("Residents said the market had been hit by rockets on Thursday, killing at least nine people.",
     [("ASSAULT", "", None, "market", False, False), ("ASSAULT", "", None, "market", False, False)]),
    # ... and so when the means is an act ("by shelling"): neither the reporter, nor what was
    # shelled, nor a name inside it ("Kessling" of "part of Kesslings old citadel") shelled anyone
    ("Part of the old city was destroyed by shelling.", [("ASSAULT", "heavy-weapons", None, None, False, False)]),
    ("The opposition council said a wing of Kesslings old fortress had been damaged by shelling.",
     [("ASSAULT", "heavy-weapons", None, None, False, False)]),
    ("The ministry said the town was shelled by rebels.",
     [("ASSAULT", "heavy-weapons", "rebels", "town", False, False)]),
    # "he" is not the diplomats, "she" not the ministry: the pronoun stays for the article to resolve
    ("Diplomats said he took part in meetings with Arnholt officials.",
     [("CONSULT", "", "he", "Arnholt officials", False, False)]),
    ("The ministry said she had met the Arnholt ambassador.",
     [("CONSULT", "", "she", "Arnholt ambassador", False, False)]),
    # ... while "they" are the rebels (a capitalised plural the tagger takes for a name) and
    # "it" is the state that says it
    ("Rebels told journalists they had shot down a fighter jet near Kessling.",
     [("ASSAULT", "firearms", "Rebels", "fighter jet", False, False)]),
    ("The Vellmar government said it had recalled its ambassador from Northford.",
     [("SANCTION", "withdraw", "Vellmar government", "Northford", False, False)]),
    # what a bombardment was done to did not shell anyone
    ("There were reports of a pause in the bombardment of Kessling, but shelling later resumed.",
     [("ASSAULT", "heavy-weapons", None, None, False, False)]),
    # "the first to recall": who was first
    ("Vellmar was the first to recall its consul to Northford in May.",
     [("SANCTION", "withdraw", "Vellmar", "Northford", False, False)]),
    # killed by shelling: one event, not also a shelling by the dead
    ("Nine people were killed by shelling in Torvik on Wednesday.",
     [("ASSAULT", "", None, "Nine people", False, False)]),
    # a state's strike is an attack, a nationwide one by workers a labour strike
    ("The US strike, which happened on Monday, killed four militants.",
     [("ASSAULT", "", "US", "four militants", False, False)]),
    ("Rail workers began a strike on Monday.", [("PROTEST", "strike", "Rail workers", None, False, False)]),
    # "US" in capitals is the country, not the pronoun "us" to resolve to the other subject
    ("Russia said the US would impose sanctions on Syria.",
     [("THREATEN", "restrict", "US", "Syria", False, True)]),
    ("Officials in Moscow said the US had sent warships to the region.",
     [("MOBILIZE", "troops", "US", None, False, False)]),
    # nor do witnesses, activists or rights groups who report it
    ("Activists say thousands have been arrested in the crackdown.",
     [("COERCE", "arrest", None, "thousands", False, False)]),
    ("Rights groups say 7,500 people have been detained since the revolt began.",
     [("COERCE", "arrest", None, "7,500 people", False, False)]),
    ("Witnesses said protests broke out after the funeral in two towns.",
     [("PROTEST", "demo", None, None, False, False)]),
    # who receives an ultimatum does not issue it
    ("Kessling had been given an ultimatum to withdraw its troops.",
     [("THREATEN", "", None, None, False, False)]),
    # a news medium that reports an act did not do it, whatever the act
    ("State television said about 600 detainees were freed on Wednesday.",
     [("RETREAT", "release", None, "about 600 detainees", False, False)]),
    ("State media said the army had arrested hundreds of gunmen.",
     [("COERCE", "arrest", "army", "hundreds of gunmen", False, False)]),
    # a person seized by someone is who is freed, not the captors
    ("A journalist seized by gunmen was freed on Monday.",
     [("COERCE", "seize", "gunmen", "journalist", False, False), ("RETREAT", "release", None, "journalist", False, False)]),
    # a "by" phrase names who did something else, never the target
    ("Student protests, inspired by events in Arnholt, erupted in March.",
     [("PROTEST", "demo", None, None, False, False)]),
])
def test_roles_that_readers_of_a_crawl_saw_wrong(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the place a bearing or an edge is told from says where, not who
    ("In a village north of Kessling, 12 people were killed by gunmen.",
     [("ASSAULT", "", "gunmen", "12 people", False, False)]),
    ("On the outskirts of Kessling, 12 protesters were shot dead.",
     [("ASSAULT", "firearms", None, "12 protesters", False, False)]),
    ("On the outskirts of Kessling, police shot dead 12 protesters.",
     [("ASSAULT", "firearms", "police", "12 protesters", False, False)]),
])
def test_a_place_told_by_bearing_or_edge_is_no_actor(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # dying or being hurt in an act of force: the act is an event, those hurt its target
    ("Twelve villagers died in an attack by rebels on Monday.",
     [("ASSAULT", "", "rebels", "Twelve villagers", False, False)]),
    ("Three soldiers were wounded in a rocket attack on their base.",
     [("ASSAULT", "", None, "Three soldiers", False, False)]),
    # a pair named by "between" are actor and target
    ("At least 40 people were injured in clashes between police and protesters.",
     [("ASSAULT", "", "police", "protesters", False, False)]),
    # no one inflicts a fire or a crash, and the noun is not coded otherwise
    ("Two men died in a fire at a warehouse.", []),
    # "came under fire" keeps its own reading
    ("Four soldiers came under fire near the border.", [("ASSAULT", "firearms", None, "Four soldiers", False, False)]),
])
def test_casualties_of_an_act_of_force_are_its_target(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative clause saying the act happened realises it; the actor is the act's own only
    ("Officials said they were tracking demonstrations that have erupted in several towns.",
     [("PROTEST", "demo", None, None, False, False)]),
    # who condemned the attacks did not make them (the killing verb had been coded with Vellmark as actor)
    ("Vellmark condemned the attacks that killed 12 people.",
     [("ACCUSE", "disapprove", "Vellmark", None, False, False), ("ASSAULT", "", None, "12 people", False, False)]),
    # not a possible act, and only an act of force does something to an object
    ("Officials fear protests that could erupt in the capital.", []),
    ("Norland said it would not accept any deal that leaves troops on its soil.",
     [("REJECT", "", "Norland", None, False, False)]),
])
def test_an_act_a_relative_clause_says_happened_is_an_event(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen have taken over the parliament.", [("COERCE", "seize", "Gunmen", "parliament", False, False)]),
    ("Rebels took over the state broadcaster on Tuesday.",
     [("COERCE", "seize", "Rebels", "state broadcaster", False, False)]),
    # a new minister taking over a ministry takes up a post
    ("The new minister took over the ministry on Monday.", []),
])
def test_armed_men_taking_over_an_institution_seize_it(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a copula is read by its predicate: "were dead in" as "died in", "is over" as "ended"
    ("Some 40 people were dead in clashes between soldiers and miners.",
     [("ASSAULT", "", "soldiers", "miners", False, False)]),
    ("The war is over, the president said.", [("RETREAT", "ceasefire", None, None, False, False)]),
    ("The strike was over by Friday.", [("CONCEDE", "", None, None, False, False)]),
    ("The talks between Arnholt and Vellmark are over.", [("CONSULT", "", "Arnholt", "Vellmark", False, False)]),
    ("The danger is over, officials said.", []),
])
def test_a_copula_is_read_by_its_predicate(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Police caught six men involved in the robbery.", [("COERCE", "arrest", "Police", "six men", False, False)]),
    ("Officers caught a cold.", []),
])
def test_the_police_catching_people_arrest_them(nlp, text, expected):
    assert coded(nlp, text) == expected
    assert needs_parse(text)  # the prefilter pairs "caught" with a police word


@pytest.mark.parametrize("text, expected", [
    # an act done jointly is a cooperation, unless it is an event of its own
    ("Customs officers in Arnholt and Vellmark jointly dismantled a smuggling ring, officials said.",
     [("COOPERATE", "", "Customs officers in Arnholt", "Vellmark", False, False)]),
    ("Arnholt and Vellmark jointly established a working group on border security.",
     [("COOPERATE", "", "Arnholt", "Vellmark", False, False)]),
    ("Arnholt and Vellmark jointly held talks in Torvik.", [("CONSULT", "", "Arnholt", "Vellmark", False, False)]),
    ("Arnholt and Vellmark jointly attacked the rebel camp.",
     [("ASSAULT", "", "Arnholt and Vellmark", "rebel camp", False, False)]),
])
def test_an_act_done_jointly_is_cooperation(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Police reinforcements poured into the capital on Sunday.",
     [("MOBILIZE", "troops", "Police reinforcements", None, False, False)]),
    ("The money poured into the city's coffers.", []),
    ("Nurses walked off the job on Tuesday.", [("PROTEST", "strike", "Nurses", None, False, False)]),
    ("She walked off the stage.", []),
])
def test_forces_pouring_in_deploy_and_workers_walking_off_the_job_strike(nlp, text, expected):
    assert coded(nlp, text) == expected



@pytest.mark.parametrize("text, expected", [
    # one event: the container's verb is the noun's ("a [wave] of attacks killed")
    ("A wave of attacks killed 12 soldiers.", [("ASSAULT", "", None, "12 soldiers", False, False)]),
    ("Negotiators from both countries spoke by video link for three hours.",
     [("CONSULT", "phone", "Negotiators", None, False, False)]),
    ("Senior officials from Vellmark and Arnholt sat in Torvik for talks on Monday.",
     [("CONSULT", "", "Senior officials from Vellmark", "Arnholt", False, False)]),
])
def test_containers_video_links_and_sitting_for_talks(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_a_relative_clause_that_realises_an_act_dates_it(nlp):
    text = "Arnholt says the exercises, which began on Saturday, are routine."
    sentence = parse(nlp, text)
    start = text.index("Saturday")
    saturday = _timex(0, start, start + 8, "Saturday", dt.date(2025, 3, 1))
    events = find_events(sentence, published=dt.date(2025, 3, 3), timexes=[saturday])
    assert [(e.type, e.date, e.date_source) for e in events] == [("MOBILIZE", dt.date(2025, 3, 1), "text")]


@pytest.mark.parametrize("text, expected", [
    # "neither", "either" and "both" open the span of the pair they coordinate
    ("Neither the army nor the rebels attacked the town.",
     [("ASSAULT", "", "Neither the army nor the rebels", "town", True, False)]),
    # "each other" and "one another" are no target: the first of the actors acts on the rest
    ("Both the government and the rebels accused each other of breaking the truce.",
     [("ACCUSE", "allege", "government", "rebels", False, False)]),
    ("Vellmark and Arnholt blamed one another for the collapse of the talks.",
     [("ACCUSE", "allege", "Vellmark", "Arnholt", False, False)]),
    ("The two sides accused each other of violating the ceasefire.",
     [("ACCUSE", "allege", "two sides", None, False, False)]),
    # a pair named in a place phrase splits as one in an "of" phrase does, one level deep only
    ("Officials from Vellmark and Arnholt met in Geneva on Monday.",
     [("CONSULT", "", "Officials from Vellmark", "Arnholt", False, False)]),
    ("Police in Vellmark and Arnholt jointly dismantled a smuggling ring.",
     [("COOPERATE", "", "Police in Vellmark", "Arnholt", False, False)]),
    ("Farmers in the valleys of Torvik and Brannvik agreed to share the water.",
     [("AGREE", "", "Farmers", None, False, False)]),
])
def test_coordinated_actors_neither_nor_each_other_and_pairs_in_place_phrases(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative clause on a thing or a person describes it: its names are not the target ...
    ("Vellmark signed a treaty that would give Arnholt a say over the river.",
     ("SUPPORT", "Vellmark", None)),
    ("The lobby pledged money to renovate a building where the Arnholt embassy was to open a visitor centre.",
     ("AGREE", "lobby", None)),
    # ... but one on an act tells what the act did, an infinitive what a measure is for, and
    # the clause's own subject acts in it
    ("The rebels lifted the sanctions they had imposed on Arnholt.", ("RETREAT", "rebels", "Arnholt")),
    ("The ministry warned of measures to bar the Arnholt envoy.",
     ("THREATEN", "ministry", "Arnholt envoy")),
    ("Opponents denounced the way the leaders of Kessling reacted.", ("ACCUSE", "Opponents", "Kessling")),
])
def test_a_target_by_position_is_not_taken_from_a_clause_describing_a_thing(nlp, text, expected):
    assert [(t, a, g) for t, _, a, g, _, _ in coded(nlp, text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    # an event noun and the verb of its relative clause are one act: the noun takes its target
    ("An air strike that killed two guards hit the compound.",
     [("ASSAULT", "aerial", None, "two guards", False, False)]),
    ("The attack, which killed two guards, was carried out by rebels.",
     [("ASSAULT", "", "rebels", "two guards", False, False)]),
])
def test_an_act_takes_the_target_of_the_killing_its_relative_clause_tells(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an investigation into a claim is aimed at whom the claim says acted
    ("An inquiry has been opened into claims that guards beat inmates.", ("ACCUSE", "investigate", None, "guards")),
    ("Prosecutors opened a probe into reports that detainees were beaten by guards.",
     ("ACCUSE", "investigate", "Prosecutors", "guards")),
    # condemning a claim is aimed at who made it, not at whom it names
    ("Rights groups condemned claims that the government rigged the vote.",
     ("ACCUSE", "disapprove", "Rights groups", "claims")),
])
def test_an_inquiry_into_a_claim_targets_whom_it_accuses(nlp, text, expected):
    assert coded(nlp, text)[0][:4] == expected


def test_a_row_condition_names_a_class_only_explicitly():
    classes = "class troops soldier army\n"
    rows = parse_lexicon(classes + "verb send MOBILIZE troops obj=%troops|convoy border\n").verbs["send"]
    assert rows[0].when[0].cls == ("troops", "convoy")
    with pytest.raises(LexiconError, match=r"event_lexicon.tsv:2: 'troops' is a class name: write %troops"):
        parse_lexicon(classes + "verb send MOBILIZE troops obj=troops border\n")
    with pytest.raises(LexiconError, match="unknown class '%troop'"):
        parse_lexicon(classes + "verb send MOBILIZE troops obj=%troop border\n")
    with pytest.raises(LexiconError, match="'troops' is a class name"):
        parse_lexicon(classes + "noun sit-in PROTEST obstruct - at:troops\n")
    assert parse_lexicon(classes + "noun sit-in PROTEST obstruct - at:%troops|ministry\n").nouns["sit-in"][0].targets \
        == ("at:troops|ministry",)
    # the rows this found: "invite disaster" and a "labour strike" mean the word as well as the
    # class (of accidents, of workers) it had silently stood for
    lexicon = load_lexicon()
    [invite] = [r for r in lexicon.verbs["invite"] if r.type == "NONE"]
    assert lexicon.in_class("disaster", "", invite.when[0].cls) and lexicon.in_class("storm", "", invite.when[0].cls)
    [labour] = [r for r in lexicon.nouns["strike"] if r.mode == "strike" and r.when and r.when[0].key == "mod"]
    assert lexicon.in_class("labour", "", labour.when[0].cls) and lexicon.in_class("miner", "", labour.when[0].cls)


def test_a_pronoun_is_spelled_in_any_case_but_capitals():
    assert pronouns.spells_pronoun("us", {"us"}) and pronouns.spells_pronoun("Us", {"us"}) and pronouns.spells_pronoun("I", {"i"})
    assert not pronouns.spells_pronoun("US", {"us"}) and not pronouns.spells_pronoun("IT", {"it"})


def test_inviting_disaster_is_no_invitation(nlp):
    # the lexicon's exception names the word "disaster"; read as the class of accidents it had
    # let "invited disaster" through as an AGREE
    assert coded(nlp, "Cutting the budget invited disaster.") == []
    assert coded(nlp, "Vellmark invited Arnholt to talks.")[0][:4] == ("AGREE", "", "Vellmark", "Arnholt")


@pytest.mark.parametrize("text, expected", [
    # who tells a count of casualties in the passive is not who caused them, whatever the
    # telling verb and however deep the telling clause ("denied ... and said", "spoke to X,
    # who said reports suggested ...")
    ("The state news agency denied the port had been shelled and said two police officers were killed.",
     [("ASSAULT", "heavy-weapons", None, "port", True, False), ("ASSAULT", "", None, "two police officers", False, False)]),
    ("The Gazette spoke to Lena Berg, a doctor in Kessling, who said figures from clinics suggested "
     "61 people had been killed on Monday.",
     [("CONSULT", "", "Gazette", "Lena Berg", False, False), ("ASSAULT", "", None, "61 people", False, True)]),
    # the one they blame stays the actor by position; an act in a clause beside it keeps its agent
    ("The Arnholt government blames armed militias for the violence and says 250 policemen have been killed since May.",
     [("ACCUSE", "allege", "Arnholt government", "armed militias", False, False),
      ("ASSAULT", "", "armed militias", "250 policemen", False, False)]),
    ("Government forces shelled the town and 12 people were killed.",
     [("ASSAULT", "heavy-weapons", "Government forces", "town", False, False),
      ("ASSAULT", "", "Government forces", "12 people", False, False)]),
])
def test_who_tells_of_casualties_is_not_their_cause(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # killed in an accident: no act, and no classifier event in its place
    ("Her cousin was killed in a car crash in 2003.", []),
    ("Eleven guards were killed in an ambush by bandits.", [("ASSAULT", "", "bandits", "Eleven guards", False, False)]),
])
def test_killed_in_an_accident_is_no_assault(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative pronoun a governor made the target stands for the noun it relates to
    ("The army shelled the rebels, whom it blames for the attack.",
     [("ASSAULT", "heavy-weapons", "army", "rebels", False, False), ("ACCUSE", "allege", "army", "rebels", False, False)]),
    ("Arnholt says 50 soldiers were killed by militias which it blames for the riots.",
     [("ASSAULT", "", "militias", "50 soldiers", False, False), ("ACCUSE", "allege", "Arnholt", "militias", False, False)]),
])
def test_a_relative_pronoun_target_is_the_noun_it_relates_to(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "put" passes the event noun it governs, as "impose" and "slap" do
    ("The Kessel League and Vellmark put sanctions on Arnholt on Friday.",
     [("SANCTION", "discontinue", "Kessel League and Vellmark", "Arnholt", False, False)]),
    # under curfew, siege or lockdown
    ("Police put the port district under curfew.", [("COERCE", "curfew", "Police", "port district", False, False)]),
    ("The army placed Torvik under siege on Monday.", [("COERCE", "restrict", "army", "Torvik", False, False)]),
    # "stopped short of": not done, also when the parser hangs "of" on the verb (simple past)
    ("Berg stopped short of calling for talks with Arnholt.", [("REQUEST", "meet", "Berg", "Arnholt", True, False)]),
    # a counted group whose lemma is no count ("scores" -> "score"): what it counts
    ("Arnholt freed scores of prisoners in the port.", [("RETREAT", "release", "Arnholt", "scores of prisoners", False, False)]),
    ("Berg has stopped short of accusing Arnholt of the bombing.",
     [("ACCUSE", "allege", "Berg", "Arnholt", True, False)]),
])
def test_light_put_placed_under_and_stopping_short(nlp, text, expected):
    assert coded(nlp, text) == expected
