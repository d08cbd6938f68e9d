"""Names written wrong (canonical_typos, and canonical_organisations' shouted words): a
misspelled place or title joins the name it misspells, two real names one letter apart never
join, and a word shouted in capitals is no short form of a longer name."""

from __future__ import annotations

from storyline.canonical import NameResolver
from storyline.canonical_names import NameParts, core_name
from storyline.canonical_spellings import feminine_form
from storyline.canonical_typos import misspelled_title
from storyline.records import Mention, Span


def M(text: str, label: str, article: str) -> Mention:
    return Mention(article, Span(0, 0, len(text), text), label)


def _resolver_with(name: str, label: str, times: int) -> NameResolver:
    r = NameResolver()
    for i in range(times):
        r.add([M(name, label, f"a{i}")])
    return r


def _names(r: NameResolver) -> dict[str, int]:
    return {e.name: e.mentions for e in r.entities()}


def test_a_place_misspelled_once_joins_the_place_the_corpus_names_often():
    r = _resolver_with("Kestavia", "GPE", 20)
    r.add([M("Kestavja", "GPE", "b1")])  # a letter changed
    r.add([M("Brannvik Square", "FAC", f"c{i}") for i in range(20)])
    r.add([M("Branvik Square", "FAC", "b2")])  # a letter left out
    assert _names(r) == {"Kestavia": 21, "Brannvik Square": 21}
    assert {e.name: e.variants for e in r.entities()}["Kestavia"] == ("Kestavia", "Kestavja")


def test_a_spelling_met_again_is_a_name_of_its_own():
    # a real place one letter from the corpus's main one loses its first mention only
    r = _resolver_with("Marvale", "GPE", 20)
    r.add([M("Morvale", "GPE", f"c{i}") for i in range(21)])
    assert _names(r) == {"Marvale": 21, "Morvale": 20}


def test_a_spelling_with_two_letters_swapped_joins_the_place_every_time():
    r = _resolver_with("Kestavia", "GPE", 20)
    r.add([M("Kestaiva", "GPE", f"c{i}") for i in range(5)])  # neighbours
    r.add([M("Ravenia", "GPE", f"e{i}") for i in range(20)])
    r.add([M("Revania", "GPE", f"d{i}") for i in range(5)])  # one apart, around a consonant
    assert _names(r) == {"Kestavia": 25, "Ravenia": 25}


def test_a_place_named_fewer_times_than_the_setting_keeps_a_near_name_apart():
    r = _resolver_with("Kestavia", "GPE", 19)
    r.add([M("Kestavja", "GPE", "b1")])
    assert _names(r) == {"Kestavia": 19, "Kestavja": 1}


def test_two_real_places_one_letter_apart_never_join():
    # the gazetteer knows both (Iran / Iraq); four-letter names are often two places (Gaza / Giza)
    r = _resolver_with("Iraq", "GPE", 30)
    r.add([M("Gaza", "GPE", f"g{i}") for i in range(30)])
    r.add([M("Iran", "GPE", "b1"), M("Giza", "GPE", "b1")])
    r.add([M("Kestavia", "GPE", f"k{i}") for i in range(30)])
    r.add([M("Pkestavia", "GPE", "b2")])  # another first letter: a name of its own (Prussia / Russia)
    assert _names(r) == {"Iraq": 30, "Gaza": 30, "Kestavia": 30, "Iran": 1, "Giza": 1, "Pkestavia": 1}


def test_a_name_one_letter_from_two_places_joins_neither():
    r = _resolver_with("Marvale", "GPE", 20)
    r.add([M("Morvale", "GPE", f"c{i}") for i in range(21)])
    r.add([M("Mervale", "GPE", "b1")])
    assert _names(r) == {"Marvale": 21, "Morvale": 20, "Mervale": 1}


def test_peoples_names_one_letter_apart_stay_two_people():
    # Ali / Alia: a man's and a woman's given names, not a slip nor one name romanised two
    # ways, however often the first is named
    r = NameResolver()
    for i in range(30):
        r.add([M("Ali Hassan", "PERSON", f"a{i}")])
    r.add([M("Alia Hassan", "PERSON", "b1")])
    r.add([M("Alia", "GPE", "b2")])
    assert _names(r) == {"Ali Hassan": 30, "Alia Hassan": 1, "Alia": 1}
    assert feminine_form("ali", "alia") and feminine_form("karimah", "karim") and not feminine_form("ali", "alis")


def test_a_misspelled_title_is_the_title():
    assert core_name("Presiden Tove Rask", "PERSON") == NameParts("Tove Rask", "Presiden")
    assert core_name("Secratary Tove Rask", "PERSON") == NameParts("Tove Rask", "Secratary")
    r = NameResolver()
    r.add([M("Tove Rask", "PERSON", "a1"), M("Rask", "PERSON", "a1")])
    ids = r.add([M("Presiden Rask", "PERSON", "a2"), M("Rask", "PERSON", "a2")])
    assert _names(r) == {"Tove Rask": 4} and len(set(ids)) == 1


def test_a_word_one_letter_from_a_title_that_is_a_word_or_a_name_is_no_title():
    # "Minster" is a dictionary word (a church, and a surname), "Justine" and "Marshall" given
    # names one letter from titles (justice, marshal) that are not read as slips
    assert core_name("Minster Lovell", "PERSON") == NameParts("Minster Lovell")
    assert core_name("Justine Varga", "PERSON") == NameParts("Justine Varga")
    assert core_name("Marshall Quinn", "PERSON") == NameParts("Marshall Quinn")
    assert [misspelled_title(w) for w in ("presiden", "governer", "minster", "justine", "major")] == [
        "president", "governor", "", "", ""]


def test_a_shouted_word_is_no_short_form_of_the_longer_name_it_begins():
    # "they were WHITE!" beside the White House; a firm's name shouted in a headline (no
    # dictionary word) is still the firm, in either order of first sight
    r = NameResolver()
    r.add([M("White House", "ORG", "a1"), M("WHITE", "ORG", "a1")])
    r.add([M("GREEN", "ORG", "a2"), M("Green Kestrel Party", "ORG", "a2")])
    r.add([M("Varnco Holdings", "ORG", "a3"), M("VARNCO", "ORG", "a3")])
    assert _names(r) == {"White House": 1, "WHITE": 1, "GREEN": 1, "Green Kestrel Party": 1, "Varnco Holdings": 2}
