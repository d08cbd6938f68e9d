"""Compute the largest stories' pages and timelines when the server starts.

A story's view and timeline are cached once asked for (:mod:`.cache`), but the first
reader of a large story waits for them: ~0.5 s for the timeline of a 1,590-article story
on a store of 100k articles (benchmarks/web_load.py). The largest stories are both the
slowest and the most read, so each server process computes the ``web.prewarm_stories``
largest in a background thread as soon as it starts; requests are served meanwhile.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from ..errors import StorylineError
from . import listings
from .timelines import timeline

log = logging.getLogger("storyline.web")


class Prewarm:
    """The background work and how far it got (shown at ``/api``)."""

    def __init__(self, state: Any):
        self.state = state
        self.wanted = max(0, state.settings["web.prewarm_stories"])
        self.done = 0
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        if self.wanted and self.thread is None:
            self.thread = threading.Thread(target=self._run, name="storyline-prewarm", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        st = self.state
        try:
            ids = [r[0] for r in st.store.rows(
                f"SELECT id FROM stories ORDER BY articles DESC, id LIMIT {int(self.wanted)}")]
            self.wanted = len(ids)
            for sid in ids:
                if self.stop.is_set():
                    return
                listings.story(st.store, st.settings, st.cache, sid)
                timeline(st.store, st.settings, st.cache, story=sid)
                self.done += 1
        except StorylineError as exc:  # e.g. timelines not installed: the page says so itself
            log.warning("prewarm stopped: %s", exc)
        except Exception as exc:  # the server is shutting down (store closed) or a bug: never fatal
            if not self.stop.is_set():
                log.exception("prewarm failed: %s", exc)

    def halt(self, timeout_s: float = 30.0) -> None:
        """Stop after the story being computed and wait for it: the store must not be closed
        under a query the thread is running (SQLite crashes the process when it is)."""
        self.stop.set()
        if self.thread is not None:
            self.thread.join(timeout_s)

    def to_dict(self) -> dict[str, int]:
        return {"stories": self.wanted, "done": self.done}
