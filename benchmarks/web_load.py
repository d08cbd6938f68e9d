"""Load test of the web app and JSON API on a store of 100k articles.

    .venv/bin/python benchmarks/web_load.py [--data ../shared/data] [--articles 100000]
        [--enrich-articles 10000] [--requests 300] [--concurrency 4] [--workers 1] [--repeats 3]

1. The store (built once, cached as ``benchmarks/.cache/web_load-N.db`` with a
   ``.build.json`` beside it saying how): N line-format articles from Reuters-21578 + BBC
   (replicated with new URLs and dates, ``newscorpus.py``) are loaded, cleaned and
   deduplicated; the enrich stage (spaCy: entities, dates, quotes, events) runs on the first
   ``--enrich-articles`` only, because enriching 100k articles takes hours on 2 shared
   cores; then the stories stage clusters all N articles (those not enriched cluster on
   their words, outlet and day alone).
2. ``storyline serve`` starts in a subprocess on a free loopback port.
3. A second process fires the requests over HTTP/1.1 keep-alive connections
   (``--concurrency`` threads) and records each latency:

   - cold: the first request for each of 20 stories' JSON timeline and 20 other stories'
     page, one at a time (what a reader waits for when nobody asked before: nothing cached);
   - mixed (``--repeats`` rounds, pooled): ``--requests`` requests per endpoint, shuffled together, over the stories
     already asked for once (the cache warm), the list pages, search, articles, and two
     baselines that touch no store: a static file and the OpenAPI document;
   - alone: ``--requests`` requests each of the story page and of the timeline alone,
     for their throughput;
   - largest, prewarmed: a second server with the default ``web.prewarm_stories``; once
     its prewarm is done (timed), the first request for each of those largest stories.

   The first server runs with the prewarm off, so that cold means cold.

4. Baseline, same run: the same story views and timelines computed in-process straight
   from the library (no HTTP, no cache), and the static file over HTTP.

Results: a table on stdout and ``benchmarks/results/web_load.json``. Target (issue 6): p95
under 100 ms for the JSON timeline.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newscorpus  # noqa: E402
from storyline.settings import DEFAULTS  # noqa: E402
from storyline.web.launch import start_serve, stop_serve  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "web_load.json"
STORYLINE = [sys.executable, "-m", "storyline"]
# Stories asked for cold (each once): enough for a median and a rough p95, few enough that
# the cold phase stays under a few minutes when a story takes seconds to assemble.
COLD_STORIES = 20
# Search words spread from rare to very common in the Reuters/BBC text.
QUERIES = ["oil prices", "interest rates", '"trade deficit"', "coffee OR cocoa", "shareholders", "strike",
           "bank", "dollar -yen", "election", "profit"]


# --- the store --------------------------------------------------------------------------------
def _run(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL)
    return round(time.perf_counter() - started, 1)


def _enriched(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM article_stages WHERE stage = 'enrich'").fetchone()[0]
    finally:
        conn.close()


def _enrich_some(db: Path, target: int) -> float:
    """Run the enrich stage until ``target`` articles are enriched, then interrupt it (it
    commits every batch, so the store stays consistent)."""
    started = time.perf_counter()
    if _enriched(db) < target:
        proc = subprocess.Popen([*STORYLINE, "enrich", "--stage", "enrich", "--db", str(db), "-q"],
                                stdout=subprocess.DEVNULL)
        while proc.poll() is None and _enriched(db) < target:
            time.sleep(5)
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            proc.wait()
    return round(time.perf_counter() - started, 1)


def _stories_all(db: str) -> float:
    """The stories stage over every article, enriched or not (the library call: the
    pipeline's `storyline enrich` refuses to run it while articles await enrichment)."""
    from storyline import story_store
    from storyline.settings import Settings
    from storyline.store import open_store

    started = time.perf_counter()
    # 5,000 articles per transaction instead of enrich.batch_articles (200): the stage saves
    # its whole clusterer state with every batch, which dominates at 100k articles.
    store = open_store(db, settings=Settings({"ingest.progress": False, "enrich.batch_articles": 5000}))
    try:
        story_store.run(store, store.settings)
    finally:
        store.close()
    return round(time.perf_counter() - started, 1)


def build_store(n: int, data: Path, enrich_articles: int) -> tuple[Path, dict[str, Any]]:
    """The cached benchmark store and how it was built (see the module docstring)."""
    db = newscorpus.CACHE / f"web_load-{n}.db"
    info_path = db.with_suffix(".build.json")
    info: dict[str, Any] = json.loads(info_path.read_text()) if info_path.exists() else {"articles": n, "seconds": {}}
    if info.get("complete"):
        return db, info
    folder = newscorpus.write_lines_corpus(n, data)
    steps = [("load", [*STORYLINE, "ingest", str(folder), "--db", str(db), "--no-enrich", "-q"]),
             ("clean", [*STORYLINE, "enrich", "--stage", "clean", "--db", str(db), "-q"]),
             ("dedup", [*STORYLINE, "enrich", "--stage", "dedup", "--db", str(db), "-q"])]
    for name, cmd in steps:
        if name not in info["seconds"]:
            print(f"building the store: {name}...", file=sys.stderr, flush=True)
            info["seconds"][name] = _run(cmd)
            info_path.write_text(json.dumps(info, indent=2))
    if "enrich" not in info["seconds"]:
        print(f"building the store: enrich (first {enrich_articles:,} articles)...", file=sys.stderr, flush=True)
        info["seconds"]["enrich"] = _enrich_some(db, enrich_articles)
        info_path.write_text(json.dumps(info, indent=2))
    if "stories" not in info["seconds"]:
        print("building the store: stories...", file=sys.stderr, flush=True)
        info["seconds"]["stories"] = _stories_all(str(db))
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    q = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    info.update({
        "complete": True, "enriched_articles": _enriched(db), "current_articles": q("SELECT COUNT(*) FROM articles WHERE is_current = 1"),
        "sentences": q("SELECT COUNT(*) FROM sentences"), "stories": q("SELECT COUNT(*) FROM stories"),
        "largest_story": q("SELECT MAX(articles) FROM stories"), "quotes": q("SELECT COUNT(*) FROM quotes"),
        "timexes": q("SELECT COUNT(*) FROM timexes"), "mentions": q("SELECT COUNT(*) FROM mentions"),
        "file_mb": round(db.stat().st_size / 2**20, 1),
    })
    conn.close()
    info_path.write_text(json.dumps(info, indent=2))
    return db, info


def pick_targets(db: Path, seed: int = 11) -> dict[str, Any]:
    """Stories (half from the 200 largest, half from all stories of 2+ articles), articles."""
    rng = random.Random(seed)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    large = [r[0] for r in conn.execute("SELECT id FROM stories ORDER BY articles DESC, id LIMIT 200")]
    some = [r[0] for r in conn.execute("SELECT id FROM stories WHERE articles >= 2 ORDER BY id")]
    sizes = dict(conn.execute("SELECT id, articles FROM stories"))
    enriched = {r[0] for r in conn.execute(
        "SELECT a.id FROM articles a JOIN article_stages s ON s.seq = a.seq AND s.stage = 'enrich'")}
    articles = [r[0] for r in conn.execute("SELECT id FROM articles WHERE is_current = 1 ORDER BY seq")]
    # entities for the entity page, the events listing and the quotes by a speaker: the 50
    # most mentioned people and places, and the 50 most quoted speakers
    entities = [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY mentions DESC, id LIMIT 50")]
    speakers = [r[0] for r in conn.execute(
        "SELECT speaker_entity FROM quotes WHERE speaker_entity != '' GROUP BY speaker_entity "
        "ORDER BY COUNT(*) DESC, speaker_entity LIMIT 50")]
    chosen = list(dict.fromkeys(rng.sample(large, min(COLD_STORIES, len(large)))
                                + rng.sample(some, min(COLD_STORIES, len(some)))))
    rng.shuffle(chosen)
    members = [r[0] for sid in chosen for r in conn.execute("SELECT article_id FROM story_members WHERE story_id = ?", (sid,))]
    conn.close()
    return {"stories": chosen, "story_sizes": [sizes[s] for s in chosen],
            "enriched_share": round(sum(m in enriched for m in members) / max(1, len(members)), 3),
            "articles": rng.sample(articles, min(200, len(articles))), "entities": entities, "speakers": speakers}


# --- the server -------------------------------------------------------------------------------
def start_server(db: Path, workers: int, *sets: str) -> tuple[subprocess.Popen, str]:
    extra = [a for kv in sets for a in ("--set", kv)]
    return start_serve(str(db), "--workers", str(workers), *extra, env={"STORYLINE_TOKEN": ""},
                       probe="/static/style.css", timeout_s=120)


def stop_server(proc: subprocess.Popen) -> None:
    stop_serve(proc, timeout_s=30)


def wait_prewarm(base: str, limit_s: float = 600) -> float:
    """Seconds from the server answering until its prewarm reports done."""
    import httpx

    started = time.perf_counter()
    while time.perf_counter() - started < limit_s:
        state = httpx.get(base + "/api", timeout=60).json()["prewarmed"]
        if state["done"] >= state["stories"]:
            return round(time.perf_counter() - started, 1)
        time.sleep(2)
    raise SystemExit("the prewarm did not finish")


def largest_stories(db: Path, n: int) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute(f"SELECT id FROM stories ORDER BY articles DESC, id LIMIT {int(n)}")]
    finally:
        conn.close()


def run_client(plan: dict[str, Any]) -> dict[str, Any]:
    """Run a plan in a second process (the load must not share the server's interpreter)."""
    with tempfile.TemporaryDirectory() as tmp:
        plan_path, out = Path(tmp) / "plan.json", Path(tmp) / "out.json"
        plan_path.write_text(json.dumps(plan))
        subprocess.run([sys.executable, __file__, "--client", str(plan_path), str(out)], check=True)
        return json.loads(out.read_text())


# --- the client (a second process) ------------------------------------------------------------
def fire(base: str, paths: list[tuple[str, str]], concurrency: int) -> dict[str, Any]:
    """GET every (name, path) with ``concurrency`` keep-alive clients; latencies in ms."""
    import httpx

    results: list[tuple[str, float, int]] = []
    lock = threading.Lock()
    queue = list(reversed(paths))

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            while True:
                with lock:
                    if not queue:
                        return
                    name, path = queue.pop()
                t = time.perf_counter()
                try:
                    r = client.get(path)
                    status = r.status_code
                    r.read()
                except httpx.HTTPError:
                    status = 0
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    results.append((name, ms, status))

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(max(1, concurrency))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return {"wall_s": time.perf_counter() - started, "results": results}


def client_main(plan_path: str, out_path: str) -> None:
    plan = json.loads(Path(plan_path).read_text())
    out = {phase: fire(plan["base"], [tuple(p) for p in spec["paths"]], spec["concurrency"])
           for phase, spec in plan["phases"].items()}
    Path(out_path).write_text(json.dumps(out))


def make_plan(base: str, targets: dict[str, Any], requests: int, concurrency: int, seed: int = 5) -> dict[str, Any]:
    rng = random.Random(seed)
    stories = targets["stories"]
    cold_tl, cold_page = stories[0::2], stories[1::2]
    warm = stories
    arts = targets["articles"]
    kinds = {
        "story page (HTML)": lambda: f"/stories/{rng.choice(warm)}",
        "timeline (JSON)": lambda: f"/api/stories/{rng.choice(warm)}/timeline",
        "story (JSON)": lambda: f"/api/stories/{rng.choice(warm)}",
        "stories page (HTML)": lambda: "/",
        "stories list (JSON)": lambda: "/api/stories?limit=50",
        "search (JSON)": lambda: "/api/search?" + __import__("urllib.parse").parse.urlencode({"q": rng.choice(QUERIES)}),
        "article (JSON)": lambda: f"/api/articles/{rng.choice(arts)}",
        "article page (HTML)": lambda: f"/articles/{rng.choice(arts)}",
        "entity page (HTML)": lambda: f"/entities/{rng.choice(targets['entities'])}",
        "events of an actor (JSON)": lambda: f"/api/events?actor={rng.choice(targets['entities'])}&limit=50",
        "quotes by a speaker, distinct (JSON)": lambda: (
            f"/api/quotes?distinct=true&speaker={rng.choice(targets['speakers'])}&limit=50"),
        "static file (baseline)": lambda: "/static/style.css",
        "openapi (baseline)": lambda: "/api/openapi.json",
    }
    mixed = [(name, make()) for name, make in kinds.items() for _ in range(requests)]
    rng.shuffle(mixed)
    return {"base": base, "phases": {
        "cold": {"concurrency": 1, "paths": [("timeline (JSON), cold", f"/api/stories/{s}/timeline") for s in cold_tl]
                 + [("story page (HTML), cold", f"/stories/{s}") for s in cold_page]},
        "mixed": {"concurrency": concurrency, "paths": mixed},
        "timeline alone": {"concurrency": concurrency, "paths": [("timeline (JSON)", kinds["timeline (JSON)"]())
                                                                  for _ in range(requests)]},
        "story page alone": {"concurrency": concurrency, "paths": [("story page (HTML)", kinds["story page (HTML)"]())
                                                                    for _ in range(requests)]},
    }}


# --- baseline and report ----------------------------------------------------------------------
def library_baseline(db: Path, stories: list[str]) -> dict[str, Any]:
    """The same story views and timelines computed straight from the library, in this
    process, without HTTP or the cache: what the server spends on a cold request."""
    from storyline import views
    from storyline.settings import DEFAULTS
    from storyline.store import open_store
    from storyline.timeline_store import timeline_for
    from storyline.web.app import _warm_imports

    _warm_imports()  # as the server does at start: no first-call import in the figures

    store = open_store(db, readonly=True)
    out: dict[str, list[float]] = {"story view (library)": [], "timeline (library)": []}
    try:
        for sid in stories:
            t = time.perf_counter()
            views.story_view(store, sid, quotes=DEFAULTS["web.story_quotes"], entities=DEFAULTS["web.cooccurrence_entities"])
            out["story view (library)"].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            timeline_for(store, story=sid)
            out["timeline (library)"].append((time.perf_counter() - t) * 1000)
    finally:
        store.close()
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def summarize(latencies: dict[str, list[float]], statuses: dict[str, list[int]], wall: float | None = None) -> list[dict]:
    rows = []
    for name, ms in latencies.items():
        row = {"endpoint": name, "n": len(ms), "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(pct(ms, 95), 1),
               "p99_ms": round(pct(ms, 99), 1), "max_ms": round(max(ms), 1),
               "errors": sum(1 for s in statuses.get(name, []) if s != 200)}
        if wall:
            row["req_per_s"] = round(len(ms) / wall, 1)
        rows.append(row)
    return rows


def group(phase: dict[str, Any]) -> tuple[dict[str, list[float]], dict[str, list[int]]]:
    lat: dict[str, list[float]] = {}
    st: dict[str, list[int]] = {}
    for name, ms, status in phase["results"]:
        lat.setdefault(name, []).append(ms)
        st.setdefault(name, []).append(status)
    return lat, st


def machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "sqlite": sqlite3.sqlite_version, "load_average": [round(x, 2) for x in os.getloadavg()]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=newscorpus.DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--enrich-articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=300, help="requests per endpoint in the mixed phase")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=3, help="rounds of the mixed and alone phases (pooled)")
    ap.add_argument("--results", type=Path, default=RESULTS)
    ap.add_argument("--client", nargs=2, metavar=("PLAN", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.client:
        client_main(*args.client)
        return
    db, info = build_store(args.articles, args.data, args.enrich_articles)
    targets = pick_targets(db)
    load_before = machine()["load_average"]
    baseline = library_baseline(db, targets["stories"])
    # Cold, mixed and alone: nothing computed ahead (prewarm off), so cold is cold.
    proc, base = start_server(db, args.workers, "web.prewarm_stories=0")
    phases: dict[str, Any] = {}
    per_repeat_timeline_p95 = []
    try:
        for repeat in range(args.repeats):
            plan = make_plan(base, targets, args.requests, args.concurrency, seed=5 + repeat)
            if repeat:
                del plan["phases"]["cold"]  # cold happens once
            for name, data in run_client(plan).items():
                merged = phases.setdefault(name, {"wall_s": 0.0, "results": []})
                merged["wall_s"] += data["wall_s"]
                merged["results"] += data["results"]
                if name == "mixed":
                    per_repeat_timeline_p95.append(round(pct([ms for n, ms, _ in data["results"] if n == "timeline (JSON)"], 95), 1))
    finally:
        stop_server(proc)
    # Then with the default prewarm: how long it takes, and the largest stories afterwards.
    proc, base = start_server(db, args.workers)
    try:
        prewarm_s = wait_prewarm(base)
        largest = largest_stories(db, DEFAULTS["web.prewarm_stories"])
        phases.update(run_client({"base": base, "phases": {"largest, prewarmed": {"concurrency": 1, "paths": [
            *[("timeline (JSON), largest", f"/api/stories/{s}/timeline") for s in largest],
            *[("story page (HTML), largest", f"/stories/{s}") for s in largest]]}}}))
    finally:
        stop_server(proc)
    report: dict[str, Any] = {"machine": {**machine(), "load_average_before": load_before}, "store": info,
                              "settings": {"requests_per_endpoint": args.requests, "concurrency": args.concurrency,
                                           "workers": args.workers, "cold_stories": len(targets["stories"]),
                                           "story_sizes": targets["story_sizes"],
                                           "enriched_share_of_sampled_story_articles": targets["enriched_share"]},
                              "prewarm_seconds": prewarm_s, "repeats": args.repeats,
                              "mixed_timeline_p95_per_repeat": per_repeat_timeline_p95}
    report["library_baseline"] = summarize(baseline, {})
    for phase, data in phases.items():
        lat, st = group(data)
        report[phase] = {"wall_s": round(data["wall_s"], 2), "total_req_per_s": round(len(data["results"]) / data["wall_s"], 1),
                         "rows": summarize(lat, st, data["wall_s"] if phase.endswith("alone") else None)}
    args.results.write_text(json.dumps(report, indent=2) + "\n")
    print(f"store: {info['current_articles']:,} articles, {info['stories']:,} stories (largest {info['largest_story']}), "
          f"{info['enriched_articles']:,} enriched; server: {args.workers} worker(s); client: {args.concurrency} connections")
    print(f"{'phase':<18} {'endpoint':<28} {'n':>5} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8} {'req/s':>7} {'err':>4}")
    for phase in ["library_baseline", "cold", "mixed", "timeline alone", "story page alone", "largest, prewarmed"]:
        rows = report[phase] if phase == "library_baseline" else report[phase]["rows"]
        for r in sorted(rows, key=lambda r: r["endpoint"]):
            print(f"{phase:<18} {r['endpoint']:<28} {r['n']:>5} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['p99_ms']:>8} "
                  f"{r['max_ms']:>8} {r.get('req_per_s', ''):>7} {r['errors']:>4}")
    print(f"mixed phase: {report['mixed']['total_req_per_s']} requests/s over all endpoints; prewarm of the "
          f"{DEFAULTS['web.prewarm_stories']} largest stories took {prewarm_s} s; timeline p95 per mixed round: "
          f"{per_repeat_timeline_p95}; results in {args.results}")


if __name__ == "__main__":
    main()
