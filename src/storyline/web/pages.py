"""Server-rendered pages: stories, story, article, entities, entity, quotes, events, dyad and search.

Every page has a JSON twin under one rule: add ``?format=json`` to its address and the
same data the template receives comes back as JSON (``/stories/ID?format=json``). The data
comes from :mod:`.listings`, as the API's does; templates only lay it out, with Jinja2's
autoescaping on for every value (article text is hostile input).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment

from .. import findings
from ..errors import UsageError
from ..output import counted, event_date_label
from . import charts, listings
from .app import Unavailable, state
from .highlight import segments
from .timelines import timeline as build_timeline

router = APIRouter(include_in_schema=False)

Format = Annotated[Literal["html", "json"], Query(description="json: this page's data as JSON.")]
Id = Annotated[str, Path(min_length=1, max_length=100)]
Day = Annotated[dt.date | None, Query()]
Limit = Annotated[int | None, Query(ge=1)]
Cursor = Annotated[str | None, Query(max_length=200)]
Text = Annotated[str | None, Query(max_length=500)]


def safe_url(url: Any) -> str:
    """An outside link only if it is http(s); anything else (``javascript:``, ``data:``)
    becomes an inert ``#``."""
    text = str(url or "").strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return "#"
    return text if scheme in ("http", "https") else "#"


def install_filters(env: Environment) -> None:
    """Filters and helpers the templates use."""
    env.filters["safe_url"] = safe_url
    env.filters["segments"] = lambda sentence: segments(sentence["text"], sentence.get("marks", []))
    env.globals["counted"] = counted
    env.globals["event_date"] = event_date_label
    env.globals["sparkline"] = charts.sparkline
    env.globals["escalation"] = charts.escalation
    env.globals["coverage_grid"] = charts.coverage_grid
    env.globals["cooccurrence_grid"] = charts.cooccurrence_grid


