"""Speakers of a broadcast transcript: a name in capitals before a colon is a person's.

Television transcripts in crawled news name each turn's speaker in capitals before a colon
(``LEW: Thanks for having me.``, ``DAN LOTHIAN, CNN WHITE HOUSE CORRESPONDENT (voice-over):
...``, ``(CROSSTALK) HILL: ...``). The model reads a word in capitals as an acronym and tags it
ORG, so a budget director, a correspondent and a pundit were listed as organisations. A turn
label is a person's name: :func:`transcript_speakers` relabels it PERSON with
``evidence="context"``, which outvotes the model's labels in the corpus vote.

A speaker addresses another by the given name (``Thanks, Randa.``, ``... in the square --
Randa.``, ``Randa, what did you see?``), which the model tags as a place or a body: a one-word
name addressed so, that is the given name of a person the article names in full, is that
person's (:func:`addressed_people`).

A headline also writes a body before a colon (``NATO: talks go on``), once: an article must
have at least :data:`_LEAST_TURNS` turn labels to be read as a transcript, and known places,
bodies and aliases keep their labels, and so do initials with no vowel (an outlet's
questions in an interview: ``CNN: Why now?``).
"""

from __future__ import annotations

import re

from ..canonical_names import ALIASES, ORG_NAMES, PLACE_NAMES, fold
from ..records import Mention
from .mention_labels import TITLED_FIXABLE
from .repair import is_demonym

__all__ = ["transcript_speakers", "addressed_people"]

# Before a turn label: the start of the sentence, a cut-off turn ("--") or a stage note
# ("(CROSSTALK)").
_TURN_BEFORE = re.compile(r"(?:^|--|\))\s*$")
# After it: the colon, perhaps after the speaker's role in capitals and a note in brackets
# (", CNN WHITE HOUSE CORRESPONDENT (voice-over):"). 80: a long role line.
_TURN_AFTER = re.compile(r"^(?:,[^a-z:]{1,80}?)?(?:\s*\([a-z -]+\))?\s*:")
# Turn labels an article needs to be read as a transcript: a headline has one at most.
_LEAST_TURNS = 2


# A word with a vowel: an outlet's initials (CNN, BBC) ask an interview's questions too
# ("CNN: What happens next?"), a person's name has one in every word.
_VOWEL = re.compile(r"[AEIOUY]")


def _turn(m: Mention, text: str) -> bool:
    word = m.span.text.strip()
    return word.isupper() and any(c.isalpha() for c in word) \
        and bool(_TURN_BEFORE.search(text[:m.span.start])) and bool(_TURN_AFTER.match(text[m.span.end:]))


def transcript_speakers(found: list[list[Mention]], texts: list[str]) -> list[list[Mention]]:
    """Per sentence (``found[i]`` the mentions of the sentence ``texts[i]``): a name in
    capitals that labels a transcript's turn is a person's, unless a known place or body."""
    turns = [[_turn(m, text) for m in ms] for ms, text in zip(found, texts)]
    if sum(map(sum, turns)) < _LEAST_TURNS:
        return found
    out = []
    for ms, marks in zip(found, turns):
        row = []
        for m, turn in zip(ms, marks):
            key = fold(m.span.text)
            if turn and m.label in TITLED_FIXABLE and key not in ORG_NAMES and key not in PLACE_NAMES \
                    and key not in ALIASES and all(_VOWEL.search(w) for w in m.span.text.split()):
                m = m.replace(label="PERSON", evidence="context")
            row.append(m)
        out.append(row)
    return out


# Where a name is addressed: after the sentence's start, a comma, a dash or thanks and a
# greeting; before a comma, a dash or the sentence's end.
_ADDRESS_BEFORE = re.compile(r"(?:^|,|--|\b(?:[Tt]hanks|[Tt]hank you(?: very much)?|[Hh]i|[Hh]ello))\s*$")
_ADDRESS_AFTER = re.compile(r"^\s*(?:[,.?!]|--|$)")
# After the comma, an apposition's article: the name is described, not addressed ("Ann, the
# minister of ..." may open a question to Ann about someone else, whom the role names).
_APPOSITION_AFTER = re.compile(r"^\s*,\s*(?:the|a|an)\b")


def addressed_people(found: list[list[Mention]], texts: list[str]) -> list[list[Mention]]:
    """Per sentence: a one-word name the model calls a place or a body, addressed (module
    docstring) and the given name of a person the article names in full, is that person's
    (``evidence="context"``); a known place, body or people keeps its label, and so does a
    word with capitals inside (``JPMorgan``: a company the model once read as a person's
    first name) or one an apposition follows (``Ann, the minister of ...``)."""
    given = {m.span.text.split()[0].lower() for ms in found for m in ms
             if m.label == "PERSON" and len(m.span.text.split()) > 1}
    if not given:
        return found
    out = []
    for ms, text in zip(found, texts):
        row = []
        for m in ms:
            word = m.span.text
            key = fold(word)
            if m.label in TITLED_FIXABLE and m.label != "PERSON" and " " not in word and word.lower() in given \
                    and word[:1].isupper() and word[1:].islower() and key not in ORG_NAMES and key not in PLACE_NAMES \
                    and key not in ALIASES and not is_demonym(word) and _ADDRESS_BEFORE.search(text[:m.span.start]) \
                    and _ADDRESS_AFTER.match(text[m.span.end:]) and not _APPOSITION_AFTER.match(text[m.span.end:]):
                m = m.replace(label="PERSON", evidence="context")
            row.append(m)
        out.append(row)
    return out
