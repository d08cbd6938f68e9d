"""Expressions told from another date of the story, and the anchors that give them a value.

``a year earlier``, ``that year``, ``the following month``, ``the same day``, ``the next
morning``, ``the year-ago quarter``, ``the latest period``: TimeML values these from the
temporal expression they are told from (TIMEX3 ``anchorTimeID``), not from the publication
date. A rule marks such a reading with an :class:`~.temporal_grammar.Anaphor` (how to move
the anchor) and a fallback value; :func:`resolve` finds the anchor, trying in order:

* the same sentence: the nearest earlier expression that can serve (``the third quarter of
  2021 ... from a year earlier``);
* for comparisons in results stories (scope ``report``): the *report period*, the quarter
  or half the article names most often (``third-quarter profit ... up from $4 million a
  year ago`` is the year-ago quarter). Counting needs no sentence order, so this works on
  shuffled crawls too;
* for narrative anaphora (scope ``story``): the nearest earlier expression of an earlier
  sentence, only when the sentences are in reading order (``In June 1998 she fled ...
  She returned later that year``). Crawled line-format articles are shuffled, and there an
  earlier line is not an earlier sentence.

When nothing serves, the fallback stands: the value from the publication date where the
expression has a deictic reading too (``a year earlier`` than now), or the value with the
unknown digits X-ed out (``that year``: ``XXXX``), which has no calendar range.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable

from . import temporal_lexicon as lex
from .temporal_calendar import calendar_range, coarsen, shift_value, unit_value
from .temporal_grammar import Anaphor, Context, Reading, rule, words

B = r"(?<![\w$£€#/-])"
E = r"(?![\w-])"

_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# Unit word -> (TIMEX3 shift unit, calendar unit to read the result at, value when unanchored).
_UNITS = {
    "day": ("D", "day", "XXXX-XX-XX"), "week": ("W", "week", "XXXX-WXX"),
    "month": ("M", "month", "XXXX-XX"), "quarter": ("Q", "quarter", "XXXX-QX"),
    "year": ("Y", "year", "XXXX"),
}
# The value of an expression of each calendar unit whose anchor is unknown.
UNKNOWN = {unit: unknown for unit, (_, _, unknown) in _UNITS.items()}
_SHIFTS = {"next": 1, "following": 1, "previous": -1, "prior": -1, "preceding": -1}
# Granularities an anchor of a results comparison may have: the periods results are
# reported for. A day or week (``said Tuesday``) is when it was said, not what is compared.
REPORT_GRAINS = frozenset({"quarter", "half", "month"})


def _unit_reading(m: re.Match, unit_word: str, n: int) -> Reading:
    """A story-scope reading of ``unit_word`` (day/week/month/quarter/year or a part of the
    day) moved ``n`` units from its anchor."""
    if unit_word in _DAY_PARTS:
        anaphor = Anaphor("D", n, "day", scope="story", suffix="T" + _DAY_PARTS[unit_word])
        return Reading(m.start(), m.end(), "TIME", "XXXX-XX-XXT" + _DAY_PARTS[unit_word], "anaphora",
                       anaphor=anaphor)
    unit, read_at, unknown = _UNITS[unit_word]
    return Reading(m.start(), m.end(), "DATE", unknown, "anaphora",
                   anaphor=Anaphor(unit, n, read_at, scope="story"))


_DAY_WORDS = words("day", "morning", "afternoon", "evening", "night")


# Words after "that fall"/"that spring" that make the season word a verb of a relative clause
# ("which"): prepositions and particles these verbs take, never a season's ("That fall, he
# moved"; "that spring in Paris" may be either, so "in" is not one).
_SEASON_AS_VERB = re.compile(r"\s+(?:under|within|into|outside|beneath|below|behind|short|apart|off|through|foul|prey"
                             r"|victim|silent|back|away|from|up|out)\b", re.IGNORECASE)


@rule("that_period", needs=words("that", "same"), also=_DAY_WORDS | words("week", "month", "quarter", "year") | lex.SEASONS.keys(), pattern=B + r"(?:(?:later|earlier)\s+)?(?:that\s+same|that|the\s+same|this\s+same)"
      r"\s+(?P<unit>day|week|month|quarter|year|morning|afternoon|evening|night|" + lex.RE_SEASON + r")" + E)
def _that_period(m: re.Match, ctx: Context) -> Reading | None:
    """``that year``, ``the same day``, ``later that month``, ``that night``, ``that summer``:
    the anchor's own day, week, month, quarter or year, or a season of its year."""
    unit = m["unit"].lower()
    if unit in ("fall", "spring") and _SEASON_AS_VERB.match(ctx.text, m.end()):
        return None  # "the tribes that fall under its rule", "doubts that spring from it": verbs
    if unit in lex.SEASONS:
        season = lex.SEASONS[unit]
        anaphor = Anaphor("Y", 0, "year", scope="story", suffix="-" + season)
        return Reading(m.start(), m.end(), "DATE", "XXXX-" + season, "anaphora", anaphor=anaphor)
    return _unit_reading(m, unit, 0)


