"""Words of time: the vocabulary the temporal grammar is written in.

Each table maps the words news writers use (including the forms real crawls produce, with
apostrophes stripped: ``90s``, ``oclock``) to what they mean on the calendar, and each has a
regex fragment built from it for ``temporal_grammar``. Fragments are meant to be compiled
case-insensitively; capitalisation checks for ambiguous words (``May``, ``March``) are made
by the grammar, not here.

Number words cover what news prose spells out: ``twenty four``, ``nineteen ninety-six``,
``two thousand``, ``a couple of``, ``2 1/2``.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
# Month words that are also ordinary English words: accepted only when capitalised and in a
# date-like context (a day, a year, or a preposition/modifier before them).
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "dec"})

WEEKDAYS: dict[str, int] = {  # ISO numbering, Monday = 1, as in TIMEX3 ``XXXX-WXX-1``
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

# Words that begin no noun phrase: after a plural-looking time word they make it a plural
# ("Mondays are quiet", "on Mondays and Fridays"), where a noun makes it a possessive whose
# apostrophe a crawl stripped ("Fridays attack", "at Mondays meeting").
NOT_A_HEAD = frozenset({"are", "were", "is", "was", "and", "or", "through", "to", "when", "as", "at", "in",
                        "on", "off", "only", "too", "have", "had", "will", "would", "can", "could", "usually",
                        "often", "also", "tend", "seem", "used", "until", "till", "from", "before", "after",
                        "during", "each", "every", "of", "by", "for", "with", "the", "a", "an", "but",
                        # and words after a plural of time ("the weeks ahead", "the years since")
                        "ahead", "since", "ago", "later", "earlier", "that", "which", "leading", "following",
                        "preceding", "prior", "gone", "past",
                        # and pronouns, which start a clause ("at the weekends it is busy")
                        "it", "he", "she", "they", "we", "i", "you", "there", "this", "these", "those", "who"})

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

# Parts of the day and their TIMEX3 codes (TimeML guidelines, section on TIME values).
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "mid-afternoon": "AF", "mid-morning": "MO",
}

# Calendar units: TIMEX3 duration letter, and how many of the base unit one of them is.
UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "minute": ("MIN", 1), "hour": ("H", 1), "day": ("D", 1),
    "night": ("D", 1), "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1),
    "quarter": ("Q", 1), "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100),
    "millennium": ("Y", 1000),
}
UNIT_FORMS: dict[str, str] = {}
for _u in UNITS:
    UNIT_FORMS[_u] = _u
    UNIT_FORMS[_u + "s"] = _u
UNIT_FORMS.update({"centuries": "century", "millennia": "millennium", "millenniums": "millennium",
                   "yr": "year", "yrs": "year", "hr": "hour", "hrs": "hour", "min": "minute",
                   "mins": "minute", "secs": "second", "sec": "second"})

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}
# Vague quantities: the TIMEX3 value gets an X in place of the number (``PXY``).
VAGUE_AMOUNTS = ("a few", "several", "some", "many", "few", "a number of", "numerous",
                 "countless", "a matter of")
_FRACTIONS = {"half": 0.5, "a half": 0.5, "1/2": 0.5, "quarter": 0.25, "1/4": 0.25,
              "3/4": 0.75}

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7,
    "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21,
}
DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first so the regex prefers whole words."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# --- regex fragments ----------------------------------------------------------------------
# Full month names, or abbreviations with an optional dot ("Feb.", "Sept").
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
RE_MONTH = (r"(?:" + _alt(k for k in MONTHS if len(k) > 4 or k in _MONTH_NAMES) + r"|(?:"
            + _alt(k for k in MONTHS if k not in _MONTH_NAMES) + r")\.?)")  # only abbreviations take a dot
RE_WEEKDAY = r"(?:" + _alt(k for k in WEEKDAYS if len(k) > 3) + r"|(?:mon|tue|wed|thu|fri|sat|sun)\.)"
RE_SEASON = r"(?:" + _alt(SEASONS) + r")"
RE_UNIT = r"(?:" + _alt(UNIT_FORMS) + r")"
RE_UNIT_SINGULAR = r"(?:" + _alt(UNITS) + r")"
RE_UNIT_PLURAL = r"(?:" + _alt(f for f in UNIT_FORMS if f.endswith(("s", "ia", "ies")) and f not in ("yrs", "hrs", "mins", "secs")) + r")"
_RE_CARDINAL_WORD = (
    r"(?:(?:" + _alt(_TENS) + r")(?:[\s-]+(?:" + _alt(k for k in _SMALL if 0 < _SMALL[k] < 10) + r"))?"
    r"|" + _alt(_SMALL) + r")"
)
# One number: digits (with decimals or a fraction), or number words with hundred/thousand.
RE_NUMBER = (
    r"(?:\d+(?:[.,]\d+)?(?:\s+[13]/[24])?"
    r"|(?:(?:a|an|one|" + _RE_CARDINAL_WORD + r")\s+(?:hundred|thousand)(?:\s+(?:and\s+)?" + _RE_CARDINAL_WORD + r")?)"
    r"|" + _RE_CARDINAL_WORD + r"(?:\s+and\s+a\s+half)?"
    r"|an?(?:\s+and\s+a\s+half)?|half\s+an?|(?:a\s+)?couple(?:\s+of)?"
    r")"
)
RE_VAGUE = r"(?:" + _alt(VAGUE_AMOUNTS) + r")"
RE_ORDINAL = r"(?:" + _alt(ORDINALS) + r")"
# Years 1000-2099: news reaches back to the Middle Ages and forward to 2050/2099 targets;
# bare numbers in that range that are counts are vetoed by spaCy's CARDINAL/MONEY entities.
RE_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
RE_DAY_OF_MONTH = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# Words of a sentence that tells of results being reported: then a quarter just ended is
# still ahead ("will report fourth-quarter results" in March), but not in "demand will
# improve in the second half"; and "the quarter" told ahead is the one the sentence has named.
# Car makes, for a year that names a model ("a 1987 Chevrolet Cavalier", "his 1999 Ford
# pickup"): the makes US and European news writes most, as the wires spell them.
CAR_MAKES = ("Chevrolet", "Chevy", "Toyota", "Honda", "Nissan", "Ford", "Dodge", "Chrysler", "Buick",
             "Cadillac", "Pontiac", "Oldsmobile", "Lincoln", "Mercury", "Jeep", "GMC", "Saturn", "Plymouth",
             "Volkswagen", "VW", "BMW", "Mercedes", "Mercedes-Benz", "Audi", "Porsche", "Volvo", "Saab",
             "Mazda", "Subaru", "Mitsubishi", "Hyundai", "Kia", "Lexus", "Acura", "Infiniti", "Jaguar",
             "Fiat", "Peugeot", "Renault", "Opel", "Vauxhall", "Skoda", "Hummer", "Tesla")
RESULTS_TOLD = re.compile(r"\b(?:report|post|announc|releas|publish|disclos|unveil|result|earning|figure|book)", re.I)
# Spelled-out years: "nineteen ninety-six", "nineteen eighty", "two thousand (and) two".
RE_YEAR_WORDS = (
    r"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:" + _alt(_TENS) + r")(?:[\s-]+(?:"
    + _alt(k for k in _SMALL if 0 < _SMALL[k] < 10) + r"))?"
    r"|(?:nineteen|eighteen|twenty)[\s-]+(?:oh[\s-]+)?(?:" + _alt(k for k in _SMALL if 0 < _SMALL[k] < 20) + r")"
    r"|two\s+thousand(?:\s+(?:and\s+)?(?:" + _alt(_SMALL) + r"|" + _RE_CARDINAL_WORD + r"))?)"
)


def parse_number(text: str) -> float | None:
    """The value of a number as written (``"twenty four"`` -> 24, ``"2 1/2"`` -> 2.5).

    ``a``/``an`` are 1; vague amounts (``several``) and anything unreadable are None.
    """
    t = " ".join(text.lower().replace("-", " ").replace(",", "").split())
    if not t:
        return None
    if t in ("a", "an", "one"):
        return 1.0
    if t in ("half a", "half an"):
        return 0.5
    if t in ("a couple of", "couple of", "a couple"):
        return 2.0  # TimeML reads "a couple of years" as P2Y
    extra = 0.0
    if t.endswith(" and a half"):
        extra, t = 0.5, t[: -len(" and a half")]
    parts = t.split()
    if len(parts) == 2 and parts[1] in _FRACTIONS and parts[0].isdigit():
        return float(parts[0]) + _FRACTIONS[parts[1]] + extra
    try:
        return float(t) + extra
    except ValueError:
        pass
    total, current = 0, 0
    for word in parts:
        if word in ("a", "an") and current == 0:
            current = 1
        elif word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
        elif word == "and":
            continue
        else:
            return None
    return float(total + current) + extra


def parse_year_words(text: str) -> int | None:
    """A spelled-out year: ``"nineteen ninety-six"`` -> 1996, ``"two thousand two"`` -> 2002."""
    words = text.lower().replace("-", " ").split()
    if len(words) >= 2 and words[0] in ("nineteen", "eighteen", "twenty") and words[1] != "thousand":
        century = _SMALL.get(words[0]) or _TENS[words[0]]
        rest = parse_number(" ".join(w for w in words[1:] if w != "oh"))
        return None if rest is None or rest >= 100 else century * 100 + int(rest)
    value = parse_number(text)
    return int(value) if value is not None and 1000 <= value < 2100 else None


def is_vague(text: str) -> bool:
    """Whether an amount is vague (``several``, ``a few``): its value is ``X``."""
    return " ".join(text.lower().split()) in VAGUE_AMOUNTS
