"""Where a name's span starts and ends around a sentence's openings: a colon opening a quotation
whose marks were stripped, a capitalised common noun opening the sentence, and a body's name
written after its kind (``the charity Open Hands``). Sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.canonical import NameResolver
from storyline.canonical_types import COMPANY, context_cue, type_article
from storyline.nlp.annotate import AnnotatedSentence, annotate
from storyline.nlp.engine import load_model
from storyline.nlp.mention_context import dictionary_noun, kind_bodies
from storyline.nlp.mention_fixes import name_end
from storyline.nlp.mentions import article_mentions, find_mentions
from storyline.records import Mention, Span


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _doc_with(nlp, words: list[str], start: int, end: int, label: str):
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    doc = Doc(nlp.vocab, words=words)
    doc.ents = [SpacySpan(doc, start, end, label=label)]
    return doc


def test_a_name_ends_before_a_colon_that_opens_a_sentence(nlp):
    words = ["A", "navy", "source", "told", "the", "Harbour", "Gazette", ":", "This", "is", "the", "largest", "drill"]
    doc = _doc_with(nlp, words, 4, 9, "ORG")
    assert name_end(doc.ents[0]) == 7
    found = find_mentions(AnnotatedSentence(0, doc.text, doc, False), "a1")
    assert [(m.span.text, m.label) for m in found] == [("Harbour Gazette", "ORG")]
    # a colon before a lower-case word, or none at all, leaves the span as it was
    doc = _doc_with(nlp, ["Ratio", "Kest", ":", "two", "to", "one"], 0, 4, "ORG")
    assert name_end(doc.ents[0]) == 4
    # a title's subtitle, capitalised words to the span's end, is the title's
    doc = _doc_with(nlp, ["He", "read", "Age", "of", "Kest", ":", "The", "Long", "Century", "1800", "-", "1900"],
                    2, 12, "ORG")
    assert name_end(doc.ents[0]) == 12


def test_a_common_noun_opening_a_sentence_is_no_name(nlp):
    texts = ["Lorry drivers in Eskeby said the border had been shut since dawn.",
             "Queues stretched back several kilometres from the crossing.",
             "Brown promised the drivers a new road."]
    ms = article_mentions(annotate(texts, nlp=nlp), "a1")
    assert "Lorry" not in {m.span.text for m in ms} and "Queues" not in {m.span.text for m in ms}
    assert ("Brown", "PERSON") in {(m.span.text, m.label) for m in ms}  # the tagger reads a proper noun


def test_a_common_noun_the_article_writes_capitalised_mid_sentence_stays(nlp):
    sentence = annotate(["Lorry drivers in Eskeby said the border had been shut."], nlp=nlp)[0]
    m = Mention("a1", Span(0, 0, 5, "Lorry"), "PERSON")
    assert dictionary_noun(m, sentence, set())
    assert not dictionary_noun(m, sentence, {"Lorry"})  # "a column led by Lorry ..." elsewhere
    unparsed = AnnotatedSentence(0, sentence.text, sentence.doc, False)
    assert not dictionary_noun(m, unparsed, set())  # no tags: nothing to go by
    assert not dictionary_noun(m.replace(label="NORP"), sentence, set())  # a group the model calls a people


def test_a_stripped_possessive_opening_a_sentence_stays_a_name(nlp):
    # "Darwins" is tagged a plural common noun of the dictionary, but a noun follows it
    sentence = annotate(["Darwins theory was taught in the village school."], nlp=nlp)[0]
    assert sentence.doc[0].tag_ == "NNS"
    assert not dictionary_noun(Mention("a1", Span(0, 0, 7, "Darwins"), "PERSON"), sentence, set())
    plural = annotate(["Millions are displaced across the region."], nlp=nlp)[0]
    assert dictionary_noun(Mention("a1", Span(0, 0, 8, "Millions"), "ORG"), plural, set())


def test_a_name_after_its_kind_is_a_body():
    text = "The appeal raised 5,000 crowns in a day, the charity Open Hands said."
    found = kind_bodies([], text, 3, "a1")
    assert [(m.span.text, m.span.start, m.label, m.evidence) for m in found] == [
        ("Open Hands", text.index("Open"), "ORG", "context")]
    assert kind_bodies([], "Members of the group We spoke to were angry.", 0, "a1") == []
    assert kind_bodies([], "She praised the party Holm leads.", 0, "a1") == []  # a relative clause
    assert [m.span.text for m in kind_bodies([], "Aid came from the group Kest Relief, which grew.", 0, "a1")] == [
        "Kest Relief"]
    tagged = Mention("a1", Span(3, text.index("Open"), text.index("Open") + 10, "Open Hands"), "PRODUCT")
    assert kind_bodies([tagged], text, 3, "a1") == []
    start = text.index("Open")
    assert context_cue(text, start, start + 10, "PRODUCT") == COMPANY
    other = "The opposition party Forward Kest said it would stand."
    start = other.index("Forward")
    assert context_cue(other, start, start + len("Forward Kest"), "PERSON") == COMPANY


def test_a_product_named_after_its_kind_is_a_body_in_the_whole_article():
    texts = {0: "Open Hands appeal raises 5,000 crowns", 1: "The appeal grew, the charity Open Hands said."}
    ms = [Mention("a1", Span(0, 0, 10, "Open Hands"), "PRODUCT"),
          Mention("a1", Span(1, 29, 39, "Open Hands"), "ORG", evidence="context")]
    assert [m.label for m in type_article(ms, texts, set())] == ["ORG", "ORG"]
    r = NameResolver()
    r.add(type_article(ms, texts, set()))
    assert [(e.name, e.label) for e in r.entities()] == [("Open Hands", "ORG")]



def test_a_known_body_run_into_a_person_the_article_names_is_two_names():
    from storyline.nlp.mention_joins import joined_names

    first = "Aides at the White House Rosa Delgado met on Monday."
    second = "Rosa Delgado flew home."
    at = first.index("White")
    joined = Mention("a1", Span(0, at, at + len("White House Rosa Delgado"), "White House Rosa Delgado"), "ORG")
    alone = Mention("a1", Span(1, 0, 12, "Rosa Delgado"), "PERSON")
    out = joined_names([[joined], [alone]])
    assert [(m.span.text, m.span.start, m.label) for m in out[0]] == [
        ("White House", at, "ORG"), ("Rosa Delgado", at + len("White House "), "PERSON")]
    assert out[1] == [alone]
    # the rest never written alone as a person's, or no known name in front: one span
    assert joined_names([[joined]]) == [[joined]]
    other = Mention("a1", Span(0, 0, 20, "Kestrel Rosa Delgado"), "ORG")
    assert joined_names([[other], [alone]])[0] == [other]
    # the rest written alone under another label: a person's by its shape, not a paper's name
    assert [m.label for m in joined_names([[joined], [alone.replace(label="ORG")]])[0]] == ["ORG", "PERSON"]
    paper = Mention("a1", Span(0, 0, 24, "London Evening Standard"), "ORG")
    alone_paper = Mention("a1", Span(1, 0, 16, "Evening Standard"), "ORG")
    assert joined_names([[paper], [alone_paper]])[0] == [paper]


def test_a_surname_and_its_stripped_possessive_give_one_span_whatever_the_hash_seed():
    import os
    import subprocess
    import sys

    # the model tags "Tom Fenns" (a stripped possessive) and "Tom Fenn", and nothing in the third
    # sentence: the surnames "Fenns" and "Fenn" (its possessive) both match "Fenns views"
    script = (
        "import spacy\n"
        "from spacy.tokens import Doc, Span as S\n"
        "from storyline.nlp.annotate import AnnotatedSentence\n"
        "from storyline.nlp.mentions import article_mentions\n"
        "vocab = spacy.blank('en').vocab\n"
        "def sent(i, words, ents):\n"
        "    doc = Doc(vocab, words=words)\n"
        "    doc.ents = [S(doc, a, b, label='PERSON') for a, b in ents]\n"
        "    return AnnotatedSentence(i, doc.text, doc, False)\n"
        "ss = [sent(0, ['Critics', 'of', 'Tom', 'Fenns', 'plan', 'spoke'], [(2, 4)]),\n"
        "      sent(1, ['Tom', 'Fenn', 'spoke', 'first'], [(0, 2)]),\n"
        "      sent(2, ['Fenns', 'views', 'were', 'odd'], [])]\n"
        "print([m.span.text for m in article_mentions(ss, 'a1') if m.span.sentence_index == 2])\n")
    outs = set()
    for seed in ("1", "2", "3", "4"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                                check=True).stdout)
    assert outs == {"['Fenn']\n"}
