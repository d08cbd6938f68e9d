"""The web app's reads: one function per listing or page, shared by the JSON API and the
HTML pages so that a page and its JSON twin always hold the same data.

Each function takes the store, the request's parameters (already typed) and the settings,
calls the library's reading functions, and returns a JSON-safe dict. Listings are paged by
an opaque cursor (:mod:`.paging`). Stories and timelines, which are costly to assemble, are
kept in :class:`.cache.ViewCache` keyed by what they were computed from.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import findings, story_store, views
from ..errors import UsageError
from ..settings import Settings
from ..store import Store
from ..store import articles as db
from . import paging
from .cache import ViewCache


def check_limit(limit: int | None, settings: Settings) -> int:
    """The page size asked for, or the default; more than ``web.max_page_size`` is refused."""
    if limit is None:
        return settings["web.page_size"]
    top = settings["web.max_page_size"]
    if not 1 <= limit <= top:
        raise UsageError(f"limit must be between 1 and {top}, not {limit}")
    return limit


def _text(value: str | None) -> str | None:
    """A text filter as typed, or None when it is empty or only spaces."""
    return value.strip() if value and value.strip() else None


def articles(store: Store, settings: Settings, *, outlet: str | None = None, since: dt.date | None = None,
             until: dt.date | None = None, q: str | None = None, limit: int | None = None,
             cursor: str | None = None) -> dict[str, Any]:
    """Current articles in ingest order, filtered by outlet, publication day and words."""
    limit = check_limit(limit, settings)
    rows = db.list_articles(store, outlet=_text(outlet), since=since, until=until, query=_text(q),
                            limit=limit + 1, after=paging.decode(cursor, "articles"))
    return paging.page(rows, limit, "articles", rows[limit - 1]["seq"] if len(rows) > limit else None)


def article(store: Store, ref: str) -> dict[str, Any]:
    """One article with every line (boilerplate and embeds marked by kind and reason), the
    highlights of each sentence, the story it belongs to and its copies elsewhere."""
    from ..boilerplate import reasons_for

    view = views.article_view(store, ref, include_boilerplate=True)
    aid = view["id"]
    marks = views.article_marks(store, aid)
    reasons = reasons_for(store, aid)
    for s in view["sentences"]:
        s["marks"] = marks.get(s["index"], [])
        s["reason"] = reasons.get(s["index"]) if s["kind"] != "text" else None
    view["story_id"] = views.stories_of(store, [aid]).get(aid)
    group = view.get("syndication")
    view["copies"] = [c for c in (group["members"] if group else []) if c["article_id"] != aid]
    return view


def stories(store: Store, settings: Settings, *, since: dt.date | None = None, until: dt.date | None = None,
            entity: str | None = None, outlet: str | None = None, q: str | None = None, sort: str = "articles",
            min_articles: int = 1, limit: int | None = None, cursor: str | None = None,
            cache: ViewCache | None = None) -> dict[str, Any]:
    """Stories, largest (or, ``sort="recent"``, latest) first, with their coverage per day.
    Kept in ``cache`` until the store changes: sorting every story costs ~80 ms on a store
    of 100k articles (benchmarks/web_load.py), and the front page asks for it each time."""
    limit = check_limit(limit, settings)
    offset = paging.decode(cursor, "stories") or 0
    params = dict(since=since, until=until, entity=_text(entity), outlet=_text(outlet), query=_text(q),
                  min_articles=min_articles, sort=sort, limit=limit + 1, offset=offset)

    def compute() -> dict[str, Any]:
        rows = story_store.list_stories(store, **params)  # type: ignore[arg-type]
        return paging.page(rows, limit, "stories", offset + limit)

    if cache is None:
        return compute()
    return cache.get_or_compute(store, ("stories", tuple(sorted(params.items()))), compute)


QUOTE_ORDERS = ("found", "reports")


def quotes(store: Store, settings: Settings, *, speaker: str | None = None, story: str | None = None,
           article: str | None = None, known: bool = False, distinct: bool = False, limit: int | None = None,
           cursor: str | None = None, kind: str | None = None, sort: str | None = None,
           since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
    """Quotes in the order they were found with speaker and source (``distinct``: each
    statement once, :func:`findings.distinct_quotes`; with ``sort`` ``reports``, the most
    reported first: by the sentences carrying them); ``since``/``until``: reported in those days.

    The cursor is a position in that order (an offset): a page deep in a long listing costs as
    much as reading up to it."""
    limit = check_limit(limit, settings)
    sort = (sort or "found").strip().lower()
    if sort not in QUOTE_ORDERS:
        raise UsageError(f"unknown sort {sort!r}: use found or reports")
    most_reported = sort == "reports"
    if most_reported and not distinct:
        raise UsageError("sort=reports ranks statements, each once with its sources: add distinct=true")
    offset = paging.decode(cursor, "quotes") or 0
    if article:
        article = db.resolve_article_id(store, article)
    asked = {"speaker": _text(speaker), "story": _text(story), "article": article, "known_only": known,
             "limit": offset + limit + 1, "kinds": findings.quote_kinds(kind), "since": since, "until": until}
    rows = (findings.distinct_quotes(store, most_reported=most_reported, **asked) if distinct
            else findings.list_quotes(store, **asked))
    return paging.page(rows[offset:], limit, "quotes", offset + limit)


def events(store: Store, settings: Settings, *, actor: str | None = None, target: str | None = None,
           type: str | None = None, story: str | None = None, since: dt.date | None = None,
           until: dt.date | None = None, negated: bool = False, newest: bool = False, limit: int | None = None,
           cursor: str | None = None) -> dict[str, Any]:
    """Who did what to whom: distinct events in date order (``newest``: newest first), each
    with every source and its independent outlets (:func:`findings.list_events`); the cursor
    is an offset."""
    limit = check_limit(limit, settings)
    offset = paging.decode(cursor, "events") or 0
    rows = findings.list_events(store, actor=_text(actor), target=_text(target), type=_text(type),
                                story=_text(story), since=since, until=until, include_negated=negated,
                                limit=offset + limit + 1, newest_first=newest)
    return paging.page(rows[offset:], limit, "events", offset + limit)


def dyad(store: Store, a: str, b: str, *, since: dt.date | None = None, until: dt.date | None = None,
         both: bool = True, events_per_direction: int = 0) -> dict[str, Any]:
    """Events between two actors per day: count and mean conflict/cooperation score, in each
    direction unless ``both`` is False (:func:`findings.dyad`); with ``events_per_direction``,
    also the first that many events of each direction, in date order (what the dyad page
    lists under its chart), read once for both."""
    a, b = _text(a), _text(b)
    if not a or not b:
        raise UsageError("a dyad needs two actors: a=NAME and b=NAME")
    directions = findings.dyad_events(store, a, b, since=since, until=until, both_directions=both)
    out: dict[str, Any] = {"a": a, "b": b, "days": findings.dyad(store, a, b, directions=directions)}
    if events_per_direction:
        shown = {e["key"]: e for _, _, events in directions for e in events[:events_per_direction]}
        out["events"] = sorted(shown.values(), key=lambda e: (e["date"] or "", e["key"]))
    return out


def entities(store: Store, settings: Settings, *, label: str | None = None, q: str | None = None,
             story: str | None = None, limit: int | None = None, cursor: str | None = None) -> dict[str, Any]:
    """Canonical entities, most mentioned first."""
    limit = check_limit(limit, settings)
    offset = paging.decode(cursor, "entities") or 0
    rows = findings.list_entities(store, label=_text(label), query=_text(q), story=_text(story),
                                  limit=limit + 1, offset=offset)
    return paging.page(rows, limit, "entities", offset + limit)


def search(store: Store, settings: Settings, *, q: str, outlet: str | None = None, since: dt.date | None = None,
           until: dt.date | None = None, include_boilerplate: bool = False, limit: int | None = None,
           cursor: str | None = None) -> dict[str, Any]:
    """Sentences matching ``q`` (words, "a phrase", OR, -word), each with its article, line
    and the story it belongs to."""
    limit = check_limit(limit, settings)
    rows = db.search_sentences(store, q, outlet=_text(outlet), since=since, until=until,
                               include_boilerplate=include_boilerplate, limit=limit + 1,
                               after=paging.decode(cursor, "search"))
    result = paging.page(rows, limit, "search", rows[limit - 1]["sid"] if len(rows) > limit else None)
    story_of = views.stories_of(store, [r["article_id"] for r in result["items"]])
    for r in result["items"]:
        r["story_id"] = story_of.get(r["article_id"])
    return result


def story(store: Store, settings: Settings, cache: ViewCache, ref: str) -> dict[str, Any]:
    """One story (:func:`storyline.views.story_view`): members, outlets with their article
    counts, syndication groups, summary with sources, quotes grouped by speaker, coverage
    per day per outlet and entity co-occurrence. Kept in ``cache`` until the store changes."""
    sid = story_store.resolve_story_id(store, ref)
    return cache.get_or_compute(store, ("story", sid), lambda: views.story_view(
        store, sid, speakers=settings["web.story_speakers"], per_speaker=settings["web.speaker_quotes"],
        entities=settings["web.cooccurrence_entities"],
        events=settings["web.story_events"], settings=settings))


def entity(store: Store, settings: Settings, ref: str, cache: ViewCache | None = None) -> dict[str, Any]:
    """One canonical entity (:func:`storyline.views.entity_view`), kept in ``cache`` (by its
    id) until the store changes."""
    def compute() -> dict[str, Any]:
        return views.entity_view(store, eid, quotes=settings["web.page_size"], stories=settings["web.page_size"])

    eid = findings.resolve_entity(store, ref)["id"]
    return cache.get_or_compute(store, ("entity", eid), compute) if cache is not None else compute()
