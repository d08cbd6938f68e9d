"""Reading back what enrich found: entities, quotes, events, dates, with their sources.

Every listing counts sources honestly: ``independent_outlets`` counts outlets, and copies in
one syndication group count once (``statements.count_independent``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .errors import NotFound, UsageError, check_day_range
from .event_sightings import picked_events
from .peoples import countries_of, peoples_of
from .speaker_names import canonical_speakers
from .statements import count_independent
from .store import Store
from .store.articles import article_filters

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def _story_articles(store: Store, story: str | None) -> list[str] | None:
    if not story:
        return None
    from .story_store import story_article_ids

    return story_article_ids(store, story)


def _in_articles(column: str, ids: list[str] | None, params: list[Any]) -> str:
    if ids is None:
        return ""
    if not ids:
        return " AND 1 = 0"
    params.extend(ids)
    return f" AND {column} IN ({','.join('?' * len(ids))})"


# --- entities --------------------------------------------------------------------------
# The name labels an entity can have: spaCy's (OntoNotes) and storyline's DISEASE; which
# of them are kept is the setting entities.labels.
NAME_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "DISEASE")


def list_entities(store: Store, *, label: str | None = None, query: str | None = None,
                  story: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Canonical entities, most mentioned first, with their name variants."""
    params: list[Any] = []
    where = "WHERE 1 = 1"
    if label:
        if label.upper() not in NAME_LABELS:
            raise UsageError(f"unknown entity label {label!r}; labels are {', '.join(NAME_LABELS)}")
        where += " AND e.label = ?"
        params.append(label.upper())
    if query:
        where += " AND (LOWER(e.name) LIKE ? OR LOWER(e.variants) LIKE ?)"
        params += [f"%{query.lower()}%"] * 2
    ids = _story_articles(store, story)
    if ids is not None:
        where += " AND e.id IN (SELECT entity_id FROM mentions WHERE 1 = 1" + _in_articles("article_id", ids, params) + ")"
    rows = store.query(
        f"SELECT e.id, e.name, e.label, e.mentions, e.variants FROM entities e {where} "
        f"ORDER BY e.mentions DESC, e.name LIMIT {int(limit)} OFFSET {int(offset)}", params)
    for row in rows:
        row["variants"] = json.loads(row["variants"])
        row["articles"] = store.scalar("SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_id = ?", (row["id"],))
    return rows


def resolve_entity(store: Store, ref: str) -> dict[str, Any]:
    """An entity by id, exact name, or a unique name/variant match."""
    row = store.query_one("SELECT id, name, label, mentions, variants FROM entities WHERE id = ?", (ref,))
    if row is None:
        rows = store.query("SELECT id, name, label, mentions, variants FROM entities WHERE LOWER(name) = ? "
                           "ORDER BY mentions DESC", (ref.lower(),))
        if not rows:
            rows = store.query("SELECT id, name, label, mentions, variants FROM entities WHERE LOWER(variants) LIKE ? "
                               "ORDER BY mentions DESC LIMIT 5", (f'%"{ref.lower()}"%',))
        if not rows:
            raise NotFound(f"no entity {ref!r}; `storyline entities` lists them")
        row = rows[0]
    row["variants"] = json.loads(row["variants"])
    return row


# Punctuation read as a word break when a user's name is looked for in a text (JSON quotes
# of the variants list too): "NATO's", "(NATO)", "NATO," all contain the word NATO.
_WORD_BREAKS = "\"',.;:()[]!?-/"


# A user types the apostrophes a crawl stripped: a name looked for with them is also looked
# for as the crawl wrote it ("Libyas rebels") and as a stripped possessive is named
# ("Libya rebels", speaker_names).
_APOSTROPHES = re.compile("['\u2019]")
_POSSESSIVE = re.compile("['\u2019]s\\b", re.I)


