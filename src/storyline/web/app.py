"""The web app: a FastAPI application over one store, read-only unless started with a token.

:func:`create_app` opens the store (read-only: the server cannot change it unless writing
was enabled with a token), mounts the JSON API (:mod:`.api`, under ``/api``, OpenAPI at
``/api/openapi.json``), the server-rendered pages (:mod:`.pages`) and the bundled static
files, and installs two things every response shares:

- security headers, among them a strict Content-Security-Policy: no script runs at all
  (the pages need none), styles and images only from this server, no framing;
- one error shape, ``{"error": {"code": CODE, "message": TEXT}}``, with the stable codes of
  :mod:`storyline.errors` (``NOT_FOUND`` 404, ``BAD_REQUEST`` 422 also for invalid
  parameters, ``BAD_CURSOR`` 422, ``UNAUTHORIZED`` 401, ``READ_ONLY`` 403, ``TOO_LARGE``
  413, ``METHOD_NOT_ALLOWED`` 405, ``INTERNAL`` 500). Pages answer errors with an HTML page
  carrying the same code, unless JSON was asked for (``/api/...`` or ``?format=json``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import StorylineError
from ..settings import DEFAULTS, Settings
from ..store import open_store
from .cache import ViewCache

HERE = Path(__file__).resolve().parent
log = logging.getLogger("storyline.web")

# No script may run: the pages are plain HTML and inline SVG. Styles and images come only
# from this server (``data:`` for none so far, kept out); forms post only back here.
CSP = ("default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; font-src 'none'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]

_STATUS_CODES = {400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND",
                 405: "METHOD_NOT_ALLOWED", 413: "TOO_LARGE", 415: "UNSUPPORTED_TYPE", 422: "BAD_REQUEST"}


class WebError(StorylineError):
    """An HTTP-level refusal with its own status (401, 405, 413...)."""

    def __init__(self, message: str, *, code: str, status: int, headers: dict[str, str] | None = None):
        super().__init__(message, code=code)
        self.http_status = status
        self.headers = headers or {}


class Unavailable(StorylineError):
    """A part of storyline the page needs is not installed or not built yet."""

    code = "NOT_AVAILABLE"
    http_status = 503


def wants_json(request: Request) -> bool:
    """The one rule: ``/api/...`` and ``?format=json`` answer JSON; so does a client whose
    Accept header asks for JSON and not HTML."""
    if request.url.path.startswith("/api") or request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    """The error shape as JSON, or as an HTML page for a browser."""
    body = {"error": {"code": code, "message": message}}
    if wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    templates = request.app.state.templates
    html = templates.get_template("error.html").render(status=status, code=code, message=message, request=request)
    return HTMLResponse(html, status_code=status, headers=headers)


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every response, and turns an exception nothing else
    handled into the ``INTERNAL`` error shape (logged with its traceback) instead of a bare
    500 page."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unhandled error on %s", scope.get("path"))
            if started:
                raise
            request = Request(scope)
            response = error_response(request, 500, "INTERNAL",
                                      "storyline failed on this request; the server log has the details")
            await response(scope, receive, send_with_headers)


def _on_storyline_error(request: Request, exc: StorylineError) -> Response:
    status = exc.http_status if 400 <= exc.http_status < 600 else 500
    return error_response(request, status, exc.code, exc.message, getattr(exc, "headers", None))


def _on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
    code = _STATUS_CODES.get(exc.status_code, "INTERNAL" if exc.status_code >= 500 else "BAD_REQUEST")
    if exc.status_code == 404:
        message = f"nothing at {request.url.path}; the API is described at /api/openapi.json"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    else:
        message = str(exc.detail)
    return error_response(request, exc.status_code, code, message, getattr(exc, "headers", None))


def _on_validation_error(request: Request, exc: RequestValidationError) -> Response:
    problems = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return error_response(request, 422, "BAD_REQUEST", "invalid parameters: " + "; ".join(problems))


def _warm_imports() -> None:
    """Import what the first story page would otherwise import (timelines, summaries and
    scikit-learn's vectorizer: ~1.5 s on the target machine, measured in
    benchmarks/web_load.py), so the server pays it at start and no reader waits for it."""
    import importlib

    for name in ("storyline.timeline_store", "storyline.summary", "sklearn.feature_extraction.text"):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def create_app(store_target: str | os.PathLike[str] | None = None, *, token: str | None = None,
               settings: Settings = DEFAULTS) -> FastAPI:
    """The web app over the store at ``store_target`` (SQLite path or PostgreSQL URL).

    Without ``token`` the store is opened read-only and every write is refused
    (``READ_ONLY``); with one, ``POST /api/ingest`` accepts uploads that carry
    ``Authorization: Bearer <token>``."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from . import api, pages
    from .prewarm import Prewarm

    token = token or None
    store = open_store(store_target, readonly=token is None, settings=settings)
    _warm_imports()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        app.state.prewarm.start()
        yield
        app.state.prewarm.halt()
        store.close()

    app = FastAPI(title="storyline", lifespan=lifespan, version=__version__, openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None,
                  description="Stories, sourced timelines, who said what, entities and search over a news store. "
                              "Every list is paged by an opaque cursor; every error is "
                              '{"error": {"code", "message"}}.')
    app.state.store = store
    app.state.settings = settings
    app.state.token = token
    app.state.cache = ViewCache(settings["web.cache_entries"])
    app.state.write_lock = threading.Lock()
    app.state.prewarm = Prewarm(app.state)
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.do"])
    pages.install_filters(env)
    app.state.templates = env
    app.add_exception_handler(StorylineError, _on_storyline_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _on_http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _on_validation_error)  # type: ignore[arg-type]
    app.add_middleware(SecurityHeaders)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    return app


def app_from_env() -> FastAPI:
    """The app as ``storyline serve`` configures it through the environment, for servers
    that import it by name (several uvicorn workers): ``STORYLINE_DB``, ``STORYLINE_TOKEN``
    and ``STORYLINE_SETTINGS`` (``key=value`` pairs, one per line)."""
    pairs = [p for p in os.environ.get("STORYLINE_SETTINGS", "").splitlines() if p.strip()]
    return create_app(os.environ.get("STORYLINE_DB") or None, token=os.environ.get("STORYLINE_TOKEN") or None,
                      settings=Settings.from_pairs(pairs))


def state(request: Request) -> Any:
    """The app's state (store, settings, cache, templates) from a request."""
    return request.app.state
