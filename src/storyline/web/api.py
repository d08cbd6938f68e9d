"""The JSON API, under ``/api``: articles, stories, timelines, quotes, events, entities, search,
and (only when the server was started with a token) uploads to ingest.

Every endpoint parses its parameters, calls one function of :mod:`.listings` (or the
library) and returns its dict. Listings answer ``{"items": [...], "next": CURSOR | null}``;
pass ``cursor=CURSOR`` for the next page. Errors: ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..errors import ReadOnlyStore
from ..store import articles as db
from . import listings
from .app import WebError, state
from .timelines import timeline as build_timeline

router = APIRouter(prefix="/api", tags=["api"], default_response_class=JSONResponse)

Id = Annotated[str, Path(min_length=1, max_length=100, description="An id, or a unique prefix of one.")]
Day = Annotated[dt.date | None, Query(description="A day as YYYY-MM-DD.")]
Limit = Annotated[int | None, Query(ge=1, description="Items per page (web.page_size by default).")]
Cursor = Annotated[str | None, Query(max_length=200, description="The 'next' value of the previous page.")]
Text = Annotated[str | None, Query(max_length=500)]
QuoteOrder = Annotated[Literal["found", "reports"], Query(description="found: in the order found; reports: "
                                                                      "the most reported first (by the sentences carrying them).")]


@router.get("", summary="What this store holds, and where the API is described")
def index(request: Request) -> JSONResponse:
    st = state(request)
    return JSONResponse({"storyline": request.app.version, "counts": db.counts(st.store), "writable": st.token is not None,
                         "prewarmed": st.prewarm.to_dict(), "openapi": "/api/openapi.json"})


@router.get("/articles", summary="Articles in ingest order")
def articles(request: Request, outlet: Text = None, since: Day = None, until: Day = None, q: Text = None,
             limit: Limit = None, cursor: Cursor = None) -> JSONResponse:
    st = state(request)
    return JSONResponse(listings.articles(st.store, st.settings, outlet=outlet, since=since, until=until, q=q,
        limit=limit, cursor=cursor))


@router.get("/articles/{article_id}", summary="One article: every line, highlights, story and copies")
def article(request: Request, article_id: Id) -> JSONResponse:
    return JSONResponse(listings.article(state(request).store, article_id))


@router.get("/stories", summary="Stories, largest or latest first")
def stories(request: Request, since: Day = None, until: Day = None, entity: Text = None, outlet: Text = None,
            q: Text = None, sort: Literal["articles", "recent"] = "articles",
            min_articles: Annotated[int, Query(ge=1)] = 1, limit: Limit = None,
            cursor: Cursor = None) -> JSONResponse:
    st = state(request)
    return JSONResponse(listings.stories(st.store, st.settings, since=since, until=until, entity=entity, outlet=outlet, q=q,
        sort=sort, min_articles=min_articles, limit=limit, cursor=cursor, cache=st.cache))


@router.get("/stories/{story_id}", summary="One story: members, outlets, copies, summary, quotes by speaker")
def story(request: Request, story_id: Id) -> JSONResponse:
    st = state(request)
    return JSONResponse(listings.story(st.store, st.settings, st.cache, story_id))


@router.get("/stories/{story_id}/timeline", summary="A story's timeline: dated entries with their sources")
def story_timeline(request: Request, story_id: Id, since: Day = None, until: Day = None,
                   dates: Annotated[int | None, Query(ge=1)] = None,
                   per_date: Annotated[int | None, Query(ge=1)] = None, related: bool = False) -> JSONResponse:
    st = state(request)
    return JSONResponse(build_timeline(st.store, st.settings, st.cache, story=story_id, since=since, until=until,
        dates=dates, per_date=per_date, related=related))


@router.get("/timeline", summary="The timeline of the sentences matching a search")
def timeline(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)], since: Day = None,
             until: Day = None, dates: Annotated[int | None, Query(ge=1)] = None,
             per_date: Annotated[int | None, Query(ge=1)] = None) -> JSONResponse:
    st = state(request)
    return JSONResponse(build_timeline(st.store, st.settings, st.cache, q=q, since=since, until=until, dates=dates,
        per_date=per_date))


@router.get("/quotes", summary="Who said what: quotes with speaker and source, in date order")
def quotes(request: Request, speaker: Text = None, story: Text = None, article: Text = None, known: bool = False,
           distinct: bool = False, limit: Limit = None, cursor: Cursor = None, kind: Text = None,
           sort: QuoteOrder = "found", since: Day = None, until: Day = None) -> JSONResponse:
    """One row per article carrying a quote; with ``distinct``, each statement once with its
    sources and independent outlets. ``kind``: only these kinds, comma-separated (direct,
    indirect, mixed, embed, stance: a view held, not words said). ``sort=reports`` (with
    ``distinct``): the most reported statements first (by the sentences carrying them).
    ``since``/``until``: only quotes in articles published on those days (YYYY-MM-DD)."""
    st = state(request)
    return JSONResponse(listings.quotes(st.store, st.settings, speaker=speaker, story=story, article=article, known=known,
        distinct=distinct, limit=limit, cursor=cursor, kind=kind, sort=sort, since=since, until=until))


@router.get("/events", summary="Who did what to whom: PLOVER events, each once with its sources, in date order")
def events(request: Request, actor: Text = None, target: Text = None, type: Text = None, story: Text = None,
           since: Day = None, until: Day = None, negated: bool = False, newest: bool = False,
           limit: Limit = None, cursor: Cursor = None) -> JSONResponse:
    """``negated``: also the events the text says did not happen; ``newest``: newest first.
    Each event carries ``text``, the sentence that reported it first (page furniture cut, a
    crawl's stripped apostrophes put back), and every source."""
    st = state(request)
    return JSONResponse(listings.events(st.store, st.settings, actor=actor, target=target, type=type, story=story,
        since=since, until=until, negated=negated, newest=newest, limit=limit, cursor=cursor))


@router.get("/dyad", summary="Events between two actors per day: count and mean conflict/cooperation score")
def dyad(request: Request, a: Annotated[str, Query(min_length=1, max_length=500)],
         b: Annotated[str, Query(min_length=1, max_length=500)], since: Day = None, until: Day = None,
         one_way: bool = False) -> JSONResponse:
    return JSONResponse(listings.dyad(state(request).store, a, b, since=since, until=until, both=not one_way))


@router.get("/entities", summary="Canonical entities, most mentioned first")
def entities(request: Request, label: Text = None, q: Text = None, story: Text = None, limit: Limit = None,
             cursor: Cursor = None) -> JSONResponse:
    st = state(request)
    return JSONResponse(listings.entities(st.store, st.settings, label=label, q=q, story=story, limit=limit, cursor=cursor))


@router.get("/entities/{entity_ref}", summary="One entity: stories, quotes by and about it, mentions per day")
def entity(request: Request, entity_ref: Id) -> JSONResponse:
    st = state(request)
    return JSONResponse(listings.entity(st.store, st.settings, entity_ref, st.cache))


@router.get("/search", summary='Full-text search over sentences: words, "a phrase", OR, -word')
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)], outlet: Text = None,
           since: Day = None, until: Day = None, include_boilerplate: bool = False, limit: Limit = None,
           cursor: Cursor = None) -> JSONResponse:
    st = state(request)
    return JSONResponse(listings.search(st.store, st.settings, q=q, outlet=outlet, since=since, until=until,
        include_boilerplate=include_boilerplate, limit=limit, cursor=cursor))


