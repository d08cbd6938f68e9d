"""The web app and JSON API through an in-process client: shapes, paging, errors, headers,
hostile content, the token rule for writes, and the read-only store.

Stores: the bundled example corpus (``examples/corpus``, invented for the project) and a
small hostile corpus written here (invented town Quellhaven; titles and text carry script
tags, event-handler attributes and ``javascript:`` URLs).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import subprocess
import sys
import types
import warnings
from pathlib import Path

import pytest

from storyline import findings, pipeline, story_store, views
from storyline.errors import ReadOnlyStore
from storyline.settings import Settings
from storyline.store import articles as db
from storyline.store import open_store
from storyline.web import create_app
from storyline.web.app import CSP
from storyline.web.pages import safe_url

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
QUIET = Settings({"ingest.progress": False})

HOSTILE_LINES = {
    "vote.txt": """<script>window.__pwned=1</script> Quellhaven council <img src=x onerror="window.__pwned=2"> vote
20250301
https://hostile.example/news/quellhaven-vote
Mayor Zora Blint said the council would vote on the bridge plan on Monday <script>window.__pwned=3</script>.
Readers can <a href="javascript:window.__pwned=4">click here</a> for the Quellhaven bridge plan, Zora Blint said.
The banner <svg onload="window.__pwned=5"></svg> appeared on the Quellhaven council website on Sunday.
Councillor Ivo Maren said the vote was a scandal <iframe src="javascript:window.__pwned=6"></iframe> and promised to appeal.
""",
    "delay.txt": """Quellhaven bridge vote <b onmouseover="window.__pwned=7">delayed</b>
