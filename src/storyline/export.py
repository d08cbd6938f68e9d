"""Export the store's articles as JSONL, CSV, Parquet or the line format.

Everything streams article by article in batches, so exporting a large store needs memory
for one batch only. ``lines`` writes one file per article that ``storyline ingest`` reads
back into the same article (same id: title, date, URL and sentences are kept as stored).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import UsageError
from .records import Article
from .store import Store
from .store import articles as db

FORMATS = ("jsonl", "csv", "parquet", "lines")
SENTENCE_COLUMNS = ("article_id", "url", "outlet", "title", "published", "index", "line", "kind", "text")
_BATCH = 500


def iter_articles(
    store: Store,
    *,
    include_boilerplate: bool = True,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> Iterator[Article]:
    """Current articles in ingest order, filtered, with their sentences."""
    where = ["is_current = 1"]
    params: list[Any] = []
    db.article_filters(where, params, outlet=outlet, since=since, until=until, table="")
    kinds = None if include_boilerplate else ("text",)
    after = 0
    while True:
        seqs = [r[0] for r in store.rows(
            f"SELECT seq FROM articles WHERE {' AND '.join(where)} AND seq > ? ORDER BY seq LIMIT {_BATCH}",
            [*params, after],
        )]
        if not seqs:
            return
        yield from db.load_articles(store, seqs, kinds=kinds)
        after = seqs[-1]


def _sentence_rows(article: Article) -> Iterator[dict[str, Any]]:
    for s in article.sentences:
        yield {
            "article_id": article.id, "url": article.url, "outlet": article.outlet,
            "title": article.title, "published": article.published.isoformat(),
            "index": s.index, "line": s.line, "kind": s.kind, "text": s.text,
        }


def write_jsonl(articles: Iterator[Article], out: IO[str]) -> int:
    n = 0
    for art in articles:
        out.write(json.dumps({
            "id": art.id, "url": art.url, "outlet": art.outlet, "title": art.title,
            "date": art.published.isoformat(), "source": art.source, "flags": list(art.flags),
            "sentences": [s.text for s in art.sentences],
            "kinds": [s.kind for s in art.sentences],
            "lines": [s.line for s in art.sentences],
        }, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(articles: Iterator[Article], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=SENTENCE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for art in articles:
        writer.writerows(_sentence_rows(art))
        n += 1
    return n


def write_parquet(articles: Iterator[Article], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("article_id", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
        ("title", pa.string()), ("published", pa.string()), ("index", pa.int32()),
        ("line", pa.int32()), ("kind", pa.string()), ("text", pa.string()),
    ])
    n = 0
    rows: list[dict[str, Any]] = []
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for art in articles:
            rows.extend(_sentence_rows(art))
            n += 1
            if len(rows) >= 50_000:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n


def write_lines(articles: Iterator[Article], folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for art in articles:
        body = [art.title, art.published.strftime("%Y%m%d"), art.url, *(s.text for s in art.sentences)]
        (folder / f"{art.id}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
        n += 1
    return n


def export(store: Store, fmt: str, output: str | None, out: IO[str], **filters: Any) -> int:
    """Write the store's articles in ``fmt`` to ``output`` (a path) or ``out``; returns the
    number of articles written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    articles = iter_articles(store, **filters)
    if fmt == "parquet":
        if not output or output == "-":
            raise UsageError("parquet is a binary format: give a file with --output FILE.parquet")
        return write_parquet(articles, Path(output))
    if fmt == "lines":
        if not output or output == "-":
            raise UsageError("the line format writes one file per article: give a folder with --output DIR")
        return write_lines(articles, Path(output))
    if output and output != "-":
        with open(output, "w", encoding="utf-8", newline="") as fh:
            return write_jsonl(articles, fh) if fmt == "jsonl" else write_csv(articles, fh)
    return write_jsonl(articles, out) if fmt == "jsonl" else write_csv(articles, out)