def _without_apostrophes(ref: str) -> list[str]:
    """``ref`` as a crawl stores it: apostrophes dropped, then a possessive's ``'s`` too."""
    if not _APOSTROPHES.search(ref):
        return []
    return [_APOSTROPHES.sub("", ref), _APOSTROPHES.sub("", _POSSESSIVE.sub("", ref))]


def _words_of(expression: str) -> str:
    """SQL: the lower-cased text of ``expression`` with punctuation as spaces and a space at
    each end, so that ``LIKE '% word %'`` finds whole words (SQLite and PostgreSQL alike)."""
    sql = f"LOWER({expression})"
    for ch in _WORD_BREAKS:
        sql = f"REPLACE({sql}, '{ch * 2 if ch == chr(39) else ch}', ' ')"
    return f"(' ' || {sql} || ' ')"


def _word_pattern(ref: str) -> str:
    """The LIKE pattern of ``ref`` as whole words (LIKE's own wildcards in it match themselves
    only approximately: they are read as word breaks)."""
    words = "".join(" " if ch in _WORD_BREAKS or ch in "%_" else ch for ch in ref.lower()).split()
    return "% " + " ".join(words) + " %"


def entity_ids_for(store: Store, ref: str) -> list[str]:
    """Entity ids a user's name refers to (for --speaker / --actor filters): ids, names and
    variants matched without case, a variant as whole words ("NATO" is not in "Senator
    Inhofe"); every entity that matches."""
    ids = {r[0] for r in store.rows("SELECT id FROM entities WHERE id = ? OR LOWER(name) = ?", (ref, ref.lower()))}
    pattern = _word_pattern(ref)
    if not ids and pattern.strip("% "):
        ids = {r[0] for r in store.rows(f"SELECT id FROM entities WHERE {_words_of('variants')} LIKE ?", (pattern,))}
    return sorted(ids)


def _with_peoples(store: Store, ids: list[str]) -> list[str]:
    """``ids`` with the people of each country among them and the country of each people
    (:mod:`storyline.peoples`): ``Syrian forces`` acted for Syria."""
    wanted: dict[str, set[str]] = {"NORP": set(), "GPE": set()}
    for marks, chunk in store.in_chunks(ids):
        for row in store.query(f"SELECT name, label FROM entities WHERE id IN ({marks})", chunk):
            if row["label"] in ("GPE", "LOC"):
                wanted["NORP"] |= peoples_of(row["name"])
            elif row["label"] == "NORP":
                wanted["GPE"] |= countries_of(row["name"])
    out = set(ids)
    for label, names in wanted.items():
        for marks, chunk in store.in_chunks(sorted(names)):
            out |= {r[0] for r in store.rows(
                f"SELECT id FROM entities WHERE label = ? AND LOWER(name) IN ({marks})", [label, *chunk])}
    return sorted(out)


def _who(store: Store, text_column: str, entity_column: str, ref: str, params: list[Any],
         peoples: bool = False) -> str:
    """The SQL condition "``ref`` names this speaker / actor / target": its entity (ids,
    names and variants, :func:`entity_ids_for`) or the text as written, as whole words
    ("NATO" is not the actor "Senator Inhofe"), with or without the ref's apostrophes
    ("Libya's rebels" finds the stripped "Libyas rebels" and its name "Libya rebels"). A
    ref that is an entity id is that entity only, read by the column's index. With
    ``peoples``, a country also stands for its people and a people for its country
    (:func:`_with_peoples`)."""
    ids = entity_ids_for(store, ref)
    if peoples and ids:
        ids = _with_peoples(store, ids)
    if ids == [ref]:
        params.append(ref)
        return f"{entity_column} = ?"
    if peoples and ref in ids:
        params.extend(ids)
        return f"{entity_column} IN ({','.join('?' * len(ids))})"
    pattern = _word_pattern(ref)
    if not pattern.strip("% "):
        return "1 = 0"  # punctuation alone names no one
    clause = f"{_words_of(text_column)} LIKE ?"
    params.append(pattern)
    for other in dict.fromkeys(_word_pattern(v) for v in _without_apostrophes(ref)):
        if other != pattern:
            clause += f" OR {_words_of(text_column)} LIKE ?"
            params.append(other)
    if ids:
        clause += f" OR {entity_column} IN ({','.join('?' * len(ids))})"
        params.extend(ids)
    return f"({clause})"


