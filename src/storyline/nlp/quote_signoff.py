"""A quote signed off by a line of its own: ``... We will not close the ferry. | - Ilse Marek.``

Fact checks, pull quotes and readers' letters print a quotation and then, on the next
line, a dash and the name of who said it (``— Ilse Marek.``, ``-Ada Roth, Bergen.``). Split
into sentences, that line is a sentence with no verb, which neither the rules nor the model
read. The dash is the cue, the name the speaker, and the sentence before (read in order)
the content, as for the tail of a split attribution (``Is it over? | asked Dunn.``: the
``fragment`` tag).

Not on an article's last line: a dash and a name closing an article is its byline or
credit (``- Tom Brisk.``), no one's quote. Not for an organisation, a place or a
news agency (``— Reuters``): a credit, not a speaker. Development fold of PolNeAR train:
8 such lines; the 6 not closing an article give 6 quotes, 4 of them annotated (the other 2
have a sentence before that is shorter than the annotated run); of the 2 closing one, one is
a byline and one a reader's signature the rule leaves out.
"""

from __future__ import annotations

import re

from .quote_subjects import Frame

# A dash, then one to four capitalised words (the name), an optional ", place or role" of
# at most four words (``, Bergen``, ``, tweeting after the debate``), and a closing stop.
_SIGNOFF = re.compile(r"^\s*(?P<cue>-{1,2}|[\u2013\u2014])\s?(?P<name>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}?)"
                      r"(?:, [^\s,.]+(?: [^\s,.]+){0,3})?\.?\s*$")
# Entity labels of a credit rather than a speaker.
_CREDITS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "DATE", "TIME"})


def signoff_frame(text: str, doc=None) -> Frame | None:
    """The frame of a sentence that is only a dash and a name (``- Ilse Marek.``): the dash the
    cue, the name the speaker, no content of its own (tags ``fragment`` and ``signoff``: the
    quote finder takes the sentence before, not after an article's last line)."""
    m = _SIGNOFF.match(text)
    if m is None:
        return None
    start, end = m.span("name")
    name = m.group("name").rstrip(".")
    end = start + len(name)
    if doc is not None:
        tokens = [t for t in doc if start <= t.idx < end]
        if not tokens or any(t.pos_ != "PROPN" or t.ent_type_ in _CREDITS for t in tokens):
            return None
    frame = Frame(cue=m.span("cue"), content=[], speaker=(start, end), lemma="-", cue_before=False)
    frame.speaker_kind = "name"
    frame.name = (start, end)
    frame.tags.update({"fragment", "signoff"})
    return frame
