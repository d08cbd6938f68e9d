"""Computed views kept between requests, and thrown away when the store changes.

A story page (summary, quotes, co-occurrence) and a timeline take tens to hundreds of
milliseconds to assemble on a large store, and they change only when new articles go
through the pipeline. :class:`ViewCache` keeps the most recent ones per server process,
keyed by what they were computed from plus the store's *version* (:func:`store_version`):
the newest article and the newest article each stage has processed. Any ingest or stage
run changes it, so nothing stale is served; the key costs five index look-ups per request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from ..pipeline import stage_names
from ..store import Store


def store_version(store: Store) -> tuple[Any, ...]:
    """What changes whenever articles are added or a stage processes articles: the newest
    article's sequence number and, per pipeline stage, the newest one it has done. Each is
    one look-up in a primary-key index (the pipeline's saved state would say the same, but
    reading it walks megabytes of state on a large store: 29 ms on 100k articles)."""
    return (store.scalar("SELECT MAX(seq) FROM articles"),
            *(store.scalar("SELECT MAX(seq) FROM article_stages WHERE stage = ?", (name,)) for name in stage_names()))


class ViewCache:
    """A thread-safe least-recently-used map of computed views, at most ``size`` of them.

    Two requests that miss the same key at once may both compute it; the second result
    simply replaces the first (both are the same)."""

    def __init__(self, size: int):
        self.size = max(0, size)
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, store: Store, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The value for ``key`` at the store's current version, computed if needed."""
        full = (key, store_version(store))
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                self.hits += 1
                return self._items[full]
            self.misses += 1
        value = compute()
        if self.size:
            with self._lock:
                self._items[full] = value
                self._items.move_to_end(full)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
