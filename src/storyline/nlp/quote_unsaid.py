"""Frames of words not said: a cue under a modal of possibility or obligation, or ``let's``.

``Critics could say the plan is too timid``, ``No one can say the plan was fair``, ``Voters
might argue that the tax is unfair``, ``Lund should ask the council to back another plan``:
the modal makes the cue a possibility, a permission or a duty, not something anyone said,
so a reader of storyline's quotes would see words put in a speaker's mouth by the writer.
``will`` and ``would`` are left out: ``Hale will announce his plan on Monday`` reports what
was announced ahead, ``Hale would later say that ...`` is narration of what was said, and on
the PolNeAR train fold dropping their frames too lost 21 right attributions (who-said-what
F1 0.7018 -> 0.6994).

A negative speaker (``No one knew of the plan``, ``None of the ministers would comment``)
is kept: PolNeAR annotates it as the source, and dropping such frames cost the train fold
7 right attributions of 13 (0.7018 -> 0.7009).
"""

from __future__ import annotations

from .quote_subjects import Frame

# Modals of possibility, permission and obligation (general English); "cannot" is split by
# the tokenizer into "can" + "not".
_MODALS = frozenset({"can", "could", "might", "may", "should", "must"})


# "let's" with its apostrophe stripped, and as written: the writer's own suggestion ("So
# now, lets say, the mayor calls", "And lets hope it holds"), no speaker.
_LETS = frozenset({"lets", "let's", "let\u2019s"})


def said_frames(doc, frames: list[Frame]) -> list[Frame]:
    """``frames`` without those whose cue is under a modal of possibility or obligation
    (on the PolNeAR train fold, stripped, ordered, full parse: 11 predictions fewer, 1 of
    them right; who-said-what F1 0.7018 -> 0.7027) or whose speaker is ``let's``."""
    return [f for f in frames if not _hypothetical(doc, f) and not _lets(doc, f)]


def _lets(doc, frame: Frame) -> bool:
    """Whether the frame's speaker as written is ``let's`` (stripped or not)."""
    return frame.speaker is not None and doc.text[frame.speaker[0]:frame.speaker[1]].lower() in _LETS


def _hypothetical(doc, frame: Frame) -> bool:
    """Whether the frame's cue word has a modal of ``_MODALS`` for auxiliary."""
    span = doc.char_span(*frame.cue, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in span.root.children)
