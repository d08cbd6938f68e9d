"""Rules for dates counted from now or from another date: ``two weeks ago``, ``a year
earlier``, ``three days later``, ``five years from now``, ``years ago``.

Split from ``temporal_relative`` (the days, weekdays and periods named relative to the
publication date); ``earlier``/``later``/``before`` count from a date of the story, so they
carry an ``Anaphor`` that ``temporal_anaphora`` resolves.
"""

from __future__ import annotations

import re

from . import temporal_lexicon as lex
from .temporal_anaphora import REPORT_GRAINS, UNKNOWN as _UNKNOWN
from .temporal_calendar import unit_value
from .temporal_durations import duration_value
from .temporal_grammar import Anaphor, Context, Reading, rule, words
from .temporal_relative import _SHIFT_UNITS, B, E, _norm

_AGO_SIGN = {"ago": -1, "earlier": -1, "before": -1, "back": -1, "previously": -1, "later": 1,
             "from now": 1, "hence": 1, "after": 1}


@rule("ago", needs=words("ago", "earlier", "later", "back", "now", "hence", "before"), pattern=B + r"(?:(?P<approx>about|around|roughly|nearly|almost|some|more\s+than|less\s+than|over"
      r"|just\s+over|just\s+under|at\s+least|only|just)\s+)?(?P<num>" + lex.RE_NUMBER + r"|" + lex.RE_VAGUE
      + r")[\s-]+(?P<unit>" + lex.RE_UNIT + r")(?P<andhalf>\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier"
      r"|later|back|from\s+now|hence"
      r"|before(?=\s*(?:[.,;:!?)]|$)))" + E)
def _ago(m: re.Match, ctx: Context) -> Reading | None:
    sign = _AGO_SIGN[_norm(m["dir"])]
    unit = lex.UNIT_FORMS[m["unit"].lower()]
    amount = None if lex.is_vague(m["num"]) else lex.parse_number(m["num"])
    if m["andhalf"] and amount is not None:
        amount += 0.5  # "a year and a half ago" is 18 months ago
    letter, per = lex.UNITS[unit]
    anaphoric = _norm(m["dir"]) in ("earlier", "later", "before")  # "before" ends its clause: "a year before."
    if anaphoric and letter in ("H", "MIN", "S"):
        # "two hours later", "ten minutes later": TimeML tags the length (2 of 2 in
        # TempEval-3's training text), "later" outside; the day would say nothing new.
        value = duration_value(amount, unit)
        start = m.start("num") if _norm(m["approx"]) in ("about", "just over", "just under") else m.start()
        end = m.end("andhalf") if m["andhalf"] else m.end("unit")
        return Reading(start, end, "DURATION", value, "ago") if value else None  # modifiers as the duration rule
    if amount is None and _norm(m["dir"]) == "later":
        return vague_later(m, m.end("unit"))
    if amount is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Reading(m.start(), m.end(), "DATE", value, "ago")
    steps, granularity = _calendar_steps(amount * per, letter)
    if steps is None:
        return None
    plan = _THAN_PLANNED.match(ctx.text, m.end()) if anaphoric else None
    if plan and granularity in _SHIFT_UNITS:
        # "opens on May 2, two days later than planned": the comparison is with
        # the plan, so the expression is the time of the event, the date it is told with
        # (none in the sentence: unknown), not three days after it.
        return Reading(m.start(), plan.end(), "DATE", _UNKNOWN[granularity], "ago",
                       anaphor=Anaphor(_SHIFT_UNITS[granularity], 0, granularity, scope="sentence"))
    value = unit_value(ctx.published, granularity, sign * steps)
    if value is None:
        return None
    if anaphoric and sign > 0 and granularity in _UNKNOWN:
        # "two weeks later" has no reading from now ("in two weeks" has): without an anchor
        # in the story its date is unknown, not two weeks after publication.
        value = _UNKNOWN[granularity]
    anaphor = None
    if granularity == "year" and steps == 1 and sign < 0 and (anaphoric or _compared(ctx.text, m.start())):
        # "up from $4 million a year ago", "A year before, profit stood at": the period
        # being compared (in a results story, the one reported), a year before; "earlier"
        # and "before" also count from a year the sentence has written ("He was elected in
        # 2000; a year earlier he had lost"), "ago" from now only.
        anaphor = Anaphor("Y", -1, scope="report", grains=REPORT_GRAINS | _YEAR if anaphoric else REPORT_GRAINS)
    elif anaphoric and granularity in _SHIFT_UNITS:
        # "three days later" follows the story; "two years earlier" mostly compares with
        # now, so years are anchored within their sentence only.
        scope = "sentence" if granularity == "year" else "story"
        anaphor = Anaphor(_SHIFT_UNITS[granularity], sign * steps, scope=scope)
    return Reading(m.start(), m.end(), "DATE", value, "ago", anaphor=anaphor)