# --- provenance -------------------------------------------------------------------------
def _sources(store: Store, places: Sequence[tuple[str, int]],
             texts: dict[tuple[str, int], str] | None = None) -> list[dict[str, Any]]:
    """Where sentences were published: article, outlet, URL, date, line, syndication group.
    ``texts``, when given, receives each sentence's text (read with its line)."""
    if not places:
        return []
    from .syndication import group_ids

    ids = sorted({aid for aid, _ in places})
    meta: dict[str, dict[str, Any]] = {}
    for marks, chunk in store.in_chunks(ids):
        for r in store.query(f"SELECT id, outlet, url, published, title FROM articles WHERE id IN ({marks})", chunk):
            meta[r["id"]] = r
    groups = group_ids(store, ids)
    lines: dict[tuple[str, int], int] = {}
    for aid, idx in places:
        found = store.rows("SELECT line, text FROM sentences WHERE article_id = ? AND idx = ?", (aid, idx))
        lines[(aid, idx)] = found[0][0] if found else None
        if texts is not None and found:
            texts[(aid, idx)] = found[0][1]
    out = []
    for aid, idx in places:
        m = meta.get(aid)
        if m is None:
            continue
        out.append({"article_id": aid, "sentence_index": idx, "line": lines[(aid, idx)], "outlet": m["outlet"],
                    "url": m["url"], "published": m["published"], "title": m["title"], "group": groups.get(aid)})
    return out


def independent(sources: Sequence[dict[str, Any]]) -> int:
    return count_independent((s["outlet"], s.get("group")) for s in sources)


# --- quotes ---------------------------------------------------------------------------------
# Kinds of quote (records.Quote.kind): words said, a social post, or a view held.
QUOTE_KINDS = ("direct", "indirect", "mixed", "embed", "stance")


def quote_kinds(text: str | None) -> tuple[str, ...]:
    """Kinds of quote from a comma-separated list (``direct,indirect``); () for all."""
    kinds = tuple(k.strip().lower() for k in (text or "").split(",") if k.strip())
    unknown = [k for k in kinds if k not in QUOTE_KINDS]
    if unknown:
        raise UsageError(f"unknown quote kind {unknown[0]!r}; kinds are {', '.join(QUOTE_KINDS)} "
                         "(stance: a view held, not words said)")
    return kinds


