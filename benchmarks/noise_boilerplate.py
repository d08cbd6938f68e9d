"""Boilerplate and embed marking on Reuters-21578 + BBC with generated site furniture.

Line-level precision and recall of ``boilerplate`` (and ``embed``) marks against the kinds
the corpus builder (noise_corpus.py) injected, the share of articles that lose an original
sentence to a wrong mark, and two baselines measured in the same run: patterns only, and
"a line seen in 3+ articles anywhere" (no notion of site or story).

    .venv/bin/python benchmarks/noise_boilerplate.py [--data ../shared/data] [--split test]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import noise_corpus as nc  # noqa: E402

from storyline import boilerplate, pipeline  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.shingles import normalize  # noqa: E402



def score(items, predicted: dict[tuple[str, int], str], kind: str) -> dict[str, float]:
    tp = n_pred = n_gold = 0
    for it in items:
        for i, gold in enumerate(it.gold_kinds):
            pred = predicted[(it.article.id, i)]
            tp += gold == kind and pred == kind
            n_pred += pred == kind
            n_gold += gold == kind
    return {**nc.prf(tp, n_pred, n_gold), "gold_lines": n_gold, "marked": n_pred}


def harmed(items, predicted: dict[tuple[str, int], str]) -> float:
    """Share of articles with at least one original (gold text) sentence not marked text."""
    bad = sum(any(g == "text" and predicted[(it.article.id, i)] != "text" for i, g in enumerate(it.gold_kinds))
              for it in items)
    return round(bad / len(items), 4)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=nc.DEFAULT_DATA)
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--set", dest="sets", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--no-write", action="store_true", help="Do not write benchmarks/results (for dev runs).")
    args = ap.parse_args()
    settings = Settings.from_pairs(args.sets)
    items = nc.build(args.split, args.data)
    with tempfile.TemporaryDirectory() as tmp:
        store = nc.load_store(items, Path(tmp) / "noise.db")
        t = time.perf_counter()
        pipeline.run_stages(store, settings=settings, only=["clean"])
        seconds = time.perf_counter() - t
        ours = {(a, i): k for a, i, k in store.rows("SELECT article_id, idx, kind FROM sentences")}
        reasons = Counter()
        for it in items:
            for i, r in boilerplate.reasons_for(store, it.article.id).items():
                if it.gold_kinds[i] == "boilerplate" and r != "embed":
                    reasons["furniture (corpus)" if r == "furniture" else "pattern"] += 1
        store.close()
    patterns = {(it.article.id, s.index): "boilerplate" if boilerplate.pattern_reason(s.text) else "text"
                for it in items for s in it.article.sentences}
    seen = Counter()
    for it in items:
        seen.update({normalize(s.text) for s in it.article.sentences})
    repeated = {(it.article.id, s.index): "boilerplate" if seen[normalize(s.text)] >= 3 else "text"
                for it in items for s in it.article.sentences}
    result = {
        "split": args.split,
        "articles": len(items),
        "lines": sum(len(it.gold_kinds) for it in items),
        "storyline": {"boilerplate": score(items, ours, "boilerplate"), "embed": score(items, ours, "embed"),
                      "articles_with_original_text_marked": harmed(items, ours),
                      "true_boilerplate_found_by": dict(reasons)},
        "baseline_patterns_only": {"boilerplate": score(items, patterns, "boilerplate"),
                                   "articles_with_original_text_marked": harmed(items, patterns)},
        "baseline_seen_3_times_anywhere": {"boilerplate": score(items, repeated, "boilerplate"),
                                           "articles_with_original_text_marked": harmed(items, repeated)},
        "seconds_clean": round(seconds, 1),
        "articles_per_second": round(len(items) / seconds, 1),
        "settings": settings.changed(),
    }
    print(f"{'boilerplate marking':34}{'precision':>10}{'recall':>10}{'f1':>8}{'articles harmed':>17}")
    for name, key in (("storyline (patterns + per-site)", "storyline"), ("patterns only (baseline)", "baseline_patterns_only"),
                      ("seen 3+ times anywhere (baseline)", "baseline_seen_3_times_anywhere")):
        row = result[key]["boilerplate"]
        print(f"{name:34}{row['precision']:>10.4f}{row['recall']:>10.4f}{row['f1']:>8.4f}"
              f"{result[key]['articles_with_original_text_marked']:>17.2%}")
    emb = result["storyline"]["embed"]
    print(f"embeds: precision {emb['precision']:.4f} recall {emb['recall']:.4f} ({emb['gold_lines']} lines)")
    print(f"true boilerplate found by: {dict(reasons)}; {len(items)} articles, clean {seconds:.1f}s")
    if not args.no_write:
        nc.write_results("noise_boilerplate", result)


if __name__ == "__main__":
    main()
