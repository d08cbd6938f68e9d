"""The enrich writer at scale: memory and time of resolving and writing findings, per batch,
as the corpus grows, with the entity resolver's state in the store (this checkout) against a
baseline checkout that held it whole in memory and saved it whole per batch.

    .venv/bin/python benchmarks/resolver_scale.py --baseline-src /path/to/old/checkout/src
        [--data ../shared/data] [--articles 20000]

What is measured is the part of ``storyline enrich`` that runs in the one writer process:
``enrich.save_findings`` per batch of ``enrich.batch_articles`` (resolve every mention to a
canonical entity, link quotes and events, write everything, persist the resolver), in one
transaction per batch, exactly as ``enrich.run`` calls it. The NLP that workers do is done
once beforehand and cached (``benchmarks/.cache/findings-N.pkl``): the first ``--articles``
articles of ``newscorpus.write_lines_corpus`` are ingested, cleaned and deduplicated into a
base store, and analysed in two processes. Each implementation then replays the same
findings, in the same order, into its own copy of the base store, in a fresh process:

- pass 1 (time, RSS): wall and CPU seconds per batch, and the process's RSS after each
  checkpoint (2k, 5k, 10k, 20k ... articles), after ``gc.collect()``;
- pass 2 (Python heap): the same replay under ``tracemalloc``; the Python objects still
  allocated at each checkpoint (SQLite's page cache is C memory and not counted here, but is
  in the RSS). Slower, so its times are not reported.

The two implementations' results are compared: entity count and every mention's entity name.

Results: benchmarks/results/resolver_scale.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import newscorpus  # noqa: E402
from scale import machine  # noqa: E402

RESULTS = HERE / "results" / "resolver_scale.json"
CACHE = HERE / ".cache"
SETTINGS = {"enrich.jobs": 1, "ingest.jobs": 2}


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _analyze_chunk(payload: tuple[list, dict]) -> list:
    from storyline.nlp.analyze import analyze
    from storyline.settings import Settings

    texts, overrides = payload
    return analyze(texts, Settings(overrides))


def prepare(data: Path, n: int) -> tuple[Path, Path]:
    """The base store (ingested, cleaned, deduplicated, not enriched) and the cached findings."""
    base, found = CACHE / f"resolver-base-{n}.db", CACHE / f"findings-{n}.pkl"
    if base.exists() and found.exists():
        return base, found
    from multiprocessing import get_context

    from storyline import enrich, pipeline
    from storyline.ingest import ingest
    from storyline.settings import Settings
    from storyline.store import articles as db
    from storyline.store import open_store

    corpus = newscorpus.write_lines_corpus(n, data)
    settings = Settings(SETTINGS)
    for p in (base, Path(f"{base}-wal"), Path(f"{base}-shm")):
        p.unlink(missing_ok=True)
    store = open_store(base, settings=settings)
    ingest(store, [str(corpus)], settings=settings)
    pipeline.run_stages(store, settings=settings, only=["clean", "dedup"])
    pending = db.pending(store, enrich.STAGE)
    texts, groups = [], {}
    for start in range(0, len(pending), 500):
        articles = db.load_articles(store, pending[start:start + 500])
        texts.extend(enrich.article_text(store, a, settings) for a in articles)
        groups.update(enrich._group_of(store, [a.id for a in articles]))
    store.close()
    chunks = [(texts[i:i + 50], SETTINGS) for i in range(0, len(texts), 50)]
    t0 = time.perf_counter()
    with get_context("spawn").Pool(2) as pool:
        findings = [f for part in pool.imap(_analyze_chunk, chunks) for f in part]
    print(f"analysed {len(findings)} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    with found.open("wb") as f:
        pickle.dump({"pending": pending, "findings": findings}, f)
    return base, found


def replay(src: str, base: str, found: str, work: str, heap: bool, checkpoints: list[int]) -> dict:
    """In a fresh process with ``src`` first on the path: replay the findings as enrich.run
    would, batch by batch; returns per-batch times and per-checkpoint memory."""
    sys.path.insert(0, src)
    import tracemalloc

    from storyline import enrich
    from storyline.settings import Settings
    from storyline.store import articles as db
    from storyline.store import open_store

    assert Path(enrich.__file__).resolve().is_relative_to(Path(src).resolve()), enrich.__file__
    with open(found, "rb") as f:
        cached = pickle.load(f)
    by_id = {f.article_id: f for f in cached["findings"]}
    del cached
    settings = Settings(SETTINGS)
    if work.startswith("postgresql://"):
        store = _pg_base(work, base, settings)
    else:
        shutil.copy(base, work)
        store = open_store(work, settings=settings)
    pending = db.pending(store, enrich.STAGE)
    ids = dict(store.rows("SELECT seq, id FROM articles WHERE is_current = 1"))
    findings = [by_id[ids[seq]] for seq in pending]
    del by_id
    size = settings["enrich.batch_articles"]
    gc.collect()
    if heap:
        tracemalloc.start()
    start_rss = _rss_mib()
    resolver = enrich.load_resolver(store, settings)
    batches, marks, done, cps = [], [], 0, list(checkpoints)
    for start in range(0, len(pending), size):
        seqs = pending[start:start + size]
        w0, c0 = time.perf_counter(), time.process_time()
        articles = db.load_articles(store, seqs)
        with store.transaction():
            enrich.save_findings(store, resolver, articles, findings[start:start + size])
            db.mark_done(store, enrich.STAGE, seqs)
        batches.append({"wall": time.perf_counter() - w0, "cpu": time.process_time() - c0, "articles": len(seqs)})
        done += len(seqs)
        while cps and done >= cps[0]:
            gc.collect()
            mark = {"articles": done, "rss_mib": round(_rss_mib(), 1),
                    "entities": store.scalar("SELECT COUNT(*) FROM entities")}
            if heap:
                mark["python_heap_mib"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 2)
            if hasattr(resolver, "_maps") and resolver._store is not None:
                mark["cached_entries"] = sum(len(m._held) for m in resolver._maps())
            marks.append(mark)
            cps.pop(0)
    names = dict(store.rows("SELECT id, name FROM entities"))
    mention_names = sorted((a, s, b, names.get(e, "")) for a, s, b, e in store.rows(
        "SELECT article_id, sentence_idx, start_char, entity_id FROM mentions"))
    dangling = store.scalar("SELECT COUNT(*) FROM mentions WHERE entity_id != '' AND entity_id NOT IN (SELECT id FROM entities)")
    store.close()
    return {"batches": batches, "checkpoints": marks, "start_rss_mib": round(start_rss, 1), "rows": mention_names,
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "mentions_digest": hash_rows(mention_names), "mentions": len(mention_names),
            "mentions_to_missing_entities": dangling}


def _pg_base(url: str, base: str, settings):
    """A PostgreSQL store with the first folders of the corpus (``base``: folder list after
    ``|``), ingested, cleaned and deduplicated by the code under test."""
    from storyline import pipeline
    from storyline.ingest import ingest
    from storyline.store import open_store

    store = open_store(url, settings=settings)
    ingest(store, base.split("|"), settings=settings)
    pipeline.run_stages(store, settings=settings, only=["clean", "dedup"])
    return store


def hash_rows(rows: list) -> str:
    import hashlib

    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]


def run_child(src: str, base: Path | str, found: Path, heap: bool, checkpoints: list[int], work: str = "") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        cmd = [sys.executable, __file__, "--child", src, str(base), str(found), work or str(Path(tmp) / "w.db"),
               "1" if heap else "0", ",".join(map(str, checkpoints)), str(out)]
        subprocess.run(cmd, check=True, env={**os.environ, "PYTHONPATH": src})
        return json.loads(out.read_text())


def compare(base_rows: list, new_rows: list) -> dict:
    """How the two implementations' mentions differ: by the entity name each links to."""
    a = {tuple(r[:3]): r[3] for r in base_rows}
    b = {tuple(r[:3]): r[3] for r in new_rows}
    differ = [k for k in a if a[k] != b.get(k)]
    return {"mentions": len(a), "same_mentions": a.keys() == b.keys(), "linked_differently": len(differ),
            "of_which_baseline_linked_to_a_missing_entity": sum(1 for k in differ if a[k] == "")}


