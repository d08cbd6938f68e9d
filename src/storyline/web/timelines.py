"""Timelines for the web app: :func:`storyline.timeline_store.timeline_for`, cached.

A timeline is built from a story's (or a search's) sentences, dates and repeated
statements each time it is asked for; on a large store that is the slowest thing a page
shows, so built timelines are kept in the app's :class:`~.cache.ViewCache` until the store
changes. The page and the API share :func:`timeline`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import UsageError
from ..settings import Settings
from ..store import Store
from .app import Unavailable
from .cache import ViewCache


def _builder() -> Any:
    try:
        from ..timeline_store import timeline_for
    except ImportError as exc:
        raise Unavailable("timelines are not available in this installation of storyline "
                          f"(storyline.timeline_store is missing: {exc})") from None
    return timeline_for


def timeline(store: Store, settings: Settings, cache: ViewCache, *, story: str | None = None, q: str | None = None,
             since: dt.date | None = None, until: dt.date | None = None, dates: int | None = None,
             per_date: int | None = None, related: bool = False) -> dict[str, Any]:
    """The timeline of a story (``related``: with its related stories), or of the sentences
    matching ``q``, between ``since`` and ``until``: ``{"entries": [{"date", "granularity", "independent_outlets", "sentences":
    [{"text", "independent_outlets", "sources": [...]}]}], ...}``."""
    if not story and not (q and q.strip()):
        raise UsageError("a timeline needs a story or a search (q=...)")
    for name, value, top in (("dates", dates, settings["web.max_timeline_dates"]),
                             ("per_date", per_date, settings["web.max_timeline_per_date"])):
        if value is not None and not 1 <= value <= top:
            raise UsageError(f"{name} must be between 1 and {top}, not {value}")
    if story:
        from ..story_store import resolve_story_id

        story = resolve_story_id(store, story)
    build = _builder()
    key = ("timeline", story, (q or "").strip() or None, since, until, dates, per_date, related)
    return cache.get_or_compute(store, key, lambda: build(
        store, story=story, query=(q or "").strip() or None, since=since, until=until, dates=dates,
        per_date=per_date, related=related, settings=settings))
