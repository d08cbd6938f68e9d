"""Speed and memory of the clean and dedup stages from 10k to 100k articles, incrementally.

The test and dev corpora of noise_corpus.py (about 25k articles: Reuters + BBC on invented
sites, with furniture, posts and edited copies) are replicated into independent corpora of
the same shape: replica r renames every site and suffixes every word with r (0 included,
so all replicas have text of one length), so replicas share no text but numbers (more news,
not more copies of the same news).
Articles are added 10k at a time and the two stages run after each step, as `storyline
ingest` does; the time per step shows whether a batch costs more as the store grows.

Baselines in the same run: all-pairs comparison (the dedup decision on exact fingerprints,
without MinHash or LSH) on subsets of 500-2,000 articles, extrapolated quadratically; and
grouping by an exact hash of the cleaned text over the whole store.

    .venv/bin/python benchmarks/noise_scale.py [--data ../shared/data] [--total 100000]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import noise_corpus as nc  # noqa: E402
from noise_syndication import exact_hash_groups  # noqa: E402

from storyline import pipeline  # noqa: E402
from storyline.readers.lines import parse_lines  # noqa: E402
from storyline.records import Article  # noqa: E402
from storyline.settings import DEFAULTS  # noqa: E402
from storyline.syndication import Fingerprint, copy_evidence  # noqa: E402
from storyline.store import articles as db  # noqa: E402

_WORD = re.compile(r"\b([A-Za-z]+)\b")


def replica(art: Article, r: int) -> Article:
    """An article of replica ``r``: same shape, its own sites and vocabulary. Replica 0 is
    suffixed too (with 0), so every replica's text has the same length and step 2 costs
    what step 10 would on an empty store."""
    host = art.url.split("/")[2]
    url = art.url.replace(host, f"r{r}-{host}", 1)
    lines = [_WORD.sub(rf"\g<1>{r}", t) for t in [art.title, *(s.text for s in art.sentences)]]
    out = parse_lines(art.source, [lines[0], art.published.strftime("%Y%m%d"), url, *lines[1:]], DEFAULTS)
    assert isinstance(out, Article)
    return out


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def all_pairs(articles: list[Article], settings) -> tuple[float, int]:
    """The dedup decision (:func:`storyline.syndication.copy_evidence` on exact fingerprints)
    with every pair compared, no MinHash or LSH: (seconds, copy pairs)."""
    started = time.perf_counter()
    prints = [Fingerprint.of(a, settings["dedup.shingle_words"]) for a in articles]
    found = 0
    for i, a in enumerate(prints):
        for b in prints[i + 1:]:
            if a.shingles and b.shingles and not a.shingles.isdisjoint(b.shingles):
                found += copy_evidence(a, b, settings) is not None
    return time.perf_counter() - started, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=nc.DEFAULT_DATA)
    ap.add_argument("--total", type=int, default=100_000)
    ap.add_argument("--step", type=int, default=10_000)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    base = [it.article for it in nc.build("test", args.data) + nc.build("dev", args.data)]
    # Mixed order, so every step holds originals and copies alike (build() lists copies last);
    # 20,000 per replica, so steps 1 and 2 of every replica see the same articles and the
    # cost of step k can be compared with step k - 2, k - 4...: growth is what the store's
    # size adds.
    random.Random(5).shuffle(base)
    base = base[:20_000]
    rss_base = rss_mib()
    settings = DEFAULTS
    steps = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scale.db"
        store = nc.load_store([], path)
        made = 0
        while made < args.total:
            n = min(args.step, args.total - made)
            batch = [replica(base[i % len(base)], i // len(base)) for i in range(made, made + n)]
            t = time.perf_counter()
            for i in range(0, n, 1000):
                with store.transaction():
                    db.save_articles(store, batch[i:i + 1000], None)
            load_s = time.perf_counter() - t
            row = {"articles": made + n, "load_s": round(load_s, 1)}
            for stage in ("clean", "dedup"):
                t, cpu = time.perf_counter(), time.process_time()
                pipeline.run_stages(store, settings=settings, only=[stage])
                row[f"{stage}_s"] = round(time.perf_counter() - t, 1)
                row[f"{stage}_cpu_s"] = round(time.process_time() - cpu, 1)
            row["per_second"] = round(n / (row["clean_s"] + row["dedup_s"]), 1)
            row["per_cpu_second"] = round(n / (row["clean_cpu_s"] + row["dedup_cpu_s"]), 1)
            row["peak_rss_mib"] = round(rss_mib(), 0)
            made += n
            steps.append(row)
            print(f"{row['articles']:>8} articles: load {row['load_s']:>6.1f}s  clean {row['clean_s']:>6.1f}s  "
                  f"dedup {row['dedup_s']:>6.1f}s  -> {row['per_second']:>7.1f} articles/s "
                  f"({row['per_cpu_second']:.1f} per CPU second)  peak RSS {row['peak_rss_mib']:.0f} MiB",
                  flush=True)
        t = time.perf_counter()
        hashed = exact_hash_groups(store)
        hash_s = time.perf_counter() - t
        groups = store.scalar("SELECT COUNT(*) FROM syndication_groups")
        db_mib = sum(p.stat().st_size for p in Path(tmp).glob("scale.db*")) / 2**20
        store.close()
    pairs = []
    for n in (500, 1000, 2000):
        seconds, found = all_pairs(base[:n], settings)
        pairs.append({"articles": n, "seconds": round(seconds, 1), "copy_pairs": found})
        print(f"all-pairs baseline, {n} articles: {seconds:.1f}s ({found} copy pairs)", flush=True)
    per_pair = pairs[-1]["seconds"] / (2000 * 1999 / 2)
    extrapolated = per_pair * args.total * (args.total - 1) / 2
    # CPU time, not wall time: the machine is shared and wall time swings with other work.
    # The last step against the same step of the first replica (step 1 or 2).
    last = steps[-1]
    first = steps[(len(steps) - 1) % 2]
    ratio = (last["clean_cpu_s"] + last["dedup_cpu_s"]) / (first["clean_cpu_s"] + first["dedup_cpu_s"])
    result = {
        "total_articles": args.total,
        "step": args.step,
        "steps": steps,
        "last_step_cpu_cost_over_same_step_of_first_replica": round(ratio, 2),
        "overall_articles_per_second": round(args.total / sum(s["clean_s"] + s["dedup_s"] for s in steps), 1),
        "overall_articles_per_cpu_second": round(args.total / sum(s["clean_cpu_s"] + s["dedup_cpu_s"] for s in steps), 1),
        "peak_rss_mib": last["peak_rss_mib"],
        "rss_before_stages_mib": round(rss_base, 0),
        "store_mib": round(db_mib, 0),
        "groups": groups,
        "baseline_all_pairs": pairs,
        "baseline_all_pairs_extrapolated_s": round(extrapolated, 0),
        "baseline_exact_hash": {"seconds": round(hash_s, 1), "groups": len(hashed)},
    }
    print(f"CPU cost of the last {args.step} articles / the same step of the first replica: {ratio:.2f} "
          f"(1.0 = linear growth); "
          f"all-pairs at {args.total}: ~{extrapolated / 3600:.1f} h extrapolated; exact hash {hash_s:.1f}s")
    if not args.no_write:
        nc.write_results("noise_scale", result)


if __name__ == "__main__":
    main()