@rule("part_of_the_day", needs=words("morning", "afternoon", "evening"), also=words("in", "during", "throughout"), pattern=r"(?:\b(?P<h>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
      r"|twelve)(?:\s+o'?\s?clock)?\s+in\s+|\b(?:in|during|throughout)\s+)(?P<tx>the\s+(?P<unit>morning|afternoon|evening))" + E)
def _part_of_the_day(m: re.Match, ctx: Context) -> Reading:
    """``in the morning``, ``during the afternoon``: that part of the day the story is at
    (``On Monday ... in the afternoon``), else of the publication day; with an hour (``4 in
    the morning``, ``8 in the evening``), that clock time on the day of its sentence."""
    part = m["unit"].lower()
    if m["h"]:
        hour = int(lex.parse_number(m["h"]) or 0) % 12 + (0 if part == "morning" else 12)
        code = f"T{hour:02d}:00"
        return Reading(m.start(), m.end(), "TIME", ctx.published.isoformat() + code, "part_of_the_day",
                       anaphor=Anaphor("D", 0, scope="clock", suffix=code, grains=frozenset({"day"})),
                       anchorable=True)
    return _day_part(m.start("tx"), m.end(), part, ctx)


@rule("part_of_the_day_mod", needs=words("morning", "afternoon", "evening"), also=words("early", "mid", "late"), pattern=r"(?<![\w-])(?:the\s+)?(?:early|mid|late)[\s-]?(?P<unit>morning|afternoon|evening)" + E)
def _part_of_the_day_mod(m: re.Match, ctx: Context) -> Reading:
    """``mid-afternoon``, ``late morning`` (``in late morning trading``): that part of the
    day the story is at, else of the publication day, as ``in the afternoon``."""
    return _day_part(m.start(), m.end(), m["unit"].lower(), ctx)


# "overnight" before a noun is a time only for what happens in a night ("overnight trading",
# "overnight fighting"; tagged once in TempEval-3's training text); "the overnight rate", "an
# overnight stay" and the rest name a kind of loan or visit.
_NIGHT_EVENTS = frozenset({"trading", "trade", "session", "losses", "loss", "gains", "gain", "declines", "decline",
                           "falls", "fall", "drop", "rally", "moves", "move", "selloff", "sell-off", "fighting",
                           "clashes", "raids", "raid", "attacks", "attack", "talks", "strikes", "shelling"})
# Words before "overnight" that make it "suddenly" ("almost overnight", "won't happen overnight",
# also with a crawl's stripped apostrophe: "wont happen overnight").
_FIGURATIVE = re.compile(r"(?:\b(?:almost|virtually|nearly|practically|literally|seemingly|basically|essentially)\s+"
                         r"|(?:\b(?:not|never|cannot|wont|dont|doesnt|didnt|cant|isnt|wasnt|wouldnt|couldnt)|n't)\b[\w\s]{0,25}?)$", re.IGNORECASE)  # 25: "be solved", "happen"


@rule("overnight", needs=words("overnight"), pattern=B + r"overnight" + E)
def _overnight(m: re.Match, ctx: Context) -> Reading | None:
    """``Asian markets fell overnight``, ``overnight trading``: the night before publication
    (the coming night if the clause looks ahead), or the night of the day its sentence
    names (``overnight Tuesday``)."""
    nxt = re.match(r"\s+([A-Za-z-]+)", ctx.text[m.end():])
    if nxt and nxt.group(1).lower() not in _NIGHT_EVENTS and nxt.group(1).lower() not in _CLAUSE_WORDS:
        return None
    if _FIGURATIVE.search(ctx.text[max(0, m.start() - 40):m.start()]):  # room for "won't be solved"
        return None
    ahead = ctx.direction(m.start(), m.end()) == "future"
    day = ctx.published + dt.timedelta(days=0 if ahead else -1)
    return Reading(m.start(), m.end(), "TIME", day.isoformat() + "TNI", "overnight",
                   anaphor=Anaphor("D", 0, scope="clock", suffix="TNI", grains=frozenset({"day"})))