def quote_filter(store: Store, speaker: str | None, story: str | None, article: str | None,
                  known_only: bool, kinds: Sequence[str] = (), since: dt.date | None = None,
                  until: dt.date | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) of a quote listing. ``since``/``until`` bound the
    publication day of the article carrying the quote (a quote is dated by its report)."""
    params: list[Any] = []
    clauses = ["a.is_current = 1"]
    article_filters(clauses, params, since=since, until=until, table="a")
    where = "WHERE " + " AND ".join(clauses)
    if kinds:
        where += f" AND q.kind IN ({', '.join('?' for _ in kinds)})"
        params.extend(kinds)
    if speaker:
        where += " AND " + _who(store, "q.speaker_name", "q.speaker_entity", speaker, params)
    if article:
        where += " AND q.article_id = ?"
        params.append(article)
    if known_only:
        where += " AND q.speaker_name != 'unknown'"
    where += _in_articles("q.article_id", _story_articles(store, story), params)
    return where, params


def list_quotes(store: Store, *, speaker: str | None = None, story: str | None = None, article: str | None = None,
                known_only: bool = False, limit: int = 100, after: int | None = None,
                kinds: Sequence[str] = (), since: dt.date | None = None,
                until: dt.date | None = None) -> list[dict[str, Any]]:
    """Quotes with speaker and provenance, one row per article that carries them, in the
    order they were found (so ``after``, a quote id, pages through them); ``speaker`` matches
    entities or names as written; ``kinds`` keeps only those kinds (:data:`QUOTE_KINDS`);
    ``since``/``until`` the articles published in those days (:func:`quote_filter`).
    :func:`distinct_quotes` lists each statement once."""
    where, params = quote_filter(store, speaker, story, article, known_only, kinds, since, until)
    if after is not None:
        where += " AND q.id > ?"
        params.append(after)
    rows = store.query(
        "SELECT q.id, q.article_id, q.sentence_idx, q.text, q.content, q.cue, q.speaker, q.speaker_name, q.speaker_entity, "
        "q.kind, q.recovered_from, a.published, a.outlet, a.url FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"{where} ORDER BY q.id LIMIT {int(limit)}", params)
    for row in rows:
        content = json.loads(row.pop("content"))
        row["lines"] = sorted({store.scalar("SELECT line FROM sentences WHERE article_id = ? AND idx = ?",
                                            (row["article_id"], c["sentence_index"])) for c in content})
        row["cue"] = span_text(row["cue"])
        row["speaker_as_written"] = span_text(row.pop("speaker")) if row["speaker"] else None
    return shown_texts(canonical_speakers(store, rows), ("speaker_name",), _DESCRIBED_SPEAKER)


def span_text(stored: str | None) -> str | None:
    """The text of a span stored as JSON (a quote's cue or speaker), or None."""
    return json.loads(stored)["text"] if stored else None


# Who said it, for grouping: the speaker's entity, else the name as resolved ("unknown" too).
WHO = "COALESCE(NULLIF(q.speaker_entity, ''), 'name:' || LOWER(q.speaker_name))"


def distinct_quotes(store: Store, *, speaker: str | None = None, story: str | None = None,
                    article: str | None = None, known_only: bool = False, limit: int = 100,
                    after: int | None = None, kinds: Sequence[str] = (),
                    most_reported: bool = False, since: dt.date | None = None,
                    until: dt.date | None = None) -> list[dict[str, Any]]:
    """Who said what, each statement once: quotes with the same speaker and the same words
    (letter case aside) are one row, with every article that carries them (``sources``), how
    many (``reports``) and how many independent outlets (copies of one syndication group
    count once). A wire quote on six local sites is one row, ``independent_outlets`` 1.
    Rows come in the order their first copy was found; ``id`` is that copy's quote id and
    ``after`` pages on it. ``published`` is the first publication. ``kinds``, ``since`` and
    ``until``: as in :func:`list_quotes` (a statement is listed with its copies in those days). With ``most_reported``, the statements with the most ``reports`` (the
    sentences carrying them) come first, then in the order found: the ``limit`` a page shows of
    a speaker quoted thousands of times, not the first found; among statements carried by as
    many sentences, talk without content comes last (as on a story page:
    :func:`storyline.views.story_speakers`); such a listing does not page."""
    if most_reported and after is not None:
        raise UsageError("a most-reported listing of quotes does not page: leave out the cursor (after)")
    where, params = quote_filter(store, speaker, story, article, known_only, kinds, since, until)
    having = ""
    if after is not None:
        having = "HAVING MIN(q.id) > ?"
        params = [*params, after]
    # reports: the distinct sentences carrying it, as ``reports`` counts them
    order = ("COUNT(DISTINCT q.article_id || '/' || CAST(q.sentence_idx AS TEXT)) DESC, MIN(q.id)"
             if most_reported else "MIN(q.id)")
    # most reported: twice the limit is read, so that talk without content can give way to
    # statements carried by as many sentences (a presenter's "Welcome back" in five transcripts)
    read = int(limit) * (2 if most_reported else 1)
    groups = store.query(
        f"SELECT MIN(q.id) AS id, {quote_ids(store)} AS ids FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"{where} GROUP BY {WHO}, LOWER(q.text) {having} ORDER BY {order} LIMIT {read}", params)
    rows = quote_groups(store, groups)
    if most_reported:
        from .timeline_chatter import broadcast_furniture, without_content

        rows = sorted(rows, key=lambda q: (-q["reports"], without_content(q["text"]) or broadcast_furniture(q["text"])))
    return rows[:int(limit)]


def quote_ids(store: Store) -> str:
    """The SQL aggregate listing a group's quote ids, comma-separated."""
    return "GROUP_CONCAT(q.id)" if store.dialect == "sqlite" else "STRING_AGG(CAST(q.id AS TEXT), ',')"


def quote_groups(store: Store, groups: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of :func:`distinct_quotes` for groups of quotes (``id``: the first; ``ids``: every
    quote id, comma-separated), in the order given: the copies are read by id."""
    if not groups:
        return []
    members: dict[int, dict[str, Any]] = {}
    for marks, chunk in store.in_chunks(sorted({int(i) for g in groups for i in g["ids"].split(",")})):
        for r in store.query(
                "SELECT q.id, q.article_id, q.sentence_idx, q.text, q.cue, q.speaker, q.speaker_name, q.speaker_entity, q.kind, "
                f"a.published FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id IN ({marks})", chunk):
            members[r["id"]] = r
    out = []
    for g in groups:
        rows = [members[i] for i in sorted(int(i) for i in g["ids"].split(","))]
        head = rows[0]
        sources = _sources(store, sorted({(r["article_id"], r["sentence_idx"]) for r in rows}))
        out.append({
            "id": g["id"], "speaker_name": head["speaker_name"], "speaker_entity": head["speaker_entity"],
            "speaker_as_written": span_text(head["speaker"]),
            "text": head["text"], "cue": span_text(head["cue"]),
            "kind": head["kind"], "published": min(r["published"] for r in rows),
            "reports": len(sources), "independent_outlets": independent(sources), "sources": sources,
        })
    return shown_texts(canonical_speakers(store, out), ("speaker_name",), _DESCRIBED_SPEAKER)


# A quote's speaker shown as a reader reads it when it is a description (no entity).
_DESCRIBED_SPEAKER = (("speaker_name", "speaker_entity"),)


def shown_texts(rows: list[dict[str, Any]], name_fields: Sequence[str] = (),
                described: Sequence[tuple[str, str]] = ()) -> list[dict[str, Any]]:
    """``rows`` with each ``text`` as a reader is shown it: the apostrophes a crawl stripped
    put back, names learnt from the rows' texts together and from their ``name_fields``
    (:class:`storyline.shown_text.Restorer`). ``described``: (name field, entity field)
    pairs whose name is a description as written when the entity is empty (``the countrys
    foreign minister``), shown so too; an entity's canonical name stays as it is (filters
    find a name typed either way, :func:`_who`)."""
    from .shown_text import Restorer

    restore = Restorer((r["text"] for r in rows if r.get("text")), (r.get(f) for r in rows for f in name_fields))
    for r in rows:
        if r.get("text"):
            r["text"] = restore(r["text"])
        for name, entity in described:
            if r.get(name) and not r.get(entity):
                r[name] = restore(r[name])
    return rows


# --- events ---------------------------------------------------------------------------------
def list_events(store: Store, *, actor: str | None = None, target: str | None = None, type: str | None = None,
                story: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                include_negated: bool = False, limit: int = 100, newest_first: bool = False,
                most_reported: bool = False, named_only: bool = False, with_text: bool = True) -> list[dict[str, Any]]:
    """Distinct events (one per ``event_key``, and a key that leaves out a party of exactly one
    fuller key of that day is a sighting of it: ``event_sightings``) with every sighting's
    source and the count of independent outlets that reported it, in the order of their dates (an event's date is
    its earliest sighting's), oldest first or, with ``newest_first``, newest first. With
    ``most_reported``, those sighted in the most articles first (then by date): what a story page
    shows of a story with thousands of events, not its first days. With ``named_only``, only
    events with an actor or a target linked to an entity (not ``we protested`` alone).
    With ``with_text``, each event has the ``text`` of the sentence that reported it first
    (what happened, in the reporter's words: page furniture cut, a crawl's stripped
    apostrophes put back, as a timeline shows a sentence).

    One grouped scan picks the ``limit`` events, then only their sightings and those of their
    days' other events are read, so a short listing of a large store reads little more than
    it shows."""
    params: list[Any] = []
    where = "WHERE a.is_current = 1"
    for column, ref in (("actor", actor), ("target", target)):
        if ref:
            where += " AND " + _who(store, f"e.{column}_text", f"e.{column}_entity", ref, params, peoples=True)
    if type:
        if type.upper() not in PLOVER_TYPES:
            raise UsageError(f"unknown event type {type!r}; PLOVER types are {', '.join(PLOVER_TYPES)}")
        where += " AND e.type = ?"
        params.append(type.upper())
    check_day_range(since, until)
    if since:
        where += " AND e.date >= ?"
        params.append(since.isoformat())
    if until:
        where += " AND e.date <= ?"
        params.append(until.isoformat())
    if not include_negated:
        where += " AND e.negated = 0"
    if named_only:
        where += " AND (e.actor_entity != '' OR e.target_entity != '')"
    where += _in_articles("e.article_id", _story_articles(store, story), params)
    direction = "DESC" if newest_first else ""
    grouped = picked_events(store, where, params, direction, limit, most_reported)
    if not grouped:
        return []
    rows = [r for sightings in grouped.values() for r in sightings]
    names = _entity_names(store, {r[k] for r in rows for k in ("actor_entity", "target_entity") if r[k]})
    out = []
    texts: dict[tuple[str, int], str] = {}
    for key, sightings in grouped.items():
        if not sightings:
            continue
        first = sightings[0]
        sources = _sources(store, sorted({(s["article_id"], s["sentence_idx"]) for s in sightings}),
                           texts if with_text else None)
        out.append({
            "key": key, "type": first["type"], "mode": first["mode"], "date": first["date"],
            "date_granularity": min((s["date_granularity"] for s in sightings), key=_coarseness),
            "date_source": "text" if any(s["date_source"] == "text" for s in sightings) else first["date_source"],
            "actor": _party(names.get(first["actor_entity"]), first["actor_text"]), "actor_entity": first["actor_entity"],
            "target": _party(names.get(first["target_entity"]), first["target_text"]), "target_entity": first["target_entity"],
            "negated": bool(first["negated"]), "hedged": all(s["hedged"] for s in sightings),
            "score": first["score"], "quad": first["quad"],
            "reports": len(sources), "independent_outlets": independent(sources), "sources": sources,
        })
    if with_text:
        _with_texts(out, texts)
    return out


def _with_texts(events: list[dict[str, Any]], texts: dict[tuple[str, int], str]) -> None:
    """Each event's ``text``: its earliest source's sentence as a timeline shows it (without
    page furniture, :func:`storyline.timeline_text.entry_text`; apostrophes back,
    :func:`shown_texts`)."""
    from .timeline_text import entry_text

    for e in events:
        first = min(e["sources"], key=lambda s: (str(s["published"] or ""), s["article_id"], s["sentence_index"]), default=None)
        raw = texts.get((first["article_id"], first["sentence_index"]), "") if first else ""
        e["text"] = entry_text(raw).strip() or raw.strip()
    shown_texts(events, ("actor", "target"), (("actor", "actor_entity"), ("target", "target_entity")))


# A list of parties as written: "Arab League, African Union, Canada and Turkey".
_COORDINATION = re.compile(r"\b(?:and|or|nor)\b|&")


def _party(name: str | None, written: str) -> str:
    """How an actor or target is shown: its entity's canonical name, or the span as written
    when that span lists several parties and the entity is one of them (the sanctions of
    "the Arab League, African Union, Canada and Turkey" are not the African
    Union's alone, and a filter for Turkey finds them by the words)."""
    if not name:
        return written
    if written and _COORDINATION.search(written) and not _COORDINATION.search(name):
        return written
    return name


# Granularities of an event's date from finest to coarsest: its sightings share the first
# day, and the finest says most ("on 5 June" and "in June" of one event: the day).
_GRANULARITIES = ("day", "week", "month", "quarter", "season", "year", "decade", "century")


def _coarseness(granularity: str) -> int:
    return _GRANULARITIES.index(granularity) if granularity in _GRANULARITIES else 0


def _entity_names(store: Store, ids: set[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for marks, chunk in store.in_chunks(sorted(ids)):
        names.update({r[0]: r[1] for r in store.rows(f"SELECT id, name FROM entities WHERE id IN ({marks})", chunk)})
    return names


def dyad_events(store: Store, a: str, b: str, *, since: dt.date | None = None, until: dt.date | None = None,
                both_directions: bool = True) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """The distinct events between two actors, per direction: ``(actor, target, events)`` for
    ``a->b`` and, unless asked otherwise, ``b->a``, events in date order."""
    if not a.strip() or not b.strip():
        raise UsageError("a dyad needs both actors named (a name, a variant or an entity id), e.g. `storyline dyad Russia Ukraine`")
    directions = [(a, b)] + ([(b, a)] if both_directions else [])
    return [(actor, target, list_events(store, actor=actor, target=target, since=since, until=until, limit=100_000,
                                        with_text=False))
            for actor, target in directions]


def dyad(store: Store, a: str, b: str, *, since: dt.date | None = None, until: dt.date | None = None,
         both_directions: bool = True,
         directions: list[tuple[str, str, list[dict[str, Any]]]] | None = None) -> list[dict[str, Any]]:
    """Per day: distinct events between two actors and their mean conflict/cooperation score,
    in each direction (``a->b`` and, unless asked otherwise, ``b->a``). Events dated only to
    a week, month or year ("in 1967") have no day and are left out of the series (the event
    listing has them). ``directions``: what :func:`dyad_events` returned for the same
    question, to count instead of reading again."""
    out = []
    if directions is None:
        directions = dyad_events(store, a, b, since=since, until=until, both_directions=both_directions)
    for actor, target, events in directions:
        per_day: dict[str, list[float]] = defaultdict(list)
        for e in events:
            if e["date"] and e["date_granularity"] == "day":
                per_day[e["date"]].append(e["score"])
        for day in sorted(per_day):
            scores = per_day[day]
            out.append({"date": day, "actor": actor, "target": target, "events": len(scores),
                        "mean_score": round(sum(scores) / len(scores), 2)})
    return sorted(out, key=lambda r: (r["date"], r["actor"]))


# --- dates ----------------------------------------------------------------------------------
def timexes_for(store: Store, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for marks, chunk in store.in_chunks(list(article_ids)):
        rows.extend(store.query(
            f"SELECT article_id, sentence_idx, start_char, end_char, text, type, value, granularity, first_day, last_day "
            f"FROM timexes WHERE article_id IN ({marks}) ORDER BY article_id, sentence_idx, start_char", chunk))
    return rows


def mentions_for(store: Store, article_id: str) -> list[dict[str, Any]]:
    return store.query(
        "SELECT m.sentence_idx, m.start_char, m.end_char, m.text, m.label, m.title, m.entity_id, e.name AS entity_name "
        "FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.sentence_idx, m.start_char",
        (article_id,))
