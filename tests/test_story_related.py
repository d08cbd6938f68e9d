"""Related stories (story_related.py): the phases of one crisis link to each other, stories
that only share a common country or run weeks apart do not."""

from __future__ import annotations

import datetime as dt

from test_story_stage import run, write

import pytest

from storyline import story_store, timeline_store
from storyline.errors import UsageError
from storyline.settings import Settings
from storyline.story_related import StorySpan, days_apart, peoples_as_countries, rank_related


def span(sid, first, last, *entities):
    return StorySpan(sid, dt.date(2025, 3, first), dt.date(2025, 3, last), tuple(entities))


CRISIS = span("crisis", 1, 10, "arnholt", "northford", "vellmark", "hale")


def ids(ranked):
    return [(c.id, shared) for c, shared in ranked]


def test_days_apart_is_zero_for_overlapping_spans_and_counts_the_gap_either_way():
    assert days_apart(CRISIS, span("x", 5, 20)) == 0
    assert days_apart(CRISIS, span("x", 13, 14)) == 3
    assert days_apart(span("x", 13, 14), CRISIS) == 3


def test_a_story_is_related_when_it_runs_near_and_the_story_names_enough_of_its_key_entities():
    summit = span("summit", 11, 15, "torvik", "northford", "arnholt", "renholm")
    flood = span("flood", 2, 4, "kest", "northford", "pell")  # shares one country only
    later = span("later", 26, 27, "northford", "arnholt")  # 16 days after the crisis
    named = dict.fromkeys(["arnholt", "northford", "vellmark", "hale", "torvik"], 1.0)
    ranked = rank_related(CRISIS, named, [summit, flood, later], days=14, shared=2, limit=5)
    assert ids(ranked) == [("summit", ("torvik", "northford", "arnholt"))]


def test_rare_shared_entities_rank_before_common_ones_and_ties_go_to_the_nearer_story():
    common = [span(f"c{i}", 3, 3, "northford", "arnholt") for i in range(4)]  # every story names these
    mill = span("mill", 12, 12, "torvik", "dunmere")
    near = span("near", 11, 11, "northford", "arnholt")
    named = dict.fromkeys(["arnholt", "northford", "torvik", "dunmere"], 1.0)
    ranked = rank_related(CRISIS, named, [*common, near, mill], days=14, shared=2, limit=3)
    assert ids(ranked) == [("mill", ("torvik", "dunmere")), ("c0", ("northford", "arnholt")),
                           ("c1", ("northford", "arnholt"))]
    ranked = rank_related(CRISIS, named, [near, span("far", 20, 20, "northford", "arnholt")], days=14, shared=2, limit=5)
    assert ids(ranked) == [("near", ("northford", "arnholt")), ("far", ("northford", "arnholt"))]


def test_an_entity_few_of_the_storys_articles_name_counts_little():
    # The crisis's articles all name the valley; one of its twenty names the port in passing.
    named = {"arnholt": 1.0, "vellmark": 1.0, "osterby": 0.05, "kessel": 0.05}
    port = span("port", 5, 5, "osterby", "kessel")  # rare names, named in passing
    valley = span("valley", 6, 6, "vellmark", "arnholt", "osterby")
    ranked = rank_related(CRISIS, named, [port, valley, span("c", 2, 2, "arnholt", "kessel")], days=14, shared=2, limit=5)
    # c shares the country every article names: before the port, whose names are rarer.
    assert ids(ranked) == [("valley", ("vellmark", "arnholt", "osterby")), ("c", ("arnholt", "kessel")),
                           ("port", ("osterby", "kessel"))]


def test_a_peoples_name_counts_as_its_country_when_the_story_names_both():
    named = {"1": {"id": "1", "name": "Egypt", "label": "GPE"}, "2": {"id": "2", "name": "Egyptian", "label": "NORP"},
             "3": {"id": "3", "name": "Syrians", "label": "NORP"}, "4": {"id": "4", "name": "Cairo", "label": "GPE"}}
    assert peoples_as_countries(named) == {"2": "1"}


def test_a_chain_of_peoples_names_ends_at_the_country_and_a_place_is_no_people():
    # "Afghani" is a people of "Afghan", itself a people of Afghanistan; "Yemen", a place, would
    # be a people of a misspelt "Yeme" by its ending (a story page had failed on the chain)
    named = {"a": {"id": "a", "name": "Afghanistan", "label": "GPE"},
             "b": {"id": "b", "name": "Afghan", "label": "NORP"},
             "c": {"id": "c", "name": "Afghani", "label": "NORP"},
             "d": {"id": "d", "name": "Yeme", "label": "GPE"},
             "e": {"id": "e", "name": "Yemen", "label": "GPE"}}
    assert peoples_as_countries(named) == {"b": "a", "c": "a"}


