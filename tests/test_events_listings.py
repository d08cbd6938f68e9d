"""Events a reader of a crawl's event listing saw coded wrongly (round 26): a protest that only
dates the news.

Every sentence here was written for this file (made-up places Kessling, Ostara and Varnholt).
Expected values are the whole coded event: (type, mode, actor as written, target as written).
"""

from __future__ import annotations

import pytest

from test_events_targets import coded, nlp  # noqa: F401  (the module's parser fixture)


@pytest.mark.parametrize("text", [
    # a protest begun or going on in a time clause dates the news: no new event, and no actor
    # by position (the reporter, the people hurt)
    "More than 300 people have been hurt since the demonstrations began in Kessling.",
    "Shops in Ostara stayed shut after the unrest erupted on Monday.",
    # an event ended in a time clause, whatever its type
    "Refugees have started to return since the war ended in Varnholt.",
    # the classifier keys on a protest that only says when
    "Old statues were broken during the protests in Kessling.",
])
def test_no_event(nlp, text):
    assert coded(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # the sentence's own news stays when a time clause about protests is dropped
    ("The governor called for calm as the protests continued.", [("REQUEST", "", "governor", None)]),
    # protesters doing something during a protest are protesting
    ("Protesters hold a banner during the rally in Kessling.", [("PROTEST", "", "Protesters", None)]),
    # a time clause that tells what an act of force did is news
    ("Banks in Ostara stayed shut after an attack killed twelve guards.",
     [("ASSAULT", "", None, "twelve guards")]),
])
def test_time_clauses(nlp, text, expected):
    assert coded(nlp, text) == expected
