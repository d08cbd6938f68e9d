"""Rules for how long and how often: durations and sets, typed as such, never as dates.

Durations: ``three days`` (P3D), ``two-week`` (P2W), ``the past two months`` (P2M),
``2 1/2 years`` (P2Y6M), ``24 hours`` (PT24H), ``several years`` (PXY), ``recent weeks``
(PXW), ``more than four hours``. Sets: ``every Monday`` (XXXX-WXX-1), ``each July``,
``weekly`` (P1W), ``twice a week`` (P1W), ``$5 a year`` (the ``a year``: P1Y).

TIMEX3 units are Y M W D and, after ``T``, H M S; decades and centuries are written in years
when counted (``two decades`` = P20Y). Uncounted decades are some number of years, ``PXY``
(``decades-long``: so in TempEval-3's AQUAINT and in MEANTIME, 2 of 2); uncounted centuries
and millennia keep ``PXC``/``PXL`` (the TempEval-3 data uses C for centuries, L for millennia).
"""

from __future__ import annotations

import re

from . import temporal_lexicon as lex
from .temporal_anaphora import day_possessive
from .temporal_calendar import unit_value
from .temporal_grammar import UNIT, Context, Reading, rule, words

B = r"(?<![\w$£€#/-])"
E = r"(?![\w-])"
_VAGUE_LETTERS = {100: "C", 1000: "L"}
# Modifiers that belong to the expression (TimeML's mod attribute); "over", "under" and
# "some" only before a number ("over the next two years": "over" is a preposition).
_APPROX = (r"about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than"
           r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|over|under|just\s+over"
           r"|just\s+under|close\s+to|upwards\s+of|well\s+over|a\s+mere|another|an\s+additional"
           r"|the\s+better\s+part\s+of")
_PREPOSITION_LIKE = frozenset({"over", "under", "some"})
_RELATIVE = (r"past|last|next|first|final|coming|latest|previous|preceding|following|remaining|initial|ensuing"
             r"|entire|whole|full|same|last\s+few|past\s+few|next\s+few|first\s+few")


def duration_value(amount: float | None, unit: str) -> str | None:
    """The TIMEX3 value of ``amount`` ``unit`` (a key of ``lexicon.UNITS``); None amount is
    vague (``PXY``). Fractions move to the next smaller unit (1.5 hours -> PT90M)."""
    letter, per = lex.UNITS[unit]
    if amount is None:
        letter = _VAGUE_LETTERS.get(per, letter)
        return f"PTX{letter[0]}" if letter in ("H", "MIN", "S") else f"PX{letter}"
    amount *= per
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
               "MIN": ("S", 60), "Q": ("M", 3)}
    if amount != int(amount):
        whole = int(amount)
        if letter in ("Y", "H", "MIN") and (amount - whole) * smaller[letter][1] == int((amount - whole) * smaller[letter][1]):
            rest = int((amount - whole) * smaller[letter][1])
            if letter == "Y":
                return f"P{whole}Y{rest}M" if whole else f"P{rest}M"
            if letter == "MIN":  # "two minutes and a half": PT2M30S, as TempEval-3 writes such lengths
                return f"PT{whole}M{rest}S" if whole else f"PT{rest}S"
            return f"PT{whole}H{rest}M" if whole else f"PT{rest}M"
        sub, factor = smaller.get(letter, (None, 0))
        if sub is None or amount * factor != int(amount * factor):
            return None
        letter, amount = sub, amount * factor
    n = int(amount)
    if letter in ("H", "MIN", "S"):
        return f"PT{n}{letter[0]}"
    return f"P{n}{letter}"


def _amount(text: str) -> tuple[bool, float | None]:
    """(ok, amount): vague amounts are (True, None); unreadable numbers (False, None)."""
    if lex.is_vague(text) or text.lower().endswith(("few", "several")):
        return True, None
    value = lex.parse_number(text)
    return value is not None, value


