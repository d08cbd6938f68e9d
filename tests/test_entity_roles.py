"""Role descriptions that stand for a named person (entities round 16): once an article names
who holds an office (``Foreign Minister Jane Hale``, ``Ada Roth, Kestrel Foods chief
executive,``), ``the foreign minister`` and ``the company's chief executive`` are that person,
as mentions and as quote speakers; never one of two holders, never across articles without the
body written. Every sentence here is written for the tests."""

from __future__ import annotations

import pytest

from storyline import findings, pipeline
from storyline.canonical import NameResolver
from storyline.canonical_people import holds
from storyline.canonical_roles import role_key, roles_compatible
from storyline.ingest import ingest
from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model
from storyline.nlp.mentions import article_mentions
from storyline.records import ROLE_EVIDENCE, ROLE_REFERENCE, Mention, Quote, Span
from storyline.settings import Settings
from storyline.store import open_store


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def resolved(nlp, resolver: NameResolver, lines: list[str], article: str = "a1", settings=None,
             ner_only: bool = False) -> list[tuple]:
    """(sentence, role phrase, the person it resolves to or "") of an article's role mentions;
    ``ner_only``: sentences only the recogniser read, as the enrich stage leaves most."""
    if ner_only:
        with nlp.select_pipes(enable=["ner"]):
            docs = list(nlp.pipe(lines))
    else:
        docs = list(nlp.pipe(lines))
    anns = [AnnotatedSentence(i, s, d, False, lambda x: x) for i, (s, d) in enumerate(zip(lines, docs))]
    mentions = article_mentions(anns, article, settings or Settings({}))
    ids = resolver.add(mentions)
    out = []
    for m, eid in zip(mentions, ids):
        if m.evidence in ROLE_EVIDENCE:
            entity = resolver.entity(eid) if eid else None
            out.append((m.span.sentence_index, m.span.text, entity.name if entity else ""))
    return out


def test_a_role_alone_is_the_person_the_article_names_in_that_role(nlp):
    lines = ["Norland Foreign Minister Jane Hale flew to Kessling on Monday.",
             "The foreign minister said the border would stay open.",
             "Tomas Berg, chief executive of Kestrel Foods, met her there.",
             "The companys chief executive promised new jobs.",
             "Kestrel Foods CEO warns of higher prices"]
    assert resolved(nlp, NameResolver(), lines) == [
        (1, "foreign minister", "Jane Hale"),
        (2, "chief executive", "Tomas Berg"),  # the apposition that names the holder
        (3, "companys chief executive", "Tomas Berg"),
        (4, "Kestrel Foods CEO", "Tomas Berg"),
    ]


def test_a_role_after_a_name_establishes_the_holder_for_the_roles_after_it(nlp):
    lines = ["Tomas Berg, the Arnholt interior minister, visited the camp.",
             "The interior minister said more tents would come."]
    assert resolved(nlp, NameResolver(), lines) == [
        (0, "Arnholt interior minister", "Tomas Berg"),
        (1, "interior minister", "Tomas Berg"),
    ]


def test_an_office_with_its_portfolio_after_it_names_the_holder_of_a_headlines_role(nlp):
    # the headline comes first: roles written next to a name are read before roles alone
    lines = ["Canadas transport minister tells airlines to wait",
             "Jane Hale , minister of transport for Canada , has told airlines to wait .",
             "The ship was welcomed by the Prime Minister of Norway , Mr. Tomas Berg , at the harbour .",
             "In his speech , the Prime Minister praised the crew ."]
    assert resolved(nlp, NameResolver(), lines) == [
        (0, "Canadas transport minister", "Jane Hale"),
        (1, "minister", "Jane Hale"),
        (2, "Prime Minister", "Tomas Berg"),
        (3, "Prime Minister", "Tomas Berg"),
    ]
    assert role_key("minister of transport for Canada") == (frozenset({"transport minister"}), "canada")
    assert role_key("Secretary for Foreign Affairs") == (frozenset({"foreign secretary"}), "")
    assert roles_compatible("canadas", "canada") and not roles_compatible("canada", "norway")


def test_two_holders_of_the_role_leave_it_unresolved_unless_the_body_tells_them_apart(nlp):
    lines = ["German Foreign Minister Jane Hale met French Foreign Minister Tomas Berg in Kessling.",
             "The foreign minister said the talks had gone well.",
             "The French foreign minister left before lunch."]
    assert resolved(nlp, NameResolver(), lines) == [
        (1, "foreign minister", ""),
        (2, "French foreign minister", "Tomas Berg"),
    ]


def test_a_name_next_to_a_role_is_its_holder_only_in_an_apposition(nlp):
    # a comma and a clause that goes on ("..., Berg said"; "with Berg, the prime minister ...
    # said") are no apposition; a person's own minister is no role alone
    lines = ["President Tomas Berg of Arnholt met Foreign Minister Jane Hale.",
             "We would be happy if she stayed forever as the foreign minister of Norland , Berg said .",
             "On how to deal with Berg , the prime minister of Norland said he was unsure .",
             "Hales own justice minister confirmed it .",
             "Ruth Vale , the justice minister , was not asked .",
             "The bank chairman and chief executive Ada Roth promised cheaper loans ."]  # two titles of a name
    assert resolved(nlp, NameResolver(), lines) == [
        (1, "foreign minister", ""),  # "of Norland": Hale's office names no country
        (2, "prime minister", ""),
        (4, "justice minister", "Ruth Vale"),
    ]


