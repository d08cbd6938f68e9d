"""End to end at scale: one process, two processes and a two-worker Dask LocalCluster.

    .venv/bin/python benchmarks/scale.py [--data ../shared/data] [--sizes 10000 30000 100000]
        [--sample 1000] [--configs one two cluster] [--discovery-files 1000000]

The corpus is ``newscorpus.write_lines_corpus(100_000)`` (Reuters-21578 + BBC from
``../shared/data/corpus``, replicated with new URLs and dates shifted by whole years; folders
of 1,000 line-format files). Three configurations, each with its own SQLite store:

- ``one``: ``ingest.jobs=1, enrich.jobs=1`` (everything in one process; the baseline);
- ``two``: ``ingest.jobs=2, enrich.jobs=2`` (local process pools, the default);
- ``cluster``: ``cluster.address`` of a ``LocalCluster(n_workers=2, threads_per_worker=1,
  processes=True, dashboard_address=None)`` kept running by a helper process for the whole
  run (its scheduler lives there, as a deployed scheduler would; ``--cluster`` sets the same).

Each store grows in steps to each size (10k, +20k to 30k, +70k to 100k). At each step, for
each configuration in turn (so the three meet the same machine load), fresh processes,
as three commands would:

1. ingest (load) the step's folders - measured in full;
2. clean and dedup every new article - measured in full (main-process stages: the same code in
   every configuration);
3. enrich and stories on a sample, in three more processes (choosing the sample and marking
   the rest; enrich; stories), so each stage's peak memory is its own and not the harness's:
   ``--sample`` new articles (fixed seed, the same in every
   configuration) that are replicas of the first step's articles, so every step's sample comes
   from the same population; the step's other new articles are marked through enrich and
   stories unanalysed. The sample runs against the step's full store for what ingest, clean
   and dedup wrote, but the entity resolver and story index hold only earlier samples.
   Enriching all 100k articles in three configurations would take most of a day here.

End to end at a size is extrapolated as: ingest + clean + dedup measured for every article,
plus every article at the per-article enrich + stories time of its step's sample.

The parent samples every 0.2 s the RSS and CPU time of the measured process, of every process
under it (pool workers) and of the cluster's processes (scheduler, nannies, workers), per
phase; a fresh process per phase means a phase's peak is its own. The load average is
recorded at each phase's start and end: the machine is shared, and CPU seconds per article
are reported beside wall-clock rates because they do not depend on the load.

Discovery: one folder of ``--discovery-files`` empty files is listed by
``storyline.readers.discover`` and by the previous listing (every entry of the folder sorted in
memory at once: the baseline), alternately, each in its own process; peak RSS and seconds.

Results: benchmarks/results/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newscorpus  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "scale.json"
CONFIGS = {
    "one": {"ingest.jobs": 1, "enrich.jobs": 1},
    "two": {"ingest.jobs": 2, "enrich.jobs": 2},
    "cluster": {},  # cluster.address is added once the helper has started the cluster
}
PHASES = ("ingest", "clean_dedup", "sample", "enrich", "stories")
FILES_PER_FOLDER = 1000  # newscorpus.write_lines_corpus's default
SAMPLE_SEED = 3
SAMPLE_INTERVAL_S = 0.2  # RSS/CPU sampling period: short next to every phase measured (>3 s)


# --- the measured processes -------------------------------------------------------------------
def emit(**event) -> None:
    print(json.dumps(event), flush=True)


def _base(url: str) -> str:
    """The URL of the replicated article's original (newscorpus appends -rN to copies)."""
    head, sep, tail = url.rpartition("-r")
    return head if sep and tail.isdigit() else url


def _choose_sample(store, population: set[str], size: int) -> tuple[list[int], list[int], str]:
    """(sample, rest, drawn from) of the articles waiting for enrich: ``size`` replicas of
    the first step's articles (fixed seed), or of any waiting article when there are too few
    replicas (small --sizes); the rest is everything else waiting."""
    from storyline.store import articles as db

    waiting = db.pending(store, "enrich")
    urls = {}
    for marks, chunk in store.in_chunks(waiting):
        urls.update({r[0]: r[1] for r in store.rows(f"SELECT seq, url FROM articles WHERE seq IN ({marks})", chunk)})
    eligible = [seq for seq in waiting if _base(urls[seq]) in population] if population else waiting
    drawn = "replicas of the first step" if population else "first step"
    if len(eligible) < size:
        eligible, drawn = waiting, "all new articles"
    chosen = set(random.Random(SAMPLE_SEED).sample(eligible, min(size, len(eligible))))
    return sorted(chosen), [seq for seq in waiting if seq not in chosen], drawn


