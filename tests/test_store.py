"""The store test-suite, run on SQLite and on PostgreSQL (the ``store`` fixture, conftest.py).

Every behaviour callers rely on is asserted on both back-ends with the same expected values;
the few documented differences (storyline.store.fts, storyline.store.postgres) are pinned per
back-end so a change to them is seen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.errors import NotFound, ReadOnlyStore, StoreError, UsageError
from storyline.ingest import ingest
from storyline.readers.lines import parse_lines
from storyline.records import Article, Rejection
from storyline.settings import DEFAULTS, Settings
from storyline.store import Store, open_store
from storyline.store import articles as db
from storyline.store.fts import fts5_query, parse, websearch_query
from storyline.store.migrations import all_migrations
from storyline.store.postgres import mask_password, translate

# --- a tiny corpus written for these tests (fictional places and people) ------------------
SEARCH_ARTICLES = {
    "https://gazette.example/vote": ("Vellmark vote delayed", "20250301", [
        "The elections in Vellmark were postponed until spring.",
        "Voters said the election campaign had barely started.",
    ]),
    "https://gazette.example/penn": ("Minister quits", "20250302", [
        "Minister Arlo Penn resigned on Tuesday after the vote.",
        "Colleagues expect Penn to resign from the committee as well.",
        "She is resigning because of the border talks, an aide said.",
    ]),
    "https://ledger.example/rates": ("Rates held", "20250303", [
        "The Bank of England left interest rates unchanged.",
        "The bank in England raised its fees.",
        "A new harbour opened last year.",
        "Traders watched the peso/dollar rate at <Arden Holdings Corp> as covid-19 spread in the U.S.",
        "Arnholts quay master says the crews dont expect delays.",   # apostrophes stripped, as crawls have them
        "Kessel's quay owners don't foresee delays either.",
    ]),
    "https://ledger.example/harbour": ("Harbour protest ends in arrests", "20250304", [
        "Talks between Northford and Arnholt resumed in Zürich.",
        "Fishermen protested at the harbour; police made two arrests.",
        "The harbour authority denied any arrests were made.",
        "Officials met in the capital, Northford, for crisis talks.",
    ]),
}


def make_article(url: str, title: str, day: str, sentences: list[str], source: str = "test.txt") -> Article:
    made = parse_lines(source, [title, day, url, *sentences], DEFAULTS)
    assert isinstance(made, Article), made
    return made


def corpus() -> list[Article]:
    return [make_article(url, *spec) for url, spec in SEARCH_ARTICLES.items()]


def saved(store: Store, articles: list[Article], run_id: int | None = None) -> db.SaveResult:
    with store.transaction():
        return db.save_articles(store, articles, run_id)


def write_line_files(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"a{i:02d}.txt"
        path.write_text(
            f"Harbour report number {i}\n2025030{1 + i % 9}\nhttps://gazette.example/report/{i}\n"
            f"The harbour board met for the {i}th time.\nNobody objected to item {i}.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


# --- migrations ---------------------------------------------------------------------------
def test_migrations_are_applied_once_and_reopening_applies_none(store: Store, store_target: str):
    expected = [m.number for m in all_migrations()]
    assert store.rows("SELECT version FROM schema_migrations ORDER BY version") == [(n,) for n in expected]
    assert store.migrate() == []
    with open_store(store_target) as again:
        assert again.migrate() == []
        assert again.scalar("SELECT COUNT(*) FROM schema_migrations") == len(expected)


def test_concurrent_migrate_from_two_processes(store_target: str):
    # Both processes wait for the same instant, then open (and so migrate) the empty store.
    start_at = time.time() + 1.0
    code = (
        "import sys, time; from storyline.store import open_store\n"
        "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
        "open_store(sys.argv[1]).close()\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, store_target, str(start_at)], stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    errors = [p.communicate(timeout=60)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    with open_store(store_target) as s:
        got = s.rows("SELECT version, COUNT(*) FROM schema_migrations GROUP BY version ORDER BY version")
    assert got == [(m.number, 1) for m in all_migrations()]


def test_readonly_open_of_an_unmigrated_store_says_what_to_do(store_target: str):
    if store_target.startswith("postgresql"):
        with pytest.raises(StoreError, match="is at schema 0.*storyline migrate"):
            open_store(store_target, readonly=True)
    else:  # no file yet
        with pytest.raises(NotFound, match="no store at"):
            open_store(store_target, readonly=True)


# --- articles -----------------------------------------------------------------------------
def test_saving_the_same_articles_twice_adds_nothing(store: Store):
    articles = corpus()
    first = saved(store, articles)
    assert (first.added, first.new_versions, first.unchanged) == (4, 0, 0)
    second = saved(store, articles + articles[:1])
    assert (second.added, second.new_versions, second.unchanged) == (0, 0, 5)
    assert db.counts(store) == {"articles": 4, "versions": 4, "sentences": 15, "outlets": 2, "rejections": 0}


def test_a_normalised_url_with_the_same_text_is_the_same_article(store: Store):
    saved(store, [make_article("https://gazette.example/a", "T", "20250301", ["One line here."])])
    again = saved(store, [make_article("http://www.gazette.example/a/?utm_source=feed#top", "T", "20250301", ["One line here."])])
    assert (again.added, again.new_versions, again.unchanged) == (0, 0, 1)


def test_changed_text_is_a_new_version_and_only_the_newest_is_current(store: Store):
    v1 = make_article("https://gazette.example/a", "Talks open", "20250301", ["Talks opened today."])
    v2 = make_article("https://gazette.example/a/", "Talks open", "20250301", ["Talks opened today.", "An update."])
    v3 = make_article("https://gazette.example/a", "Talks end", "20250302", ["Talks ended."])
    saved(store, [v1])
    result = saved(store, [v2, v3])
    assert (result.added, result.new_versions) == (0, 2)
    article, meta = db.get_article(store, v3.id)
    assert article == v3
    assert [(v["id"], v["version"], v["is_current"]) for v in meta["versions"]] == [
        (v1.id, 1, 0), (v2.id, 2, 0), (v3.id, 3, 1),
    ]
    assert [r["id"] for r in db.list_articles(store)] == [v3.id]
    assert [r["id"] for r in db.list_articles(store, include_old_versions=True)] == [v1.id, v2.id, v3.id]
    old, old_meta = db.get_article(store, v1.id[:8])
    assert old == v1 and old_meta["is_current"] == 0


def test_load_articles_round_trips_in_the_order_asked(store: Store):
    articles = corpus()
    saved(store, articles)
    seqs = [r[0] for r in store.rows("SELECT seq FROM articles ORDER BY seq")]
    assert db.load_articles(store, list(reversed(seqs))) == list(reversed(articles))
    assert db.load_articles(store, seqs[:1], kinds=("boilerplate",))[0].sentences == ()


def test_rejections_are_upserted_and_forgotten_per_source(store: Store):
    with store.transaction():
        db.save_rejections(store, [Rejection("a.txt", 2, "BAD_DATE", "first"), Rejection("b.txt", 1, "MISSING_URL", "m")], 1)
        db.save_rejections(store, [Rejection("a.txt", 2, "BAD_DATE", "second")], 2)
    assert [(r["source"], r["line"], r["code"], r["message"], r["run_id"]) for r in db.rejections(store)] == [
        ("a.txt", 2, "BAD_DATE", "second", 2), ("b.txt", 1, "MISSING_URL", "m", 1),
    ]
    assert [r["source"] for r in db.rejections(store, run_id=1)] == ["b.txt"]
    with store.transaction():
        db.forget_rejections(store, ["a.txt", "never-seen.txt"])
    assert [r["source"] for r in db.rejections(store)] == ["b.txt"]


def test_inputs_are_recorded_with_their_size_and_mtime(store: Store):
    big = 2**40  # sizes and nanosecond mtimes need 64-bit columns
    assert db.known_inputs(store, ["in.txt"]) == {}
    with store.transaction():
        db.mark_inputs_done(store, [("in.txt", 10, big, 3, 1), ("b.txt", 5, 7, 1, 0)], None)
    assert db.known_inputs(store, ["in.txt", "other.txt"]) == {"in.txt": (10, big)}
    with store.transaction():
        db.mark_inputs_done(store, [("in.txt", 11, big + 1, 4, 0)], 9)
    assert db.known_inputs(store, ["in.txt", "b.txt"]) == {"in.txt": (11, big + 1), "b.txt": (5, 7)}
    assert store.rows("SELECT articles, rejected, run_id FROM inputs WHERE name = ?", ("in.txt",)) == [(4, 0, 9)]


def test_stages_list_pending_current_articles_and_mark_them_done(store: Store):
    saved(store, corpus())
    seqs = [r[0] for r in store.rows("SELECT seq FROM articles ORDER BY seq")]
    assert db.pending(store, "clean") == seqs
    assert db.pending(store, "clean", limit=2) == seqs[:2]
    with store.transaction():
        db.mark_done(store, "clean", seqs[:3])
        db.mark_done(store, "clean", seqs[:1])  # again: no error, no duplicate
    assert db.pending(store, "clean") == seqs[3:]
    assert db.pending(store, "enrich") == seqs
    url, (title, day, sentences) = next(iter(SEARCH_ARTICLES.items()))
    saved(store, [make_article(url, title, day, [*sentences, "A late correction."])])
    newest = store.scalar("SELECT MAX(seq) FROM articles")
    assert db.pending(store, "enrich") == seqs[1:] + [newest]


def test_runs_are_started_and_finished(store: Store):
    run_id = db.start_run(store, "ingest", {"ingest.batch_size": 2})
    db.finish_run(store, run_id, "ok", {"added": 3})
    row = store.query_one("SELECT command, status, settings, counts, finished_at FROM runs WHERE id = ?", (run_id,))
    assert row is not None and row["finished_at"]
    assert (row["command"], row["status"], json.loads(row["settings"]), json.loads(row["counts"])) == (
        "ingest", "ok", {"ingest.batch_size": 2}, {"added": 3},
    )


# --- transactions, locking, read-only -----------------------------------------------------
def test_an_error_rolls_the_whole_transaction_back(store: Store):
    with pytest.raises(ZeroDivisionError):
        with store.transaction():
            db.save_articles(store, corpus(), None)
            1 / 0
    assert db.counts(store)["versions"] == 0
    assert saved(store, corpus()).added == 4  # the connection is usable afterwards


def test_nested_transactions_join_the_outer_one(store: Store):
    articles = corpus()
    with pytest.raises(RuntimeError):
        with store.transaction():
            db.save_articles(store, articles[:1], None)
            with store.transaction():
                db.save_articles(store, articles[1:2], None)
            with store.transaction():
                raise RuntimeError("inner failure")
    assert db.counts(store)["versions"] == 0
    with store.transaction():
        with store.transaction():
            db.save_articles(store, articles[:2], None)
        assert store.scalar("SELECT COUNT(*) FROM articles") == 2  # visible inside, not yet committed
    assert db.counts(store)["versions"] == 2


def test_a_failed_statement_caught_inside_a_transaction(store: Store):
    # SQLite undoes only the failed statement; PostgreSQL aborts the whole transaction, and
    # the store then refuses to report a commit that did not happen.
    def work() -> None:
        with store.transaction():
            db.save_articles(store, corpus()[:1], None)
            with pytest.raises(Exception):
                store.execute("INSERT INTO inputs (name) VALUES (?)", ("missing columns",))
    if store.dialect == "sqlite":
        work()
        assert db.counts(store)["versions"] == 1
    else:
        with pytest.raises(StoreError, match="rolled the whole transaction back"):
            work()
        assert db.counts(store)["versions"] == 0
    assert saved(store, corpus()[1:2]).added == 1


def test_reads_outside_a_transaction_leave_none_open(store: Store):
    assert store.scalar("SELECT COUNT(*) FROM articles") == 0
    if store.dialect == "sqlite":
        assert store.conn.in_transaction is False
    else:
        pid = store.conn.info.backend_pid
        with open_store(store.backend.url) as other:
            state = other.scalar("SELECT state FROM pg_stat_activity WHERE pid = ?", (pid,))
        assert state == "idle"


def _count_up(target: str, settings: Settings, times: int, lock: str | None) -> None:
    with open_store(target, settings=settings) as s:
        for _ in range(times):
            with s.transaction():
                if lock:
                    s.lock(lock)
                n = s.scalar("SELECT articles FROM inputs WHERE name = 'counter'")
                time.sleep(0.001)  # widen the read-then-write window
                s.execute("UPDATE inputs SET articles = ? WHERE name = 'counter'", (n + 1,))


@pytest.mark.parametrize("single_writer, lock", [(True, None), (False, "counter")])
def test_concurrent_writers_are_serialised(store: Store, store_target: str, single_writer: bool, lock: str | None):
    with store.transaction():
        db.mark_inputs_done(store, [("counter", 0, 0, 0, 0)], None)
    settings = Settings({"store.pg_single_writer": single_writer})
    threads = [threading.Thread(target=_count_up, args=(store_target, settings, 20, lock)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.scalar("SELECT articles FROM inputs WHERE name = 'counter'") == 60


def test_read_only_store_refuses_writes_with_read_only(store: Store, store_target: str):
    saved(store, corpus())
    with open_store(store_target, readonly=True) as ro:
        assert db.counts(ro)["articles"] == 4
        with pytest.raises(ReadOnlyStore) as caught:
            ro.execute("DELETE FROM articles")
        assert caught.value.code == "READ_ONLY"
        with pytest.raises(ReadOnlyStore):
            with ro.transaction():
                pass
        with pytest.raises(ReadOnlyStore):  # a write the prefix check cannot see: the engine refuses
            ro.rows("WITH doomed AS (SELECT 1) UPDATE articles SET title = 'x' RETURNING seq")
        assert ro.scalar("SELECT COUNT(*) FROM articles WHERE title = 'x'") == 0
    assert db.counts(store)["articles"] == 4


def _count_in_child(store: Store, out) -> None:
    inherited = store._local.conn
    out.send((store.scalar("SELECT COUNT(*) FROM articles"), store.conn is not inherited))


def test_a_forked_worker_opens_its_own_connection(store: Store):
    import multiprocessing

    saved(store, corpus())
    parent_conn = store.conn
    here, there = multiprocessing.get_context("fork").Pipe()
    child = multiprocessing.get_context("fork").Process(target=_count_in_child, args=(store, there))
    child.start()
    count, opened_its_own = here.recv()
    child.join(30)
    assert (child.exitcode, count, opened_its_own) == (0, 4, True)
    assert store.conn is parent_conn and saved(store, corpus()).unchanged == 4


# --- interrupted ingest -------------------------------------------------------------------
def test_interrupted_ingest_keeps_committed_batches_and_a_rerun_finishes(store: Store, tmp_path: Path, monkeypatch):
    write_line_files(tmp_path / "in", 7)
    settings = Settings({"ingest.batch_size": 2, "ingest.progress": False})
    real_save = db.save_articles
    calls = []

    def failing_save(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # as a kill or Ctrl-C in the middle of the third batch
        return real_save(*args, **kwargs)

    monkeypatch.setattr(db, "save_articles", failing_save)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, [str(tmp_path / "in")], settings=settings)
    assert db.counts(store)["articles"] == 4  # the two batches before the failure
    monkeypatch.setattr(db, "save_articles", real_save)
    report = ingest(store, [str(tmp_path / "in")], settings=settings)
    assert (report.added, report.rejected) == (3, [])
    assert db.counts(store) == {"articles": 7, "versions": 7, "sentences": 14, "outlets": 1, "rejections": 0}
    assert store.scalar("SELECT COUNT(*) FROM inputs") == 7
    again = ingest(store, [str(tmp_path / "in")], settings=settings)
    assert (again.inputs_skipped, again.added) == (7, 0)


# --- listing and search -------------------------------------------------------------------
def texts(rows: list[dict]) -> set[str]:
    return {r["text"].split()[0] + " " + r["text"].split()[1] for r in rows}


def search(store: Store, query: str, **kwargs) -> set[str]:
    return texts(db.search_sentences(store, query, **kwargs))


def test_list_articles_filters_and_pages_by_cursor(store: Store):
    saved(store, corpus())
    everything = db.list_articles(store)
    assert [r["title"] for r in everything] == ["Vellmark vote delayed", "Minister quits", "Rates held", "Harbour protest ends in arrests"]
    assert [r["title"] for r in db.list_articles(store, outlet="LEDGER.example")] == ["Rates held", "Harbour protest ends in arrests"]
    assert [r["title"] for r in db.list_articles(store, since=dt.date(2025, 3, 2), until=dt.date(2025, 3, 3))] == ["Minister quits", "Rates held"]
    assert [r["title"] for r in db.list_articles(store, query="harbour")] == ["Rates held", "Harbour protest ends in arrests"]
    assert [r["title"] for r in db.list_articles(store, query="protest")] == ["Harbour protest ends in arrests"]
    pages, after = [], None
    while page := db.list_articles(store, limit=3, after=after):
        pages.append([r["seq"] for r in page])
        after = page[-1]["seq"]
    assert pages == [[r["seq"] for r in everything[:3]], [everything[3]["seq"]]]


SAME_ON_BOTH = [
    # plurals and verb forms
    ("election", {"The elections", "Voters said"}),
    ("elections", {"The elections", "Voters said"}),
    ("resign", {"Minister Arlo", "Colleagues expect", "She is"}),
    ("resigned", {"Minister Arlo", "Colleagues expect", "She is"}),
    ("arrest", {"Fishermen protested", "The harbour"}),
    ("protest", {"Fishermen protested"}),
    ("talks", {"She is", "Talks between", "Officials met"}),
    # all words, phrases, OR, exclusion
    ("talks Northford", {"Talks between", "Officials met"}),
    ('"border talks"', {"She is"}),
    ('"talks border"', set()),
    ("Zürich OR capital", {"Talks between", "Officials met"}),
    ("Zürich or capital", {"Talks between", "Officials met"}),
    ("ZÜRICH", {"Talks between"}),
    ("harbour -police", {"The harbour", "A new"}),
    ('harbour -"police made"', {"The harbour", "A new"}),
    ('harbour -"made police"', {"Fishermen protested", "The harbour", "A new"}),
    ("--police harbour", {"The harbour", "A new"}),
    ("the harbour", {"Fishermen protested", "The harbour", "A new"}),
    # punctuation and other engines' operators are plain text, never a syntax error
    ("Northford, talks!", {"Talks between", "Officials met"}),
    ("(harbour) arrests.", {"Fishermen protested", "The harbour"}),
    ("harbour* ^arrests", {"Fishermen protested", "The harbour"}),
    ("harbour AND arrests", {"Fishermen protested", "The harbour"}),
    ("harbour NOT police", {"Fishermen protested"}),
    ("harbour & !police", {"Fishermen protested"}),
    ("harbour <-> arrests", {"Fishermen protested", "The harbour"}),
    ("NEAR(harbour police)", set()),
    ("harbour:arrests", set()),
    ("text:harbour", set()),
    ('"harbour', {"Fishermen protested", "The harbour", "A new"}),
    ('harbour" police', {"Fishermen protested"}),
    ("harbour's", {"Fishermen protested", "The harbour", "A new"}),
    ("'harbour' \\police", {"Fishermen protested"}),
    ('"" harbour:* -', {"Fishermen protested", "The harbour", "A new"}),
    ("OR OR police OR", {"Fishermen protested"}),
    ("harbour\x00police", {"Fishermen protested"}),
    # words inside paths, tag-like brackets, hyphenated and dotted forms
    ("dollar", {"Traders watched"}),
    ("peso/dollar", {"Traders watched"}),
    ("Arden Holdings", {"Traders watched"}),
    ("covid-19", {"Traders watched"}),
    ("19", {"Traders watched"}),
    ("U.S.", {"Traders watched"}),
    # apostrophes typed into a word: looked for as crawls strip them and as written
    ("dont", {"Arnholts quay"}),
    ("don't", {"Arnholts quay"}),
    ("don\u2019t expect", {"Arnholts quay"}),
    ('"Arnholt\'s quay"', {"Arnholts quay"}),
    ("Kessel's quay", {"Kessel's quay"}),
    ('"Kessels quay"', set()),
    ("quay -Arnholt's", {"Kessel's quay"}),
    ("delays -don't", {"Kessel's quay"}),
    # Porter stems and exact phrases, as FTS5 has them
    ("news", {"A new"}),
    ('"bank of england"', {"The Bank"}),
]


def test_search_means_the_same_on_both_back_ends(store: Store):
    saved(store, corpus())
    assert {query: search(store, query) for query, _ in SAME_ON_BOTH} == dict(SAME_ON_BOTH)


# Documented differences (storyline.store.fts): FTS5 folds accents, PostgreSQL does not.
DIFFERENT = [
    ("zurich", {"Talks between"}, set()),
    ("Zürich", {"Talks between"}, {"Talks between"}),
]


def test_search_differences_are_the_documented_ones(store: Store):
    saved(store, corpus())
    column = 1 if store.dialect == "sqlite" else 2
    assert {d[0]: search(store, d[0]) for d in DIFFERENT} == {d[0]: d[column] for d in DIFFERENT}


def test_searches_with_nothing_to_look_for_are_usage_errors(store: Store):
    saved(store, corpus())
    for query in ["", "   ", "(((", "the of and", "-harbour", '"to be or not to be"', "OR"]:
        with pytest.raises(UsageError, match="no words to look for"):
            search(store, query)


def test_search_filters_and_pages_by_cursor(store: Store):
    saved(store, corpus())
    assert search(store, "harbour", outlet="ledger.example", since=dt.date(2025, 3, 4)) == {"Fishermen protested", "The harbour"}
    first = db.search_sentences(store, "harbour", limit=2)
    rest = db.search_sentences(store, "harbour", after=first[-1]["sid"])
    assert texts(first) | texts(rest) == {"Fishermen protested", "The harbour", "A new"}
    assert len(first) == 2 and len(rest) == 1
    with pytest.raises(UsageError, match="at most 32"):
        search(store, " ".join(f"w{i}" for i in range(33)))


def test_unicode_round_trips_and_is_searchable(store: Store):
    lines = [
        "Łódź, São Paulo and Zürich signed the accord 🎉 today.",
        "東京 and Москва sent observers; ‏مرحبا‎ said the envoy.",
        "Combining e\u0301 and full-width ＡＢＣ stay as written.",
        "x" * 19000,
    ]
    article = make_article("https://gazette.example/ünïcode", "Ünïcode día 🎉", "20250305", lines)
    saved(store, [article])
    assert db.load_articles(store, [store.scalar("SELECT seq FROM articles")]) == [article]
    assert search(store, "łódź") == {"Łódź, São"}
    assert search(store, "Москва") == {"東京 and"}
    assert [r["title"] for r in db.list_articles(store, query="día")] == ["Ünïcode día 🎉"]


def test_nul_characters_are_kept_on_sqlite_and_replaced_on_postgresql(store: Store):
    # Readers turn control characters into spaces; a caller of the Python API may not.
    article = make_article("https://gazette.example/nul", "Odd", "20250305", ["before after"])
    article = dataclasses.replace(article, sentences=(dataclasses.replace(article.sentences[0], text="before\x00after"),))
    saved(store, [article])
    stored = store.scalar("SELECT text FROM sentences")
    assert stored == ("before\x00after" if store.dialect == "sqlite" else "before\ufffdafter")


def test_values_come_back_as_sqlite_returns_them(store: Store):
    with store.transaction():
        db.mark_inputs_done(store, [("a", 1, 1, 1, 0), ("b", 2, 2, 2, 0)], None)
        store.execute("UPDATE inputs SET rejected = ? WHERE name = ?", (True, "a"))
    row = store.rows("SELECT SUM(size), AVG(size), MAX(size) > 1, SUM(rejected) FROM inputs")[0]
    assert row == (3, 1.5, 1, 1)
    assert [type(v) for v in row] == [int, float, int, int]
    assert store.scalar("SELECT '100%' || ? || '?'", ("x",)) == "100%x?"
    assert store.rows("SELECT name FROM inputs WHERE name LIKE ? ORDER BY name", ("%",)) == [("a",), ("b",)]


# --- the command line ---------------------------------------------------------------------
def test_cli_ingest_then_articles_json(store_target: str, tmp_path: Path):
    write_line_files(tmp_path / "in", 3)
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(tmp_path / "in"), "--db", store_target, "--no-enrich", "--json", "-q"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 3
    listed = runner.invoke(cli, ["articles", "--db", store_target, "--json"])
    assert listed.exit_code == 0, listed.output
    assert [(r["title"], r["outlet"]) for r in json.loads(listed.stdout)] == [
        (f"Harbour report number {i}", "gazette.example") for i in range(3)
    ]


# --- PostgreSQL specifics (no server needed) ----------------------------------------------
def test_placeholders_and_percent_signs_are_translated_for_psycopg():
    assert translate("SELECT * FROM t WHERE a = ? AND b LIKE '50%?' -- why?\n AND c = ?") == (
        "SELECT * FROM t WHERE a = %s AND b LIKE '50%%?' -- why?\n AND c = %s"
    )
    assert translate("SELECT 'it''s ?', \"odd?col\", x % 2 FROM t WHERE y = ?") == (
        "SELECT 'it''s ?', \"odd?col\", x %% 2 FROM t WHERE y = %s"
    )


def test_passwords_are_masked_in_store_targets():
    assert mask_password("postgresql://ann:s3cr@t!@db.example:5432/news?sslmode=require") == (
        "postgresql://ann:***@db.example:5432/news?sslmode=require"
    )
    assert mask_password("postgresql://db.example/news?user=ann&password=pw&x=1") == (
        "postgresql://db.example/news?user=ann&password=***&x=1"
    )
    assert mask_password("postgresql://ann@db.example/news") == "postgresql://ann@db.example/news"


def test_an_unreachable_server_is_a_store_error_naming_it_without_the_password():
    settings = Settings({"store.pg_connect_timeout_s": 2})
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://ann:hunter2@127.0.0.1:1/news", settings=settings)
    message = str(caught.value)
    assert message.startswith("STORE_ERROR cannot connect to the PostgreSQL store postgresql://ann:***@127.0.0.1:1/news")
    assert "hunter2" not in message and "pg_isready" in message


def test_test_databases_need_plain_names():
    from storyline.store.postgres import create_database, database_url

    with pytest.raises(StoreError, match="not a plain database name"):
        create_database("postgresql://ann@127.0.0.1:1/postgres", 'x"; DROP DATABASE postgres; --')
    assert database_url("postgresql://ann:pw@db.example:5433/postgres?sslmode=require", "news") == (
        "postgresql://ann:pw@db.example:5433/news?sslmode=require"
    )


def test_a_contractions_tail_alone_is_never_looked_for():
    # "I'm" split is "I m", and "I" is a stop word: "m" alone would find any "m"
    assert fts5_query("I'm leaving") == '("Im" AND "leaving")'
    assert fts5_query("O'Brien's") == '("OBriens") OR ("O Brien")'


def test_queries_are_translated_with_one_structure_for_both_engines():
    query = 'Talks "border crossing" -Vellmark or the harbour\'s'
    assert [[(t.negated, t.words) for t in g] for g in parse(query)] == [
        [(False, ("Talks",)), (False, ("border", "crossing")), (True, ("Vellmark",))],
        [(False, ("harbours",))],   # a word with an apostrophe: as a crawl strips it ...
        [(False, ("harbour",))],    # ... and as written ("harbour s", the edge stop word left out)
    ]
    assert fts5_query(query) == '(("Talks" AND "border crossing") NOT "Vellmark") OR ("harbours") OR ("harbour")'
    assert websearch_query(query) == '"Talks" "border crossing" -"Vellmark" OR "harbours" OR "harbour"'


@pytest.mark.postgres
def test_a_lost_connection_is_replaced_on_the_next_statement(pg_target: str):
    import psycopg

    with open_store(pg_target) as store, open_store(pg_target) as admin:
        pid = store.conn.info.backend_pid
        assert admin.scalar("SELECT pg_terminate_backend(?)", (pid,)) == 1
        with pytest.raises(psycopg.OperationalError):
            store.scalar("SELECT 1")
        assert store.scalar("SELECT COUNT(*) FROM articles") == 0
        assert store.conn.info.backend_pid != pid


# --- every stage's tables, on both back-ends ----------------------------------------------
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
# A wire story with its copies, two outlets' own articles, broken files and a saved page:
# enough for every stage to write every table, few enough sentences to run in seconds.
EXAMPLE_INPUTS = [str(EXAMPLES / d) for d in ("continental-press", "daily-clarion", "northford-gazette", "broken", "pages")]


def table_contents(store: Store, tables: list[str]) -> dict[str, list[tuple]]:
    """Each table's rows, sorted, without clock times (``*_at`` columns) and PostgreSQL's
    ``tsv``; floats rounded to 9 digits."""
    contents = {}
    for table in tables:
        cur = store.execute(f"SELECT * FROM {table}")
        keep = [i for i, d in enumerate(cur.description) if not (d[0] == "at" or d[0].endswith("_at") or d[0] == "tsv")]
        rows = [tuple(round(r[i], 9) if isinstance(r[i], float) else r[i] for i in keep) for r in cur.fetchall()]
        contents[table] = sorted(rows, key=repr)
    return contents


@pytest.mark.postgres
def test_the_pipeline_fills_every_table_alike_on_both_back_ends(tmp_path: Path, pg_target: str):
    from storyline import pipeline

    settings = Settings({"ingest.progress": False, "ingest.jobs": 1})  # no process pool: faster here
    reports, contents, tables = [], [], []
    for target in (pg_target, str(tmp_path / "store.db")):  # PostgreSQL's table list has no FTS5 tables
        with open_store(target, settings=settings) as store:
            reports.append(pipeline.ingest_and_process(store, EXAMPLE_INPUTS, settings=settings).to_dict())
            tables = tables or [r[0] for r in store.rows(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
            )]
            contents.append(table_contents(store, tables))
    for report in reports:
        report.pop("seconds")
    assert reports[0] == reports[1]
    assert reports[0]["added"] > 0 and reports[0]["stages"]
    assert contents[0] == contents[1]


def test_id_prefixes_resolve_when_unique_and_say_what_to_do_otherwise(store):
    from storyline.store.base import resolve_id

    with store.transaction():
        store.execute("CREATE TABLE ids_test (id TEXT PRIMARY KEY)")
        store.executemany("INSERT INTO ids_test (id) VALUES (?)",
                          [("abcd1234ffff0000",), ("abcd9999ffff0000",), ("12345678ffff0000",)])

    def resolve(ref):
        return resolve_id(store, "ids_test", ref, "article", "storyline articles")

    assert resolve("12345678ffff0000") == "12345678ffff0000"
    assert resolve(" 1234 ") == "12345678ffff0000"
    assert resolve("ABCD1") == "abcd1234ffff0000"
    with pytest.raises(UsageError, match=r"the article id prefix 'abcd' is ambiguous \(abcd1234ffff0000, abcd9999ffff0000"):
        resolve("abcd")
    with pytest.raises(UsageError, match=r"article id '123' is too short: give at least 4 characters"):
        resolve("123")
    with pytest.raises(NotFound, match=r"no article with id 'ffff'; `storyline articles` lists them"):
        resolve("ffff")