_YEAR = frozenset({"year"})

# "later than planned", "earlier than originally scheduled": a delay against a plan.
_THAN_PLANNED = re.compile(r"\s+than\s+(?:(?:originally|initially|first|previously|once)\s+)?(?:planned|scheduled"
                           r"|expected|anticipated|forecast|projected|promised|announced|intended|hoped|thought)\b",
                           re.IGNORECASE)


# The word before a year-ago expression that ends a comparison of figures: a preposition of
# comparison, or the end of an amount ("$4 million", "3 cents a share", "12%").
_COMPARED = frozenset({"from", "than", "with", "versus", "vs", "vs.", "over", "share", "million", "billion",
                       "cents", "percent",
                       # amounts written out where the currency sign is lost or not used
                       "dollars", "euros", "pounds", "yen", "yuan", "francs"})


def _compared(text: str, start: int) -> bool:
    """Whether the expression at ``start`` ends a comparison of figures (``up from $4
    million a year ago``, ``or 3 cents a share, a year earlier``, ``lower than a year ago``)."""
    words = text[max(0, start - 30):start].split()  # the word before: "$1.43", "billion,"
    if not words:
        return False
    last = words[-1].lower().rstrip(",;")
    return last in _COMPARED or bool(re.fullmatch(r"[$£€#]?\d[\d,.]*(?:%|m|bn)?", last))


def _calendar_steps(amount: float, letter: str) -> tuple[int | None, str]:
    """How many whole calendar units ``amount`` of ``letter`` is, at the coarsest unit that
    keeps it whole (1.5 years -> 18 months); clock units count as the day itself."""
    if letter in ("H", "MIN", "S"):
        return 0, "day"
    names = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
    if amount != int(amount):
        if letter == "Y" and (amount * 12) == int(amount * 12):
            return int(amount * 12), "month"
        if letter == "W" and (amount * 7) == int(amount * 7):
            return int(amount * 7), "day"
        return None, ""
    return int(amount), names[letter]


@rule("vague_ago", needs=words("ago", "earlier", "later"), pattern=B + r"(?P<unit>years|months|weeks|days|decades)\s+(?P<dir>ago|earlier|later)" + E)
def _vague_ago(m: re.Match, ctx: Context) -> Reading | tuple[str, str]:
    if m["dir"].lower() == "later":
        return vague_later(m, m.end("unit"))
    return "DATE", "PAST_REF"


def vague_later(m: re.Match, end: int) -> Reading | None:
    """``days later``, ``a few weeks later``, ``years later``: the length, ``later`` outside,
    as TimeBank tags them (``A few days`` PXD) and as ``two hours later`` is read. Its date
    is some time after a moment of the story, mostly told in the past (``Days later, he
    resigned``): FUTURE_REF, after now, read past stories as still to come."""
    value = duration_value(None, lex.UNIT_FORMS[m["unit"].lower()])
    return Reading(m.start(), end, "DURATION", value, "ago") if value else None
