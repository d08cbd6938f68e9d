"""Repeated statements: one sentence carried by many articles, counted honestly.

A statement is a set of editorial (``text``) sentences that are identical once normalised
(case, punctuation and spacing ignored) or near-identical (rapidfuzz ratio of at least
``dedup.statement_fuzzy_ratio``) in two articles that are linked copies. Its id is the
smallest normalised-sentence key in the set, so the same corpus gives the same ids in any
ingest order. For each statement the store keeps every sighting (article, line, outlet,
date) and the counts a timeline needs: articles, outlets, and *independent* outlets, where
the copies of one syndication group count once and so do the articles of one outlet.

Maintained by the dedup stage (:mod:`storyline.syndication`) in the same transaction as the
groups. Read API: :func:`statements_for`, :func:`same_statement`,
:func:`independent_outlets`, :func:`repeated`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from typing import Any, ClassVar  # noqa: F401  Record.from_dict resolves hints in this module

from rapidfuzz import fuzz, process

from .records import Article, Record
from .settings import Settings
from .shingles import key64, normalize
from .store import Store
from .store import articles as db

_MASK = (1 << 64) - 1


def statement_ref(statement_id: int) -> str:
    """The public (JSON-safe, 16 hex digits) form of a statement id."""
    return f"{statement_id & _MASK:016x}"


def parse_ref(ref: str) -> int:
    value = int(ref, 16)
    return value - (1 << 64) if value >= 1 << 63 else value


@dataclasses.dataclass(frozen=True)
class Sighting(Record):
    """Where a statement was seen: one sentence of one article."""

    article_id: str
    sentence_index: int
    outlet: str
    published: dt.date
    group_id: str = ""


@dataclasses.dataclass(frozen=True)
class Statement(Record):
    """One statement and who carried it. ``independent_outlets``: outlets once the copies of
    one syndication group are counted once; ``first_seen``: the earliest publication date."""

    id: str
    text: str
    first_seen: dt.date
    first_article: str
    articles: int
    outlets: int
    independent_outlets: int
    sightings: tuple[Sighting, ...] = ()


class UnionFind:
    """Union-find whose representative is the smallest member."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Hashable) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo


def count_independent(units: Iterable[tuple[str, str | None]]) -> int:
    """Independent outlets among (outlet, syndication group or None) sightings: articles of
    one outlet count once, and so do the copies of one group, across outlets."""
    uf = UnionFind()
    outlets = set()
    for outlet, group in units:
        outlets.add(outlet)
        uf.find(("o", outlet))
        if group:
            uf.union(("o", outlet), ("g", group))
    return len({uf.find(("o", o)) for o in outlets})


# --- maintained by the dedup stage ------------------------------------------------------------
Row = tuple[str, int, int, str, str, str]


def sentence_rows(articles: Sequence[Article]) -> list[Row]:
    """(article_id, index, key, outlet, published, normalised text) of the text sentences."""
    out = []
    for art in articles:
        for s in art.sentences:
            norm = normalize(s.text)
            if norm:
                out.append((art.id, s.index, key64(norm), art.outlet, art.published.isoformat(), norm))
    return out


def add_sentences(store: Store, rows: Sequence[Row]) -> None:
    """Record the text sentences of new articles, each provisionally its own statement."""
    store.executemany(
        "INSERT INTO statement_sentences (article_id, idx, skey, statement, outlet, published) VALUES (?,?,?,?,?,?)",
        [(a, i, k, k, o, p) for a, i, k, o, p, _ in rows],
    )


# Keys per compound statement of :func:`first_rows`: SQLite allows 500 terms in one
# compound SELECT (SQLITE_MAX_COMPOUND_SELECT); 200 keeps statements short on both back-ends.
_KEYS_PER_STATEMENT = 200


