"""One process, two processes and a Dask cluster store identical results.

`storyline ingest` (every stage: clean, dedup, enrich, stories) runs on the example corpus and
on a generated corpus (line format, a JSONL dump and a WARC archive, framed record by record)
in one process (``--set ingest.jobs=1 --set enrich.jobs=1``), in two local processes, and on
a ``dask.distributed.LocalCluster`` of two worker processes (``--cluster``); every table of the
three stores is compared, row for row. Each run also proves its work went where it should:
into local pools, or to the cluster's workers.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_big_inputs import write_generated_corpus

from storyline import executors
from storyline.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
# The same settings in every run; only where the work runs changes. Small tasks, so that even
# these small corpora give the pools and the cluster several tasks each.
COMMON = ("-q", "--set", "ingest.task_inputs=8", "--set", "enrich.task_articles=4", "--set", "ingest.frame_bytes=2000")
ONE = ("--set", "ingest.jobs=1", "--set", "enrich.jobs=1")
TWO = ("--set", "ingest.jobs=2", "--set", "enrich.jobs=2")
# Tables whose identity is the point of the comparison: none may be empty.
MUST_HAVE_ROWS = ("articles", "sentences", "syndication_groups", "statements", "mentions", "entities", "timexes",
                  "quotes", "events", "stories", "story_members", "inputs", "stage_state")
EXIT = {"examples": 1, "generated": 0}  # the example corpus has broken files on purpose


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[str, Path]:
    return {"examples": EXAMPLES, "generated": write_generated_corpus(tmp_path_factory.mktemp("generated"), n=30)}


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def run_ingest(db: Path, corpus: Path, *options: str) -> None:
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db), *COMMON, *options])
    assert result.exit_code == EXIT["examples" if corpus == EXAMPLES else "generated"], result.output


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows in a canonical order, without timestamps and the runs log."""
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' AND name NOT IN ('runs', 'schema_migrations') ORDER BY name")]
    out = {}
    for table in tables:
        cols = [c[1] for c in conn.execute(f"PRAGMA table_info({table})") if not (c[1] == "at" or c[1].endswith("_at"))]
        order = ", ".join(str(i + 1) for i in range(len(cols)))
        out[table] = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}").fetchall()
    conn.close()
    return out


@pytest.fixture(scope="module")
def one_process(corpora, tmp_path_factory) -> dict[str, dict[str, list[tuple]]]:
    """The reference: every corpus through the whole pipeline in one process."""
    out = {}
    for name, corpus in corpora.items():
        db = tmp_path_factory.mktemp(f"one-{name}") / "one.db"
        run_ingest(db, corpus, *ONE)
        out[name] = dump(db)
        assert all(out[name][t] for t in MUST_HAVE_ROWS), [t for t in MUST_HAVE_ROWS if not out[name][t]]
    return out


def _tasks_done(cluster) -> dict[str, int]:
    prefixes = cluster.scheduler.task_prefixes
    return {name: prefixes[name].state_counts["memory"] if name in prefixes else 0 for name in ("parse_task", "analyze_task")}


@pytest.mark.parametrize("name", ["examples", "generated"])
def test_a_two_worker_cluster_stores_what_one_process_stores(name, corpora, one_process, cluster, tmp_path):
    before = _tasks_done(cluster)
    run_ingest(tmp_path / "cluster.db", corpora[name], "--cluster", cluster.scheduler_address)
    after = _tasks_done(cluster)
    assert after["parse_task"] > before["parse_task"] and after["analyze_task"] > before["analyze_task"]
    clustered = dump(tmp_path / "cluster.db")
    assert clustered.keys() == one_process[name].keys()
    for table, rows in one_process[name].items():
        assert clustered[table] == rows, table


@pytest.mark.parametrize("name", ["examples", "generated"])
def test_two_processes_store_what_one_process_stores(name, corpora, one_process, tmp_path, monkeypatch):
    pools = []
    real = executors.local_pool
    monkeypatch.setattr(executors, "local_pool", lambda jobs: pools.append(jobs) or real(jobs))
    run_ingest(tmp_path / "two.db", corpora[name], *TWO)
    assert pools == [2, 2]  # ingest and enrich each ran in a pool of two processes
    two = dump(tmp_path / "two.db")
    for table, rows in one_process[name].items():
        assert two[table] == rows, table


def test_an_unreachable_scheduler_is_a_clear_failure(corpora, tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(corpora["generated"]), "--db", str(tmp_path / "x.db"), "-q",
                                      "--no-enrich", "--cluster", "tcp://127.0.0.1:9", "--set", "cluster.connect_timeout_s=1"])
    assert result.exit_code == 3
    assert "Error: CLUSTER_UNREACHABLE cannot reach the Dask scheduler at tcp://127.0.0.1:9 within 1 s" in result.output
    assert "dask worker tcp://127.0.0.1:9" in result.output


def test_workers_running_other_code_are_refused(corpora, cluster, tmp_path, monkeypatch):
    # This process pretends its storyline code differs; the workers report the real digest.
    monkeypatch.setattr(executors, "code_digest", lambda: "0000000000000000")
    result = CliRunner().invoke(cli, ["ingest", str(corpora["generated"]), "--db", str(tmp_path / "x.db"), "-q",
                                      "--no-enrich", "--cluster", cluster.scheduler_address])
    assert result.exit_code == 3
    assert "Error: CLUSTER_MISMATCH worker tcp://127.0.0.1:" in result.output
    assert "storyline code" in result.output and "(here '0000000000000000')" in result.output


def test_the_client_keeps_no_copies_of_the_tasks_it_sent(cluster):
    # Dask's batched stream would keep its last 1,000 messages, task arguments (shipped input
    # bytes) included: memory that grew with the ingest (benchmarks/scale.py). storyline's
    # client keeps none.
    from storyline.settings import Settings

    workers = executors.connect(cluster.scheduler_address, Settings())
    try:
        log = workers.client.scheduler_comm.recent_message_log
        assert log.maxlen == 0
        futures = [workers.submit(len, b"x" * 10_000) for _ in range(5)]
        assert [f.result() for f in futures] == [10_000] * 5
        assert len(log) == 0
    finally:
        workers.close()
