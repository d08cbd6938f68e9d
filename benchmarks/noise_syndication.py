"""Syndication detection on Reuters-21578 + BBC with generated copies (noise_corpus.py).

Pairwise precision and recall of copy detection (pairs inside predicted groups against
pairs of the same gold story), recall on Reuters' own exact duplicates, recall by edit
type, and an exact-hash baseline (identical cleaned text) measured in the same run.

Three golds: the constructed one (strict: only generated copies and Reuters' exact
duplicates are copies), with the source corpora's own copies joined by a detector-blind
character test (``noise_corpus.natural_copies``), and with the hand labels of
``noise_audit.json`` joined as well (every pair of source articles that storyline grouped
and the second gold keeps apart, read and labelled same report or different reports).

    .venv/bin/python benchmarks/noise_syndication.py [--data ../shared/data] [--split test]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import noise_corpus as nc  # noqa: E402

from storyline import pipeline  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.shingles import normalize  # noqa: E402



def predicted_groups(store) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for aid, gid in store.rows("SELECT article_id, group_id FROM syndication_members"):
        groups[gid].append(aid)
    return groups


def exact_hash_groups(store) -> dict[str, list[str]]:
    """Baseline: articles whose cleaned text (text lines, normalised, in order) is identical."""
    texts: dict[str, list[str]] = defaultdict(list)
    for aid, text in store.rows("SELECT article_id, text FROM sentences WHERE kind = 'text' ORDER BY article_id, idx"):
        texts[aid].append(normalize(text))
    groups: dict[str, list[str]] = defaultdict(list)
    for aid, lines in texts.items():
        groups["\n".join(lines)].append(aid)
    return {k: v for k, v in groups.items() if len(v) > 1}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=nc.DEFAULT_DATA)
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--set", dest="sets", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--no-write", action="store_true", help="Do not write benchmarks/results (for dev runs).")
    args = ap.parse_args()
    settings = Settings.from_pairs(args.sets)

    t0 = time.perf_counter()
    items = nc.build(args.split, args.data)
    build_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        store = nc.load_store(items, Path(tmp) / "noise.db")
        timings = {}
        for stage in ("clean", "dedup"):
            t = time.perf_counter()
            pipeline.run_stages(store, settings=settings, only=[stage])
            timings[stage] = time.perf_counter() - t
        pred = nc.group_pairs(predicted_groups(store))
        gold = nc.gold_pairs(items)
        base_pairs = nc.group_pairs(exact_hash_groups(store))
        ours = nc.prf(len(pred & gold), len(pred), len(gold))
        baseline = nc.prf(len(base_pairs & gold), len(base_pairs), len(gold))

        by_key: dict[str, list[nc.Item]] = {it.article.source: [] for it in items}
        for it in items:
            by_key[it.article.source].append(it)
        # Reuters-21578's own exact duplicates (identical bodies, 284 pairs).
        by_body: dict[str, list[str]] = defaultdict(list)
        for it in items:
            if it.reuters_duplicate:
                by_body[it.reuters_duplicate].append(it.article.id)
        exact = [tuple(sorted((a, b))) for ids in by_body.values() for i, a in enumerate(ids) for b in ids[i + 1:]]
        exact_found = sum(p in pred for p in exact)

        per_edit: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for its in by_key.values():
            orig = [i for i in its if i.original]
            for copy in (i for i in its if not i.original):
                hit = all(tuple(sorted((copy.article.id, o.article.id))) in pred for o in orig)
                for edit in copy.edits:
                    per_edit[edit][0] += hit
                    per_edit[edit][1] += 1
        original = {it.article.id for it in items if it.original}
        false_pos = sorted(pred - gold)
        natural = [p for p in false_pos if p[0] in original and p[1] in original]
        # Gold with the copies the source corpora already held (re-sends, corrections,
        # duplicate files), by noise_corpus.natural_copies: a character-level test of the
        # whole bodies, fixed before scoring and blind to the detector's output.
        natural_gold = nc.gold_pairs(items, natural=True)
        extended = nc.prf(len(pred & natural_gold), len(pred), len(natural_gold))
        baseline_extended = nc.prf(len(base_pairs & natural_gold), len(base_pairs), len(natural_gold))
        joined_stories = len({it.story for it in items}) - len({it.natural_story for it in items})
        # Gold with the hand labels of noise_audit.json joined as well: every pair of source
        # articles grouped by storyline and kept apart by the gold above was read and labelled.
        audited_gold, audit_used = nc.audited_gold_pairs(items)
        audited = nc.prf(len(pred & audited_gold), len(pred), len(audited_gold))
        labels = nc.audit_labels()
        source = {it.article.id: it.article.source for it in items}
        unlabelled = {tuple(sorted((source[a], source[b]))) for a, b in pred - audited_gold
                      if a in original and b in original} - set(labels)
        # Re-sent reports the detector did not group are in no label list: the natural
        # copies it missed bound how much that flatters recall.
        natural_missed = len((natural_gold - gold) - pred)
        different = [p for p in pred - audited_gold if labels.get(tuple(sorted((source[p[0]], source[p[1]])))) is False]
        n_articles = len(items)
        store.close()

    result = {
        "split": args.split,
        "articles": n_articles,
        "originals": len(original),
        "copies": n_articles - len(original),
        "gold_pairs": len(gold),
        "storyline": {**ours, "predicted_pairs": len(pred)},
        "storyline_vs_gold_with_natural_copies": {**extended, "gold_pairs": len(natural_gold),
                                                   "stories_joined_by_natural_copies": joined_stories},
        "storyline_vs_audited_gold": {**audited, "gold_pairs": len(audited_gold), "labelled_pairs_used": audit_used,
                                      "false_pairs": len(pred - audited_gold),
                                      "false_pairs_labelled_different_reports": len(different),
                                      "unlabelled_pairs_of_originals": len(unlabelled),
                                      "natural_copy_pairs_not_grouped": natural_missed},
        "baseline_exact_hash": {**baseline, "predicted_pairs": len(base_pairs)},
        "baseline_exact_hash_vs_gold_with_natural_copies": baseline_extended,
        "reuters_exact_duplicates": {"pairs": len(exact), "found": exact_found},
        "recall_by_edit": {k: round(v[0] / v[1], 4) for k, v in sorted(per_edit.items())},
        "copies_by_edit": {k: v[1] for k, v in sorted(per_edit.items())},
        "false_positive_pairs": len(false_pos),
        "false_positives_between_originals": len(natural),
        "of_which_natural_copies": sum(p in natural_gold for p in natural),
        "false_positive_pairs_vs_gold_with_natural_copies": len(pred - natural_gold),
        "seconds": {"build": round(build_s, 1), **{k: round(v, 1) for k, v in timings.items()}},
        "articles_per_second": {k: round(n_articles / v, 1) for k, v in timings.items()},
        "settings": settings.changed(),
    }
    print(f"{'':24}{'precision':>10}{'recall':>10}{'f1':>10}{'pairs':>10}")
    for name, row in (("storyline (MinHash LSH)", result["storyline"]), ("exact hash (baseline)", result["baseline_exact_hash"])):
        print(f"{name:24}{row['precision']:>10.4f}{row['recall']:>10.4f}{row['f1']:>10.4f}{row['predicted_pairs']:>10}")
    e = result["storyline_vs_gold_with_natural_copies"]
    print(f"{'storyline, gold + natural':24}{e['precision']:>10.4f}{e['recall']:>10.4f}{e['f1']:>10.4f}{len(pred):>10}")
    a = result["storyline_vs_audited_gold"]
    print(f"{'storyline, audited gold':24}{a['precision']:>10.4f}{a['recall']:>10.4f}{a['f1']:>10.4f}{len(pred):>10}")
    print(f"audited gold: {audit_used} labelled pairs of source articles used; {a['false_pairs']} false pairs, "
          f"{a['false_pairs_labelled_different_reports']} of them labelled different reports, "
          f"{a['unlabelled_pairs_of_originals']} pairs of originals not labelled")
    print(f"gold pairs {len(gold)}; Reuters exact duplicates found {exact_found}/{len(exact)}")
    print("recall by edit: " + ", ".join(f"{k} {v:.4f} (n={result['copies_by_edit'][k]})" for k, v in result["recall_by_edit"].items()))
    print(f"false-positive pairs {len(false_pos)}, between two originals {len(natural)} "
          f"({result['of_which_natural_copies']} of them natural copies by the corpus criterion)")
    print(f"{n_articles} articles: clean {timings['clean']:.1f}s, dedup {timings['dedup']:.1f}s")
    if not args.no_write:
        nc.write_results("noise_syndication", result)


if __name__ == "__main__":
    main()