@router.post("/ingest", summary="Upload articles (JSONL or the line format) to ingest; needs the server's token",
             responses={401: {"description": "UNAUTHORIZED"}, 403: {"description": "READ_ONLY"},
                        413: {"description": "TOO_LARGE"}, 415: {"description": "BAD_REQUEST: a form upload"}})
async def ingest(request: Request) -> dict[str, Any]:
    st = state(request)
    if st.token is None:
        raise ReadOnlyStore("writing is off: this server was started without a token "
                            "(storyline serve --token, or STORYLINE_TOKEN)")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), st.token.encode()):
        raise WebError("send the server's token as 'Authorization: Bearer <token>'", code="UNAUTHORIZED",
                       status=401, headers={"WWW-Authenticate": "Bearer"})
    form = request.headers.get("content-type", "").lower()
    if form.startswith(("multipart/", "application/x-www-form-urlencoded")):
        # A form upload's body is its envelope, which would be read as one odd article.
        # curl's -d and --data-binary label a raw file as a form too, so the message gives the
        # header that makes the same command work.
        raise WebError("send the file itself as the request body with a text or JSON content type, not as a form "
                       "upload: curl --data-binary @FILE -H 'Content-Type: text/plain' (curl labels --data-binary "
                       "as a form unless told otherwise)", code="BAD_REQUEST", status=415)
    body = await _read_capped(request, st.settings["web.max_upload_bytes"])
    if not body.strip():
        raise WebError("the request body is empty; send JSONL records or line-format articles",
                       code="BAD_REQUEST", status=422)
    return await run_in_threadpool(_ingest_body, st, body)


async def _read_capped(request: Request, cap: int) -> bytes:
    too_large = WebError(f"the upload is larger than web.max_upload_bytes={cap:,}; split it", code="TOO_LARGE",
                         status=413)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest_body(st: Any, body: bytes) -> dict[str, Any]:
    """Ingest one upload and run every stage on it; one upload at a time per process."""
    from ..pipeline import ingest_and_process
    from ..store.articles import finish_run, start_run

    with st.write_lock:
        run_id = start_run(st.store, "web ingest", st.settings.changed())
        report = None
        try:
            report = ingest_and_process(st.store, ["-"], settings=st.settings,
                                        stdin=io.BufferedReader(io.BytesIO(body)), run_id=run_id)
        finally:
            finish_run(st.store, run_id, ("rejected" if report.rejected else "ok") if report else "failed",
                       report.to_dict() if report else {})
    return report.to_dict()
