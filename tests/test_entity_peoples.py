"""Nationality adjectives and peoples' names outside the regular endings (entities round 19):
``Bahraini``, ``Venezuelan``, ``Sri Lankan``, ``Berber``, ``Tuareg``. Every sentence and name
here is written for the tests."""

from __future__ import annotations

from storyline.canonical import NameResolver
from storyline.canonical_names import NameParts, core_name
from storyline.nlp.mentions import fix_label
from storyline.peoples import countries_of, peoples_of
from storyline.records import Mention, Span


def test_a_peoples_plural_outside_the_regular_endings_is_no_person_or_place():
    # "Bahrainis marched on Friday"; "Berbers of the western mountains"; "Tuaregs crossed the border"
    assert [fix_label(t, label) for t, label in [("Bahrainis", "PERSON"), ("Venezuelans", "PERSON"),
                                                 ("Berbers", "GPE"), ("Tuaregs", "LOC"), ("Sri Lankans", "PERSON")]] \
        == ["NORP"] * 5
    # "Sri Lankan workers": the adjective of a two-word country is a people, no place
    assert fix_label("Sri Lankan", "GPE") == "NORP"
    # a one-word name alone keeps the model's label: no plural, no adjective of two words
    assert [fix_label(t, label) for t, label in [("Berber", "LOC"), ("Caracas", "GPE"), ("Colombo", "GPE")]] \
        == ["LOC", "GPE", "GPE"]


def test_a_nationality_outside_the_regular_endings_qualifies_a_name():
    # "Norwegian Ola Dahl won the stage"; "Cypriot Eleni Mavrou said"
    assert core_name("Norwegian Ola Dahl", "PERSON") == NameParts("Ola Dahl", "Norwegian")
    assert core_name("Cypriot Eleni Mavrou", "PERSON") == NameParts("Eleni Mavrou", "Cypriot")


def test_a_nationality_outside_the_regular_endings_names_a_ministrys_state():
    r = NameResolver()
    text = "Norways Foreign Ministry summoned the envoy."
    first = [Mention("a1", Span(0, 0, 6, "Norway"), "GPE"),
             Mention("a1", Span(0, 8, 24, "Foreign Ministry"), "ORG", title="Norways")]
    assert text[8:24] == "Foreign Ministry"
    second = [Mention("a2", Span(0, 4, 30, "Norwegian Foreign Ministry"), "ORG")]
    assert r.add(first)[1] == r.add(second)[0]
    assert [(e.name, e.mentions) for e in r.entities() if "Ministry" in e.name] \
        == [("Norway Foreign Ministry", 2)]


def test_a_country_and_its_irregular_people_find_each_other():
    assert "somalia" in countries_of("Somalis") and "morocco" in countries_of("Moroccans")
    assert {"mexican", "mexicans"} <= peoples_of("Mexico")
    assert "kazakh" in peoples_of("Kazakhstan") and "chile" in countries_of("Chilean")


def test_a_known_countrys_or_capitals_name_is_no_peoples_by_its_ending():
    # "Yemen" ends like a people of "Yeme", "Benin" of the town "Beni", "Tripoli" of "Tripol";
    # "Yemens" is "Yemen's" with its apostrophe stripped. Their peoples still find them.
    assert [countries_of(w) for w in ("Yemen", "Yemens", "Benin", "Tripoli", "Oman", "the UK")] == [set()] * 6
    assert [countries_of(w) for w in ("Yemenis", "Omani", "Libyans")] == [{"yemen"}, {"oman"}, {"libya"}]


def test_a_recurring_figures_surname_tagged_a_group_is_the_figure_and_a_peoples_word_is_not():
    # "the Vardek question", "the Vardek years" tagged NORP; the bare "Vardek" is his name
    def m(text: str, label: str, article: str) -> Mention:
        return Mention(article, Span(0, 0, len(text), text), label)

    r = NameResolver()
    leader = r.add([m("Osman Vardek", "PERSON", "a1")] + [m("Vardek", "PERSON", "a1")] * 3, "s1")[0]
    r.add([m("Osman Vardek", "PERSON", "a2"), m("Vardek", "PERSON", "a2"), m("Vardek", "PERSON", "a2")], "s2")
    assert r.add([m("Vardek", "NORP", "a3")], "s3") == [leader]
    # a people's or a faith's word borne as a surname stays the group
    r.add([m("Lena Christian", "PERSON", "b1")] + [m("Christian", "PERSON", "b1")] * 3, "t1")
    r.add([m("Lena Christian", "PERSON", "b2")] + [m("Christian", "PERSON", "b2")] * 3, "t2")
    r.add([m("Omar Sunni", "PERSON", "c1")] + [m("Sunni", "PERSON", "c1")] * 3, "t3")
    r.add([m("Omar Sunni", "PERSON", "c2")] + [m("Sunni", "PERSON", "c2")] * 3, "t4")
    assert [r.entity(i).label for i in r.add([m("Christians", "NORP", "d1"), m("Sunni", "NORP", "d1")], "t5")] \
        == ["NORP", "NORP"]
    assert sorted((e.name, e.label, e.mentions) for e in r.entities()) == [
        ("Christian", "NORP", 1), ("Lena Christian", "PERSON", 8), ("Omar Sunni", "PERSON", 8),
        ("Osman Vardek", "PERSON", 8), ("Sunni", "NORP", 1)]


def test_a_peoples_noun_and_its_adjective_of_another_word_are_one_group():
    # "Kurds fled north"; "Kurdish fighters held the pass"; "Turks voted"; "Turkish troops"
    def m(text: str, article: str) -> Mention:
        return Mention(article, Span(0, 0, len(text), text), "NORP")

    r = NameResolver()
    ids = r.add([m("Kurds", "a1"), m("Kurdish", "a2"), m("Kurd", "a3"), m("Turks", "a4"), m("Turkish", "a5"),
                 m("Jews", "a6"), m("Jewish", "a7"), m("Englishmen", "a8"), m("English", "a9")])
    assert ids[0] == ids[1] == ids[2] and ids[3] == ids[4] and ids[5] == ids[6] and ids[7] == ids[8]
    assert sorted((e.name, e.mentions) for e in r.entities()) \
        == [("English", 2), ("Jewish", 2), ("Kurd", 3), ("Turkish", 2)]


def test_a_peoples_noun_tagged_a_person_or_place_joins_the_group_keyed_by_its_adjective():
    # "a Kurd from Erbil" tagged PERSON, "a Briton was freed" tagged GPE, after the groups are known
    def m(text: str, label: str, article: str) -> Mention:
        return Mention(article, Span(0, 0, len(text), text), label)

    r = NameResolver()
    kurds, britons = r.add([m("Kurds", "NORP", "a1"), m("Britons", "NORP", "a1")])
    assert r.add([m("Kurd", "PERSON", "a2"), m("Briton", "GPE", "a3")]) == [kurds, britons]
    assert sorted((e.name, e.label, e.mentions) for e in r.entities()) \
        == [("Briton", "NORP", 2), ("Kurd", "NORP", 2)]