# Words after an adverb "overnight" that end its clause or start the next phrase.
_CLAUSE_WORDS = frozenset({"in", "on", "at", "to", "for", "and", "or", "but", "after", "before", "as", "while",
                           "when", "from", "with", "by", "amid", "following", "into", "than", "the", "a", "an",
                           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                           "local", "their", "its", "his", "her", "said", "says"})


def _day_part(start: int, end: int, part: str, ctx: Context) -> Reading:
    """A part of the day on the day of its sentence, else of the story, else of publication."""
    code = "T" + _DAY_PARTS[part]
    return Reading(start, end, "TIME", ctx.published.isoformat() + code, "part_of_the_day",
                   anaphor=Anaphor("D", 0, "day", scope="day_part", suffix=code))


@rule("next_day", needs=words("next", "following", "previous", "prior", "preceding"), also=_DAY_WORDS, pattern=B + r"the\s+(?P<rel>next|following|previous|prior|preceding)"
      r"\s+(?P<unit>day|morning|afternoon|evening|night)(?=(?P<s>s)?(?![\w-]))")
def _next_day(m: re.Match, ctx: Context) -> Reading | None:
    """``the next day``, ``the following morning``, ``the previous night``: a day after or
    before the anchor's day; also with a crawl's stripped apostrophe (``the previous days
    clashes``), not as a plural (``the following days were calm``)."""
    if m["s"] and not day_possessive(ctx, m.start(), m.end() + 1):
        return None
    unit, n = m["unit"].lower(), _SHIFTS[m["rel"].lower()]
    r = _unit_reading(m, unit, n)
    if unit == "day" and n < 0:
        # unanchored, "the previous day" is told from the publication date, as "the day
        # before" is; "the next day" stays unknown (a day after publication, told in the
        # past, cannot be)
        return dataclasses.replace(r, value=unit_value(ctx.published, "day", -1) or r.value)
    return r


# Prepositions of a stretch of time: after them "the following days" is a plural ("in the
# following days protests spread"), not a possessive.
_SPAN_BEFORE = frozenset({"in", "over", "during", "within", "throughout", "for", "through"})


def day_possessive(ctx: Context, start: int, end: int) -> bool:
    """Whether ``the previous days`` (``the following nights``...) at [start, end) is a
    possessive whose apostrophe a crawl stripped (``the previous days clashes``): a noun
    follows and no preposition of a stretch of time comes before."""
    return ctx.word_before(start) not in _SPAN_BEFORE and ctx.noun_follows(end)


# What may follow an adverb "the day before" in mid-clause: the end of the clause, a conjunction
# or a preposition that opens the next phrase ("up from the year before and rising", "a speech
# the day before in which he..."). Not a determiner, a name or a pronoun: there "before" is a
# preposition or a conjunction ("the day before the vote", "the day before he resigned"),
# whose day is the event's, unknown here.
UNIT_BEFORE_ENDS = r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|but|or|in|at|on|with|when|while|as|to|for|from|during|amid)\b)"


# Words before "the day after" that make it a noun, the aftermath of a war or a fall, not a day.
_AFTERMATH_BEFORE = re.compile(r"\b(?:about|(?:plans?|planning|prepare|preparing|ready)\s+for)\s+$", re.IGNORECASE)


@rule("unit_before", needs=words("before", "after"), also=_DAY_WORDS | words("week", "month", "year"), pattern=B + r"the\s+(?P<unit>day|week|month|year|morning|night)\s+(?P<rel>before|after)"
      + UNIT_BEFORE_ENDS)
def _unit_before(m: re.Match, ctx: Context) -> Reading | None:
    """``the day before``, ``the year before`` ending their clause (``up from the year
    before.``, ``the year before and``): the unit before or after the anchor, as ``the
    previous day``."""
    unit, n = m["unit"].lower(), -1 if m["rel"].lower() == "before" else 1
    if unit == "day" and n == 1 and _AFTERMATH_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "no plan for the day after", "talked about the day after": the aftermath
    r = _unit_reading(m, unit, n)
    own = unit_value(ctx.published, unit, n) if unit in _UNITS else None
    # unanchored, it is told from the publication date, as "the previous year" is
    return dataclasses.replace(r, value=own) if own else r


def _previous_quarter(ctx: Context) -> str:
    d = ctx.published
    index = d.year * 4 + (d.month - 1) // 3 - 1
    return f"{index // 4:04d}-Q{index % 4 + 1}"


