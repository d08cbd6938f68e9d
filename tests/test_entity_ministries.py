"""A state's ministries (entities round 18): ``X Ministry`` is ``Ministry of X``, and two
states' ministries of one portfolio are two bodies when the article writes the state. Every
sentence here is written for the tests; the states (Korvath, Selmia) are made up."""

from __future__ import annotations

import pytest

from storyline.canonical import NameResolver
from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model
from storyline.nlp.mention_owners import ministry_owners
from storyline.nlp.mentions import article_mentions
from storyline.records import Mention, Span
from storyline.settings import Settings


def at(text: str, name: str, label: str, title: str = "", index: int = 0) -> Mention:
    i = text.index(name)
    return Mention("a1", Span(index, i, i + len(name), name), label, title=title)


def names(r: NameResolver, mentions: list[Mention]) -> list[str]:
    """The canonical name of each mention's entity, once the article is added."""
    return [r.entity(i).name if i else "" for i in r.add(mentions)]


def test_a_portfolio_written_two_ways_is_one_ministry():
    r = NameResolver()
    assert names(r, [at("The Ministry of Defence said the drill was over.", "Ministry of Defence", "ORG")]) \
        == ["Ministry of Defence"]
    assert names(r, [at("The Defence Ministry denied it.", "Defence Ministry", "ORG")]) == ["Ministry of Defence"]
    assert names(r, [at("The Ministry of Defense gave no figures.", "Ministry of Defense", "ORG")]) \
        == ["Ministry of Defence"]
    assert names(r, [at("The Ministry of Foreign Affairs replied.", "Ministry of Foreign Affairs", "ORG"),
                     at("A Foreign Ministry aide said more.", "Foreign Ministry", "ORG")]) \
        == ["Ministry of Foreign Affairs", "Ministry of Foreign Affairs"]
    assert [(e.name, e.mentions) for e in r.entities()] == [("Ministry of Defence", 3), ("Ministry of Foreign Affairs", 2)]


def test_the_state_written_as_owner_or_inside_the_name_makes_its_own_ministry():
    r = NameResolver()
    text = "Korvath moved two brigades, Korvaths Ministry of Defence said."
    assert names(r, [at(text, "Korvath", "GPE"), at(text, "Korvaths Ministry of Defence", "ORG")]) \
        == ["Korvath", "Korvath Ministry of Defence"]
    # the owner the model left out of the span, kept as the mention's title
    text = "Korvath’s Defence Ministry published the photographs."
    assert names(r, [at(text, "Korvath", "GPE"), at(text, "Defence Ministry", "ORG", "Korvath’s")]) \
        == ["Korvath", "Korvath Ministry of Defence"]
    text = "Selmia said the Selmias Ministry of Defense had no comment."
    assert names(r, [at(text, "Selmia", "GPE"), at(text, "Ministry of Defense", "ORG", "Selmias")]) \
        == ["Selmia", "Selmia Ministry of Defense"]
    text = "The Selmia Foreign Ministry summoned the envoy."
    assert names(r, [at(text, "Selmia Foreign Ministry", "ORG")]) == ["Selmia Foreign Ministry"]
    text = "Selmias Ministry of Foreign Affairs said talks would go on."
    assert names(r, [at(text, "Ministry of Foreign Affairs", "ORG", "Selmias")]) == ["Selmia Ministry of Foreign Affairs"]
    assert [(e.name, e.mentions, e.variants) for e in r.entities() if "Ministry" in e.name] == [
        ("Korvath Ministry of Defence", 2, ("Korvath Defence Ministry", "Korvath Ministry of Defence")),
        ("Selmia Ministry of Foreign Affairs", 2, ("Selmia Foreign Ministry", "Selmia Ministry of Foreign Affairs")),
        ("Selmia Ministry of Defense", 1, ("Selmia Ministry of Defense",))]


def test_a_nationality_before_a_ministry_is_its_state():
    r = NameResolver()
    text = "Swedens Foreign Ministry said the envoy would stay."
    assert names(r, [at(text, "Sweden", "GPE"), at(text, "Foreign Ministry", "ORG", "Swedens")]) \
        == ["Sweden", "Sweden Foreign Ministry"]
    assert names(r, [at("The Swedish Ministry of Foreign Affairs said so.", "Swedish Ministry of Foreign Affairs", "ORG")]) \
        == ["Swedish Ministry of Foreign Affairs"]  # the same body, shown by its longer name
    assert names(r, [at("The French Foreign Ministry said so.", "French Foreign Ministry", "ORG")]) \
        == ["French Foreign Ministry"]
    assert [(e.name, e.mentions) for e in r.entities() if "Ministry" in e.name] \
        == [("Swedish Ministry of Foreign Affairs", 2), ("French Foreign Ministry", 1)]


def test_a_ministry_whose_state_is_not_written_is_no_states():
    r = NameResolver()
    names(r, [at("Korvath moved troops.", "Korvath", "GPE"), at("Selmia moved troops.", "Selmia", "GPE", index=1)])
    # two states in the article, or one (a home paper does not name its own country): no guess
    text = "Korvath and Selmia traded threats, the Ministry of Defence said."
    assert names(r, [at(text, "Korvath", "GPE"), at(text, "Selmia", "GPE"), at(text, "Ministry of Defence", "ORG")]) \
        == ["Korvath", "Selmia", "Ministry of Defence"]
    text = "The Defence Ministry said Korvath units had left."
    assert names(r, [at(text, "Defence Ministry", "ORG"), at(text, "Korvath", "GPE")]) \
        == ["Ministry of Defence", "Korvath"]
    # an owner that is no place (a minister's surname) names no state
    text = "Halvorsens Ministry of Defence said so."
    assert names(r, [at(text, "Ministry of Defence", "ORG", "Halvorsens")]) == ["Ministry of Defence"]
    # nor does a place before another body's name make it a ministry
    text = "The Korvath Institute for Defence Studies said so."
    assert names(r, [at(text, "Korvath Institute for Defence Studies", "ORG")]) == ["Korvath Institute for Defence Studies"]


