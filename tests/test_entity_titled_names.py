"""A person's name after a title that the model tagged a body or a place (canonical_titled_names)."""

from __future__ import annotations

from storyline.canonical import NameResolver
from storyline.records import Mention, Span


def M(text: str, label: str = "PERSON", article: str = "a1") -> Mention:
    return Mention(article, Span(0, 0, len(text), text), label)


def test_a_titled_known_person_tagged_a_body_is_the_person_and_a_body_s_title_word_stays():
    r = NameResolver()
    person = r.add([M("Ilse Tamarind"), M("Tamarind"), M("Ilse Tamarind")], "s1")[0]
    ids = r.add([M("Field Marshal Tamarind", "ORG", "a2"), M("Captain Ilse Tamarind", "GPE", "a2"),
                 M("General Motors", "ORG", "a2"), M("General Kestrel", "ORG", "a2"),
                 M("King of Varenia", "ORG", "a2")], "s2")
    assert ids[:2] == [person, person] and len(set(ids)) == 4
    assert sorted((e.name, e.label, e.mentions) for e in r.entities()) == [
        ("General Kestrel", "ORG", 1), ("General Motors", "ORG", 1), ("Ilse Tamarind", "PERSON", 5),
        ("King of Varenia", "ORG", 1)]
