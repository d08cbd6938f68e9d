"""What users read in ``storyline entities`` (entities round 17): a football club the model
calls a person, a street named ``X Lane`` read as a person's name. Every sentence here is
written for the tests."""

from __future__ import annotations

import pytest

from storyline.canonical import NameResolver
from storyline.canonical_types import STRONG, TEAM, context_cue, type_article
from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model
from storyline.nlp.mention_labels import corrected_label
from storyline.nlp.mentions import article_mentions
from storyline.records import Mention, Span
from storyline.settings import Settings


@pytest.fixture(scope="module")
def nlp():
    return load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))


def mentions_of(nlp, lines: list[str]) -> list[tuple[int, str, str]]:
    """(sentence, name, label) of an article's mentions, as the enrich stage finds them."""
    anns = [AnnotatedSentence(i, s, nlp(s), False, lambda x: x) for i, s in enumerate(lines)]
    return [(m.span.sentence_index, m.span.text, m.label) for m in article_mentions(anns, "a1", Settings({}))]


def cue(text: str, name: str, label: str = "PERSON") -> str:
    i = text.index(name)
    return context_cue(text, i, i + len(name), label)


def name(text: str, label: str = "PERSON") -> Mention:
    return Mention("a1", Span(0, 0, len(text), text), label)


def at(index: int, text: str, name: str, label: str = "PERSON") -> Mention:
    i = text.index(name)
    return Mention("a1", Span(index, i, i + len(name), name), label)


# --- football clubs -----------------------------------------------------------------------

def test_a_clubs_players_record_and_plural_verb_are_team_cues():
    assert cue("Harwick midfielder Jonas Pell signed a new contract.", "Harwick") == TEAM
    assert cue("Pell has scored nine goals for Harwick this season.", "Harwick") == TEAM
    assert cue("He spent a year on loan at Harwick before the move.", "Harwick") == TEAM
    assert cue("Harwick were beaten at home on Saturday.", "Harwick") == TEAM
    assert cue("The board met, but Harwick have yet to decide.", "Harwick") == TEAM
    # not a clause's one subject, a possessive, or a name of two words
    assert cue("Anna Hale and Berg are due to meet on Monday.", "Berg") == ""
    assert cue("Supporters of Berg are angry.", "Berg") == ""
    assert cue("Bergs manager said nothing.", "Bergs") == ""
    assert cue("Tomas Berg were there.", "Tomas Berg") == ""


def test_a_club_the_model_calls_a_person_or_an_unknown_place_is_an_organisation():
    lines = ["Harwick midfielder Jonas Pell signed a new contract.",
             "Pell has scored nine goals for Harwick this season.",
             "Harwick were beaten at home on Saturday."]
    ms = [at(0, lines[0], "Harwick"), at(0, lines[0], "Jonas Pell"), at(1, lines[1], "Pell"),
          at(1, lines[1], "Harwick", "GPE"), at(2, lines[2], "Harwick")]
    got = [(m.span.text, m.label, m.evidence) for m in type_article(ms, dict(enumerate(lines)), {"Pell"})]
    assert got == [("Harwick", "ORG", "context"), ("Jonas Pell", "PERSON", ""), ("Pell", "PERSON", ""),
                   ("Harwick", "ORG", "context"), ("Harwick", "ORG", "context")]
    # a known place keeps its label: "Spain captain" is the national side
    text = "Spain captain Ola Brenn retired."
    assert type_article([at(0, text, "Spain", "GPE")], {0: text}, set())[0].label == "GPE"


def test_one_team_cue_among_a_persons_mentions_does_not_make_a_club():
    lines = ["Berg said the plan would fail.", "Berg told reporters he would resign.",
             "Critics say Berg misled them.", "Berg were never told, an aide said."]
    ms = [at(i, t, "Berg") for i, t in enumerate(lines)]
    assert [m.label for m in type_article(ms, dict(enumerate(lines)), set())] == ["PERSON"] * 4