# Not the tail of a bigger number ("5,678,000"), and the unit one or two spaces away, not a
# table's next column ("Sales 1,234,000 vs 5,678,000     Year": a results table, no length).
@rule("duration", needs=UNIT, pattern=B + r"(?<!\d[.,])(?:(?P<approx>" + _APPROX + r")\s+)?(?:(?P<the>the)\s+)?(?:(?P<rel>" + _RELATIVE
      + r")\s+)?(?P<num>" + lex.RE_NUMBER + r"|" + lex.RE_VAGUE + r"|single(?=-))(?:\s+(?:or|to|and)\s+(?P<num2>"
      + lex.RE_NUMBER + r"))?(?:\s+or\s+so)?(?:\s?-\s?|\s{1,2})(?:(?:more|additional|further|full|straight|consecutive|single"
      r"|trading|business|working|calendar|long)[\s-]+)?(?P<unit>" + lex.RE_UNIT + r")(?P<andhalf>\s+and\s+a\s+half)?"
      r"(?P<old>-old|-long)?"
      r"(?:\s+or\s+so)?" + E)
def _duration(m: re.Match, ctx: Context) -> tuple[str, str] | Reading | None:
    unit = lex.UNIT_FORMS[m["unit"].lower()]
    num = " ".join(m["num"].lower().split())
    after = ctx.text[m.end():m.end() + 12].lower()  # room for " old" and " of the"
    if unit in ("second", "quarter") and (num in ("a", "an", "one") or after.startswith(" of") and not m["rel"]):
        # "a second term", "a quarter of the vote", "three-quarters of its food" (but "the
        # first two quarters of the season" is a length)
        return None
    if unit == "quarter" and _fraction_or_circles(m, ctx):
        return None
    if num in ("a", "an") and _rate_before(ctx.text, m.start()):
        return None  # "$5 a year" is a set, read by the rate rule
    if unit == "night" and num in ("a", "an"):
        return None
    if num == "some" and m["unit"].lower() == "day" and not (m["approx"] or m["the"] or m["rel"]):
        return None  # "some day we will return": someday, the future_ref rule's
    if re.fullmatch(r"\d{4}", num) or re.match(r"\s+old\b", after) or (m["old"] or "").lower() == "-old":
        # "the 1988 quarter" is a date; "37 years old" and "a 6-year-old boy" are ages, which
        # the TempEval-3 annotators never tagged (0 of the 34 "-year-old" in its training text).
        return None
    ok, amount = (True, 1.0) if num == "single" else _amount(num)  # "the largest single-day drop"
    if not ok:
        return None
    if amount is not None and amount >= 1000 and m["unit"][0].isupper():
        return None  # "vs profit 412,000 Year Oper shr": a results table's next heading, no length
    if num == "one" and unit == "day" and ctx.word_before(m.start()) in _MODALS:
        return Reading(m.start(), m.end(), "DATE", "FUTURE_REF", "duration")  # "will one day be"
    if m["andhalf"] and amount is not None:
        amount += 0.5  # "a year and a half", "two hours and a half"
    if m["num2"]:
        amount = None  # "two to three weeks", "12 to 18 months": a range, not one length
    article_adjective = num in ("a", "an") and (m["old"] or "").lower() == "-long"
    if article_adjective and m["unit"].lower() != unit:
        amount = None  # "a decades-long dispute": the article is the noun's, the length vague
    value = duration_value(amount, unit)
    if not value:
        return None
    if article_adjective:  # "a week-long strike": the article is the noun's (the unit_long rule's extent)
        return Reading(m.start("unit"), m.end(), "DURATION", value, "duration")
    half = _half_of_a_year(m, ctx, unit, amount)
    if half:
        return half
    ahead = _point_ahead(m, ctx, unit, amount)
    if ahead:
        return Reading(m.start(), m.end(), "DATE", ahead, "duration")
    start = m.start()
    approx = " ".join((m["approx"] or "").lower().split())
    if approx in _PREPOSITION_LIKE and m["the"]:
        start = m.start("the")
    elif approx in _PREPOSITION_LIKE and "-" in ctx.text[m.end("num"):m.start("unit")]:
        start = m.start("num")  # "45 basis points over three-month Libor": an adjective, "over" the preposition
    elif approx in _OUTSIDE:
        start = m.start("the") if m["the"] else m.start("rel") if m["rel"] else m.start("num")
    if m["the"] and not m["rel"] and not m["approx"] and (unit == m["unit"].lower() or m["old"]):
        start = m.start("num")  # "the two-week crisis": the adjective, not the noun phrase
    return Reading(start, m.end(), "DURATION", value, "duration")


_OF_YEAR = re.compile(r"\s+of\s+(?:fiscal\s+)?(?P<year>" + lex.RE_YEAR + r")(?![\w/-])")


