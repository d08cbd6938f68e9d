"""Store back-ends: the same ingest and searches on SQLite (the baseline) and PostgreSQL.

    .venv/bin/python benchmarks/store_backends.py [--data ../shared/data] [--articles 5000]
        [--repeats 3] [--pg postgresql://user@host/postgres]

The line-format corpus of ``--articles`` articles built from the shared news corpora
(benchmarks/newscorpus.py: Reuters-21578 then BBC, written under benchmarks/.cache) is
ingested with ``storyline.ingest.ingest`` (what ``storyline ingest --no-enrich`` does) into a
fresh SQLite file and into a fresh PostgreSQL database, each in its own process, alternating,
``--repeats`` times: median articles/s and the PostgreSQL/SQLite time ratio.

Then each query of QUERIES runs through ``store.articles.search_sentences`` (first 50 hits)
on both stores, interleaved, ``--search-runs`` times after one warm-up: p50/p95 latency per
query and over all. Agreement: for QUERIES and 60 more single words drawn (fixed seed) from the
stored sentences, the full sets of matching sentences on the two back-ends (Jaccard; 1.0 =
identical), which storyline.store.fts promises to be the same.

PostgreSQL is the server at ``--pg`` (or STORYLINE_TEST_PG); without one, a throwaway server
is started with scripts/pg-test-server, with fsync on. Results: benchmarks/results/store_backends.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newscorpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "store_backends.json"
BATCH = 500  # the ingest.batch_size default

# Words, plurals and verb forms, phrases, OR and exclusion, as users type them; the corpus
# is 1987 wire news (Reuters) then 2004-05 BBC news.
QUERIES = [
    "oil prices",
    "interest rates",
    '"trade deficit"',
    "coffee OR cocoa",
    "dollar -yen",
    "shareholders approved merger",
    "strikes",
    "acquisition",
    '"bank of england"',
    "news",
]


def ingest_worker(target: str, folder: str) -> None:
    from storyline.ingest import ingest
    from storyline.settings import Settings
    from storyline.store import open_store

    settings = Settings({"ingest.batch_size": BATCH, "ingest.progress": False})
    started = time.perf_counter()
    with open_store(target, settings=settings) as store:
        report = ingest(store, [folder], settings=settings)
    seconds = time.perf_counter() - started
    assert not report.rejected, report.rejected[:3]
    print(json.dumps({"added": report.added, "seconds": seconds}))


def timed_ingest(target: str, folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", target, str(folder)], check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout)


def start_server() -> tuple[str, str]:
    env = {**os.environ, "STORYLINE_TEST_PG_FSYNC": "on"}
    out = subprocess.run(
        ["bash", "-c", 'source scripts/pg-test-server && start_test_postgres && echo "$STORYLINE_TEST_PG $PG_TEST_DIR"'],
        cwd=REPO, env=env, check=True, capture_output=True, text=True,
    )
    url, folder = out.stdout.split()
    return url, folder


def stop_server(folder: str) -> None:
    subprocess.run(["bash", "-c", 'source scripts/pg-test-server && PG_TEST_DIR="$1" stop_test_postgres', "_", folder], cwd=REPO, check=False)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def search_latency(stores: dict, runs: int) -> dict:
    """Per query and back-end: p50/p95 ms of the first page of hits, runs interleaved."""
    from storyline.store import articles as db

    times: dict[str, dict[str, list[float]]] = {name: {q: [] for q in QUERIES} for name in stores}
    for round_ in range(runs + 1):
        for q in QUERIES:
            for name, store in stores.items():
                started = time.perf_counter()
                db.search_sentences(store, q, limit=50)
                if round_:  # round 0 warms caches
                    times[name][q].append((time.perf_counter() - started) * 1000)
    result = {}
    for name, per_query in times.items():
        every = [t for ts in per_query.values() for t in ts]
        result[name] = {
            "p50_ms": round(statistics.median(every), 2),
            "p95_ms": round(percentile(every, 0.95), 2),
            "per_query": {q: {"p50_ms": round(statistics.median(ts), 2), "p95_ms": round(percentile(ts, 0.95), 2)} for q, ts in per_query.items()},
        }
    return result


def sampled_words(store, n: int, seed: int = 3) -> list[str]:
    """``n`` distinct words of 4+ letters (not stop words) from 400 stored sentences."""
    from storyline.store.fts import STOPWORDS

    rng = random.Random(seed)
    texts = [r[0] for r in store.rows("SELECT text FROM sentences ORDER BY sid LIMIT 20000")]
    words = sorted({w for t in rng.sample(texts, min(400, len(texts))) for w in re.findall(r"[A-Za-z]{4,}", t) if w.lower() not in STOPWORDS})
    return rng.sample(words, min(n, len(words)))


def agreement(stores: dict, queries: list[str]) -> dict:
    """For each query: hits on each back-end and the Jaccard index of the two hit sets."""
    out = {}
    for q in queries:
        hits = {}
        for name, store in stores.items():
            where, params = store.fts_match("sentences", q)
            rows = store.rows(
                f"SELECT sentences.article_id, sentences.idx FROM sentences JOIN articles ON articles.id = sentences.article_id "
                f"WHERE {where} AND articles.is_current = 1", params,
            )
            hits[name] = set(rows)
        a, b = hits["sqlite"], hits["postgresql"]
        out[q] = {"sqlite": len(a), "postgresql": len(b), "both": len(a & b), "jaccard": round(len(a & b) / len(a | b), 4) if a | b else 1.0}
    return out


def machine(pg_url: str) -> dict:
    import psycopg

    with psycopg.connect(pg_url) as conn:
        server = {k: conn.execute(f"SHOW {k}").fetchone()[0] for k in ("server_version", "fsync", "synchronous_commit", "shared_buffers", "lc_ctype")}
    return {
        "python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version, "psycopg": psycopg.__version__, "postgresql": server,
    }


def run(args: argparse.Namespace, server_url: str) -> dict:
    from storyline.store import open_store
    from storyline.store.postgres import create_database, drop_database

    folder = newscorpus.write_lines_corpus(args.articles, args.data)
    runs: dict[str, list[dict]] = {"sqlite": [], "postgresql": []}
    names: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            for i in range(args.repeats):
                targets = {"sqlite": str(Path(tmp) / f"bench{i}.db")}
                names.append(f"storyline_bench_{uuid.uuid4().hex[:10]}")
                targets["postgresql"] = create_database(server_url, names[-1])
                for name in (("sqlite", "postgresql") if i % 2 == 0 else ("postgresql", "sqlite")):
                    runs[name].append(timed_ingest(targets[name], folder))
                    print(f"  repeat {i + 1} {name:<10} {runs[name][-1]['seconds']:.2f} s", flush=True)
            stores = {name: open_store(target, readonly=True) for name, target in targets.items()}
            latency = search_latency(stores, args.search_runs)
            agree = agreement(stores, QUERIES + sampled_words(stores["sqlite"], 60))
            for store in stores.values():
                store.close()
        finally:
            for name in names:
                drop_database(server_url, name)
    ingest_rows = {}
    for name, results in runs.items():
        secs = statistics.median(r["seconds"] for r in results)
        ingest_rows[name] = {
            "articles_per_s": round(args.articles / secs, 1), "seconds_median": round(secs, 2),
            "seconds_all": [round(r["seconds"], 2) for r in results], "added": results[0]["added"],
        }
    return {
        "machine": machine(server_url), "articles": args.articles, "repeats": args.repeats,
        "search_runs": args.search_runs, "batch": BATCH, "ingest": ingest_rows,
        "ingest_time_ratio_postgresql_over_sqlite": round(ingest_rows["postgresql"]["seconds_median"] / ingest_rows["sqlite"]["seconds_median"], 2),
        "search": latency, "agreement": agree,
        "agreement_summary": {
            "queries": len(agree), "identical": sum(a["jaccard"] == 1.0 for a in agree.values()),
            "min_jaccard": min(a["jaccard"] for a in agree.values()),
        },
    }


def report(result: dict) -> None:
    ing = result["ingest"]
    print(f"\ningest of {result['articles']} articles (median of {result['repeats']})")
    for name in ("sqlite", "postgresql"):
        print(f"  {name:<10} {ing[name]['articles_per_s']:>8.0f} articles/s  {ing[name]['seconds_median']:>6.2f} s")
    print(f"  time ratio postgresql/sqlite {result['ingest_time_ratio_postgresql_over_sqlite']:.2f}x")
    print(f"\n{'query':<32} {'sqlite p50/p95 ms':>18} {'pg p50/p95 ms':>15} {'hits sqlite':>11} {'hits pg':>8} {'jaccard':>8}")
    for q in QUERIES:
        s, p, a = result["search"]["sqlite"]["per_query"][q], result["search"]["postgresql"]["per_query"][q], result["agreement"][q]
        print(f"{q:<32} {s['p50_ms']:>8.2f}/{s['p95_ms']:<9.2f} {p['p50_ms']:>7.2f}/{p['p95_ms']:<7.2f} {a['sqlite']:>11} {a['postgresql']:>8} {a['jaccard']:>8.3f}")
    s, p = result["search"]["sqlite"], result["search"]["postgresql"]
    print(f"{'all queries':<32} {s['p50_ms']:>8.2f}/{s['p95_ms']:<9.2f} {p['p50_ms']:>7.2f}/{p['p95_ms']:<7.2f}")
    summary = result["agreement_summary"]
    print(f"\nsame matches on both back-ends: {summary['identical']} of {summary['queries']} queries (lowest Jaccard {summary['min_jaccard']})")
    for q, a in result["agreement"].items():
        if a["jaccard"] < 1.0:
            print(f"  differs: {q!r} sqlite {a['sqlite']} postgresql {a['postgresql']} jaccard {a['jaccard']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=newscorpus.DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--search-runs", type=int, default=30)
    parser.add_argument("--pg", default=os.environ.get("STORYLINE_TEST_PG"), help="a PostgreSQL server URL (may create databases)")
    parser.add_argument("--worker", nargs=2, metavar=("TARGET", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        ingest_worker(*args.worker)
        return
    started_folder = None
    server_url = args.pg
    if not server_url:
        server_url, started_folder = start_server()
    try:
        result = run(args, server_url)
    finally:
        if started_folder:
            stop_server(started_folder)
    report(result)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