@rule("latest_period", needs=words("period"), also=words("latest", "recent"), pattern=B + r"the\s+(?:latest|most\s+recent)\s+(?:three-month\s+|quarterly\s+)?period" + E)
def _latest_period(m: re.Match, ctx: Context) -> Reading:
    """``the latest period`` of a results story: the period it reports (without one, the
    quarter before publication)."""
    anaphor = Anaphor("Y", 0, scope="report", grains=frozenset({"quarter", "half"}))
    return Reading(m.start(), m.end(), "DATE", _previous_quarter(ctx), "latest_period", anaphor=anaphor,
                   anchorable=True)


@rule("same_period_ago", needs=words("period", "quarter", "month"), also=words("ago", "earlier", "last", "previous", "prior"), pattern=B + r"the\s+(?:(?P<same>same|corresponding|comparable)\s+)?(?P<unit>period|quarter|month)"
      r"\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+(?:the\s+(?:previous|prior|last)|last)\s+year)" + E)
def _same_period_ago(m: re.Match, ctx: Context) -> Reading | None:
    """``the same period last year``, ``the quarter a year ago``: the reported period, a
    year before; ``the same month last year``: the sentence's month (``sales in October``),
    else the publication month, a year before."""
    if m["unit"].lower() == "month":
        if not m["same"]:
            return None  # "the month last year" is no comparison
        anaphor = Anaphor("Y", -1, scope="sentence", grains=frozenset({"month"}))
        return Reading(m.start(), m.end(), "DATE", unit_value(ctx.published, "month", -12) or "", "same_period_ago",
                       anaphor=anaphor)
    anaphor = Anaphor("Y", -1, scope="report", grains=REPORT_GRAINS)
    fallback = shift_value(_previous_quarter(ctx), "Y", -1) or ""
    return Reading(m.start(), m.end(), "DATE", fallback, "same_period_ago", anaphor=anaphor)


@rule("last_years_period", needs=words("quarter", "period"), also=words("last", "year"), pattern=B + r"last\s+year(?:\s?'s|s)\s+(?:(?:same|comparable|corresponding)\s+)?(?P<unit>quarter|period)" + E)
def _last_years_period(m: re.Match, ctx: Context) -> Reading:
    """``last year's quarter``, ``last years period`` (a crawl's stripped apostrophe): the
    reported period a year before, as ``the year-ago quarter``."""
    anaphor = Anaphor("Y", -1, scope="report", grains=REPORT_GRAINS)
    fallback = shift_value(_previous_quarter(ctx), "Y", -1) or ""
    return Reading(m.start(), m.end(), "DATE", fallback, "last_years_period", anaphor=anaphor)


