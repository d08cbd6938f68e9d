"""The dedup stage: syndicated copies grouped with MinHash LSH, and the read API for groups.

A wire story republished by local sites arrives under many URLs, each copy edited a little:
truncated, its sentences reordered, its headline changed, site furniture added (clean marks
that), a few words changed. Copies are found on the cleaned text (``text`` lines only):

1. Each article gets a MinHash signature (datasketch) of its word shingles, taken inside
   sentences so reordering does not matter (:mod:`storyline.shingles`).
2. Candidates come from two indexed lookups, so their cost does not grow with the corpus:
   LSH band keys stored in ``dedup_bands`` (similar articles), and shared sentences of at
   least ``dedup.candidate_sentence_words`` words (truncated copies, whose Jaccard
   similarity is low but whose text is contained in the original).
3. A candidate is a copy when the estimated Jaccard similarity reaches ``dedup.min_jaccard``
   or the share of the smaller article contained in the other reaches
   ``dedup.min_containment``; the pair is stored in ``syndication_links``.
4. Groups are the connected components of the links. Each has a canonical member: the most
   complete copy (most text sentences), then the earliest, then the longest.

Everything is incremental: a batch of new articles adds links and merges the groups they
touch; an article whose text changed (clean re-marked a line) or that was superseded by a
new version is taken out first, and the groups it was in are recomputed, so the store
always equals a from-scratch run over the current corpus.

Read API: :func:`group_of`, :func:`groups`, :func:`group_ids`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar  # noqa: F401  Record.from_dict resolves hints in this module

import numpy as np

from . import statements
from .boilerplate import superseded_versions
from .records import Article, Record
from .settings import DEFAULTS, Settings
from .shingles import band_keys, estimate_overlap, shingle_set, signature, signature_bytes, signature_from_bytes
from .store import Store
from .store import articles as db

STAGE = "dedup"


@dataclasses.dataclass(frozen=True)
class Copy(Record):
    """One member of a syndication group: every copy keeps its own URL and outlet."""

    article_id: str
    url: str
    outlet: str
    title: str
    published: dt.date
    sentences: int
    canonical: bool = False


@dataclasses.dataclass(frozen=True)
class SyndicationGroup(Record):
    """Copies of one story. ``id`` is the smallest member id (stable for a given corpus);
    ``canonical`` the id of the most complete, then earliest, copy."""

    id: str
    canonical: str
    size: int
    outlets: int
    first_published: dt.date
    members: tuple[Copy, ...] = ()


# --- the stage ------------------------------------------------------------------------------
def run(store: Store, settings: Settings = DEFAULTS, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Pipeline stage ``dedup``: link copies, regroup, and collapse repeated statements."""
    from .pipeline import run_batched

    totals = {"articles": 0, "links": 0, "regrouped": 0}
    totals.update(run_batched(store, STAGE, settings["dedup.batch_size"],
                              lambda st, seqs: dedup_batch(st, seqs, settings), progress))
    totals["groups"] = store.scalar("SELECT COUNT(*) FROM syndication_groups") or 0
    return totals


def dedup_batch(store: Store, seqs: Sequence[int], settings: Settings) -> dict[str, int]:
    """Process one batch of articles (inside a transaction)."""
    articles = db.load_articles(store, seqs, kinds=("text",))
    seq_of: dict[str, int] = {}
    for marks, chunk in store.in_chunks(list(seqs)):
        seq_of.update(store.rows(f"SELECT id, seq FROM articles WHERE seq IN ({marks})", chunk))
    stale = [r[0] for marks, chunk in store.in_chunks([a.id for a in articles] + superseded_versions(store, seqs))
             for r in store.rows(f"SELECT article_id FROM dedup_signatures WHERE article_id IN ({marks})", chunk)]
    seeds, dirty = _forget(store, stale, settings)
    sigs = _add_signatures(store, articles, seq_of, settings)
    rows = statements.sentence_rows(articles)
    statements.add_sentences(store, rows)
    links = _find_links(store, rows, sigs, seq_of, settings)
    store.executemany("INSERT INTO syndication_links (a, b, jaccard, containment) VALUES (?,?,?,?) "
                      "ON CONFLICT (a, b) DO NOTHING", links)
    seeds.update(a.id for a in articles)
    seeds.update(x for a, b, _, _ in links for x in (a, b))
    seeds -= set(stale) - {a.id for a in articles}
    regrouped = _regroup(store, seeds)
    statements.update(store, rows, [(a, b) for a, b, _, _ in links], regrouped, dirty, settings)
    return {"articles": len(articles), "links": len(links), "regrouped": len(regrouped)}


