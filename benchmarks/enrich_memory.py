"""Does the enrich writer's memory grow with the store? Peak RSS of the main process while
enriching the same 1,000 articles in a 10,000-article store and in a 100,000-article store,
with SQLite's default 64 MiB page cache and with an 8 MiB one.

    .venv/bin/python benchmarks/enrich_memory.py [--data ../shared/data]

Stores: the first 10,000 / 100,000 articles of ``newscorpus.write_lines_corpus(100_000)``,
ingested, cleaned and deduplicated (cached in ``benchmarks/.cache/enrich_memory-N.db``), all
but the first 1,000 articles marked done for enrich. Each measurement copies the store and
runs ``pipeline.run_stages(only=["enrich"])`` with ``enrich.jobs=2`` in a fresh process; the
peak is that process's ``ru_maxrss`` (the workers are other processes). If the peak differs
between the two stores only by what the page cache can hold, enrichment's memory does not
grow with the corpus.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import newscorpus  # noqa: E402

SIZES = (10_000, 100_000)
SAMPLE = 1000


def build(corpus: Path, n: int, path: Path) -> None:
    from storyline import pipeline
    from storyline.ingest import ingest
    from storyline.settings import Settings
    from storyline.store import articles as db
    from storyline.store import open_store

    settings = Settings({"ingest.jobs": 2, "enrich.jobs": 2, "ingest.progress": False})
    store = open_store(path, settings=settings)
    ingest(store, [str(corpus / f"{i:04d}") for i in range(n // 1000)], settings=settings)
    pipeline.run_stages(store, settings=settings, only=["clean", "dedup"])
    rest = [s for s in db.pending(store, "enrich") if s > SAMPLE]
    with store.transaction():
        for stage in ("enrich", "stories"):
            db.mark_done(store, stage, rest)
    store.close()


def measure(path: Path, cache_kib: int) -> None:
    from storyline import pipeline
    from storyline.settings import Settings
    from storyline.store import open_store

    settings = Settings({"enrich.jobs": 2})
    store = open_store(path, settings=settings)
    store.conn.execute(f"PRAGMA cache_size=-{cache_kib}")
    t0 = time.perf_counter()
    counts = pipeline.run_stages(store, settings=settings, only=["enrich"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"page cache {cache_kib // 1024} MiB: enriched {counts['enrich']['articles']} in "
          f"{time.perf_counter() - t0:.1f} s, peak main RSS {peak:.0f} MiB", flush=True)


def main() -> None:
    if sys.argv[1:2] == ["--build"]:
        build(Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
        return
    if sys.argv[1:2] == ["--measure"]:
        measure(Path(sys.argv[2]), int(sys.argv[3]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=newscorpus.DEFAULT_DATA)
    args = ap.parse_args()
    corpus = newscorpus.write_lines_corpus(max(SIZES), args.data)
    for n in SIZES:
        base = HERE / ".cache" / f"enrich_memory-{n}.db"
        if not Path(f"{base}.complete").exists():
            for p in (base, Path(f"{base}-wal"), Path(f"{base}-shm")):
                p.unlink(missing_ok=True)
            subprocess.run([sys.executable, __file__, "--build", str(corpus), str(n), str(base)], check=True)
            Path(f"{base}.complete").touch()
    work = HERE / ".cache" / "enrich_memory-work.db"
    for cache_kib in (65536, 8192):
        for n in SIZES:
            for p in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
                p.unlink(missing_ok=True)
            shutil.copy(HERE / ".cache" / f"enrich_memory-{n}.db", work)
            print(f"{n:,}-article store, ", end="", flush=True)
            subprocess.run([sys.executable, __file__, "--measure", str(work), str(cache_kib)], check=True)


if __name__ == "__main__":
    main()
