"""Enrichment speed: storyline's whole enrichment vs the plain full spaCy pipeline, 2 cores.

    .venv/bin/python benchmarks/enrich_speed.py [--data ../shared/data] [--articles 400] [--repeats 3]

Text: BBC articles from ../shared/data/corpus/bbc (sentences split as storyline's line format
has them), the same words for both sides, in one run, alternating, ``--repeats`` times.

- baseline: ``nlp.pipe(article_texts, n_process=2)`` with every component of en_core_web_sm
  (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner), one Doc per article;
- analysis: ``storyline.nlp.analyze.analyze`` in 2 worker processes, tasks of 25 articles:
  text repair, entities on every sentence, tagger/parser/lemmatizer only on the sentences a
  module asks for, then mentions, dates, quotes and events;
- stage: the whole ``enrich`` stage on a store (analysis in 2 workers plus canonical names,
  linking and writes in the main process), after ingest, clean and dedup (not timed).

Both pools are started inside the timed region, model loads included: the baseline loads its
model after the clock starts (until the twelfth session it was loaded before, and spaCy's forked
workers inherited it, so the baseline paid no load while the stage's workers paid theirs; that
figure is still reported, as ``baseline_preloaded``). Words are
whitespace-separated tokens of the article texts. Also reported: the share of sentences
parsed, and how many sentences are identical to one already seen.

``--mix crawl`` measures a constructed crawl-like corpus instead: the same BBC sample, where
every third article is also published on three other sites as a syndicated copy (a few words
changed, some truncated), and every article carries three lines of its site's furniture
(lines written for this benchmark). The baseline pipes every line of every article; the
stage skips furniture (clean) and parses a copy's shared sentences once (dedup groups copies
into one task). The mix is illustrative, chosen by us, not measured from a real crawl.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newscorpus  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def sample(data: Path, n: int) -> list[newscorpus.RawArticle]:
    arts = list(newscorpus.bbc(data))
    step = max(1, len(arts) // n)
    return arts[::step][:n]


FURNITURE = [
    "Sign up for our morning briefing and get the top stories in your inbox.",
    "We value your comments: please keep the discussion civil and on topic.",
    "Read more from our reporters on the {site} news pages.",
]


def crawl_like(articles: list[newscorpus.RawArticle]) -> list[newscorpus.RawArticle]:
    """Every third article syndicated to three more sites; furniture on every page."""
    import random

    rng = random.Random(11)
    out = []
    for n, art in enumerate(articles):
        versions = [("origin", art.sentences)]
        if n % 3 == 0:
            for k in range(3):
                sents = list(art.sentences)
                i = rng.randrange(len(sents))
                words = sents[i].split()
                if len(words) > 4:
                    words[rng.randrange(len(words))] = "reportedly"
                    sents[i] = " ".join(words)
                if k == 2 and len(sents) > 4:
                    sents = sents[: int(len(sents) * 0.8)]
                versions.append((f"copy{k}", tuple(sents)))
        for site, sents in versions:
            furniture = tuple(line.format(site=site) for line in FURNITURE)
            out.append(newscorpus.RawArticle(f"{art.key}-{site}", art.title, art.published,
                                             f"https://{site}.example.com/{art.key}", (*sents, *furniture)))
    return out


def baseline(texts: list[str], preloaded: bool = False) -> float:
    """The plain pipeline over ``texts`` in 2 processes. Its model is loaded inside the timed
    region, as the stage's workers load theirs; ``preloaded``: loaded before the clock starts
    (the protocol of the first eleven sessions: spaCy's workers are forked from the loaded
    parent, so the baseline paid no model load while the stage paid its workers')."""
    from storyline.nlp.engine import load_model, new_model

    nlp = load_model() if preloaded else None
    started = time.perf_counter()
    if nlp is None:
        nlp = new_model()
    for _ in nlp.pipe(texts, n_process=2, batch_size=32):
        pass
    return time.perf_counter() - started


def _analyze_chunk(texts):
    from storyline.nlp.analyze import analyze

    return analyze(texts)


def analysis(articles: list[newscorpus.RawArticle]) -> tuple[float, dict]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from storyline.nlp.analyze import ArticleText, needs_parse

    texts = [ArticleText(a.key, a.published, tuple(enumerate(a.sentences))) for a in articles]
    task = 25  # the enrich.task_articles default
    chunks = [texts[i:i + task] for i in range(0, len(texts), task)]
    started = time.perf_counter()
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("forkserver")) as pool:
        found = [f for chunk in pool.map(_analyze_chunk, chunks) for f in chunk]
    seconds = time.perf_counter() - started
    sentences = [s for a in articles for s in a.sentences]
    stats = {
        "sentences": len(sentences),
        "parsed_share": round(sum(map(needs_parse, sentences)) / len(sentences), 3),
        "repeated_sentences": len(sentences) - len(set(sentences)),
        "errors": sum(1 for f in found if f.error),
        "mentions": sum(len(f.mentions) for f in found), "dates": sum(len(f.timexes) for f in found),
        "quotes": sum(len(f.quotes) for f in found), "events": sum(len(f.events) for f in found),
    }
    return seconds, stats


def stage(articles: list[newscorpus.RawArticle]) -> float:
    from storyline import pipeline
    from storyline.ingest import ingest
    from storyline.settings import Settings
    from storyline.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for a in articles:
            (folder / f"{a.key}.txt").write_text(a.lines(), encoding="utf-8")
        settings = Settings({"enrich.jobs": 2})
        store = open_store(Path(tmp) / "s.db", settings=settings)
        ingest(store, [str(folder)], settings=settings)
        pipeline.run_stages(store, settings=settings, only=["clean", "dedup"])
        started = time.perf_counter()
        pipeline.run_stages(store, settings=settings, only=["enrich"])
        seconds = time.perf_counter() - started
        store.close()
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=newscorpus.DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--mix", choices=["plain", "crawl"], default="plain")
    args = ap.parse_args()
    articles = sample(args.data, args.articles)
    if args.mix == "crawl":
        articles = crawl_like(articles)
    texts = [" ".join(a.sentences) for a in articles]
    words = sum(len(t.split()) for t in texts)
    runs: dict[str, list[float]] = {"baseline": [], "baseline_preloaded": [], "stage": []}
    if args.mix == "plain":
        runs["analysis"] = []
    stats: dict = {}
    for r in range(args.repeats):
        runs["baseline"].append(baseline(texts))
        runs["baseline_preloaded"].append(baseline(texts, preloaded=True))
        if "analysis" in runs:
            seconds, stats = analysis(articles)
            runs["analysis"].append(seconds)
        runs["stage"].append(stage(articles))
        print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.1f}s" for k, v in runs.items()), flush=True)
    med = {k: statistics.median(v) for k, v in runs.items()}
    result = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load_avg": os.getloadavg()},
        "mix": args.mix, "articles": len(articles), "words": words, "repeats": args.repeats,
        "seconds": {k: [round(x, 2) for x in v] for k, v in runs.items()},
        "words_per_s": {k: round(words / v, 1) for k, v in med.items()},
        "speedup_vs_baseline": {k: round(med["baseline"] / v, 2) for k, v in med.items() if not k.startswith("baseline")},
        "speedup_vs_baseline_preloaded": {k: round(med["baseline_preloaded"] / v, 2) for k, v in med.items()
                                          if not k.startswith("baseline")},
        "analysis_stats": stats,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"enrich_speed_{args.mix}.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: result[k] for k in ("words", "words_per_s", "speedup_vs_baseline", "analysis_stats")}, indent=2))


if __name__ == "__main__":
    main()
