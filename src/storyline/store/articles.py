"""Reads and writes of the core tables: articles, sentences, rejections, inputs and runs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import check_day_range
from ..records import Article, Rejection, Sentence
from .base import Store, now_iso, resolve_id


@dataclass
class SaveResult:
    added: int = 0
    new_versions: int = 0
    unchanged: int = 0


_ARTICLE_COLS = (
    "id, url, url_key, outlet, title, published, source, source_line, format, "
    "content_hash, flags, version, is_current, n_sentences, run_id, ingested_at"
)


def save_articles(store: Store, articles: Sequence[Article], run_id: int | None) -> SaveResult:
    """Insert articles not yet in the store (call inside a transaction).

    An article whose id exists is unchanged input and is skipped. An article whose URL is
    known with different content is a new version: it is added, and becomes the current one.
    """
    result = SaveResult()
    unique: dict[str, Article] = {}
    for art in articles:
        unique.setdefault(art.id, art)
    ids = list(unique)
    existing: set[str] = set()
    for marks, chunk in store.in_chunks(ids):
        existing.update(r[0] for r in store.rows(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
    fresh = [a for a in unique.values() if a.id not in existing]
    result.unchanged = len(articles) - len(fresh)
    if not fresh:
        return result
    keys = sorted({a.url_key for a in fresh})
    latest: dict[str, int] = {}
    for marks, chunk in store.in_chunks(keys):
        for key, version in store.rows(
            f"SELECT url_key, MAX(version) FROM articles WHERE url_key IN ({marks}) GROUP BY url_key", chunk
        ):
            latest[key] = version
    now = now_iso()
    rows = []
    superseded = []
    for art in fresh:
        version = latest.get(art.url_key, 0) + 1
        if version > 1:
            superseded.append(art.url_key)
            result.new_versions += 1
        else:
            result.added += 1
        latest[art.url_key] = version
        rows.append((
            art.id, art.url, art.url_key, art.outlet, art.title, art.published.isoformat(),
            art.source, art.source_line, art.format, art.content_hash, ",".join(art.flags),
            version, 1, len(art.sentences), run_id, now,
        ))
    last_seq = store.scalar("SELECT MAX(seq) FROM articles") or 0
    last_sid = store.scalar("SELECT MAX(sid) FROM sentences") or 0
    store.executemany(
        f"INSERT INTO articles ({_ARTICLE_COLS}) VALUES ({','.join('?' * 16)})", rows
    )
    # Of all versions of a URL (older ones and any in this batch) only the newest is current.
    if superseded:
        for marks, chunk in store.in_chunks(sorted(set(superseded))):
            store.execute(
                f"UPDATE articles SET is_current = 0 WHERE url_key IN ({marks}) AND version < "
                "(SELECT MAX(version) FROM articles b WHERE b.url_key = articles.url_key)",
                chunk,
            )
    store.executemany(
        "INSERT INTO sentences (article_id, idx, line, start_char, end_char, text, kind) VALUES (?,?,?,?,?,?,?)",
        [(s.article_id, s.index, s.line, s.start, s.end, s.text, s.kind) for a in fresh for s in a.sentences],
    )
    _index_new_text(store, last_seq, last_sid)
    return result


def _index_new_text(store: Store, after_seq: int, after_sid: int) -> None:
    """Add the rows just inserted to SQLite's FTS5 tables, in bulk (see m0001_core).
    PostgreSQL's generated tsvector columns are maintained by the server itself."""
    if store.dialect != "sqlite":
        return
    store.execute("INSERT INTO articles_fts(rowid, title) SELECT seq, title FROM articles WHERE seq > ?", (after_seq,))
    store.execute("INSERT INTO sentences_fts(rowid, text) SELECT sid, text FROM sentences WHERE sid > ?", (after_sid,))


def save_rejections(store: Store, rejections: Iterable[Rejection], run_id: int | None) -> None:
    """Record rejected inputs; the same rejection seen again is updated, not repeated."""
    now = now_iso()
    store.executemany(
        "INSERT INTO rejections (source, line, code, message, run_id, at) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT (source, line, code) DO UPDATE SET message = excluded.message, run_id = excluded.run_id, at = excluded.at",
        [(r.source, r.line, r.code, r.message, run_id, now) for r in rejections],
    )


def forget_rejections(store: Store, sources: Sequence[str]) -> None:
    """Drop the recorded rejections of inputs that are being read again."""
    for marks, chunk in store.in_chunks(list(sources)):
        store.execute(f"DELETE FROM rejections WHERE source IN ({marks})", chunk)


