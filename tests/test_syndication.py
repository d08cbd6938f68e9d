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

from storyline import pipeline, shingles, statements, syndication
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


# --- the copy decision ------------------------------------------------------------------------
def fingerprint(sentences, day="2025-03-03"):
    import datetime as dt

    found, figures = shingles.shingles_and_figures(sentences, DEFAULTS["dedup.shingle_words"])
    return syndication.Fingerprint(found, figures, dt.date.fromisoformat(day))


def test_a_truncated_copy_is_linked_on_its_exact_containment():
    full, half = fingerprint(WIRE), fingerprint(WIRE[:4])
    inter = len(full.shingles & half.shingles)
    expected = (round(inter / len(full.shingles | half.shingles), 4), round(inter / len(half.shingles), 4))
    assert expected[1] == 1.0 and expected[0] < DEFAULTS["dedup.min_jaccard"]
    assert syndication.copy_evidence(full, half) == expected
    assert syndication.copy_evidence(half, full) == expected


def test_a_copy_that_changes_a_figure_is_another_report():
    changed = [WIRE[0], WIRE[1].replace("40,000", "45,000"), *WIRE[2:]]
    assert shingles.figures(WIRE) == {"40", "000", "2009", "12"}
    # 11 of 12 sentences identical: a copy by its words, but one of its four figures differs
    assert shingles.overlap(fingerprint(WIRE).shingles, fingerprint(changed).shingles)[0] > 0.9
    assert syndication.copy_evidence(fingerprint(WIRE), fingerprint(changed)) is None
    # a word changed instead of a figure keeps it a copy
    reworded = [WIRE[0], WIRE[1].replace("about 40,000", "roughly 40,000"), *WIRE[2:]]
    assert syndication.copy_evidence(fingerprint(WIRE), fingerprint(reworded)) is not None


def test_templated_one_line_briefs_are_not_copies_of_each_other():
    first = fingerprint(["Quarterly dividend of 12 cents a share, payable April 1 to holders of record March 15."])
    second = fingerprint(["Quarterly dividend of 12 cents a share, payable April 3 to holders of record March 17."])
    assert len(first.shingles) < DEFAULTS["dedup.min_shingles"]
    assert syndication.copy_evidence(first, second) is None
    same = fingerprint(["Quarterly dividend of 12 cents a share, payable April 1 to holders of record March 15."])
    assert syndication.copy_evidence(first, same) == (1.0, 1.0)


def test_a_brief_with_one_figure_changed_is_another_brief_even_with_many_figures():
    line = "Quarterly dividend of 12-1/2 cents against 12-1/2 cents, payable May 29 to holders of record May {}."
    first, second = fingerprint([line.format(15)]), fingerprint([line.format(17)])
    assert first.figures == {"12", "1", "2", "29", "15"}  # one of five missing would pass a long text
    assert len(first.shingles) < DEFAULTS["dedup.min_shingles"]
    assert syndication.copy_evidence(first, second) is None
    assert syndication.copy_evidence(first, fingerprint([line.format(15)])) == (1.0, 1.0)


def test_a_changed_figure_is_an_update_on_the_same_day_and_a_template_days_later():
    story = [*WIRE, "Traffic on the ring road rose by 18 percent on Tuesday."]
    updated = [story[0], story[1].replace("40,000", "45,000"), *story[2:]]
    assert shingles.figures(story) == {"40", "000", "2009", "12", "18"}
    assert syndication.copy_evidence(fingerprint(story), fingerprint(updated, day="2025-03-04")) is not None
    assert syndication.copy_evidence(fingerprint(story), fingerprint(updated, day="2025-03-06")) is None
    # figures only dropped (a truncated copy) stay a copy days later
    assert syndication.copy_evidence(fingerprint(story), fingerprint(story[:6], day="2025-03-06")) is not None


def test_copies_weeks_apart_must_be_near_identical():
    later = fingerprint(WIRE[:4], day="2025-04-20")
    assert syndication.copy_evidence(fingerprint(WIRE), later) is None  # truncated: contained, not identical
    assert syndication.copy_evidence(fingerprint(WIRE), fingerprint(WIRE, day="2025-04-20")) == (1.0, 1.0)
    assert syndication.copy_evidence(fingerprint(WIRE), fingerprint(WIRE[:4], day="2025-03-17")) is not None