Signed = dict[str, tuple[np.ndarray | None, int, list[int]]]


def _add_signatures(store: Store, articles: Sequence[Article], seq_of: dict[str, int], settings: Settings) -> Signed:
    """Store each article's signature and LSH band keys; returns (signature, number of
    shingles, band keys) by article id."""
    n, perms = settings["dedup.shingle_words"], settings["dedup.num_perm"]
    bands, rows = settings["dedup.lsh_bands"], settings["dedup.lsh_rows"]
    out: Signed = {}
    sig_rows, band_rows = [], []
    for art in articles:
        shingles = shingle_set((s.text for s in art.sentences), n)
        sig = signature(shingles, perms)
        keys = band_keys(sig, bands, rows) if sig is not None else []
        out[art.id] = (sig, len(shingles), keys)
        seq = seq_of[art.id]
        sig_rows.append((seq, art.id, art.outlet, art.published.isoformat(), len(art.sentences),
                         sum(len(s.text) for s in art.sentences), len(shingles),
                         signature_bytes(sig) if sig is not None else None))
        band_rows += [(k, seq) for k in keys]
    store.executemany("INSERT INTO dedup_signatures (seq, article_id, outlet, published, n_sentences, n_chars, "
                      "n_shingles, signature) VALUES (?,?,?,?,?,?,?,?)", sig_rows)
    store.executemany("INSERT INTO dedup_bands (key, seq) VALUES (?,?)", band_rows)
    return out


def _find_links(store: Store, rows: Sequence[statements.Row], sigs: Signed, seq_of: dict[str, int],
                settings: Settings) -> list[tuple[str, str, float, float]]:
    """Candidate pairs from LSH buckets and shared sentences, verified on the signatures."""
    cap = settings["dedup.max_bucket"]
    by_seq = {seq_of[aid]: aid for aid in sigs}
    wanted: dict[int, list[int]] = defaultdict(list)
    for aid, (_, _, keys) in sigs.items():
        for k in keys:
            wanted[k].append(seq_of[aid])
    cands: dict[str, set[int]] = defaultdict(set)
    for bucket in _lookup(store, "SELECT key, seq FROM dedup_bands WHERE key IN ({marks}) ORDER BY key, seq",
                          list(wanted), cap).items():
        key, members = bucket
        for seq in wanted[key]:
            cands[by_seq[seq]].update(m for m in members if m != seq)
    shared = statements.candidate_articles(store, rows, settings["dedup.candidate_sentence_words"], cap)
    for aid, others in shared.items():
        cands[aid].update(others)
    needed = sorted({s for c in cands.values() for s in c})
    info: dict[int, tuple[str, int, np.ndarray]] = {}
    for marks, chunk in store.in_chunks(needed):
        for seq, aid, n_sh, blob in store.rows(
            f"SELECT seq, article_id, n_shingles, signature FROM dedup_signatures WHERE seq IN ({marks}) "
            "AND signature IS NOT NULL", chunk,
        ):
            info[seq] = (aid, n_sh, signature_from_bytes(blob))
    links: dict[tuple[str, str], tuple[float, float]] = {}
    min_j, min_c, min_sh = settings["dedup.min_jaccard"], settings["dedup.min_containment"], settings["dedup.min_shingles"]
    min_j_small = settings["dedup.min_jaccard_small"]
    for aid, others in cands.items():
        sig, n, _ = sigs[aid]
        others = sorted(s for s in others if s in info and info[s][0] != aid)
        if sig is None or not others:
            continue
        mat = np.stack([info[s][2] for s in others])
        sizes = np.array([info[s][1] for s in others])
        jac, con = estimate_overlap(sig, mat, n, sizes)
        for s, j, c, size in zip(others, jac, con, sizes):
            small = min(n, size) < min_sh
            if j >= (min_j_small if small else min_j) or (c >= min_c and not small):
                pair = tuple(sorted((aid, info[s][0])))
                links[pair] = (round(float(j), 4), round(float(c), 4))  # type: ignore[index]
    return [(a, b, j, c) for (a, b), (j, c) in sorted(links.items())]


