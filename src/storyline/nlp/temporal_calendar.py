"""Calendar arithmetic for TIMEX3 values: shifting, anchoring and reading values back.

Values follow the TIMEX3 format of the TimeML guidelines (as scored by TempEval-3): days
``2022-02-12``, ISO weeks ``2022-W06`` (weekend ``2022-W06-WE``), months ``2022-02``,
quarters ``2022-Q1``, halves ``2022-H1``, seasons ``2022-SU``, years ``2022``, decades ``202``,
centuries ``20``, times ``2022-02-12T15:00`` / ``2022-02-12TMO``; ``X`` marks unknown digits.

:func:`calendar_range` turns any of them back into a granularity and the first and last
calendar day it covers, which is what timelines sort and filter on.
"""

from __future__ import annotations

import datetime as dt
import re

Direction = str  # "past" (on or before the anchor), "future" (on or after), "last", "next", "near"


def day_value(d: dt.date) -> str:
    return d.isoformat()


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) moved by ``n`` months."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def add_quarters(year: int, quarter: int, n: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + n
    return index // 4, index % 4 + 1


def shift_day(d: dt.date, days: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


def resolve_weekday(anchor: dt.date, weekday: int, direction: Direction) -> dt.date | None:
    """The date of ISO ``weekday`` (1 = Monday) seen from ``anchor``.

    past: the latest such day on or before the anchor; future: the earliest on or after it;
    last/next: strictly before/after; this: the one in the anchor's ISO week; near: the
    nearest of past and future (the past on a tie).
    """
    delta = weekday - anchor.isoweekday()
    if direction == "this":
        days = delta
    elif direction == "near":
        back = delta if delta <= 0 else delta - 7
        days = back if -back <= back + 7 or back == 0 else back + 7
    elif direction in ("past", "last"):
        days = delta if delta < 0 or (delta == 0 and direction == "past") else delta - 7
    else:
        days = delta if delta > 0 or (delta == 0 and direction == "future") else delta + 7
    return shift_day(anchor, days)


def nearest_cycle(current: int, target: int, period: int, direction: Direction | None,
                  past_slack: int = 0, future_slack: int = 0) -> int:
    """Which cycle (-1, 0 or +1 years) puts ``target`` nearest to ``current`` (both indexes
    within the year: month 1-12, quarter 1-4) while agreeing with ``direction``.

    ``past`` rules out candidates more than ``past_slack`` units after the anchor,
    ``future`` those more than ``future_slack`` units before it (slack absorbs reporting lag:
    third-quarter results are *expected* in October); ``last``/``next`` rule out the
    anchor's own unit and everything on the other side. A tie goes to the past, where news
    mostly is."""
    candidates = [(target - current + k * period, k) for k in (-1, 0, 1)]
    if direction in ("past", "last"):
        candidates = [c for c in candidates if c[0] <= (past_slack if direction == "past" else -1)]
    elif direction in ("future", "next"):
        candidates = [c for c in candidates if c[0] >= (-future_slack if direction == "future" else 1)]
    return min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))[1]


def resolve_month(anchor: dt.date, month: int, direction: Direction | None, slack: int = 0) -> int:
    """The year of ``month`` seen from ``anchor``: ``this`` for the anchor's own year, else
    the nearest one that agrees with ``direction`` (see :func:`nearest_cycle`); ``last`` and
    ``next`` exclude the anchor's own month."""
    if direction == "this":
        return anchor.year
    return anchor.year + nearest_cycle(anchor.month, month, 12, direction, slack, slack)


def resolve_quarter(anchor: dt.date, quarter: int, direction: Direction | None, future_slack: int = 1) -> int:
    """The year of quarter ``quarter`` seen from ``anchor`` (as :func:`resolve_month`); a
    quarter just ended counts as ahead too (``future_slack`` quarters), since its results are
    still to come."""
    return anchor.year + nearest_cycle(quarter_of(anchor), quarter, 4, direction, 0, future_slack)


