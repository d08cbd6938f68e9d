"""Frames that report an act or a sight, not anyone's words or views
(storyline.nlp.quote_nonspeech.speech_only). Sentences written for these tests.

Where the trained model's frame is rare on a short sentence, it is built by hand, as the
model builds it: the cue, its subject for speaker, the words after the cue for content."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quote_nonspeech import speech_only
from storyline.nlp.quote_subjects import Frame
from storyline.nlp.quotes import find_quotes
from storyline.settings import DEFAULTS


def found(text: str) -> list[tuple[str, str, str, list[str]]]:
    """(speaker name, speaker as written, cue, content pieces) of each quote of ``text``."""
    return [(q.speaker_name, q.speaker.text if q.speaker else "", q.cue.text if q.cue else "",
             [c.text for c in q.content]) for q in find_quotes(annotate([text]), "a1", DEFAULTS)]


def model_frame(text: str, cue: str, content: str):
    """The parsed sentence and a model frame of the word ``cue`` with ``content``; its
    speaker is the cue's subject (a passive's too), none without one."""
    doc = annotate([text])[0].doc
    verb = next(t for t in doc if t.text == cue)
    subject = next((t for t in verb.children if t.dep_ == "nsubj"), None)
    start = text.index(content)
    speaker = None if subject is None else (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
    return doc, Frame(cue=(verb.idx, verb.idx + len(verb)), content=[(start, start + len(content))],
                      speaker=speaker, speaker_kind="none" if speaker is None else "description",
                      lemma=verb.lemma_.lower(), tags={"model"})


def kept(text: str, cue: str, content: str) -> list[tuple[str, str, list[str]]]:
    """(speaker, cue, content) of the hand-built model frame if ``speech_only`` keeps it."""
    doc, frame = model_frame(text, cue, content)
    return [(doc.text[f.speaker[0]:f.speaker[1]] if f.speaker else "", doc.text[f.cue[0]:f.cue[1]],
             [doc.text[s:e] for s, e in f.content]) for f in speech_only(doc, [frame], raising=True)]


@pytest.mark.parametrize("text", [
    # the trained model read each of these as a quote (the cue, its subject, what follows)
    "Militia fighters fired rockets at the naval base, which the navy had held since May.",
    "The rebels fired rockets at Kessby, where the navy keeps its boats.",
    "Government tanks attacked Varn, the old capital, where the rebels have held out for weeks.",
    "Government troops attacked the town of Varn, which the rebels took last week.",
])
def test_a_material_act_is_no_quote(text):
    assert found(text) == []


def test_an_attack_with_a_reason_a_name_or_words_is_a_view():
    assert found("Senator Hale attacked the ferry company for raising its fares.") == [
        ("Hale", "Senator Hale", "attacked", ["the ferry company for raising its fares"])]
    text = "Senator Hale attacked dockers, farmers and fishermen for opposing the bridge."
    assert found(text) == [("Hale", "Senator Hale", "attacked", ["dockers, farmers and fishermen for opposing the bridge"])]
    assert kept("Senator Hale attacked the mayor as a friend of the ferry owners.", "attacked",
                "the mayor as a friend of the ferry owners") == [
        ("Senator Hale", "attacked", ["the mayor as a friend of the ferry owners"])]
    assert kept("Senator Hale attacked the mayor by reminding voters that the ferry had failed.", "attacked",
                "the mayor by reminding voters that the ferry had failed") == [
        ("Senator Hale", "attacked", ["the mayor by reminding voters that the ferry had failed"])]


def test_a_retort_a_protest_and_a_note_struck_are_words_or_views():
    assert found("Ms Dahl shot back that the harbour had never been safer.") == [
        ("Dahl", "Ms Dahl", "shot", ["that the harbour had never been safer"])]
    assert kept("Hundreds of dockers protested the new fees outside the town hall.", "protested", "the new fees") == [
        ("Hundreds of dockers", "protested", ["the new fees"])]
    # (the parser makes "notes" the subject of "sounded", the events module "struck" an assault)
    assert kept("Still, Dahl struck grim notes akin to those Berg had sounded in May.", "struck",
                "grim notes akin to those Berg had sounded in May") == [
        ("Dahl", "struck", ["grim notes akin to those Berg had sounded in May"])]


@pytest.mark.parametrize("text, cue, content", [
    # "make" is a light verb: what is made is an act unless it is words or a view
    ("Lund made it impossible for the council to raise the toll.", "made",
     "it impossible for the council to raise the toll"),
    ("Lund has made a trip to the island to meet the dockers.", "made", "a trip to the island"),
])
def test_making_an_act_is_no_quote_by_hand(text, cue, content):
    assert kept(text, cue, content) == []


def test_making_an_act_is_no_quote():
    assert found("Senator Hale made a surprise visit to the island on Friday, where fishermen greeted him.") == []
    assert found("Ms Dahl made no public appearances last week.") == []
    # words made, or a view made clear, stay
    assert found("Ms Dahl made clear the ferry would not run on Sundays.") == [
        ("Dahl", "Ms Dahl", "made", ["clear the ferry would not run on Sundays"])]
    assert found("Hale made the case that the bridge would pay for itself.") == [
        ("Hale", "Hale", "made", ["the case that the bridge would pay for itself"])]
    assert kept("Lund has made a series of speeches against the new toll.", "made",
                "a series of speeches against the new toll") == [
        ("Lund", "made", ["a series of speeches against the new toll"])]
    assert kept("Lund made it clear that the toll would stay.", "made", "it clear that the toll would stay") == [
        ("Lund", "made", ["it clear that the toll would stay"])]


def test_a_sight_with_no_viewer_in_a_place_or_a_time_is_no_quote():
    assert found("Ferry times are shown in local time, except for the night boat, which runs late.") == []
    assert kept("The harbour master has rarely been seen in public since the storm.", "seen",
                "in public since the storm") == []
    # a view held ("seen as"), or what a film shows, stays
    assert found("The plan is seen as a blow to the mayor.") == [("unknown", "", "seen", ["a blow to the mayor"])]
    assert found("The mayor is shown greeting the crew of the new ferry.") == [
        ("unknown", "", "shown", ["greeting the crew of the new ferry"])]
    assert kept("The plan is widely seen in the port as a blow to the mayor.", "seen",
                "in the port as a blow to the mayor") == [("", "seen", ["in the port as a blow to the mayor"])]


def test_the_writers_imperative_or_change_of_topic_is_no_quote():
    assert found("Insist that the council builds a new pier.") == []
    assert found("And lets not even talk about the bridge, which cost twice its budget.") == []
    assert kept("Think about that for a moment.", "Think", "that for a moment") == []
    assert kept("As for the ferry, see above.", "see", "above") == []
    assert kept("Speaking of ferries, the island now has two.", "Speaking", "ferries") == []
    assert kept("Ferry news -- Speaking of ferries, the island now has two.", "Speaking", "ferries") == []
    # an order reported, or a speaker speaking, stays
    assert found("Speaking to reporters, Hale said the ferry would run.") == [
        ("Hale", "Hale", "said", ["the ferry would run"])]
    assert found("The mayor told the council: Insist that the builders finish the pier.") == [
        ("the mayor", "The mayor", "told", ["the council: Insist that the builders finish the pier"])]


def test_an_attempt_at_an_act_is_no_quote():
    assert found("Ms Dahl tried to calm the angry crowd outside the ferry office.") == []
    assert kept("The navy has been attempting to pull stranded sailors from the wreck.", "attempting",
                "to pull stranded sailors from the wreck") == []
    # an attempt at words, or at a view held, stays
    assert found("Ms Dahl tried to persuade the council that the ferry was safe.") == [
        ("Dahl", "Ms Dahl", "tried", ["to persuade the council that the ferry was safe"])]
    assert kept("Mr Lund tried to explain the new fees.", "tried", "to explain the new fees") == [
        ("Mr Lund", "tried", ["to explain the new fees"])]
