"""Entity mentions (nlp.mentions) and canonical names (canonical, canonical_names)."""

from __future__ import annotations

import json

import pytest

from storyline.canonical import NameResolver
from storyline.canonical_names import core_name, name_key
from storyline.nlp.annotate import AnnotatedSentence
from storyline.nlp.engine import load_model
from storyline.nlp.mentions import add_entity_fixes, article_mentions, find_mentions, fix_label
from storyline.nlp.repair import article_names, repair
from storyline.records import Entity, Mention, Span
from storyline.settings import Settings


def M(text: str, label: str = "PERSON", article: str = "a1") -> Mention:
    return Mention(article, Span(0, 0, len(text), text), label)


@pytest.fixture(scope="module")
def nlp():
    return load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))


def annotate(nlp, texts: list[str], known: set[str] | None = None) -> list[AnnotatedSentence]:
    known = article_names(texts) if known is None else known
    out = []
    for i, t in enumerate(texts):
        r = repair(t, known)
        out.append(AnnotatedSentence(i, t, nlp(r.text), False, r.to_original))
    return out


# --- canonical names -----------------------------------------------------------------

def test_biden_variants_are_one_entity():
    r = NameResolver()
    ids = r.add([M("Mr Biden"), M("Joe Biden"), M("Biden"), M("US President Joe Biden")], "s1")
    assert len(set(ids)) == 1
    assert r.entities() == [Entity(ids[0], "Joe Biden", "PERSON", ("Biden", "Joe Biden"), 4)]


def test_zakharova_nato_pentagon():
    r = NameResolver()
    ids = r.add([M("Ms Zakharova"), M("Maria Zakharova"), M("Nato", "ORG"), M("NATO", "ORG"),
                 M("the Pentagon", "ORG")])
    assert ids[0] == ids[1] and ids[2] == ids[3] and len(set(ids)) == 3
    names = {e.name: (e.label, e.mentions) for e in r.entities()}
    assert names == {"Maria Zakharova": ("PERSON", 2), "NATO": ("ORG", 2), "Pentagon": ("ORG", 1)}


def test_us_aliases():
    r = NameResolver()
    ids = r.add([M(t, "GPE") for t in ("U.S.", "US", "the United States", "USA", "America")])
    assert len(set(ids)) == 1
    assert r.entities()[0].name == "United States"


def test_two_people_sharing_a_surname_are_kept_apart():
    r = NameResolver()
    ids = r.add([M("Joe Biden"), M("Jill Biden"), M("Biden")], "s1")
    assert len(set(ids)) == 3  # the bare surname is ambiguous: left alone

    # When both full names came with honorifics, a gendered honorific settles it.
    r = NameResolver()
    tom, ann, mr, ms, bare = r.add([M("Sir Tom Hale"), M("Dame Ann Hale"), M("Mr Hale"),
                                    M("Ms Hale"), M("Hale")], "s1")
    assert (mr, ms) == (tom, ann) and bare not in (tom, ann)


def test_surname_resolved_within_its_story():
    r = NameResolver()
    joe = r.add([M("Joe Biden"), M("Biden")], "story-a")
    hunter = r.add([M("Hunter Biden"), M("Biden")], "story-b")
    assert joe[0] == joe[1] and hunter[0] == hunter[1] and joe[0] != hunter[0]


def test_surname_seen_before_full_name_is_merged_and_redirected():
    r = NameResolver()
    first = r.add([M("Mr Lindqvist")], "s1")[0]
    full = r.add([M("Petra Lindqvist")], "s1")[0]
    assert r.canonical_id(first) == full
    assert [(e.name, e.mentions) for e in r.entities()] == [("Petra Lindqvist", 2)]


def test_organisation_prefix_acronym_and_bracket_alias():
    r = NameResolver()
    ids = r.add([M("Northrop Grumman", "ORG"), M("Northrop", "ORG"),
                 M("the Government Accountability Office", "ORG"), M("GAO", "ORG"),
                 M("the Vellmark Border Agency (VBA)", "ORG"), M("VBA", "ORG"),
                 M("Apple Computer", "ORG"), M("Apple Corps", "ORG"), M("Apple", "ORG")])
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[4] == ids[5]
    assert len({ids[6], ids[7], ids[8]}) == 3  # "Apple" could be either: left alone


def test_nickname_and_initial_merge_but_not_other_first_names():
    r = NameResolver()
    ids = r.add([M("Joseph Biden"), M("Joe Biden"), M("J. Biden"), M("Hunter Biden")])
    assert ids[0] == ids[1] == ids[2] != ids[3]


def test_fuzzy_surname_only_with_same_first_name():
    r = NameResolver()
    ids = r.add([M("Volodymyr Zelensky"), M("Volodymyr Zelenskyy"), M("Joe Johnson"), M("Joe Johnston")])
    assert ids[0] == ids[1] and ids[2] != ids[3]


def test_label_vote_joins_known_person():
    r = NameResolver()
    ids = r.add([M("Steve Jobs"), M("Jobs", "ORG")])
    assert ids[0] == ids[1]
    off = NameResolver(Settings({"entities.vote_labels": False}))
    ids = off.add([M("Steve Jobs"), M("Jobs", "ORG")])
    assert ids[0] != ids[1]