def first_rows(store: Store, keys: Sequence[Any], sql: str, cap: int) -> dict[Any, list[tuple]]:
    """``key -> rows`` of ``sql`` (one ``?`` for the key; ordered by an index) for each key,
    at most ``cap`` rows a key, capped in SQL with ``LIMIT`` so a key carried by thousands
    of rows costs no more than one carried by ``cap``."""
    found: dict[Any, list[tuple]] = defaultdict(list)
    for i in range(0, len(keys), _KEYS_PER_STATEMENT):
        chunk = keys[i:i + _KEYS_PER_STATEMENT]
        union = " UNION ALL ".join(f"SELECT * FROM ({sql} LIMIT {int(cap)}) AS t{j}" for j in range(len(chunk)))
        for row in store.rows(union, chunk):
            found[row[0]].append(row[1:])
    return found


def candidate_articles(store: Store, rows: Sequence[Row], min_words: int, cap: int) -> dict[str, Counter[int]]:
    """Articles (by seq) sharing a sentence of at least ``min_words`` words with the new
    articles of ``rows``, with the number of such sentences: the candidates for truncated
    copies. At most ``cap`` articles a sentence (the first by statement and article id), so
    a stock sentence carried by thousands of articles costs no more than one carried by
    ``cap``."""
    wanted: dict[int, set[str]] = defaultdict(set)
    for aid, _, key, _, _, norm in rows:
        if norm.count(" ") + 1 >= min_words:
            wanted[key].add(aid)
    found = first_rows(store, sorted(wanted), "SELECT skey, article_id FROM statement_sentences WHERE skey = ? "
                       "ORDER BY skey, statement, article_id", cap)
    seq_of: dict[str, int] = {}
    for marks, chunk in store.in_chunks(sorted({r[0] for hits in found.values() for r in hits})):
        seq_of.update(store.rows(f"SELECT article_id, seq FROM dedup_signatures WHERE article_id IN ({marks})", chunk))
    out: dict[str, Counter[int]] = defaultdict(Counter)
    for key, hits in found.items():
        seqs = {seq_of[other] for (other,) in hits if other in seq_of}
        for aid in wanted[key]:
            out[aid].update(seqs - {seq_of.get(aid)})
    return out


def forget(store: Store, article_ids: Sequence[str]) -> set[int]:
    """Remove these articles' sentences; returns the statements that lost a sighting."""
    dirty: set[int] = set()
    for marks, chunk in store.in_chunks(list(article_ids)):
        dirty.update(r[0] for r in store.rows(
            f"SELECT DISTINCT statement FROM statement_sentences WHERE article_id IN ({marks})", chunk))
        store.execute(f"DELETE FROM statement_sentences WHERE article_id IN ({marks})", chunk)
        store.execute(f"DELETE FROM statement_fuzzy WHERE a_article IN ({marks}) OR b_article IN ({marks})", [*chunk, *chunk])
    return dirty


def update(store: Store, rows: Sequence[Row], links: Sequence[tuple[str, str]], regrouped: set[str],
           dirty: set[int], settings: Settings) -> None:
    """After a dedup batch (``rows``: its new sentences): split statements that lost
    sightings, link near-identical sentences of new copies, merge statements, and refresh
    the counts that changed."""
    affected = _split(store, dirty) | dirty
    fuzzy = _fuzzy_pairs(store, rows, links, settings)
    store.executemany("INSERT INTO statement_fuzzy (a_article, a_idx, b_article, b_idx) VALUES (?,?,?,?) "
                      "ON CONFLICT DO NOTHING", fuzzy)
    affected |= _merge(store, rows, fuzzy)
    touched = sorted(regrouped | {r[0] for r in rows})
    for marks, chunk in store.in_chunks(touched):
        affected.update(r[0] for r in store.rows(
            f"SELECT DISTINCT statement FROM statement_sentences WHERE article_id IN ({marks})", chunk))
    _refresh(store, sorted(affected))