def known_inputs(store: Store, names: Sequence[str]) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of the inputs among ``names`` that were read completely before."""
    found: dict[str, tuple[int, int]] = {}
    for marks, chunk in store.in_chunks(list(names)):
        for name, size, mtime in store.rows(f"SELECT name, size, mtime_ns FROM inputs WHERE name IN ({marks})", chunk):
            found[name] = (size, mtime)
    return found


def mark_inputs_done(store: Store, done: Sequence[tuple[str, int, int, int, int]], run_id: int | None) -> None:
    """Record inputs read completely: (name, size, mtime_ns, articles, rejected) each."""
    now = now_iso()
    store.executemany(
        "INSERT INTO inputs (name, size, mtime_ns, articles, rejected, run_id, done_at) VALUES (?,?,?,?,?,?,?) "
        "ON CONFLICT (name) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
        "articles = excluded.articles, rejected = excluded.rejected, run_id = excluded.run_id, done_at = excluded.done_at",
        [(*row, run_id, now) for row in done],
    )


# --- runs --------------------------------------------------------------------------------
def start_run(store: Store, command: str, settings: dict[str, Any]) -> int:
    with store.transaction():
        row = store.rows(
            "INSERT INTO runs (command, started_at, settings) VALUES (?, ?, ?) RETURNING id",
            (command, now_iso(), json.dumps(settings, sort_keys=True, default=str)),
        )
    return int(row[0][0])


def finish_run(store: Store, run_id: int, status: str, counts: dict[str, Any]) -> None:
    with store.transaction():
        store.execute(
            "UPDATE runs SET finished_at = ?, status = ?, counts = ? WHERE id = ?",
            (now_iso(), status, json.dumps(counts, sort_keys=True), run_id),
        )


# --- stages ------------------------------------------------------------------------------
def pending(store: Store, stage: str, limit: int | None = None) -> list[int]:
    """Sequence numbers of current articles that ``stage`` has not processed, oldest first."""
    sql = (
        "SELECT a.seq FROM articles a LEFT JOIN article_stages s ON s.stage = ? AND s.seq = a.seq "
        "WHERE s.seq IS NULL AND a.is_current = 1 ORDER BY a.seq"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in store.rows(sql, (stage,))]


def mark_done(store: Store, stage: str, seqs: Iterable[int]) -> None:
    store.executemany(
        "INSERT INTO article_stages (stage, seq) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(stage, s) for s in seqs],
    )


# --- reading -----------------------------------------------------------------------------
def _article_from_row(row: dict[str, Any], sentences: tuple[Sentence, ...]) -> Article:
    return Article(
        id=row["id"], url=row["url"], url_key=row["url_key"], outlet=row["outlet"],
        title=row["title"], published=dt.date.fromisoformat(row["published"]),
        sentences=sentences, source=row["source"], source_line=row["source_line"],
        format=row["format"], content_hash=row["content_hash"],
        flags=tuple(f for f in row["flags"].split(",") if f),
    )


def resolve_article_id(store: Store, ref: str) -> str:
    """A full article id or a unique prefix of it (:func:`storyline.store.base.resolve_id`)."""
    return resolve_id(store, "articles", ref, "article", "storyline articles")


def load_articles(store: Store, seqs: Sequence[int], *, kinds: tuple[str, ...] | None = None) -> list[Article]:
    """Load whole articles by sequence number, in the order given."""
    rows: dict[int, dict[str, Any]] = {}
    for marks, chunk in store.in_chunks(list(seqs)):
        for row in store.query(f"SELECT seq, {_ARTICLE_COLS} FROM articles WHERE seq IN ({marks})", chunk):
            rows[row["seq"]] = row
    by_article: dict[str, list[Sentence]] = {row["id"]: [] for row in rows.values()}
    ids = list(by_article)
    kind_sql = ""
    kind_params: list[Any] = []
    if kinds is not None:
        kind_sql = f" AND kind IN ({','.join('?' * len(kinds))})"
        kind_params = list(kinds)
    for marks, chunk in store.in_chunks(ids):
        for aid, idx, line, start, end, text, kind in store.rows(
            f"SELECT article_id, idx, line, start_char, end_char, text, kind FROM sentences "
            f"WHERE article_id IN ({marks}){kind_sql} ORDER BY article_id, idx",
            [*chunk, *kind_params],
        ):
            by_article[aid].append(Sentence(aid, idx, line, text, kind, start, end))
    return [
        _article_from_row(rows[s], tuple(by_article[rows[s]["id"]])) for s in seqs if s in rows
    ]


def get_article(store: Store, ref: str) -> tuple[Article, dict[str, Any]]:
    """One article with all its sentences, and its store metadata (seq, version, current)."""
    aid = resolve_article_id(store, ref)
    meta = store.query_one("SELECT seq, version, is_current, ingested_at, url_key FROM articles WHERE id = ?", (aid,))
    assert meta is not None
    article = load_articles(store, [meta["seq"]])[0]
    versions = store.query(
        "SELECT id, version, is_current, ingested_at FROM articles WHERE url_key = ? ORDER BY version",
        (meta["url_key"],),
    )
    meta["versions"] = versions
    return article, meta


def article_filters(
    where: list[str], params: list[Any], *, outlet: str | None = None,
    since: dt.date | None = None, until: dt.date | None = None, table: str = "articles",
) -> None:
    """Add the filters every article listing offers (outlet, publication day range) to a
    WHERE list and its parameters; ``table`` is the articles table's name or alias."""
    check_day_range(since, until)
    prefix = f"{table}." if table else ""
    if outlet:
        where.append(f"{prefix}outlet = ?")
        params.append(outlet.lower())
    if since:
        where.append(f"{prefix}published >= ?")
        params.append(since.isoformat())
    if until:
        where.append(f"{prefix}published <= ?")
        params.append(until.isoformat())