def test_ids_are_stable_across_runs():
    mentions = [M("Mr Biden"), M("Joe Biden"), M("Nato", "ORG")]
    assert NameResolver().add(mentions, "s") == NameResolver().add(mentions, "s")


def test_state_round_trip_continues_identically():
    first = [M("Mr Lindqvist"), M("Nato", "ORG"), M("Jill Biden")]
    later = [M("Petra Lindqvist"), M("NATO", "ORG"), M("Biden"), M("Joe Biden"), M("Biden")]
    a = NameResolver()
    a.add(first, "s1")
    state = json.loads(json.dumps(a.to_state()))
    b = NameResolver.from_state(state)
    assert b.to_state() == a.to_state()
    assert b.add(later, "s1") == a.add(later, "s1")
    assert b.entities() == a.entities()


def test_odd_mentions_give_empty_ids():
    r = NameResolver()
    assert r.add([M(""), M("the"), M("x" * 5000, "ORG"), M("\u200b", "GPE")]) == ["", "", "", ""]
    assert r.entities() == []


def test_core_name_titles_descriptions_and_appositions():
    assert core_name("US President Joe Biden", "PERSON").name == "Joe Biden"
    assert core_name("US President Joe Biden", "PERSON").title == "US President"
    assert core_name("Ms Zakharova", "PERSON").gender == "f"
    assert core_name("Sir Keir Starmer's", "PERSON").name == "Keir Starmer"
    assert core_name("Arnholt Air chief executive Tomas Berg", "PERSON").name == "Tomas Berg"
    assert core_name("Petra Lindqvist, a government spokeswoman", "PERSON").name == "Petra Lindqvist"
    assert core_name("the Foreign Minister of Arnholt, Mr Tomas Berg", "PERSON").name == "Tomas Berg"
    assert core_name("Northford Gazette CEO", "PERSON").name == ""
    assert core_name("aircraft maker Boeing", "ORG").name == "Boeing"
    assert core_name("JaneHale", "PERSON").name == "Jane Hale"
    assert name_key("Nato", "ORG") == name_key("NATO", "ORG") == "nato"
    assert name_key("Acme Holdings Inc.", "ORG") == "acme"
    assert name_key("Zürich", "GPE") == "zurich"


# --- mentions from spaCy -----------------------------------------------------------

def test_find_mentions_titles_and_labels(nlp):
    texts = ["Mr Biden met US President Joe Biden and Ms Zakharova at the Pentagon."]
    got = [(m.span.text, m.label, m.title, m.span.start) for m in find_mentions(annotate(nlp, texts)[0], "a1")]
    assert got == [("Biden", "PERSON", "Mr", 3), ("US", "GPE", "", 13),
                   ("Joe Biden", "PERSON", "US President", 26),
                   ("Zakharova", "PERSON", "Ms", 43), ("Pentagon", "ORG", "", 60)]


def test_find_mentions_on_stripped_text_maps_to_original(nlp):
    texts = ["Nato said the Kremlin rejected Russias offer.", "Officials in Russia said no."]
    ann = annotate(nlp, texts)
    got = [(m.span.text, m.label, m.span.start, m.span.end) for m in find_mentions(ann[0], "a1")]
    assert got == [("Nato", "ORG", 0, 4), ("Kremlin", "ORG", 14, 21), ("Russia", "GPE", 31, 37)]


def test_handles_and_link_debris(nlp):
    texts = ["Foreign Secretary JaneHaleMP met officials. pic.twitter.comq7XkR2bPzt"]
    got = [(m.span.text, m.label, m.title) for m in find_mentions(annotate(nlp, texts)[0])]
    assert got == [("JaneHale", "PERSON", "Foreign Secretary")]


def test_article_mentions_adds_missed_surnames(nlp):
    texts = ["Petra Lindqvist, a spokeswoman, spoke on Monday.", "Later, Lindqvist left for the airport."]
    ms = article_mentions(annotate(nlp, texts), "a1")
    assert [(m.span.sentence_index, m.span.text, m.label) for m in ms] == [
        (0, "Petra Lindqvist", "PERSON"), (1, "Lindqvist", "PERSON")]


def test_fix_label_and_component(nlp):
    assert fix_label("the Pentagon", "FAC") == "ORG"
    assert fix_label("Kyiv", "PERSON") == "GPE"
    assert fix_label("Biden", "PERSON") == "PERSON"
    from storyline.nlp.engine import load_model as load

    pipe = load(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "x"))
    add_entity_fixes(pipe)
    add_entity_fixes(pipe)  # idempotent
    doc = pipe("Mr Biden visited the Pentagon.")
    assert [(e.text, e.label_, e._.title) for e in doc.ents] == [("Biden", "PERSON", "Mr"), ("Pentagon", "ORG", "")]


def test_find_mentions_odd_input(nlp):
    for text in ["", "   ", "😀😀😀", "a" * 3000]:
        assert find_mentions(annotate(nlp, [text])[0]) == []