def unit_value(anchor: dt.date, unit: str, offset: int = 0) -> str | None:
    """The value of the calendar ``unit`` containing ``anchor``, moved by ``offset`` units.

    ``unit_value(date(2022, 2, 12), "week", -1) == "2022-W05"``. Units: day, week, weekend,
    month, quarter, half, year, decade, century.
    """
    try:
        if unit == "day":
            d = shift_day(anchor, offset)
            return day_value(d) if d else None
        if unit in ("week", "weekend"):
            d = shift_day(anchor, 7 * offset)
            return (week_value(d) + ("-WE" if unit == "weekend" else "")) if d else None
        if unit == "month":
            return month_value(*add_months(anchor.year, anchor.month, offset))
        if unit == "quarter":
            y, q = add_quarters(anchor.year, quarter_of(anchor), offset)
            return f"{y:04d}-Q{q}"
        if unit == "half":
            index = anchor.year * 2 + (anchor.month - 1) // 6 + offset
            return f"{index // 2:04d}-H{index % 2 + 1}"
        if unit == "year":
            return f"{anchor.year + offset:04d}"
        if unit == "decade":
            return f"{anchor.year // 10 + offset:03d}"
        if unit == "century":
            return f"{anchor.year // 100 + offset:02d}"
    except (ValueError, OverflowError):
        return None
    return None


_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def resolve_season(anchor: dt.date, season: str, offset: int | None, direction: Direction | None) -> str:
    """The value of a season (``SU``) seen from ``anchor``: ``offset`` -1/0/+1 for
    last/this/next, or None to choose by ``direction`` (the nearest one that way)."""
    if offset == 0 or (offset is None and direction in (None, "near")):
        year = anchor.year - 1 if season == "WI" and anchor.month <= 2 else anchor.year
        return f"{year:04d}-{season}"
    # Number seasons continuously from March of year 0; winter belongs to its December's year.
    current = (anchor.year * 12 + anchor.month - 3) // 3
    wanted = _SEASON_ORDER.index(season)
    strict = offset is not None
    if offset == -1 or (offset is None and direction == "past"):
        index = current - ((current - wanted) % 4)
        index -= 4 if strict and index == current else 0
    else:
        index = current + ((wanted - current) % 4)
        index += 4 if strict and index == current else 0
    return f"{index // 4:04d}-{_SEASON_ORDER[index % 4]}"


def shift_value(value: str, unit: str, n: int) -> str | None:
    """A calendar value moved by ``n`` units (``D W M Q Y``), kept at its own granularity.

    ``shift_value("1989-Q3", "Y", -1) == "1988-Q3"``; the unit may not be finer than the
    value (a month value cannot move by days): then None.
    """
    m = _VALUE.match(value)
    if not m:
        return None
    year = int(m["year"])
    months = {"Y": 12, "Q": 3, "M": 1}.get(unit)
    try:
        if m["day"]:
            d = dt.date(year, int(m["month"]), int(m["day"]))
            if unit in ("D", "W"):
                moved = shift_day(d, n * (7 if unit == "W" else 1))
            else:
                y, mo = add_months(d.year, d.month, n * (months or 0))
                moved = dt.date(y, mo, min(d.day, _month_length(y, mo)))
            return day_value(moved) if moved else None
        if m["week"]:
            if unit == "D":
                return None  # a week (or its weekend) moved by days names no day: finer than it
            monday = dt.date.fromisocalendar(year, int(m["week"]), 1)
            moved = shift_day(monday, 7 * n) if unit == "W" else None
            if moved is None and months:
                y, mo = add_months(monday.year, monday.month, n * months)
                moved = dt.date(y, mo, min(monday.day, _month_length(y, mo)))
            return week_value(moved) + (m["rest"] or "") if moved else None
        if months is None:
            return None
        if m["month"]:
            y, mo = add_months(year, int(m["month"]), n * months)
            return month_value(y, mo)
        if m["quarter"]:
            if unit == "M":
                return None
            y, q = add_quarters(year, int(m["quarter"]), n * months // 3)
            return f"{y:04d}-Q{q}"
        if unit == "Y":
            return f"{year + n:04d}" + (m["rest"] or "")
    except ValueError:
        return None
    return None


def coarsen(value: str, unit: str) -> str | None:
    """``value`` read at the coarser calendar ``unit``: ``coarsen("1996-05-22", "year") ==
    "1996"``. None when the value has no calendar range."""
    _, first, _ = calendar_range(value)
    return unit_value(first, unit, 0) if first else None


def _month_length(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|W(?P<week>\d\d)|Q(?P<quarter>[1-4])))?"
    r"(?P<rest>-WE|-(?:H[12]|SU|SP|FA|WI))?$"
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # meteorological