# --- groups kept incrementally --------------------------------------------------------------
def copies_folder(root, n, start=0):
    """``n`` local copies of the wire story on their own sites, each missing one sentence."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        lines = [s for j, s in enumerate(WIRE) if j != i % len(WIRE)]
        (root / f"copy{i}.txt").write_text("\n".join(
            [f"Harbour bridge shut ({i})", "20250304", f"https://site{i}.example/news/bridge", *lines]) + "\n")
    return root


def test_a_large_group_grown_in_batches_equals_one_grown_at_once_with_few_links_each(tmp_path):
    from storyline.settings import Settings

    settings = Settings.from_pairs(["dedup.max_candidates=3", "dedup.batch_size=4"])

    def run(store, *folders):
        pipeline.ingest_and_process(store, [str(f) for f in folders], process=False)
        pipeline.run_stages(store, only=["clean", "dedup"], settings=settings)

    parts = [copies_folder(tmp_path / f"part{k}", 6, start=6 * k) for k in range(3)]
    at_once = open_store(str(tmp_path / "once.db"))
    run(at_once, *parts)
    grown = open_store(str(tmp_path / "grown.db"))
    for part in parts:
        run(grown, part)
    assert dump(grown) == dump(at_once)
    group = syndication.groups(grown)[0]
    assert (group.size, group.outlets) == (18, 18)
    links = grown.rows("SELECT a, b FROM syndication_links")
    per_article = {}
    for a, b in links:
        per_article[a] = per_article.get(a, 0) + 1
        per_article[b] = per_article.get(b, 0) + 1
    # each article compares itself with its 3 best candidates; it may be chosen by more
    assert len(links) <= 3 * 18
    assert min(per_article.values()) >= 1


def test_a_group_whose_members_all_get_new_versions_leaves_no_trace(tmp_path):
    pair = tmp_path / "pair"
    copies_folder(pair, 2)
    store = open_store(str(tmp_path / "s.db"))
    ingest(store, pair)
    assert syndication.summary(store) == {"groups": 1, "articles_in_groups": 2, "copies": 1}
    for i in range(2):  # both copies replaced by unrelated notices
        (pair / f"copy{i}.txt").write_text(f"Notice {i}\n20250305\nhttps://site{i}.example/news/bridge\n"
                                            f"Site {i} has withdrawn this article at the request of its author.\n")
    ingest(store, pair)
    fresh = open_store(str(tmp_path / "fresh.db"))
    ingest(fresh, pair)
    assert syndication.summary(store) == {"groups": 0, "articles_in_groups": 0, "copies": 0}
    assert store.rows("SELECT * FROM syndication_members") == [] and store.rows("SELECT * FROM syndication_groups") == []
    ids = [r[0] for r in store.rows("SELECT id FROM articles WHERE is_current = 1")]
    assert syndication.group_ids(store, ids) == {}


def test_bucket_reads_stop_at_the_cap_on_both_back_ends(store):
    with store.transaction():
        store.executemany("INSERT INTO dedup_bands (key, seq) VALUES (?,?)",
                          [(5, s) for s in (9, 3, 7, 1, 8)] + [(-7, 4), (-7, 2)])
    assert syndication._buckets(store, [5, -7, 11], 3) == {5: [1, 3, 7], -7: [2, 4]}
    found = statements.first_rows(store, [5, -7], "SELECT key, seq FROM dedup_bands WHERE key = ? ORDER BY key, seq", 2)
    assert found == {5: [(1,), (3,)], -7: [(2,), (4,)]}


def test_the_benchmark_gold_joins_re_sent_reports_but_not_template_briefs():
    # benchmarks/noise_corpus.natural_copies decides which source articles are already copies
    # of one report; it must not depend on the detector, and must not take templates for copies.
    import datetime as dt
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    import noise_corpus as nc

    def raw(key, sentences):
        return nc.newscorpus.RawArticle(key, f"Title {key}", dt.date(2025, 3, 3), f"https://x.example/{key}", tuple(sentences))

    brief = "Quarterly dividend of 12 cents a share, payable April {} to holders of record March {}."
    found = nc.natural_copies([
        raw("wire", WIRE),
        raw("resent", [WIRE[0], WIRE[1].replace("about", "around"), *WIRE[2:8]]),  # a word changed, cut short
        raw("figure", [WIRE[0], WIRE[1].replace("40,000", "45,000"), *WIRE[2:]]),  # another figure: another report
        raw("brief-a", [brief.format(1, 15)]),
        raw("brief-b", [brief.format(3, 17)]),  # one line apart: too short to call a copy
    ])
    assert found == [("resent", "wire")]
