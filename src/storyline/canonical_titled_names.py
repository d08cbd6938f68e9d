"""A person's name after a title that the model tagged a body or a place.

The model tags some titled names as organisations or places (``Field Marshal Tantawi``,
``Captain Ana Varga``, ``King Torvald`` tagged ORG or GPE), and such a name was listed as an
entity of its own, title and all, beside the person. :func:`titled_person` says when the name
after the title is a person the corpus knows: a full name it has as a person's, or the surname
of exactly one person named in full often enough. Then the mention is that person's. A title
before a word that is no known person's name is left alone: ``General Motors``, ``Justice
Department``, ``Major League`` are bodies whose names begin with a title word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .canonical_names import TITLE_WORDS, core_name, name_key

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["titled_person"]

# Times a person must be named in full before a titled surname tagged as a body is read as
# theirs: a one-off full name of a tagging slip is no known person (as canonical_person_names'
# _KNOWN_PERSON_MENTIONS).
_KNOWN_MENTIONS = 3


def titled_person(r: NameResolver, text: str) -> bool:
    """Is ``text`` (tagged a body or a place) a title and then the name of a person the
    corpus knows (see the module docstring)?"""
    parts = core_name(text, "PERSON")
    words = parts.title.split()
    if not parts.name or not words or words[-1].lower().strip(".") not in TITLE_WORDS or " of " in f" {parts.title} ":
        return False  # no title, or a role of a body ("King of Bahrain"): no name after it
    key = name_key(parts.name, "PERSON")
    if " " in key:
        known = r._keys.get(("per", key, ""))
        return bool(known) and r._clusters.get(r.canonical_id(known)) is not None \
            and r._clusters[r.canonical_id(known)].cls == "per"
    people = [cid for cid in r._live(r._surnames.get(key, ()))
              if r._clusters[cid].cls == "per" and " " in r._clusters[cid].key
              and r._clusters[cid].mentions >= _KNOWN_MENTIONS]
    return len(people) == 1
