"""storyline serve (the web app and JSON API)."""

from __future__ import annotations

import os
import sys

import click

from ..output import counted
from .common import Context, cli, common_options, stderr


@cli.command()
@click.option("--host", metavar="ADDRESS", help="Address to listen on (setting web.host, default 127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), help="Port (setting web.port, default 8000).")
@click.option("--token", envvar="STORYLINE_TOKEN", metavar="SECRET",
              help="Enable uploads (POST /api/ingest) for clients sending 'Authorization: Bearer SECRET'; "
                   "without it the store is opened read-only. Env: STORYLINE_TOKEN.")
@click.option("--workers", type=click.IntRange(1, 64), help="Server processes (setting web.workers, default 1).")
@common_options
def serve(ctx: Context, host, port, token, workers) -> None:
    """Serve the web app and its JSON API: stories, timelines, articles, entities, search.

    Pages: / (stories), /stories/ID, /articles/ID, /entities/ID, /search; each answers JSON
    with ?format=json. The API lives under /api (described at /api/openapi.json). Reading
    needs nothing; uploading needs --token.
    """
    import uvicorn

    from ..store import open_store

    host = host or ctx.settings["web.host"]
    port = ctx.settings["web.port"] if port is None else port
    workers = workers or ctx.settings["web.workers"]
    # Open once here so that a missing or outdated store fails now with its own message.
    open_store(ctx.db, readonly=not token, settings=ctx.settings).close()
    os.environ["STORYLINE_DB"] = str(ctx.db)
    os.environ["STORYLINE_SETTINGS"] = "\n".join(f"{k}={v}" for k, v in ctx.settings.changed().items())
    if token:
        os.environ["STORYLINE_TOKEN"] = token
    else:
        os.environ.pop("STORYLINE_TOKEN", None)
    mode = "uploads enabled (token required)" if token else "read-only"
    stderr(f"storyline serving {ctx.db} on http://{host}:{port}/ ({mode}, {counted(workers, 'worker')}); Ctrl-C stops", ctx.quiet)
    sys.stderr.flush()
    uvicorn.run("storyline.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning" if ctx.quiet else "info", access_log=not ctx.quiet)
