"""Following feeds as a story develops: poll, fetch new articles, ingest and process them.

Each new article is committed together with the record that its feed item is done, so
stopping the watcher at any moment loses nothing and a restart fetches nothing twice. An
item whose page failed for a passing reason (timeout, 5xx) is tried again at later polls, up
to ``watch.max_item_attempts``; one that can never work (404, not an article, too large,
disallowed by robots.txt) is recorded as failed with the reason. After each poll that added
articles, the pipeline stages run on them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import urls
from .errors import FetchError, UsageError
from .feeds import FeedItem, looks_like_opml, parse_feed, parse_opml
from .fetch import BlockedAddress, Fetcher
from .readers.html import read_html_bytes
from .records import Article, Rejection
from .settings import DEFAULTS, Settings
from .store import Store, now_iso
from .store import articles as db

PERMANENT = {"TOO_LARGE", "ROBOTS_DISALLOWED", "BLOCKED_ADDRESS", "BAD_URL", "TOO_MANY_REDIRECTS", "HTTP_4XX"}


@dataclass
class PollReport:
    feeds: int = 0
    not_modified: int = 0
    new_items: int = 0
    added: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    stages: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def resolve_sources(sources: list[str], fetcher: Fetcher) -> list[str]:
    """Feed URLs from the arguments: feed URLs as they are, OPML files or URLs expanded."""
    feeds: list[str] = []
    for source in sources:
        if source.startswith(("http://", "https://")):
            if source.lower().endswith(".opml"):
                feeds.extend(parse_opml(fetcher.get(source).body, source))
            else:
                feeds.append(source)
            continue
        path = Path(source)
        if not path.is_file():
            raise UsageError(f"{source} is neither an http(s) feed URL nor an OPML file")
        data = path.read_bytes()
        if not looks_like_opml(data):
            raise UsageError(f"{source} is not an OPML file; give feeds as http(s) URLs")
        feeds.extend(parse_opml(data, source))
    return list(dict.fromkeys(feeds))


class Watcher:
    """Polls feeds into a store. ``stages`` runs the pipeline (default: all stages)."""

    def __init__(self, store: Store, fetcher: Fetcher, settings: Settings = DEFAULTS,
                 stages: Callable[[], dict] | None = None):
        self.store = store
        self.fetcher = fetcher
        self.settings = settings
        self.stages = stages

    def poll(self, feeds: list[str]) -> PollReport:
        report = PollReport()
        for url in feeds:
            report.feeds += 1
            try:
                self._poll_feed(url, report)
            except FetchError as exc:
                report.errors.append(f"{url}: {exc.code} {exc.message}")
                self._save_feed(url, status=exc.code, error=exc.message)
        if report.added and self.stages is not None:
            report.stages = self.stages()
        return report

    def run(self, feeds: list[str], *, once: bool = False, on_poll: Callable[[PollReport], None] | None = None,
            sleep: Callable[[float], None] = time.sleep) -> None:
        while True:
            report = self.poll(feeds)
            if on_poll:
                on_poll(report)
            if once:
                return
            sleep(self.settings["watch.interval_s"])

    # --- one feed ------------------------------------------------------------------
    def _poll_feed(self, url: str, report: PollReport) -> None:
        state = self.store.query_one("SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)) or {}
        resp = self.fetcher.get(url, etag=state.get("etag"), last_modified=state.get("last_modified"))
        if resp.not_modified:
            report.not_modified += 1
            self._retry_pending(url, set(), report)
            self._save_feed(url, status="304")
            return
        if resp.status != 200:
            raise FetchError(f"the feed answered HTTP {resp.status}", code=f"HTTP_{resp.status}")
        feed = parse_feed(resp.body, resp.url)
        if feed.malformed:
            raise FetchError(feed.malformed, code="BAD_FEED")
        for item in feed.items:
            self._item(url, item, report)
        self._retry_pending(url, {i.key for i in feed.items}, report)
        self._save_feed(url, status="200", title=feed.title, etag=resp.headers.get("etag"),
                        last_modified=resp.headers.get("last-modified"))

    def _item(self, feed_url: str, item: FeedItem, report: PollReport) -> None:
        row = self.store.query_one("SELECT status, attempts FROM feed_items WHERE feed_url = ? AND key = ?", (feed_url, item.key))
        if row and (row["status"] in ("done", "failed") or row["attempts"] >= self.settings["watch.max_item_attempts"]):
            return
        attempts = (row["attempts"] if row else 0) + 1
        known = self._known_article(item.link)
        if known:
            self._save_item(feed_url, item, "done", attempts, known, None)
            return
        report.new_items += 1
        try:
            resp = self.fetcher.get(item.link)
            if resp.status >= 400:
                code = "HTTP_4XX" if resp.status < 500 else "HTTP_5XX"
                raise FetchError(f"HTTP {resp.status}", code=code)
        except BlockedAddress as exc:
            self._fail(feed_url, item, attempts, exc.code, exc.message, report, permanent=True)
            return
        except FetchError as exc:
            self._fail(feed_url, item, attempts, exc.code, exc.message, report, permanent=exc.code in PERMANENT)
            return
        date_hint = item.published.isoformat() if item.published else None
        results = list(read_html_bytes(item.link, resp.body, self.settings, url_hint=resp.url, date_hint=date_hint, fmt="feed"))
        articles = [r for r in results if isinstance(r, Article)]
        rejections = [r for r in results if isinstance(r, Rejection)]
        with self.store.transaction():
            saved = db.save_articles(self.store, articles, None)
            db.save_rejections(self.store, rejections, None)
            status = "done" if articles else "failed"
            error = "; ".join(f"{r.code} {r.message}" for r in rejections) or None
            self._save_item(feed_url, item, status, attempts, articles[0].id if articles else None, error)
        report.added += saved.added + saved.new_versions
        report.failed += 0 if articles else 1

    def _retry_pending(self, feed_url: str, handled: set[str], report: PollReport) -> None:
        """Items that failed for a passing reason and have left the feed (or the feed did
        not change) are tried again too."""
        for row in self.store.query("SELECT key, link, title FROM feed_items WHERE feed_url = ? AND status = 'retry'", (feed_url,)):
            if row["key"] not in handled:
                self._item(feed_url, FeedItem(row["key"], row["link"], row["title"]), report)

    def _known_article(self, link: str) -> str | None:
        try:
            key = urls.url_key(link)
        except urls.BadURL:
            return None
        return self.store.scalar("SELECT id FROM articles WHERE url_key = ? AND is_current = 1", (key,))

    def _fail(self, feed_url: str, item: FeedItem, attempts: int, code: str, message: str, report: PollReport, *, permanent: bool) -> None:
        give_up = permanent or attempts >= self.settings["watch.max_item_attempts"]
        with self.store.transaction():
            self._save_item(feed_url, item, "failed" if give_up else "retry", attempts, None, f"{code} {message}")
        report.failed += 1
        report.errors.append(f"{item.link}: {code} {message}")

    # --- state -----------------------------------------------------------------------
    def _save_item(self, feed_url: str, item: FeedItem, status: str, attempts: int, article_id: str | None, error: str | None) -> None:
        self.store.execute(
            "INSERT INTO feed_items (feed_url, key, link, title, status, attempts, article_id, error, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (feed_url, key) DO UPDATE SET status = excluded.status, "
            "attempts = excluded.attempts, article_id = excluded.article_id, error = excluded.error, updated_at = excluded.updated_at",
            (feed_url, item.key, item.link, item.title, status, attempts, article_id, error, now_iso()),
        )

    def _save_feed(self, url: str, *, status: str, title: str | None = None, etag: str | None = None,
                   last_modified: str | None = None, error: str | None = None) -> None:
        with self.store.transaction():
            self.store.execute(
                "INSERT INTO feeds (url, title, etag, last_modified, last_polled, last_status, error) VALUES (?,?,?,?,?,?,?) "
                "ON CONFLICT (url) DO UPDATE SET title = COALESCE(NULLIF(excluded.title, ''), feeds.title), "
                "etag = COALESCE(excluded.etag, feeds.etag), last_modified = COALESCE(excluded.last_modified, feeds.last_modified), "
                "last_polled = excluded.last_polled, last_status = excluded.last_status, error = excluded.error",
                (url, title or "", etag, last_modified, now_iso(), status, error),
            )
