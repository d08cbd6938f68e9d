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

# A sparkline longer than this many bars is binned (days per bar rounded up): 90 bars of
# 2 px fit the 180 px wide cell of the stories table.
MAX_BARS = 90
# Bars are never wider than this, so a one-day story shows one narrow bar, not a block.
MAX_BAR_WIDTH = 12


def _days(first: str, last: str) -> list[dt.date]:
    try:
        a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    except (TypeError, ValueError):
        return []
    if b < a:
        a, b = b, a
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


def sparkline(counts: Sequence[dict[str, Any]], *, value: str = "articles", width: int = 180,
              height: int = 28) -> dict[str, Any]:
    """Bars of ``value`` per day (``[{"day": ..., value: n}]``), every day between the first
    and the last shown, long spans binned to at most :data:`MAX_BARS` bars."""
    by_day = {c["day"]: c.get(value, 0) or 0 for c in counts if c.get("day")}
    if not by_day:
        return {"width": width, "height": height, "bars": []}
    days = _days(min(by_day), max(by_day))
    per_bar = max(1, math.ceil(len(days) / MAX_BARS))
    bins = [days[i:i + per_bar] for i in range(0, len(days), per_bar)]
    totals = [sum(by_day.get(d.isoformat(), 0) for d in b) for b in bins]
    top = max(totals) or 1
    step = min(width / len(bins), MAX_BAR_WIDTH)
    bars = []
    for i, (b, n) in enumerate(zip(bins, totals)):
        h = 0 if n == 0 else max(1.0, (height - 1) * n / top)
        span = b[0].isoformat() if len(b) == 1 else f"{b[0].isoformat()} to {b[-1].isoformat()}"
        bars.append({"x": round(i * step, 2), "y": round(height - h, 2), "w": round(max(step - 0.5, 0.5), 2),
                     "h": round(h, 2), "title": f"{span}: {n} {value}"})
    return {"width": width, "height": height, "bars": bars}


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
        "rows": [{"x": row_label - 6, "y": column_label + i * cell + cell * 0.7, "label": label}
                 for i, label in enumerate(rows)],
        "columns": [{"x": row_label + i * cell + cell * 0.6, "y": column_label - 6, "label": label}
                    for i, label in enumerate(columns)],
        "cells": cells,
    }


def coverage_grid(coverage: dict[str, Any]) -> dict[str, Any]:
    """Articles per day (columns) per outlet (rows), from ``views.coverage_by_outlet``."""
    days = [d.isoformat() for d in _days(coverage["days"][0], coverage["days"][-1])] if coverage["days"] else []
    col = {d: i for i, d in enumerate(days)}
    outlets = coverage["outlets"]
    value = {(r, col[d]): n for r, o in enumerate(outlets) for d, n in coverage["counts"][o].items() if d in col}
    titles = {(r, c): f"{outlets[r]}, {days[c]}: {n} article(s)" for (r, c), n in value.items()}
    return grid(outlets, [d[5:] for d in days], value, titles=titles)


def cooccurrence_grid(cooc: dict[str, Any]) -> dict[str, Any]:
    """Sentences naming both entities, for each pair (both halves of the symmetric grid)."""
    names = [e["name"] for e in cooc["entities"]]
    value: dict[tuple[int, int], int] = {}
    titles: dict[tuple[int, int], str] = {}
    for p in cooc["pairs"]:
        for r, c in ((p["a"], p["b"]), (p["b"], p["a"])):
            value[(r, c)] = p["sentences"]
            titles[(r, c)] = f"{names[r]} and {names[c]}: {p['sentences']} sentence(s)"
    return grid(names, names, value, titles=titles, column_label=110)