def _half_of_a_year(m: re.Match, ctx: Context, unit: str, amount: float | None) -> Reading | None:
    """``the first two quarters of 1990``: that year's first half, a date (TempEval-3's one
    case: 1990-H1), as ``the first half of 1990`` is; ``the last two quarters of 1990`` its second."""
    rel = (m["rel"] or "").lower()
    year = _OF_YEAR.match(ctx.text, m.end())
    if unit != "quarter" or amount != 2 or rel not in ("first", "last", "final") or not year:
        return None
    start = m.start("the") if m["the"] else m.start("rel")
    return Reading(start, year.end(), "DATE", f"{year['year']}-H{1 if rel == 'first' else 2}", "duration", anchorable=True)


# "eleven and three-quarters percent", "three-quarters owned": a fraction (a hyphen between the
# count and "quarters", or a whole number before "and"); "criticised in some quarters": circles
# of opinion (a vague count after "in"/"from"/"among").
_FRACTION_JOIN = re.compile(r"-|\s+and\s+", re.IGNORECASE)


def _fraction_or_circles(m: re.Match, ctx: Context) -> bool:
    """Whether a count of quarters is no length of time (the comment above)."""
    if m["num2"] and _FRACTION_JOIN.fullmatch(ctx.text[m.end("num"):m.start("num2")]):
        return True  # "eleven and three-quarters": one number, not a range
    if (not (m["the"] or m["rel"] or m["approx"]) and ctx.text[m.end("num"):m.start("unit")] == "-"
            and m["unit"].lower().endswith("s")):
        return True  # "three-quarters owned" ("a four-quarter test" is a length)
    return not (m["the"] or m["rel"]) and _in_circles(m["num"], ctx, m.start())


def _in_circles(count: str | None, ctx: Context, start: int) -> bool:
    """Whether ``count quarters`` at ``start`` are circles of opinion: ``in some quarters``,
    ``from many quarters``."""
    return (count or "").lower() in ("some", "many") and ctx.word_before(start) in ("in", "from", "among")


@rule("unit_long", needs=words("hour", "day", "week", "month", "year", "decade", "century"),
      pattern=B + r"(?P<unit>hour|day|week|month|year|decade|century)-long" + E)
def _unit_long(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    """``their third day-long meeting``, ``a year-long inquiry``: one unit as an adjective
    (TempEval-3 tags ``day-long``, P1D, without the words before it)."""
    value = duration_value(1, m["unit"].lower())
    return ("DURATION", value) if value else None


# Calendar units a count "in" the future moves publication by: (calendar unit, how many).
_AHEAD_UNITS = {"day": ("day", 1), "week": ("week", 1), "month": ("month", 1), "year": ("year", 1),
                "decade": ("year", 10)}


# A superlative, an ordinal or "only" before "in": the count is the stretch compared over
# ("the biggest drop in a year", "the second $1bn listing in three months").
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:\w+est|most|least|first|second|third|fourth|fifth|only|time)\b(?:\s+[\w$-]+){0,4}\s+in\s+$",
                                 re.IGNORECASE)


def _point_ahead(m: re.Match, ctx: Context, unit: str, amount: float | None) -> str | None:
    """``will meet again in two weeks``, ``would be repaid in three years``: after ``in``
    in a clause that looks ahead, a whole count is a point after publication (TimeML's
    DATE, as ``two weeks from now``), not a length; ``within two weeks`` stays a length."""
    if amount is None or amount != int(amount) or unit not in _AHEAD_UNITS or m["num2"]:
        return None
    if m["num"].lower() in ("a", "an"):
        return None  # "sales of 2 million cars in a year": per year or within one, as often as a point
    if m["the"] or m["rel"] or m["approx"] or m["old"] or m["andhalf"] or ctx.word_before(m.start()) != "in":
        return None
    if "-" in ctx.text[m.end("num"):m.start("unit")]:
        return None  # "in two-day talks": an adjective of the noun, not a count ahead
    if ctx.direction(m.start(), m.end()) != "future":
        return None
    if _SUPERLATIVE_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start()):  # 60: four words and "in"
        return None  # "could be the biggest drop in a year", "the first gain in two weeks": a length
    calendar_unit, per = _AHEAD_UNITS[unit]
    return unit_value(ctx.published, calendar_unit, int(amount) * per)


