"""How much of the clean stage's CPU is per-article work that needs no store (and could run
on a worker) versus the corpus-wide part that must run in the writer.

    .venv/bin/python benchmarks/clean_split.py [--data ../shared/data] [--folders 3]

Ingests the first ``--folders`` folders of 1,000 articles of ``newscorpus.write_lines_corpus``
into a fresh SQLite store (``benchmarks/.cache/clean_split.db``), then measures, in CPU time
per article: (1) the per-article checks alone, three times over the same loaded articles
(pattern reasons, embed detection, line keys: what a worker could do); (2) the whole clean
stage (``pipeline.run_stages(only=["clean"])``), once. Prints both.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import newscorpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=newscorpus.DEFAULT_DATA)
    ap.add_argument("--folders", type=int, default=3)
    args = ap.parse_args()

    from storyline import boilerplate, pipeline
    from storyline import embeds as embed_mod
    from storyline.ingest import ingest
    from storyline.settings import Settings
    from storyline.shingles import line_key
    from storyline.store import articles as db
    from storyline.store import open_store

    corpus = newscorpus.write_lines_corpus(args.folders * 1000, args.data)
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())[: args.folders]
    path = HERE / ".cache" / "clean_split.db"
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    settings = Settings({"ingest.jobs": 1, "enrich.jobs": 1})
    store = open_store(path, settings=settings)
    ingest(store, [str(f) for f in folders], settings=settings)
    articles = db.load_articles(store, db.pending(store, "clean"))
    t0 = time.process_time()
    for _ in range(3):
        for art in articles:
            embed_mod.detect_all(art.id, [s.text for s in art.sentences])
            for s in art.sentences:
                boilerplate.pattern_reason(s.text)
                line_key(s.text)
    alone = (time.process_time() - t0) / 3 / len(articles) * 1000
    t0 = time.process_time()
    pipeline.run_stages(store, settings=settings, only=["clean"])
    whole = (time.process_time() - t0) / len(articles) * 1000
    store.close()
    print(f"{len(articles)} articles: clean stage {whole:.3f} ms CPU per article; "
          f"its per-article checks alone {alone:.3f} ms")


if __name__ == "__main__":
    main()
