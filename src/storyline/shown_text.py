"""Crawled text as a reader is shown it: the apostrophes a crawl stripped, put back.

Crawls strip apostrophes (``Egypts President``, ``Mubaraks speech``, ``we dont``), and a
timeline entry that shows them so reads as broken. The analysis already repairs each
sentence for the model (:func:`storyline.nlp.repair.repair`: contractions that are no
English word, a known name's or a known place's possessive), with the capitalised words of
its own article for names. Shown text is held to a stricter test, because a wrong
apostrophe there is read by a person (``Robert Gate's``, ``Wa's there``, ``Thank's``):

* a name is a capitalised word written after a sentence's first word at least twice as
  often as it is written in lower case (``President`` is no name where ``president`` is
  written as often; ``Mubarak`` stays one though a few readers' comments write
  ``mubarak``);
* an s-form gets no apostrophe when its lower-case form is written as often
  (``Was``, ``Thanks``), nor when at least a quarter of its uses stand where no possessive
  can (at a sentence's end, before punctuation or before a verb or preposition:
  ``WikiLeaks said``, ``Defense Secretary Robert Gates.``, ``the Nazis were``).

The counts come from the texts the caller shows together (a timeline's whole story), so a
name written once with its possessive is recognised from the sentences that write it
alone. Only insertions: every other character is the crawl's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .nlp.repair import CAPITALISED, PLURAL_FOLLOWERS, is_contraction, name_counts, possessive_base, repair

__all__ = ["Restorer", "title_names"]

_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]*\b")
# A capitalised word ending in s and what follows it: the sentence's end, punctuation (no
# possessive stands before them) or the next word.
_S_FORM = re.compile(r"\b([A-Z][\w-]*s)\b(?:\s*([.,;:!?)]|$)|\s+(\w+))")
# Words after which an s-form is as written: verbs, prepositions, conjunctions (the
# analysis's list, repair.PLURAL_FOLLOWERS, and the commonest verbs of news).
_AS_WRITTEN_BEFORE = PLURAL_FOLLOWERS | frozenset(
    "is was has released reported added announced took take made make".split())
# Share of an s-form's uses as written from which it is taken for a name or a plural.
_AS_WRITTEN_SHARE = 0.25


class Restorer:
    """Puts stripped apostrophes back into texts shown together (module docstring).

    ``Restorer(texts)`` counts names in ``texts``; ``names``, entity names the caller knows
    (an event's parties, a quote's speaker), add their capitalised words. Calling it on a text
    returns the text with the certain apostrophes back (the text itself when there is none)."""

    def __init__(self, texts: Iterable[str], names: Iterable[str] = ()) -> None:
        texts = [t for t in texts if isinstance(t, str)]
        self._lower: Counter[str] = Counter(w for t in texts for w in _LOWER_WORD.findall(t))
        self._capital = name_counts(texts)
        uses: Counter[str] = Counter()
        as_written: Counter[str] = Counter()
        for text in texts:
            for m in _S_FORM.finditer(text):
                uses[m.group(1)] += 1
                if m.group(3) is None or m.group(3).lower() in _AS_WRITTEN_BEFORE:
                    as_written[m.group(1)] += 1
        self._as_written = {w for w, n in as_written.items() if n >= _AS_WRITTEN_SHARE * uses[w]}
        blocked = {possessive_base(w) for w in self._as_written}
        named = {w for name in names if isinstance(name, str) for w in CAPITALISED.findall(name)}
        self._known = frozenset(n for n in set(self._capital) | named if self._name(n) and n not in blocked)

    def _name(self, word: str) -> bool:
        return self._capital[word] >= 2 * self._lower[word.lower()]

    def __call__(self, text: str) -> str:
        fixed = repair(text, self._known)
        if not fixed.changed:
            return text
        out = list(fixed.text)
        for pos in reversed(fixed.inserted):
            if out[pos] != "'":
                del out[pos]  # a space the analysis puts into a fused handle: names such as
                continue      # ElBaradei are written so, and the shown text keeps them
            word = _word_around(fixed.text, pos).replace("'", "")
            if word[:1].isupper() and not is_contraction(word) \
                    and (word in self._as_written or not self._name(word) or _named_the(fixed.text, pos)):
                del out[pos]
        return "".join(out)


# "the" and a capitalised word ending in an apostrophe's place, then a capitalised word:
# one name written with its s (``the Johns Hopkins University``), as English writes no
# possessive of a one-word name after "the" before a name.
_THE_NAME = re.compile(r"\b[Tt]he [A-Z][\w-]*'s [A-Z]")


def _named_the(text: str, pos: int) -> bool:
    """Whether the apostrophe at ``pos`` stands in ``the Xs Y`` (see ``_THE_NAME``)."""
    start = text.rfind(" ", 0, text.rfind(" ", 0, pos)) + 1
    return _THE_NAME.match(text, max(0, start)) is not None


def _word_around(text: str, pos: int) -> str:
    """The word of ``text`` that contains offset ``pos`` (letters, digits, ``-`` and ``'``)."""
    start, end = pos, pos + 1
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "-'"):
        end += 1
    return text[start:end]


# A capitalised word ending in s: a possessive of a name when the name is known.
_CAPITAL_S = re.compile(r"\b[A-Z][\w-]*s\b")


def title_names(title: str, text: str) -> tuple[str, ...]:
    """The names ``title``'s stripped possessives stand on, as its article's ``text`` shows
    them: a base (``Gaddafi`` of ``Gaddafis``) written capitalised after a sentence's first
    word at least twice, and at least twice as often as in lower case. A story's label is
    one of its headlines, and a headline seldom writes the name alone (``Muammar Gaddafis
    forces collapse``); its article does. Few words, so a story can keep them per member."""
    if not isinstance(title, str) or not isinstance(text, str):
        return ()
    bases = {b for w in _CAPITAL_S.findall(title) if (b := possessive_base(w))}
    if not bases:
        return ()
    counts = name_counts(text.splitlines())
    lower = Counter(w for w in _LOWER_WORD.findall(text) if w in {b.lower() for b in bases})
    return tuple(sorted(b for b in bases if counts[b] >= 2 and counts[b] >= 2 * lower[b.lower()]))