def _split(store: Store, dirty: set[int]) -> set[int]:
    """Recompute statements that lost sightings from what is left of them."""
    rows = []
    for marks, chunk in store.in_chunks(sorted(dirty)):
        rows += store.rows(f"SELECT article_id, idx, skey, statement FROM statement_sentences WHERE statement IN ({marks})", chunk)
    if not rows:
        return set()
    uf = UnionFind()
    first_of_key: dict[int, tuple[str, int]] = {}
    for aid, idx, key, _ in rows:
        uf.union(first_of_key.setdefault(key, (aid, idx)), (aid, idx))
    nodes = {(aid, idx) for aid, idx, _, _ in rows}
    for marks, chunk in store.in_chunks(sorted({r[0] for r in rows})):
        for a, ai, b, bi in store.rows(f"SELECT a_article, a_idx, b_article, b_idx FROM statement_fuzzy WHERE a_article IN ({marks})", chunk):
            if (a, ai) in nodes and (b, bi) in nodes:
                uf.union((a, ai), (b, bi))
    low: dict[Any, int] = {}
    for aid, idx, key, _ in rows:
        r = uf.find((aid, idx))
        low[r] = min(low.get(r, key), key)
    updates = [(low[uf.find((aid, idx))], aid, idx) for aid, idx, _, stmt in rows if low[uf.find((aid, idx))] != stmt]
    store.executemany("UPDATE statement_sentences SET statement = ? WHERE article_id = ? AND idx = ?", updates)
    return set(low.values())


def _fuzzy_pairs(store: Store, rows: Sequence[Row], links: Sequence[tuple[str, str]],
                 settings: Settings) -> list[tuple[str, int, str, int]]:
    """Near-identical sentences (different normalised text) of newly linked copies."""
    if not links:
        return []
    min_words, cutoff = settings["dedup.candidate_sentence_words"], settings["dedup.statement_fuzzy_ratio"]
    texts: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for aid, idx, key, _, _, norm in rows:
        texts[aid].append((idx, key, norm))
    missing = sorted({x for pair in links for x in pair} - set(texts))
    seqs = []
    for marks, chunk in store.in_chunks(missing):
        seqs += [r[0] for r in store.rows(f"SELECT seq FROM dedup_signatures WHERE article_id IN ({marks})", chunk)]
    for aid, idx, key, _, _, norm in sentence_rows(db.load_articles(store, seqs, kinds=("text",))):
        texts[aid].append((idx, key, norm))
    pairs = []
    for a, b in links:
        keys_a, keys_b = {k for _, k, _ in texts[a]}, {k for _, k, _ in texts[b]}
        left = [(i, n) for i, k, n in texts[a] if k not in keys_b and n.count(" ") + 1 >= min_words]
        right = [(i, n) for i, k, n in texts[b] if k not in keys_a and n.count(" ") + 1 >= min_words]
        if not left or not right:
            continue
        scores = process.cdist([n for _, n in left], [n for _, n in right], scorer=fuzz.ratio, score_cutoff=cutoff)
        for li, ri in zip(*scores.nonzero()):
            pairs.append((a, left[li][0], b, right[ri][0]))
    return pairs


def _merge(store: Store, rows: Sequence[Row], fuzzy: Sequence[tuple[str, int, str, int]]) -> set[int]:
    """Merge the new sentences' statements with statements of the same key or fuzzy match."""
    uf = UnionFind()
    keys = sorted({r[2] for r in rows})
    # Sentences with one key are in one statement, whose id is its smallest key: the new
    # rows (provisionally their own key) join the smallest statement their key is in.
    for marks, chunk in store.in_chunks(keys):
        for key, stmt in store.rows(
            "SELECT v.column1, (SELECT MIN(s.statement) FROM statement_sentences s WHERE s.skey = v.column1) "
            f"FROM (VALUES {marks.replace('?', '(?)')}) AS v", chunk,
        ):
            uf.union(key, stmt)
    if fuzzy:
        involved = sorted({x for a, _, b, _ in fuzzy for x in (a, b)})
        stmt_of: dict[tuple[str, int], int] = {}
        for marks, chunk in store.in_chunks(involved):
            for aid, idx, stmt in store.rows(f"SELECT article_id, idx, statement FROM statement_sentences WHERE article_id IN ({marks})", chunk):
                stmt_of[(aid, idx)] = stmt
        for a, ai, b, bi in fuzzy:
            if (a, ai) in stmt_of and (b, bi) in stmt_of:
                uf.union(stmt_of[(a, ai)], stmt_of[(b, bi)])
    relabel = [(uf.find(x), x) for x in list(uf.parent) if uf.find(x) != x]
    store.executemany("UPDATE statement_sentences SET statement = ? WHERE statement = ?", relabel)
    return {x for pair in relabel for x in pair} | {uf.find(k) for k in keys}