def child_main(config: str, phase: str, corpus: Path, done: int, size: int, sample: int, db_path: str,
               address: str, first_step: int) -> None:
    from storyline import pipeline
    from storyline.ingest import ingest
    from storyline.settings import Settings
    from storyline.store import articles as db
    from storyline.store import open_store

    values = {"ingest.progress": False, **CONFIGS[config]}
    if config == "cluster":
        values["cluster.address"] = address
    settings = Settings(values)
    store = open_store(db_path, settings=settings)

    def timed(name: str, fn) -> object:
        emit(event="phase", phase=name, load=os.getloadavg()[0])
        wall, cpu = time.perf_counter(), time.process_time()
        out = fn()
        emit(event="end", phase=name, seconds=time.perf_counter() - wall, main_cpu_s=time.process_time() - cpu,
             load=os.getloadavg()[0])
        return out

    if phase == "ingest":
        folders = [str(corpus / f"{i:04d}") for i in range(done // FILES_PER_FOLDER, size // FILES_PER_FOLDER)]
        report = timed("ingest", lambda: ingest(store, folders, settings=settings))
        assert report.added == size - done and not report.rejected, (report.added, report.rejected[:3])
    elif phase == "clean_dedup":
        for stage in ("clean", "dedup"):
            timed(stage, lambda stage=stage: pipeline.run_stages(store, settings=settings, only=[stage]))
    elif phase == "sample":
        population = set()
        if size > first_step:
            population = {r[0] for r in store.rows("SELECT url FROM articles WHERE seq <= ?", (first_step,))}
        chosen, rest, drawn = _choose_sample(store, population, sample)
        with store.transaction():
            for stage in ("enrich", "stories"):
                db.mark_done(store, stage, rest)
        sentences = sum(store.scalar(
            f"SELECT COUNT(*) FROM sentences s JOIN articles a ON a.id = s.article_id "
            f"WHERE s.kind = 'text' AND a.seq IN ({marks})", chunk) for marks, chunk in store.in_chunks(chosen))
        emit(event="sample", articles=len(chosen), sentences=sentences, drawn_from=drawn)
    elif phase in ("enrich", "stories"):
        waiting = len(db.pending(store, phase))
        counts = timed(phase, lambda: pipeline.run_stages(store, settings=settings, only=[phase]))
        assert waiting and counts[phase]["articles"] == waiting, counts
    store.close()


def serve_cluster() -> None:
    """The helper: a two-worker LocalCluster, its address on stdout, until stdin closes."""
    from distributed import LocalCluster

    started = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        emit(address=cluster.scheduler_address, seconds=round(time.perf_counter() - started, 2))
        sys.stdin.read()


# --- the measuring parent ---------------------------------------------------------------------
class TreeSampler(threading.Thread):
    """Peak RSS and CPU time of process trees (the measured one, the cluster's), per phase."""

    def __init__(self, cluster_pid: int | None):
        super().__init__(daemon=True)
        self.cluster_pid = cluster_pid
        self.root = None
        self.phase = "idle"
        self.peaks: dict[str, dict[str, float]] = {}
        self.cpu: dict[tuple[int, float], float] = {}  # CPU seconds last seen per (pid, start time), root excluded
        self.cluster_pids: set[tuple[int, float]] = set()
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def watch(self, pid: int, phase: str) -> None:
        import psutil

        with self.lock:
            self.root, self.phase = psutil.Process(pid), phase

    def cpu_split(self) -> tuple[float, float]:
        """CPU seconds so far of (the measured process's children, the cluster's processes)."""
        self.sample()
        with self.lock:
            cluster = sum(v for key, v in self.cpu.items() if key in self.cluster_pids)
            return sum(self.cpu.values()) - cluster, cluster

    def _tree(self, pid: int) -> list:
        import psutil

        try:
            top = psutil.Process(pid)
            return [top, *top.children(recursive=True)]
        except psutil.Error:
            return []

    def sample(self) -> None:
        import psutil

        with self.lock:
            root, phase = self.root, self.phase
        rss: dict[str, list[float]] = {"main": [], "children": [], "cluster_scheduler": [], "cluster_workers": []}
        groups = [("cluster", p) for p in (self._tree(self.cluster_pid) if self.cluster_pid else [])]
        if root is not None:
            groups += [("main" if p.pid == root.pid else "children", p) for p in self._tree(root.pid)]
        for group, proc in groups:
            try:
                mem = proc.memory_info().rss / 2**20
                times = proc.cpu_times()
                key = (proc.pid, proc.create_time())
            except psutil.Error:
                continue
            if group == "cluster":
                self.cluster_pids.add(key)
                group = "cluster_scheduler" if proc.pid == self.cluster_pid else "cluster_workers"
            rss[group].append(mem)
            if group != "main":
                with self.lock:
                    self.cpu[key] = times.user + times.system
        with self.lock:
            peak = self.peaks.setdefault(phase, {})
            for key, values in (("main_mib", rss["main"]), ("largest_child_mib", rss["children"]),
                                ("cluster_scheduler_mib", rss["cluster_scheduler"]),
                                ("largest_cluster_process_mib", rss["cluster_workers"])):
                peak[key] = max(peak.get(key, 0.0), max(values, default=0.0))
            peak["all_mib"] = max(peak.get("all_mib", 0.0), sum(sum(v) for v in rss.values()))

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(SAMPLE_INTERVAL_S)


def run_phase(sampler: TreeSampler, config: str, phase: str, corpus: Path, done: int, size: int, sample: int,
              db_path: str, address: str, first_step: int) -> tuple[list[dict], dict]:
    """One fresh measured process; returns its timed stages and its sample description."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", config, phase, str(corpus), str(done), str(size),
                             str(sample), db_path, address or "-", str(first_step)],
                            stdout=subprocess.PIPE, text=True)
    rows, sample_info = [], {}
    for line in proc.stdout:  # type: ignore[union-attr]
        event = json.loads(line)
        if event["event"] == "phase":
            key = f"{config}:{event['phase']}@{size}"
            sampler.watch(proc.pid, key)
            start = (event["load"], *sampler.cpu_split())
        elif event["event"] == "end":
            children, cluster = sampler.cpu_split()
            row = {"config": config, "stage": event["phase"], "articles": size, "seconds": round(event["seconds"], 2),
                   "main_cpu_s": round(event["main_cpu_s"], 2), "children_cpu_s": round(children - start[1], 2),
                   "cluster_cpu_s": round(cluster - start[2], 2), "load": [start[0], event["load"]],
                   "peak": {k: round(v, 1) for k, v in sampler.peaks.get(key, {}).items()}}
            rows.append(row)
            print(f"  {config:>7} {row['stage']:>7} @ {size:>6}: {row['seconds']:8.1f} s  CPU main {row['main_cpu_s']:6.1f} "
                  f"children {row['children_cpu_s']:6.1f} cluster {row['cluster_cpu_s']:6.1f} s  "
                  f"peak main {row['peak'].get('main_mib', 0):5.0f} MiB  load {event['load']:.1f}", flush=True)
        elif event["event"] == "sample":
            sample_info = {k: event[k] for k in ("articles", "sentences", "drawn_from")}
    if proc.wait():
        raise SystemExit(f"{config} {phase} @ {size} failed with exit code {proc.returncode}")
    sampler.watch(os.getpid(), "idle")
    return rows, sample_info


def summarise(stages: list[dict], samples: dict, config: str, sizes: list[int]) -> list[dict]:
    """Per size: measured rates, CPU per article, peaks, and the extrapolated end to end."""
    by = {(r["stage"], r["articles"]): r for r in stages if r["config"] == config}
    rows, total_s, done = [], 0.0, 0

    def workers_cpu(row: dict) -> float:
        # The cluster idles (heartbeats) while the other configurations run: not theirs.
        return row["cluster_cpu_s"] if config == "cluster" else row["children_cpu_s"]

    for size in sizes:
        new, sample = size - done, samples[f"{config}@{size}"]
        n = sample["articles"]
        full = sum(by[(st, size)]["seconds"] for st in ("ingest", "clean", "dedup"))
        per_article = (by[("enrich", size)]["seconds"] + by[("stories", size)]["seconds"]) / n
        total_s += full + new * per_article
        enrich = by[("enrich", size)]
        rows.append({
            "config": config, "articles": size, "new_articles": new, "sample": n,
            "ingest_per_s": round(new / by[("ingest", size)]["seconds"], 1),
            "clean_dedup_per_s": round(new / (by[("clean", size)]["seconds"] + by[("dedup", size)]["seconds"]), 1),
            "enrich_per_s": round(n / enrich["seconds"], 2),
            "enrich_sentences_per_s": round(sample["sentences"] / enrich["seconds"], 1),
            "stories_per_s": round(n / by[("stories", size)]["seconds"], 1),
            "end_to_end_s_extrapolated": round(total_s, 0),
            "end_to_end_per_s_extrapolated": round(size / total_s, 2),
            "cpu_ms_per_article": {
                "ingest_main": round(1000 * by[("ingest", size)]["main_cpu_s"] / new, 2),
                "ingest_workers": round(1000 * workers_cpu(by[("ingest", size)]) / new, 2),
                "clean_main": round(1000 * by[("clean", size)]["main_cpu_s"] / new, 2),
                "dedup_main": round(1000 * by[("dedup", size)]["main_cpu_s"] / new, 2),
                "enrich_main": round(1000 * enrich["main_cpu_s"] / n, 2),
                "enrich_workers": round(1000 * workers_cpu(enrich) / n, 2),
                "stories_main": round(1000 * by[("stories", size)]["main_cpu_s"] / n, 2),
            },
            "peak_ingest": by[("ingest", size)]["peak"],
            "peak_enrich": enrich["peak"],
            "peak_dedup": by[("dedup", size)]["peak"],
            "load": [min(r["load"][0] for r in by.values() if r["articles"] == size),
                     max(r["load"][1] for r in by.values() if r["articles"] == size)],
        })
        done = size
    return rows


# --- discovery --------------------------------------------------------------------------------
def discovery_child(kind: str, folder: str) -> None:
    import resource

    from storyline.readers import discover  # imported by both, so both carry the same modules

    started = time.perf_counter()
    if kind == "storyline":
        n = sum(1 for _ in discover([folder]))
    else:  # the listing before this change: every entry of a folder, sorted in memory at once
        with os.scandir(folder) as it:
            entries = sorted((e.name, e.path, e.is_dir(follow_symlinks=False)) for e in it if not e.name.startswith("."))
        n = sum(1 for name, path, is_dir in entries if not is_dir and os.stat(path))
    print(json.dumps({"files": n, "seconds": round(time.perf_counter() - started, 2),
                      "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))


def measure_discovery(files: int) -> dict:
    base = Path(tempfile.mkdtemp(prefix="storyline-discovery-"))
    try:
        folder = base / "one-folder"
        folder.mkdir()
        started = time.perf_counter()
        for i in range(files):
            with open(folder / f"article-{i:08d}-{(i * 7919) % 100003:06d}.txt", "wb"):
                pass
        out: dict = {"files": files, "create_s": round(time.perf_counter() - started, 1)}
        for kind in ("baseline", "storyline") * 2:
            res = json.loads(subprocess.run([sys.executable, __file__, "--discovery-child", kind, str(folder)],
                                            check=True, capture_output=True, text=True).stdout)
            out.setdefault(kind, []).append(res)
            print(f"  discovery {kind:>9}: {res['files']:,} files in {res['seconds']:.1f} s, peak RSS {res['peak_rss_mib']:.0f} MiB", flush=True)
        for kind in ("baseline", "storyline"):
            out[f"{kind}_median"] = {k: statistics.median(r[k] for r in out[kind]) for k in ("seconds", "peak_rss_mib")}
        return out
    finally:
        shutil.rmtree(base, ignore_errors=True)


def machine() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "sqlite": sqlite3.sqlite_version, "load_average_at_start": os.getloadavg()}


def start_cluster() -> tuple[subprocess.Popen, str, float]:
    helper = subprocess.Popen([sys.executable, __file__, "--serve-cluster"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    started = json.loads(helper.stdout.readline())  # type: ignore[union-attr]
    return helper, started["address"], started["seconds"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=newscorpus.DEFAULT_DATA)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    ap.add_argument("--sample", type=int, default=1000)
    ap.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS))
    ap.add_argument("--discovery-files", type=int, default=1_000_000)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--child", nargs=9, help=argparse.SUPPRESS)
    ap.add_argument("--discovery-child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    ap.add_argument("--serve-cluster", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        config, phase, corpus, done, size, sample, db_path, address, first = args.child
        child_main(config, phase, Path(corpus), int(done), int(size), int(sample), db_path, address, int(first))
        return
    if args.discovery_child:
        discovery_child(*args.discovery_child)
        return
    if args.serve_cluster:
        serve_cluster()
        return
    if any(s % FILES_PER_FOLDER for s in args.sizes) or args.sizes != sorted(args.sizes):
        raise SystemExit(f"--sizes must grow and be multiples of {FILES_PER_FOLDER}")
    started = time.perf_counter()
    corpus = newscorpus.write_lines_corpus(args.sizes[-1], args.data)
    result: dict = {"machine": machine(), "sizes": args.sizes, "sample": args.sample, "configs": args.configs}
    helper, address = None, ""
    if "cluster" in args.configs:
        helper, address, result["cluster_start_s"] = start_cluster()
    sampler = TreeSampler(helper.pid if helper else None)
    sampler.start()
    stages: list[dict] = []
    samples: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        done = 0
        for size in args.sizes:
            for config in args.configs:
                db_path = os.path.join(tmp, f"{config}.db")
                for phase in PHASES:
                    rows, info = run_phase(sampler, config, phase, corpus, done, size, args.sample, db_path, address,
                                           args.sizes[0])
                    stages += rows
                    if info:
                        samples[f"{config}@{size}"] = info
            done = size
        result["store_mib"] = {c: round(sum(p.stat().st_size for p in Path(tmp).glob(f"{c}.db*")) / 2**20, 1)
                               for c in args.configs}
    sampler.stop.set()
    if helper is not None:
        helper.stdin.close()  # type: ignore[union-attr]
        helper.wait(timeout=120)
    result["stages"], result["samples"] = stages, samples
    rows = [r for c in args.configs for r in summarise(stages, samples, c, args.sizes)]
    if "one" in args.configs:
        base = {r["articles"]: r for r in rows if r["config"] == "one"}
        for r in rows:
            b = base[r["articles"]]
            for key in ("ingest_per_s", "enrich_per_s", "end_to_end_per_s_extrapolated"):
                r[key.replace("_per_s", "") + "_speed_over_one"] = round(r[key] / b[key], 2)
    result["rows"] = rows
    if args.discovery_files:
        result["discovery"] = measure_discovery(args.discovery_files)
    result["machine"]["load_average_at_end"] = os.getloadavg()
    result["wall_s"] = round(time.perf_counter() - started, 0)
    print(f"\n{'config':>8} {'articles':>8} {'ingest/s':>9} {'clean+dedup/s':>13} {'enrich/s':>9} {'stories/s':>9} "
          f"{'e2e/s (extrap.)':>15} {'peak main MiB ingest/enrich':>27} {'peak worker MiB enrich':>22}")
    for r in rows:
        worker = r["peak_enrich"].get("largest_cluster_process_mib" if r["config"] == "cluster" else "largest_child_mib", 0)
        print(f"{r['config']:>8} {r['articles']:>8} {r['ingest_per_s']:>9.0f} {r['clean_dedup_per_s']:>13.0f} "
              f"{r['enrich_per_s']:>9.1f} {r['stories_per_s']:>9.1f} {r['end_to_end_per_s_extrapolated']:>15.1f} "
              f"{r['peak_ingest'].get('main_mib', 0):>13.0f} / {r['peak_enrich'].get('main_mib', 0):<11.0f} {worker:>22.0f}")
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