# Modifiers TempEval-3's annotators left outside the extent: "about" (2 of 11 inside),
# "just" (0 of 5 inside); "nearly" (7 of 8), "more than" (3 of 3), "at least" (4 of 6) stay in.
_OUTSIDE = frozenset({"about", "just over", "just under"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "can"})


# Words of "the previous day", "the following night" (the next_day rule's).
_DAY_BEFORE_OR_AFTER = frozenset({"previous", "prior", "following", "next", "preceding"})


# Prepositions that make "the years" a stretch of time: "over the years" (tagged PXY in
# TempEval-3's training text, 1 of 1).
_SPAN_PREPOSITIONS = frozenset({"over", "through", "throughout", "across", "down"})
_PLURAL_CONTEXT = frozenset({"for", "over", "within", "in", "took", "take", "takes", "taking",
                             "spent", "lasted", "after", "spend", "wait", "waited"})


@rule("vague_duration", needs=UNIT, pattern=B + r"(?:(?P<the>the)\s+)?(?:(?P<rel>recent|past|coming|next|last|previous|prior|preceding|ensuing"
      r"|following|intervening|early|later|final|first|many|several)\s+)?(?P<unit>" + lex.RE_UNIT_PLURAL
      + r")(?:(?P<long>-long)|\s+(?P<ahead>ahead|to\s+come))?" + E)
def _vague_duration(m: re.Match, ctx: Context) -> tuple[str, str] | Reading | None:
    unit = lex.UNIT_FORMS[m["unit"].lower()]
    if m["long"] and not m["rel"]:  # "the decades-long feud": a length, without the article
        value = duration_value(None, unit)
        return Reading(m.start("unit"), m.end(), "DURATION", value, "vague_duration") if value else None
    if (m["rel"] or "").lower() in ("last", "next") and not m["the"] and not m["ahead"]:
        return None  # "last years results": "last year's" with the apostrophe stripped
    if unit == "hour" and (m["rel"] or "").lower() == "early":
        return None  # "in the early hours of Sunday": the small hours after midnight, no length (TempEval-3 leaves it untagged)
    if unit == "quarter" and not m["the"] and _in_circles(m["rel"], ctx, m.start()):
        return None  # "doubted in many quarters"
    if not (m["the"] or m["rel"]):
        before = ctx.word_before(m.start())
        if before not in ("a", "an", "and") and lex.parse_number(before) is not None:
            return None  # "six months ahead": a count's unit (the duration rule's), not a vague length
        if _NUMBERED_AFTER.match(ctx.text, m.end()):
            return None  # "a coupon of 1% in years one and two": the years of a term, numbered
    if (m["the"] and (m["rel"] or "").lower() in _DAY_BEFORE_OR_AFTER and unit in ("day", "night")
            and not m["long"] and not m["ahead"] and day_possessive(ctx, m.start(), m.end())):
        return None  # "the previous days clashes": "the previous day's" (the next_day rule's)
    if not (m["rel"] or m["ahead"]):
        if m["the"]:
            if ctx.word_before(m.start()) not in _SPAN_PREPOSITIONS:
                return None  # "in the weeks before the vote" is no length of time
        elif ctx.word_before(m.start()) not in _PLURAL_CONTEXT:
            return None
    value = duration_value(None, unit)
    return ("DURATION", value) if value else None


_NUMBERED_AFTER = re.compile(r"\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*(?:,|-|\band\b|\bor\b|\bto\b"
                             r"|\bthrough\b)|\s*[.;]?$)", re.IGNORECASE)


def set_value(unit: str) -> str:
    """The value of ``every <unit>``: a period (P1W), or a calendar pattern for days."""
    return duration_value(1, unit) or "P1D"


@rule("every", needs=words("every", "each", "per"), pattern=B + r"(?P<q>every|each|per)\s+(?:(?P<other>other|single|second)\s+)?(?:(?P<num>"
      + lex.RE_NUMBER + r")\s+)?(?P<what>" + lex.RE_UNIT + r"|" + lex.RE_WEEKDAY + r"|" + lex.RE_MONTH
      + r"|" + lex.RE_SEASON + r"|morning|afternoon|evening|night|weekend)" + E)
