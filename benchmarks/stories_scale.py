"""The stories stage at scale: time per batch, the state it saves per batch, and memory, as the
corpus grows, with closed stories archived in the store (this checkout) against a baseline
checkout whose clusterer kept every story in memory and saved all of them with each batch.

    .venv/bin/python benchmarks/stories_scale.py --baseline-src /path/to/old/checkout/src
        [--data ../shared/data] [--articles 100000] [--repeats 1]

Input: ``--articles`` articles of ``newscorpus.replicated`` (Reuters-21578 and BBC, copies
shifted by whole years), written in publication order as a live stream would bring them, so
stories open and close as the clock moves (cached: ``benchmarks/.cache/stories-lines-N``).
A base store is built once by the baseline code (``benchmarks/.cache/stories-base-N.db``):
ingested, cleaned, deduplicated, and marked enriched without running the NLP, so stories
are clustered on text, titles and syndication groups (entities would add the same per-article
work to both implementations). Each implementation then runs ``storyline.story_store.run``
(the whole stories stage, defaults: batches of ``stories.batch_articles``) on its own copy of
the base store, in a fresh process, and records after every batch: wall and CPU seconds, the
size of the clusterer's saved state, and the process's RSS. The two implementations' story
memberships are compared article by article.

Results: benchmarks/results/stories_scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import newscorpus  # noqa: E402
from resolver_scale import _rss_mib, hash_rows, median_windows  # noqa: E402
from scale import machine  # noqa: E402

RESULTS = HERE / "results" / "stories_scale.json"
CACHE = HERE / ".cache"
STATE = "stories.StoryClusterer"


def write_sorted_corpus(n: int, data: Path) -> Path:
    """``n`` replicated articles as line-format files, in publication order (cached)."""
    folder = CACHE / f"stories-lines-{n}"
    done = folder / ".complete"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    articles = sorted(newscorpus.replicated(n, data), key=lambda a: (a.published, a.key))
    for i, art in enumerate(articles):
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i % 1000:03d}-{art.key}.txt").write_text(art.lines(), encoding="utf-8")
    done.write_text(str(n))
    return folder


def build_base(src: str, lines: str, base: str) -> None:
    """In a fresh process with ``src`` first on the path: the base store (see the docstring)."""
    sys.path.insert(0, src)
    from storyline import pipeline
    from storyline.ingest import ingest
    from storyline.store import articles as db
    from storyline.store import open_store

    for p in (base, f"{base}-wal", f"{base}-shm"):
        Path(p).unlink(missing_ok=True)
    store = open_store(base)
    ingest(store, [lines])
    pipeline.run_stages(store, only=["clean", "dedup"])
    with store.transaction():
        db.mark_done(store, "enrich", db.pending(store, "enrich"))
    store.close()


def measure(src: str, base: str, work: str, checkpoints: list[int]) -> dict:
    """In a fresh process with ``src`` first on the path: the stories stage over the whole
    base store, with per-batch times, state sizes and RSS."""
    sys.path.insert(0, src)
    from storyline import story_store
    from storyline.store import open_store

    assert Path(story_store.__file__).resolve().is_relative_to(Path(src).resolve()), story_store.__file__
    shutil.copy(base, work)
    store = open_store(work)  # the current code migrates the baseline's store here, untimed
    batches: list[dict] = []
    marks: list[dict] = []
    cps = list(checkpoints)
    clock = {"wall": time.perf_counter(), "cpu": time.process_time(), "done": 0}

    def progress(n: int) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        state = store.scalar("SELECT length(state) FROM stage_state WHERE name = ?", (STATE,)) or 0
        batches.append({"articles": n, "wall": wall - clock["wall"], "cpu": cpu - clock["cpu"], "state_bytes": state})
        clock["done"] += n
        if cps and clock["done"] >= cps[0]:
            marks.append({"articles": clock["done"], "rss_mib": round(_rss_mib(), 1), "state_mib": round(state / 2**20, 2),
                          "archived_stories": _count(store, "story_archive")})
            while cps and clock["done"] >= cps[0]:
                cps.pop(0)
        clock["wall"], clock["cpu"] = time.perf_counter(), time.process_time()

    start_rss = _rss_mib()
    counts = story_store.run(store, progress=progress)
    members = sorted(store.rows("SELECT article_id, story_id FROM story_members"))
    result = {"batches": batches, "checkpoints": marks, "start_rss_mib": round(start_rss, 1),
              "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
              "counts": counts, "stories": store.scalar("SELECT COUNT(*) FROM stories"),
              "members_digest": hash_rows(members), "members": [list(m) for m in members]}
    store.close()
    return result


def _count(store, table: str) -> int | None:
    try:
        return store.scalar(f"SELECT COUNT(*) FROM {table}")
    except Exception:  # the baseline has no such table
        return None


def child(*args: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        src = args[1]
        subprocess.run([sys.executable, __file__, "--child", *args, str(Path(tmp) / "w.db"), str(out)], check=True,
                       env={**os.environ, "PYTHONPATH": src})
        return json.loads(out.read_text()) if out.exists() else {}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, src, a, b, work, out = sys.argv[2:8]
        if kind == "base":
            build_base(src, a, b)
            return
        Path(out).write_text(json.dumps(measure(src, a, work, [int(x) for x in b.split(",")])))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=newscorpus.DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=100000)
    ap.add_argument("--baseline-src", required=True, help="the src folder of the baseline checkout")
    ap.add_argument("--current-src", default=str(HERE.parent / "src"), help="the src folder measured (default: this checkout's)")
    ap.add_argument("--repeats", type=int, default=1, help="passes per implementation (alternating)")
    args = ap.parse_args()
    lines = write_sorted_corpus(args.articles, args.data)
    base = CACHE / f"stories-base-{args.articles}.db"
    if not Path(f"{base}.complete").exists():
        t0 = time.perf_counter()
        child("base", args.baseline_src, str(lines), str(base))
        Path(f"{base}.complete").write_text("")
        print(f"base store built in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    step = max(1, args.articles // 10)
    checkpoints = list(range(step, args.articles + 1, step))
    impls = {"baseline (every story in memory and in the state)": args.baseline_src,
             "closed stories archived": args.current_src}
    results: dict = {"machine": machine(), "articles": args.articles, "implementations": {}}
    runs: dict[str, list[dict]] = {k: [] for k in impls}
    for _ in range(args.repeats):
        for name, src in impls.items():
            runs[name].append(child("measure", src, str(base), ",".join(map(str, checkpoints))))
            print(f"{name}: pass done", file=sys.stderr)
    first, second = (runs[k][0]["members"] for k in impls)
    a, b = dict(map(tuple, first)), dict(map(tuple, second))
    results["difference"] = {"articles": len(a), "same_articles": a.keys() == b.keys(),
                             "articles_in_another_story": sum(1 for k in a if a[k] != b.get(k))}
    for name, src in impls.items():
        rs = runs[name]
        for r in rs:
            r.pop("members")
        results["implementations"][name] = {
            "src": src,
            "ms_per_article": median_windows(rs, checkpoints),
            "total_cpu_s": round(statistics.median(sum(x["cpu"] for x in r["batches"]) for r in rs), 1),
            "total_wall_s": round(statistics.median(sum(x["wall"] for x in r["batches"]) for r in rs), 1),
            "state_bytes_written_mib": round(statistics.median(sum(x["state_bytes"] for x in r["batches"]) for r in rs) / 2**20, 1),
            "checkpoints": rs[0]["checkpoints"],
            "peak_rss_mib": statistics.median(r["peak_rss_mib"] for r in rs),
            "stories": rs[0]["stories"], "members_digest": rs[0]["members_digest"],
        }
    results["load_average_at_end"] = os.getloadavg()
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