def list_articles(
    store: Store,
    *,
    outlet: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    query: str | None = None,
    include_old_versions: bool = False,
    limit: int = 50,
    after: int | None = None,
) -> list[dict[str, Any]]:
    """Article summaries, newest ingest last, filtered; page with ``after`` (a seq cursor)."""
    where = [] if include_old_versions else ["articles.is_current = 1"]
    params: list[Any] = []
    article_filters(where, params, outlet=outlet, since=since, until=until)
    if after is not None:
        where.append("articles.seq > ?")
        params.append(after)
    if query:
        title_sql, title_params = store.fts_match("articles", query)
        sent_sql, sent_params = store.fts_match("sentences", query)
        where.append(
            f"({title_sql} OR articles.id IN (SELECT sentences.article_id FROM sentences WHERE {sent_sql}))"
        )
        params.extend(title_params + sent_params)
    sql = (
        "SELECT seq, id, published, outlet, title, url, n_sentences, version, is_current FROM articles"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY seq LIMIT {int(limit)}"
    )
    return store.query(sql, params)


def search_sentences(
    store: Store,
    query: str,
    *,
    outlet: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    include_boilerplate: bool = False,
    limit: int = 50,
    after: int | None = None,
) -> list[dict[str, Any]]:
    """Sentences matching ``query`` with their article's provenance; page with ``after``
    (a sentence sid cursor)."""
    match_sql, params = store.fts_match("sentences", query)
    where = [match_sql, "articles.is_current = 1"]
    if not include_boilerplate:
        where.append("sentences.kind = 'text'")
    article_filters(where, params, outlet=outlet, since=since, until=until)
    if after is not None:
        where.append("sentences.sid > ?")
        params.append(after)
    sql = (
        "SELECT sentences.sid, sentences.article_id, sentences.idx, sentences.line, sentences.text, "
        "sentences.kind, articles.title, articles.outlet, articles.url, articles.published, articles.source "
        "FROM sentences JOIN articles ON articles.id = sentences.article_id WHERE "
        + " AND ".join(where)
        + f" ORDER BY sentences.sid LIMIT {int(limit)}"
    )
    return store.query(sql, params)


def rejections(store: Store, *, run_id: int | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    sql = "SELECT source, line, code, message, run_id, at FROM rejections"
    params: list[Any] = []
    if run_id is not None:
        sql += " WHERE run_id = ?"
        params.append(run_id)
    return store.query(sql + f" ORDER BY source, line LIMIT {int(limit)}", params)


def counts(store: Store) -> dict[str, int]:
    return {
        "articles": store.scalar("SELECT COUNT(*) FROM articles WHERE is_current = 1") or 0,
        "versions": store.scalar("SELECT COUNT(*) FROM articles") or 0,
        "sentences": store.scalar("SELECT COUNT(*) FROM sentences") or 0,
        "outlets": store.scalar("SELECT COUNT(DISTINCT outlet) FROM articles") or 0,
        "rejections": store.scalar("SELECT COUNT(*) FROM rejections") or 0,
    }
