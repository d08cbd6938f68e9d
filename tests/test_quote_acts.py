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
    """The parsed sentence and a model frame of the word ``cue`` with ``content``."""
    doc = annotate([text])[0].doc
    verb = next(t for t in doc if t.text == cue)
    subject = next(t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass"))
    start = text.index(content)
    return doc, Frame(cue=(verb.idx, verb.idx + len(verb)), content=[(start, start + len(content))],
                      speaker=(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)), speaker_kind="description",
                      lemma=verb.lemma_.lower(), tags={"model"})


def kept(text: str, cue: str, content: str) -> list[tuple[str, str, list[str]]]:
    """(speaker, cue, content) of the hand-built model frame if ``speech_only`` keeps it."""
    doc, frame = model_frame(text, cue, content)
    return [(doc.text[f.speaker[0]:f.speaker[1]], doc.text[f.cue[0]:f.cue[1]], [doc.text[s:e] for s, e in f.content])
            for f in speech_only(doc, [frame], raising=True)]


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
