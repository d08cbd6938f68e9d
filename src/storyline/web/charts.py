"""Chart geometry for inline SVG, computed on the server.

Each function returns plain numbers and labels (rectangles with position, size, shade and
a tooltip); the templates draw them as ``<rect>`` elements, escaped like any other text. No
script, no external library: the charts render offline and under a CSP that forbids script.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from ..output import counted

# A sparkline longer than this many bars is binned (days per bar rounded up): 90 bars of
# 2 px fit the 180 px wide cell of the stories table.
MAX_BARS = 90
# Columns of the coverage grid: 60 days one by one, longer stories binned (18 px each keeps
# the grid within a laptop screen).
MAX_COLUMNS = 60
# Row and column labels are cut to this many characters: ~28 characters of 11 px text fill
# the 190 px label margin.
MAX_LABEL = 28
# Bars are never wider than this, so a one-day story shows one narrow bar, not a block.
MAX_BAR_WIDTH = 12


def _bins(days: Sequence[str], most: int) -> tuple[dt.date, int, int]:
    """(first day, days per bin, number of bins) covering ``days`` (ISO strings) in at most
    ``most`` bins; sparse data is binned by arithmetic, never by walking every day."""
    parsed = []
    for d in days:
        try:
            parsed.append(dt.date.fromisoformat(d))
        except (TypeError, ValueError):
            continue
    if not parsed:
        return dt.date.min, 1, 0
    first, last = min(parsed), max(parsed)
    span = (last - first).days + 1
    per_bin = max(1, math.ceil(span / most))
    return first, per_bin, math.ceil(span / per_bin)


def _bin_of(day: str, first: dt.date, per_bin: int) -> int | None:
    try:
        return (dt.date.fromisoformat(day) - first).days // per_bin
    except (TypeError, ValueError):
        return None


def _bin_label(first: dt.date, per_bin: int, i: int, with_year: bool) -> str:
    day = first + dt.timedelta(days=i * per_bin)
    return day.isoformat() if with_year else day.isoformat()[5:]


def sparkline(counts: Sequence[dict[str, Any]], *, value: str = "articles", width: int = 180,
              height: int = 28) -> dict[str, Any]:
    """Bars of ``value`` per day (``[{"day": ..., value: n}]``) from the first day to the
    last, long spans binned to at most :data:`MAX_BARS` bars, with one tooltip for the chart
    (a tooltip per bar made the stories page ten times larger)."""
    points = [(c["day"], c.get(value, 0) or 0) for c in counts if c.get("day")]
    first, per_bin, n_bins = _bins([d for d, _ in points], MAX_BARS)
    if not n_bins:
        return {"width": width, "height": height, "bars": [], "title": f"no {value}"}
    totals = [0] * n_bins
    valid = []
    for day, n in points:
        i = _bin_of(day, first, per_bin)
        if i is not None:
            totals[i] += n
            valid.append(day)
    top = max(totals) or 1
    step = min(width / n_bins, MAX_BAR_WIDTH)
    bars = []
    for i, n in enumerate(totals):
        if n:  # days without articles draw nothing
            h = max(1.0, (height - 1) * n / top)
            bars.append({"x": round(i * step, 2), "y": round(height - h, 2), "w": round(max(step - 0.5, 0.5), 2),
                         "h": round(h, 2)})
    peak = max(range(n_bins), key=totals.__getitem__)
    last = max(valid)
    where = "on" if per_bin == 1 else f"in the {per_bin} days from"
    title = (f"{first.isoformat()} to {last}: {sum(totals)} {value}, most {where} "
             f"{_bin_label(first, per_bin, peak, True)} ({totals[peak]})")
    return {"width": width, "height": height, "bars": bars, "title": title}


def _short(label: str) -> str:
    """A label that fits the label margin: :data:`MAX_LABEL` characters at most."""
    return label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "\u2026"


def grid(rows: Sequence[str], columns: Sequence[str], value: dict[tuple[int, int], int], *, cell: int = 18,
         row_label: int = 190, column_label: int = 70, titles: dict[tuple[int, int], str] | None = None) -> dict[str, Any]:
    """A heat grid: one cell per (row, column) with a value, shaded by value relative to
    the largest; labels for rows on the left and columns (rotated) at the top."""
    top = max(value.values(), default=0) or 1
    cells = []
    for (r, c), n in sorted(value.items()):
        if n <= 0:
            continue
        cells.append({"x": row_label + c * cell, "y": column_label + r * cell, "size": cell - 2,
                      "opacity": round(0.2 + 0.8 * n / top, 2), "n": n,
                      "title": (titles or {}).get((r, c), f"{rows[r]} / {columns[c]}: {n}")})
    return {
        "width": row_label + len(columns) * cell + 10, "height": column_label + len(rows) * cell + 10,
        "rows": [{"x": row_label - 6, "y": column_label + i * cell + cell * 0.7, "label": _short(label)}
                 for i, label in enumerate(rows)],
        "columns": [{"x": row_label + i * cell + cell * 0.6, "y": column_label - 6, "label": _short(label)}
                    for i, label in enumerate(columns)],
        "cells": cells,
    }


def coverage_grid(coverage: dict[str, Any]) -> dict[str, Any]:
    """Articles per day (columns) per outlet (rows), from ``views.coverage_by_outlet``; a
    story longer than :data:`MAX_COLUMNS` days gets one column per few days."""
    first, per_bin, n_bins = _bins(coverage["days"], MAX_COLUMNS)
    with_year = n_bins and (first + dt.timedelta(days=n_bins * per_bin)).year != first.year
    outlets = coverage["outlets"]
    value: dict[tuple[int, int], int] = {}
    for r, o in enumerate(outlets):
        for d, n in coverage["counts"][o].items():
            c = _bin_of(d, first, per_bin)
            if c is not None:
                value[(r, c)] = value.get((r, c), 0) + n
    columns = [_bin_label(first, per_bin, i, bool(with_year)) for i in range(n_bins)]
    span = "" if per_bin == 1 else f" (+{per_bin - 1} days)"
    titles = {(r, c): f"{outlets[r]}, {columns[c]}{span}: {counted(n, 'article')}" for (r, c), n in value.items()}
    return grid(outlets, columns, value, titles=titles, column_label=90 if with_year else 70)


def cooccurrence_grid(cooc: dict[str, Any]) -> dict[str, Any]:
    """Sentences naming both entities, for each pair (both halves of the symmetric grid)."""
    names = [e["name"] for e in cooc["entities"]]
    value: dict[tuple[int, int], int] = {}
    titles: dict[tuple[int, int], str] = {}
    for p in cooc["pairs"]:
        for r, c in ((p["a"], p["b"]), (p["b"], p["a"])):
            value[(r, c)] = p["sentences"]
            titles[(r, c)] = f"{names[r]} and {names[c]}: {counted(p['sentences'], 'sentence')}"
    return grid(names, names, value, titles=titles, column_label=110)


def escalation(days: Sequence[dict[str, Any]], *, axis: Sequence[str] = (), width: int = 600,
               height: int = 120) -> dict[str, Any]:
    """A diverging bar per day of one direction of a dyad (``findings.dyad`` rows): up for
    cooperation, down for conflict, as tall as the day's mean score (-10 to +10), each with
    its date, count and score as a tooltip. Days are placed on a calendar axis from the
    first to the last of ``axis`` (the days of both directions, so two charts line up) and
    of ``days``, binned (mean of the bin's events) when there are more than :data:`MAX_BARS`."""
    rows = [r for r in days if r.get("date")]
    first, per_bin, n_bins = _bins([*axis, *(r["date"] for r in rows)], MAX_BARS)
    mid = height / 2
    if not n_bins:
        return {"width": width, "height": height, "mid": mid, "bars": [], "title": "no events", "start": "", "end": ""}
    events = [0] * n_bins
    total = [0.0] * n_bins
    for r in rows:
        i = _bin_of(r["date"], first, per_bin)
        if i is not None:
            events[i] += r["events"]
            total[i] += r["mean_score"] * r["events"]
    step = min(width / n_bins, MAX_BAR_WIDTH * 2)
    bars = []
    for i, n in enumerate(events):
        if not n:
            continue
        score = total[i] / n
        h = max(1.0, (mid - 1) * abs(score) / 10)
        when = _bin_label(first, per_bin, i, True) + ("" if per_bin == 1 else f" (+{per_bin - 1} days)")
        bars.append({"x": round(i * step, 2), "y": round(mid - h if score >= 0 else mid, 2), "w": round(max(step - 1, 1), 2),
                     "h": round(h, 2), "kind": "cooperation" if score >= 0 else "conflict",
                     "title": f"{when}: {counted(n, 'event')}, mean score {score:+.1f}"})
    title = (f"{rows[0]['date']} to {rows[-1]['date']}: {counted(sum(events), 'event')}" if rows
             else "no events")
    # the axis's ends, printed under the chart: both directions share them
    start, end = first.isoformat(), (first + dt.timedelta(days=n_bins * per_bin - 1)).isoformat()
    return {"width": round(n_bins * step, 2), "height": height, "mid": mid, "bars": bars, "title": title,
            "start": start, "end": end}
