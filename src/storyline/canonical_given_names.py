"""An article's given-name references, found before its names are resolved.

A bare one-word person name that is the first name of people the same article names in full
(``Michael`` beside ``Michael Jackson``) is a given name: it is resolved after the article's
full names, to that person, even when the model labelled its stripped possessive a place
(``Michaels life``). This reads one article's mentions only (no clusters), which is why it
stands apart from :mod:`storyline.canonical_person_names`, whose rules read the resolver's
clusters; :class:`~storyline.canonical.NameResolver` calls it once per article.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .canonical_names import REGNAL, core_name, label_class, name_key
from .canonical_possessives import restore_possessive
from .records import Mention

if TYPE_CHECKING:
    from .canonical import NameResolver


def given_names(r: NameResolver, mentions: Sequence[Mention]) -> tuple[dict[str, str], dict[int, bool]]:
    """An article's given-name references: a bare one-word person name (no title) that is
    the first name of people named in full in the same article and the surname of none
    (``Michael`` beside ``Michael Jackson`` and ``Katherine Jackson``), or its stripped
    possessive whatever the model's label (``Michaels life``, tagged a place). Returns each
    such word's full key (``""`` when two full names share the first name) and the mentions
    to resolve after the full names, each with whether the model's label must give way to
    PERSON: those and every one-word person name (``Obama``, ``Mr Obama``), so that the
    article's full names are known in its story when a first name or a surname comes."""
    fulls: dict[str, set[str]] = {}
    lasts: set[str] = set()
    bare: dict[int, tuple[str, bool]] = {}
    single: list[int] = []  # one-word person names: resolved after the article's full names
    for i, mention in enumerate(mentions):
        try:
            person = label_class(mention.label) == "per"
            text = mention.span.text[: r.settings["entities.max_mention_chars"] * 4]
            if not person and (" " in text.strip() or not text.endswith("s")):
                continue  # of other labels, only a one-word possessive may be a given name
            parts = core_name(restore_possessive(r, text, "per"), "PERSON")
            key = name_key(parts.name, "PERSON")
        except (AttributeError, TypeError, ValueError):
            continue
        tokens = key.split()
        if person and not tokens and len(text.split()) == 1:
            single.append(i)  # a title word alone ("King"): maybe the surname of a full name to come
        elif person and len(tokens) > 1 and tokens[-1] not in REGNAL:  # "Michael II" is not called "Michael"
            fulls.setdefault(tokens[0], set()).add(key)
            lasts.add(tokens[-1])
        elif len(tokens) == 1:
            if person:
                single.append(i)
            if not parts.title and not mention.title:
                bare[i] = (key, not person)
    given = {first: (keys.pop() if len(keys) == 1 else "")
             for first, keys in fulls.items() if first not in lasts}
    for key, _ in set(bare.values()):  # "Michaels life": a stripped possessive of the given name
        if key.endswith("s") and key[:-1] in given and key not in lasts and key not in fulls:
            given[key] = given[key[:-1]]
    later = dict.fromkeys(single, False)
    later.update((i, retype) for i, (key, retype) in bare.items()
                 if key in given and (not retype or key[:-1] in given))
    return given, later
