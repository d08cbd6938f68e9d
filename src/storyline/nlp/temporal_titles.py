"""Newspaper titles that hold a date word: ``The Sunday Times``, ``the Mail on Sunday``,
``USA Today``, ``the Daily Telegraph``.

News cites other papers by name, and spaCy's recogniser often leaves the weekday (or
``Today``, ``Daily``) outside its ORG, so the entity veto in ``temporal`` does not catch
them; in stripped crawl text (no italics, no quotes) the title is all that is left. On the
fresh Libya, Egypt and Iraq crawls (round 10) these were 14 expressions, all but one of them
no date (``the Daily Mail on Friday`` is one: the day comes after the title).
"""

from __future__ import annotations

import re

# The word after a weekday or "Daily" in a paper's title ("the Sunday Times", "the Daily Mail").
_TITLE_AFTER = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|People|Mail|Star|Sport|Tribune"
                          r"|Record|Independent|Observer|Beast|Show|Kos|News)\b")
# The words before "Sunday" that make a Sunday paper's title ("the Mail on Sunday", "Scotland on
# Sunday"); any other day after them is the day ("in the Daily Mail on Friday").
_TITLE_ON = re.compile(r"\b(?:Mail|Independent|Scotland|Wales|Observer)\s+on\s+$")
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")


def in_a_title(text: str, start: int, end: int) -> bool:
    """Whether the date word at [start, end) of ``text`` is part of a newspaper's title."""
    word = text[start:end]
    if word == "Today":
        return text[max(0, start - 4):start] == "USA "
    if word in ("Daily", "Weekly") or _WEEKDAY.fullmatch(word):
        if _TITLE_AFTER.match(text, end):
            return True
    return word == "Sunday" and bool(_TITLE_ON.search(text, max(0, start - 20), start))
