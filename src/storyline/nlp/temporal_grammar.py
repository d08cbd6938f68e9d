"""The rule machinery of the temporal tagger: patterns, readings, and choosing among them.

A :class:`Rule` is a compiled regex over the sentence text plus a ``read`` function that
turns a match into a :class:`Reading` (TIMEX3 type and value) given a :class:`Context`
(publication date, tense lookup, the sentence text). Rules live in ``temporal_absolute``
(dates, years, times written out), ``temporal_relative`` (today, last week),
``temporal_durations`` (lengths and sets), ``temporal_periods`` (a business story's periods),
``temporal_holidays`` and ``temporal_references`` (now, recently, the future), and register
themselves with :func:`rule`.

:func:`readings` runs every rule, keeps the readings that survive their checks, and resolves
overlaps the way TimeML extents are meant to be read: the longest expression wins
(``10 p.m. Wednesday`` over ``Wednesday``), then the earlier one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from ..settings import DEFAULTS
from . import temporal_lexicon as lex
from .temporal_tense import direction_of

FLAGS = re.IGNORECASE

# What a rule needs in the sentence before its regex is worth running: one of these words
# (lower case; a trailing "s" is also tried without it) or, for DIGIT, any digit; YEAR_DIGITS
# a run of four digits, CLOCK_DIGITS a digit and a colon, SLASH_DIGITS a digit and a slash.
DIGIT = frozenset({"#"})
YEAR_DIGITS = frozenset({"#4"})
CLOCK_DIGITS = frozenset({"#:"})
SLASH_DIGITS = frozenset({"#/"})
MONTH = frozenset(lex.MONTHS)
WEEKDAY = frozenset(lex.WEEKDAYS)
UNIT = frozenset(lex.UNIT_FORMS)
_WORD = re.compile(r"[^\W\d_]+|\d+")


def words(*ws: str) -> frozenset[str]:
    return frozenset(ws)


def sentence_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` (and their singulars), with ``#`` for any number
    (``#4`` for four digits, ``#:`` and ``#/`` when the text also has a colon or a slash):
    what :func:`readings` matches rules' ``needs`` against."""
    out = set()
    for w in _WORD.findall(text):
        if w[0].isdigit():
            out.add("#4" if len(w) == 4 else "#")
            continue
        w = w.lower()
        out.add(w)
        if w.endswith("s"):
            out.add(w[:-1])
    if "#4" in out:
        out.add("#")
    if "#" in out:
        if ":" in text:
            out.add("#:")
        if "/" in text:
            out.add("#/")
    return frozenset(out)


@dataclasses.dataclass(frozen=True)
class Anaphor:
    """How an anaphoric expression gets its value from an anchor expression.

    The anchor's value moves by ``n`` ``unit``s (D W M Q Y) and is then read at the calendar
    unit ``read_at`` if given (``the following year`` after ``May 22, 1995`` is 1996, not
    1996-05-22), put in ``year`` if given (``the 1988 period`` of a third-quarter report
    is 1988-Q3), and ``suffix`` appended (``that night``: ``TNI``). ``scope``: where the
    anchor may come from (``temporal_anaphora``): ``sentence``, an earlier expression of the
    same sentence only; ``report``, else the period a results story reports; ``story``, else
    an expression of an earlier sentence (text in reading order only); ``clock``, the day
    of the nearest date of the sentence, before or after; ``day_part``, that, else as
    ``story``. ``grains``: the
    granularities an anchor may have (empty: any). ``weekday`` (ISO, Monday 1): the move
    goes to the nearest such weekday before (``n`` < 0) or after the anchor's day instead
    (``the previous Friday`` of a story told on a Friday is the Friday a week before).
    """

    unit: str
    n: int
    read_at: str | None = None
    scope: str = "sentence"
    year: int | None = None
    suffix: str = ""
    grains: frozenset[str] = frozenset()
    weekday: int | None = None


@dataclasses.dataclass(frozen=True)
class Reading:
    """What a rule understood: an extent [start, end) of the text, a type and a value.

    ``anaphor``: for expressions told from another date of the story (``a year earlier``,
    ``that year``), how to move that date (see :class:`Anaphor` and ``temporal_anaphora``);
    ``value`` is then the fallback for when no anchor is found. ``anchorable``: this
    reading may serve as such an anchor.
    """

    start: int
    end: int
    type: str
    value: str
    rule: str
    anaphor: Anaphor | None = None
    anchorable: bool = False


