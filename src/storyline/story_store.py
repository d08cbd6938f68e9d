"""The stories stage, and reading stories back.

The stage feeds each new article to the online :class:`~storyline.stories.StoryClusterer`
(in publication order within a batch), with its canonical entities (places apart), its
syndication group and its repeated statements, then rewrites the rows of the stories that
changed. The clusterer's state (the stories still open, and the term and entity document
frequencies) is persisted with each batch, so the next run continues without recomputing
the corpus; stories that closed leave it for ``story_archive`` (:class:`StoreArchive`), so
neither memory nor the per-batch write grows with the corpus. Each batch starts from the
state the store last saved (:class:`StoriesWriter`), so two processes placing articles in
turn (a ``storyline watch`` beside an ingest) make the stories one process would.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from .boilerplate import pattern_reason, title_key
from .errors import check_day_range
from .records import Article
from .settings import DEFAULTS, Settings
from .statements import statement_ref
from .stock_titles import stock_articles
from .story_profile import count_origins
from .story_related import related_stories
from .stories import Evicted, Story, StoryClusterer, StoryDoc
from .store import Store, now_iso
from .store.base import resolve_id
from .store import articles as db
from .syndication import group_ids

STAGE = "stories"
STATE = "stories.StoryClusterer"
GENERATION = STATE + ".generation"  # stage_state row: batches written, by any process
PLACE_LABELS = ("GPE", "LOC", "FAC")


def run(store: Store, settings: Settings = DEFAULTS, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Assign every new article to a story; returns counts."""
    pending = db.pending(store, STAGE)
    counts = {"articles": 0, "new_stories": 0}
    writer = StoriesWriter(store, settings)
    size = settings["stories.batch_articles"]
    for start in range(0, len(pending), size):
        seqs = pending[start:start + size]
        done = writer.batch(seqs)
        counts["articles"] += done["articles"]
        counts["new_stories"] += done["new_stories"]
        if progress:
            progress(len(seqs))
    return counts


class StoriesWriter:
    """Writes batches of the stories stage, each in one transaction, with the clusterer as the
    store last saved it: another process that wrote a batch in between (a `storyline watch`
    beside an ingest) is noticed by the generation number every batch bumps, and the
    clusterer is read again; articles it already placed are skipped."""

    def __init__(self, store: Store, settings: Settings = DEFAULTS) -> None:
        self.store, self.settings = store, settings
        self.archive = StoreArchive(store)
        self.clusterer: StoryClusterer | None = None
        self.seen = -1  # the generation the clusterer is as of

    def _generation(self) -> int:
        return int(self.store.scalar("SELECT state FROM stage_state WHERE name = ?", (GENERATION,)) or 0)

    def _sync(self) -> StoryClusterer:
        """The clusterer as of the store's last batch (inside the batch's transaction)."""
        now = self._generation()
        if self.clusterer is None or now != self.seen:
            raw = self.store.scalar("SELECT state FROM stage_state WHERE name = ?", (STATE,))
            self.clusterer = (StoryClusterer.from_state(json.loads(raw), self.settings, self.archive) if raw
                              else StoryClusterer(self.settings, self.archive))
            self.seen = now
        return self.clusterer

    def batch(self, seqs: Sequence[int]) -> dict[str, int]:
        """Place these articles (in publication order) and save; returns counts."""
        store = self.store
        articles = sorted(db.load_articles(store, seqs, kinds=("text",)), key=lambda a: (a.published, a.id))
        docs = story_docs(store, articles)
        try:
            with store.transaction():
                clusterer = self._sync()
                placed = {r[0] for marks, chunk in store.in_chunks(list(seqs)) for r in store.rows(
                    f"SELECT a.id FROM article_stages s JOIN articles a ON a.seq = s.seq "
                    f"WHERE s.stage = ? AND s.seq IN ({marks})", [STAGE, *chunk])}
                docs = [d for d in docs if d.id not in placed]
                self.archive.prefetch([d.id for d in docs], [d.group for d in docs if d.group])
                touched = {clusterer.add(doc) for doc in docs}
                known = {r[0] for marks, chunk in store.in_chunks(sorted(touched))
                         for r in store.rows(f"SELECT id FROM stories WHERE id IN ({marks})", chunk)}
                store.executemany(
                    "INSERT INTO story_members (article_id, story_id) VALUES (?, ?) "
                    "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
                    [(doc.id, clusterer.story_of(doc.id)) for doc in docs],
                )
                _write_stories(store, clusterer.stories(touched))
                self.archive.write(clusterer.evict())
                self.seen += 1  # _sync read it in this transaction, under the write lock
                stamp = now_iso()
                store.executemany(
                    "INSERT INTO stage_state (name, state, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                    [(STATE, json.dumps(clusterer.to_state(), separators=(",", ":")), stamp),
                     (GENERATION, str(self.seen), stamp)],
                )
                db.mark_done(store, STAGE, seqs)
        except BaseException:
            self.clusterer = None  # rolled back: what it holds was never saved
            raise
        return {"articles": len(docs), "new_stories": len(touched - known)}


