"""Quote frames of a speech noun: ``his warning that ...``, ``Lunds claim that ...``.

A speech noun (``NOUN_CUES``) with a ``that`` clause is an attribution when the sentence says
whose words they are. The parser shows that in three ways:

* a possessor (``her warning that``, ``Clinton's claim that``);
* in crawled text, where apostrophes are stripped, the possessor reads as a plural noun
  before the cue (``Lunds claim that``, ``the mayors statement that``): the parser makes it a
  compound of the noun or, splitting the phrase, a second object beside it;
* a source after the noun: ``an allegation from his brother that``, ``the claim by the
  union, that``.

A few nouns are an attribution with their clause even when the sentence names no source
(``the suggestion that the port would close was false``): then the speaker is unknown.
"""

from __future__ import annotations

from .quote_content import cut_tail
from .quote_speaker_kinds import fill_speaker
from .quote_subjects import Frame, char_span, trim
from .speech_verbs import NOUN_CUES

# Nouns whose "that" clause is an attribution with or without a source in the sentence (lemmas).
# On PolNeAR train outside the development fold, sourceless: statement 6 of 6 annotated, complaint
# 5 of 5, suggestion 3 of 5, admission 2 of 3 (claim 4 of 9, belief 4 of 9, confidence 2 of 5,
# assumption 2 of 4 stay out: half or less).
_UNSOURCED = frozenset({"statement", "complaint", "suggestion", "admission"})
# Prepositions that name the source of a speech noun ("an allegation from X", "a warning by X").
_SOURCE_PREPOSITIONS = frozenset({"from", "by"})


def _stripped_possessor(tok):
    """``Lunds claim``, ``the mayors statement``: the noun right before the cue ends in ``s``
    (a possessive whose apostrophe was stripped) and is the cue's compound, or the parser
    split the phrase and gave both words the same role under the same head. A word ending
    in ``ss`` (``the Congress statement``... ``press``) is no stripped possessive."""
    if tok.i == 0:
        return None
    prev = tok.doc[tok.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or not prev.lower_.endswith("s") or prev.lower_.endswith("ss"):
        return None
    if prev.head == tok and prev.dep_ in ("compound", "nmod"):
        return prev
    if prev.head == tok.head and prev.dep_ == tok.dep_ and prev.head != prev:
        return prev
    return None


def _source(tok):
    """The token that names whose words a speech noun gives, or None."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    stripped = _stripped_possessor(tok)
    if stripped is not None:
        return stripped
    return next((g for c in tok.rights if c.dep_ == "prep" and c.lower_ in _SOURCE_PREPOSITIONS
                 for g in c.children if g.dep_ == "pobj"), None)


def _unsourced(tok, lemma: str) -> bool:
    """Whether a noun of ``_UNSOURCED`` is read without a source: not when a noun before it
    modifies it (``the Congress statement that``), which names a source the rules cannot
    take as one."""
    return lemma in _UNSOURCED and not any(c.dep_ in ("compound", "nmod") for c in tok.children)


def _that_clause(tok):
    """The ``that`` clause a speech noun governs (``acl`` or ``ccomp`` after it)."""
    kids = [c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i]
    return next((c for c in kids if c.left_edge.lower_ == "that"), None)


def noun_frames(doc) -> list[Frame]:
    """``his warning that ...``, ``Clinton's claim that ...``, ``Lunds claim that ...``, ``an
    allegation from X that ...``: a speech noun with a ``that`` clause (the content) and a
    source (the speaker; see the module docstring)."""
    out = []
    for tok in doc:
        nominal = tok.pos_ == "NOUN" or tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr")
        lemma = tok.lemma_.lower()
        if not nominal or tok.lower_ not in NOUN_CUES and lemma not in NOUN_CUES and lemma not in _UNSOURCED:
            continue  # ("warning" after "her" is often tagged a verb in the object slot)
        source = _source(tok)
        clause = _that_clause(tok)
        if clause is None or (source is None and not _unsourced(tok, lemma)):
            continue
        span = trim(doc, *cut_tail(doc, clause.left_edge.i, clause.right_edge.i + 1))
        if span is None:
            continue
        frame = Frame(cue=char_span([tok]), content=[span], lemma=lemma)
        if source is not None:
            fill_speaker(doc, source, frame)
        frame.tags.add("noun")
        out.append(frame)
    return out
