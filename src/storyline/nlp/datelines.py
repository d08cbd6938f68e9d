"""Wire datelines: where the text of a crawled lead starts after ``KESSLING, March 2 (CPA) -``.

A wire story's first sentence carries its dateline (the place in capitals, maybe the date and
the agency, a dash); crawls keep it in the line. It is the page's, not the sentence's: no event
has it for actor, and no quote has it for content. Shared by the events (``event_fallback``,
``event_records``) and the quotes (``quotes``).

A broadcast transcript's turn opens with its speaker's label (``KROLL:``, ``ANNA KROLL, ANCHOR:``):
the speaker of the turn, whom the quotes read there, but no party to what the turn tells
(``KROLL: Arnholt troops are massed near the border`` is Arnholt's act, not Kroll's), so the
events start after it too (:func:`own_words_start`).
"""

from __future__ import annotations

import re

_DASHES = ("-", "--", "\u2013", "\u2014")


def dateline_end(doc) -> int:
    """The index of the first token after a wire dateline, or 0:
    - an agency in brackets and a dash among the first tokens ("(CNN) --", "Tripoli, Libya
      (CNN) --", "KESSLING, March 2 (CPA) -");
    - a capitalised place opening the sentence, a comma, and a dash within 12 tokens
      ("KESSLING, March 2 -"), or a time and a colon ("NORLAND, 3:17 p.m. ET, 10:17 p.m.
      local: ...", a live page's entry);
    - a live page's entry stamp in brackets holding a clock time ("(Update 7:42 p.m. in
      Kessling, 12:42 ET) ...")."""
    n = len(doc)
    if n < 4:
        return 0
    if doc[0].text == "(":
        close = next((t.i for t in doc[1:24] if t.text == ")"), 0)
        if close and any(":" in t.text and t.text.replace(":", "").isdigit() for t in doc[1:close]):
            return close + 1
    for tok in doc[2:12]:
        if (tok.text == ")" and doc[tok.i - 2].text == "(" and doc[tok.i - 1].text[:1].isupper()
                and tok.i + 1 < n and doc[tok.i + 1].text in _DASHES):
            return tok.i + 2
    if not doc[0].is_upper or len(doc[0].text) < 3 or doc[1].text != ",":
        return 0
    timed = False
    for tok in doc[2:16]:
        if tok.text in _DASHES and tok.i < 13:
            return tok.i + 1
        timed = timed or any(c.isdigit() for c in tok.text)
        if tok.text == ":" and timed:
            return tok.i + 1
    return 0


# A turn label: a name in capitals (its first word three letters or more: "US: ..." or "UN: ..."
# opening a headline says who speaks for a country), maybe a role after a comma and a note in
# brackets, then a colon that is no clock's ("10:30").
_TURN_LABEL = re.compile(r"[A-Z][A-Z'.\-]{2,}(?:\s+[A-Z][A-Z'.\-]*){0,4}(?:,[^:]{1,80}?)?(?:\s*\([^():]{1,40}\))?\s*:(?!\d)")


_LABEL_OPENING = re.compile(r"[A-Z][A-Z'.\-]{2}")  # the label's first three characters


def turn_label_end(doc) -> int:
    """The index of the first token after a transcript's turn label opening the sentence
    (``KROLL:``, ``HOWARD KURTZ, HOST:``, ``UNIDENTIFIED FEMALE (through translator):``), or 0."""
    if not _LABEL_OPENING.match(doc[:3].text):
        return 0  # most sentences: no capitals opening them, and no need for the whole text
    text = doc.text
    if ":" not in text[:140]:
        return 0
    m = _TURN_LABEL.match(text)
    if m is None:
        return 0
    return next((t.i for t in doc if t.idx >= m.end()), 0)


def own_words_start(doc) -> int:
    """Where what a sentence tells starts: after a wire dateline or a transcript's turn label."""
    return max(dateline_end(doc), turn_label_end(doc))
