"""Ingest throughput and peak memory: storyline vs a plain sqlite3 executemany loop.

    .venv/bin/python benchmarks/ingest_throughput.py [--data ../shared/data] [--sizes 20000 100000]

For each size, the line-format corpus built from Reuters-21578 + BBC (replicated with new URLs
and dates, see newscorpus.py) is ingested into a fresh store by

- storyline: ``storyline.ingest.ingest`` (load only, i.e. ``storyline ingest --no-enrich``:
  validation, URL normalisation, content ids, versions, rejections, indexes and FTS5), and
- baseline: the same records (title, date, URL, sentences with line numbers) read from the same
  files and inserted with a straightforward ``sqlite3`` ``executemany`` loop, 500 articles per
  transaction, into two plain tables without indexes or full-text search,

each in its own process (peak RSS from ``getrusage``), alternating, ``--repeats`` times; the
medians and the ratio are reported. Results go to benchmarks/results/ingest_throughput.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newscorpus  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "ingest_throughput.json"
BATCH = 500


def baseline_worker(folder: str, db: str) -> int:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, published TEXT, url TEXT, source TEXT)")
    conn.execute("CREATE TABLE sentences (article_id TEXT, idx INTEGER, line INTEGER, text TEXT)")
    arts, sents = [], []
    n = 0

    def flush() -> None:
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO articles VALUES (?,?,?,?,?)", arts)
        conn.executemany("INSERT INTO sentences VALUES (?,?,?,?)", sents)
        conn.execute("COMMIT")
        arts.clear()
        sents.clear()

    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as fh:
                lines = fh.read().splitlines()
            aid = f"{n:016x}"
            arts.append((aid, lines[0], lines[1], lines[2], path))
            sents.extend((aid, i, i + 4, text) for i, text in enumerate(lines[3:]) if text.strip())
            n += 1
            if len(arts) >= BATCH:
                flush()
    flush()
    return n


def storyline_worker(folder: str, db: str) -> int:
    from storyline.ingest import ingest
    from storyline.settings import Settings
    from storyline.store import open_store

    settings = Settings({"ingest.batch_size": BATCH})
    store = open_store(db, settings=settings)
    report = ingest(store, [folder], settings=settings)
    store.close()
    assert not report.rejected, report.rejected[:3]
    return report.added


def run_worker(kind: str, folder: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, __file__, "--worker", kind, str(folder), db],
            check=True, capture_output=True, text=True,
        )
        seconds = time.perf_counter() - started
        result = json.loads(out.stdout)
        result["seconds_wall"] = seconds
        result["db_mb"] = sum(os.path.getsize(os.path.join(tmp, f)) for f in os.listdir(tmp)) / 1e6
    return result


def worker_main(kind: str, folder: str, db: str) -> None:
    started = time.perf_counter()
    n = (storyline_worker if kind == "storyline" else baseline_worker)(folder, db)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # The writing process only: parse workers (ingest.jobs=2) are forkserver children, not
    # ours, so getrusage cannot see them; benchmarks/scale.py samples the whole process tree.
    print(json.dumps({"articles": n, "seconds": seconds, "peak_rss_mb": peak_kb / 1024}))


def machine() -> dict:
    return {
        "python": platform.python_version(), "platform": platform.platform(),
        "cpus": os.cpu_count(), "sqlite": sqlite3.sqlite_version, "load_avg_at_start": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=newscorpus.DEFAULT_DATA)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 100000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--worker", nargs=3, metavar=("KIND", "FOLDER", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker_main(*args.worker)
        return
    rows = []
    started = machine()
    for size in args.sizes:
        folder = newscorpus.write_lines_corpus(size, args.data)
        runs: dict[str, list[dict]] = {"storyline": [], "baseline": []}
        for _ in range(args.repeats):
            for kind in ("baseline", "storyline"):
                runs[kind].append(run_worker(kind, folder))
        row = {"articles": size, "load_avg_after": os.getloadavg()}
        for kind, results in runs.items():
            secs = statistics.median(r["seconds"] for r in results)
            row[kind] = {
                "articles_per_s": round(size / secs, 1),
                "seconds_median": round(secs, 2),
                "seconds_all": [round(r["seconds"], 2) for r in results],
                "peak_rss_mb": round(statistics.median(r["peak_rss_mb"] for r in results), 1),
                "db_mb": round(results[0]["db_mb"], 1),
            }
        row["time_ratio_storyline_over_baseline"] = round(row["storyline"]["seconds_median"] / row["baseline"]["seconds_median"], 2)
        rows.append(row)
        print(f"{size:>7} articles | storyline {row['storyline']['articles_per_s']:>8.0f}/s "
              f"peak {row['storyline']['peak_rss_mb']:>6.1f} MB | baseline {row['baseline']['articles_per_s']:>8.0f}/s "
              f"peak {row['baseline']['peak_rss_mb']:>6.1f} MB | time ratio {row['time_ratio_storyline_over_baseline']:.2f}x",
              flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": started, "repeats": args.repeats, "batch": BATCH, "rows": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
