"""Boilerplate lines: furniture patterns, furniture learnt from the corpus per site, and the
line kinds every article keeps (nothing is deleted)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from noise_fixtures import COMMENTS, EAST_FURNITURE, NEWSLETTER, NORTH_FURNITURE, TWEET, TWEET_TAIL, WIRE, ingest, ingested_store

from storyline import boilerplate
from storyline.cli import cli
from storyline.store import open_store
from storyline.store import articles as db

FURNITURE = [
    ("Comments are moderated: please read our community rules before posting.", "comments"),
    ("We want our comments to be a lively and valuable part of the Portlake community.", "comments"),
    ("Sign up to our morning newsletter for the headlines that matter to you.", "subscribe"),
    ("Subscribe now for unlimited access", "subscribe"),
    ("Share this article", "share"),
    ("Facebook Twitter WhatsApp Email", "share"),
    ("Follow us on Instagram", "share"),
    ("Read more: Portlake ferry fares to rise in April", "more"),
    ("Related: Halden Steelworks wins bridge contract", "more"),
    ("Advertisement", "more"),
    ("Story continues below", "more"),
    ("Copyright 2025 Lantern Media Ltd. All rights reserved.", "copyright"),
    ("These pages may not be reproduced or passed on without our written consent.", "copyright"),
    ("We use cookies to give you the best experience on our website.", "cookie"),
    ("Accept all cookies", "cookie"),
    ("Photo: Orla FinchLantern Media", "credit"),
    ("(Image: Portlake Harbour Authority)", "credit"),
    ("Getty Images", "credit"),
    ("EDITORS NOTE: Credit: Lantern Media cannot verify the footage this still image is taken from.", "credit"),
    ("Editor's note: an earlier version of this story misspelled the mayor's name.", "credit"),
    ("Got a story? Email the newsdesk.", "contact"),
    ("By clicking Join you agree to the Portlake Observer terms of service and privacy policy.", "account"),
    ("By registering with us, you are consenting to this collection and use of your details.", "account"),
    ("We will send a link to reset your password to the address you gave.", "account"),
    ("Enter your email address below", "account"),
    ("Forgot your password?", "account"),
    ("Already have an account? Log in", "account"),
    ("(Reporting by Orla Finch; Editing by Ivo Brandt)", "credit"),
    ("Additional reporting by Portlake staff.", "credit"),
    ("This story was supplied by the Harbour News Agency.", "credit"),
    ("This article is part of Harbour Watch, our series on the port.", "more"),
    ("MOST READ IN SPORT", "more"),
    ("Youve selected the Northford Edition.", "more"),
    ("Switch edition", "more"),
    ("The Portlake Observer is funded by its readers. Become a member today.", "subscribe"),
    ("* * *", "no-words"),
    ("April 3, 2012 at 9:15 pm | Reply Well that is plain silly.", "comments"),
    ("3 April 2012 at 21:15 | The ministers never listen to us " + "and so on " * 40, "comments"),
    ("Reply", "comments"),
    ("To pay for the new bridge April 14, 2012 at 2:07 am | Reply Nobody asked us.", "comments"),
    ("Not again! April 14, 2012 at 2:07 am | Report abuse | The bridge was fine.", "comments"),
    ("Great read, Marta (required, but will not be displayed) The Post welcomes a lively discussion.", "comments"),
    ("At 07:12 am on 14 Aug 2010, quaysidejo wrote: The ferries should keep running.", "comments"),
    ("Oh well... At 21:05 3rd Feb 2011, Marta wrote: nobody listens.", "comments"),
    ("Harbour Post Ferry fares to rise - 2 hrs ago Kest Daily Port strike ends - 3 hrs ago Northford Herald.", "more"),
    ("co. uk Mayor quits - 28 hrs ago Crosswords - a noble pastime, or a waste of ink?", "more"),
    ("Ferry crews vote to strike updated: Tue Mar 04 2025 09:41:00 Crews at Larkspur Bay say the new "
     "rota is unsafe. Bridge reopens updated: Wed Mar 05 2025 18:02:00 Traffic flows again.", "more"),
    ("updated: Sat Mar 08 2025 07:15:00 A look at the harbour before the storm.", "more"),
]
EDITORIAL = [
    "The court heard that the copyright dispute had lasted six years.",
    "She baked cookies for the harbour festival bake sale.",
    "Readers were asked to share their memories of the old ferry.",
    "More than 800 students signed the petition.",
    "The photo agency said it would appeal.",
    "Comments made by the minister on Tuesday caused an uproar.",
    "Analysis: Orla Finch, harbour correspondent",
    "The editor's notes from the 1920s were found in the archive.",
    "Lantern Media could not independently verify the footage.",
    "Reporting by local journalists has been cut by half since 2010, the study found.",
    "On March 9, 2011 at 6 pm the council met | and voted.",
    "Reply to the minister's letter was sent on Friday.",
    "Readers can report abuse to the moderators, the paper said on April 14, 2012.",
    "Names of the donors are required, but will not be displayed on the plaque.",
    "At 10:30 on 5 March 2025, the minister wrote to the council.",
    "The strike began 58 days ago and the port is still closed.",
    "The timetable was updated: from Tuesday, March 4, ferries leave at 09:40.",
    "The page was last updated: Tue Mar 04 2025, the council said.",
    "The ferry left - 3 hours later than planned - with 40 passengers.",
    "By clicking the link in the fake message, customers handed over their bank details, police said.",
    "The bank told customers who had forgotten their password to call its helpline.",
    "Registering to vote takes a few minutes, and by doing so you consent to nothing else, the council said.",
    "Enter your local council elections, the mayor urged candidates.",
    "The board has selected the spring edition of the fair for its launch.",
    *WIRE,
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture_patterns(line, reason):
    assert boilerplate.pattern_reason(line) == reason


@pytest.mark.parametrize("line", EDITORIAL)
def test_editorial_lines_match_no_pattern(line):
    assert boilerplate.pattern_reason(line) is None


def test_long_lines_are_never_pattern_furniture():
    assert boilerplate.pattern_reason("Subscribe to our newsletter " + "and more words " * 30) is None


@pytest.fixture
def store(tmp_path):
    return ingested_store(tmp_path)


def kinds(store, url):
    seq = store.scalar("SELECT seq FROM articles WHERE url = ?", (url,))
    article = db.load_articles(store, [seq])[0]
    return [(s.text, s.kind) for s in article.sentences]


def test_every_line_is_kept_with_its_kind(store):
    lake = kinds(store, "https://lakeshorenews.example/articles/cracked-bearing")
    assert lake == ([(t, "text") for t in WIRE[:7]] + [(TWEET, "embed")] + [(t, "text") for t in WIRE[7:]]
                    + [(TWEET_TAIL, "embed"), (NEWSLETTER, "boilerplate")])
    north = kinds(store, "https://www.northfordgazette.example/news/commuters-face-delays")
    assert north == [(t, "text") for t in WIRE] + [(NORTH_FURNITURE, "boilerplate"), (COMMENTS, "boilerplate")]


def test_a_line_on_three_stories_of_one_site_is_furniture_of_that_site(store):
    east = kinds(store, "https://eastvalepost.example/story/bridge-closure")
    assert east == [(t, "text") for t in WIRE[:6]] + [(EAST_FURNITURE, "boilerplate")]
    assert store.rows("SELECT outlet, stories FROM furniture ORDER BY outlet") == [
        ("eastvalepost.example", 3), ("northfordgazette.example", 3)]


def test_a_line_on_many_sites_within_one_story_stays_text(store):
    # WIRE[0] is on six sites, but it is one story on each: syndicated text, not furniture
    rows = store.rows("SELECT kind, COUNT(*) FROM sentences WHERE text = ? GROUP BY kind", (WIRE[0],))
    assert rows == [("text", 6)]


def test_a_line_on_two_stories_of_a_site_stays_text(tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    for n, title in enumerate(["Ferry fares rise", "Quay Street reopens"]):
        (folder / f"{n}.txt").write_text(
            f"{title}\n20250301\nhttps://smallsite.example/{n}\nA sentence only story {n} has.\n"
            "The Smallsite team is proud to serve Portlake.\n")
    st = open_store(str(tmp_path / "s.db"))
    ingest(st, folder)
    assert st.rows("SELECT DISTINCT kind FROM sentences") == [("text",)]


def test_reasons_say_why_a_line_is_not_text(store):
    north = store.scalar("SELECT id FROM articles WHERE url = ?", ("https://www.northfordgazette.example/news/commuters-face-delays",))
    assert boilerplate.reasons_for(store, north) == {12: "furniture", 13: "comments"}


def test_show_hides_boilerplate_unless_asked(store, tmp_path):
    north = store.scalar("SELECT id FROM articles WHERE url = ?", ("https://www.northfordgazette.example/news/commuters-face-delays",))
    runner = CliRunner()
    plain = json.loads(runner.invoke(cli, ["show", north, "--db", str(tmp_path / "s.db"), "--json"]).stdout)
    full = json.loads(runner.invoke(cli, ["show", north, "--db", str(tmp_path / "s.db"), "--json", "--include-boilerplate"]).stdout)
    assert len(plain["sentences"]) == 12 and len(full["sentences"]) == 14
    assert plain["counts"] == {"sentences": 14, "text": 12, "boilerplate": 2}
    assert plain["syndication"]["size"] == 6
    assert plain["statements"] == {"sentences": 12, "shared": 12, "shared_with_other_outlets": 1}
    assert plain["summary"]["copies"].startswith("5 other copies in syndication group ")


def test_odd_input_never_raises():
    for text in ["", " ", "\u200b", "🙂", "x" * 100_000, "\ud800"]:
        boilerplate.pattern_reason(text)
