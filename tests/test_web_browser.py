"""The web app in a real headless Chromium: browse the example corpus as a reader would, and
check that hostile article text never runs as script.

Debian's ``chromium`` (``/usr/bin/chromium``, installed by ``scripts/install --test``) is
driven by Playwright's Python package; Playwright's own browser download is not used (it
does not work offline). A real uvicorn server serves each store on a free loopback port.
Screenshots go to ``test-output/browser/`` (git-ignored).

Without Chromium the tests skip, unless ``CI`` or ``STORYLINE_REQUIRE_BROWSER=1`` is set:
then they fail, since a CI run that skipped them would prove nothing about the pages.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from storyline import story_store
from storyline.store import articles as db
from storyline.store import open_store
from storyline.web import create_app

from test_web_api import HOSTILE_LINES, build, example_store, fake_timeline_module

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = Path(__file__).resolve().parents[1] / "test-output" / "browser"


def _required() -> bool:
    return any(os.environ.get(n, "").strip().lower() not in ("", "0", "false", "no")
               for n in ("CI", "STORYLINE_REQUIRE_BROWSER"))


def _missing() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium, or scripts/install --test)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    why = _missing()
    if why:
        if _required():
            pytest.fail(f"{why}; CI / STORYLINE_REQUIRE_BROWSER demand the browser tests", pytrace=False)
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db_path: str) -> Iterator[str]:
    """A real uvicorn server for the store, on a free loopback port, in a thread."""
    import uvicorn

    app = create_app(db_path)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(10)
        app.state.store.close()


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> str:
    return example_store(tmp_path_factory)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


def real_timeline_or_fake(monkeypatch) -> bool:
    """Use storyline.timeline_store if it is merged; else the API tests' stand-in (same
    shape), so the pages are still exercised. Returns whether the real one is used."""
    try:
        import storyline.timeline_store  # noqa: F401
        return True
    except ImportError:
        monkeypatch.setitem(sys.modules, "storyline.timeline_store", fake_timeline_module([]))
        return False


def test_browse_stories_story_timeline_search_and_article(example_db, page, monkeypatch):
    real_timeline_or_fake(monkeypatch)
    store = open_store(example_db, readonly=True)
    crisis = story_store.list_stories(store, limit=1)[0]
    store.close()
    with serving(example_db) as base:
        timeline = httpx.get(f"{base}/api/stories/{crisis['id']}/timeline").json()
        # The stories page: every story, the crisis first, each with its coverage chart.
        page.goto(base + "/")
        rows = page.locator("tr.story-row")
        assert rows.count() == len(httpx.get(f"{base}/api/stories?limit=500").json()["items"])
        assert rows.first.locator("svg.spark rect").count() >= 1
        page.screenshot(path=SHOTS / "stories.png", full_page=True)

        # Click into the crisis story: the timeline comes first, with source chips.
        page.get_by_role("link", name=crisis["label"], exact=True).click()
        page.wait_for_url(f"**/stories/{crisis['id']}")
        entries = page.locator("li.entry")
        assert entries.count() == len(timeline["entries"]) > 0
        first = timeline["entries"][0]
        assert entries.first.locator("time").get_attribute("datetime") == first["date"]
        chips = entries.first.locator("li.tl-sentence").first.locator("a.chip")
        sources = first["sentences"][0]["sources"]
        assert chips.count() == len(sources)
        assert chips.first.get_attribute("href") == f"/articles/{sources[0]['article_id']}#s{sources[0]['sentence_index']}"
        assert page.locator("section.speakers details.speaker").count() >= 1
        assert page.locator("svg.grid.coverage rect").count() >= 1
        page.screenshot(path=SHOTS / "story.png", full_page=True)

        # A chip opens the article at that sentence (its line is highlighted by :target).
        chips.first.click()
        page.wait_for_url(f"**/articles/{sources[0]['article_id']}#s{sources[0]['sentence_index']}")
        assert page.evaluate("document.querySelector(':target').id") == f"s{sources[0]['sentence_index']}"
        page.screenshot(path=SHOTS / "article-from-chip.png")

        # Search from the header, then follow a result into its story.
        page.get_by_label("Search sentences").fill("sanctions")
        page.get_by_label("Search sentences").press("Enter")
        page.wait_for_url("**/search?q=sanctions")
        results = page.locator("li.result")
        assert results.count() > 5
        assert "sanction" in results.first.locator(".text").inner_text().lower()
        page.screenshot(path=SHOTS / "search.png", full_page=True)
        results.first.locator("a.story-link").click()
        page.wait_for_url("**/stories/*")
        assert page.locator("h1").count() == 1

        # Open an article at a line; boilerplate is folded and can be opened.
        store = open_store(example_db, readonly=True)
        aid = [a for a in db.list_articles(store, limit=100) if a["title"].startswith("Northford slaps sanctions")][0]["id"]
        store.close()
        page.goto(f"{base}/articles/{aid}#L9")
        assert page.evaluate("document.querySelector(':target').id") == "L9"
        noise = page.locator("details.noise").first
        assert not noise.evaluate("d => d.open")
        noise.locator("summary").click()
        assert noise.evaluate("d => d.open")
        assert page.locator(".m-entity").count() > 3 and page.locator(".m-date").count() >= 1
        page.screenshot(path=SHOTS / "article-line.png", full_page=True)


def test_hostile_content_never_runs(tmp_path, page):
    root = tmp_path / "hostile"
    db_path = build(root / "in", root / "hostile.db", HOSTILE_LINES)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    with serving(db_path) as base:
        arts = [a["id"] for a in httpx.get(f"{base}/api/articles").json()["items"]]
        stories = [s["id"] for s in httpx.get(f"{base}/api/stories").json()["items"]]
        urls = ["/", "/search?q=Quellhaven", "/search?q=script", "/entities"]
        urls += [f"/articles/{a}" for a in arts] + [f"/stories/{s}" for s in stories]
        assert len(urls) >= 8
        for n, url in enumerate(urls):
            page.goto(base + url)
            page.mouse.move(300, 120)  # over the title: an onmouseover would fire here
            for link in page.locator("a").all()[:3]:
                link.hover()
            assert page.evaluate("window.__pwned") is None, url
            assert page.locator("script, img, iframe, svg[onload], [onerror], [onmouseover]").count() == 0, url
            assert page.locator("a[href^='javascript:']").count() == 0, url
            page.screenshot(path=SHOTS / f"hostile-{n}.png")
    assert dialogs == [] and errors == []