def _refresh(store: Store, ids: Sequence[int]) -> None:
    """Recompute the stored counts of these statements (rows only for two or more articles).

    Counted in SQL, so a statement carried by thousands of articles costs one pass over its
    rows in the database, and a sentence carried by one article (most of them) one row."""
    counts: dict[int, tuple[int, int]] = {}
    for marks, chunk in store.in_chunks(list(ids)):
        for stmt, n_articles, n_outlets in store.rows(
            "SELECT statement, COUNT(DISTINCT article_id), COUNT(DISTINCT outlet) FROM statement_sentences "
            f"WHERE statement IN ({marks}) GROUP BY statement", chunk,
        ):
            if n_articles >= 2:
                counts[stmt] = (n_articles, n_outlets)
        store.execute(f"DELETE FROM statements WHERE id IN ({marks})", chunk)
    first: dict[int, tuple[str, int, str]] = {}
    units: dict[int, set[tuple[str, str | None]]] = defaultdict(set)
    for marks, chunk in store.in_chunks(sorted(counts)):
        for stmt, aid, idx, published in store.rows(
            "SELECT statement, article_id, idx, published FROM (SELECT statement, article_id, idx, published, "
            "ROW_NUMBER() OVER (PARTITION BY statement ORDER BY published, article_id, idx) AS rn "
            f"FROM statement_sentences WHERE statement IN ({marks})) AS t WHERE rn = 1", chunk,
        ):
            first[stmt] = (aid, idx, published)
        for stmt, outlet, gid in store.rows(
            "SELECT DISTINCT s.statement, s.outlet, m.group_id FROM statement_sentences s "
            f"LEFT JOIN syndication_members m ON m.article_id = s.article_id WHERE s.statement IN ({marks})", chunk,
        ):
            units[stmt].add((outlet, gid))
    rows = [(stmt, *first[stmt][:2], first[stmt][2], n_articles, n_outlets, count_independent(units[stmt]))
            for stmt, (n_articles, n_outlets) in sorted(counts.items())]
    store.executemany("INSERT INTO statements (id, first_article, first_idx, first_seen, articles, outlets, independent) "
                      "VALUES (?,?,?,?,?,?,?)", rows)


# --- reading --------------------------------------------------------------------------------
def _load(store: Store, ids: Sequence[int]) -> list[Statement]:
    heads: dict[int, dict[str, Any]] = {}
    sightings: dict[int, list[Sighting]] = defaultdict(list)
    for marks, chunk in store.in_chunks(list(ids)):
        for row in store.query(
            "SELECT st.*, se.text FROM statements st LEFT JOIN sentences se ON se.article_id = st.first_article "
            f"AND se.idx = st.first_idx WHERE st.id IN ({marks})", chunk,
        ):
            heads[row["id"]] = row
        for stmt, aid, idx, outlet, published, gid in store.rows(
            "SELECT s.statement, s.article_id, s.idx, s.outlet, s.published, m.group_id FROM statement_sentences s "
            f"LEFT JOIN syndication_members m ON m.article_id = s.article_id WHERE s.statement IN ({marks})", chunk,
        ):
            sightings[stmt].append(Sighting(aid, idx, outlet, dt.date.fromisoformat(published), gid or ""))
    out = []
    for sid in ids:
        if sid in heads:
            h = heads[sid]
            seen = sorted(sightings[sid], key=lambda s: (s.published, s.article_id, s.sentence_index))
            out.append(Statement(statement_ref(sid), h["text"] or "", dt.date.fromisoformat(h["first_seen"]),
                                 h["first_article"], h["articles"], h["outlets"], h["independent"], tuple(seen)))
    return out


