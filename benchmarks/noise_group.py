"""Cost of dedup as one story's syndication group grows to thousands of copies.

A wire story (the first Reuters-21578 story of 15+ sentences in the test split, read from
``--data``) is copied ``--copies`` times by as many invented sites, each copy edited as
noise_corpus.py edits copies (truncated, new headline, words changed, shuffled). The copies
arrive ``--batch`` at a time and the clean and dedup stages run after each arrival, as
`storyline ingest` or `storyline watch` would. The figure is the CPU time of dedup per
arrival while the group grows: a stage that recomputes whole groups or statements when a
member joins costs more with every arrival; one that does not stays flat once the LSH
buckets are full (``dedup.max_bucket``).

    .venv/bin/python benchmarks/noise_group.py [--data ../shared/data] [--copies 5000] [--batch 250]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import noise_corpus as nc  # noqa: E402

from storyline import pipeline, syndication  # noqa: E402
from storyline.readers.lines import parse_lines  # noqa: E402
from storyline.records import Article  # noqa: E402
from storyline.settings import DEFAULTS, Settings  # noqa: E402
from storyline.store import articles as db  # noqa: E402

MIN_SENTENCES = 15  # a long wire story, so every copy has many shingles and sentences


def wire_story(data: Path) -> nc.newscorpus.RawArticle:
    for raw in nc.newscorpus.reuters(data):
        raw = nc.repair(raw)
        if nc.split_of(raw) == "test" and len(raw.sentences) >= MIN_SENTENCES:
            return raw
    raise SystemExit(f"no Reuters story of {MIN_SENTENCES}+ sentences under {data}")


def copies(raw: nc.newscorpus.RawArticle, n: int, seed: int = 3) -> list[Article]:
    """The story itself and ``n - 1`` edited copies, each on its own invented site."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        title, sentences, _ = (raw.title, list(raw.sentences), ()) if i == 0 else nc.edit_copy(rng, raw)
        art = parse_lines(f"copy-{i}", [title, raw.published.strftime("%Y%m%d"),
                                        f"https://site{i}.example/news/{raw.key}", *sentences], DEFAULTS)
        assert isinstance(art, Article)
        out.append(art)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=nc.DEFAULT_DATA)
    ap.add_argument("--copies", type=int, default=5000)
    ap.add_argument("--batch", type=int, default=250)
    ap.add_argument("--set", dest="sets", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    settings = Settings.from_pairs(args.sets) if args.sets else DEFAULTS
    raw = wire_story(args.data)
    arts = copies(raw, args.copies)
    steps = []
    with tempfile.TemporaryDirectory() as tmp:
        store = nc.load_store([], Path(tmp) / "group.db")
        for i in range(0, len(arts), args.batch):
            with store.transaction():
                db.save_articles(store, arts[i:i + args.batch], None)
            pipeline.run_stages(store, settings=settings, only=["clean"])
            cpu, wall = time.process_time(), time.perf_counter()
            pipeline.run_stages(store, settings=settings, only=["dedup"])
            row = {"articles": min(i + args.batch, len(arts)), "dedup_cpu_s": round(time.process_time() - cpu, 3),
                   "dedup_wall_s": round(time.perf_counter() - wall, 3),
                   "largest_group": store.scalar("SELECT MAX(size) FROM syndication_groups") or 0,
                   "links": store.scalar("SELECT COUNT(*) FROM syndication_links")}
            steps.append(row)
            print(f"{row['articles']:>6} copies: dedup {row['dedup_cpu_s']:.2f} CPU s ({row['dedup_wall_s']:.1f} s wall), "
                  f"largest group {row['largest_group']}, {row['links']} links", flush=True)
        group = syndication.groups(store, limit=1)
        store.close()
    k = max(1, len(steps) // 5)
    first = statistics.median(s["dedup_cpu_s"] for s in steps[:k])
    last = statistics.median(s["dedup_cpu_s"] for s in steps[-k:])
    result = {
        "story_sentences": len(raw.sentences),
        "copies": args.copies,
        "batch": args.batch,
        "steps": steps,
        "grouped": group[0].size if group else 0,
        "median_cpu_first_fifth_s": first,
        "median_cpu_last_fifth_s": last,
        "last_over_first": round(last / first, 2) if first else None,
        "settings": settings.changed(),
    }
    print(f"{result['grouped']} of {args.copies} copies in one group; dedup CPU per {args.batch} copies: "
          f"first fifth {first:.2f}s, last fifth {last:.2f}s ({result['last_over_first']}x)")
    if not args.no_write:
        nc.write_results("noise_group", result)


if __name__ == "__main__":
    main()
