"""Protest chants the model takes for names: ``Down with the regime``, ``Down, down, Mubarak``.

A crawl strips the quote marks around a chant, so its opening ``Down`` stands capitalised in
mid-sentence (``protesters chanted Down with the governor``) and the model tags it a person,
alone or with the verb before it (``Chanting Down``); in a week of protest coverage such a
``Down`` became one of the most mentioned people. ``Down`` followed by ``with`` or by a comma
and ``down`` again, or written after ``down,``, is a chant's word, not a name (general
knowledge of English protest chants), nor the surname of a person of the article
(``Chanting Down`` had made every ``Down`` of its article a person's). A name ending in
``Down`` (``Black Hawk Down``) is kept: only ``Down`` alone or after a verb in ``-ing`` is read.
"""

from __future__ import annotations

import re

from ..records import Mention

__all__ = ["chant_word"]

# What follows a chant's "Down": "with ..." or ", down" (the chant repeated); what comes before
# its repetition: "down, ".
_CHANT_AFTER = re.compile(r"\s*(?:with\b|,\s*down\b)", re.IGNORECASE)
_CHANT_BEFORE = re.compile(r"\bdown\s*,\s*$", re.IGNORECASE)


def chant_word(m: Mention, text: str) -> bool:
    """Whether the mention is a chant's ``Down`` (alone or after a verb in ``-ing``) in the
    sentence ``text``, not a name (module docstring)."""
    words = m.span.text.split()
    if not words or words[-1] != "Down" or len(words) > 2 or len(words) == 2 and not words[0].endswith("ing"):
        return False
    return bool(_CHANT_AFTER.match(text[m.span.end:])
                or len(words) == 1 and _CHANT_BEFORE.search(text[:m.span.start]))
