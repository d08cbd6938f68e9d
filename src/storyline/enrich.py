"""The enrich stage: entities with canonical names, dates, quotes and events, incrementally.

New articles are analysed (``nlp.analyze``; in ``enrich.jobs`` worker processes when there is
enough work), then, in the main process and one transaction per batch, their mentions get
canonical entity ids from the corpus-wide :class:`~storyline.canonical.NameResolver` (whose
state is in the store's name index: read as the batch needs it, written with the batch,
then dropped from memory), quote speakers and event actors/targets are linked to
those entities, and everything is written with the articles marked done. When a later
article shows two entities are one, earlier rows are re-pointed to the surviving id, so the
store always reads as if the corpus had been processed at once.
"""

from __future__ import annotations

import json
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence

from .canonical import NameResolver
from .canonical_index import GENERATION_KIND, bump_generation
from .entity_links import NameIndex, link_event, link_speaker
from .event_antecedents import Reading, in_reading_order
from .event_sightings import party_key
from .executors import OrderedTasks
from .nlp.analyze import ArticleText, Findings, analyze
from .nlp.quote_speakers import cue_key
from .records import Article, Event, Mention, Quote, Span
from .settings import DEFAULTS, Settings
from .store import Store, now_iso
from .store import articles as db

STAGE = "enrich"
RESOLVER_STATE = "canonical.NameResolver"