def _every(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    what = m["what"].lower().rstrip(".")
    if what in lex.WEEKDAYS:
        return "SET", f"XXXX-WXX-{lex.WEEKDAYS[what]}"
    if what in lex.MONTHS:
        return "SET", f"XXXX-{lex.MONTHS[what]:02d}"
    if what in lex.SEASONS:
        return "SET", f"XXXX-{lex.SEASONS[what]}"
    if what in ("morning", "afternoon", "evening", "night"):
        return "SET", "XXXX-XX-XXT" + lex.DAY_PARTS[what]
    if what == "weekend":
        return "SET", "XXXX-WXX-WE"
    unit = lex.UNIT_FORMS.get(what)
    if unit is None:
        return None
    amount = 2.0 if m["other"] and m["other"].lower() in ("other", "second") else 1.0
    if m["num"]:
        amount = lex.parse_number(m["num"]) or 1.0
    value = duration_value(amount, unit)
    return ("SET", value) if value else None


_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
            "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "fortnightly": "P2W",
            "bimonthly": "P2M", "biannually": "P6M", "semiannually": "P6M", "semi-annually": "P6M"}


_FUNCTION_WORDS = frozenset({"in", "on", "at", "to", "for", "and", "or", "but", "since", "from", "by",
                             "with", "until", "through", "over", "the", "a", "an", "as", "than",
                             "during", "between", "into", "while", "because", "if", "so"})


@rule("frequency_adverb", needs=frozenset(_ADVERBS), pattern=B + r"(?P<w>" + "|".join(sorted(_ADVERBS, key=len, reverse=True)) + r")" + E)
def _frequency_adverb(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    word = m["w"].lower()
    nxt = re.match(r"\s+([A-Za-z]+)", ctx.text[m.end():])
    if nxt and nxt.group(1).lower() not in _FUNCTION_WORDS and word not in _ADJECTIVE_SETS:
        return None  # "quarterly dividend", "annually adjusted": not a set of times
    return "SET", _ADVERBS[word]


# Frequency words that TimeML marks as sets as adjectives too ("a daily rally", "hourly
# earnings": 12 of 18 tagged in TempEval-3's training text); "quarterly" before a noun is
# the name of a report or payout ("quarterly dividend": 1 of 11 tagged), and so stays out.
_ADJECTIVE_SETS = frozenset({"daily", "weekly", "monthly", "hourly", "nightly"})


@rule("times_per", needs=words("once", "twice", "thrice", "times"), pattern=B + r"(?:once|twice|thrice|(?:" + lex.RE_NUMBER + r")\s+times)\s+(?:a|an|per|each|every)\s+"
      r"(?P<unit>" + lex.RE_UNIT_SINGULAR + r")" + E)
def _times_per(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    value = duration_value(1, lex.UNIT_FORMS[m["unit"].lower()])
    return ("SET", value) if value else None


_RATE_WORDS = frozenset({"percent", "cents", "cent", "million", "billion", "trillion", "thousand",
                         "hundred", "dollars", "pounds", "euros", "yen", "once", "twice", "times",
                         "share", "head", "apiece", "each"})


def _rate_before(text: str, start: int) -> bool:
    words = text[max(0, start - 40):start].split()  # the words before: "$1.76", "four flights"
    if not words:
        return False
    if words[-1][-1] in ",;":
        return False  # a comma ends the amount's clause: "founded in 1998, a year after the war"
    last = words[-1].lower()
    if re.fullmatch(r"[$£€#]?\d[\d,.]*(?:%|m|bn|k)?", last) or last in _RATE_WORDS:
        return True
    if len(words) < 2 or not last.endswith("s"):
        return False
    # a counted plural, its count one or two words back: "four flights a day", "22 million
    # text messages a year", "500 new jobs a month"
    return any(re.fullmatch(r"[$£€#]?\d[\d,.]*", w) or w.lower() in _RATE_WORDS
               or (w.lower() not in ("a", "an", "and") and (lex.parse_number(w) or 0) > 0) for w in words[-3:-1])


@rule("rate", needs=UNIT, pattern=r"(?<![\w-])(?P<tx>(?:a|an)\s+(?P<unit>year|month|week|day|hour|night|quarter|minute))" + E)
def _rate(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    if not _rate_before(ctx.text, m.start()):
        return None
    unit = lex.UNIT_FORMS[m["unit"].lower()]
    value = duration_value(1, "day" if unit == "night" else unit)
    return ("SET", value) if value else None
