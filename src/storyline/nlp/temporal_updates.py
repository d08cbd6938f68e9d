"""A live blog's update stamp: ``(Update 6:47 p.m. Kyiv, 11:47 a.m. ET)``, ``(Updated 2:15
a.m. Thursday in Lisbon, 9:15 p.m. ET Wednesday)`` opening a sentence.

A live blog keeps one page while updates are added, each opened by such a stamp. The stamp tells
when the update was written, not when its news happened: a clock time in it without a day of its
own is on the publication date, not on a day the update's sentence tells of (``(Update 6:47
p.m.) The envoy flew in on Monday``: 6:47 p.m. is not on Monday; ``temporal_absolute``), and a
timeline does not take the stamp for a date of the news (``timeline_dates.references``).

A weekday in a stamp is read as any weekday: a crawl dates a live page by when it was fetched or
last changed, often days after its updates, so putting the stamp on or after the page's date (and
telling the rest of the sentence from it) moved the updates of Timeline17's development topic
egypt a week late (AR-1 0.2194 -> 0.1856) and was taken out in the fifteenth session.
"""

from __future__ import annotations

import re


# The stamp: an opening parenthesis (after a dash or nothing) and "Update"/"Updated", up to its
# closing parenthesis.
_STAMP = re.compile(r"^\W{0,3}\(\s*Updated?\b[^()]{0,80}\)", re.IGNORECASE)


def in_update_stamp(text: str, start: int) -> bool:
    """Whether ``start`` lies in the update stamp that opens ``text``, if it has one."""
    m = _STAMP.match(text)
    return bool(m) and start < m.end()
