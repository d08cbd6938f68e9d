"""A legislature's chamber named by its head word alone (canonical_chambers)."""

from __future__ import annotations

from storyline.canonical import NameResolver
from storyline.records import Mention, Span


def M(text: str, label: str = "ORG", article: str = "a1") -> Mention:
    return Mention(article, Span(0, 0, len(text), text), label)


def test_the_house_is_the_chamber_its_article_names():
    r = NameResolver()
    commons = r.add([M("House of Commons", article="a1"), M("House", article="a1")], "s1")
    us = r.add([M("House", article="a2"), M("House of Representatives", article="a2")], "s2")
    assert commons[0] == commons[1]
    assert us[0] == us[1] != commons[0]
    names = {e.name: (e.variants, e.mentions) for e in r.entities()}
    assert names == {
        "House of Commons": (("House", "House of Commons"), 2),
        "US House of Representatives": (("House", "House of Representatives"), 2),
    }


def test_the_house_without_a_chamber_written_is_the_us_house():
    r = NameResolver()
    first = r.add([M("House of Lords", article="a1")], "s1")
    ids = r.add([M("House", article="a2"), M("U.S. House", article="a3")], "s2")
    later = r.add([M("United States House of Representatives", article="a4"), M("the House", article="a4")], "s3")
    assert len(set(ids + later)) == 1 and ids[0] != first[0]
    assert r.entity(ids[0]).name == "US House of Representatives"


def test_a_country_s_own_house_of_representatives_stays_its_own():
    r = NameResolver()
    ids = r.add([M("Australian House of Representatives"), M("House")], "s1")
    us = r.add([M("House of Representatives", article="a2")], "s2")
    assert ids[0] == ids[1] != us[0]


def test_the_house_alone_is_still_a_known_name_for_a_stripped_possessive():
    r = NameResolver()
    r.add([M("House", article="a1")], "s1")
    ids = r.add([M("Kestrel Houses Water Programme", article="a2")], "s2")
    assert r.entity(ids[0]).name == "Water Programme"