@dataclasses.dataclass
class Context:
    """What a rule may consult besides its match: the publication date, the tense, and the
    ``dates.*`` settings (see ``settings.py`` for what they mean and where they come from)."""

    published: dt.date
    text: str
    tense: Callable[[int, int], str | None] = lambda start, end: None
    day_first: bool = DEFAULTS["dates.day_first"]
    day_slack_days: int = DEFAULTS["dates.day_slack_days"]
    month_slack: int = DEFAULTS["dates.month_slack"]
    pair_days_apart: int = DEFAULTS["dates.pair_days_apart"]
    results_season_days: int = DEFAULTS["dates.results_season_days"]

    def direction(self, start: int, end: int) -> str | None:
        """past/future/near for the expression at [start, end): a signal word right before
        it (``since`` looks back, ``until`` and ``effective`` ahead), else the tense of its
        clause (``temporal_tense.direction_of``)."""
        before = self.text[max(0, start - 12):start].lower().split()  # the word before is enough
        if before and before[-1] in ("since", "ago", "last", "past", "previous"):
            return "past"
        if before and before[-1] in ("until", "till", "next", "coming", "upcoming", "effective"):
            return "future"
        tense = direction_of(self.tense(start, end))
        if before and before[-1] in ("by", "through") and _MONTH_NAME.match(self.text, start):
            # a month as a deadline or the end of a term ("repay the notes by June", "has
            # granted credit through April"): ahead, or told in the past, the nearest
            # one (a past tense is often another clause's); a weekday keeps its tense
            return "near" if tense == "past" else "future"
        return tense

    def word_before(self, start: int) -> str:
        words = self.text[max(0, start - 20):start].split()  # longer than any English word used
        # without the opening quote or bracket a word may carry ("``in May", "(since 2009")
        return words[-1].lower().strip(",;:").lstrip("`'\"\u201c\u2018(") if words else ""

    def noun_follows(self, end: int) -> bool:
        """Whether a lower-case word that may head a noun phrase follows ``end``: what makes
        a plural-looking ``Fridays``, ``last nights`` or ``2011s`` a possessive whose
        apostrophe a crawl stripped (``Fridays attack``, ``2011s protests``), not a plural
        (``on Fridays and Saturdays``, ``Mondays are quiet``)."""
        following = _NEXT_WORD.match(self.text, end)
        return bool(following) and following.group(1) not in lex.NOT_A_HEAD


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


_MONTH_NAME = re.compile(r"(?:" + lex.RE_MONTH + r")\b", re.IGNORECASE)


Reader = Callable[[re.Match, Context], "tuple[str, str] | Reading | None"]


@dataclasses.dataclass(frozen=True)
class Rule:
    """A named pattern and the function that reads its matches.

    The extent is the group named ``tx`` when the pattern has one (so a rule may look at
    context, such as the money before ``a year``, without including it), else the match.
    ``also``: a second word set the sentence must meet too (``that year`` needs ``that`` and
    a unit word: ``that`` alone is in every other sentence).
    """

    name: str
    pattern: re.Pattern
    read: Reader
    needs: frozenset[str]
    anchorable: bool = False
    also: frozenset[str] = frozenset()

    def applies(self, present: frozenset[str]) -> bool:
        return not self.needs.isdisjoint(present) and not (self.also and self.also.isdisjoint(present))


RULES: list[Rule] = []


def rule(name: str, *, needs: frozenset[str] | set[str], pattern: str, anchorable: bool = False,
         also: frozenset[str] | set[str] = frozenset()) -> Callable[[Reader], Reader]:
    """Register ``read`` as the reader of ``pattern`` (compiled case-insensitively), run only
    on sentences with one of the words in ``needs`` (and one of ``also``, if given)."""

    def register(read: Reader) -> Reader:
        RULES.append(Rule(name, re.compile(pattern, FLAGS), read, frozenset(needs), anchorable, frozenset(also)))
        return read

    return register


def readings(ctx: Context, present: frozenset[str] | None = None) -> list[Reading]:
    """All readings of ``ctx.text``, without overlaps, in text order (anaphora unresolved:
    see ``temporal_anaphora``).

    ``present``: the sentence's :func:`sentence_words`, if the caller has them already."""
    present = sentence_words(ctx.text) if present is None else present
    found: list[Reading] = []
    impossible: list[tuple[int, int]] = []  # "Feb. 30, 2022": no part of it is a date either
    for r in RULES:
        if r.needs.isdisjoint(present) or (r.also and r.also.isdisjoint(present)):  # r.applies, inlined
            continue
        for m in r.pattern.finditer(ctx.text):
            try:
                reading = _read(r, m, ctx)
            except (ValueError, OverflowError, KeyError):
                impossible.append(m.span())
                continue
            if reading is not None:
                found.append(reading)
    found = [f for f in found if not any(s <= f.start and f.end <= e for s, e in impossible)]
    chosen: list[Reading] = []
    for reading in sorted(found, key=lambda x: (x.start - x.end, x.start)):
        if all(reading.end <= c.start or reading.start >= c.end for c in chosen):
            chosen.append(reading)
    chosen.sort(key=lambda x: x.start)
    return chosen


def _read(r: Rule, m: re.Match, ctx: Context) -> Reading | None:
    """Run a rule's reader; an impossible date (Feb. 30) raises ValueError to the caller."""
    out = r.read(m, ctx)
    if out is None:
        return None
    if isinstance(out, Reading):
        return out
    start, end = m.span("tx") if "tx" in r.pattern.groupindex and m.group("tx") else m.span()
    type_, value = out
    return Reading(start, end, type_, value, r.name, anchorable=r.anchorable and type_ in ("DATE", "TIME"))