def forget(store: Store) -> None:
    """Every story, membership and the clusterer's state gone (``storyline enrich --redo``):
    the next run clusters every article again, in publication order, with the code and
    settings of the day. The generation moves on, so a process holding the old clusterer
    (a ``storyline watch``) reads the empty one before its next batch."""
    generation = int(store.scalar("SELECT state FROM stage_state WHERE name = ?", (GENERATION,)) or 0)
    for table in ("story_members", "stories", "story_archive", "story_groups"):
        store.execute(f"DELETE FROM {table}")
    store.execute("DELETE FROM stage_state WHERE name = ?", (STATE,))
    store.execute(
        "INSERT INTO stage_state (name, state, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
        (GENERATION, str(generation + 1), now_iso()))


class StoreArchive:
    """The clusterer's closed stories in the store (``story_archive``, ``story_groups``).

    :meth:`prefetch` reads, per batch, what the batch's articles may ask (their own story if
    they were added before, their syndication group's story), in a few queries; a closed
    story itself is read only when a late copy joins it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._articles: dict[str, str] = {}
        self._groups: dict[str, int] = {}

    def prefetch(self, article_ids: Sequence[str], groups: Sequence[str]) -> None:
        self._articles, self._groups = {}, {}
        for marks, chunk in self.store.in_chunks(sorted(set(article_ids))):
            self._articles.update(self.store.rows(
                f"SELECT m.article_id, m.story_id FROM story_members m JOIN story_archive a ON a.story_id = m.story_id "
                f"WHERE m.article_id IN ({marks})", chunk))
        for marks, chunk in self.store.in_chunks(sorted(set(groups))):
            self._groups.update(self.store.rows(f"SELECT group_id, seq FROM story_groups WHERE group_id IN ({marks})", chunk))

    def article_story(self, article_id: str) -> str | None:
        return self._articles.get(article_id)

    def group_story(self, group: str) -> int | None:
        return self._groups.get(group)

    def story(self, seq: int) -> dict[str, Any] | None:
        raw = self.store.scalar("SELECT state FROM story_archive WHERE seq = ?", (seq,))
        return json.loads(raw) if raw else None

    def write(self, evicted: Sequence[Evicted]) -> None:
        """Store the stories that left the clusterer (in its transaction)."""
        self.store.executemany(
            "INSERT INTO story_archive (seq, story_id, state) VALUES (?, ?, ?) "
            "ON CONFLICT (seq) DO UPDATE SET state = excluded.state",
            [(e.seq, e.id, json.dumps(e.state, separators=(",", ":"))) for e in evicted if e.state is not None])
        self.store.executemany("INSERT INTO story_groups (group_id, seq) VALUES (?, ?) ON CONFLICT (group_id) DO NOTHING",
                               [(g, e.seq) for e in evicted for g in e.groups])


def story_docs(store: Store, articles: Sequence[Article]) -> list[StoryDoc]:
    """What the clusterer needs of each article, from the earlier stages' tables."""
    ids = [a.id for a in articles]
    entities: dict[str, list[str]] = defaultdict(list)
    places: dict[str, list[str]] = defaultdict(list)
    statements: dict[str, list[str]] = defaultdict(list)
    for marks, chunk in store.in_chunks(ids):
        for aid, entity, label in store.rows(
            f"SELECT article_id, entity_id, label FROM mentions WHERE article_id IN ({marks}) AND entity_id != ''", chunk):
            entities[aid].append(entity)
            if label in PLACE_LABELS:
                places[aid].append(entity)
        for aid, statement in store.rows(
            f"SELECT s.article_id, s.statement FROM statement_sentences s JOIN statements t ON t.id = s.statement "
            f"WHERE s.article_id IN ({marks})", chunk):
            statements[aid].append(statement_ref(statement))
    groups = group_keys(store, ids)
    stock = stock_articles(store, [(a.id, a.outlet or "", title_key(a.title)) for a in articles])
    return [
        StoryDoc(
            id=a.id, published=a.published, title=story_title(a, stock), text="\n".join(s.text for s in a.sentences),
            outlet=a.outlet, entities=tuple(dict.fromkeys(entities[a.id])), places=tuple(dict.fromkeys(places[a.id])),
            group=groups.get(a.id), statements=tuple(dict.fromkeys(statements[a.id])),
            mentions=tuple(Counter(entities[a.id]).items()),
        )
        for a in articles
    ]


