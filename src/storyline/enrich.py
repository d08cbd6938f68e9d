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
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence

from .canonical import NameResolver
from .event_antecedents import GROUP_PRONOUNS, PERSON_PRONOUNS, Reading, group_for, in_reading_order, person_for
from .executors import OrderedTasks
from .nlp.analyze import ArticleText, Findings, analyze
from .nlp.event_args import spells_pronoun
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


def _group_of(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    from .syndication import group_ids

    groups = group_ids(store, list(article_ids))
    return {aid: groups.get(aid, aid) for aid in article_ids}


def save_findings(store: Store, resolver: NameResolver, articles: Sequence[Article], findings: Sequence[Findings],
                  settings: Settings = DEFAULTS) -> dict[str, int]:
    """Resolve entities, link quotes and events to them, and write one batch (call inside a
    transaction)."""
    resolver.begin()
    _forget_superseded(store, articles)
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
    names = _NameIndex(resolver)
    readings = {a.id: Reading.of(a, settings) for a in articles}
    for found, mentions in assigned:
        _write_mentions(store, mentions)
        _write_timexes(store, found)
        quotes = [_link_speaker(q, mentions, names) for q in found.quotes]
        _write_quotes(store, quotes)
        reading = readings.get(found.article_id)
        _write_events(store, [_link_event(e, mentions, names, quotes, reading) for e in found.events])
        counts["mentions"] += len(mentions)
        counts["dates"] += len(found.timexes)
        counts["quotes"] += len(found.quotes)
        counts["events"] += len(found.events)
    _remap_merged(store, resolver, resolver.take_merged())
    _write_entities(store, resolver, touched)
    resolver.flush()
    _recover_speakers(store, [a.id for a in articles])
    return counts


def _forget_superseded(store: Store, articles: Sequence[Article]) -> None:
    """A new version replaces what was found in the old one, and an article enriched again
    (its lines were re-marked by clean) replaces its own earlier findings."""
    keys = [a.url_key for a in articles]
    old: list[str] = [a.id for a in articles]
    for marks, chunk in store.in_chunks(keys):
        old.extend(r[0] for r in store.rows(
            f"SELECT id FROM articles WHERE url_key IN ({marks}) AND is_current = 0", chunk))
    for marks, chunk in store.in_chunks(old):
        for table in ("mentions", "timexes", "quotes", "events"):
            store.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", chunk)
        store.execute(f"DELETE FROM stage_errors WHERE stage = 'enrich' AND article_id IN ({marks})", chunk)


def _overlapping(span: Span | None, mentions: Sequence[Mention], prefer_person: bool = False) -> Mention | None:
    """The longest mention overlapping ``span``; with ``prefer_person``, a person's full name
    first (a speaker written "Dr Ada Roth, Director General of the Harbour Health
    Agency" or "the head of the agency, Ada Roth" is Roth, not the organisation; a
    one-word "person" such as "Lorry" of "Lorry drivers in Eskeby" is not preferred)."""
    if span is None:
        return None
    best = None

    def rank(m: Mention) -> tuple[bool, int]:
        return (prefer_person and m.label == "PERSON" and " " in m.span.text.strip(), m.span.end - m.span.start)

    for m in mentions:
        if _overlaps(span, m) and (best is None or rank(m) > rank(best)):
            best = m
    return best


def _overlaps(span: Span, m: Mention) -> bool:
    s = m.span
    return s.sentence_index == span.sentence_index and s.start < span.end and span.start < s.end


def _by_name(name: str, mentions: Sequence[Mention]) -> Mention | None:
    """A mention of the article whose text is the speaker's name (or its last word)."""
    if not name or name == "unknown":
        return None
    for m in mentions:
        if m.span.text == name:
            return m
    last = name.split()[-1]
    candidates = {m.entity_id for m in mentions if m.label == "PERSON" and m.span.text.split()[-1] == last}
    if len(candidates) == 1:
        return next(m for m in mentions if m.entity_id in candidates)
    return None


class _NameIndex:
    """Entity ids by every name form the resolver has seen, for spans the model did not tag
    as names in that sentence (a surname at the start of a sentence, say): a form that
    belongs to exactly one entity links to it; an ambiguous one links to nothing."""

    _HONORIFICS = ("Mr ", "Mrs ", "Ms ", "Miss ", "Dr ", "Mr. ", "Mrs. ", "Ms. ", "Dr. ")

    def __init__(self, resolver: NameResolver):
        self.resolver = resolver

    def lookup(self, text: str) -> str:
        text = text.strip()
        for prefix in self._HONORIFICS:
            if text.startswith(prefix):
                text = text[len(prefix):]
        return self.resolver.named(text)


# A speaker written as the agents or voice of a name ("a Pentagon spokesman", "Arnholt border
# guards", "Northford estimates") is linked to that name; other descriptions that mention a
# name ("Gadhafi son", "the mother of a woman who ... X", "residents of Eskeby") are not it.
_AGENTS = frozenset(
    "spokesman spokeswoman spokesperson spokesmen spokeswomen official officials representative "
    "representatives envoy envoys ambassador diplomat diplomats source sources statement police "
    "troops forces guards military army government authorities estimates figures media "
    "negotiators delegation leader leaders".split())
# Words before a name inside a speaker phrase that make the name something else than the head.
_NOT_HEAD_BEFORE = frozenset("of for to with from by who whom whose that which at in on near against about and or".split())
_SPEAKS_FOR = re.compile(
    r"\b(?:spokes(?:man|woman|person|men|women)|representatives?|envoys?|ambassadors?|officials?)\s+(?:for|of|to)\s+(?P<rest>.*)$",
    re.IGNORECASE)


def _names_the_speaker(speaker: Span, m: Mention) -> bool:
    """Whether mention ``m`` inside the speaker phrase is who speaks: the phrase's head
    ("Norland leader Tomas Hale", "Ada Roth, Director General of ...", "the head of
    the agency, Ada Roth") or a name its agents or representative speak for ("a Pentagon
    spokesman", "Arnholt border guards", "a spokesman for X")."""
    text = speaker.text
    start, end = max(0, m.span.start - speaker.start), max(0, m.span.end - speaker.start)
    before, after = text[:start].rsplit(",", 1)[-1], text[end:].strip()
    blocked = bool(set(before.lower().split()) & _NOT_HEAD_BEFORE)
    if not blocked and (not after or after.startswith(",")):
        return True
    after_words = [w.strip(",.;:").lower() for w in after.split()]
    if not blocked and after_words and after_words[-1] in _AGENTS and not set(after_words) & _NOT_HEAD_BEFORE:
        return True
    found = _SPEAKS_FOR.search(before)
    return found is not None and not set(found.group("rest").lower().split()) & _NOT_HEAD_BEFORE


def _link_speaker(quote: Quote, mentions: Sequence[Mention], names: _NameIndex) -> Quote:
    speaker = quote.speaker
    heads = [] if speaker is None else [
        m for m in mentions if _overlaps(speaker, m) and _names_the_speaker(speaker, m)]
    found = _overlapping(speaker, heads, prefer_person=True)
    written = quote.speaker_name
    if found is None and (speaker is None or written.lower() != speaker.text.lower()
                          or all(w[:1].isupper() for w in written.split())):
        # a name the tagger missed here, or one resolved for a pronoun or a role ("the mayor
        # of Eskeby" -> Tom Pryce), is written elsewhere in the article; a description as
        # written ("the leaders of Northford and Arnholt") names no one
        found = _by_name(written, mentions)
    if found is not None and found.entity_id:
        return quote.replace(speaker_entity=found.entity_id)
    entity = names.lookup(quote.speaker_name) if quote.speaker_name != "unknown" else ""
    return quote.replace(speaker_entity=entity) if entity else quote


# First-person words: inside a quote, the speaker ("We will impose sanctions, Hale said").
_FIRST_PERSON = frozenset("i me we us".split())


# Nouns of a person's relation to someone: a name that owns one ("Assads father", "Obama's
# wife", "Gadhafi's lawyer") or follows one with "of" ("the son of Gadhafi") is not who acts.
_RELATIONS = frozenset(
    "father mother son daughter sons daughters wife husband brother brothers sister sisters uncle aunt "
    "cousin cousins nephew niece widow widower family relatives parents children grandson granddaughter "
    "grandfather grandmother fiance fiancee girlfriend boyfriend lawyer lawyers attorney attorneys "
    "biographer rival rivals opponent opponents critic critics victim victims successor predecessor "
    "killer killers assassin kidnappers captors".split())
_OWNER_MARK = re.compile(r"^(?:['’]s?)?\s+")
# "the Tarsk-based league", "US-backed rebels": the name says where from or who backs them;
# the phrase names the league or the rebels ("-led" is left out: a "Saudi-led coalition" acts
# as its leader's)
_MODIFYING_NAME = re.compile(
    r"^\s*-\s*(?:based|backed|born|funded|financed|owned|run|made|brokered|sponsored|allied|aligned|"
    r"trained|armed|supported|linked|inspired|bound)\b", re.IGNORECASE)


def _relation_of(span: Span, m: Mention) -> bool:
    """Whether ``m`` inside an actor or target ``span`` names someone the span is a relation
    of (``Assads father``, ``the son of Gadhafi``) or only qualifies it (``the Tarsk-based
    league``), not the actor or target itself."""
    text = span.text
    start, end = m.span.start - span.start, m.span.end - span.start
    if _MODIFYING_NAME.match(text[end:]):
        return True
    after = _OWNER_MARK.sub("", text[end:], count=1).split()
    if after and after[0].lower().strip(",.;:") in _RELATIONS:
        return True
    before = text[:max(0, start)].lower().split()
    return len(before) >= 2 and before[-1] == "of" and before[-2].strip(",") in _RELATIONS


def _link_event(event: Event, mentions: Sequence[Mention], names: _NameIndex,
                quotes: Sequence[Quote] = (), reading: Reading | None = None) -> Event:
    def link(span: Span | None) -> str:
        if span is None:
            return ""
        inside = [m for m in mentions if _overlaps(span, m)]
        found = _overlapping(span, [m for m in inside if not _relation_of(span, m)])
        if found is not None and found.entity_id:
            return found.entity_id
        if inside:
            return ""  # the names in it are someone's relations: not the lookup's to guess
        return names.lookup(span.text)

    actor, target = link(event.actor), link(event.target)
    # a first-person word in a quote is its speaker, unless that makes the event the
    # speaker's own doing to the speaker
    if not actor and event.actor is not None and _first_person(event.actor.text):
        actor = _speaker_of(event.actor, quotes)
        actor = "" if actor == target else actor
    if not target and event.target is not None and _first_person(event.target.text):
        target = _speaker_of(event.target, quotes)
        target = "" if target == actor else target
    if not target and event.target is not None and event.target.text.lower() in PERSON_PRONOUNS:
        target = person_for(event.target, mentions, actor, names.resolver, reading)
    if not actor and event.actor is not None and event.actor.text.lower() in PERSON_PRONOUNS:
        actor = person_for(event.actor, mentions, target, names.resolver, reading)
    if not actor and event.actor is not None and spells_pronoun(event.actor.text, GROUP_PRONOUNS):
        actor = group_for(event.actor, mentions, target, reading)  # "The Arnholt army ... [It] said"
    if target == actor:
        target = ""  # nothing is done by an entity to itself in the dyads ("Turkey backs Turkeys decision")
    return event.replace(actor_entity=actor, target_entity=target)


def _first_person(text: str) -> bool:
    """I, me, we, us, in any case but capitals ("US" is the country)."""
    return spells_pronoun(text, _FIRST_PERSON)


def _speaker_of(span: Span, quotes: Sequence[Quote]) -> str:
    """The linked speaker of the quote whose content holds ``span``, or ``""``."""
    for q in quotes:
        if q.speaker_entity and any(c.sentence_index == span.sentence_index and c.start <= span.start
                                    and span.end <= c.end for c in q.content):
            return q.speaker_entity
    return ""


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
        return entity or (" ".join(span.text.lower().split()) if span else "")

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
    rows = []
    for eid in sorted({resolver.canonical_id(i) for i in ids}):
        entity = resolver.entity(eid)
        if entity is None:
            continue
        rows.append((entity.id, entity.name, entity.label, json.dumps(list(entity.variants), ensure_ascii=False), entity.mentions))
    store.executemany(
        "INSERT INTO entities (id, name, label, variants, mentions) VALUES (?,?,?,?,?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, label = excluded.label, "
        "variants = excluded.variants, mentions = excluded.mentions",
        rows,
    )


def _recover_speakers(store: Store, article_ids: Sequence[str]) -> None:
    """Fill ``unknown`` speakers from another article's attribution of the same statement
    (shuffled copies lose the line that names the speaker), in both directions: a new
    article can be the one that lacks or the one that knows."""
    from .statements import same_statement

    rows: list[dict] = []
    for marks, chunk in store.in_chunks(list(article_ids)):
        rows.extend(store.query(
            f"SELECT id, article_id, sentence_idx, speaker_name, speaker_entity FROM quotes WHERE article_id IN ({marks})", chunk))
    for row in rows:
        others = same_statement(store, row["article_id"], row["sentence_idx"])
        if not others:
            continue
        known = _known_speakers(store, others)
        if row["speaker_name"] == "unknown" and len(known) == 1:
            (name, (entity, source)), = known.items()
            store.execute("UPDATE quotes SET speaker_name = ?, speaker_entity = ?, recovered_from = ? WHERE id = ?",
                          (name, entity, source, row["id"]))
        elif row["speaker_name"] != "unknown":
            for aid, idx in others:
                store.execute(
                    "UPDATE quotes SET speaker_name = ?, speaker_entity = ?, recovered_from = ? "
                    "WHERE article_id = ? AND sentence_idx = ? AND speaker_name = 'unknown'",
                    (row["speaker_name"], row["speaker_entity"], f"{row['article_id']}.{row['sentence_idx']}", aid, idx))


def _known_speakers(store: Store, places: Sequence[tuple[str, int]]) -> dict[str, tuple[str, str]]:
    known: dict[str, tuple[str, str]] = {}
    for aid, idx in places:
        for r in store.query(
            "SELECT speaker_name, speaker_entity FROM quotes WHERE article_id = ? AND sentence_idx = ? "
            "AND speaker_name != 'unknown' AND recovered_from IS NULL", (aid, idx)):
            known.setdefault(r["speaker_name"], (r["speaker_entity"], f"{aid}.{idx}"))
    return known

