"""nlp.temporal on years told with a word joined to them (dates round 17): ``post-1959``,
``pre-1967``, the year a time before or after it is told from, as TimeBank tags it.

Sentences written for these tests; none is taken from a corpus or crawl."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.temporal import find_timexes_in_text

PUB = dt.date(2022, 2, 12)


def tags(text: str) -> list[tuple]:
    return [(t.span.text, t.type, t.value) for t in find_timexes_in_text(text, PUB)]


@pytest.mark.parametrize("text, expected", [
    # a year after "pre-" or "post-" is a date of that year, the prefix inside the extent
    ("The post-1959 reforms divided many farming families.", [("post-1959", "DATE", "1959")]),
    ("Both sides talked about a return to the pre-1967 lines.", [("pre-1967", "DATE", "1967")]),
    ("Post-2003 governments have struggled to pay their soldiers.", [("Post-2003", "DATE", "2003")]),
    ("Oil is still far below its post-2008 high, traders said.", [("post-2008", "DATE", "2008")]),
    # the prefix alone, and other joined words, stay as they were
    ("Pre-war estimates of the harvest were too high.", []),
    ("The 2008 crash and the post-crash rules were debated.", [("2008", "DATE", "2008")]),
    # another joined prefix still keeps the number out
    ("Gold fell to sub-1800 levels before the close.", []),
])
def test_a_year_after_pre_or_post_is_that_year(text, expected):
    assert tags(text) == expected
