"""Which dates a timeline shows: date references in the text and publication days, ranked.

A sentence *refers* to a date when one of its normalised date expressions (``TimeExpr``,
from ``nlp.temporal``) covers exactly one calendar day, month or year. Coverage accumulates
evidence per candidate date:

* **mentions**: sentences referring to the date, counted once per article (or per statement
  and outlet, ``timeline.mention_unit``) so an article listing a day's events, or syndicated
  copies of one sentence, do not multiply. A reference made *after* the date
  (a later article looking back: "on 20 April the rig exploded") is the strongest sign that
  the date mattered; a same-day reference ("today", "on Tuesday" in Tuesday's paper) and a
  reference *ahead* (a scheduled vote) weigh less (``timeline.same_day_weight``,
  ``timeline.future_weight``). This is the mention-count ranking that Gholipour Ghalandari &
  Ifrim (ACL 2020) found close to their supervised date ranker, with the reference direction
  made explicit;
* **publication**: articles published on the day (``timeline.published_weight``): a burst of
  coverage marks an event day even when nobody writes its date.

Months and years are candidates only from references made after they ended ("in March 2011
protests began", read in May): the present month or year ("this month") is context, not an
event. They are scored on their own coarse references, scaled by ``timeline.month_weight`` /
``timeline.year_weight``, and compete with days in one ranking.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Hashable, Iterable, Sequence
from typing import NamedTuple

from .records import TimeExpr
from .story_profile import origin

GRANULARITIES = ("day", "month", "year")


class DateKey(NamedTuple):
    """A candidate timeline date: its first day and its granularity (day, month or year).

    A named tuple rather than a dataclass: it is hashed once per date reference, and tuple
    hashing is several times faster."""

    first_day: dt.date
    granularity: str

    @property
    def last_day(self) -> dt.date:
        d = self.first_day
        if self.granularity == "month":
            nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        if self.granularity == "year":
            return dt.date(d.year, 12, 31)
        return d

    def within(self, since: dt.date | None, until: dt.date | None) -> bool:
        """Whether the whole date lies in [since, until] (open ends allowed)."""
        return (since is None or self.first_day >= since) and (until is None or self.last_day <= until)


def reference(t: TimeExpr) -> DateKey | None:
    """The calendar day, month or year a date expression points at, or None.

    Only DATE/TIME values anchored to the calendar count; weeks, seasons, quarters, decades,
    durations and sets do not name a timeline date."""
    if t.type not in ("DATE", "TIME") or t.first_day is None or t.last_day is None:
        return None
    first, last = t.first_day, t.last_day
    if first == last:
        return DateKey(first, "day")
    if first.day == 1 and DateKey(first, "month").last_day == last:
        return DateKey(first, "month")
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return DateKey(first, "year")
    return None


_CLOCK = re.compile(r"T\d\d:\d\d")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def stamped(timexes: Sequence[TimeExpr]) -> bool:
    """Whether the expressions make the sentence a timestamp: a clock time together with a
    date written with its year ("At 21:05 3rd Feb 2011, Marta wrote", "4 October 2012 Last
    updated at 09:12"). Comments, bylines and update lines are stamped this way; narrative
    sentences give a clock time without the year ("at 10 p.m. on April 20")."""
    if len(timexes) < 2:
        return False
    clock = any(t.type == "TIME" and _CLOCK.search(t.value) for t in timexes)
    return clock and any(t.type == "DATE" and _YEAR.search(t.span.text) for t in timexes)


def references(timexes: Sequence[TimeExpr], text: str = "") -> tuple[DateKey, ...]:
    """The distinct dates a sentence refers to, in order of first mention, a count back by an
    unsaid amount (:func:`vague`) left out; with the sentence's ``text``, also a date it only
    compares with (:func:`baseline`) and a year that is only a present sentence's background
    (:func:`background`)."""
    return tuple(dict.fromkeys(k for t in timexes if (k := reference(t)) is not None
                               and not vague(t)
                               and not (text and (baseline(text, t) or background(text, t, k)))))


# A count back by an unsaid amount: "a couple of days ago", "several years earlier". The
# normaliser reads "a couple" as two, but in talk and copy it means "a few", so the day or
# year it lands on is a guess, not a date the sentence gives.
_VAGUE = re.compile(r"\b(?:a\s+couple|couple|a\s+few|several|some)\b(?:\s+of)?\s+\w+\s+(?:ago|earlier|before|back)\b",
                    re.IGNORECASE)


def vague(t: TimeExpr) -> bool:
    """Whether the expression counts back by an unsaid amount (see ``_VAGUE``)."""
    return _VAGUE.search(t.span.text or "") is not None


# Words that make the date after them a point of comparison, not when something happened:
# "a 30-pence jump from the previous day", "down from 20 million a year earlier", "higher than
# on Monday", "compared with last year", "the best week since May". A change verb or adverb,
# at most three words (the amount), "from" and maybe the old amount; or "than" (not "no later
# than Friday", a deadline), "compared with/to", "versus" right before the date; or a
# superlative or "first", at most four words, and "since".
_BASELINE = re.compile(
    r"(?:\b(?:up|down|higher|lower|rise|rises|rose|risen|jump|jumps|jumped|fall|falls|fell|fallen|drop|drops|"
    r"dropped|increase|increases|increased|decrease|decreases|decreased|gain|gains|gained|climb|climbs|climbed|"
    r"slip|slips|slipped)(?:\s+\S+){0,3}?\s+from(?:\s+\S*\d\S*(?:\s+(?:million|billion|bn|m|percent|%))?)?"
    r"|(?<!later )(?<!earlier )(?<!sooner )\bthan(?:\s+(?:on|in|at))?|\bcompared\s+(?:with|to)|\bversus|\bvs\.?"
    # a record measured against the date, which is not when anything happened: "the best
    # week since May", "for the first time since 1999"
    r"|\b(?:highest|lowest|biggest|largest|smallest|worst|best|deadliest|strongest|weakest|first|longest|"
    r"sharpest|steepest|most|least|fewest)\b(?:\s+[\w-]+){0,4}?\s+since(?:\s+(?:early|mid|late))?)\s+$",
    re.IGNORECASE)


def baseline(text: str, t: TimeExpr) -> bool:
    """Whether the sentence only compares with the date ``t`` names: the words before the
    expression (found by its text, the first occurrence) end in a comparison."""
    at = text.find(t.span.text) if t.span.text else -1
    return at > 0 and _BASELINE.search(text, max(0, at - 60), at) is not None


# Words that make the year after them the start of a state that still holds, told as the
# background of a sentence about today: "in power since a 1969 coup", "has ruled since 1981"
# ("since", maybe an article, and up to two words before the year); or a past participle set
# off by a comma ("the group, founded in 1928, is"), checked with the comma after the year.
_SINCE = re.compile(r"\bsince(?:\s+(?:a|an|the))?(?:\s+[\w-]+){0,2}?\s+$", re.IGNORECASE)
_APPOSITIVE = re.compile(r",\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|lt|ght)\s+in\s+$")
# a clause in the present or present perfect: what the sentence tells is about now
_PRESENT = re.compile(r"\b(?:is|are|has|have|remains|remain|will|holds|hold)\b", re.IGNORECASE)


def background(text: str, t: TimeExpr, key: DateKey) -> bool:
    """Whether the year ``t`` names is only the background of a sentence about the present:
    a year after "since" (the start of a rule, aid or presence that goes on: the sentence's
    event is today's) or in a comma-set participle ("founded in 1928,") of a sentence in the
    present or present perfect. "since 2009, when the plant opened" tells 2009's event."""
    if key.granularity != "year" or not t.span.text:
        return False
    at = text.find(t.span.text)
    if at <= 0:
        return False
    before, after = text[max(0, at - 40):at], text[at + len(t.span.text):]
    if _SINCE.search(before):
        return not re.match(r"\s*,\s+when\b", after) and _PRESENT.search(text) is not None
    return (_APPOSITIVE.search(before) is not None and after.lstrip().startswith(",")
            and _PRESENT.search(after) is not None)


@dataclasses.dataclass
class DateEvidence:
    """What supports one candidate date; ``score`` is filled by :func:`rank_dates`."""

    key: DateKey
    mentions_before: set = dataclasses.field(default_factory=set)   # (statement, outlet) referring ahead
    mentions_same: set = dataclasses.field(default_factory=set)     # ... on the day itself
    mentions_after: set = dataclasses.field(default_factory=set)    # ... looking back
    sources: set = dataclasses.field(default_factory=set)           # (outlet, group) of the mentions
    articles: set = dataclasses.field(default_factory=set)          # articles published that day
    score: float = 0.0

    @property
    def mentions(self) -> int:
        return len(self.mentions_before) + len(self.mentions_same) + len(self.mentions_after)


def collect_evidence(
    items: Iterable[tuple[str, Hashable, dt.date, str, tuple[DateKey, ...]]],
    articles: Iterable[tuple[str, dt.date, str]],
    granularities: Sequence[str],
    since: dt.date | None,
    until: dt.date | None,
    unit: str = "statement",
) -> dict[DateKey, DateEvidence]:
    """Evidence per candidate date.

    ``items``: ``(article_id, group, published, source, refs)`` of the sentences with date
    references, ``group`` identifying the statement (copies of one sentence share it) and
    ``source`` the (outlet, syndication group) pair; ``articles``: ``(article_id, published,
    source)`` of every article, the publication evidence of days. A reference counts once
    per unit: (statement or article, origin), the copies of a syndication group being one
    origin (:func:`storyline.story_profile.origin`). Coarse candidates only count references
    made after they ended."""
    evidence: dict[DateKey, DateEvidence] = {}

    def get(key: DateKey) -> DateEvidence:
        if key not in evidence:
            evidence[key] = DateEvidence(key)
        return evidence[key]

    if "day" in granularities:
        for article_id, published, _ in articles:
            day = DateKey(published, "day")
            if day.within(since, until):
                get(day).articles.add(article_id)
    for article_id, group, published, source, refs in items:
        voice = origin(*source)
        key_unit = (group, voice) if unit == "statement" else (article_id, voice)
        for key in refs:
            if key.granularity not in granularities or not key.within(since, until):
                continue
            if key.granularity != "day":
                if key.last_day < published:
                    get(key).mentions_after.add(key_unit)
                    evidence[key].sources.add(source)
                continue
            ev = get(key)
            if key.first_day < published:
                ev.mentions_after.add(key_unit)
            elif key.first_day == published:
                ev.mentions_same.add(key_unit)
            else:
                ev.mentions_before.add(key_unit)
            ev.sources.add(source)
    return evidence


def rank_dates(evidence: dict[DateKey, DateEvidence], weights: dict[str, float]) -> list[DateEvidence]:
    """Candidate dates, best first, each with its ``score``.

    Day score = after + same_day x same + future x before + published x articles (counts as in
    :class:`DateEvidence`); month and year scores = their looking-back references x
    month/year weight. Ties go to the date with more articles, then the earlier date."""
    scale = {"day": 1.0, "month": weights["month"], "year": weights["year"]}
    for ev in evidence.values():
        mention = (len(ev.mentions_after) + weights["same_day"] * len(ev.mentions_same)
                   + weights["future"] * len(ev.mentions_before))
        ev.score = scale[ev.key.granularity] * mention + weights["published"] * len(ev.articles)
    ranked = [ev for ev in evidence.values() if ev.score > 0]
    ranked.sort(key=lambda ev: (-ev.score, -len(ev.articles), ev.key.first_day, ev.key.granularity))
    return ranked

