"""Write a Timeline17 topic's input articles as a line-format crawl, the way real crawls arrive.

The crawl is for *reading* storyline's output as a user would (``storyline ingest`` on it, then
``storyline entities / quotes / events / timeline``): the modules' crawl reviews in
BENCHMARKS.md were made on such crawls. It is written outside the repo (``--out``) and never
committed: the articles are Timeline17's, read from ``--data`` by path.

Each article becomes one ``.txt`` file in storyline's line format: line 1 a title (the
article's first sentence, cut at 12 words: Timeline17 keeps no headlines), line 2 the
publication date ``YYYYMMDD`` (the folder name), line 3 a URL made from the source folder and
the file id, then one sentence per line, PTB tokens turned back into plain text. By default
the text is degraded as real crawls degrade it: apostrophes, quote marks, ``@``, ``#`` and
``/`` removed (``Assads`` for ``Assad's``), and sentence order shuffled with a fixed seed per
article. ``--ordered`` keeps reading order (ingest it with ``--set enrich.lines_in_order=true``
so quotes may carry across lines); ``--keep-marks`` keeps the punctuation.

Usage::

    .venv/bin/python benchmarks/t17_crawl.py --data ../shared/data --topic syria --out /tmp/cr_syria
    .venv/bin/python benchmarks/t17_crawl.py --topic haiti --ordered --limit 300 --out /tmp/cro_haiti
    .venv/bin/storyline ingest /tmp/cr_syria --db /tmp/syria.db
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tls_t17 import TOPICS, RawArticle, plain_text, read_topic  # noqa: E402

# What crawls strip (the line format's known damage): apostrophes, quote marks, @, #, /.
STRIPPED = re.compile(r"[\"'\u2018\u2019\u201c\u201d`@#/]")
TITLE_WORDS = 12


def degrade(sentence: str) -> str:
    """A sentence as a crawl has it: the stripped characters gone, spaces tidied."""
    return " ".join(STRIPPED.sub("", sentence).split())


def crawl_lines(article: RawArticle, *, ordered: bool, keep_marks: bool) -> list[str]:
    """The line-format lines of one article (title, date, URL, sentences)."""
    sentences = [plain_text(text) for _, text in article.lines]
    if not keep_marks:
        sentences = [degrade(s) for s in sentences]
    sentences = [s for s in sentences if s]
    if not sentences:
        return []
    title = " ".join(sentences[0].split()[:TITLE_WORDS])
    body = list(sentences)
    if not ordered:
        random.Random(article.key).shuffle(body)
    url = f"https://{article.source.lower().replace('_', '-')}.example.com/{article.published:%Y/%m/%d}/{article.file_id}"
    return [title, f"{article.published:%Y%m%d}", url, *body]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--topic", choices=sorted(TOPICS), required=True)
    parser.add_argument("--out", type=Path, required=True, help="folder to write (outside the repo)")
    parser.add_argument("--ordered", action="store_true", help="keep reading order")
    parser.add_argument("--keep-marks", action="store_true", help="keep apostrophes and quote marks")
    parser.add_argument("--limit", type=int, default=0, help="at most this many articles, spread over the topic")
    args = parser.parse_args(argv)
    articles = read_topic(args.data, args.topic)
    if not articles:
        parser.error(f"no articles for {args.topic} under {args.data}/tls/t17/raw: is --data the shared data folder?")
    if args.limit and len(articles) > args.limit:
        step = len(articles) / args.limit
        articles = [articles[int(i * step)] for i in range(args.limit)]
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for article in articles:
        lines = crawl_lines(article, ordered=args.ordered, keep_marks=args.keep_marks)
        if lines:
            name = f"{article.source}-{article.published:%Y%m%d}-{article.file_id}.txt"
            (args.out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            written += 1
    print(f"wrote {written} articles of {args.topic} to {args.out} "
          f"({'in reading order' if args.ordered else 'shuffled'}, "
          f"{'marks kept' if args.keep_marks else 'marks stripped'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
