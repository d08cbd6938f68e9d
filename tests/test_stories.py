"""Story clustering: separate events stay apart, follow-ups and copies join, state resumes.

Every article here is invented for these tests (fictional places Arnholt, Vellmark, Northford).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from storyline.errors import UsageError
from storyline.records import stable_id
from storyline.settings import Settings
from storyline.shown_text import title_names
from storyline.stories import Story, StoryClusterer, StoryDoc, cluster
from storyline.story_profile import DayCoverage, coverage_by_day, key_entities, label_story, strip_site_name

D = dt.date(2025, 3, 3)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def doc(id, n, title, text, outlet, entities=(), places=(), group=None, statements=()):
    return StoryDoc(id, day(n), title, text, outlet, tuple(entities), tuple(places), group, tuple(statements))


QUAKE_ARNHOLT = [
    doc("q1", 0, "Powerful earthquake kills dozens in Arnholt",
        "A magnitude 7.1 earthquake struck northern Arnholt early on Monday, killing at least 40 "
        "people and flattening homes in the mountain town of Kessel. Rescue teams dug through "
        "rubble as aftershocks shook the region.",
        "Northford Gazette", ["Arnholt", "Kessel"], ["Arnholt", "Kessel"]),
    doc("q2", 0, "Arnholt quake: death toll rises as rescuers search Kessel rubble",
        "The death toll from the earthquake in Arnholt rose to 52 on Monday, officials said, as "
        "rescuers searched collapsed buildings in Kessel. The quake had a magnitude of 7.1.",
        "Vellmark Herald", ["Arnholt", "Kessel"], ["Arnholt", "Kessel"]),
]
QUAKE_VELLMARK = [
    doc("v1", 14, "Strong earthquake hits Vellmark coast, killing 12",
        "A magnitude 6.4 earthquake hit the coast of Vellmark on Monday, killing 12 people in the "
        "port city of Osterby. Rescue teams searched damaged homes as aftershocks shook the region.",
        "Northford Gazette", ["Vellmark", "Osterby"], ["Vellmark", "Osterby"]),
    doc("v2", 14, "Vellmark earthquake: Osterby counts the dead",
        "Officials in Osterby said 12 people died when the earthquake struck the Vellmark coast. "
        "The quake had a magnitude of 6.4 and damaged the harbour.",
        "Daily Courier", ["Vellmark", "Osterby"], ["Vellmark", "Osterby"]),
]
SUMMIT = [
    doc("s1", 0, "Leaders gather in Lisbon for ocean treaty summit",
        "Heads of government arrived in Lisbon on Monday for a three-day summit on a treaty to "
        "protect the high seas. Host Prime Minister Ana Ferreira urged delegates to agree on "
        "marine reserves.", "Northford Gazette", ["Lisbon", "Ana Ferreira"], ["Lisbon"]),
    doc("s2", 1, "Ocean treaty summit in Lisbon stalls over fishing quotas",
        "Talks at the Lisbon summit on the high seas treaty stalled on Tuesday as delegates "
        "argued over fishing quotas inside the planned marine reserves, Ana Ferreira said.",
        "Vellmark Herald", ["Lisbon", "Ana Ferreira"], ["Lisbon"]),
    doc("s3", 2, "Lisbon summit agrees high seas treaty after all-night talks",
        "Delegates at the Lisbon summit agreed a treaty protecting the high seas on Wednesday "
        "after all-night talks on fishing quotas and marine reserves. Ana Ferreira hailed the deal.",
        "Daily Courier", ["Lisbon", "Ana Ferreira"], ["Lisbon"]),
]
FOOTBALL = [
    doc("f1", 1, "Northford United sign striker Jonas Brandt",
        "Northford United have signed striker Jonas Brandt on a four-year contract, the club "
        "announced on Tuesday. The fee was not disclosed.",
        "Northford Gazette", ["Northford United", "Jonas Brandt"]),
]


def stream(*groups):
    return sorted((d for g in groups for d in g), key=lambda d: (d.published, d.id))


def members(stories: list[Story]) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(s.article_ids)) for s in stories)


def test_two_earthquakes_in_different_places_and_weeks_stay_apart():
    stories = cluster(stream(QUAKE_ARNHOLT, QUAKE_VELLMARK))
    assert members(stories) == [("q1", "q2"), ("v1", "v2")]


def test_follow_ups_of_one_summit_join_and_other_news_stays_apart():
    stories = cluster(stream(SUMMIT, FOOTBALL))
    assert members(stories) == [("f1",), ("s1", "s2", "s3")]
    summit = next(s for s in stories if s.size == 3)
    assert (summit.first_day, summit.last_day) == (day(0), day(2))
    assert summit.outlets == ("Daily Courier", "Northford Gazette", "Vellmark Herald")
    assert summit.entities[:2] == ("Lisbon", "Ana Ferreira")


def test_syndicated_copy_joins_even_with_a_new_headline_and_counts_once():
    original = doc("w1", 0, "Central bank raises rates to 4 percent",
                   "The Arnholt central bank raised its main interest rate to 4 percent on Monday.",
                   "Wire Service", group="g1")
    copy = doc("w2", 0, "Borrowing costs up again", "Readers with mortgages will pay more from April.",
               "Vellmark Herald", group="g1")
    c = StoryClusterer()
    assert c.add(original) == c.add(copy)
    (story,) = c.stories()
    assert story.coverage == (DayCoverage(day(0), 1, 2),)


def test_shared_statement_joins_articles_with_little_text_in_common():
    a = doc("a1", 0, "Minister resigns", "The transport minister of Arnholt resigned on Monday.",
            "Northford Gazette", statements=["st9"])
    b = doc("b1", 0, "Rail chaos claims a scalp", "Commuters had waited weeks for a decision.",
            "Daily Courier", statements=["st9"])
    with_statement = StoryClusterer()
    assert with_statement.add(a) == with_statement.add(b)
    without = StoryClusterer()
    assert without.add(a.replace(statements=())) != without.add(b.replace(statements=()))


def test_state_round_trip_continues_exactly_like_an_uninterrupted_run():
    docs = stream(QUAKE_ARNHOLT, QUAKE_VELLMARK, SUMMIT, FOOTBALL)
    whole = StoryClusterer()
    for d in docs:
        whole.add(d)
    first = StoryClusterer()
    for d in docs[:4]:
        first.add(d)
    state = json.loads(json.dumps(first.to_state()))
    resumed = StoryClusterer.from_state(state)
    for d in docs[4:]:
        resumed.add(d)
    assert resumed.stories() == whole.stories()
    assert resumed.to_state() == whole.to_state()


def test_story_ids_are_stable_across_reruns_and_adding_twice_changes_nothing():
    docs = stream(SUMMIT, FOOTBALL)
    first, second = cluster(docs), cluster(docs)
    assert [s.id for s in first] == [s.id for s in second]
    assert [s.id for s in first] == [stable_id("story", "s1"), stable_id("story", "f1")]
    c = StoryClusterer()
    ids = [c.add(d) for d in docs]
    assert c.add(docs[0]) == ids[0]
    assert sum(s.size for s in c.stories()) == 4


def test_old_stories_close_after_the_window():
    c = StoryClusterer(Settings({"stories.window_days": 7}))
    c.add(QUAKE_ARNHOLT[0])
    late = QUAKE_ARNHOLT[1].replace(id="q2-late", published=day(10))
    assert c.add(late) != c.story_of("q1")
    assert [s.id for s in c.stories()] == [stable_id("story", "q1"), stable_id("story", "q2-late")]


def test_same_day_earthquakes_in_two_countries_stay_apart():
    c = StoryClusterer()
    assert c.add(QUAKE_ARNHOLT[0]) != c.add(QUAKE_VELLMARK[0].replace(published=day(0)))


def test_place_mismatch_scales_the_score_when_no_place_is_shared():
    arnholt, vellmark = QUAKE_ARNHOLT[0], QUAKE_VELLMARK[0].replace(published=day(0))
    scores = []
    for factor in (1.0, 0.5):
        c = StoryClusterer(Settings({"stories.place_mismatch": factor}))
        c.add(arnholt)
        scores.append(c.score(c._stories[0], c.observe(vellmark)))
    assert scores[0] > 0.0
    assert scores[1] == pytest.approx(0.5 * scores[0])


def test_similarity_is_higher_for_the_same_event_and_does_not_change_frequencies():
    c = StoryClusterer()
    for d in stream(QUAKE_ARNHOLT, QUAKE_VELLMARK, SUMMIT):
        c.observe(d)
    before = c.to_state()
    same = c.similarity(QUAKE_ARNHOLT[0], QUAKE_ARNHOLT[1])
    other = c.similarity(QUAKE_ARNHOLT[0], SUMMIT[0])
    assert same > c.threshold > 0.05 > other
    assert c.to_state() == before


@pytest.mark.parametrize("title,text", [
    ("", ""),
    ("\u200b\u2063", "\U0001F600 \U0001F600"),
    ("x" * 100_000, "word " * 200_000),
    ("Ünïcödé ŧıtle", "ﬁnancial ﬂows ½ Ⅻ \x00 \ud800"),
])
def test_odd_input_never_crashes(title, text):
    c = StoryClusterer()
    story_id = c.add(StoryDoc("odd", D, title, text))
    assert c.story_of("odd") == story_id
    assert [s.article_ids for s in c.stories()] == [("odd",)]


def test_publication_time_is_cut_to_the_day_and_a_missing_date_is_a_usage_error():
    c = StoryClusterer()
    c.add(QUAKE_ARNHOLT[0].replace(published=dt.datetime(2025, 3, 3, 23, 59)))
    assert c.stories()[0].first_day == D
    with pytest.raises(UsageError) as err:
        c.add(QUAKE_ARNHOLT[1].replace(published=None))
    assert err.value.code == "BAD_REQUEST"
    assert "q2" in err.value.message


def test_story_record_round_trips():
    (story,) = [s for s in cluster(stream(SUMMIT)) if s.size == 3]
    assert Story.from_dict(json.loads(json.dumps(story.to_dict()))) == story
    assert StoryDoc.from_dict(SUMMIT[0].to_dict()) == SUMMIT[0]


def test_label_is_the_most_central_headline_without_site_names():
    titles = [
        "Arnholt earthquake kills 40 | Northford Gazette",
        "Earthquake in Arnholt kills 40, flattens Kessel - Vellmark Herald",
        "Opinion: we must build better",
    ]
    outlets = ["Northford Gazette", "Vellmark Herald", "Daily Courier"]
    assert label_story(titles, outlets) == "Arnholt earthquake kills 40"
    assert label_story([]) == ""
    assert label_story(["", "  "]) == ""
    assert label_story(["Arnholt " * 40]) == ("Arnholt " * 14).strip() + "\u2026"
    # a site's stock line taken for the title on many pages does not win by its copies
    stock = "Two charged in theft of museum statue"
    news = ["Arnholt protesters fill the square for a fifth day", "Protesters in Arnholt square defy curfew",
            "Arnholt army stays out of the square as protesters stay"]
    assert label_story([stock] * 5 + news) == "Arnholt protesters fill the square for a fifth day"


@pytest.mark.parametrize("title,outlet,expected", [
    ("Quake kills 40 in Arnholt | BBC News", "", "Quake kills 40 in Arnholt"),
    ("Quake kills 40 in Arnholt - Northford Gazette", "Northford Gazette", "Quake kills 40 in Arnholt"),
    ("Quake kills 40 in Arnholt – The Daily Courier", "", "Quake kills 40 in Arnholt"),
    ("Reuters - Quake kills 40 in Arnholt", "", "Quake kills 40 in Arnholt"),
    ("Brandt - the comeback kid", "", "Brandt - the comeback kid"),
    ("| BBC News", "", "| BBC News"),
])
def test_strip_site_name(title, outlet, expected):
    assert strip_site_name(title, outlet) == expected


def test_coverage_counts_independent_outlets_per_day():
    rows = [
        ("a", "Northford Gazette", day(0), None),
        ("b", "Northford Gazette", day(0), None),  # same outlet again: once
        ("c", "Wire Service", day(0), "g1"),
        ("d", "Vellmark Herald", day(0), "g1"),  # a copy of c: once with it
        ("e", "Daily Courier", day(0), None),
        ("e", "Daily Courier", day(0), None),  # the same article twice
        ("f", "", day(1), None),
    ]
    assert coverage_by_day(rows) == (DayCoverage(day(0), 3, 5), DayCoverage(day(1), 1, 1))
    assert coverage_by_day([]) == ()


def test_an_outlets_own_reporting_is_not_merged_with_a_wire_copy_it_ran():
    rows = [
        ("x1", "Northford Gazette", day(0), None),  # the Gazette's own report
        ("x2", "Northford Gazette", day(0), "wire"),  # and the wire copy it ran
        ("y", "Vellmark Herald", day(0), "wire"),  # another copy: the wire once
        ("z", "Daily Courier", day(0), None),
    ]
    assert coverage_by_day(rows) == (DayCoverage(day(0), 3, 4),)


def test_an_outlet_republishing_its_own_story_is_one_outlet():
    # The Gazette ran its report twice (one dedup group, both copies its own) and another
    # report of its own: one outlet, not three voices. Independent outlets never exceed outlets.
    rows = [
        ("a1", "Northford Gazette", day(0), "g-own"),
        ("a2", "Northford Gazette", day(0), "g-own"),
        ("a3", "Northford Gazette", day(0), None),
        ("b", "Vellmark Herald", day(0), None),
    ]
    assert coverage_by_day(rows) == (DayCoverage(day(0), 2, 4),)
    # each local paper ran the wire and its own report: the wire voice does not make a third
    ran_wire = [
        ("x1", "Northford Gazette", day(0), None), ("x2", "Northford Gazette", day(0), "wire"),
        ("y1", "Vellmark Herald", day(0), None), ("y2", "Vellmark Herald", day(0), "wire"),
    ]
    assert coverage_by_day(ran_wire) == (DayCoverage(day(0), 2, 4),)


def test_a_copy_republished_long_after_its_story_starts_a_new_story():
    from storyline.stories import StoryClusterer, StoryDoc

    k = StoryClusterer()
    text = "The council approved the new bridge over the River Kest on Monday after a long debate."
    first = k.add(StoryDoc("a", day(0), "Council approves Kest bridge", text, "x.example", group="g"))
    assert k.add(StoryDoc("b", day(1), "Kest bridge approved", text, "y.example", group="g")) == first
    assert k.add(StoryDoc("c", day(400), "Kest bridge approved", text, "z.example", group="g")) != first


# --- closed stories in an archive ---------------------------------------------------------
class DictArchive:
    """What the stories stage keeps in the store (story_store.StoreArchive), in dicts."""

    def __init__(self):
        self.states, self.groups, self.members = {}, {}, {}

    def story(self, seq):
        return json.loads(json.dumps(self.states[seq])) if seq in self.states else None

    def group_story(self, group):
        return self.groups.get(group)

    def article_story(self, article_id):
        return self.members.get(article_id)

    def write(self, evicted):
        for e in evicted:
            if e.state is not None:
                self.states[e.seq] = e.state
                for m in e.state["members"]:
                    self.members[m[0]] = e.id
            for g in e.groups:
                self.groups.setdefault(g, e.seq)


WEEKS = [  # four separate weeks of news, then a late wire copy of the first week's story
    *QUAKE_ARNHOLT, *SUMMIT, *FOOTBALL,
    doc("w1", 0, "Kest bridge shut after crack found",
        "Engineers shut the Kest bridge on Monday after an inspection found a cracked bearing.",
        "Wire", ["Kest"], ["Kest"], group="wire-kest"),
    *QUAKE_VELLMARK,
    doc("h1", 28, "Harbour strike ends in Osterby", "Dock workers in Osterby ended their strike "
        "on Monday after the port authority agreed a pay rise.", "Daily Courier", ["Osterby"], ["Osterby"]),
    doc("h2", 29, "Osterby port reopens after strike", "Ships unloaded at Osterby on Tuesday as "
        "the port reopened after the dock strike ended.", "Vellmark Herald", ["Osterby"], ["Osterby"]),
    doc("w2", 3, "Kest bridge closed: cracked bearing", "Engineers shut the Kest bridge on Monday "
        "after an inspection found a cracked bearing.", "Late Local", ["Kest"], ["Kest"], group="wire-kest"),
]


def run_in_batches(docs, size, archive=None):
    """The stories stage's loop: add a batch, evict closed stories into the archive, save
    the state, and start the next batch from the saved state."""
    state = None
    ids = {}
    for start in range(0, len(docs), size):
        c = StoryClusterer.from_state(state, archive=archive) if state else StoryClusterer(archive=archive)
        for d in docs[start:start + size]:
            ids[d.id] = c.add(d)
        touched = c.stories(set(ids.values()))
        if archive is not None:
            archive.write(c.evict())
        state = json.loads(json.dumps(c.to_state()))
    return ids, state, touched


def test_with_an_archive_closed_stories_leave_the_state_and_stories_come_out_the_same():
    docs = stream(WEEKS[:-1]) + [WEEKS[-1]]  # the late copy arrives last, out of date order
    whole = StoryClusterer()
    expected = {d.id: whole.add(d) for d in docs}
    for size in (1, 3, len(docs)):
        archive = DictArchive()
        ids, state, _ = run_in_batches(docs, size, archive)
        assert ids == expected
        # only the harbour strike (days 28-29) is still open; every other story is archived
        assert [s["id"] for s in state["stories"]] == [expected["h1"]]
        assert sorted(a["id"] for a in archive.states.values()) == sorted(set(expected.values()) - {expected["h1"]})
        # the late copy (day 3) joined the bridge story, read back from the archive
        bridge = next(a for a in archive.states.values() if a["id"] == expected["w1"])
        assert [m[0] for m in bridge["members"]] == ["w1", "w2"]
        assert archive.groups == {"wire-kest": bridge["seq"]}
    assert expected["w2"] == expected["w1"]


def test_an_archived_story_written_again_only_when_it_changed():
    archive = DictArchive()
    c = StoryClusterer(archive=archive)
    c.add(QUAKE_ARNHOLT[0])
    c.add(QUAKE_VELLMARK[0])  # 14 days later: the Arnholt story closes
    first = c.evict()
    assert [(e.id, e.state is not None) for e in first] == [(stable_id("story", "q1"), True)]
    archive.write(first)
    assert c.story_of("q1") == stable_id("story", "q1")  # from the archive now
    assert c.add(QUAKE_ARNHOLT[0]) == stable_id("story", "q1")  # added twice: nothing changes
    assert c.evict() == []
    assert [s.id for s in c.stories()] == [stable_id("story", "v1")]


def test_a_version_1_state_with_every_story_moves_its_closed_stories_to_the_archive():
    docs = stream(QUAKE_ARNHOLT, QUAKE_VELLMARK)
    old = StoryClusterer()
    for d in docs[:3]:
        old.add(d)
    state = old.to_state()
    state.pop("next_seq")
    state["version"] = 1
    archive = DictArchive()
    resumed = StoryClusterer.from_state(json.loads(json.dumps(state)), archive=archive)
    assert resumed.add(docs[3]) == old.add(docs[3])
    archive.write(resumed.evict())
    assert [a["id"] for a in archive.states.values()] == [stable_id("story", "q1")]
    assert [s["id"] for s in resumed.to_state()["stories"]] == [stable_id("story", "v1")]
    assert resumed.to_state()["next_seq"] == 2


@pytest.mark.parametrize(("title", "headline"), [
    ("By the Portlake Wire Staff NEW: Dock workers strike for a second day", "Dock workers strike for a second day"),
    ("From Ada Lind and Tomas Berg, PWN Mayor: the bridge will reopen", "Mayor: the bridge will reopen"),
    ("March 3, 2025 | From Ada Lind, PWN Ferry fares rise in April", "Ferry fares rise in April"),
    ("ADA LIND, PWN ANCHOR: Fireworks over the harbour tonight.", "Fireworks over the harbour tonight."),
    ("UPDATE: Kest bridge to reopen on Friday", "Kest bridge to reopen on Friday"),
    ("By Ada Lind for PWN Harbour pilots vote to strike", "Harbour pilots vote to strike"),
    ("By Tomas Berg, Special to PWN Why the harbour strike matters", "Why the harbour strike matters"),
    ("Ferry fares rise in Portlake on Thursday,", "Ferry fares rise in Portlake on Thursday"),
    ("A crowd in Portlake holds a banner with a", "A crowd in Portlake holds a banner with a\u2026"),
    ("For a week, opponents of the mayor had", "For a week, opponents of the mayor had\u2026"),
    # left alone: a headline that only looks like one, or too little would be left
    ("From Arnholt, with love: a town writes back", "From Arnholt, with love: a town writes back"),
    ("By the River Staff Club", "By the River Staff Club"),
    ("NEW: Kest bridge", "NEW: Kest bridge"),
])
def test_label_leaves_out_a_crawlers_leading_dates_bylines_and_flashes(title, headline):
    assert label_story([title]) == headline


def test_a_label_shows_the_apostrophes_its_headlines_make_certain():
    # Stripped headlines (as crawls have them): "Arnholt" is written alone in one of them,
    # so "Arnholts" before a noun is its possessive; "dont" is a contraction anywhere.
    quake = [
        doc("a1", 0, "Arnholts rescuers dont give up in Kessel",
            "Rescuers in Kessel searched rubble after the earthquake in Arnholt on Monday.",
            "Northford Gazette", ["Arnholt", "Kessel"], ["Arnholt", "Kessel"]),
        doc("a2", 0, "Earthquake in Arnholt: rescuers search Kessel rubble",
            "Rescuers searched rubble in Kessel on Monday after the Arnholt earthquake.",
            "Vellmark Herald", ["Arnholt", "Kessel"], ["Arnholt", "Kessel"]),
    ]

    def labels(**settings):
        c = StoryClusterer(Settings(settings))
        for d in quake:
            c.add(d)
        return [s.label for s in c.stories()]

    assert labels() == ["Arnholt's rescuers don't give up in Kessel"]
    assert labels(**{"stories.restore_apostrophes": False}) == ["Arnholts rescuers dont give up in Kessel"]


def test_a_label_shows_a_possessive_whose_name_only_its_articles_write_alone():
    # No headline writes "Varga" alone, the articles do (twice each, never in lower case):
    # the label shows "Varga's". "Talks" is no name, "Vargas" is kept in a state round trip.
    siege = [
        doc("v1", 0, "General Vargas troops withdraw from Kessel as talks resume",
            "Troops loyal to General Varga left Kessel on Monday. Officials said Varga had agreed.\n"
            "Talks resume in Northford.",
            "Northford Gazette", ["Varga", "Kessel"], ["Kessel"]),
        doc("v2", 0, "Troops withdraw from Kessel, talks resume",
            "Troops of General Varga withdrew from Kessel on Monday, as Varga had promised.",
            "Vellmark Herald", ["Varga", "Kessel"], ["Kessel"]),
    ]
    assert title_names(siege[0].title, siege[0].text) == ("Varga",)
    assert title_names("Talks resume in Kessel", "Talks resume. The talks went on.") == ()

    def labels(**settings):
        c = StoryClusterer(Settings(settings))
        for d in siege:
            c.add(d)
        return [s.label for s in c.stories()], [s.label for s in StoryClusterer.from_state(c.to_state(), Settings(settings)).stories()]

    shown = "General Varga's troops withdraw from Kessel as talks resume"
    assert labels() == ([shown], [shown])
    # a state written before members kept names still loads (its labels know the headlines only)
    c = StoryClusterer()
    for d in siege:
        c.add(d)
    state = c.to_state()
    for story in state["stories"]:
        story["members"] = [m[:5] for m in story["members"]]
    assert [s.label for s in StoryClusterer.from_state(state).stories()] == [
        "General Vargas troops withdraw from Kessel as talks resume"]
    stripped = "General Vargas troops withdraw from Kessel as talks resume"
    assert labels(**{"stories.restore_apostrophes": False}) == ([stripped], [stripped])


def test_key_entities_put_the_names_a_story_is_about_before_names_in_passing():
    # Two copies of a wire story name the same five entities (all tied on members): the
    # minister it is about, named four times in each, comes first, then rare names before
    # common ones named as often; a name carried by more members still leads.
    idf = {"hale": 2.0, "northford": 1.2, "kessel": 3.0, "arnholt": 3.0, "brannvik": 1.0}
    counts = {e: 2 for e in idf} | {"brannvik": 3}
    mentions = {"hale": 8, "northford": 4, "kessel": 2, "arnholt": 2, "brannvik": 3}
    assert key_entities(counts, idf.__getitem__, 4, mentions) == ("brannvik", "hale", "arnholt", "kessel")
    assert key_entities(counts, idf.__getitem__, 4) == ("brannvik", "arnholt", "kessel", "hale")  # no counts: IDF


def test_a_storys_key_entities_weigh_how_often_its_articles_name_them():
    wire = [doc(f"w{i}", 0, "Minister visits Kessel", "Northford minister Hale visited Kessel.", site,
                ["Hale", "Kessel", "Arnholt"], ["Kessel", "Arnholt"], group="g1") for i, site in enumerate(("A", "B"))]
    named = [StoryDoc(**{**d.to_dict(), "published": d.published, "mentions": (("Hale", 5), ("Kessel", 1), ("Arnholt", 1))})
             for d in wire]
    for docs, first in ((wire, "Arnholt"), (named, "Hale")):
        c = StoryClusterer()
        for d in docs:
            c.add(d)
        [story] = c.stories()
        assert story.entities[0] == first
        assert StoryClusterer.from_state(c.to_state()).stories()[0].entities == story.entities
