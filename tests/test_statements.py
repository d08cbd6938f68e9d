"""Repeated statements: one statement per repeated sentence, with every article and outlet
that carried it, when it was first seen, and how many independent outlets carried it."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from noise_fixtures import WIRE, ingested_store

from storyline import statements
from storyline.cli import cli

OBSERVER = "https://portlakeobserver.example/news/traders-demand-help"
MILL = "https://www.millbrookherald.example/bridge-shut.html"
WIRE_URL = "https://wire.example/portlake/bridge-crack"


@pytest.fixture
def store(tmp_path):
    return ingested_store(tmp_path)


def ids(store):
    return dict(store.rows("SELECT url, id FROM articles"))


def line_of(store, url, text):
    return store.scalar("SELECT s.idx FROM sentences s JOIN articles a ON a.id = s.article_id WHERE a.url = ? AND s.text = ?",
                        (url, text))


def test_a_wire_sentence_carried_by_six_copies_counts_one_independent_outlet(store):
    wire = ids(store)[WIRE_URL]
    found = statements.statement_of(store, wire, line_of(store, WIRE_URL, WIRE[0]))
    assert (found.text, found.articles, found.outlets, found.independent_outlets) == (WIRE[0], 6, 6, 1)
    assert found.first_seen == dt.date(2025, 3, 3) and found.first_article == wire
    assert len(found.sightings) == 6 and found.sightings[0].article_id == wire


def test_a_sentence_quoted_by_another_outlets_story_counts_two(store):
    wire = ids(store)[WIRE_URL]
    found = statements.statement_of(store, wire, line_of(store, WIRE_URL, WIRE[2]))
    assert (found.articles, found.outlets, found.independent_outlets) == (7, 7, 2)
    assert {s.outlet for s in found.sightings if not s.group_id} == {"portlakeobserver.example"}


def test_near_identical_sentences_of_copies_are_one_statement(store):
    by_url = ids(store)
    mill_line = line_of(store, MILL, WIRE[1].replace("about 40,000", "roughly 40,000"))
    same = statements.same_statement(store, by_url[MILL], mill_line)
    assert (by_url[MILL], mill_line) in same
    assert (by_url[WIRE_URL], line_of(store, WIRE_URL, WIRE[1])) in same
    # wire, east, riverside, northford, lakeshore carry it verbatim; millbrook with one word changed
    assert len(same) == 6
    changed = line_of(store, MILL, WIRE[7].replace("hit footfall", "hurt footfall"))
    # eastvale stopped before it: wire, riverside, northford, lakeshore, millbrook
    assert len(statements.same_statement(store, by_url[MILL], changed)) == 5


def test_boilerplate_lines_are_not_statements(store):
    north = ids(store)["https://www.northfordgazette.example/news/commuters-face-delays"]
    comment_line = store.scalar("SELECT idx FROM sentences WHERE article_id = ? AND kind = 'boilerplate' ORDER BY idx", (north,))
    assert statements.same_statement(store, north, comment_line) == []


def test_statements_for_an_article_and_its_summary(store):
    observer = ids(store)[OBSERVER]
    found = statements.statements_for(store, [observer])
    assert [s.text for s in found] == [WIRE[2]]
    assert statements.summary_for(store, observer) == {"sentences": 4, "shared": 1, "shared_with_other_outlets": 1}


def test_independent_outlets_of_any_article_set(store):
    by_url = ids(store)
    copies = [by_url[WIRE_URL], by_url[MILL]]
    assert statements.independent_outlets(store, copies) == 1
    assert statements.independent_outlets(store, copies + [by_url[OBSERVER]]) == 2
    assert statements.independent_outlets(store, []) == 0


def test_count_independent_merges_outlets_and_groups():
    assert statements.count_independent([("a.example", "g1"), ("b.example", "g1"), ("b.example", None),
                                         ("c.example", None)]) == 2
    assert statements.count_independent([("a.example", None), ("a.example", None)]) == 1


def test_statement_records_round_trip_and_refs(store):
    wire = ids(store)[WIRE_URL]
    found = statements.statement_of(store, wire, 0)
    assert statements.Statement.from_dict(json.loads(json.dumps(found.to_dict()))) == found
    assert statements.statement_ref(statements.parse_ref(found.id)) == found.id
    assert statements.statement_ref(-1) == "ffffffffffffffff" and statements.parse_ref("ffffffffffffffff") == -1


def test_statements_command(store, tmp_path):
    result = CliRunner().invoke(cli, ["statements", "--db", str(tmp_path / "s.db"), "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["text"], r["independent_outlets"]) for r in rows] == [(WIRE[2], 2)]