def run(store: Store, settings: Settings = DEFAULTS, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Enrich every current article not enriched yet; returns counts of what was added."""
    counts = {"articles": 0, "mentions": 0, "entities": 0, "dates": 0, "quotes": 0, "events": 0, "errors": 0}
    pending = db.pending(store, STAGE)
    if not pending:
        return counts
    resolver = load_resolver(store, settings)
    with _Analyses(settings) as analyses:
        for seqs, articles, findings in analyses.batches(store, pending):
            try:
                with store.transaction():
                    added = save_findings(store, resolver, articles, findings, settings)
                    db.mark_done(store, STAGE, seqs)
            except BaseException:
                resolver.forget()  # what it held was rolled back with the batch
                raise
            for key, value in added.items():
                counts[key] += value
            counts["articles"] += len(articles)
            if progress:
                progress(len(articles))
    counts["entities"] = store.scalar("SELECT COUNT(*) FROM entities") or 0
    return counts


# --- analysis, in workers ------------------------------------------------------------------
def article_text(store: Store, article: Article, settings: Settings) -> ArticleText:
    """An article as analysis sees it: text lines, and embed lines with their account."""
    from .embeds import embeds_for

    accounts = {e.sentence_index: e.account for e in embeds_for(store, [article.id]) if e.account}
    return ArticleText(
        id=article.id,
        published=article.published,
        sentences=tuple((s.index, s.text) for s in article.sentences if s.kind == "text"),
        embeds=tuple((s.index, s.text, accounts[s.index]) for s in article.sentences if s.kind == "embed" and s.index in accounts),
        ordered=in_reading_order(article, settings),
    )


def _analyze_task(texts: list[ArticleText], overrides: dict) -> list[Findings]:
    return analyze(texts, Settings(overrides))


class _Analyses:
    """Runs analysis in tasks of ``enrich.task_articles``, here, in ``enrich.jobs`` processes
    or on a Dask cluster (:class:`~storyline.executors.OrderedTasks`: the same tasks in every
    case, so the same findings). The next batch's tasks run while this process writes the
    last batch; the tasks in flight are bounded."""

    def __init__(self, settings: Settings):
        self.settings = settings
        # A pool costs a model load per worker (~1 s): only worth it for three tasks or more.
        self.tasks: OrderedTasks = OrderedTasks(_analyze_task, settings, settings["enrich.jobs"], start_after=3)

    def __enter__(self) -> _Analyses:
        return self

    def __exit__(self, *exc: object) -> None:
        self.tasks.close()

    def batches(self, store: Store, pending: Sequence[int]) -> Iterator[tuple[list[int], list[Article], list[Findings]]]:
        """(sequence numbers, articles, findings) per batch of ``enrich.batch_articles``, in order."""
        size, task = self.settings["enrich.batch_articles"], self.settings["enrich.task_articles"]
        waiting: deque[tuple[list[int], list[Article], list[int]]] = deque()
        found: list[Findings] = []

        def complete(results: Iterable[list[Findings]]) -> Iterator[tuple[list[int], list[Article], list[Findings]]]:
            for result in results:
                found.extend(result)
                while waiting and len(found) >= len(waiting[0][1]):
                    seqs, articles, order = waiting.popleft()
                    batch = [Findings("")] * len(articles)
                    for position, index in enumerate(order):
                        batch[index] = found[position]
                    yield seqs, articles, batch
                    del found[:len(articles)]

        for start in range(0, len(pending), size):
            seqs = list(pending[start:start + size])
            articles = db.load_articles(store, seqs)
            order = copies_together(store, articles)
            texts = [article_text(store, articles[i], self.settings) for i in order]
            waiting.append((seqs, articles, order))
            if not texts:
                yield from complete([[]])
            for i in range(0, len(texts), task):
                yield from complete(self.tasks.put(texts[i:i + task]))
        yield from complete(self.tasks.drain())


def copies_together(store: Store, articles: Sequence[Article]) -> list[int]:
    """Positions of ``articles`` with the members of each syndication group next to each
    other, so one task analyses a wire story's copies together and parses each shared
    sentence once (``nlp.analyze`` processes identical sentences once per task). Findings
    are put back in the articles' own order, so resolution and writing do not change."""
    groups = _group_of(store, [a.id for a in articles])
    first: dict[str, int] = {}
    for i, a in enumerate(articles):
        first.setdefault(groups[a.id], i)
    return sorted(range(len(articles)), key=lambda i: (first[groups[articles[i].id]], i))


# --- resolution and writing, in the main process ------------------------------------------
def load_resolver(store: Store, settings: Settings) -> NameResolver:
    """The corpus-wide resolver, its state in the store's name index (read per batch). A
    store enriched by an earlier version kept the whole state as one JSON value: it is moved
    into the index once, here."""
    if not store.scalar("SELECT 1 FROM stage_state WHERE name = ?", (RESOLVER_STATE,)):
        return NameResolver(settings, store)
    with store.transaction():
        # Read again under the write lock: another process may have moved it meanwhile.
        raw = store.scalar("SELECT state FROM stage_state WHERE name = ?", (RESOLVER_STATE,))
        if not raw:
            return NameResolver(settings, store)
        resolver = NameResolver.from_state(json.loads(raw), settings, store)
        resolver.flush()
        store.execute("DELETE FROM stage_state WHERE name = ?", (RESOLVER_STATE,))
    return resolver


def forget(store: Store) -> None:
    """The corpus-wide resolver's state gone (``storyline enrich --redo``): entities, the
    name index and groups. Re-enriching an article takes back only its mention counts (the
    forms and labels seen stay as history), so without this a redo kept every name an older
    version had made (``Presiden Obama``). The index's generation moves on, so a process
    holding cached entries (a ``storyline watch``) reads them again."""
    for table in ("entities", "name_groups"):
        store.execute(f"DELETE FROM {table}")
    store.execute("DELETE FROM name_index WHERE kind <> ?", (GENERATION_KIND,))
    store.execute("DELETE FROM stage_state WHERE name = ?", (RESOLVER_STATE,))
    bump_generation(store)


def _group_of(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    from .syndication import group_ids

    groups = group_ids(store, list(article_ids))
    return {aid: groups.get(aid, aid) for aid in article_ids}


def save_findings(store: Store, resolver: NameResolver, articles: Sequence[Article], findings: Sequence[Findings],
                  settings: Settings = DEFAULTS) -> dict[str, int]:
    """Resolve entities, link quotes and events to them, and write one batch (call inside a
    transaction)."""
    resolver.begin()
    forgotten = _forget_superseded(store, articles)
    resolver.discount(forgotten)
    groups = _group_of(store, [a.id for a in articles])
    counts = {"mentions": 0, "dates": 0, "quotes": 0, "events": 0, "errors": 0}
    touched: set[str] = set()
    assigned: list[tuple[Findings, list[Mention]]] = []
    resolver.prefetch((f.mentions, groups.get(f.article_id)) for f in findings if not f.error)
    for found in findings:
        if found.error:
            counts["errors"] += 1
            store.execute(
                "INSERT INTO stage_errors (stage, article_id, error, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (stage, article_id) DO UPDATE SET error = excluded.error, at = excluded.at",
                (STAGE, found.article_id, found.error, now_iso()))
            continue
        mentions = resolver.assign(list(found.mentions), groups.get(found.article_id))
        touched.update(m.entity_id for m in mentions if m.entity_id)
        assigned.append((found, mentions))
    names = NameIndex(resolver)
    readings = {a.id: Reading.of(a, settings) for a in articles}
    for found, mentions in assigned:
        _write_mentions(store, mentions)
        _write_timexes(store, found)
        quotes = [link_speaker(q, mentions, names) for q in found.quotes]
        _write_quotes(store, quotes)
        reading = readings.get(found.article_id)
        _write_events(store, [link_event(e, mentions, names, quotes, reading) for e in found.events])
        counts["mentions"] += len(mentions)
        counts["dates"] += len(found.timexes)
        counts["quotes"] += len(found.quotes)
        counts["events"] += len(found.events)
    _remap_merged(store, resolver, resolver.take_merged())
    _write_entities(store, resolver, touched | set(forgotten))
    resolver.flush()
    _recover_speakers(store, [a.id for a in articles])
    return counts


def _forget_superseded(store: Store, articles: Sequence[Article]) -> dict[str, int]:
    """A new version replaces what was found in the old one, and an article enriched again
    (its lines were re-marked by clean) replaces its own earlier findings. Returns the
    mentions dropped per entity (the resolver counts them no more)."""
    keys = [a.url_key for a in articles]
    old: list[str] = [a.id for a in articles]
    for marks, chunk in store.in_chunks(keys):
        old.extend(r[0] for r in store.rows(
            f"SELECT id FROM articles WHERE url_key IN ({marks}) AND is_current = 0", chunk))
    dropped: Counter[str] = Counter()
    for marks, chunk in store.in_chunks(old):
        dropped.update(dict(store.rows(
            f"SELECT entity_id, COUNT(*) FROM mentions WHERE article_id IN ({marks}) AND entity_id <> '' "
            "GROUP BY entity_id", chunk)))
        for table in ("mentions", "timexes", "quotes", "events"):
            store.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", chunk)
        store.execute(f"DELETE FROM stage_errors WHERE stage = 'enrich' AND article_id IN ({marks})", chunk)
    return dict(dropped)


def _span_json(span: Span | None) -> str | None:
    return json.dumps(span.to_dict(), ensure_ascii=False) if span is not None else None


def _write_mentions(store: Store, mentions: Sequence[Mention]) -> None:
    store.executemany(
        "INSERT INTO mentions (article_id, sentence_idx, start_char, end_char, text, label, title, entity_id) VALUES (?,?,?,?,?,?,?,?)",
        [(m.article_id, m.span.sentence_index, m.span.start, m.span.end, m.span.text, m.label, m.title, m.entity_id) for m in mentions],
    )


def _write_timexes(store: Store, found: Findings) -> None:
    store.executemany(
        "INSERT INTO timexes (article_id, sentence_idx, start_char, end_char, text, type, value, granularity, first_day, last_day) "
        "VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(t.article_id, t.span.sentence_index, t.span.start, t.span.end, t.span.text, t.type, t.value, t.granularity,
          t.first_day.isoformat() if t.first_day else None, t.last_day.isoformat() if t.last_day else None)
         for t in found.timexes],
    )


