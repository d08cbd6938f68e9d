"""The foundation commands driven in-process: exact output and exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from storyline.cli import cli

ARTICLE = "Talks stall in Vellmark\n20250308\nhttps://www.gazette.example.com/news/1\nMinisters met on Monday.\nThe talks stalled over the crossing.\n"
SECOND = "Floods hit Northford\n20250309\nhttps://post.example.org/floods\nRiver levels rose overnight.\n"


@pytest.fixture
def env(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "b.txt").write_text(SECOND)
    return tmp_path, folder, str(tmp_path / "s.db")


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def ids(db):
    return [a["id"] for a in json.loads(run("articles", "--db", db, "--json").stdout)]


def test_ingest_exit_0_and_summary_on_stderr(env):
    _, folder, db = env
    result = run("ingest", str(folder), "--db", db, "--no-enrich")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.startswith("2 inputs (0 unchanged since last time), 2 articles read: 2 added, 0 new versions, 0 already stored, 0 rejected in ")


def test_ingest_with_rejections_exits_1_and_lists_file_line_code(env):
    _, folder, db = env
    (folder / "c.txt").write_text("Bad\n20221345\nhttps://x.example.com/c\nText.\n")
    result = run("ingest", str(folder), "--db", db, "--no-enrich")
    assert result.exit_code == 1
    first_line = result.stderr.splitlines()[0]
    assert first_line == f"{folder}/c.txt:2: BAD_DATE '20221345' is not a calendar date; write it as YYYYMMDD"
    rej = json.loads(run("rejections", "--db", db, "--json").stdout)
    assert [(r["line"], r["code"]) for r in rej] == [(2, "BAD_DATE")]


def test_ingest_json_report(env):
    _, folder, db = env
    result = run("ingest", str(folder), "--db", db, "--no-enrich", "--json", "-q")
    report = json.loads(result.stdout)
    assert {k: report[k] for k in ("inputs", "articles_read", "added", "rejected")} == {"inputs": 2, "articles_read": 2, "added": 2, "rejected": 0}
    assert result.stderr == ""


def test_ingest_from_stdin(env):
    _, _, db = env
    result = run("ingest", "-", "--db", db, "--no-enrich", "-q", input=ARTICLE)
    assert result.exit_code == 0
    assert len(ids(db)) == 1


def test_store_that_cannot_be_created_is_a_failure_exit_3(env):
    tmp, folder, _ = env
    result = run("ingest", str(folder), "--db", str(tmp / "no" / "such" / "dir" / "s.db"))
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: STORE_ERROR cannot create the store ")


def test_bad_setting_is_a_usage_error(env):
    _, folder, db = env
    result = run("ingest", str(folder), "--db", db, "--set", "ingest.batch_size=lots")
    assert result.exit_code == 2
    assert result.stderr == "Error: BAD_REQUEST setting ingest.batch_size takes a int, not 'lots' (default 500)\n"
    result = run("ingest", str(folder), "--db", db, "--set", "no.such=1")
    assert result.exit_code == 2 and "unknown setting 'no.such'" in result.stderr


def test_articles_listing_filters_and_cursor(env):
    _, folder, db = env
    run("ingest", str(folder), "--db", db, "--no-enrich", "-q")
    rows = json.loads(run("articles", "--db", db, "--json").stdout)
    assert [(r["outlet"], r["published"], r["title"]) for r in rows] == [
        ("gazette.example.com", "2025-03-08", "Talks stall in Vellmark"),
        ("post.example.org", "2025-03-09", "Floods hit Northford"),
    ]
    assert [r["title"] for r in json.loads(run("articles", "--db", db, "--json", "--since", "2025-03-09").stdout)] == ["Floods hit Northford"]
    assert [r["title"] for r in json.loads(run("articles", "--db", db, "--json", "--source", "gazette.example.com").stdout)] == ["Talks stall in Vellmark"]
    assert [r["title"] for r in json.loads(run("articles", "--db", db, "--json", "--query", "river").stdout)] == ["Floods hit Northford"]
    page = json.loads(run("articles", "--db", db, "--json", "--limit", "1", "--after", str(rows[0]["seq"])).stdout)
    assert [r["title"] for r in page] == ["Floods hit Northford"]
    assert run("articles", "--db", db, "--since", "2025-13-01").exit_code == 2


def test_show_by_prefix_and_unknown_id(env):
    _, folder, db = env
    run("ingest", str(folder), "--db", db, "--no-enrich", "-q")
    first = ids(db)[0]
    result = run("show", first[:8], "--db", db)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Talks stall in Vellmark"
    assert lines[1] == "2025-03-08  gazette.example.com  https://www.gazette.example.com/news/1"
    assert "    4  Ministers met on Monday." in lines
    view = json.loads(run("show", first, "--db", db, "--json").stdout)
    assert view["counts"]["sentences"] == 2 and view["version"] == 1 and view["is_current"] is True
    missing = run("show", "ffffffffffff", "--db", db)
    assert missing.exit_code == 2
    assert missing.stderr == "Error: NOT_FOUND no article with id 'ffffffffffff'; `storyline articles` lists them\n"


def test_search_words_phrases_and_hostile_syntax(env):
    _, folder, db = env
    run("ingest", str(folder), "--db", db, "--no-enrich", "-q")
    hits = json.loads(run("search", "talks stalled", "--db", db, "--json").stdout)
    assert [(h["line"], h["text"]) for h in hits] == [(5, "The talks stalled over the crossing.")]
    assert json.loads(run("search", '"met on Monday"', "--db", db, "--json").stdout)[0]["line"] == 4
    assert [h["text"] for h in json.loads(run("search", "river OR crossing", "--db", db, "--json").stdout)] == [
        "The talks stalled over the crossing.", "River levels rose overnight."]
    assert json.loads(run("search", "talks -crossing", "--db", db, "--json").stdout) == []
    # FTS operators and stray quotes are plain text, never a syntax error.
    for nasty in ['NEAR(talks', 'talks"', "col:umn AND (", "*"]:
        result = run("search", nasty, "--db", db, "--json")
        assert result.exit_code in (0, 2), result.stderr
    assert run("search", "*", "--db", db).stderr.startswith("Error: BAD_REQUEST the search '*' has no words to look for")


def test_export_formats(env, tmp_path):
    _, folder, db = env
    run("ingest", str(folder), "--db", db, "--no-enrich", "-q")
    jl = [json.loads(line) for line in run("export", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert [a["sentences"] for a in jl] == [["Ministers met on Monday.", "The talks stalled over the crossing."], ["River levels rose overnight."]]
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "csv").stdout)))
    assert [(r["line"], r["text"]) for r in rows] == [("4", "Ministers met on Monday."), ("5", "The talks stalled over the crossing."), ("4", "River levels rose overnight.")]
    pq_path = tmp_path / "out.parquet"
    assert run("export", "--db", db, "--format", "parquet", "-o", str(pq_path)).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(pq_path).num_rows == 3
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2


def test_export_lines_round_trips_to_the_same_articles(env, tmp_path):
    _, folder, db = env
    run("ingest", str(folder), "--db", db, "--no-enrich", "-q")
    out = tmp_path / "exported"
    run("export", "--db", db, "--format", "lines", "-o", str(out))
    db2 = str(tmp_path / "s2.db")
    run("ingest", str(out), "--db", db2, "--no-enrich", "-q")
    assert sorted(ids(db2)) == sorted(ids(db))


def test_settings_lists_every_setting_with_a_reason(env):
    rows = json.loads(run("settings", "--json").stdout)
    names = [r["name"] for r in rows]
    assert "ingest.batch_size" in names and "store.path" in names
    assert all(len(r["why"]) > 20 for r in rows)
    changed = json.loads(run("settings", "--json", "--set", "ingest.batch_size=7").stdout)
    assert next(r["value"] for r in changed if r["name"] == "ingest.batch_size") == 7


def test_read_commands_on_a_missing_store_say_what_to_do(env):
    tmp, _, _ = env
    result = run("articles", "--db", str(tmp / "none.db"))
    assert result.exit_code == 2
    assert "run `storyline ingest PATH --db" in result.stderr


def test_table_stretches_only_columns_with_long_text(capsys):
    # a short text column (an entity's type) stays as narrow as its values; a long one (a
    # story label) takes the spare width
    from storyline.output import emit_table

    emit_table([{"name": "Arnholt", "label": "GPE"}, {"name": "Jane Hale", "label": "PERSON"}], ["name", "label"])
    assert capsys.readouterr().out.splitlines() == [
        "name       label ", "Arnholt    GPE   ", "Jane Hale  PERSON"]
    emit_table([{"id": "a1", "label": "Northford threatens Arnholt with sanctions over border troops"}], ["id", "label"])
    header = capsys.readouterr().out.splitlines()[0]
    assert header.startswith("id  label") and len(header) == 200  # a pipe is 200 columns wide


def test_listing_limits_and_empty_dyad_names_are_usage_errors(env):
    # SQLite reads LIMIT -5 as no limit at all, and an empty name matched every event.
    _, folder, db = env
    run("ingest", str(folder), "--db", db, "--no-enrich", "-q")
    result = run("entities", "--db", db, "--limit", "-5")
    assert result.exit_code == 2 and "Invalid value for '--limit': -5 is not in the range x>=1." in result.stderr
    result = run("stories", "--db", db, "--offset", "-1")
    assert result.exit_code == 2 and "Invalid value for '--offset': -1 is not in the range x>=0." in result.stderr
    result = run("dyad", "", " ", "--db", db)
    assert result.exit_code == 2
    assert result.stderr == "Error: BAD_REQUEST a dyad needs both actors named (a name, a variant or an entity id), e.g. `storyline dyad Russia Ukraine`\n"
    # a range that ends before it starts selects nothing: every listing with --since/--until says so
    swapped = "Error: BAD_REQUEST since (2025-03-05) is after until (2025-03-01): swap them\n"
    for command in (["articles"], ["search", "troops"], ["stories"], ["events"], ["quotes"], ["dyad", "Northford", "Arnholt"],
                    ["timeline", "--query", "troops"], ["export", "-o", "-"]):
        result = run(*command, "--db", db, "--since", "2025-03-05", "--until", "2025-03-01")
        assert (result.exit_code, result.stderr) == (2, swapped), command
    # a filter given as blank text ("--actor $NAME" with NAME unset) is refused, not ignored
    for command, option in ((["events", "--actor", " "], "--actor"), (["quotes", "--speaker", ""], "--speaker"),
                            (["stories", "--source", ""], "--source"), (["export", "-o", ""], "--output")):
        result = run(*command, "--db", db)
        assert (result.exit_code, result.stderr) == (2, f"Error: BAD_REQUEST {option} is empty: give it a value, or leave it out\n")


def test_the_command_line_starts_without_the_heavy_libraries():
    # Every listing command pays for what `storyline.cli` imports: datasketch (scipy), httpx
    # and spaCy are imported by the commands that use them, not at start.
    import subprocess
    import sys

    code = "import sys, storyline.cli; print(sorted(m for m in ('datasketch', 'scipy', 'httpx', 'spacy', 'sklearn') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "[]\n"


def test_story_and_timeline_text_name_the_article_and_line_of_each_source(tmp_path):
    # "outlet:line" could not say which of an outlet's articles; the id prefix opens it with
    # `storyline show`.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks stall in Vellmark\n20250308\nhttps://www.gazette.example.com/news/1\n"
                                  "Ministers from Vellmark and Northford met on Monday in Arnholt.\n"
                                  "The talks stalled over the border crossing on Tuesday.\n")
    db = str(tmp_path / "s.db")
    assert run("ingest", str(folder), "--db", db, "-q").exit_code == 0
    article = ids(db)[0][:8]
    story = json.loads(run("stories", "--db", db, "--json").stdout)[0]["id"]
    where = f"[1 independent outlet: gazette.example.com 2025-03-08 {article}:4]"
    key = "(a source is outlet, day published, article id:line; `storyline show ID` opens it)"
    shown = run("story", story, "--db", db).stdout.splitlines()
    assert f"- Ministers from Vellmark and Northford met on Monday in Arnholt.  {where}" in shown
    assert shown[shown.index("Articles") - 2] == key
    assert run("timeline", story, "--db", db).stdout.splitlines()[1:5] == [
        "", "2025-03-03  (1 independent outlet)", "  - Ministers from Vellmark and Northford met on Monday in Arnholt.",
        f"      {where}"]
    assert run("show", article, "--db", db).exit_code == 0