def test_a_ministry_named_again_without_its_state_is_the_one_the_article_named_with_it():
    r = NameResolver()
    text = "Korvaths Ministry of Defence said the brigades would stay. The Defence Ministry gave no date."
    assert names(r, [at(text, "Korvath", "GPE"), at(text, "Ministry of Defence", "ORG", "Korvaths"),
                     at(text, "Defence Ministry", "ORG")]) \
        == ["Korvath", "Korvath Ministry of Defence", "Korvath Ministry of Defence"]
    # both states' ministries of that portfolio named: which one is not written
    text = "Korvaths Ministry of Defence and Selmias Ministry of Defence met. The Defence Ministry spoke."
    assert names(r, [at(text, "Korvath", "GPE"), at(text, "Selmia", "GPE"),
                     at(text, "Korvaths Ministry of Defence", "ORG"), at(text, "Selmias Ministry of Defence", "ORG"),
                     at(text, "Defence Ministry", "ORG")]) \
        == ["Korvath", "Selmia", "Korvath Ministry of Defence", "Selmia Ministry of Defence", "Defence Ministry"]
    # another article's bare ministry is not that state's: it joins the body of no state
    assert names(r, [at("The Ministry of Defence said so.", "Ministry of Defence", "ORG")]) == ["Ministry of Defence"]
    assert [(e.name, e.mentions, e.variants) for e in r.entities() if "Ministry" in e.name] == [
        ("Korvath Ministry of Defence", 3, ("Korvath Ministry of Defence", "Defence Ministry")),
        ("Ministry of Defence", 2, ("Defence Ministry", "Ministry of Defence")),
        ("Selmia Ministry of Defence", 1, ("Selmia Ministry of Defence",))]


def test_a_states_name_tagged_as_a_body_does_not_join_its_ministry():
    r = NameResolver()
    text = "Korvaths Ministry of Defence said the brigades had gone home."
    assert names(r, [at(text, "Ministry of Defence", "ORG", "Korvaths"), at(text, "Korvath", "GPE")]) \
        == ["Korvath Ministry of Defence", "Korvath"]
    assert names(r, [at("Korvath said no more.", "Korvath", "ORG")]) == ["Korvath"]


def test_a_states_ministry_has_no_acronym_of_its_made_up_name():
    r = NameResolver()
    text = "Torvas Ministry of the Interior said the roads were shut."
    assert names(r, [at("Torva moved", "Torva", "GPE"), at(text, "Ministry of the Interior", "ORG", "Torvas", 1)]) \
        == ["Torva", "Torva Ministry of the Interior"]
    # an airline's TMI, before or after, is no "Torva Ministry of the Interior"
    assert names(r, [at("The carrier TMI added a flight.", "TMI", "ORG")]) == ["TMI"]
    r = NameResolver()
    assert names(r, [at("The carrier TMI added a flight.", "TMI", "ORG")]) == ["TMI"]
    names(r, [at("Torva moved", "Torva", "GPE")])
    assert names(r, [at(text, "Ministry of the Interior", "ORG", "Torvas")]) == ["Torva Ministry of the Interior"]
    assert len(r.entities()) == 3


def test_a_ministrys_owner_before_the_span_is_its_title():
    lines = ["Korvath has sent two brigades north, according to Korvaths Ministry of Defence.",
             "Halvorsens Ministry of Health said nothing.",
             "Selmia’s Foreign Ministry called in the envoy."]
    ms = [at(lines[0], "Korvath", "GPE"), at(lines[0], "Ministry of Defence", "ORG"),
          at(lines[1], "Ministry of Health", "ORG", index=1), at(lines[2], "Foreign Ministry", "ORG", index=2)]
    texts = dict(enumerate(lines))
    assert [m.title for m in ministry_owners(ms, texts)] == ["", "Korvaths", "", "Selmia’s"]


@pytest.fixture(scope="module")
def nlp():
    return load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))


def test_an_article_read_end_to_end_names_the_states_ministry(nlp):
    lines = ["Talks between Norway and Sweden broke down on Monday.",
             "Norways Ministry of Foreign Affairs summoned the ambassador.",
             "Norway’s Foreign Ministry said the talks would not resume.",
             "The Foreign Ministry gave no reason."]
    anns = [AnnotatedSentence(i, s, nlp(s), False, lambda x: x) for i, s in enumerate(lines)]
    ms = article_mentions(anns, "a1", Settings({}))
    r = NameResolver()
    assert [(m.span.text, m.title, n) for m, n in zip(ms, names(r, ms))] == [
        ("Norway", "", "Norway"), ("Sweden", "", "Sweden"),
        ("Norways Ministry of Foreign Affairs", "", "Norway Ministry of Foreign Affairs"),
        ("Foreign Ministry", "Norway’s", "Norway Ministry of Foreign Affairs"),
        ("Foreign Ministry", "", "Norway Ministry of Foreign Affairs")]  # named again, without its state