def grain(value: str) -> str:
    """The granularity of a calendar value as anchors are compared: day, week, month,
    quarter, half, season, year, decade, century, time; '' for anything else."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value):
        return "day"
    shapes = (("week", r"\d{4}-W\d\d(?:-WE)?"), ("month", r"\d{4}-\d\d"), ("quarter", r"\d{4}-Q[1-4]"),
              ("half", r"\d{4}-H[12]"), ("season", r"\d{4}-(?:SP|SU|FA|WI)"), ("year", r"\d{4}"),
              ("decade", r"\d{3}"), ("century", r"\d\d"))
    return next((name for name, shape in shapes if re.fullmatch(shape, value)), "")


# The rules that name a quarter or half of their own ("the third quarter", "Q3", "the
# September quarter", "the July-September quarter").
_QUARTER_RULES = frozenset({"quarter", "quarter_code", "month_quarter", "month_span_quarter"})


def report_period(found: Iterable[Reading], published: dt.date) -> str | None:
    """The quarter or half a results story reports: of its own (not anaphoric) quarter and
    half expressions, those already ended at publication if any are (results are reported
    after the period; a ``fourth-quarter`` forecast is not what is compared), and of those
    the one named most often, the latest on a tie. None without any."""
    counts = collections.Counter(
        r.value for r in found
        if r.rule in _QUARTER_RULES and r.anaphor is None and grain(r.value) in ("quarter", "half")
    )
    ended = {v: n for v, n in counts.items() if (calendar_range(v)[2] or published) <= published}
    pool = ended or counts
    if not pool:
        return None
    top = max(pool.values())
    return max(v for v, n in pool.items() if n == top)


# Granularities too coarse to move by each TIMEX3 unit: a month moved by two weeks.
_COARSER = {"D": ("week", "month", "quarter", "half", "season", "year"), "W": ("month", "quarter", "half", "season", "year"),
            "M": ("quarter", "half", "season", "year"), "Q": ("year",)}


def move(value: str, anaphor: Anaphor) -> str | None:
    """``value`` moved as ``anaphor`` says; None when the anchor is too coarse for the move
    (a month cannot name ``the same day``)."""
    if anaphor.unit == "D" and "T" in value:
        value = value[:10]  # a clock time anchors its day
    if anaphor.weekday is not None:
        return _weekday_from(value, anaphor)
    moved = shift_value(value, anaphor.unit, anaphor.n)
    if moved is not None and anaphor.read_at:
        moved = coarsen(moved, anaphor.read_at)
    if moved is None:
        return None
    if anaphor.year is not None:
        moved = f"{anaphor.year:04d}{moved[4:]}"
    return moved + anaphor.suffix


def _weekday_from(value: str, anaphor: Anaphor) -> str | None:
    """The nearest ``anaphor.weekday`` before (n < 0) or after the day ``value``; None for
    an anchor that is no day."""
    if grain(value) != "day":
        return None
    day, step = dt.date.fromisoformat(value[:10]), -1 if anaphor.n < 0 else 1
    day += dt.timedelta(days=step)
    while day.isoweekday() != anaphor.weekday:
        day += dt.timedelta(days=step)
    return day.isoformat() + anaphor.suffix


def resolve(sentences: list[list[Reading]], published: dt.date, ordered: bool = False) -> list[list[Reading]]:
    """The readings of an article's sentences with every anaphor resolved as the module
    docstring says. ``ordered``: the sentences are in reading order (else earlier
    sentences are never anchors)."""
    report = report_period((r for found in sentences for r in found), published)
    earlier: list[tuple[str, bool]] = []  # (value, itself anaphoric) of earlier sentences' anchors
    out: list[list[Reading]] = []
    for found in sentences:
        found = _clocks_on_their_day(found)
        own: list[tuple[str, bool]] = []
        done = []
        for r in found:
            if r.anaphor is not None:
                r = _resolved(r, own, report, earlier if ordered else [])
            if r.anchorable and "X" not in r.value:
                own.append((r.value, r.anaphor is not None))
            done.append(r)
        out.append(done)
        earlier.extend(own)
    return out


def _clocks_on_their_day(found: list[Reading]) -> list[Reading]:
    """Clock times without a day of their own, put on the day of the nearest date of the
    sentence, before or after (``6 a.m. on Friday``, ``On Tuesday, at 10 a.m.``)."""
    days = [r for r in found if r.anaphor is None and grain(r.value) == "day"]
    if not days:
        return found
    out = []
    for r in found:
        if r.anaphor is not None and r.anaphor.scope in ("clock", "day_part"):
            nearest = min(days, key=lambda d: max(d.start - r.end, r.start - d.end))
            moved = move(nearest.value, r.anaphor)
            if moved and r.anaphor.scope == "day_part":
                r = dataclasses.replace(r, value=moved, anaphor=None)  # resolved: not the story's day
            elif moved:
                r = dataclasses.replace(r, value=moved)
        out.append(r)
    return out


def _resolved(r: Reading, own: list[tuple[str, bool]], report: str | None, earlier: list[tuple[str, bool]]) -> Reading:
    a = r.anaphor
    assert a is not None
    if a.scope == "report":
        # A comparison is with the reported period itself, never with another comparison's
        # period. (The nearest quarter of an earlier sentence, tried before the report
        # period, lowered TimeBank value F1 from 0.825 to 0.820: multi-company digests.)
        candidates = [v for v, derived in reversed(own) if not derived]
        n_own = len(candidates)
        candidates += [report] if report else []
    elif a.scope == "clock":
        return r  # already on its day, or on the publication date (_clocks_on_their_day)
    else:
        candidates = [v for v, _ in reversed(own)]
        n_own = len(candidates)
        candidates += [v for v, _ in reversed(earlier)] if a.scope in ("story", "day_part") else []
    # The sentence's own dates first, any that the move fits: a coarser one nearer may be
    # its frame, not its time ("in the week to March 4 of the 2021/22 season, ...
    # the previous week"); then all in order, as the rest of the story allows.
    for value in candidates[:n_own]:
        moved = None if a.grains and grain(value) not in a.grains else move(value, a)
        if moved is not None:
            return dataclasses.replace(r, value=moved, anchorable=True)
    for value in candidates:
        if a.grains and grain(value) not in a.grains:
            continue
        moved = move(value, a)
        if moved is not None:
            return dataclasses.replace(r, value=moved, anchorable=True)
        if a.scope == "story" and a.n and grain(value) in _COARSER.get(a.unit, ()):
            # "In July it warned of a filing. Two weeks later, it missed a payment": the
            # story's time is July, too coarse for the move; an older day (the filing "on
            # Monday" told before it) is no anchor either.
            break
    return r