def test_a_clubs_first_word_makes_its_name_an_organisation(nlp):
    assert corrected_label("Real Harwick", "PERSON") == ("ORG", "name")
    assert corrected_label("Sporting Harwick", "FAC") == ("ORG", "name")
    assert corrected_label("Real", "PERSON") == ("PERSON", "")
    # the model tags the club's first word apart, or the town alone
    assert mentions_of(nlp, ["Ferris moved to Real Harwick for a record fee.",
                             "Pell joined the club from Sporting Vellin."]) == [
        (0, "Ferris", "PERSON"), (0, "Real Harwick", "ORG"), (1, "Pell", "PERSON"), (1, "Sporting Vellin", "ORG")]


# --- streets ------------------------------------------------------------------------------

def test_a_lane_after_a_place_preposition_is_a_street():
    assert cue("A burst main flooded homes on Tillbury Lane overnight.", "Tillbury Lane") == STRONG
    assert cue("The flood reached homes along Pelham Lane.", "Pelham Lane") == STRONG
    assert cue("She wrote a letter to Diane Lane last year.", "Diane Lane") == ""
    assert cue("She met Diane Lane on Monday.", "Diane Lane") == ""
    lines = ["Police closed Tillbury Lane after a lorry shed its load.",
             "Families living on Tillbury Lane were told to leave."]
    ms = [at(0, lines[0], "Tillbury Lane"), at(1, lines[1], "Tillbury Lane")]
    assert [(m.label, m.evidence) for m in type_article(ms, dict(enumerate(lines)), set())] == [
        ("FAC", "context"), ("FAC", "context")]


def test_a_street_the_model_calls_a_person_is_listed_as_a_facility(nlp):
    assert mentions_of(nlp, ["The flood reached homes along Pelham Lane.",
                             "Pelham Lane was closed."]) == [(0, "Pelham Lane", "FAC"), (1, "Pelham Lane", "FAC")]


# --- canonical names ----------------------------------------------------------------------

def test_a_name_written_only_in_a_transcripts_capitals_is_shown_in_a_names_case():
    r = NameResolver()
    ids = r.add([name("MARTA ILVES"), name("ILVES"), name("Marta"), name("DAN O'NEILL")])
    assert [r.entity(i).name for i in ids] == ["Marta Ilves", "Marta Ilves", "Marta Ilves", "Dan O'Neill"]
    # an organisation's capitals may be its name
    assert r.entity(r.add([name("NORSEC", "ORG")])[0]).name == "NORSEC"


def test_a_labour_party_named_with_a_word_before_it_is_an_organisation():
    assert corrected_label("New Labor", "GPE") == ("ORG", "name")
    assert corrected_label("New Labor", "PERSON") == ("ORG", "name")
    assert corrected_label("New Kestby", "PERSON") == ("GPE", "")


def test_a_two_letter_acronym_is_no_name_of_another_article():
    # "KS" of a gas grenade in one article, a radio station's name in another
    r = NameResolver()
    station = r.add([name("Kestrel Sound", "ORG")], "s1")[0]
    assert r.add([name("KS", "ORG"), name("Kestrel Sound", "ORG")], "s1") == [station, station]
    other = NameResolver()
    station = other.add([name("Kestrel Sound", "ORG")], "s1")[0]
    assert other.add([name("KS", "ORG")], "s1") != [station]
    # nor of an entity of the article that got the initials from a name written elsewhere
    third = NameResolver()
    network, unit = third.add([name("KNN", "ORG"), name("KNN Sound", "ORG")], "s1")
    assert third.add([name("KNN", "ORG"), name("KS", "ORG")], "s2") == [network, third.add([name("KS", "ORG")])[0]]
    # (round 21: words after a short acronym name the body's unit, another entity)
    assert third.entity(network).variants == ("KNN",) and third.entity(unit).variants == ("KNN Sound",)


def test_a_yearly_speech_known_by_name_is_an_event():
    assert corrected_label("State of the Union", "ORG") == ("EVENT", "name")
    assert corrected_label("State of the Union Address", "ORG") == ("EVENT", "name")
    assert corrected_label("Queens Speech", "PERSON") == ("EVENT", "name")
    assert corrected_label("State Department", "ORG") == ("ORG", "")


def test_a_speech_named_with_or_without_its_kind_is_one_event():
    r = NameResolver()
    ids = r.add([name("State of the Union", "EVENT"), name("State of the Union Address", "EVENT")])
    assert ids[0] == ids[1] and r.entity(ids[0]).name == "State of the Union Address"
