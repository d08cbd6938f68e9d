"""Syndicated copies: a wire story and five local copies grouped end to end through
`storyline ingest`, with exact groups, canonical choice, and order independence."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from noise_fixtures import WIRE, ingest, write

from storyline import pipeline, shingles, syndication
from storyline.cli import cli
from storyline.settings import DEFAULTS
from storyline.store import open_store

URL = {
    "wire": "https://wire.example/portlake/bridge-crack",
    "east": "https://eastvalepost.example/story/bridge-closure",
    "river": "https://riversidetimes.example/local/harbour-bridge-closed",
    "north": "https://www.northfordgazette.example/news/commuters-face-delays",
    "mill": "https://www.millbrookherald.example/bridge-shut.html",
    "lake": "https://lakeshorenews.example/articles/cracked-bearing",
}


@pytest.fixture
def corpus(tmp_path):
    return write(tmp_path / "crawl")


def ingest_into(target, *folders):
    """A store at ``target`` with the folders ingested in one run."""
    store = open_store(target)
    ingest(store, *folders)
    return store


def ids_by_url(store):
    return dict(store.rows("SELECT url, id FROM articles"))


def dump(store) -> dict:
    """Everything the noise stages decide, in a form independent of ingest order."""
    queries = {
        "kinds": "SELECT article_id, idx, kind FROM sentences ORDER BY article_id, idx",
        "furniture": "SELECT outlet, line_key, stories FROM furniture ORDER BY outlet, line_key",
        "embeds": "SELECT * FROM embeds ORDER BY article_id, idx",
        "signatures": "SELECT article_id, n_sentences, n_chars, n_shingles, signature FROM dedup_signatures ORDER BY article_id",
        "links": "SELECT a, b, jaccard, containment FROM syndication_links ORDER BY a, b",
        "members": "SELECT article_id, group_id FROM syndication_members ORDER BY article_id",
        "groups": "SELECT * FROM syndication_groups ORDER BY id",
        "statement_sentences": "SELECT article_id, idx, skey, statement FROM statement_sentences ORDER BY article_id, idx",
        "fuzzy": "SELECT * FROM statement_fuzzy ORDER BY a_article, a_idx, b_article, b_idx",
        "statements": "SELECT * FROM statements ORDER BY id",
    }
    return {name: [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in store.rows(sql)]
            for name, sql in queries.items()}


def test_wire_story_and_five_copies_form_one_group_with_the_wire_canonical(store_target, corpus):
    store = ingest_into(store_target, corpus["first"], corpus["second"])
    ids = ids_by_url(store)
    groups = syndication.groups(store)
    assert len(groups) == 1
    group = groups[0]
    members = {ids[u]: name for name, u in URL.items()}
    assert {c.article_id for c in group.members} == set(members)
    assert group.size == 6 and group.outlets == 6
    assert group.id == min(members)
    assert group.canonical == ids[URL["wire"]]
    assert [c.canonical for c in group.members] == [True, False, False, False, False, False]
    assert group.members[0].url == URL["wire"]
    assert str(group.first_published) == "2025-03-03"
    # every copy keeps its own URL and outlet
    assert sorted(c.url for c in group.members) == sorted(URL.values())
    assert syndication.group_of(store, ids[URL["mill"]]) == group
    other = ids["https://portlakeobserver.example/news/traders-demand-help"]
    assert syndication.group_of(store, other) is None
    assert syndication.summary(store) == {"groups": 1, "articles_in_groups": 6, "copies": 5}


def test_truncated_copies_that_do_not_overlap_enough_are_joined_by_the_full_story(store_target, corpus):
    store = ingest_into(store_target, corpus["first"])
    ids = ids_by_url(store)
    # east (first six sentences) and river (three of them plus four others) are not copies
    # of each other; north (the full story) contains both.
    group = syndication.group_of(store, ids[URL["east"]])
    assert {c.article_id for c in group.members} == {ids[URL["east"]], ids[URL["river"]], ids[URL["north"]]}
    assert group.canonical == ids[URL["north"]]
    links = store.rows("SELECT a, b FROM syndication_links")
    assert tuple(sorted((ids[URL["east"]], ids[URL["river"]]))) not in links


def test_two_batches_give_the_same_store_as_one(tmp_path, corpus):
    at_once = ingest_into(str(tmp_path / "once.db"), corpus["first"], corpus["second"])
    # same inputs, but the second batch arrives after the first was fully processed
    # (NORTH_FURNITURE becomes furniture only with the second batch, and the wire story
    # merges groups): the earlier decisions must be redone.
    split = open_store(str(tmp_path / "split.db"))
    first = ingest(split, corpus["first"])
    second = ingest(split, corpus["second"])
    assert second.stages["clean"]["remarked"] == 2
    assert first.stages["dedup"]["articles"] == 6
    assert second.stages["dedup"]["articles"] == 7  # five new, and the two re-marked northford ones
    assert dump(split) == dump(at_once)


def test_a_new_version_replaces_the_old_one_in_its_group(tmp_path, corpus):
    store = ingest_into(str(tmp_path / "s.db"), corpus["first"], corpus["second"])
    old = ids_by_url(store)[URL["mill"]]
    (corpus["second"] / "mill-copy.txt").write_text(
        "Portlake bridge shut for repairs\n20250305\n" + URL["mill"] + "\n"
        "The Millbrook Herald has removed this article at the request of its author.\n")
    ingest(store, corpus["second"])
    new = store.scalar("SELECT id FROM articles WHERE url = ? AND is_current = 1", (URL["mill"],))
    assert new != old
    group = syndication.groups(store)[0]
    assert group.size == 5 and old not in {c.article_id for c in group.members}
    assert store.scalar("SELECT COUNT(*) FROM statement_sentences WHERE article_id = ?", (old,)) == 0


def test_dupes_command_lists_groups_with_members_and_urls(tmp_path, corpus):
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(corpus["first"]), str(corpus["second"]), "--db", db, "-q", "--no-enrich"])
    assert result.exit_code == 0
    result = runner.invoke(cli, ["enrich", "--stage", "clean", "--stage", "dedup", "--db", db, "--json"])
    assert json.loads(result.stdout)["dedup"] == {"articles": 11, "links": 14, "regrouped": 6, "groups": 1}
    out = json.loads(runner.invoke(cli, ["dupes", "--db", db, "--json"]).stdout)
    assert [g["size"] for g in out] == [6]
    assert out[0]["members"][0]["url"] == URL["wire"] and out[0]["members"][0]["canonical"] is True
    assert sorted(m["outlet"] for m in out[0]["members"]) == [
        "eastvalepost.example", "lakeshorenews.example", "millbrookherald.example",
        "northfordgazette.example", "riversidetimes.example", "wire.example"]
    table = runner.invoke(cli, ["dupes", "--db", db], env={"COLUMNS": "200"}).stdout
    assert table.count(out[0]["id"]) == 6
    assert URL["lake"] in table


def test_shingles_stay_inside_sentences_and_ignore_case_and_punctuation():
    assert shingles.normalize("Reeves told reporters: We will not reopen!") == "reeves told reporters we will not reopen"
    assert shingles.sentence_shingles(["a", "b", "c"], 4) == ["a b c"]
    assert shingles.shingle_set(["One two three four five.", "Six seven."], 4) == {
        b"one two three four", b"two three four five", b"six seven"}
    assert shingles.line_key("Share THIS!") == shingles.line_key("share this")
    assert shingles.line_key("***") == 0


def test_signatures_estimate_jaccard_and_containment():
    full = shingles.shingle_set(WIRE, 4)
    half = shingles.shingle_set(WIRE[:6], 4)
    a = shingles.signature(full, 128)
    b = shingles.signature(half, 128)
    assert shingles.signature(set(), 128) is None
    assert np.array_equal(shingles.signature_from_bytes(shingles.signature_bytes(a)), a)
    jac, con = shingles.estimate_overlap(b, a[None, :], len(half), np.array([len(full)]))
    true_j = len(half) / len(full)
    assert abs(jac[0] - true_j) < 0.15
    assert con[0] > 0.85
    assert len(shingles.band_keys(a, 32, 4)) == 32


def test_records_round_trip():
    copy = syndication.Copy("a1", "https://x.example/1", "x.example", "T", __import__("datetime").date(2025, 3, 3), 4, True)
    group = syndication.SyndicationGroup("a1", "a1", 2, 1, copy.published, (copy,))
    assert syndication.SyndicationGroup.from_dict(json.loads(json.dumps(group.to_dict()))) == group


def test_dedup_needs_clean_first(tmp_path, corpus):
    from storyline.errors import UsageError

    store = open_store(str(tmp_path / "s.db"))
    pipeline.ingest_and_process(store, [str(corpus["first"])], process=False)
    with pytest.raises(UsageError, match="needs clean first"):
        pipeline.run_stages(store, only=["dedup"], settings=DEFAULTS)


REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def golden_script():
    return runpy.run_path(str(REPO / "scripts" / "regenerate-golden"))


def test_example_corpus_groups_match_the_golden_file(golden_script):
    built = golden_script["build"](["example_groups.json"])["example_groups.json"]
    expected = (REPO / "tests" / "golden" / "example_groups.json").read_text(encoding="utf-8")
    assert built == expected, "run scripts/regenerate-golden and review the diff"


def test_example_corpus_groups_are_the_answer_keys_copies(golden_script):
    # examples/README.md, "Syndicated wire copies": the sanctions story and five copies, the
    # summit story and two; nothing else is a copy.
    groups = json.loads((REPO / "tests" / "golden" / "example_groups.json").read_text(encoding="utf-8"))
    hosts = sorted(sorted(m["outlet"] + m["published"][-3:] for m in g["members"]) for g in groups)
    assert hosts == [
        ["ardenpost.example-07", "continentalpress.example-07", "eskebycourier.example-07",
         "kestrelvalleyherald.example-07", "lakesideecho.example-08", "northfordgazette.co.uk-07"],
        ["continentalpress.example-13", "kestrelvalleyherald.example-13", "lakesideecho.example-14"],
    ]