def _lookup(store: Store, sql: str, keys: list[Any], cap: int) -> dict[Any, list[Any]]:
    """``key -> values`` for an indexed two-column lookup, at most ``cap`` values a key."""
    found: dict[Any, list[Any]] = defaultdict(list)
    for marks, chunk in store.in_chunks(keys):
        for key, value in store.rows(sql.format(marks=marks), chunk):
            if len(found[key]) < cap:
                found[key].append(value)
    return found


def _forget(store: Store, ids: Sequence[str], settings: Settings) -> tuple[set[str], set[int]]:
    """Take articles out of dedup (their text changed, or a new version superseded them).
    Returns the articles whose groups must be recomputed and the statements they touched."""
    seeds: set[str] = set()
    if not ids:
        return seeds, set()
    bands, rows = settings["dedup.lsh_bands"], settings["dedup.lsh_rows"]
    for marks, chunk in store.in_chunks(list(ids)):
        for seq, blob in store.rows(f"SELECT seq, signature FROM dedup_signatures WHERE article_id IN ({marks})", chunk):
            if blob is not None:
                store.executemany("DELETE FROM dedup_bands WHERE key = ? AND seq = ?",
                                  [(k, seq) for k in band_keys(signature_from_bytes(blob), bands, rows)])
        store.execute(f"DELETE FROM dedup_signatures WHERE article_id IN ({marks})", chunk)
        for a, b in store.rows(f"SELECT a, b FROM syndication_links WHERE a IN ({marks}) OR b IN ({marks})", [*chunk, *chunk]):
            seeds.update((a, b))
        store.execute(f"DELETE FROM syndication_links WHERE a IN ({marks}) OR b IN ({marks})", [*chunk, *chunk])
        for (gid,) in store.rows(f"SELECT DISTINCT group_id FROM syndication_members WHERE article_id IN ({marks})", chunk):
            seeds.update(r[0] for r in store.rows("SELECT article_id FROM syndication_members WHERE group_id = ?", (gid,)))
    dirty = statements.forget(store, ids)
    return seeds - set(ids), dirty


def _regroup(store: Store, seeds: Iterable[str]) -> set[str]:
    """Recompute the groups (connected components of links) containing ``seeds``; returns
    the articles whose group changed."""
    nodes: set[str] = set()
    frontier = set(seeds)
    edges: list[tuple[str, str]] = []
    while frontier:
        nodes |= frontier
        found: set[str] = set()
        for marks, chunk in store.in_chunks(sorted(frontier)):
            for a, b in store.rows(f"SELECT a, b FROM syndication_links WHERE a IN ({marks}) OR b IN ({marks})", [*chunk, *chunk]):
                edges.append((a, b))
                found.update((a, b))
        frontier = found - nodes
    parent = {n: n for n in nodes}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        comps[root(n)].append(n)
    old: dict[str, str] = {}
    ordered = sorted(nodes)
    for marks, chunk in store.in_chunks(ordered):
        old.update(store.rows(f"SELECT article_id, group_id FROM syndication_members WHERE article_id IN ({marks})", chunk))
    meta: dict[str, tuple[int, str, int]] = {}
    outlets: dict[str, str] = {}
    for marks, chunk in store.in_chunks(ordered):
        for aid, n_sent, published, n_chars, outlet in store.rows(
            "SELECT article_id, n_sentences, published, n_chars, outlet FROM dedup_signatures "
            f"WHERE article_id IN ({marks})", chunk
        ):
            meta[aid] = (n_sent, published, n_chars)
            outlets[aid] = outlet
    new: dict[str, str] = {}
    group_rows = []
    for members in comps.values():
        members = [m for m in members if m in meta]
        if len(members) < 2:
            continue
        gid = min(members)
        canonical = min(members, key=lambda m: (-meta[m][0], meta[m][1], -meta[m][2], m))
        new.update({m: gid for m in members})
        group_rows.append((gid, canonical, len(members), len({outlets[m] for m in members}),
                           min(meta[m][1] for m in members)))
    for marks, chunk in store.in_chunks(sorted(set(old.values()))):
        store.execute(f"DELETE FROM syndication_groups WHERE id IN ({marks})", chunk)
    for marks, chunk in store.in_chunks(ordered):
        store.execute(f"DELETE FROM syndication_members WHERE article_id IN ({marks})", chunk)
    store.executemany("INSERT INTO syndication_members (article_id, group_id) VALUES (?,?)", sorted(new.items()))
    store.executemany("INSERT INTO syndication_groups (id, canonical, size, outlets, first_published) VALUES (?,?,?,?,?)",
                      group_rows)
    return {n for n in nodes if old.get(n) != new.get(n)}