def _write_quotes(store: Store, quotes: Sequence[Quote]) -> None:
    store.executemany(
        "INSERT INTO quotes (article_id, sentence_idx, content, text, cue, speaker, speaker_name, speaker_entity, kind) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        [(q.article_id, q.content[0].sentence_index if q.content else 0,
          json.dumps([c.to_dict() for c in q.content], ensure_ascii=False), q.text,
          _span_json(q.cue), _span_json(q.speaker), q.speaker_name, q.speaker_entity, q.kind) for q in quotes],
    )


def event_key(event: Event) -> str:
    """Events are the same event when type, actor, target and date agree: one event reported
    by twelve outlets is one key with twelve sightings."""
    def who(entity: str, span: Span | None) -> str:
        return party_key(entity, span.text if span else "")

    return "|".join((event.type, who(event.actor_entity, event.actor), who(event.target_entity, event.target),
                     event.date.isoformat() if event.date else "", "neg" if event.negated else ""))


def _write_events(store: Store, events: Sequence[Event]) -> None:
    store.executemany(
        "INSERT INTO events (article_id, sentence_idx, type, mode, actor, target, trigger_span, actor_entity, target_entity, "
        "actor_text, target_text, date, date_source, negated, hedged, score, quad, event_key, date_granularity) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(e.article_id, e.sentence_index, e.type, e.mode, _span_json(e.actor), _span_json(e.target), _span_json(e.trigger),
          e.actor_entity, e.target_entity, e.actor.text if e.actor else "", e.target.text if e.target else "",
          e.date.isoformat() if e.date else None, e.date_source, int(e.negated), int(e.hedged), e.score, e.quad, event_key(e),
          e.date_granularity)
         for e in events],
    )


def _remap_merged(store: Store, resolver: NameResolver, merged: Sequence[str]) -> None:
    """Point rows at the surviving entity of each entity the resolver merged away (in this
    batch, so rows written by this batch or earlier ones)."""
    merged = sorted(set(merged))
    for old in merged:
        new = resolver.canonical_id(old)
        store.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (new, old))
        store.execute("UPDATE quotes SET speaker_entity = ? WHERE speaker_entity = ?", (new, old))
        store.execute("UPDATE events SET actor_entity = ? WHERE actor_entity = ?", (new, old))
        store.execute("UPDATE events SET target_entity = ? WHERE target_entity = ?", (new, old))
        store.execute("UPDATE events SET target_entity = '' WHERE target_entity = ? AND actor_entity = ?", (new, new))
        store.execute("DELETE FROM entities WHERE id = ?", (old,))
    # Event keys embed entity ids: recompute those that named a merged entity.
    if merged:
        _rekey_events(store, [resolver.canonical_id(m) for m in merged])


