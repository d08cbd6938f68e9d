"""Frames that look like attributions but report no one's words or views.

Two kinds, each a rule of news English rather than a list of cases seen in data:

- a raising verb with no source (``The truce seems to be holding``, ``Videos appear to
  show ...``): how something appears to the writer, not what anyone said. PolNeAR
  annotates some of these as sourceless attributions; a reader of storyline's quotes sees
  a quote by ``unknown`` that nobody said (``quotes.raising_attributions``);
- a vote with an infinitive (``The Arab League voted to suspend Syria``): a decision taken,
  an act the events module codes, not speech.

And one piece of page furniture: a pull-quote's ``End Quote`` marker, which glues the quote,
the name and title of its speaker and the next sentence into one run; a frame whose speaker
holds it has no speaker the reader could trust.
"""

from __future__ import annotations

from .quote_model import RAISING
from .quote_subjects import Frame

# Verbs of deciding by vote: with an infinitive the decision is an act, not words ("voted to
# suspend Syria"); "voted for/against X" states a stance, which PolNeAR annotates (on the
# train fold dropping every vote frame took 9 predictions and who-said-what F1 0.6983 ->
# 0.6976; with an infinitive only, 1 prediction and 0.6983 both).
DECISION_VERBS = frozenset({"vote"})

# Page furniture of a pull quote (BBC pages): "... End Quote Name Title".
_FURNITURE = ("end quote",)


def speech_only(doc, frames: list[Frame], raising: bool) -> list[Frame]:
    """``frames`` without those that report no one's words (see the module docstring).
    ``raising``: keep sourceless raising verbs (PolNeAR's convention)."""
    kept = []
    for frame in frames:
        lemma = frame.lemma
        if not raising and lemma in RAISING and frame.speaker is None and "model" in frame.tags:
            continue
        if lemma in DECISION_VERBS and _infinitive_content(doc, frame):
            continue
        if frame.speaker is not None and any(
                f in doc.text[frame.speaker[0]:frame.speaker[1]].lower() for f in _FURNITURE):
            continue
        kept.append(frame)
    return kept


def _infinitive_content(doc, frame: Frame) -> bool:
    """Whether the frame's content is an infinitive clause ("voted [to suspend Syria]")."""
    return bool(frame.content) and doc.text[frame.content[0][0]:frame.content[0][1]].lower().startswith("to ")
