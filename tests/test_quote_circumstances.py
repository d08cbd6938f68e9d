"""A clause of time, cause or concession with an attribution of its own, hanging on another
attribution's cue, is no part of that one's content (storyline.nlp.quote_overlap). Every
sentence here was written for these tests."""

from __future__ import annotations

import pytest

from storyline.nlp.annotate import annotate
from storyline.nlp.quotes import find_quotes
from storyline.settings import DEFAULTS, Settings

RULES = Settings({"quotes.model": False})


def found(text: str, settings: Settings) -> list[tuple[str, str, str]]:
    return sorted((q.speaker_name, q.cue.text, q.text) for q in find_quotes(annotate([text]), "a1", settings)
                  if q.cue is not None)


@pytest.mark.parametrize("settings", [RULES, DEFAULTS], ids=["rules", "model"])
def test_a_clause_of_time_or_concession_on_the_cue_is_an_attribution_of_its_own(settings):
    text = "Mayor Tal Oren criticized the harbour plan after the Northford Courier reported that he owned land near the docks."
    assert found(text, settings) == [
        ("Tal Oren", "criticized", "the harbour plan"),
        ("the Northford Courier", "reported", "that he owned land near the docks"),
    ]
    text = "Varga again criticized the council, though she added that the new budget had helped the schools."
    assert found(text, settings) == [
        ("Varga", "added", "that the new budget had helped the schools"),
        ("Varga", "criticized", "the council"),
    ]


def test_a_clause_of_time_inside_what_was_said_stays_in_it():
    # "when" hangs on "end", a word of the report: when the talks end is what the minister said
    text = "The minister said the talks would end when the Varenian envoy announced that the border was closed."
    assert found(text, RULES) == [
        ("the minister", "said", "the talks would end when the Varenian envoy announced that the border was closed")]


def test_when_opening_a_clause_of_time_is_read_as_its_subordinator():
    # the parser makes "when" an adverb of the clause, not its mark
    text = "The Northford crowd cheered loudly when Mayor Tal Oren announced that the bridge would reopen."
    assert found(text, DEFAULTS) == [("Tal Oren", "announced", "that the bridge would reopen")]


def test_a_model_content_that_is_a_clause_of_time_or_manner_is_no_quote():
    # the packaged model reads "went" as a cue whose content is the "as if" clause
    assert found("Ada Roth went on, as if she had not heard the question.", DEFAULTS) == []
    assert found("Tal Oren smiled, as if he had expected the vote.", DEFAULTS) == []


def test_a_content_that_is_the_clause_of_time_itself_goes_with_its_frame():
    # the packaged model gives "responded" the "as" clause for content, which held the polls' finding
    text = "The council responded as new polls show most residents oppose the tolls."
    assert found(text, DEFAULTS) == [("new polls", "show", "most residents oppose the tolls")]


def test_a_clause_of_time_that_holds_a_reported_clause_stays_a_content():
    # the parser hangs the "that" clause on the clause of time: what she said is still there
    text = "And she said ever since the vote was held that the board has been looking for a new chair."
    assert found(text, DEFAULTS) == [
        ("unknown", "said", "ever since the vote was held that the board has been looking for a new chair")]
    # and so does the clause of time a content is, with an attribution of its own in it
    text = "And the prosecutors confirmed when Oren testified in May that he was not a target of the inquiry."
    assert found(text, DEFAULTS) == [
        ("the prosecutors", "confirmed", "when Oren testified in May that he was not a target of the inquiry")]


@pytest.mark.parametrize("text", [
    "Dan Hale tweeted as the mayor spoke from the harbour stage.",
    "Varga wrote when the ferry was late again.",
])
def test_a_clause_of_time_after_a_cue_read_without_a_parse_is_no_content(text):
    assert found(text, DEFAULTS) == []


def test_a_subordinator_after_a_clause_of_its_own_does_not_make_a_clause_of_time():
    from parsed_sentences import parsed

    from storyline.nlp.quote_content import circumstance_mark

    # the parse a crawl sentence had: the quoted clause hung on the "because" clause after it
    doc = parsed(
        "It/PRP/PRON/nsubj>1 is/VBZ/AUX/ccomp>6=be cheap/JJ/ADJ/acomp>1 ,/,/PUNCT/punct>6 because/IN/SCONJ/mark>6 "
        "it/PRP/PRON/nsubj>6 pays/VBZ/VERB/ccomp>9=pay ,/,/PUNCT/punct>9 Lund/NNP/PROPN/nsubj>9/PERSON "
        "wrote/VBD/VERB/ROOT>9=write ./././PUNCT/punct>9").doc
    assert not circumstance_mark(doc[6])
    # the same clause opening with the subordinator
    doc = parsed(
        "because/IN/SCONJ/mark>2 it/PRP/PRON/nsubj>2 pays/VBZ/VERB/ccomp>5=pay ,/,/PUNCT/punct>5 "
        "Lund/NNP/PROPN/nsubj>5/PERSON wrote/VBD/VERB/ROOT>5=write ./././PUNCT/punct>5").doc
    assert circumstance_mark(doc[2])
