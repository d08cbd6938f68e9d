"""A month with its year in two digits: ``June '09``, ``Sept. '01``, and ``June 09`` where a crawl
stripped the apostrophe.

Without the apostrophe two digits after a month are usually its day (``June 09, 2021``, a post's
``Mon Jun 06``), so they are read as a year only where no day can be meant: a number no month has
(``March 98``), or a day written with a leading zero after a preposition of months and years and
before no year (``in June 09``: ``on June 09`` stays a day). Found in a seeded sample of crawl
timexes (``in June 09`` read as the ninth of June).
"""

from __future__ import annotations

import datetime as dt
import re

from . import temporal_lexicon as lex
from .temporal_calendar import month_value
from .temporal_grammar import DIGIT, MONTH, Context, rule

# Words before a month that take a month of a year ("in June '09") rather than a day ("on").
_MONTH_OF_A_YEAR_BEFORE = frozenset({"in", "since", "during", "until", "till", "from", "by", "of", "through"})
# Nothing after the two digits that would make them a day: a year, a clock time, a fraction.
_NOT_A_DAY_AFTER = r"(?![\d%\w]|[.:,/]\d|\s*,?\s*(?:\d|" + lex.RE_YEAR + r"))"


def stripped_short_year(month_word: str, digits: str, word_before: str) -> bool:
    """Whether ``digits`` after ``month_word`` are a year whose apostrophe was stripped (see
    the module docstring); the caller has checked that no year or day follows them."""
    if not month_word[0].isupper():
        return False
    return int(digits) > 31 or (digits.startswith("0") and word_before in _MONTH_OF_A_YEAR_BEFORE)


def century_year(two_digits: int, published: dt.date) -> int:
    """The year ending in ``two_digits`` that is at most a year after publication."""
    year = published.year // 100 * 100 + two_digits
    return year - 100 if year > published.year + 1 else year


@rule("month_short_year", needs=MONTH, also=DIGIT, pattern=r"(?<![\w-])(?P<month>" + lex.RE_MONTH + r")\s+(?P<apos>['\u2019])?"
      r"(?P<yy>\d\d)" + _NOT_A_DAY_AFTER, anchorable=True)
def _month_short_year(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if not m["apos"] and not stripped_short_year(m["month"], m["yy"], ctx.word_before(m.start())):
        return None
    if not m["month"][0].isupper():
        return None  # "may '09" is no month
    month = lex.MONTHS[m["month"].lower().rstrip(".")]
    return "DATE", month_value(century_year(int(m["yy"]), ctx.published), month)


def short_year_after(m: re.Match, ctx: Context) -> bool:
    """Whether a day rule's match (``month`` and ``day`` groups) is rather a month with a
    stripped two-digit year, which :func:`_month_short_year` reads."""
    return (not m.groupdict().get("year") and not m.groupdict().get("rel") and not m.groupdict().get("wd")
            and re.fullmatch(r"\d\d", m["day"]) is not None
            and re.match(_NOT_A_DAY_AFTER, ctx.text[m.end("day"):]) is not None
            and stripped_short_year(m["month"], m["day"], ctx.word_before(m.start())))