def test_without_tags_a_speech_verb_still_ends_no_apposition_and_a_places_possessive_owns_the_role(nlp):
    lines = ["President Tomas Berg of Arnholt met Foreign Minister Jane Hale.",
             "We would be happy if she stayed forever as the foreign minister of Norland , Berg said .",
             "Ruth Vale , the justice minister , was not asked .",
             "Spains Foreign Minister on a visit to Lowmere said his country would help .",
             "the german foreign minister said nothing ."]  # a reader's lower case
    assert resolved(nlp, NameResolver(), lines, ner_only=True) == [
        (1, "foreign minister", ""),
        (2, "justice minister", "Ruth Vale"),
        (3, "Spains Foreign Minister", ""),  # Spain's, not Hale's office
        (4, "german foreign minister", ""),  # Germany's: Hale's office names no country
    ]


def test_a_body_written_with_dots_after_the_role_is_its_body(nlp):
    lines = ["Premier Ada Roth met President Ruth Vale on Monday .",
             "Aides expect a call from the premier of the U.K. on Friday .",
             "The premier said nothing ."]
    assert resolved(nlp, NameResolver(), lines) == [
        (1, "premier", ""),  # "of the U.K.": Roth's office names no country
        (2, "premier", "Ada Roth"),
    ]


def test_a_former_or_any_holder_is_no_reference_and_no_holder_is_no_one(nlp):
    lines = ["President Ruth Vale opened the bridge in Lowmere.",
             "The former president stayed away, and a president of a rowing club cut the ribbon.",
             "The mayor thanked the builders."]
    assert resolved(nlp, NameResolver(), lines) == [(2, "mayor", "")]


@pytest.mark.parametrize("ner_only", [False, True])
def test_the_office_held_by_no_one_in_particular_is_no_reference(nlp, ner_only):
    lines = ["President Oskar Renholm of Arnholt flew home on Friday.",
             "Few of his rivals want to be the president in a year like this.",
             "The new law limits the powers of the president.",
             "Whoever should become the president, the army will stay loyal.",
             "In Arnholt the people elect the president every five years.",
             "The president is expected back on Monday."]
    assert resolved(nlp, NameResolver(), lines, ner_only=ner_only) == [(5, "president", "Oskar Renholm")]


def test_across_articles_a_role_needs_its_body_written(nlp):
    resolver = NameResolver()
    resolved(nlp, resolver, ["Norland Foreign Minister Jane Hale flew to Kessling."], "a1")
    assert resolved(nlp, resolver, ["The foreign minister was not available for comment.",
                                     "The Norland foreign minister will return on Friday."], "a2") == [
        (0, "foreign minister", ""),
        (1, "Norland foreign minister", "Jane Hale"),
    ]


def test_a_body_written_with_the_role_must_be_the_holders():
    # "President Ruth Vale" of no country written is not "the Arnholt president"
    assert holds({"president|": 1}, {"president"}, "arnholt") is False
    assert holds({"president|arnholt": 1}, {"president"}, "arnholt") is True
    assert holds({"president|arnholt": 1}, {"president"}, "") is True


def test_role_references_can_be_switched_off(nlp):
    lines = ["Norland Foreign Minister Jane Hale flew to Kessling.", "The foreign minister said so."]
    assert resolved(nlp, NameResolver(), lines, settings=Settings({"entities.role_references": False})) == []


def test_a_quote_by_a_role_gets_the_person_as_its_speaker(tmp_path):
    settings = Settings({"enrich.jobs": 1, "ingest.jobs": 1})
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Norland closes its embassy in Arnholt\n20250304\nhttps://www.gazette.example.com/news/embassy\n"
        "Norland Foreign Minister Jane Hale flew home from Arnholt on Tuesday.\n"
        "The foreign minister said the staff would leave within a week.\n")
    store = open_store(tmp_path / "s.db", settings=settings)
    ingest(store, [str(folder)], settings=settings)
    pipeline.run_stages(store, settings=settings)
    [hale] = [e["id"] for e in findings.list_entities(store, limit=100) if e["name"] == "Jane Hale"]
    got = [(q["text"], q["speaker_as_written"], q["speaker_entity"] == hale) for q in findings.list_quotes(store)]
    store.close()
    assert got == [("the staff would leave within a week", "The foreign minister", True)]


def test_a_speaker_described_by_another_role_is_not_the_holder_of_a_role_with_the_same_last_word():
    from storyline.entity_links import link_speaker

    class NoIndex:
        def lookup(self, text):
            return ""

    # "Norlands president ..." resolved to Ruth Vale in one sentence; "Arnholts president said"
    # in another is someone else, and its phrase shares only the last word
    role = Mention("a1", Span(0, 0, 18, "Norlands president"), "PERSON", entity_id="e-vale",
                   title="Norlands president", evidence=ROLE_REFERENCE)
    speaker = "Arnholts president"  # named "Arnholt president": the possessive made plain
    quote = Quote("a1", (Span(2, 30, 50, "x" * 20),), Span(2, 19, 23, "said"), Span(2, 0, len(speaker), speaker),
                  "Arnholt president")
    assert link_speaker(quote, [role], NoIndex()).speaker_entity == ""
