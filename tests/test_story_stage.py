"""The stories stage on a store: a late syndicated copy joins its story, and (with
``story_archive``) batch size and restarts do not change the stories.

Every article here is invented for these tests."""

from __future__ import annotations

import json

from storyline import pipeline
from storyline.settings import Settings
from storyline.story_store import GENERATION, STATE
from storyline.store import open_store

BRIDGE = ("Engineers shut the Kest bridge on Monday after an inspection found a cracked bearing in its "
          "main span. The bridge carries about 40,000 vehicles a day between Portlake and the ferry "
          "terminal. Harbour authority chief Alana Reeves said the closure would last at least three "
          "weeks while every bearing is replaced.")
ARTICLES = {  # name: (day of March 2025, outlet host, title, text)
    "bridge": (3, "wire.example", "Kest bridge shut after crack found", BRIDGE),
    "bridge-local": (4, "eastvale.example", "Kest bridge closed", BRIDGE),
    "quake": (5, "gazette.example", "Earthquake shakes Arnholt",
              "A magnitude 6.1 earthquake shook northern Arnholt on Wednesday, damaging homes in Kessel. "
              "Rescue teams searched collapsed buildings as aftershocks rattled the mountain town."),
    "quake-2": (6, "herald.example", "Arnholt quake death toll rises",
                "The death toll from the earthquake in northern Arnholt rose to 14 on Thursday. Rescue "
                "teams in Kessel searched collapsed buildings for survivors after the aftershocks."),
    "summit": (17, "courier.example", "Leaders meet in Torvik for border summit",
               "The leaders of Northford and Arnholt met in Torvik on Monday for a summit on the "
               "disputed Vellmark border. Both sides said they hoped to agree a troop withdrawal."),
    "summit-2": (18, "gazette.example", "Torvik summit agrees troop withdrawal",
                 "Northford and Arnholt agreed at the Torvik summit on Tuesday to withdraw troops from "
                 "the disputed Vellmark border within a month."),
    "strike": (31, "herald.example", "Dock strike ends in Osterby",
               "Dock workers in Osterby ended their strike on Monday after the port authority agreed a "
               "pay rise of four percent. Ships began unloading at the harbour within hours."),
}
LATE = {"bridge-late": (5, "lakeshore.example", "Cracked bearing closes Kest bridge", BRIDGE)}


def write(root, articles):
    root.mkdir(parents=True)
    for name, (d, host, title, text) in articles.items():
        lines = [title, f"202503{d:02d}", f"https://{host}/news/{name}", *[s.strip() + "." for s in text.split(".") if s.strip()]]
        (root / f"{d:02d}-{name}.txt").write_text("\n".join(lines) + "\n")  # read in date order
    return root


def run(target, folders, batch):
    settings = Settings({"stories.batch_articles": batch})
    store = open_store(target)
    for folder in folders:
        pipeline.ingest_and_process(store, [str(folder)], process=False)
        pipeline.run_stages(store, settings=settings)
    return store


def stories_of(store):
    members = dict(store.rows("SELECT article_id, story_id FROM story_members"))
    names = dict(store.rows("SELECT id, url FROM articles"))
    by_story = {}
    for aid, sid in members.items():
        by_story.setdefault(sid, []).append(names[aid].rsplit("/", 1)[1])
    rows = store.rows("SELECT id, label, first_day, last_day, articles, outlets, independent, entities, "
                      "outlet_list, coverage FROM stories ORDER BY id")
    return sorted(sorted(v) for v in by_story.values()), [tuple(r) for r in rows]


def test_a_late_copy_joins_its_story_though_the_groups_id_changed(store_target, tmp_path):
    store = run(store_target, [write(tmp_path / "first", ARTICLES), write(tmp_path / "late", LATE)], batch=2000)
    try:
        groups, _ = stories_of(store)
        assert groups == [["bridge", "bridge-late", "bridge-local"], ["quake", "quake-2"],
                          ["strike"], ["summit", "summit-2"]]
        # the late copy's id is the group's smallest, so the group's id changed when it joined
        ids = {url.rsplit("/", 1)[1]: aid for url, aid in store.rows("SELECT url, id FROM articles")}
        assert ids["bridge-late"] < min(ids["bridge"], ids["bridge-local"])
        assert store.scalar("SELECT group_id FROM syndication_members WHERE article_id = ?", (ids["bridge"],)) == ids["bridge-late"]
    finally:
        store.close()


