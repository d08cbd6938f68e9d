"""Stock titles: one headline a site puts on pages of different stories."""

from __future__ import annotations

from noise_fixtures import ingest

from storyline import stock_titles
from storyline.store import open_store

SIDEBAR = "Weather: heavy snow expected across the northern valleys tonight."
STOCK = "Ferry strike ends after three days"
# Three different stories on one site, each page topped by the same sidebar headline (the
# crawler took it for the title) and carrying the same sidebar line.
STORIES = [
    ["Portlake council approved a new cycle lane on Quay Street on Tuesday.",
     "Work on the lane will begin in the spring, the council said.",
     "Shop owners on the street had asked for more parking instead."],
    ["The Vellmark football club signed a new goalkeeper from Arnholt.",
     "The keeper, 24, joins on a three-year contract.",
     "He played forty games for his old club last season."],
    ["A fire at a warehouse in the harbour district was put out overnight.",
     "No one was hurt, the fire service said.",
     "The cause of the fire is not yet known."],
]


def write(folder, pages):
    folder.mkdir()
    for n, (title, lines) in enumerate(pages):
        (folder / f"{n}.txt").write_text(f"{title}\n2025030{n + 1}\nhttps://portlakeecho.example/{n}\n" + "\n".join(lines) + "\n")


def kinds_of(store, text):
    return store.rows("SELECT kind, COUNT(*) FROM sentences WHERE text = ? GROUP BY kind", (text,))


def test_pages_of_different_stories_under_one_title_make_the_title_stock(tmp_path):
    write(tmp_path / "crawl", [(STOCK, [STOCK, *lines, SIDEBAR]) for lines in STORIES])
    store = open_store(str(tmp_path / "s.db"))
    ingest(store, tmp_path / "crawl")
    assert store.scalar("SELECT COUNT(*) FROM stock_titles") == 1
    # the sidebar and the headline line are now seen in three stories of the site: furniture
    assert kinds_of(store, SIDEBAR) == [("boilerplate", 3)]
    assert kinds_of(store, STOCK) == [("boilerplate", 3)]
    assert kinds_of(store, STORIES[0][0]) == [("text", 1)]


def test_copies_of_one_story_under_one_title_stay_one_story(tmp_path):
    # three versions of one story at three addresses: same headline, mostly the same lines
    pages = [("Cycle lane approved for Quay Street", STORIES[0] + [extra])
             for extra in ("Updated at noon.", "Updated at two.", "Updated at four.")]
    write(tmp_path / "crawl", pages)
    store = open_store(str(tmp_path / "s.db"))
    ingest(store, tmp_path / "crawl")
    assert store.scalar("SELECT COUNT(*) FROM stock_titles") == 0
    assert kinds_of(store, STORIES[0][0]) == [("text", 3)]


def test_a_stock_title_found_in_a_later_run_re_marks_the_earlier_pages(tmp_path):
    write(tmp_path / "a", [(STOCK, [STOCK, *lines, SIDEBAR]) for lines in STORIES[:2]])
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text(
        f"{STOCK}\n20250310\nhttps://portlakeecho.example/9\n{STOCK}\n" + "\n".join(STORIES[2]) + f"\n{SIDEBAR}\n")
    store = open_store(str(tmp_path / "s.db"))
    ingest(store, tmp_path / "a")
    assert kinds_of(store, SIDEBAR) == [("text", 2)]
    ingest(store, tmp_path / "b")
    assert kinds_of(store, SIDEBAR) == [("boilerplate", 3)]


def test_pages_are_one_story_when_they_share_their_own_lines_directly_or_through_others():
    pages = {"a": {1, 2, 3, 4, 99}, "b": {3, 4, 5, 6, 99}, "c": {5, 6, 7, 8, 99}, "d": {10, 11, 99}, "e": {12, 99}}
    # 99 is on every page (a sidebar): nobody's own; a-b and b-c share half their own lines
    assert stock_titles.stories_of(pages, 0.3) == {"a": "a", "b": "a", "c": "a", "d": "d", "e": "e"}
    assert stock_titles.stories_of(pages, 0.6) == {"a": "a", "b": "b", "c": "c", "d": "d", "e": "e"}


def test_a_stock_or_furniture_title_is_no_story_headline():
    import datetime as dt

    from storyline.records import Article
    from storyline.story_store import story_title

    def article(id, title):
        return Article(id, "u", "u", "portlakeecho.example", title, dt.date(2025, 3, 1), (), "s")

    assert story_title(article("a", STOCK), {"a"}) == ""
    assert story_title(article("b", "Youve selected the U.S. Edition."), set()) == ""
    assert story_title(article("c", STOCK), set()) == STOCK


def test_a_stock_title_whose_pages_are_all_forgotten_is_stock_no_more(tmp_path):
    from storyline import boilerplate

    write(tmp_path / "crawl", [(STOCK, [STOCK, *lines, SIDEBAR]) for lines in STORIES])
    store = open_store(str(tmp_path / "s.db"))
    ingest(store, tmp_path / "crawl")
    ids = [r[0] for r in store.rows("SELECT id FROM articles ORDER BY id")]
    with store.transaction():
        boilerplate._forget(store, ids)
        # its verdict changed; no line is left to count again
        assert stock_titles.judge(store, {"portlakeecho.example": {boilerplate.title_key(STOCK)}}, 3, 0.3) == {
            "portlakeecho.example": set()}
    assert store.rows("SELECT COUNT(*) FROM stock_titles") == [(0,)]
    assert store.rows("SELECT COUNT(*) FROM stock_pages") == [(0,)]


def test_a_store_made_before_stock_titles_judges_its_headlines_on_the_next_run(tmp_path, monkeypatch):
    import importlib

    from storyline import boilerplate

    backfill = importlib.import_module("storyline.store.migrations.m0014_stock_titles_backfill").SQL[1]
    write(tmp_path / "crawl", [(STOCK, [STOCK, *lines, SIDEBAR]) for lines in STORIES])
    store = open_store(str(tmp_path / "s.db"))
    with monkeypatch.context() as patched:
        patched.setattr(stock_titles, "judge", lambda *args: {})  # the clean stage before stock titles
        ingest(store, tmp_path / "crawl")
    assert kinds_of(store, SIDEBAR) == [("text", 3)]
    assert store.scalar("SELECT COUNT(*) FROM article_stages WHERE stage = 'dedup'") == 3
    with store.transaction():
        store.execute(backfill)  # what the migration queues in such a store
    assert store.rows("SELECT COUNT(*) FROM stock_titles_pending") == [(1,)]
    totals = boilerplate.run(store)
    # no new article; the headline line and the sidebar re-marked on each of the three pages
    assert totals["articles"] == 0 and totals["remarked"] == 6
    assert store.rows("SELECT COUNT(*) FROM stock_titles") == [(1,)]
    assert kinds_of(store, SIDEBAR) == [("boilerplate", 3)]
    assert kinds_of(store, STORIES[0][0]) == [("text", 1)]
    assert store.rows("SELECT COUNT(*) FROM stock_titles_pending") == [(0,)]
    # the re-marked pages go through the later stages (here dedup) again
    assert store.scalar("SELECT COUNT(*) FROM article_stages WHERE stage = 'clean'") == 3
    assert store.scalar("SELECT COUNT(*) FROM article_stages WHERE stage <> 'clean'") == 0