def story_title(article: Article, stock: set[str]) -> str:
    """The headline the clusterer weighs and labels by: none when the site puts it on pages
    of other stories too (a stock title) or when it is furniture (``Sign in to your
    account``, an edition selector), which tell nothing of the page's story."""
    if article.id in stock or pattern_reason(article.title or "") is not None:
        return ""
    return article.title or ""


def group_keys(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """``article_id -> key`` of its syndication group as the clusterer knows it: the group's
    first ingested member. A group's id (its smallest member id) changes when a copy with a
    smaller id joins, so a late copy would no longer find its group's story by it; the
    first member stays first as copies join (a merge of two groups keeps one's key)."""
    groups = group_ids(store, article_ids)
    first: dict[str, int] = {}
    for marks, chunk in store.in_chunks(sorted(set(groups.values()))):
        first.update(store.rows(
            f"SELECT m.group_id, MIN(a.seq) FROM syndication_members m JOIN articles a ON a.id = m.article_id "
            f"WHERE m.group_id IN ({marks}) GROUP BY m.group_id", chunk))
    ids: dict[int, str] = {}
    for marks, chunk in store.in_chunks(sorted(set(first.values()))):
        ids.update(store.rows(f"SELECT seq, id FROM articles WHERE seq IN ({marks})", chunk))
    return {aid: ids[first[g]] for aid, g in groups.items()}


def _write_stories(store: Store, stories: Sequence[Story]) -> None:
    now = now_iso()
    rows = []
    for s in stories:
        meta = _members_meta(store, list(s.article_ids))
        groups = group_ids(store, list(s.article_ids))
        independent = count_origins((meta[a]["outlet"], groups.get(a)) for a in s.article_ids if a in meta)
        rows.append((
            s.id, s.label or _entity_label(store, s), s.first_day.isoformat(), s.last_day.isoformat(), s.size, len(s.outlets), independent,
            json.dumps(list(s.entities)), json.dumps(list(s.outlets)),
            json.dumps([c.to_dict() for c in s.coverage]), now,
        ))
    store.executemany(
        "INSERT INTO stories (id, label, first_day, last_day, articles, outlets, independent, entities, outlet_list, coverage, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_day = excluded.first_day, "
        "last_day = excluded.last_day, articles = excluded.articles, outlets = excluded.outlets, independent = excluded.independent, "
        "entities = excluded.entities, outlet_list = excluded.outlet_list, coverage = excluded.coverage, updated_at = excluded.updated_at",
        rows,
    )


def _entity_label(store: Store, story: Story) -> str:
    """A name for a story whose pages carry no usable headline (stock titles, furniture):
    its first three key entities as shown (:func:`shown_entities`)."""
    shown = shown_entities(list(story.entities), _entity_names(store, list(story.entities)), story.outlets)
    return " \u00b7 ".join(e["name"] for e in shown[:3])


def shown_entities(ids: Sequence[str], names: dict[str, tuple[str, str]], outlets: Sequence[str]) -> list[dict[str, str]]:
    """A story's key entities (ranked ids) as shown: named, without the news agencies and
    outlets that reported it, and a people's name whose country is among them shown as the
    country, once, in the better of the two places (``Egyptian ... Egypt`` -> ``Egypt``).
    The clusterer ranks entity ids, which say nothing of peoples and countries."""
    from .story_related import peoples_as_countries

    reporters = news_sources(outlets)
    named = {i: {"id": i, "name": names[i][0], "label": names[i][1]} for i in ids
             if i in names and squeezed(names[i][0]) not in reporters}
    as_country = peoples_as_countries(named)
    out: list[dict[str, str]] = []
    for i in named:
        shown = named[as_country.get(i, i)]
        if shown not in out:
            out.append(shown)
    return out


def _members_meta(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    meta: dict[str, dict[str, Any]] = {}
    for marks, chunk in store.in_chunks(list(ids)):
        for r in store.query(f"SELECT id, outlet, published, title, url, seq FROM articles WHERE id IN ({marks})", chunk):
            meta[r["id"]] = r
    return meta


# --- reading ------------------------------------------------------------------------------
def _entity_names(store: Store, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for marks, chunk in store.in_chunks(sorted(set(ids))):
        names.update({r[0]: (r[1], r[2]) for r in store.rows(f"SELECT id, name, label FROM entities WHERE id IN ({marks})", chunk)})
    return names


# News agencies and networks whose names run through datelines and credits ("Tripoli
# (Reuters) -", "told CNN"): who reported a story, not what it is about (general knowledge).
_NEWS_AGENCIES = frozenset(
    "reuters ap associatedpress afp agencefrancepresse cnn bbc bbcnews bloomberg xinhua interfax tass "
    "dpa ansa kyodo yonhap upi efe aljazeera pressassociation pa cnnwire".split())


def squeezed(text: str) -> str:
    """``text`` in lower case with only its letters and digits: how names are compared with outlets."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def news_sources(outlets: Sequence[str]) -> frozenset[str]:
    """The names, squeezed to lower-case letters and digits, that stand for who reported a
    story: the news agencies and its own outlets (``reuters`` for ``reuters.com``,
    ``washingtonpost`` for ``washingtonpost.com``)."""
    own = set()
    for outlet in outlets:
        host = outlet.lower().split("//")[-1].split("/")[0]
        labels = [p for p in host.split(".") if p not in ("www", "news", "edition", "uk", "co", "com", "org", "net")]
        if labels:
            own.add(squeezed(labels[0]))
    return _NEWS_AGENCIES | own


def news_source(name: str, outlets: Sequence[str]) -> bool:
    """Whether an entity's name is a news agency or one of the story's own outlets
    (``Reuters`` for ``reuters.com``, ``Washington Post`` for ``washingtonpost.com``)."""
    return squeezed(name) in news_sources(outlets)


def _rows(store: Store, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Story rows as shown, entity ids turned into names with one query for all rows; the
    key entities leave out the news agencies and outlets that reported the story."""
    parsed = [json.loads(r["entities"]) for r in rows]
    names = _entity_names(store, [i for ids in parsed for i in ids])
    out = []
    for r, ids in zip(rows, parsed):
        outlets = json.loads(r["outlet_list"])
        out.append({
            "id": r["id"], "label": r["label"], "first_day": r["first_day"], "last_day": r["last_day"],
            "articles": r["articles"], "outlets": r["outlets"], "independent_outlets": r["independent"],
            "entities": shown_entities(ids, names, outlets),
            "outlet_list": outlets, "coverage": json.loads(r["coverage"]),
        })
    return out


def list_stories(
    store: Store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    entity: str | None = None,
    outlet: str | None = None,
    query: str | None = None,
    min_articles: int = 1,
    sort: str = "articles",
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stories overlapping [since, until], optionally naming an entity, covered by an outlet
    or matching a text query; largest first (``sort="recent"``: latest first)."""
    check_day_range(since, until)
    where = ["articles >= ?"]
    params: list[Any] = [min_articles]
    if since:
        where.append("last_day >= ?")
        params.append(since.isoformat())
    if until:
        where.append("first_day <= ?")
        params.append(until.isoformat())
    if outlet:
        where.append("id IN (SELECT m.story_id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE a.outlet = ?)")
        params.append(outlet.lower())
    if entity:
        from .findings import entity_ids_for

        ids = entity_ids_for(store, entity) or [""]
        where.append(
            "id IN (SELECT m.story_id FROM story_members m JOIN mentions x ON x.article_id = m.article_id "
            f"WHERE x.entity_id IN ({','.join('?' * len(ids))}))")
        params.extend(ids)
    if query:
        title_sql, title_params = store.fts_match("articles", query)
        sent_sql, sent_params = store.fts_match("sentences", query)
        where.append(
            "id IN (SELECT m.story_id FROM story_members m JOIN articles ON articles.id = m.article_id "
            f"WHERE {title_sql} OR articles.id IN (SELECT sentences.article_id FROM sentences WHERE {sent_sql}))")
        params.extend(title_params + sent_params)
    order = "last_day DESC, articles DESC, id DESC" if sort == "recent" else "independent DESC, articles DESC, last_day DESC, id DESC"
    # Both orders are index scans (m0031): no sort of every story per call.
    rows = store.query(
        f"SELECT * FROM stories WHERE {' AND '.join(where)} ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}", params)
    return _rows(store, rows)


def story_article_ids(store: Store, story_id: str) -> list[str]:
    """Current member articles of a story (a unique id prefix is accepted)."""
    sid = resolve_story_id(store, story_id)
    return [r[0] for r in store.rows(
        "SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id "
        "WHERE m.story_id = ? AND a.is_current = 1 ORDER BY a.published, a.seq", (sid,))]


def story_row(store: Store, story_id: str) -> dict[str, Any]:
    """One story's row as :func:`list_stories` shows it (``story_id`` in full)."""
    [story] = _rows(store, [store.query_one("SELECT * FROM stories WHERE id = ?", (story_id,))])
    return story


def resolve_story_id(store: Store, ref: str) -> str:
    """A full story id or a unique prefix of it (:func:`storyline.store.base.resolve_id`)."""
    return resolve_id(store, "stories", ref, "story", "storyline stories")


def get_story(store: Store, ref: str, *, summary_sentences: int | None = None, settings: Settings = DEFAULTS) -> dict[str, Any]:
    """Everything about one story: its row, member articles, outlets with article counts,
    syndication groups, an extractive summary with sources, and related stories
    (:mod:`storyline.story_related`)."""
    sid = resolve_story_id(store, ref)
    story = story_row(store, sid)
    ids = story_article_ids(store, sid)
    meta = _members_meta(store, ids)
    groups = group_ids(store, ids)
    story["members"] = [
        {"id": a, "published": meta[a]["published"], "outlet": meta[a]["outlet"], "title": meta[a]["title"],
         "url": meta[a]["url"], "group": groups.get(a)}
        for a in ids if a in meta
    ]
    per_outlet = Counter(m["outlet"] for m in story["members"])
    story["outlet_counts"] = [{"outlet": o, "articles": n} for o, n in per_outlet.most_common()]
    by_group: dict[str, list[str]] = defaultdict(list)
    for a, g in groups.items():
        by_group[g].append(a)
    story["syndication_groups"] = [{"group": g, "articles": sorted(members)} for g, members in sorted(by_group.items()) if len(members) > 1]
    story["summary"] = story_summary(store, ids, k=summary_sentences, settings=settings, meta=meta, groups=groups)
    story["related"] = related_stories(store, story, ids, settings)
    return story


def story_summary(store: Store, article_ids: Sequence[str], *, k: int | None = None, settings: Settings = DEFAULTS,
                  meta: dict[str, dict[str, Any]] | None = None, groups: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """An extractive summary of these articles (see :mod:`storyline.summary`), with sources.
    ``meta`` and ``groups``: the articles' rows and syndication groups, when the caller has
    read them already."""
    from .summary import SourceSentence, summarize

    if not article_ids:
        return []
    meta = meta if meta is not None else _members_meta(store, article_ids)
    groups = groups if groups is not None else group_ids(store, list(article_ids))
    statement_of: dict[tuple[str, int], tuple[str, int]] = {}
    sentences: list[SourceSentence] = []
    for marks, chunk in store.in_chunks(list(article_ids)):
        for aid, idx, statement, independent in store.rows(
            f"SELECT s.article_id, s.idx, s.statement, t.independent FROM statement_sentences s "
            f"JOIN statements t ON t.id = s.statement WHERE s.article_id IN ({marks})", chunk):
            statement_of[(aid, idx)] = (statement_ref(statement), independent)
        for aid, idx, text in store.rows(
            f"SELECT article_id, idx, text FROM sentences WHERE article_id IN ({marks}) AND kind = 'text' "
            "ORDER BY article_id, idx", chunk):
            ref, independent = statement_of.get((aid, idx), (None, 1))
            sentences.append(SourceSentence(aid, idx, text, meta[aid]["outlet"], ref, independent,
                                            dt.date.fromisoformat(meta[aid]["published"]), groups.get(aid, "")))
    lines = {(aid, idx): line for marks, chunk in store.in_chunks(list(article_ids))
             for aid, idx, line in store.rows(f"SELECT article_id, idx, line FROM sentences WHERE article_id IN ({marks})", chunk)}
    out = []
    for s in summarize(sentences, k, settings):
        out.append({
            "text": s.text, "independent_outlets": s.independent_outlets,
            "sources": [{"article_id": src.article_id, "outlet": src.outlet, "line": lines.get((src.article_id, src.index)),
                         "sentence_index": src.index, "url": meta[src.article_id]["url"],
                         "published": meta[src.article_id]["published"]} for src in s.sources],
        })
    return out