def calendar_range(value: str) -> tuple[str, dt.date | None, dt.date | None]:
    """Granularity and first/last calendar day of a TIMEX3 value.

    Durations, sets, references (``PRESENT_REF``) and values with unknown digits have no
    range: ``(granularity, None, None)``. Seasons are meteorological (summer = June to
    August; winter 2022 = December 2022 to February 2023).
    """
    try:
        return _calendar_range(value)
    except (ValueError, OverflowError):
        return "none", None, None


def _calendar_range(value: str) -> tuple[str, dt.date | None, dt.date | None]:
    if "T" in value and re.match(r"^\d{4}-\d\d-\d\dT", value):
        d = dt.date.fromisoformat(value[:10])
        return "time", d, d
    if re.fullmatch(r"\d{3}", value):
        start = int(value) * 10
        return "decade", dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
    if re.fullmatch(r"\d\d", value):
        start = int(value) * 100
        return "century", dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31)
    m = _VALUE.match(value)
    if not m:
        return _unanchored_granularity(value), None, None
    year, rest = int(m["year"]), m["rest"] or ""
    if m["day"]:
        d = dt.date(year, int(m["month"]), int(m["day"]))
        return "day", d, d
    if m["week"]:
        monday = dt.date.fromisocalendar(year, int(m["week"]), 1)
        if rest == "-WE":
            return "week", monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return "week", monday, monday + dt.timedelta(days=6)
    if m["month"]:
        month = int(m["month"])
        return "month", dt.date(year, month, 1), dt.date(year, month, _month_length(year, month))
    if m["quarter"]:
        q = int(m["quarter"])
        last_month = q * 3
        return "quarter", dt.date(year, last_month - 2, 1), dt.date(year, last_month, _month_length(year, last_month))
    if rest in ("-H1", "-H2"):
        first_month = 1 if rest == "-H1" else 7
        return "none", dt.date(year, first_month, 1), dt.date(year, first_month + 5, _month_length(year, first_month + 5))
    if rest[1:] in _SEASON_MONTHS:
        a, b = _SEASON_MONTHS[rest[1:]]
        end_year, end_month = add_months(year, b, 0) if b <= 12 else (year + 1, b - 12)
        return "season", dt.date(year, a, 1), dt.date(end_year, end_month, _month_length(end_year, end_month))
    return "year", dt.date(year, 1, 1), dt.date(year, 12, 31)


def _unanchored_granularity(value: str) -> str:
    """Granularity of a value with unknown digits (``1989-WXX``, ``XXXX-XX-XX`` for ``the
    same day`` without an anchor), for display only."""
    shapes = (("time", r"[\dX]{4}-[\dX]{2}-[\dX]{2}T.*"), ("day", r"[\dX]{4}-[\dX]{2}-[\dX]{2}"),
              ("week", r"[\dX]{4}-W[\dX]{2}"), ("quarter", r"[\dX]{4}-Q[\dX]"), ("month", r"[\dX]{4}-[\dX]{2}"),
              ("season", r"[\dX]{4}-(?:SP|SU|FA|WI)"), ("decade", r"\d\d\dX"), ("year", r"[\dX]{4}"))
    return next((name for name, shape in shapes if re.fullmatch(shape, value)), "none")
