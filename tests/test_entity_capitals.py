"""A capital that owns a state body stands for its country (entities round 19): ``the
Damascus government`` is Syria's, ``Baghdads Ministry of the Interior`` Iraq's ministry. Every
sentence here is written for the tests."""

from __future__ import annotations

import pytest

from storyline.canonical import NameResolver
from storyline.capitals import capital_country, is_state
from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model
from storyline.nlp.mention_owners import capital_states
from storyline.nlp.mentions import article_mentions
from storyline.records import CAPITAL_STATE, LEADER_CONTEXT, Mention, Span
from storyline.settings import Settings


def at(text: str, name: str, label: str, title: str = "", index: int = 0, evidence: str = "") -> Mention:
    i = text.index(name)
    return Mention("a1", Span(index, i, i + len(name), name), label, title=title, evidence=evidence)


def names(r: NameResolver, mentions: list[Mention]) -> list[str]:
    return [r.entity(i).name if i else "" for i in r.add(mentions)]


def test_a_capital_names_its_country_in_every_spelling_news_uses():
    assert [capital_country(c) for c in ("Baghdad", "Baghdads", "baghdad", "Kiev", "Kyiv", "Sanaa", "Sana'a",
                                         "Teheran", "Washington", "London", "Paris", "Port-au-Prince")] \
        == ["Iraq", "Iraq", "Iraq", "Ukraine", "Ukraine", "Yemen", "Yemen",
            "Iran", "United States", "United Kingdom", "France", "Haiti"]
    # no capital; a city named like its country; a capital two states claim
    assert [capital_country(c) for c in ("Basra", "Singapore", "Jerusalem", "")] == ["", "", "", ""]


def test_a_state_is_known_by_its_name_or_an_alias_and_a_city_is_not():
    assert [is_state(n) for n in ("Syria", "the United States", "Britain", "US", "Haiti")] == [True] * 5
    assert [is_state(n) for n in ("Damascus", "Homs", "Gaza", "Port-au-Prince", "")] == [False] * 5


def test_a_capital_before_a_state_body_is_marked_and_elsewhere_is_not():
    lines = ["The Damascus government rejected the plan on Sunday.",
             "Shells fell on Damascus overnight.",
             "Tripoli authorities closed the seafront road.",
             "Critics of the Tripoli regime met in Rome.",
             "Baghdads Ministry of the Interior gave no figures.",
             "Springfield government offices stayed shut."]
    ms = [at(lines[0], "Damascus", "GPE"), at(lines[1], "Damascus", "GPE", index=1),
          at(lines[2], "Tripoli", "GPE", index=2), at(lines[3], "Tripoli", "GPE", index=3, evidence=LEADER_CONTEXT),
          at(lines[3], "Rome", "GPE", index=3), at(lines[4], "Baghdads", "GPE", index=4),
          at(lines[5], "Springfield", "GPE", index=5)]
    assert [m.evidence for m in capital_states(ms, dict(enumerate(lines)))] \
        == [CAPITAL_STATE, "", "", CAPITAL_STATE, "", CAPITAL_STATE, ""]


def test_a_capital_owning_a_state_body_is_its_country_and_alone_the_city():
    r = NameResolver()
    text = "Syria said the Damascus government would attend, and Damascus was calm."
    assert names(r, [at(text, "Syria", "GPE"), at(text, "Damascus", "GPE", evidence=CAPITAL_STATE),
                     at(text[30:], "Damascus", "GPE")]) == ["Syria", "Syria", "Damascus"]
    text = "The Cairo regime denied it."
    assert names(r, [at(text, "Cairo", "ORG", evidence=CAPITAL_STATE)]) == ["Egypt"]
    assert [(e.name, e.label, e.mentions) for e in r.entities()] \
        == [("Syria", "GPE", 2), ("Damascus", "GPE", 1), ("Egypt", "GPE", 1)]


def test_a_ministry_owned_by_a_capital_is_its_countrys_ministry():
    r = NameResolver()
    text = "Baghdads Ministry of the Interior said the curfew would end."
    assert names(r, [at(text, "Ministry of the Interior", "ORG", "Baghdads")]) == ["Iraq Ministry of the Interior"]
    assert names(r, [at("The Iraqi Interior Ministry disagreed.", "Iraqi Interior Ministry", "ORG")]) \
        == ["Iraq Ministry of the Interior"]
    assert names(r, [at("The Baghdad Ministry of the Interior spoke.", "Baghdad Ministry of the Interior", "ORG")]) \
        == ["Iraq Ministry of the Interior"]
    # a capital's and its country's alias's ministries are one: London's is the British one
    assert names(r, [at("Londons Foreign Ministry replied.", "Foreign Ministry", "ORG", "Londons")]) \
        == ["United Kingdom Foreign Ministry"]
    assert names(r, [at("The British Foreign Ministry replied.", "British Foreign Ministry", "ORG")]) \
        == ["United Kingdom Foreign Ministry"]
    assert [(e.name, e.mentions) for e in r.entities()] \
        == [("Iraq Ministry of the Interior", 3), ("United Kingdom Foreign Ministry", 2)]


@pytest.fixture(scope="module")
def nlp():
    return load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))


def test_an_article_read_end_to_end_gives_the_capitals_government_its_country(nlp):
    lines = ["Egypt closed its border crossing on Tuesday.",
             "A spokesman for the Cairo government said the crossing would reopen next week.",
             "Traffic in Cairo was heavy."]
    anns = [AnnotatedSentence(i, s, nlp(s), False, lambda x: x) for i, s in enumerate(lines)]
    ms = article_mentions(anns, "a1", Settings({}))
    r = NameResolver()
    assert [(m.span.text, n) for m, n in zip(ms, names(r, ms)) if m.label == "GPE"] == [
        ("Egypt", "Egypt"), ("Cairo", "Egypt"), ("Cairo", "Cairo")]


def test_a_countrys_stripped_possessive_is_the_country_and_a_plural_place_name_is_not():
    from storyline.nlp.mention_owners import place_possessives

    lines = ["Critics said the move would hurt Americas standing abroad.",
             "Trade across the Americas grew last year.",
             "Syrias neighbours closed their borders.",
             "Athens was quiet."]
    ms = [at(lines[0], "Americas", "LOC"), at(lines[1], "Americas", "LOC", index=1),
          at(lines[2], "Syrias", "GPE", index=2), at(lines[3], "Athens", "GPE", index=3)]
    cut = place_possessives(ms, dict(enumerate(lines)))
    assert [(m.span.start, m.span.end, m.span.text) for m in cut] \
        == [(33, 40, "America"), (17, 25, "Americas"), (0, 5, "Syria"), (0, 6, "Athens")]
    assert names(NameResolver(), cut) == ["United States", "Americas", "Syria", "Athens"]