def test_batches_restarts_and_a_late_copy_give_the_stories_of_one_run(store_target, tmp_path):
    first = write(tmp_path / "first", ARTICLES)
    late = write(tmp_path / "late", LATE)
    batched = run(store_target, [first, late], batch=2)
    whole = run(str(tmp_path / "whole.db"), [first, late], batch=2000)
    try:
        groups, rows = stories_of(batched)
        assert groups == [["bridge", "bridge-late", "bridge-local"], ["quake", "quake-2"],
                          ["strike"], ["summit", "summit-2"]]
        assert (groups, rows) == stories_of(whole)
        # only the story still open (the strike, 31 March) is in the state; the rest are archived
        state = json.loads(batched.scalar("SELECT state FROM stage_state WHERE name = ?", (STATE,)))
        strike = batched.scalar("SELECT story_id FROM story_members m JOIN articles a ON a.id = m.article_id "
                                "WHERE a.url LIKE '%/strike'")
        assert [s["id"] for s in state["stories"]] == [strike]
        archived = {r[0] for r in batched.rows("SELECT story_id FROM story_archive")}
        assert archived == {r[0] for r in rows} - {strike}
        # the late copy was read back from the archive, joined, and written back with it
        bridge = next(json.loads(r[0]) for r in batched.rows("SELECT state FROM story_archive")
                      if len(json.loads(r[0])["members"]) == 3)
        assert bridge["first_day"] == "2025-03-03" and bridge["active"] is False
        assert batched.scalar("SELECT COUNT(*) FROM story_groups") == 1
    finally:
        batched.close()
        whole.close()


def test_two_processes_writing_stories_in_turn_give_the_stories_of_one(store_target, tmp_path):
    from storyline.story_store import StoriesWriter
    from storyline.store import articles as db

    first = write(tmp_path / "first", ARTICLES)
    late = write(tmp_path / "late", LATE)
    settings = Settings({"stories.batch_articles": 2})
    store = open_store(store_target)
    other = open_store(store_target)  # a second process's handle on the same store
    whole = run(str(tmp_path / "whole.db"), [first, late], batch=2000)
    try:
        for folder in (first, late):
            pipeline.ingest_and_process(store, [str(folder)], process=False)
        pipeline.run_stages(store, settings=settings, only=["clean", "dedup", "enrich"])
        pending = db.pending(store, "stories")
        a, b = StoriesWriter(store, settings), StoriesWriter(other, settings)
        assert a.batch(pending[:3])["articles"] == 3
        # b read nothing yet; it must see a's batch, and not place a's articles again
        assert b.batch(pending[:5])["articles"] == 2
        assert a.batch(pending[5:])["articles"] == len(pending) - 5  # a sees b's batch in turn
        assert stories_of(store) == stories_of(whole)
        assert store.scalar("SELECT state FROM stage_state WHERE name = ?", (GENERATION,)) == "3"
    finally:
        store.close()
        other.close()
        whole.close()


def test_key_entities_leave_out_the_agencies_and_outlets_that_reported_the_story():
    from storyline.story_store import news_source

    outlets = ["www.reuters.com", "washingtonpost.com", "northford-gazette.example"]
    assert [news_source(n, outlets) for n in ("Reuters", "Washington Post", "CNN", "A.F.P.", "NATO", "Northford")] == [
        True, True, True, True, False, False]
    assert news_source("Gazette", ["gazette.example.com"]) and not news_source("Gazette", ["herald.example.com"])


def test_key_entities_show_a_people_as_its_country_when_the_story_names_both():
    from storyline.story_store import shown_entities

    names = {n: (n, "GPE") for n in ("Syria", "Syrian", "China", "Turkish", "Arab", "Syrians", "Iraq")}
    # Syrian folds into Syria; Turkish stays (no Turkey in the story); Arab names no country.
    shown = shown_entities(["Syrian", "Syria", "China", "Arab", "Turkish"], names, [])
    assert [e["name"] for e in shown] == ["Syria", "China", "Arab", "Turkish"]
    assert [e["name"] for e in shown_entities(["Iraq", "Syrians", "Syria"], names, [])] == ["Iraq", "Syria"]


def test_a_story_whose_pages_have_no_usable_headline_is_named_by_its_key_entities(tmp_path):
    # the crawler took the site's edition selector for both pages' titles
    quake = {name: (d, host, "Youve selected the U.S. Edition.", text)
             for name, (d, host, _title, text) in ARTICLES.items() if name.startswith("quake")}
    store = run(str(tmp_path / "s.db"), [write(tmp_path / "crawl", quake)], 50)
    assert store.rows("SELECT label, articles FROM stories") == [("Kessel \u00b7 Arnholt", 2)]


def test_shown_key_entities_name_a_people_as_its_country_once_in_the_better_place():
    from storyline.story_store import shown_entities

    names = {"e1": ("Vellmarkish", "NORP"), "e2": ("CNN", "ORG"), "e3": ("Cairo", "GPE"), "e4": ("Egypt", "GPE"),
             "e5": ("Egyptian", "NORP")}
    shown = shown_entities(["e5", "e2", "e3", "e4", "e1"], names, ["edition.cnn.com"])
    assert [e["name"] for e in shown] == ["Egypt", "Cairo", "Vellmarkish"]