# --- reading --------------------------------------------------------------------------------
def group_ids(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """``article_id -> group id`` for the articles that are in a group of two or more."""
    out: dict[str, str] = {}
    for marks, chunk in store.in_chunks(list(article_ids)):
        out.update(store.rows(f"SELECT article_id, group_id FROM syndication_members WHERE article_id IN ({marks})", chunk))
    return out


def _groups_by_id(store: Store, ids: Sequence[str]) -> list[SyndicationGroup]:
    heads: dict[str, dict[str, Any]] = {}
    for marks, chunk in store.in_chunks(list(ids)):
        for row in store.query(f"SELECT * FROM syndication_groups WHERE id IN ({marks})", chunk):
            heads[row["id"]] = row
    members: dict[str, list[Copy]] = defaultdict(list)
    for marks, chunk in store.in_chunks(list(heads)):
        for gid, aid, url, outlet, title, published, n_sent in store.rows(
            "SELECT m.group_id, a.id, a.url, a.outlet, a.title, a.published, s.n_sentences FROM syndication_members m "
            "JOIN articles a ON a.id = m.article_id JOIN dedup_signatures s ON s.article_id = m.article_id "
            f"WHERE m.group_id IN ({marks})", chunk,
        ):
            members[gid].append(Copy(aid, url, outlet, title, dt.date.fromisoformat(published), n_sent,
                                     aid == heads[gid]["canonical"]))
    out = []
    for gid in ids:
        if gid in heads:
            h = heads[gid]
            copies = sorted(members[gid], key=lambda c: (not c.canonical, c.published, c.outlet, c.article_id))
            out.append(SyndicationGroup(gid, h["canonical"], h["size"], h["outlets"],
                                        dt.date.fromisoformat(h["first_published"]), tuple(copies)))
    return out


def group_of(store: Store, article_id: str) -> SyndicationGroup | None:
    """The syndication group an article belongs to, with every member, or None if the
    article has no known copy."""
    gid = group_ids(store, [article_id]).get(article_id)
    found = _groups_by_id(store, [gid]) if gid else []
    return found[0] if found else None


def groups(store: Store, *, min_size: int = 2, outlet: str | None = None, limit: int | None = 100,
           after: str | None = None) -> list[SyndicationGroup]:
    """Syndication groups of at least ``min_size`` copies, by group id; page with ``after``
    (the last group id seen). ``outlet``: only groups with a copy from that outlet."""
    where, params = ["size >= ?"], [max(2, min_size)]
    if after:
        where.append("id > ?")
        params.append(after)
    if outlet:
        where.append("id IN (SELECT m.group_id FROM syndication_members m JOIN articles a ON a.id = m.article_id "
                     "WHERE a.outlet = ?)")
        params.append(outlet.lower())
    sql = f"SELECT id FROM syndication_groups WHERE {' AND '.join(where)} ORDER BY id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _groups_by_id(store, [r[0] for r in store.rows(sql, params)])


def summary(store: Store) -> dict[str, int]:
    """Corpus-wide counts: groups, articles in groups, and copies beyond the canonical ones."""
    n_groups = store.scalar("SELECT COUNT(*) FROM syndication_groups") or 0
    in_groups = store.scalar("SELECT COALESCE(SUM(size), 0) FROM syndication_groups") or 0
    return {"groups": n_groups, "articles_in_groups": in_groups, "copies": in_groups - n_groups}
