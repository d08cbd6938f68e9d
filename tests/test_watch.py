"""Watching feeds against a local HTTP server: politeness, safety, restarts, bad responses."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.errors import FetchError
from storyline.fetch import BlockedAddress, Fetcher, address_allowed
from storyline.settings import Settings
from storyline.store import open_store
from storyline.watch import Watcher, resolve_sources

FAST = Settings({
    "watch.host_interval_s": 0.0, "watch.backoff_s": 0.01, "watch.timeout_s": 1.0,
    "watch.deadline_s": 0.6, "watch.retries": 1, "watch.max_item_attempts": 2,
    "ingest.max_record_bytes": 200_000,
})


def page(n: int, title: str) -> bytes:
    body = "".join(
        f"<p>Paragraph {i} of report {n}: the ministers of Arnholt and Northford met again on Monday "
        f"to discuss the crossing at Vellmark, officials said after the meeting ended.</p>"
        for i in range(4)
    )
    return (f"<!DOCTYPE html><html><head><title>{title}</title>"
            f"<meta property='article:published_time' content='2025-03-0{n}T09:00:00Z'></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def rss(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{{base}}{p}</link><guid>{p}</guid>"
        f"<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>" for p, t in items
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test feed</title>{entries}</channel></rss>".encode()


class Site:
    """A local news site whose responses the tests control."""

    def __init__(self):
        self.hits: Counter[str] = Counter()
        self.flaky_left = 1
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                site.hits[self.path] += 1
                site.route(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.feed_items = [("/a/1.html", "One"), ("/a/2.html", "Two"), ("/redirect", "Moved"),
                           ("/missing.html", "Gone"), ("/huge.html", "Huge"), ("/slow.html", "Slow"),
                           ("/flaky.html", "Flaky"), ("/private/x.html", "Disallowed")]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def send(self, h, status: int, body: bytes = b"", headers: dict | None = None) -> None:
        h.send_response(status)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def route(self, h) -> None:
        path = h.path
        if path == "/robots.txt":
            self.send(h, 200, b"User-agent: *\nDisallow: /private/\n")
        elif path == "/feed.xml":
            if h.headers.get("If-None-Match") == '"v1"':
                self.send(h, 304)
            else:
                self.send(h, 200, rss(self.feed_items).replace(b"{base}", self.base.encode()), {"ETag": '"v1"'})
        elif path == "/broken.xml":
            self.send(h, 200, b"<rss><channel><item><title>unclosed")
        elif path.startswith("/a/"):
            n = int(path[3])
            self.send(h, 200, page(n, f"Report {n}"), {"Content-Type": "text/html"})
        elif path == "/redirect":
            self.send(h, 302, b"", {"Location": "/a/3.html"})
        elif path == "/huge.html":
            self.send(h, 200, b"<html>" + b"x" * 300_000 + b"</html>")
        elif path == "/slow.html":
            h.send_response(200)
            h.send_header("Content-Length", "100000")
            h.end_headers()
            for _ in range(30):
                try:
                    h.wfile.write(b" " * 10)
                    h.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)
        elif path == "/flaky.html":
            if self.flaky_left:
                self.flaky_left -= 1
                self.send(h, 503, b"busy", {"Retry-After": "0"})
            else:
                self.send(h, 200, page(4, "Report 4"))
        else:
            self.send(h, 404, b"not found")

    def close(self):
        self.server.shutdown()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "w.db", settings=FAST)
    yield s
    s.close()


def watcher(store, allow_private=True):
    return Watcher(store, Fetcher(FAST, allow_private=allow_private), FAST)


def statuses(store):
    return {r["link"].rsplit("/", 1)[-1]: (r["status"], (r["error"] or "").split(" ")[0])
            for r in store.query("SELECT link, status, error FROM feed_items")}


def test_local_addresses_are_refused_without_allow_private(site, store):
    report = watcher(store, allow_private=False).poll([site.base + "/feed.xml"])
    assert report.added == 0
    assert report.errors[0].startswith(f"{site.base}/feed.xml: BLOCKED_ADDRESS 127.0.0.1 resolves to 127.0.0.1")
    assert sum(site.hits.values()) == 0


def test_first_poll_fetches_new_items_and_records_every_failure(site, store):
    report = watcher(store).poll([site.base + "/feed.xml"])
    assert report.new_items == 8
    assert report.added == 4  # 1, 2, the redirect target 3, and flaky after one retry
    assert statuses(store) == {
        "1.html": ("done", ""), "2.html": ("done", ""), "redirect": ("done", ""),
        "missing.html": ("failed", "HTTP_4XX"), "huge.html": ("failed", "TOO_LARGE"),
        "slow.html": ("retry", "TIMEOUT"), "flaky.html": ("done", ""),
        "x.html": ("failed", "ROBOTS_DISALLOWED"),
    }
    urls = sorted(r["url"] for r in store.query("SELECT url FROM articles"))
    assert urls == [site.base + p for p in ("/a/1.html", "/a/2.html", "/a/3.html", "/flaky.html")]
    assert site.hits["/private/x.html"] == 0
    assert site.hits["/flaky.html"] == 2


def test_restart_fetches_nothing_twice_and_uses_conditional_get(site, store):
    watcher(store).poll([site.base + "/feed.xml"])
    before = Counter(site.hits)
    report = watcher(store).poll([site.base + "/feed.xml"])  # a new watcher: a restart
    assert report.not_modified == 1 and report.added == 0
    fetched_again = {p for p in site.hits if site.hits[p] != before[p]}
    # Only the feed (answered 304), the item that failed transiently, and robots.txt (cached
    # in memory per run) are asked again.
    assert fetched_again == {"/feed.xml", "/slow.html", "/robots.txt"}
    assert statuses(store)["slow.html"] == ("failed", "TIMEOUT")  # max_item_attempts=2 reached
    assert site.hits["/slow.html"] == before["/slow.html"] + 2  # one more poll: a try and a retry
    slow_hits = site.hits["/slow.html"]
    third = watcher(store).poll([site.base + "/feed.xml"])
    assert third.new_items == 0 and site.hits["/slow.html"] == slow_hits  # given up


def test_malformed_feed_is_reported_and_others_go_on(site, store):
    report = watcher(store).poll([site.base + "/broken.xml", site.base + "/feed.xml"])
    assert report.errors[0].startswith(f"{site.base}/broken.xml: BAD_FEED not a readable RSS/Atom feed")
    assert report.added == 4
    row = store.query_one("SELECT last_status FROM feeds WHERE url = ?", (site.base + "/broken.xml",))
    assert row == {"last_status": "BAD_FEED"}


def test_new_articles_run_the_pipeline_stages(site, store):
    calls = []
    w = Watcher(store, Fetcher(FAST, allow_private=True), FAST, stages=lambda: calls.append(1) or {"clean": {"articles": 4}})
    report = w.poll([site.base + "/feed.xml"])
    assert calls == [1] and report.stages == {"clean": {"articles": 4}}
    w.poll([site.base + "/feed.xml"])
    assert calls == [1]  # nothing new, nothing to run


@pytest.mark.parametrize("ip, allowed", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.9", False), ("172.16.5.4", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False),
    ("93.184.216.34", True), ("2606:4700::1111", True),
])
def test_address_guard(ip, allowed):
    assert address_allowed(ip) is allowed


def test_per_host_rate_limit_and_backoff_use_the_clock(site):
    now = [100.0]
    slept = []

    def sleep(s):
        slept.append(round(s, 3))
        now[0] += s

    f = Fetcher(Settings({"watch.host_interval_s": 2.0, "watch.retries": 0}), allow_private=True, clock=lambda: now[0], sleep=sleep)
    f.get(site.base + "/a/1.html")
    f.get(site.base + "/a/2.html")
    # robots.txt, then page 1, then page 2: each waits the 2 s host interval after the last.
    assert slept == [2.0, 2.0]
    f.close()


def test_fetch_errors_carry_codes(site):
    f = Fetcher(FAST, allow_private=True)
    with pytest.raises(FetchError) as exc:
        f.get(site.base + "/huge.html")
    assert exc.value.code == "TOO_LARGE"
    with pytest.raises(FetchError) as exc:
        f.get("file:///etc/passwd")
    assert exc.value.code == "BAD_URL"
    f.close()
    with pytest.raises(BlockedAddress):
        Fetcher(FAST).get(site.base + "/a/1.html")


def test_opml_lists_are_expanded(tmp_path, site):
    opml = tmp_path / "subs.opml"
    opml.write_text(f"<?xml version='1.0'?><opml version='2.0'><body><outline text='News'>"
                    f"<outline type='rss' xmlUrl='{site.base}/feed.xml'/><outline type='rss' xmlUrl='https://x.example.com/rss'/>"
                    f"</outline></body></opml>")
    assert resolve_sources([str(opml), site.base + "/other.xml"], Fetcher(FAST)) == [
        f"{site.base}/feed.xml", "https://x.example.com/rss", f"{site.base}/other.xml"]


def test_names_resolving_to_local_addresses_are_refused_too(site):
    port = site.base.rsplit(":", 1)[1]
    with pytest.raises(BlockedAddress) as exc:
        Fetcher(FAST).get(f"http://localhost:{port}/a/1.html")
    assert "localhost resolves to" in exc.value.message and "--allow-private" in exc.value.message
    assert site.hits["/a/1.html"] == 0


def test_watch_command_once(site, tmp_path):
    from click.testing import CliRunner

    from storyline.cli import cli

    db = str(tmp_path / "cli.db")
    args = ["watch", site.base + "/feed.xml", "--once", "--allow-private", "--no-enrich", "--db", db,
            "--set", "watch.host_interval_s=0", "--set", "watch.deadline_s=0.6", "--set", "watch.retries=0",
            "--set", "ingest.max_record_bytes=200000"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == "watching 1 feed; polling every 300s (once)"
    assert result.stderr.splitlines()[-1] == "1 feed polled (0 unchanged): 8 new items, 3 articles added, 5 failed"


def test_a_feed_whose_items_link_nowhere_fetchable_says_so():
    from storyline.feeds import parse_feed

    doc = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Odd</title>"
           b"<item><title>a</title><link>javascript:alert(1)</link></item>"
           b"<item><title>b</title><link>file:///etc/passwd</link></item></channel></rss>")
    parsed = parse_feed(doc, "https://news.example.com/feed.xml")
    assert parsed.items == () and parsed.title == "Odd"
    assert parsed.malformed == ("the feed's 2 items link to no http(s) page (javascript:, file: or data: links "
                                "are never fetched)")