def per_window(batches: list[dict], windows: list[int]) -> list[dict]:
    """Median CPU ms per article of the batches in each window of articles."""
    out, done, lo = [], 0, 0
    rows = []
    for b in batches:
        done += b["articles"]
        rows.append((done, b["cpu"] / b["articles"] * 1000, b["wall"] / b["articles"] * 1000))
    for hi in windows:
        inside = [r for r in rows if lo < r[0] <= hi]
        if inside:
            out.append({"articles": f"{lo}-{hi}", "cpu_ms_per_article": round(statistics.median(r[1] for r in inside), 3),
                        "wall_ms_per_article": round(statistics.median(r[2] for r in inside), 3)})
        lo = hi
    return out


def median_windows(runs: list[dict], windows: list[int]) -> list[dict]:
    """Per window of articles, the median over ``runs`` of :func:`per_window`'s figures."""
    per_run = [per_window(r["batches"], windows) for r in runs]
    return [{"articles": w["articles"],
             "cpu_ms_per_article": round(statistics.median(win[i]["cpu_ms_per_article"] for win in per_run), 3),
             "wall_ms_per_article": round(statistics.median(win[i]["wall_ms_per_article"] for win in per_run), 3)}
            for i, w in enumerate(per_run[0])]


def replay_pg(args: argparse.Namespace, impls: dict[str, str], found: Path) -> dict:
    """The same replay into PostgreSQL, on the first ``--pg-articles`` articles (whole
    folders of the corpus), each implementation in a fresh database, alternating."""
    import uuid

    from storyline.store.postgres import create_database, drop_database

    corpus = newscorpus.write_lines_corpus(args.articles, args.data)
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())[: max(1, args.pg_articles // 1000)]
    base = "|".join(map(str, folders))
    checkpoints = [len(folders) * 1000]
    out: dict = {"articles": checkpoints[0], "runs": {k: [] for k in impls}}
    for _ in range(args.repeats):
        for name, src in impls.items():
            db_name = f"resolver_bench_{uuid.uuid4().hex[:8]}"
            url = create_database(args.pg, db_name)
            try:
                r = run_child(src, base, found, False, checkpoints, work=url)
            finally:
                drop_database(args.pg, db_name)
            out["runs"][name].append({"cpu_s": round(sum(b["cpu"] for b in r["batches"]), 2),
                                      "wall_s": round(sum(b["wall"] for b in r["batches"]), 2),
                                      "mentions_digest": r["mentions_digest"]})
            print(f"{name}: PostgreSQL pass done", file=sys.stderr)
    for name in impls:
        runs = out["runs"][name]
        out[name] = {"wall_s": statistics.median(r["wall_s"] for r in runs), "cpu_s": statistics.median(r["cpu_s"] for r in runs)}
    return out


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        src, base, found, work, heap, cps, out = sys.argv[2:9]
        result = replay(src, base, found, work, heap == "1", [int(x) for x in cps.split(",")])
        Path(out).write_text(json.dumps(result))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=newscorpus.DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--baseline-src", required=True, help="the src folder of the baseline checkout")
    ap.add_argument("--current-src", default=str(REPO / "src"), help="the src folder measured (default: this checkout's)")
    ap.add_argument("--repeats", type=int, default=2, help="time passes per implementation (alternating)")
    ap.add_argument("--pg", default="", help="a PostgreSQL server URL: also replay the first --pg-articles there")
    ap.add_argument("--pg-articles", type=int, default=2000)
    args = ap.parse_args()
    base, found = prepare(args.data, args.articles)
    checkpoints = [c for c in (1000, 2000, 5000, 10000, 20000, 50000, 100000) if c <= args.articles]
    if checkpoints[-1] != args.articles:
        checkpoints.append(args.articles)
    impls = {"baseline (state in memory, saved whole)": args.baseline_src, "store-backed index": args.current_src}
    results: dict = {"machine": machine(), "articles": args.articles, "implementations": {}}
    time_runs: dict[str, list[dict]] = {k: [] for k in impls}
    for _ in range(args.repeats):
        for name, src in impls.items():
            time_runs[name].append(run_child(src, base, found, False, checkpoints))
            print(f"{name}: time pass done", file=sys.stderr)
    first, second = (time_runs[k][0]["rows"] for k in impls)
    results["difference"] = compare(first, second)
    for runs in time_runs.values():
        for r in runs:
            r.pop("rows")
    for name, src in impls.items():
        heap = run_child(src, base, found, True, checkpoints)
        runs = time_runs[name]
        results["implementations"][name] = {
            "src": src,
            "cpu_ms_per_article": median_windows(runs, checkpoints),
            "total_cpu_s": round(statistics.median(sum(b["cpu"] for b in r["batches"]) for r in runs), 1),
            "rss_checkpoints": runs[0]["checkpoints"],
            "peak_rss_mib": statistics.median(r["peak_rss_mib"] for r in runs),
            "heap_checkpoints": heap["checkpoints"],
            "mentions": runs[0]["mentions"], "mentions_digest": runs[0]["mentions_digest"],
            "mentions_to_missing_entities": runs[0]["mentions_to_missing_entities"],
        }
        results["load_average_at_end"] = os.getloadavg()
    if args.pg:
        results["postgresql"] = replay_pg(args, impls, found)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