def _rekey_events(store: Store, entity_ids: Sequence[str]) -> None:
    for marks, chunk in store.in_chunks(list(set(entity_ids))):
        rows = store.query(
            f"SELECT id, type, actor, target, actor_entity, target_entity, date, negated FROM events "
            f"WHERE actor_entity IN ({marks}) OR target_entity IN ({marks})", [*chunk, *chunk])
        for r in rows:
            probe = Event("", 0, r["type"], "", _span(r["actor"]), _span(r["target"]), None, r["actor_entity"],
                          r["target_entity"], _day(r["date"]), negated=bool(r["negated"]))
            store.execute("UPDATE events SET event_key = ? WHERE id = ?", (event_key(probe), r["id"]))


def _span(raw: str | None) -> Span | None:
    return Span.from_dict(json.loads(raw)) if raw else None


def _day(raw: str | None):
    import datetime as dt

    return dt.date.fromisoformat(raw) if raw else None


def _write_entities(store: Store, resolver: NameResolver, ids: set[str]) -> None:
    rows, gone = [], []
    for eid in sorted({resolver.canonical_id(i) for i in ids}):
        entity = resolver.entity(eid)
        if entity is None:
            continue
        if not entity.mentions:  # every article that named it was enriched again without it
            gone.append((entity.id,))
            continue
        rows.append((entity.id, entity.name, entity.label, json.dumps(list(entity.variants), ensure_ascii=False), entity.mentions))
    store.executemany(
        "INSERT INTO entities (id, name, label, variants, mentions) VALUES (?,?,?,?,?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, label = excluded.label, "
        "variants = excluded.variants, mentions = excluded.mentions",
        rows,
    )
    store.executemany("DELETE FROM entities WHERE id = ?", gone)


def _recover_speakers(store: Store, article_ids: Sequence[str]) -> None:
    """Fill ``unknown`` speakers from another article's attribution of the same statement
    (shuffled copies lose the line that names the speaker), in both directions: a new
    article can be the one that lacks or the one that knows. The donor is the same quote in
    the copy, with the same cue: the ``said`` beside an ``Asked about X, Y said`` or a
    sourceless ``seems`` does not make its speaker theirs."""
    from .statements import same_statement

    rows: list[dict] = []
    for marks, chunk in store.in_chunks(list(article_ids)):
        rows.extend(store.query(
            f"SELECT id, article_id, sentence_idx, speaker_name, speaker_entity, cue FROM quotes WHERE article_id IN ({marks})", chunk))
    for row in rows:
        others = same_statement(store, row["article_id"], row["sentence_idx"])
        if not others:
            continue
        cue = _cue_words(row["cue"])
        if row["speaker_name"] == "unknown":
            known = _known_speakers(store, others, cue)
            if len(known) == 1:
                (name, (entity, source)), = known.items()
                store.execute("UPDATE quotes SET speaker_name = ?, speaker_entity = ?, recovered_from = ? WHERE id = ?",
                              (name, entity, source, row["id"]))
            continue
        for aid, idx in others:
            for other in store.query(
                    "SELECT id, cue FROM quotes WHERE article_id = ? AND sentence_idx = ? AND speaker_name = 'unknown'",
                    (aid, idx)):
                if _cue_words(other["cue"]) == cue:
                    store.execute(
                        "UPDATE quotes SET speaker_name = ?, speaker_entity = ?, recovered_from = ? WHERE id = ?",
                        (row["speaker_name"], row["speaker_entity"], f"{row['article_id']}.{row['sentence_idx']}", other["id"]))


def _cue_words(raw: str | None) -> str:
    """A quote's cue as words, lower case (the stored cue is a span's JSON)."""
    span = _span(raw)
    return cue_key(span.text) if span is not None else ""


def _known_speakers(store: Store, places: Sequence[tuple[str, int]], cue: str) -> dict[str, tuple[str, str]]:
    """Named speakers of the quotes with the cue ``cue`` at ``places`` (copies of a sentence)."""
    known: dict[str, tuple[str, str]] = {}
    for aid, idx in places:
        for r in store.query(
            "SELECT speaker_name, speaker_entity, cue FROM quotes WHERE article_id = ? AND sentence_idx = ? "
            "AND speaker_name != 'unknown' AND recovered_from IS NULL", (aid, idx)):
            if _cue_words(r["cue"]) == cue:
                known.setdefault(r["speaker_name"], (r["speaker_entity"], f"{aid}.{idx}"))
    return known

