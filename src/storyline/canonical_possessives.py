"""Stripped possessives of known names (rule 6 of :mod:`storyline.canonical`).

Crawled text loses its apostrophes, so ``Northford's Ministry`` arrives as ``Northfords
Ministry`` and ``Gaddafi's forces`` as ``Gaddafis forces``. Whether a final ``s`` is a
possessive depends on what the corpus already knows (``Northford`` is a place, ``Frances``
is a given name, ``Los Angeles`` is a name as written), so these are plain functions over
the resolver's indexes (:class:`~storyline.canonical.NameResolver` calls them with itself,
and :func:`.canonical_given_names.given_names` reads a person's name through them). They
live apart from resolution because they only rewrite a mention's text before it is parsed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .canonical_names import ALIASES, PLACE_NAMES, fold, split_article
from .canonical_organisations import company, national_suffix_key
from .nlp.repair import is_demonym, possessive_base

if TYPE_CHECKING:
    from .canonical import NameResolver

__all__ = ["restore_possessive"]


def restore_possessive(r: NameResolver, text: str, cls: str = "") -> str:
    """``Northfords Ministry`` -> ``Northford's Ministry`` when ``Northford`` is a known
    name and ``Northfords`` is not (rule 6); the text unchanged otherwise."""
    tokens = text.split()
    whole_key = fold(text) if cls == "org" and len(tokens) > 1 and text.endswith("s") else ""
    if whole_key.endswith("s") and whole_key not in r._by_key and whole_key not in ALIASES \
            and (r._is_entity(whole_key[:-1]) or national_suffix_key(r, whole_key[:-1])):
        return text[:-1] + "'s"  # "Bank of Americas board": a known organisation's possessive
    for i, tok in enumerate(tokens):
        # the name after an Arabic article ("Bashar al-Assads rule"): the article stays
        article, word = split_article(tok.strip(",;:"))
        base = possessive_base(word) or _surname_base(r, word)
        if base is None or len(base) < 3 and not (len(base) == 2 and base.isupper()):
            continue  # "Los Angeles", "Las Vegas", "Des Moines": an article, not "Lo's"; "GMs" is GM's
        whole, bkey = fold(tok.replace(article, "", 1)), fold(base)
        if _known_as_written(r, whole, bkey, cls) or whole in r._surnames or whole in ALIASES \
                or (len(tokens) > 1 and fold(text) in r._by_key) or _base_written_so(r, bkey, word):
            return text  # the word, or the whole name ("Los Angeles"), is known as written
        # a world place's possessive also before the corpus has named the place ("Germanys
        # DAX" tagged GPE); not a person's name ("Frances" is a given name)
        if bkey in r._by_key or bkey in r._surnames or bkey in ALIASES \
                or (cls != "per" and bkey in PLACE_NAMES) or (cls == "org" and company(r, bkey)):
            tokens[i] = tok.replace(word, base + "'s")
            return " ".join(tokens)
    return text


def _base_written_so(r: NameResolver, bkey: str, word: str) -> bool:
    """Whether what is known under the base key was itself written as ``word``: a group's
    key loses a plural ``s`` (``Iraqis`` -> ``iraqi``), so ``Tunis`` tagged NORP is known as
    ``tuni``, and ``Tunis`` the city must not become the possessive of a ``Tuni`` no one
    wrote."""
    folded = word.casefold()
    return any(f.casefold() == folded for i in r._live(r._by_key.get(bkey, ())) for f in r._clusters[i].forms)


def _surname_base(r: NameResolver, word: str) -> str | None:
    """A known person's surname that reads like a people's name (``Kerkorian``,
    ``Petrosian``, which :func:`possessive_base` turns down as ``Armenians`` would be)
    with a stripped possessive ``s``: ``Kerkorians Tracinda Corp``; else None."""
    # more than 4 letters: a surname of at least 4 before the "s" (short ones are possessive_base's)
    if len(word) > 4 and word[:1].isupper() and word.endswith("s") and is_demonym(word[:-1]) \
            and fold(word[:-1]) in r._surnames and fold(word) not in r._surnames:
        return word[:-1]
    return None


def _known_as_written(r: NameResolver, whole: str, base: str, cls: str = "") -> bool:
    """Whether a word is a known name as it stands: not when all it names is a bare
    surname no full name explained (a "Gaddafis" of "Gaddafis forces"), or the person
    with the base surname that took such a bare surname in, while its base is a known
    person's surname: that is a possessive the model tagged alone. For a person's
    mention only people count (the model had also made "Gaddafis" an organisation)."""
    ids = r._live(r._by_key.get(whole, ()))
    if cls == "per" and base in r._surnames:
        ids = {i for i in ids if r._clusters[i].cls == "per"}
    if not ids:
        return False
    if base in r._surnames and all(r._clusters[i].short or any(k.split()[-1] == base for k in r._clusters[i].keys)
                                   for i in ids):
        return False  # or only as a form of the person with the base surname
    return True
