"""The dedup stage: syndicated copies grouped with MinHash LSH, and the read API for groups.

A wire story republished by local sites arrives under many URLs, each copy edited a little:
truncated, its sentences reordered, its headline changed, site furniture added (clean marks
that), a few words changed. Copies are found on the cleaned text (``text`` lines only):

1. Each article gets a MinHash signature (datasketch) of its word shingles, taken inside
   sentences so reordering does not matter (:mod:`storyline.shingles`).
2. Candidates come from two indexed lookups, each read at most ``dedup.max_bucket`` rows a
   key in SQL: LSH band keys in ``dedup_bands`` (similar articles), and shared sentences of
   at least ``dedup.candidate_sentence_words`` words (truncated copies). A new article is
   compared with earlier articles only (by seq), the ``dedup.max_candidates`` sharing most
   keys with it, so its cost does not grow with the corpus or with a huge group.
3. Candidates whose MinHash estimates come near a threshold are decided on their exact
   fingerprints (:func:`copy_evidence`): Jaccard or containment, more evidence for short
   texts, the same figures, near-identity when far apart in time. Links go to
   ``syndication_links``.
4. Groups are the connected components of the links. Each has a canonical member: the most
   complete copy (most text sentences), then the earliest, then the longest.

Everything is incremental: new links merge the groups they touch without reading them; an
article whose text changed (clean re-marked a line) or that a new version superseded is
taken out first, and the groups it was in are recomputed from the links left, so the store
equals a from-scratch run over the current corpus. (While no cap binds, exactly; when one
does, in a group of hundreds of copies, which copies of an article processed again get
links can depend on batch boundaries.)

Read API: :func:`group_of`, :func:`groups`, :func:`group_ids`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar  # noqa: F401  Record.from_dict resolves hints in this module

import numpy as np

from . import statements
from .boilerplate import superseded_versions
from .records import Article, Record
from .settings import DEFAULTS, Settings
from .shingles import Fingerprint, band_keys, estimate_overlap, overlap, signature, signature_bytes, signature_from_bytes
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
    sigs, prints = _add_signatures(store, articles, seq_of, settings)
    rows = statements.sentence_rows(articles)
    statements.add_sentences(store, rows)
    links = _find_links(store, rows, sigs, prints, seq_of, set(stale) & set(seq_of), settings)
    store.executemany("INSERT INTO syndication_links (a, b, jaccard, containment) VALUES (?,?,?,?) "
                      "ON CONFLICT (a, b) DO NOTHING", links)
    regrouped = _regroup(store, seeds, [(a, b) for a, b, _, _ in links])
    statements.update(store, rows, [(a, b) for a, b, _, _ in links], regrouped, dirty, settings)
    return {"articles": len(articles), "links": len(links), "regrouped": len(regrouped)}


def copy_evidence(a: Fingerprint, b: Fingerprint, settings: Settings = DEFAULTS) -> tuple[float, float] | None:
    """Exact (Jaccard, containment) of two articles when they are copies, else None.

    Copies share most shingles (Jaccard of at least ``dedup.min_jaccard``), or the smaller
    one is contained in the other (``dedup.min_containment``: a truncated copy). A small text
    (under ``dedup.min_shingles`` shingles: one-line briefs share templates) needs
    ``dedup.min_jaccard_small`` and is never linked by containment alone. Whatever the
    overlap, copies keep the story's figures (at most ``dedup.max_missing_figures`` of the
    smaller set of figures may be missing from the other; a small text keeps all of them), a
    figure changed on both sides (each has one the other lacks) is an update only within
    ``dedup.max_days_figures_changed`` days, and two texts published more than
    ``dedup.max_days_apart`` days apart must be near-identical (``dedup.min_jaccard_far``):
    the same words on other days with other figures, or weeks apart, are a template
    (the Fed's daily operations, weekly shipment figures), not a copy.
    """
    jac, con = overlap(a.shingles, b.shingles)
    small = min(len(a.shingles), len(b.shingles)) < settings["dedup.min_shingles"]
    if small:
        linked = jac >= settings["dedup.min_jaccard_small"]
    else:
        linked = jac >= settings["dedup.min_jaccard"] or con >= settings["dedup.min_containment"]
    if not linked:
        return None
    if abs((a.published - b.published).days) > settings["dedup.max_days_apart"] and jac < settings["dedup.min_jaccard_far"]:
        return None
    fewer, more = sorted((a.figures, b.figures), key=len)
    if small:
        # A brief has no sentences to lose: a copy keeps every figure, a template changes them.
        if fewer != more:
            return None
    elif len(fewer - more) > int(settings["dedup.max_missing_figures"] * len(fewer) + 1e-9):
        return None
    elif (fewer - more and more - fewer
          and abs((a.published - b.published).days) > settings["dedup.max_days_figures_changed"]):
        return None
    return round(jac, 4), round(con, 4)


Signed = dict[str, tuple[np.ndarray | None, int, list[int]]]


def _add_signatures(store: Store, articles: Sequence[Article], seq_of: dict[str, int],
                    settings: Settings) -> tuple[Signed, dict[str, Fingerprint]]:
    """Store each article's signature and LSH band keys; returns (signature, number of
    shingles, band keys) and the fingerprint, by article id."""
    n, perms = settings["dedup.shingle_words"], settings["dedup.num_perm"]
    bands, rows = settings["dedup.lsh_bands"], settings["dedup.lsh_rows"]
    out: Signed = {}
    prints: dict[str, Fingerprint] = {}
    sig_rows, band_rows = [], []
    for art in articles:
        fp = Fingerprint.of(art, n)
        sig = signature(fp.shingles, perms)
        keys = band_keys(sig, bands, rows) if sig is not None else []
        out[art.id] = (sig, len(fp.shingles), keys)
        prints[art.id] = fp
        seq = seq_of[art.id]
        sig_rows.append((seq, art.id, art.outlet, art.published.isoformat(), len(art.sentences),
                         sum(len(s.text) for s in art.sentences), len(fp.shingles),
                         signature_bytes(sig) if sig is not None else None))
        band_rows += [(k, seq) for k in keys]
    store.executemany("INSERT INTO dedup_signatures (seq, article_id, outlet, published, n_sentences, n_chars, "
                      "n_shingles, signature) VALUES (?,?,?,?,?,?,?,?)", sig_rows)
    # In key order: neighbouring keys share B-tree pages, so a commit writes fewer of them.
    store.executemany("INSERT INTO dedup_bands (key, seq) VALUES (?,?) ON CONFLICT DO NOTHING", sorted(set(band_rows)))
    return out, prints


def _find_links(store: Store, rows: Sequence[statements.Row], sigs: Signed, prints: dict[str, Fingerprint],
                seq_of: dict[str, int], again: set[str], settings: Settings) -> list[tuple[str, str, float, float]]:
    """Candidate pairs from LSH buckets and shared sentences, screened on the signatures'
    estimates and decided on the exact fingerprints (:func:`copy_evidence`). ``again``:
    the articles of the batch that were processed before (their text changed)."""
    cap = settings["dedup.max_bucket"]
    by_seq = {seq_of[aid]: aid for aid in sigs}
    wanted: dict[int, list[int]] = defaultdict(list)
    for aid, (_, _, keys) in sigs.items():
        for k in keys:
            wanted[k].append(seq_of[aid])
    # Candidates ranked by how many buckets and long sentences they share with the article;
    # only the first dedup.max_candidates are compared, so a copy joining a group of
    # thousands is compared with a few dozen of them, not all.
    hits: dict[str, Counter[int]] = defaultdict(Counter)
    for key, members in _buckets(store, sorted(wanted), cap).items():
        for seq in wanted[key]:
            hits[by_seq[seq]].update(m for m in members if m != seq)
    shared = statements.candidate_articles(store, rows, settings["dedup.candidate_sentence_words"], cap)
    for aid, others in shared.items():
        hits[aid].update(others)
    # A new article is compared with earlier ones (by seq) only: every pair is then decided
    # once, from its later side, among candidates that do not depend on how the corpus was
    # cut into batches. An article processed again (its text changed) looks both ways.
    limit = settings["dedup.max_candidates"]
    cands = {}
    for aid, found in hits.items():
        own = seq_of[aid]
        ranked = sorted((kv for kv in found.items() if kv[0] < own or aid in again), key=lambda kv: (-kv[1], kv[0]))
        cands[aid] = {seq for seq, _ in ranked[:limit]}
    needed = sorted({s for c in cands.values() for s in c})
    info: dict[int, tuple[str, int, np.ndarray]] = {}
    for marks, chunk in store.in_chunks(needed):
        for seq, aid, n_sh, blob in store.rows(
            f"SELECT seq, article_id, n_shingles, signature FROM dedup_signatures WHERE seq IN ({marks}) "
            "AND signature IS NOT NULL", chunk,
        ):
            info[seq] = (aid, n_sh, signature_from_bytes(blob))
    # Screen on the estimates with a margin, so estimate noise never decides a link.
    margin = settings["dedup.screen_margin"]
    low_j = min(settings["dedup.min_jaccard"], settings["dedup.min_jaccard_small"]) - margin
    low_c = settings["dedup.min_containment"] - margin
    screened: list[tuple[str, int]] = []
    for aid, others in cands.items():
        sig, n, _ = sigs[aid]
        others = sorted(s for s in others if s in info and info[s][0] != aid)
        if sig is None or not others:
            continue
        mat = np.stack([info[s][2] for s in others])
        sizes = np.array([info[s][1] for s in others])
        jac, con = estimate_overlap(sig, mat, n, sizes)
        screened += [(aid, s) for s, j, c in zip(others, jac, con) if j >= low_j or c >= low_c]
    missing = sorted({s for _, s in screened if info[s][0] not in prints})
    prints = dict(prints)
    n_words = settings["dedup.shingle_words"]
    prints.update((art.id, Fingerprint.of(art, n_words)) for art in db.load_articles(store, missing, kinds=("text",)))
    links: dict[tuple[str, str], tuple[float, float]] = {}
    for aid, s in screened:
        other = info[s][0]
        evidence = copy_evidence(prints[aid], prints[other], settings)
        if evidence is not None:
            links[tuple(sorted((aid, other)))] = evidence  # type: ignore[index]
    return [(a, b, j, c) for (a, b), (j, c) in sorted(links.items())]


_MAX_SEQ = 2**63 - 1


def _buckets(store: Store, keys: Sequence[int], cap: int) -> dict[int, list[int]]:
    """``key -> seqs`` of these LSH buckets, the first ``cap`` of each. The cap is applied
    in the index range itself (``seq`` below the bucket's ``cap``-th), on both back-ends, so
    a bucket of thousands of articles is not read past its first ``cap``."""
    found: dict[int, list[int]] = defaultdict(list)
    for marks, chunk in store.in_chunks(list(keys)):
        for key, seq in store.rows(
            f"SELECT v.column1, b.seq FROM (VALUES {marks.replace('?', '(?)')}) AS v JOIN dedup_bands b "
            "ON b.key = v.column1 AND b.seq < COALESCE((SELECT x.seq FROM dedup_bands x WHERE x.key = v.column1 "
            f"ORDER BY x.seq LIMIT 1 OFFSET {int(cap)}), {_MAX_SEQ})", chunk,
        ):
            found[key].append(seq)
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
        # Their groups go; the members left are recomputed from the links that remain.
        for (gid,) in store.rows(f"SELECT DISTINCT group_id FROM syndication_members WHERE article_id IN ({marks})", chunk):
            seeds.update(r[0] for r in store.rows("SELECT article_id FROM syndication_members WHERE group_id = ?", (gid,)))
            store.execute("DELETE FROM syndication_groups WHERE id = ?", (gid,))
        store.execute(f"DELETE FROM syndication_members WHERE article_id IN ({marks})", chunk)
    dirty = statements.forget(store, ids)
    return seeds - set(ids), dirty


def _regroup(store: Store, seeds: set[str], links: Sequence[tuple[str, str]]) -> set[str]:
    """Bring the groups up to date after a batch: the components around ``seeds`` (articles
    whose links were taken out) are recomputed from the links; the groups that new
    ``links`` join elsewhere are merged without reading them (:func:`_join`). Returns the
    articles whose group changed."""
    changed, covered = _recompute(store, seeds) if seeds else (set(), set())
    # Components are closed under links, so a new link is inside a recomputed one or outside all.
    return changed | _join(store, [(a, b) for a, b in links if a not in covered])


def _canonical_key(meta: tuple[int, str, int], article_id: str) -> tuple[int, str, int, str]:
    """Order of preference for a group's canonical copy: most text sentences, then the
    earliest, then the longest (then the smallest id, for a stable choice)."""
    n_sentences, published, n_chars = meta
    return -n_sentences, published, -n_chars, article_id


def _recompute(store: Store, seeds: Iterable[str]) -> tuple[set[str], set[str]]:
    """Recompute the groups (connected components of links) containing ``seeds``; returns
    the articles whose group changed and every article of those components. Used when
    links were taken out, which can split a group; its cost grows with the group."""
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
    uf = statements.UnionFind()
    for n in nodes:
        uf.find(n)
    for a, b in edges:
        uf.union(a, b)
    comps: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        comps[uf.find(n)].append(n)
    old: dict[str, str] = {}
    ordered = sorted(nodes)
    for marks, chunk in store.in_chunks(ordered):
        old.update(store.rows(f"SELECT article_id, group_id FROM syndication_members WHERE article_id IN ({marks})", chunk))
    meta, outlets = _members_meta(store, ordered)
    new: dict[str, str] = {}
    group_rows = []
    for members in comps.values():
        members = [m for m in members if m in meta]
        if len(members) < 2:
            continue
        gid = min(members)
        canonical = min(members, key=lambda m: _canonical_key(meta[m], m))
        new.update({m: gid for m in members})
        group_rows.append((gid, canonical, len(members), len({outlets[m] for m in members}),
                           min(meta[m][1] for m in members)))
    for marks, chunk in store.in_chunks(sorted(set(old.values()))):
        store.execute(f"DELETE FROM syndication_groups WHERE id IN ({marks})", chunk)
    for marks, chunk in store.in_chunks(ordered):
        store.execute(f"DELETE FROM syndication_members WHERE article_id IN ({marks})", chunk)
    store.executemany("INSERT INTO syndication_members (article_id, group_id, outlet) VALUES (?,?,?)",
                      [(m, g, outlets[m]) for m, g in sorted(new.items())])
    store.executemany("INSERT INTO syndication_groups (id, canonical, size, outlets, first_published) VALUES (?,?,?,?,?)",
                      group_rows)
    return {n for n in nodes if old.get(n) != new.get(n)}, nodes


def _members_meta(store: Store, article_ids: Sequence[str]) -> tuple[dict[str, tuple[int, str, int]], dict[str, str]]:
    """(sentences, published, characters) and outlet of these articles, from their signatures."""
    meta: dict[str, tuple[int, str, int]] = {}
    outlets: dict[str, str] = {}
    for marks, chunk in store.in_chunks(list(article_ids)):
        for aid, n_sent, published, n_chars, outlet in store.rows(
            "SELECT article_id, n_sentences, published, n_chars, outlet FROM dedup_signatures "
            f"WHERE article_id IN ({marks})", chunk
        ):
            meta[aid] = (n_sent, published, n_chars)
            outlets[aid] = outlet
    return meta, outlets


def _join(store: Store, links: Sequence[tuple[str, str]]) -> set[str]:
    """Merge the groups and lone articles that new ``links`` join, when no link was taken
    out: the merged group keeps the id of its smallest member, only the members of the
    parts that lose their id are relabelled, and its size, outlets, canonical copy and first
    date come from the parts' own (the canonical of a union is the best of the parts'
    canonicals). A copy joining a group of thousands costs a few indexed reads. Returns the
    articles whose group changed."""
    if not links:
        return set()
    ids = sorted({x for pair in links for x in pair})
    group_of = group_ids(store, ids)
    uf = statements.UnionFind()
    for a, b in links:
        uf.union(group_of.get(a, a), group_of.get(b, b))
    parts: dict[str, list[str]] = defaultdict(list)
    for unit in sorted({group_of.get(x, x) for x in ids}):
        parts[uf.find(unit)].append(unit)
    heads: dict[str, tuple[str, int, int, str]] = {}
    for marks, chunk in store.in_chunks(sorted(set(group_of.values()))):
        for gid, canonical, size, n_outlets, first in store.rows(
            f"SELECT id, canonical, size, outlets, first_published FROM syndication_groups WHERE id IN ({marks})", chunk
        ):
            heads[gid] = (canonical, size, n_outlets, first)
    singles = [x for x in ids if x not in group_of]
    meta, outlets = _members_meta(store, singles + sorted({h[0] for h in heads.values()}))
    changed: set[str] = set()
    for units in parts.values():
        if len(units) < 2:
            continue  # a new link inside one group
        merged = [u for u in units if u in heads]
        lone = [u for u in units if u not in heads and u in meta]
        gid = min(units)
        # The largest group keeps its rows; the outlets of the other parts are looked up in it.
        base = max(merged, key=lambda g: (heads[g][1], g)) if merged else None
        other_outlets = {outlets[x] for x in lone}
        for g in merged:
            if g != base:
                other_outlets.update(r[0] for r in store.rows(
                    "SELECT DISTINCT outlet FROM syndication_members WHERE group_id = ?", (g,)))
        n_outlets = len(other_outlets)
        if base is not None:
            shared = 0
            for marks, chunk in store.in_chunks(sorted(other_outlets)):
                shared += len(store.rows(f"SELECT DISTINCT outlet FROM syndication_members WHERE group_id = ? "
                                         f"AND outlet IN ({marks})", [base, *chunk]))
            n_outlets += heads[base][2] - shared
        for g in merged:
            if g != gid:
                changed.update(r[0] for r in store.rows("SELECT article_id FROM syndication_members WHERE group_id = ?", (g,)))
                store.execute("UPDATE syndication_members SET group_id = ? WHERE group_id = ?", (gid, g))
        store.executemany("INSERT INTO syndication_members (article_id, group_id, outlet) VALUES (?,?,?)",
                          [(x, gid, outlets[x]) for x in lone])
        changed.update(lone)
        candidates = [heads[g][0] for g in merged] + lone
        canonical = min(candidates, key=lambda m: _canonical_key(meta[m], m))
        first = min([heads[g][3] for g in merged] + [meta[x][1] for x in lone])
        size = sum(heads[g][1] for g in merged) + len(lone)
        for marks, chunk in store.in_chunks(merged):
            store.execute(f"DELETE FROM syndication_groups WHERE id IN ({marks})", chunk)
        store.execute("INSERT INTO syndication_groups (id, canonical, size, outlets, first_published) VALUES (?,?,?,?,?)",
                      (gid, canonical, size, n_outlets, first))
    return changed


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