def _with(request: Request, **changes: Any) -> str:
    """This page's address with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    params.pop("format", None)
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return request.url.path + ("?" + urlencode(params) if params else "")


def render(request: Request, template: str, data: dict[str, Any], fmt: str, *, cached: bool = False,
           **extra: Any) -> Response:
    """The page, or with ``format=json`` its data. ``cached``: the page is built only from
    data that the view cache keeps until the store changes, so its HTML is kept there too
    (rendering a large story page costs ~50 ms, benchmarks/web_load.py)."""
    if fmt == "json":
        return JSONResponse(data)
    st = state(request)

    def draw() -> str:
        return st.templates.get_template(template).render(
            request=request, data=data, with_params=lambda **c: _with(request, **c), **extra)

    if not cached:
        return HTMLResponse(draw())
    return HTMLResponse(st.cache.get_or_compute(st.store, ("html", request.url.path, request.url.query), draw))


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, since: Day = None, until: Day = None, entity: Text = None, outlet: Text = None,
                 q: Text = None, sort: Literal["articles", "recent"] = "articles", limit: Limit = None,
                 cursor: Cursor = None, format: Format = "html") -> Response:
    """Every story with its label, dates, outlets, articles and coverage over time."""
    st = state(request)
    data = listings.stories(st.store, st.settings, since=since, until=until, entity=entity, outlet=outlet, q=q,
                            sort=sort, limit=limit, cursor=cursor, cache=st.cache)
    filters = {"since": since, "until": until, "entity": entity or "", "outlet": outlet or "", "q": q or "", "sort": sort}
    return render(request, "stories.html", data, format, cached=True, filters=filters)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: Id, format: Format = "html", related: bool = False) -> Response:
    """One story: the timeline first (``related``: with its related stories'), then who said
    what, entities, outlets, copies, summary."""
    st = state(request)
    story = listings.story(st.store, st.settings, st.cache, story_id)
    try:
        timeline: dict[str, Any] | None = build_timeline(st.store, st.settings, st.cache, story=story["id"],
                                                          related=related)
        missing = None
    except Unavailable as exc:
        timeline, missing = None, exc.message
    data = {"story": story, "timeline": timeline}
    return render(request, "story.html", data, format, cached=True, timeline_missing=missing,
                  members_shown=st.settings["web.story_members"], groups_shown=st.settings["web.story_groups"])


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: Id, format: Format = "html") -> Response:
    """One article: its lines with boilerplate and embeds greyed and folded, highlights,
    and its copies elsewhere."""
    return render(request, "article.html", listings.article(state(request).store, article_id), format)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, label: Text = None, q: Text = None, story: Text = None, limit: Limit = None,
                  cursor: Cursor = None, format: Format = "html") -> Response:
    """Canonical entities, most mentioned first."""
    st = state(request)
    data = listings.entities(st.store, st.settings, label=label, q=q, story=story, limit=limit, cursor=cursor)
    return render(request, "entities.html", data, format, filters={"label": label or "", "q": q or ""})


@router.get("/entities/{entity_ref}", response_class=HTMLResponse)
def entity_page(request: Request, entity_ref: Id, format: Format = "html") -> Response:
    """One entity: stories, quotes by and about it, mentions over time."""
    st = state(request)
    return render(request, "entity.html", listings.entity(st.store, st.settings, entity_ref, st.cache), format)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, speaker: Text = None, story: Text = None, kind: Text = None, known: bool = False,
                sort: Literal["found", "reports"] = "found", since: Day = None, until: Day = None,
                limit: Limit = None, cursor: Cursor = None, format: Format = "html") -> Response:
    """Who said what: each statement once with its sources, filtered by speaker, story, kind
    and the days it was reported, in the order found or the most reported first (the JSON twin
    is ``/api/quotes?distinct=true``). A filter the store cannot read is said on the page."""
    st = state(request)
    filters = {"speaker": speaker or "", "story": story or "", "kind": kind or "", "known": known, "sort": sort,
               "since": since, "until": until}
    return _listing(request, "quotes.html", format, filters, lambda: listings.quotes(
        st.store, st.settings, speaker=speaker, story=story, kind=kind, known=known, distinct=True, sort=sort,
        since=since, until=until, limit=limit, cursor=cursor))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, actor: Text = None, target: Text = None, type: Text = None, story: Text = None,
                since: Day = None, until: Day = None, negated: bool = False, newest: bool = False,
                limit: Limit = None, cursor: Cursor = None, format: Format = "html") -> Response:
    """Who did what to whom: events each once with their sources, filtered by actor, target,
    PLOVER type, story and dates, in date order (JSON twin: ``/api/events``)."""
    st = state(request)
    filters = {"actor": actor or "", "target": target or "", "type": (type or "").upper(), "story": story or "",
               "since": since, "until": until, "negated": negated, "newest": newest}
    return _listing(request, "events.html", format, filters, lambda: listings.events(
        st.store, st.settings, actor=actor, target=target, type=type, story=story, since=since, until=until,
        negated=negated, newest=newest, limit=limit, cursor=cursor), types=findings.PLOVER_TYPES)


def _listing(request: Request, template: str, fmt: str, filters: dict[str, Any],
             compute: Callable[[], dict[str, Any]], **extra: Any) -> Response:
    """A filtered listing page: a filter the listing refuses (an unknown type or story) is said
    on the page above the form; the JSON twin answers it as the API does."""
    problem = None
    try:
        data = compute()
    except UsageError as exc:
        if fmt == "json" or exc.code != "BAD_REQUEST":
            raise
        data, problem = {"items": [], "next": None}, exc.message
    return render(request, template, data, fmt, filters=filters, problem=problem, **extra)


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: Text = None, b: Text = None, since: Day = None, until: Day = None,
              format: Format = "html") -> Response:
    """Events between two actors over time, each direction charted from conflict (down) to
    cooperation (up), with the events themselves. An empty form asks for the two names."""
    st = state(request)
    data: dict[str, Any] = {"a": a or "", "b": b or "", "days": [], "events": []}
    problem = None
    if a and a.strip() and b and b.strip():
        data = listings.dyad(st.store, a, b, since=since, until=until,
                             events_per_direction=st.settings["web.page_size"])
    elif a or b:
        problem = "Give both actors: who acts and who is acted on, in either order."
    filters = {"a": a or "", "b": b or "", "since": since, "until": until}
    return render(request, "dyad.html", data, format, filters=filters, problem=problem)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Text = None, outlet: Text = None, since: Day = None, until: Day = None,
                include_boilerplate: bool = False, limit: Limit = None, cursor: Cursor = None,
                format: Format = "html") -> Response:
    """Full-text search over sentences; results link into their article and story. An
    empty search shows the form; a search with no usable words says so."""
    st = state(request)
    filters = {"q": q or "", "outlet": outlet or "", "since": since, "until": until,
               "include_boilerplate": include_boilerplate}
    if not (q and q.strip()):
        return render(request, "search.html", {"items": [], "next": None}, format, filters=filters, problem=None)
    return _listing(request, "search.html", format, filters, lambda: listings.search(
        st.store, st.settings, q=q, outlet=outlet, since=since, until=until,
        include_boilerplate=include_boilerplate, limit=limit, cursor=cursor))


__all__ = ["router", "install_filters", "safe_url"]