20250302
https://hostile.example/news/quellhaven-bridge-delay
The Quellhaven council delayed the bridge vote on Sunday after Mayor Zora Blint fell ill.
Councillor Ivo Maren said the delay was <style>body{display:none}</style> unacceptable.
""",
    "feed.jsonl": json.dumps({"url": "javascript:window.__pwned=8", "title": "Bad link", "date_publish": "2025-03-03",
                              "maintext": "The Quellhaven council met on Monday to discuss the bridge plan again."}) + "\n"
    + json.dumps({"url": 'https://hostile.example/news/x"><script>window.__pwned=9</script>',
                  "title": 'Quote " breaking <script>window.__pwned=10</script>', "date_publish": "2025-03-03",
                  "maintext": "Mayor Zora Blint said the bridge plan would go ahead in April after the council vote."}) + "\n",
}
# What must never reach a page unescaped.
RAW_PAYLOADS = ("<script", "<img", "<svg onload", "<iframe", "<b onmouseover", "<style>", 'href="javascript:')

UPLOAD = b"""Tarrow ferry service resumes after storm
20250305
https://tarrow.example/news/ferry-resumes
The Tarrow ferry service resumed on Wednesday after two days of storms, the harbour master said.
Harbour master Edda Colm said the first crossing left at seven in the morning.
"""


def build(folder: Path, db_path: Path, files: dict[str, str] | None = None, *, enrich: bool = True) -> str:
    """A store of the inputs in ``folder`` (written from ``files`` if given), through every
    stage unless ``enrich`` is False."""
    if files:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    store = open_store(db_path)
    try:
        pipeline.ingest_and_process(store, [str(folder)], settings=QUIET, process=enrich)
    finally:
        store.close()
    return str(db_path)


def example_store(tmp_path_factory) -> str:
    """The example corpus, enriched, built once per test session (the web test files share
    it; nothing they do writes to it)."""
    folder = tmp_path_factory.getbasetemp() / "web-example"
    done = folder / "complete"
    if not done.exists():
        folder.mkdir(exist_ok=True)
        build(EXAMPLES, folder / "ex.db")
        done.write_text("ok")
    return str(folder / "ex.db")


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> str:
    return example_store(tmp_path_factory)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("hostile")
    return build(root / "in", root / "hostile.db", HOSTILE_LINES)


@pytest.fixture(scope="module")
def client(example_db) -> TestClient:
    return TestClient(create_app(example_db), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def store(example_db):
    opened = open_store(example_db, readonly=True)
    yield opened
    opened.close()


def crisis_story(store) -> dict:
    """The largest story: the Vellmark border crisis (examples/README.md)."""
    return story_store.list_stories(store, limit=1)[0]


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"] and sorted(body["error"]) == ["code", "message"]
    assert body["error"]["code"] == code and body["error"]["message"]
    return body


def walk(client, url: str, params: dict) -> list[dict]:
    """Every item of a listing, following ``next`` cursors."""
    out, cursor, pages = [], None, 0
    while True:
        r = client.get(url, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        assert sorted(body) == ["items", "next"]
        out += body["items"]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            return out
        assert pages < 100


# --- shapes -----------------------------------------------------------------------------------
def test_index_reports_counts_and_read_only(client):
    assert client.get("/api").json() == {
        "storyline": "0.1.0",
        "counts": {"articles": 42, "versions": 42, "sentences": 549, "outlets": 10, "rejections": 7},
        "writable": False, "prewarmed": {"stories": 20, "done": 0}, "openapi": "/api/openapi.json"}


def test_openapi_lists_every_endpoint(client):
    doc = client.get("/api/openapi.json").json()
    assert sorted(doc["paths"]) == [
        "/api", "/api/articles", "/api/articles/{article_id}", "/api/dyad", "/api/entities",
        "/api/entities/{entity_ref}", "/api/events", "/api/ingest", "/api/quotes", "/api/search", "/api/stories",
        "/api/stories/{story_id}", "/api/stories/{story_id}/timeline", "/api/timeline"]
    assert doc["info"]["title"] == "storyline"


def test_articles_page_through_every_article_once(client, store):
    items = walk(client, "/api/articles", {"limit": 5})
    assert [a["id"] for a in items] == [a["id"] for a in db.list_articles(store, limit=1000)]
    assert len(items) == 42
    assert sorted(items[0]) == ["id", "is_current", "n_sentences", "outlet", "published", "seq", "title", "url", "version"]
    only = walk(client, "/api/articles", {"outlet": "nbs.example", "limit": 2})
    assert {a["outlet"] for a in only} == {"nbs.example"} and len(only) == 5


def test_article_has_every_line_marks_story_and_copies(client, store):
    # ng-0307: a syndicated copy of the CPA sanctions story, with Gazette furniture (examples/README.md).
    [row] = [a for a in db.list_articles(store, limit=1000) if a["title"].startswith("Northford slaps sanctions")]
    body = client.get(f"/api/articles/{row['id']}").json()
    assert body["id"] == row["id"] and body["outlet"] == "northfordgazette.co.uk"
    assert len(body["sentences"]) == body["counts"]["sentences"]
    assert set(body["sentences"][0]) == {"article_id", "index", "line", "text", "kind", "start", "end", "marks", "reason"}
    kinds = {s["kind"] for s in body["sentences"]}
    assert kinds == {"text", "boilerplate"}
    assert all(s["reason"] for s in body["sentences"] if s["kind"] != "text")
    assert all(s["reason"] is None for s in body["sentences"] if s["kind"] == "text")
    marks = [m for s in body["sentences"] for m in s["marks"]]
    assert {m["kind"] for m in marks} == {"entity", "date", "quote"}
    assert all(set(m) == {"kind", "start", "end", "label", "entity_id", "title"} for m in marks)
    assert body["story_id"] == views.stories_of(store, [row["id"]])[row["id"]]
    copies = {c["outlet"] for c in body["copies"]}
    assert copies == {"continentalpress.example", "ardenpost.example", "eskebycourier.example",
                      "kestrelvalleyherald.example", "lakesideecho.example"}


def test_article_by_unique_prefix(client, store):
    aid = db.list_articles(store, limit=1)[0]["id"]
    assert client.get(f"/api/articles/{aid[:8]}").json()["id"] == aid


def test_stories_listing_pages_and_filters(client, store):
    items = walk(client, "/api/stories", {"limit": 3})
    assert items == story_store.list_stories(store, limit=1000)
    assert sorted(items[0]) == ["articles", "coverage", "entities", "first_day", "id", "independent_outlets", "label",
                                "last_day", "outlet_list", "outlets"]
    flood = client.get("/api/stories", params={"q": "Lowmere"}).json()["items"]
    assert any("Lowmere" in s["label"] for s in flood)
    assert all(s["last_day"] >= "2025-03-12" for s in client.get("/api/stories", params={"since": "2025-03-12"}).json()["items"])
    recent = client.get("/api/stories", params={"sort": "recent"}).json()["items"]
    assert [s["last_day"] for s in recent] == sorted((s["last_day"] for s in recent), reverse=True)


def test_story_json_is_the_library_view(client, store):
    story = crisis_story(store)
    body = client.get(f"/api/stories/{story['id']}").json()
    assert body == json.loads(json.dumps(views.story_view(store, story["id"])))
    assert sorted(body) == ["articles", "cooccurrence", "coverage", "coverage_by_outlet", "entities", "events",
                            "first_day", "id", "independent_outlets", "label", "last_day", "members", "outlet_counts",
                            "outlet_list", "outlets", "related", "speakers", "speakers_total", "summary",
                            "syndication_groups"]
    # The crisis's next phase, the summit, is its first related story; the page links it.
    summit = body["related"][0]
    assert summit["label"] == "Northford and Arnholt agree to pull back troops at Torvik summit"
    assert {"Northford", "Arnholt", "Vellmark"} <= {e["name"] for e in summit["shared"]}
    assert f'<a href="/stories/{summit["id"]}">' in client.get(f"/stories/{story['id']}").text
    whole = client.get(f"/api/stories/{story['id']}/timeline", params={"related": "true"}).json()
    assert [r["id"] for r in whole["related"]] == [r["id"] for r in body["related"]]
    assert whole["articles"] == body["articles"] + sum(r["articles"] for r in body["related"])
    assert f'href="/stories/{story["id"]}?related=true"' in client.get(f"/stories/{story['id']}").text
    assert "With the related stories" in client.get(f"/stories/{story['id']}", params={"related": "true"}).text
    # its most reported events with a named party, from a month before its first day, by date
    since = dt.date.fromisoformat(body["first_day"]) - dt.timedelta(days=30)
    assert body["events"] == views.in_date_order(findings.list_events(
        store, story=story["id"], limit=50, most_reported=True, named_only=True, since=since))
    assert body["events"] and all(e["actor_entity"] or e["target_entity"] for e in body["events"])
    unnamed = [e for e in findings.list_events(store, story=story["id"], limit=500) if not (e["actor_entity"] or e["target_entity"])]
    assert unnamed and not any(e in body["events"] for e in unnamed)
    assert sum(o["articles"] for o in body["outlet_counts"]) == body["articles"] == len(body["members"])
    hale = [g for g in body["speakers"] if g["speaker"] == "Jane Hale"]
    assert hale and all(set(q) == {"text", "cue", "kind", "published", "reports", "independent_outlets", "sources"}
                    for q in hale[0]["quotes"])
    # A stance (a position taken) is shown with its cue and without quote marks: no words of Arnholt's.
    arnholt = [g for g in body["speakers"] if g["speaker"] == "Arnholt"][0]
    stance = [q for q in arnholt["quotes"] if q["kind"] == "stance"][0]
    page = client.get(f"/stories/{story['id']}").text
    assert f'<span class="stance" title="a position taken, not words quoted">{html.escape(stance["cue"])} {html.escape(stance["text"])}</span>' in page
    assert f"<q>{html.escape(stance['text'])}</q>" not in page
    assert all(set(src) == {"article_id", "outlet", "url", "published", "line"} for q in hale[0]["quotes"] for src in q["sources"])
    # "We gave Brannvik every chance ..." (cpa-0307) is carried by the wire copies: one quote, many sources.
    chance = [q for q in hale[0]["quotes"] if q["text"].startswith("We gave Brannvik every chance")]
    assert len(chance) == 1 and len(chance[0]["sources"]) >= 4
    assert body["cooccurrence"]["entities"] and body["cooccurrence"]["pairs"]


def test_quotes_entities_and_search_page_like_the_library(client, store):
    quotes = walk(client, "/api/quotes", {"limit": 7})
    assert quotes == findings.list_quotes(store, limit=10_000)
    distinct = walk(client, "/api/quotes", {"limit": 7, "distinct": "true"})
    assert distinct == findings.distinct_quotes(store, limit=10_000)
    assert sum(q["reports"] for q in distinct) == len(quotes) > len(distinct)
    direct = walk(client, "/api/quotes", {"limit": 7, "kind": "direct"})
    assert direct == [q for q in quotes if q["kind"] == "direct"] and direct
    r = client.get("/api/quotes", params={"kind": "spoken"})
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("unknown quote kind 'spoken'")
    entities = walk(client, "/api/entities", {"limit": 9})
    assert entities == findings.list_entities(store, limit=10_000)
    people = walk(client, "/api/entities", {"label": "person", "limit": 9})
    assert people == [e for e in entities if e["label"] == "PERSON"] and people
    r = client.get("/api/entities", params={"label": "PEOPLE"})
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("unknown entity label 'PEOPLE'; labels are PERSON, NORP,")
    found = walk(client, "/api/search", {"q": "sanctions", "limit": 4})
    assert [r["sid"] for r in found] == [r["sid"] for r in db.search_sentences(store, "sanctions", limit=10_000)]
    assert len(found) > 8 and all("sanction" in r["text"].lower() for r in found)
    assert all(set(r) == {"sid", "article_id", "idx", "line", "text", "kind", "title", "outlet", "url", "published",
                          "source", "story_id"} for r in found)
    assert all(r["story_id"] for r in found)


def test_quotes_keep_to_the_days_they_were_reported(client, store):
    # "who said what this week": a quote is dated by the article carrying it
    every = findings.list_quotes(store, limit=10_000)
    days = sorted({q["published"] for q in every})
    assert len(days) > 2
    mid = days[len(days) // 2]
    since = walk(client, "/api/quotes", {"limit": 7, "since": mid})
    assert since == [q for q in every if q["published"] >= mid] and 0 < len(since) < len(every)
    until = walk(client, "/api/quotes", {"limit": 7, "until": mid})
    assert until == [q for q in every if q["published"] <= mid] and 0 < len(until) < len(every)
    day = dt.date.fromisoformat(mid)
    one = walk(client, "/api/quotes", {"distinct": "true", "since": mid, "until": mid, "limit": 7})
    assert one == findings.distinct_quotes(store, since=day, until=day, limit=10_000) and one
    assert {s["published"] for q in one for s in q["sources"]} == {mid}
    page = client.get("/quotes", params={"since": mid, "until": mid})
    assert page.status_code == 200
    assert f'<input name="since" type="date" value="{mid}">' in page.text
    assert all(html.escape(q["text"]) in page.text for q in one[:20])


def test_events_and_dyads_page_like_the_library(client, store):
    events = walk(client, "/api/events", {"limit": 6})
    assert events == findings.list_events(store, limit=10_000) and len(events) > 6
    sanctions = walk(client, "/api/events", {"type": "sanction", "actor": "Northford", "limit": 2})
    assert sanctions == findings.list_events(store, type="SANCTION", actor="Northford", limit=10_000)
    assert sanctions and all(e["type"] == "SANCTION" for e in sanctions)
    body = client.get("/api/dyad", params={"a": "Northford", "b": "Arnholt"}).json()
    assert body == {"a": "Northford", "b": "Arnholt", "days": findings.dyad(store, "Northford", "Arnholt")}
    assert body["days"]
    bad = client.get("/api/events", params={"type": "INVADE"})
    assert bad.status_code == 422 and "PLOVER types are" in bad.json()["error"]["message"]
    assert client.get("/api/dyad", params={"a": "Northford", "b": "  "}).status_code == 422
    swapped = {"since": "2025-03-05", "until": "2025-03-01"}
    for path, extra in (("/api/events", {}), ("/api/quotes", {}), ("/api/dyad", {"a": "Northford", "b": "Arnholt"}), ("/api/articles", {}),
                        ("/api/stories", {}), ("/api/search", {"q": "troops"})):
        r = client.get(path, params={**extra, **swapped})
        assert (r.status_code, r.json()["error"]["message"]) == (422, "since (2025-03-05) is after until (2025-03-01): swap them"), path


def test_events_come_in_date_order_or_newest_first_and_a_short_listing_is_the_head_of_the_long_one(client, store):
    every = findings.list_events(store, limit=10_000)
    keys = [(e["date"], e["key"]) for e in every]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert findings.list_events(store, limit=5) == every[:5]
    newest = findings.list_events(store, limit=10_000, newest_first=True)
    assert [e["date"] for e in newest] == sorted((e["date"] for e in every), reverse=True)
    assert {e["key"] for e in newest} == {e["key"] for e in every}
    assert walk(client, "/api/events", {"limit": 7, "newest": "true"}) == newest
    later = dt.date.fromisoformat(every[0]["date"]) + dt.timedelta(days=1)
    since = findings.list_events(store, since=later, limit=10_000)
    assert since and all(e["date"] >= later.isoformat() for e in since)


def test_quotes_rank_by_reports_and_quotes_and_events_have_pages(client, store):
    ranked = walk(client, "/api/quotes", {"limit": 5, "distinct": "true", "sort": "reports"})
    assert ranked == findings.distinct_quotes(store, limit=10_000, most_reported=True)
    reports = [q["reports"] for q in ranked]
    assert reports == sorted(reports, reverse=True) and reports[0] > 1 == reports[-1]
    assert sorted(map(json.dumps, ranked)) == sorted(map(json.dumps, findings.distinct_quotes(store, limit=10_000)))
    r = client.get("/api/quotes", params={"sort": "reports"})
    assert r.status_code == 422 and "add distinct=true" in r.json()["error"]["message"]
    assert client.get("/api/quotes", params={"sort": "loudest", "distinct": "true"}).status_code == 422
    # the pages: a filter form, each statement with its speaker, the JSON twin as the API's
    page = client.get("/quotes", params={"speaker": "Jane Hale", "sort": "reports"}).text
    assert '<option value="reports" selected>most reported first</option>' in page
    hale = findings.distinct_quotes(store, speaker="Jane Hale", limit=50, most_reported=True)
    assert page.count('<li class="quote"><b class="speaker">') == len(hale) > 0
    assert html.escape(hale[0]["text"]) in page
    twin = client.get("/quotes", params={"speaker": "Jane Hale", "sort": "reports", "format": "json"}).json()
    assert twin == client.get("/api/quotes", params={"speaker": "Jane Hale", "sort": "reports", "distinct": "true"}).json()
    page = client.get("/events", params={"type": "sanction", "actor": "Northford"}).text
    sanctions = findings.list_events(store, type="SANCTION", actor="Northford", limit=50)
    assert page.count('<li class="event"><span class="label">SANCTION</span>') == len(sanctions) > 0
    assert "<option selected>SANCTION</option>" in page
    bad = client.get("/events", params={"type": "INVADE"})
    assert bad.status_code == 200 and '<p class="problem">unknown event type' in bad.text
    assert client.get("/events", params={"type": "INVADE", "format": "json"}).status_code == 422
    home = client.get("/").text
    assert '<a href="/quotes">Quotes</a>' in home and '<a href="/events">Events</a>' in home


def test_dyad_page_charts_both_directions_and_lists_the_events(client, store):
    page = client.get("/dyad", params={"a": "Northford", "b": "Arnholt"})
    assert page.status_code == 200
    html = page.text
    assert html.count('<svg class="escalation"') == 2
    days = findings.dyad(store, "Northford", "Arnholt")
    assert html.count("<rect class=") == len(days)  # one bar per day with events, both ways
    # both charts print the same axis ends: the first and last day of either direction
    first, last = min(d["date"] for d in days), max(d["date"] for d in days)
    assert html.count(f'<text class="axis" x="0" y="132">{first}</text>') == 2
    assert html.count(f'text-anchor="end">{last}</text>') == 2
    twin = client.get("/dyad", params={"a": "Northford", "b": "Arnholt", "format": "json"}).json()
    # a name matches its entity or the text as written ("14 Arnholt officials"), either way round
    assert twin["days"] == days and twin["events"] and all(
        ("Northford" in e["actor"] and "Arnholt" in e["target"]) or ("Arnholt" in e["actor"] and "Northford" in e["target"])
        for e in twin["events"])
    assert "Give both actors" in client.get("/dyad", params={"a": "Northford"}).text
    assert client.get("/dyad").status_code == 200


def test_stopping_the_server_while_it_prewarms_never_crashes_it(example_db):
    # the prewarm thread may be in a query when the server stops: the store must not be closed
    # under it (SQLite then crashes the process, which a subprocess shows as a signal)
    script = ("import sys\nfrom fastapi.testclient import TestClient\nfrom storyline.web.app import create_app\n"
              "for _ in range(10):\n    with TestClient(create_app(sys.argv[1])) as c:\n"
              "        c.get('/api/entities/Jane Hale')\nprint('stopped cleanly')\n")
    done = subprocess.run([sys.executable, "-c", script, example_db], capture_output=True, text=True, timeout=300)
    assert (done.returncode, done.stdout) == (0, "stopped cleanly\n"), done.stderr[-2000:]


def test_an_entity_page_is_computed_once_whatever_name_it_is_asked_by(example_db):
    with TestClient(create_app(example_db, settings=Settings({"web.prewarm_stories": 0}))) as c:
        cache = c.app.state.cache
        first = c.get("/api/entities/Jane Hale").json()
        misses, hits = cache.misses, cache.hits
        assert c.get(f"/api/entities/{first['id']}").json() == first
        assert c.get("/entities/Hale").status_code == 200  # a variant: the same entity
        assert (cache.misses, cache.hits) == (misses, hits + 2)


def test_entity_by_name_has_stories_quotes_and_mentions(client):
    body = client.get("/api/entities/Jane Hale").json()
    assert body["name"] == "Jane Hale" and body["label"] == "PERSON"
    assert sorted(body) == ["articles", "events_against", "events_by", "id", "label", "mentions", "mentions_per_day",
                            "name", "quotes_about", "quotes_by", "stories", "variants"]
    assert body["events_by"] and all(e["actor_entity"] == body["id"] for e in body["events_by"])
    assert body["stories"] and body["quotes_by"]
    assert all(q["speaker_entity"] == body["id"] for q in body["quotes_by"])
    # each statement once: the wire quote carried by six sites of one syndication group
    [chance] = [q for q in body["quotes_by"] if q["text"].startswith("We gave Brannvik every chance")]
    assert (chance["reports"], chance["independent_outlets"]) == (len(chance["sources"]), 1) and chance["reports"] > 1
    # the most reported statements first; events (the most reported) in date order
    reports = [q["reports"] for q in body["quotes_by"]]
    assert reports == sorted(reports, reverse=True) and reports[0] > reports[-1]
    assert [e["date"] for e in body["events_by"]] == sorted(e["date"] for e in body["events_by"])
    assert all(q["speaker_entity"] != body["id"] for q in body["quotes_about"])
    assert sum(d["articles"] for d in body["mentions_per_day"]) == body["articles"]


def test_every_page_has_a_json_twin_with_the_api_data(client, store):
    story = crisis_story(store)
    aid = db.list_articles(store, limit=1)[0]["id"]
    assert client.get("/?format=json&limit=4").json() == client.get("/api/stories?limit=4").json()
    assert client.get(f"/articles/{aid}?format=json").json() == client.get(f"/api/articles/{aid}").json()
    assert client.get("/search?q=troops&format=json").json() == client.get("/api/search?q=troops").json()
    assert client.get("/entities?format=json").json() == client.get("/api/entities").json()
    assert client.get("/entities/Jane Hale?format=json").json() == client.get("/api/entities/Jane Hale").json()
    twin = client.get(f"/stories/{story['id']}?format=json").json()
    assert sorted(twin) == ["story", "timeline"] and twin["story"] == client.get(f"/api/stories/{story['id']}").json()


# --- timelines --------------------------------------------------------------------------------
def fake_timeline_module(calls: list) -> types.ModuleType:
    """A stand-in for storyline.timeline_store with the documented result shape."""

    def timeline_for(store, *, story=None, query=None, since=None, until=None, dates=None, per_date=None, related=False,
                     settings=None):
        calls.append((story, query))
        first = story_store.story_article_ids(store, story)[0] if story else db.list_articles(store, limit=1)[0]["id"]
        line = store.scalar("SELECT line FROM sentences WHERE article_id = ? AND idx = 0", (first,))
        source = {"article_id": first, "outlet": "nbs.example", "url": "https://www.nbs.example/x", "line": line,
                  "sentence_index": 0, "published": "2025-03-03"}
        return {"entries": [
            {"date": "2025-03-01", "granularity": "month", "independent_outlets": 2,
             "sentences": [{"text": "Troops <b>massed</b> near the border.", "independent_outlets": 2, "sources": [source]}]},
            {"date": "2025-03-03", "granularity": "day", "independent_outlets": 1,
             "sentences": [{"text": "Northford put its forces on alert.", "independent_outlets": 1, "sources": [source]}]}]}

    module = types.ModuleType("storyline.timeline_store")
    module.timeline_for = timeline_for  # type: ignore[attr-defined]
    return module


def test_timeline_api_and_story_page_show_entries_with_source_chips(client, store, monkeypatch):
    calls: list = []
    monkeypatch.setitem(sys.modules, "storyline.timeline_store", fake_timeline_module(calls))
    client.app.state.cache.clear()  # timelines the real module built for earlier tests
    story = crisis_story(store)
    first = story_store.story_article_ids(store, story["id"])[0]
    body = client.get(f"/api/stories/{story['id'][:8]}/timeline").json()
    assert [e["date"] for e in body["entries"]] == ["2025-03-01", "2025-03-03"]
    assert client.get(f"/api/stories/{story['id']}/timeline").json() == body
    assert calls == [(story["id"], None)]  # the second request came from the cache
    html = client.get(f"/stories/{story['id']}").text
    assert '<time datetime="2025-03-01">2025-03</time>' in html
    assert '<time datetime="2025-03-03">2025-03-03</time>' in html
    # the head says how many outlets (it had read "10 outlets independent of 10")
    assert story["independent_outlets"] == story["outlets"]
    assert f"{story['articles']} articles from {story['outlets']} outlets</p>" in html
    assert f'<a class="chip" href="/articles/{first}#s0"' in html
    assert "Troops &lt;b&gt;massed&lt;/b&gt; near the border." in html
    assert client.get("/api/timeline", params={"q": "troops"}).json()["entries"][0]["date"] == "2025-03-01"
    assert calls[-1] == (None, "troops")


def test_timeline_parameters_are_checked(client, store, monkeypatch):
    monkeypatch.setitem(sys.modules, "storyline.timeline_store", fake_timeline_module([]))
    sid = crisis_story(store)["id"]
    assert_error(client.get(f"/api/stories/{sid}/timeline?dates=0"), 422, "BAD_REQUEST")
    assert_error(client.get(f"/api/stories/{sid}/timeline?per_date=1000"), 422, "BAD_REQUEST")
    assert_error(client.get("/api/stories/ffffffffffff/timeline"), 404, "NOT_FOUND")
    assert_error(client.get("/api/timeline"), 422, "BAD_REQUEST")


def test_timeline_missing_is_503_and_the_story_page_still_renders(client, store, monkeypatch):
    monkeypatch.setitem(sys.modules, "storyline.timeline_store", None)  # import fails
    client.app.state.cache.clear()
    sid = crisis_story(store)["id"]
    assert_error(client.get(f"/api/stories/{sid}/timeline"), 503, "NOT_AVAILABLE")
    page = client.get(f"/stories/{sid}")
    assert page.status_code == 200 and "timelines are not available" in page.text


def test_real_timeline_has_the_documented_shape(client, store):
    pytest.importorskip("storyline.timeline_store", reason="storyline.timeline_store is not merged yet")
    body = client.get(f"/api/stories/{crisis_story(store)['id']}/timeline").json()
    assert body["entries"]
    for entry in body["entries"]:
        assert {"date", "granularity", "independent_outlets", "sentences"} <= set(entry)
        for s in entry["sentences"]:
            assert {"text", "independent_outlets", "sources"} <= set(s)
            assert all({"article_id", "outlet", "url", "line", "sentence_index", "published"} <= set(src)
                       for src in s["sources"])


def test_the_largest_stories_are_computed_when_the_server_starts(example_db, store):
    import time

    n_stories = len(story_store.list_stories(store, limit=1000))
    with TestClient(create_app(example_db, settings=Settings({"web.prewarm_stories": 3}))) as c:
        deadline = time.monotonic() + 60
        while c.get("/api").json()["prewarmed"] != {"stories": 3, "done": 3}:
            assert time.monotonic() < deadline, c.get("/api").json()
            time.sleep(0.1)
        cache = c.app.state.cache
        hits = cache.hits
        largest = story_store.list_stories(store, limit=1)[0]["id"]
        assert c.get(f"/stories/{largest}").status_code == 200
        assert cache.hits == hits + 2  # the story view and its timeline
    assert n_stories > 3


# --- errors -----------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["/api/articles/0000000000000000", "/api/stories/nosuchstory", "/api/entities/Nobody Atall",
                                 "/api/nothing-here", "/api/articles/abc/extra"])
def test_unknown_ids_and_routes_are_404_with_the_error_shape(client, url):
    assert_error(client.get(url), 404, "NOT_FOUND")


@pytest.mark.parametrize("url, code", [
    ("/api/articles?limit=0", "BAD_REQUEST"), ("/api/articles?limit=100000", "BAD_REQUEST"),
    ("/api/articles?limit=ten", "BAD_REQUEST"), ("/api/articles?since=2025-13-45", "BAD_REQUEST"),
    ("/api/stories?sort=sideways", "BAD_REQUEST"), ("/api/stories?min_articles=-1", "BAD_REQUEST"),
    ("/api/search", "BAD_REQUEST"), ("/api/search?q=the", "BAD_REQUEST"), ("/api/search?q=%22%22", "BAD_REQUEST"),
    ("/api/articles?cursor=not-a-cursor", "BAD_CURSOR"), ("/api/quotes?cursor=%00%01", "BAD_CURSOR"),
    ("/?format=xml", "BAD_REQUEST"),
])
def test_bad_parameters_are_422_with_the_error_shape(client, url, code):
    assert_error(client.get(url, headers={"accept": "application/json"}), 422, code)


def test_a_cursor_from_another_listing_is_refused(client):
    cursor = client.get("/api/stories?limit=1").json()["next"]
    assert cursor
    assert_error(client.get("/api/articles", params={"cursor": cursor}), 422, "BAD_CURSOR")


def test_wrong_method_is_405_with_the_error_shape(client):
    assert_error(client.post("/api/stories"), 405, "METHOD_NOT_ALLOWED")
    assert_error(client.delete("/api/articles/abc"), 405, "METHOD_NOT_ALLOWED")


ODD = ["", " ", "%", "'", '"', "\\", "../../etc/passwd", "<script>", "a" * 300, "é" * 50, "\u202e\u200b", "😀",
       "NEAR(", "x OR", "-", "*", "1;DROP TABLE articles", "\ud7ff", "null", "0" * 16]


@pytest.mark.parametrize("value", ODD)
def test_odd_input_never_gives_a_500(client, value):
    urls = [("/api/articles/{}", None), ("/api/stories/{}", None), ("/api/entities/{}", None),
            ("/api/stories/{}/timeline", None), ("/articles/{}", None), ("/stories/{}", None), ("/entities/{}", None),
            ("/api/search", "q"), ("/api/stories", "q"), ("/api/stories", "entity"), ("/api/articles", "outlet"),
            ("/api/quotes", "speaker"), ("/api/quotes", "article"), ("/api/entities", "label"), ("/search", "q"),
            ("/api/articles", "cursor"), ("/api/articles", "since")]
    for pattern, param in urls:
        if param is None:
            if not value.strip("/ ."):
                continue
            from urllib.parse import quote

            r = client.get(pattern.format(quote(value, safe="")))
        else:
            r = client.get(pattern, params={param: value})
        assert r.status_code in (200, 404, 422, 503), (pattern, param, r.status_code, r.text[:200])
        if r.status_code != 200 and r.headers["content-type"].startswith("application/json"):
            assert set(r.json()["error"]) == {"code", "message"}


def test_pages_answer_errors_as_html_with_the_code(client):
    r = client.get("/stories/nosuchstory")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "<code>NOT_FOUND</code>" in r.text
    assert_error(client.get("/stories/nosuchstory?format=json"), 404, "NOT_FOUND")
    assert_error(client.get("/no/such/page", headers={"accept": "application/json"}), 404, "NOT_FOUND")


# --- headers and hostile content -------------------------------------------------------------
@pytest.mark.parametrize("url", ["/", "/api", "/api/stories", "/static/style.css", "/api/nothing", "/search?q=x",
                                 "/no/such/page"])
def test_security_headers_on_every_response(client, url):
    h = client.get(url).headers
    assert h["content-security-policy"] == CSP
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP and "script-src 'none'" in CSP
    assert "frame-ancestors 'none'" in CSP and "default-src 'none'" in CSP
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"
    assert h["referrer-policy"] == "no-referrer"


def test_pages_carry_no_script_inline_style_or_external_resource(client, store):
    story = crisis_story(store)
    aid = db.list_articles(store, limit=1)[0]["id"]
    for url in ["/", f"/stories/{story['id']}", f"/articles/{aid}", "/entities", "/entities/Jane Hale", "/search?q=troops"]:
        html = client.get(url).text.lower()
        assert "<script" not in html and " style=" not in html and "<style" not in html, url
        assert 'src="http' not in html and 'href="//' not in html, url
        assert '<link rel="stylesheet" href="/static/style.css">' in html


def hostile_pages(client) -> list[str]:
    arts = [a["id"] for a in client.get("/api/articles").json()["items"]]
    stories = [s["id"] for s in client.get("/api/stories").json()["items"]]
    ents = [e["id"] for e in client.get("/api/entities").json()["items"]]
    return (["/", "/entities", "/search?q=Quellhaven", "/search?q=script", "/stories/nosuch"]
            + [f"/articles/{a}" for a in arts] + [f"/stories/{s}" for s in stories] + [f"/entities/{e}" for e in ents])


def test_hostile_titles_text_and_urls_are_escaped(hostile_db):
    c = TestClient(create_app(hostile_db), raise_server_exceptions=False)
    titles = [a["title"] for a in c.get("/api/articles").json()["items"]]
    assert any("<script>window.__pwned=1</script>" in t for t in titles)  # stored as written...
    pages = hostile_pages(c)
    assert len(pages) >= 8
    escaped = 0
    for url in pages:
        r = c.get(url)
        assert r.status_code in (200, 404), url
        html = r.text.lower()
        for payload in RAW_PAYLOADS:
            assert payload not in html, (url, payload)  # ...and never reaches a page as markup
        escaped += html.count("&lt;script&gt;")
    assert escaped >= 5
    vote = [a for a in c.get("/api/articles").json()["items"] if a["url"].endswith("quellhaven-vote")][0]
    html = c.get(f"/articles/{vote['id']}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; Quellhaven council &lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt; vote" in html


def test_javascript_urls_are_rejected_at_ingest_and_never_linked(hostile_db):
    store = open_store(hostile_db, readonly=True)
    try:
        assert [r["code"] for r in db.rejections(store)] == ["BAD_URL"]
    finally:
        store.close()
    assert safe_url("javascript:alert(1)") == "#"
    assert safe_url(" JavaScript:alert(1)") == "#"
    assert safe_url("data:text/html,<script>") == "#"
    assert safe_url("https://ok.example/a?b=1") == "https://ok.example/a?b=1"
    assert safe_url(None) == "#"


# --- writing ----------------------------------------------------------------------------------
def file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_without_a_token_the_store_is_read_only_and_uploads_are_refused(example_db, client):
    before = file_digest(example_db)
    app_store = client.app.state.store
    assert app_store.readonly
    with pytest.raises(ReadOnlyStore):
        app_store.execute("DELETE FROM articles")
    assert_error(client.post("/api/ingest", content=UPLOAD), 403, "READ_ONLY")
    assert_error(client.post("/api/ingest", content=UPLOAD, headers={"authorization": "Bearer x"}), 403, "READ_ONLY")
    for url in ["/", "/api/stories", "/search?q=troops"]:
        client.get(url)
    assert file_digest(example_db) == before


def test_uploads_need_the_token_and_are_size_capped(tmp_path):
    db_path = build(tmp_path / "in", tmp_path / "w.db", {"one.txt": UPLOAD.decode().replace("ferry-resumes", "first")
                                                           .replace("Tarrow ferry service resumes", "Tarrow harbour opens")})
    app = create_app(db_path, token="s3cret", settings=Settings({"web.max_upload_bytes": 2000, "ingest.progress": False}))
    c = TestClient(app, raise_server_exceptions=False)
    assert c.get("/api").json()["writable"] is True
    assert_error(c.post("/api/ingest", content=UPLOAD), 401, "UNAUTHORIZED")
    r = c.post("/api/ingest", content=UPLOAD, headers={"authorization": "Bearer wrong"})
    assert_error(r, 401, "UNAUTHORIZED")
    assert r.headers["www-authenticate"] == "Bearer"
    assert_error(c.post("/api/ingest", content=b"x" * 2001, headers={"authorization": "Bearer s3cret"}), 413, "TOO_LARGE")
    assert_error(c.post("/api/ingest", content=b"  \n", headers={"authorization": "Bearer s3cret"}), 422, "BAD_REQUEST")
    r = c.post("/api/ingest", files={"file": ("one.txt", UPLOAD)}, headers={"authorization": "Bearer s3cret"})
    assert_error(r, 415, "BAD_REQUEST")
    assert r.json()["error"]["message"].startswith("send the file itself as the request body")
    # what curl --data-binary sends by default: refused, with the header that makes it work
    r = c.post("/api/ingest", content=UPLOAD, headers={"authorization": "Bearer s3cret",
                                                        "content-type": "application/x-www-form-urlencoded"})
    assert_error(r, 415, "BAD_REQUEST")
    assert "-H 'Content-Type: text/plain'" in r.json()["error"]["message"]
    r = c.post("/api/ingest", content=UPLOAD, headers={"authorization": "Bearer s3cret"})
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["articles_read"], report["added"], report["rejected"]) == (1, 1, 0)
    assert set(report["stages"]) == {"clean", "dedup", "enrich", "stories"}
    titles = [a["title"] for a in c.get("/api/articles").json()["items"]]
    assert titles == ["Tarrow harbour opens after storm", "Tarrow ferry service resumes after storm"]
    again = c.post("/api/ingest", content=UPLOAD, headers={"authorization": "Bearer s3cret"}).json()
    assert (again["added"], again["unchanged"]) == (0, 1)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_the_app_reads_both_store_back_ends(backend, tmp_path, request):
    if backend == "sqlite":
        target = str(tmp_path / "s.db")
    else:
        from conftest import fresh_pg_database, pg_server_url

        ctx = fresh_pg_database(pg_server_url())
        target = ctx.__enter__()
        request.addfinalizer(lambda: ctx.__exit__(None, None, None))
    store = open_store(target)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(UPLOAD.decode(), encoding="utf-8")
    pipeline.ingest_and_process(store, [str(tmp_path / "in")], settings=QUIET)
    store.close()
    app = create_app(target)
    c = TestClient(app, raise_server_exceptions=False)
    try:
        [article] = c.get("/api/articles").json()["items"]
        assert article["title"] == "Tarrow ferry service resumes after storm"
        hits = c.get("/api/search", params={"q": "harbour master"}).json()["items"]
        assert [h["line"] for h in hits] == [4, 5]
        assert c.get(f"/articles/{article['id']}").status_code == 200
        [story] = c.get("/api/stories").json()["items"]
        assert c.get(f"/api/stories/{story['id']}").json()["members"][0]["id"] == article["id"]
        assert_error(c.get("/api/articles/ffffffffffffffff"), 404, "NOT_FOUND")
    finally:
        app.state.store.close()
