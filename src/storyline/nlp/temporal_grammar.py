"""The rule machinery of the temporal tagger: patterns, readings, and choosing among them.

A :class:`Rule` is a compiled regex over the sentence text plus a ``read`` function that
turns a match into a :class:`Reading` (TIMEX3 type and value) given a :class:`Context`
(publication date, tense lookup, the sentence text). Rules live in ``temporal_absolute``
(dates, years, times written out) and ``temporal_relative`` (today, last week, durations,
sets, references) and register themselves with :func:`rule`.

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
from .temporal_calendar import coarsen, shift_value
from .temporal_tense import direction_of

FLAGS = re.IGNORECASE

# What a rule needs in the sentence before its regex is worth running: one of these words
# (lower case; a trailing "s" is also tried without it) or, for DIGIT, any digit.
DIGIT = frozenset({"#"})
MONTH = frozenset(lex.MONTHS)
WEEKDAY = frozenset(lex.WEEKDAYS)
UNIT = frozenset(lex.UNIT_FORMS)
_WORD = re.compile(r"[^\W\d_]+|\d+")


def words(*ws: str) -> frozenset[str]:
    return frozenset(ws)


def sentence_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` (and their singulars), with ``#`` for any number:
    what :func:`readings` matches rules' ``needs`` against."""
    out = set()
    for w in _WORD.findall(text):
        if w[0].isdigit():
            out.add("#")
            continue
        w = w.lower()
        out.add(w)
        if w.endswith("s"):
            out.add(w[:-1])
    return frozenset(out)


@dataclasses.dataclass(frozen=True)
class Reading:
    """What a rule understood: an extent [start, end) of the text, a type and a value.

    ``shift``: for anaphoric expressions (``a year earlier``), the (unit, n) to move an
    earlier expression of the same sentence by, and optionally the calendar unit to read the
    result at (``the following year`` after ``May 22, 1995`` is 1996, not 1996-05-22);
    ``value`` is then the fallback computed from the publication date. ``anchorable``: this
    reading may serve as that earlier expression.
    """

    start: int
    end: int
    type: str
    value: str
    rule: str
    shift: tuple[str, int] | tuple[str, int, str] | None = None
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

    def direction(self, start: int, end: int) -> str | None:
        """past/future for the expression at [start, end): a signal word right before it
        (``since`` looks back, ``until`` ahead), else the tense of its clause."""
        before = self.text[max(0, start - 12):start].lower().split()  # the word before is enough
        if before and before[-1] in ("since", "ago", "last", "past", "previous"):
            return "past"
        if before and before[-1] in ("until", "till", "next", "coming", "upcoming"):
            return "future"
        return direction_of(self.tense(start, end))

    def word_before(self, start: int) -> str:
        words = self.text[max(0, start - 20):start].split()  # longer than any English word used
        return words[-1].lower().strip(",;:") if words else ""


Reader = Callable[[re.Match, Context], "tuple[str, str] | Reading | None"]


@dataclasses.dataclass(frozen=True)
class Rule:
    """A named pattern and the function that reads its matches.

    The extent is the group named ``tx`` when the pattern has one (so a rule may look at
    context, such as the money before ``a year``, without including it), else the match.
    """

    name: str
    pattern: re.Pattern
    read: Reader
    needs: frozenset[str]
    anchorable: bool = False


RULES: list[Rule] = []


def rule(name: str, *, needs: frozenset[str] | set[str], pattern: str,
         anchorable: bool = False) -> Callable[[Reader], Reader]:
    """Register ``read`` as the reader of ``pattern`` (compiled case-insensitively), run only
    on sentences with one of the words in ``needs``."""

    def register(read: Reader) -> Reader:
        RULES.append(Rule(name, re.compile(pattern, FLAGS), read, frozenset(needs), anchorable))
        return read

    return register


def readings(ctx: Context, present: frozenset[str] | None = None) -> list[Reading]:
    """All readings of ``ctx.text``, without overlaps, in text order, anaphora resolved.

    ``present``: the sentence's :func:`sentence_words`, if the caller has them already."""
    present = sentence_words(ctx.text) if present is None else present
    found: list[Reading] = []
    impossible: list[tuple[int, int]] = []  # "Feb. 30, 2022": no part of it is a date either
    for r in RULES:
        if r.needs.isdisjoint(present):
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
    return _resolve_shifts(chosen)


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


def _resolve_shifts(chosen: list[Reading]) -> list[Reading]:
    out: list[Reading] = []
    anchor: Reading | None = None
    for reading in chosen:
        if reading.shift is not None and anchor is not None:
            moved = shift_value(anchor.value, reading.shift[0], reading.shift[1])
            if moved is not None and len(reading.shift) == 3:
                moved = coarsen(moved, reading.shift[2])  # type: ignore[misc]
            if moved is not None:
                reading = dataclasses.replace(reading, value=moved)
        if reading.anchorable:
            anchor = reading
        out.append(reading)
    return out
