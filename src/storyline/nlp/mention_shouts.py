"""Words written in capitals for emphasis, which the model takes for names.

Readers' comments and broadcast transcripts shout (``THE PEOPLE ARE UNBEATABLE``, ``he NEVER
had``, ``they were WHITE!``); the model tags such a word alone as an organisation or a person,
and it then heads entity lists and names stories. A one-word mention in capitals is no name
(:func:`shouted_word`) when its lower-case form is a word of the dictionary (WordNet's lemmas,
which the English pipeline ships) that is no noun: an adjective, a verb or an adverb
(``UNBEATABLE``, ``NEVER``, ``ASAP``); WordNet's nouns take in surnames (``Cooper``,
``Snow``), so a word that is also a noun is no name only in a sentence that shouts common words
too (``were WHITE`` beside ``we ALL``). Never a known place, body, alias or people (nor a
word the model calls a people: ``JORDANIAN`` is an adjective alone), a transcript's speaker
label (``REGAL:``), or a word the article writes as a name elsewhere (capitalised
mid-sentence, or inside a longer name).
"""

from __future__ import annotations

import re

from ..canonical_names import ALIASES, ORG_NAMES, PLACE_NAMES, fold
from ..records import Mention
from .engine import dictionary_lemmas
from .repair import is_demonym

__all__ = ["shouted_word", "name_words"]

_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")
# Capitalised words of a shouting sentence that say it shouts: the commonest English words
# (a reader writes "we ALL would", "IS"); a name's capitals ("CNN", "US") say nothing.
_SHOUTED_COMMON = frozenset(
    "all an and are at be but by can did do does for from had has have he her his if is its just "
    "more most my no not now of on only our she so than that the their them then there they this "
    "to too very was we were what when why will with would you your".split())


def name_words(mentions: list[Mention]) -> set[str]:
    """Lower-case words of an article's names written with a lower-case letter or of more than
    one word (``Regal`` of ``Sayed Regal``): a word the article names someone or something by."""
    out: set[str] = set()
    for m in mentions:
        words = m.span.text.split()
        if len(words) > 1 or not m.span.text.isupper():
            out.update(w.lower().strip(".,") for w in words)
    return out


def shouted_word(m: Mention, text: str, capitalised: set[str], named: set[str]) -> bool:
    """Whether a one-word mention in capitals is a common word shouted, not a name (module
    docstring). ``capitalised``: the article's words capitalised mid-sentence
    (:func:`storyline.nlp.repair.article_names`); ``named``: :func:`name_words`."""
    word = m.span.text
    if " " in word or not word.isalpha() or not word.isupper() or len(word) < 3 or m.title or m.label == "NORP":
        return False
    low = word.lower()
    if low in named or word.capitalize() in capitalised or text[m.span.end:].lstrip()[:1] == ":":
        return False
    key = fold(word)
    if key in PLACE_NAMES or key in ORG_NAMES or key in ALIASES or is_demonym(word):
        return False
    if not any(low in dictionary_lemmas(pos) for pos in ("adj", "verb", "adv")):
        return False
    if low not in dictionary_lemmas("noun"):
        return True
    return any(hit.group().lower() in _SHOUTED_COMMON for hit in _CAPITALS.finditer(text)
               if not (m.span.start <= hit.start() < m.span.end))
