"""Printing for the CLI: JSON, CSV, JSON lines and readable tables, one way everywhere."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

import click


def counted(n: int, noun: str) -> str:
    """``1 article``, ``5 articles``: a count with its noun, for text meant for people."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def sourced(sentence: dict[str, Any], shown: int = 4) -> str:
    """Where a sentence was read, for people: ``[2 independent outlets, 3 sources:
    gazette.example 2025-03-08 a1b2c3d4:4, ...]``. A source is its outlet, the day it was
    published (when known), and its article's id prefix and line (``storyline show a1b2c3d4``
    opens it): the outlet alone would not say which of its articles. Copies of one wire
    story are one outlet, so the sources are counted apart when they differ."""
    sources = sentence["sources"]
    where = ", ".join(" ".join(str(part) for part in (src["outlet"], src.get("published"),
                                                      f"{src['article_id'][:8]}:{src['line']}") if part)
                      for src in sources[:shown])
    more = f" +{len(sources) - shown}" if len(sources) > shown else ""
    carried = counted(sentence["independent_outlets"], "independent outlet")
    if len(sources) != sentence["independent_outlets"]:
        carried += f", {counted(len(sources), 'source')}"
    return f"[{carried}: {where}{more}]"


SOURCES_KEY = "(a source is outlet, day published, article id:line; `storyline show ID` opens it)"


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def emit_json(value: Any) -> None:
    click.echo(to_json(value))


def emit_jsonl(rows: Sequence[dict[str, Any]]) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False, default=str))


def emit_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _flat(row.get(k)) for k in columns})
    sys.stdout.flush()


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


# Columns of running text: they take the width that is left and wrap; others stay on one line.
_SHORT = 32  # characters: a column holding nothing longer is not stretched
_TEXT_COLUMNS = frozenset({"title", "text", "quote", "variants", "summary", "message", "why", "url", "label"})


def emit_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, title: str | None = None, empty: str = "nothing to show") -> None:
    """A plain aligned table; wide text columns are cut to fit the terminal."""
    from rich.console import Console
    from rich.table import Table

    # On a terminal, fit its width; into a pipe or file, print long lines rather than wrap
    # every text column into a narrow stripe.
    console = Console(soft_wrap=False, highlight=False, width=None if sys.stdout.isatty() else 200)
    if not rows:
        console.print(empty)
        return
    cells = [[_cell(row.get(col)) for col in columns] for row in rows]
    # a text column shares the spare width only when it holds long text: an entity's label
    # (GPE) is a short column, a story's label (its title) a wide one
    wide = [col in _TEXT_COLUMNS and any(len(r[i]) > _SHORT for r in cells) for i, col in enumerate(columns)]
    table = Table(title=title, show_edge=False, pad_edge=False, box=None, header_style="bold", expand=any(wide))
    for col, is_wide in zip(columns, wide):
        if is_wide:
            table.add_column(col, overflow="fold", ratio=1)
        else:
            table.add_column(col, overflow="ellipsis", no_wrap=True, max_width=_SHORT)
    for r in cells:
        table.add_row(*r)
    console.print(table)


def _cell(value: Any) -> str:
    from rich.markup import escape

    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return escape(str(_flat(value)))


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, fmt: str = "table", title: str | None = None, empty: str = "nothing to show") -> None:
    """Print rows as ``table``, ``json``, ``jsonl`` or ``csv``."""
    if fmt == "json":
        emit_json(list(rows))
    elif fmt == "jsonl":
        emit_jsonl(rows)
    elif fmt == "csv":
        emit_csv(rows, columns)
    else:
        emit_table(rows, columns, title=title, empty=empty)


def date_label(day: dt.date, granularity: str) -> str:
    """A date shown at its granularity (given its first day): 2025-03-08, week of 2025-03-03,
    March 2025, Q1 2025, 2025, the 2020s."""
    if granularity == "year":
        return f"{day.year}"
    if granularity == "month":
        return day.strftime("%B %Y")
    if granularity == "week":
        return f"week of {day.isoformat()}"
    if granularity == "quarter":
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if granularity == "decade":
        return f"the {day.year // 10 * 10}s"
    return day.isoformat()


def event_date_label(event: dict[str, Any]) -> str:
    """An event row's date at its granularity ("1967", not "1967-01-01"); "" when undated."""
    if not event.get("date"):
        return ""
    return date_label(dt.date.fromisoformat(event["date"]), event.get("date_granularity", "day"))