def statements_for(store: Store, article_ids: Sequence[str], *, min_articles: int = 2) -> list[Statement]:
    """The statements these articles carry that at least ``min_articles`` articles carry,
    most independent outlets first, each with all its sightings."""
    ids: set[int] = set()
    for marks, chunk in store.in_chunks(list(article_ids)):
        ids.update(r[0] for r in store.rows(
            "SELECT DISTINCT st.id FROM statement_sentences s JOIN statements st ON st.id = s.statement "
            f"WHERE s.article_id IN ({marks}) AND st.articles >= ?", [*chunk, min_articles]))
    found = _load(store, sorted(ids))
    return sorted(found, key=lambda s: (-s.independent_outlets, -s.articles, s.first_seen, s.id))


def statement_of(store: Store, article_id: str, sentence_index: int) -> Statement | None:
    """The repeated statement a sentence belongs to, or None if no other article carries it."""
    sid = store.scalar("SELECT statement FROM statement_sentences WHERE article_id = ? AND idx = ?",
                       (article_id, sentence_index))
    found = _load(store, [sid]) if sid is not None else []
    return found[0] if found else None


def same_statement(store: Store, article_id: str, sentence_index: int) -> list[tuple[str, int]]:
    """Every (article_id, sentence_index) that carries the same statement as this sentence,
    itself included, oldest publication first; empty if the sentence is not editorial text."""
    rows = store.rows(
        "SELECT o.article_id, o.idx FROM statement_sentences s JOIN statement_sentences o ON o.statement = s.statement "
        "WHERE s.article_id = ? AND s.idx = ? ORDER BY o.published, o.article_id, o.idx", (article_id, sentence_index))
    return [(a, int(i)) for a, i in rows]


def independent_outlets(store: Store, article_ids: Sequence[str]) -> int:
    """How many independent outlets these articles come from: the articles of one outlet
    count once, and the copies of one syndication group count once across outlets. Use it
    for "reported by N outlets" on any set of articles (a story, a timeline entry)."""
    units: list[tuple[str, str | None]] = []
    for marks, chunk in store.in_chunks(sorted(set(article_ids))):
        units += store.rows(
            "SELECT a.outlet, m.group_id FROM articles a LEFT JOIN syndication_members m ON m.article_id = a.id "
            f"WHERE a.id IN ({marks})", chunk)
    return count_independent(units)


def repeated(store: Store, *, min_independent: int = 2, limit: int = 50, after: str | None = None) -> list[Statement]:
    """Statements carried by at least ``min_independent`` independent outlets, by id; page
    with ``after`` (the last statement id seen)."""
    params: list[Any] = [min_independent]
    sql = "SELECT id FROM statements WHERE independent >= ?"
    if after:
        sql += " AND id > ?"
        params.append(parse_ref(after))
    ids = [r[0] for r in store.rows(sql + f" ORDER BY id LIMIT {int(limit)}", params)]
    return _load(store, ids)


def summary_for(store: Store, article_id: str) -> dict[str, int]:
    """For `storyline show`: the article's text sentences, how many other articles also
    carry, and how many of those come from another independent outlet."""
    total = store.scalar("SELECT COUNT(*) FROM statement_sentences WHERE article_id = ?", (article_id,)) or 0
    shared = store.scalar(
        "SELECT COUNT(*) FROM statement_sentences s JOIN statements st ON st.id = s.statement WHERE s.article_id = ?",
        (article_id,)) or 0
    independent = store.scalar(
        "SELECT COUNT(*) FROM statement_sentences s JOIN statements st ON st.id = s.statement "
        "WHERE s.article_id = ? AND st.independent >= 2", (article_id,)) or 0
    return {"sentences": total, "shared": shared, "shared_with_other_outlets": independent}