def test_a_capitals_or_countrys_name_is_no_people_of_a_place_it_ends_like():
    # a story naming Benin and the Congolese town Beni, Tripoli and a misspelt "Tripol":
    # each keeps its own entity; the Beninese are Benin's people
    named = {"a": {"id": "a", "name": "Benin", "label": "GPE"}, "b": {"id": "b", "name": "Beni", "label": "GPE"},
             "c": {"id": "c", "name": "Tripoli", "label": "GPE"}, "d": {"id": "d", "name": "Tripol", "label": "GPE"},
             "e": {"id": "e", "name": "Beninese", "label": "NORP"}}
    assert peoples_as_countries(named) == {"e": "a"}


def test_no_related_stories_when_switched_off_and_never_the_story_itself():
    other = span("other", 2, 2, "arnholt", "northford")
    named = dict.fromkeys(["arnholt", "northford"], 1.0)
    assert rank_related(CRISIS, named, [other], days=14, shared=2, limit=0) == []
    assert ids(rank_related(CRISIS, named, [CRISIS, other], days=14, shared=2, limit=5)) == [
        ("other", ("arnholt", "northford"))]


ARTICLES = {  # name: (day of March 2025, outlet host, title, text)
    "standoff": (3, "wire.example", "Arnholt masses troops on Vellmark border",
                 "Arnholt has moved thousands of troops to the disputed Vellmark border, Northford said on "
                 "Monday. Northford summoned the Arnholt ambassador and warned of sanctions."),
    "standoff-2": (4, "gazette.example", "Northford warns Arnholt over Vellmark troops",
                   "Northford warned Arnholt on Tuesday that sanctions would follow unless its troops left the "
                   "Vellmark border. Arnholt said the troops were on routine exercises."),
    "summit": (12, "courier.example", "Leaders meet in Torvik for border summit",
               "The leaders of Northford and Arnholt met in Torvik on Wednesday for a summit on the "
               "disputed Vellmark border. Both sides said they hoped to agree a troop withdrawal."),
    "summit-2": (13, "herald.example", "Torvik summit agrees troop withdrawal",
                 "Northford and Arnholt agreed at the Torvik summit on Thursday to withdraw troops from "
                 "the disputed Vellmark border within a month."),
    "strike": (6, "herald.example", "Dock strike ends in Osterby",
               "Dock workers in Osterby ended their strike on Thursday after the port authority agreed a "
               "pay rise of four percent. Ships began unloading at the harbour within hours."),
}


def test_a_storys_page_lists_the_crisis_it_follows_with_the_entities_they_share(store_target, tmp_path):
    store = run(store_target, [write(tmp_path / "in", ARTICLES)], 100)
    rows = {r["label"]: r["id"] for r in story_store.list_stories(store)}
    summit = story_store.get_story(store, rows["Leaders meet in Torvik for border summit"])
    assert [(r["label"], r["first_day"], r["last_day"]) for r in summit["related"]] == [
        ("Arnholt masses troops on Vellmark border", "2025-03-03", "2025-03-04")]
    assert sorted(e["name"] for e in summit["related"][0]["shared"]) == ["Arnholt", "Northford", "Vellmark"]
    strike = story_store.get_story(store, rows["Dock strike ends in Osterby"])
    assert strike["related"] == []
    off = story_store.get_story(store, summit["id"], settings=Settings({"stories.related": 0}))
    assert off["related"] == []


def test_a_timeline_with_related_stories_runs_from_the_build_up_to_the_summit(store_target, tmp_path):
    store = run(store_target, [write(tmp_path / "in", ARTICLES)], 100)
    rows = {r["label"]: r["id"] for r in story_store.list_stories(store)}
    summit = rows["Leaders meet in Torvik for border summit"]
    alone = timeline_store.timeline_for(store, story=summit)
    whole = timeline_store.timeline_for(store, story=summit, related=True)
    assert "related" not in alone and alone["articles"] == 2
    assert whole["related"] == [{"id": rows["Arnholt masses troops on Vellmark border"],
                                 "label": "Arnholt masses troops on Vellmark border"}]
    assert whole["articles"] == 4 and whole["label"] == "Leaders meet in Torvik for border summit"
    assert {"2025-03-03", "2025-03-12"} <= {e["date"] for e in whole["entries"]}
    assert "2025-03-03" not in {e["date"] for e in alone["entries"]}
    assert "  with Arnholt masses troops on Vellmark border" in timeline_store.timeline_plain(whole)
    with pytest.raises(UsageError, match="--related needs a story id"):
        timeline_store.timeline_for(store, query="Arnholt", related=True)
