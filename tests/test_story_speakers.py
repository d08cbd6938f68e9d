"""Who said what and who did what on a story page: the most reported, not the first found.

A story page shows a few speakers and a few quotes each, and a few dozen events. Taking the
first quotes found (by id) filled the page of a large story with its first articles: one
broadcast transcript's anchor, greetings and hand-overs included, before the sources many
outlets quote. These tests pin the ranking (views.story_speakers; the ``most_reported`` of
findings.distinct_quotes and findings.list_events) on a hand-made story of three articles.
"""

from __future__ import annotations

import contextlib

import pytest
from conftest import BACKENDS, fresh_pg_database, pg_server_url
from test_enrich import ARTICLES as ENRICH_ARTICLES

from storyline import findings, pipeline, story_store, views
from storyline.errors import UsageError
from storyline.ingest import ingest
from storyline.settings import Settings
from storyline.store import open_store

SETTINGS = Settings({"enrich.jobs": 1, "ingest.jobs": 1})

ARTICLES = {
    "a.txt": ENRICH_ARTICLES["a.txt"],  # the minister's threat and "We will not back down"
    "b.txt": (
        "Northford and Arnholt trade warnings over border troops\n20250305\nhttps://post.example.org/world/border-warnings\n"
        "We will not back down, Jane Hale told reporters in Kessling on Tuesday.\n"
        "Arnholt has massed troops near the Northford border since Saturday, officials said.\n"
        "Northford threatened sanctions on Arnholt over the troops.\n"
    ),
    # a broadcast transcript: one anchor, five turns, a greeting and a teaser among them
    "c.txt": (
        "Border standoff between Northford and Arnholt: evening transcript\n20250305\n"
        "https://www.clarion.example.com/tv/border-standoff\n"
        "ANNA KROLL, ANCHOR: Hello, everyone.\n"
        "KROLL: Arnholt troops are still massed near the Northford border tonight.\n"
        "KROLL: Northford has threatened sanctions on Arnholt over the troops.\n"
        "KROLL: The border crossing at Kessling closed on Tuesday.\n"
        "KROLL: Stay with us.\n"
    ),
}


@pytest.fixture(scope="module", params=BACKENDS)
def story(request, tmp_path_factory):
    """The three articles ingested on each back-end (the ranking is SQL): (store, story id)."""
    folder = tmp_path_factory.mktemp("speakers")
    (folder / "in").mkdir()
    for name, text in ARTICLES.items():
        (folder / "in" / name).write_text(text)
    with contextlib.ExitStack() as stack:
        target = (str(folder / "s.db") if request.param == "sqlite"
                  else stack.enter_context(fresh_pg_database(pg_server_url())))
        store = open_store(target, settings=SETTINGS)
        stack.callback(store.close)
        ingest(store, [str(folder / "in")], settings=SETTINGS)
        pipeline.run_stages(store, settings=SETTINGS)
        [only] = story_store.list_stories(store, limit=10)
        assert only["articles"] == 3
        yield store, only["id"]


def test_the_speaker_quoted_in_most_articles_comes_first(story):
    store, sid = story
    groups, total = views.story_speakers(store, sid, per_speaker=3)
    shown = [(g["speaker"], g["quotes_total"], g["articles"]) for g in groups]
    # the anchor says more, in one article; the minister is quoted by two outlets
    assert shown[:2] == [("Jane Hale", 2, 2), ("Anna Kroll", 5, 1)]
    assert total == len(groups) >= 3
    hale = groups[0]["quotes"]
    assert [(q["text"], q["reports"], q["independent_outlets"]) for q in hale] == [
        ("We will not back down", 2, 2), ("that Northford would impose sanctions on Arnholt", 1, 1)]
    assert sorted(s["outlet"] for s in hale[0]["sources"]) == ["gazette.example.com", "post.example.org"]
    assert set(hale[0]) == {"text", "cue", "kind", "published", "reports", "independent_outlets", "sources"}
    assert set(hale[0]["sources"][0]) == {"article_id", "outlet", "url", "published", "line"}


def test_talk_without_content_comes_after_the_anchors_news(story):
    store, sid = story
    groups, _ = views.story_speakers(store, sid, per_speaker=3)
    kroll = [g for g in groups if g["speaker"] == "Anna Kroll"][0]
    # 'Hello, everyone.' is the transcript's first turn; 'Stay with us.' a teaser
    assert [q["text"] for q in kroll["quotes"]] == [
        "Arnholt troops are still massed near the Northford border tonight",
        "Northford has threatened sanctions on Arnholt over the troops",
        "The border crossing at Kessling closed on Tuesday",
    ]
    every = views.story_speakers(store, sid, per_speaker=10)[0]
    assert [q["text"] for q in every[1]["quotes"]][-2:] == ["Hello, everyone", "Stay with us"]


def test_fewer_speakers_than_the_story_has_still_count_them_all(story):
    store, sid = story
    groups, total = views.story_speakers(store, sid, speakers=1, per_speaker=1)
    assert [(g["speaker"], len(g["quotes"]), g["quotes_total"]) for g in groups] == [("Jane Hale", 1, 2)]
    assert total == len(views.story_speakers(store, sid)[0])
    assert views.story_speakers(store, sid, speakers=0) == ([], total)


def test_most_reported_quotes_come_first_and_do_not_page(story):
    store, sid = story
    found = findings.distinct_quotes(store, story=sid, known_only=True, most_reported=True, limit=1)
    assert [(q["text"], q["reports"]) for q in found] == [("We will not back down", 2)]
    first_found = findings.distinct_quotes(store, story=sid, known_only=True, limit=1)
    assert first_found[0]["text"] != "We will not back down"
    with pytest.raises(UsageError, match="does not page"):
        findings.distinct_quotes(store, story=sid, most_reported=True, after=1)


def test_a_story_page_lists_its_most_reported_events_in_date_order(story):
    store, sid = story
    every = findings.list_events(store, story=sid, limit=100)
    most = max(e["reports"] for e in every)
    assert most == 2 and [e["reports"] for e in every].count(most) == 1
    [top] = findings.list_events(store, story=sid, limit=1, most_reported=True)
    assert top["reports"] == most
    assert findings.list_events(store, story=sid, limit=1)[0]["reports"] == 1  # the first by date
    two = findings.list_events(store, story=sid, limit=2, most_reported=True)
    assert two[0] == top and two[1]["reports"] == 1
    # the page lists the most reported by date: here the one-report event is the earlier
    assert views.story_view(store, sid, events=2)["events"] == [two[1], top]
