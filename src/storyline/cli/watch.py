"""storyline watch (live feeds)."""

from __future__ import annotations

import click

from .. import pipeline
from ..output import counted
from .common import Context, cli, common_options, emit_rows, stderr


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="FEED_OR_OPML...")
@click.option("--once", is_flag=True, help="Poll every feed once and stop (for cron).")
@click.option("--interval", type=float, metavar="SECONDS", help="Seconds between polls (setting watch.interval_s).")
@click.option("--allow-private", is_flag=True,
              help="Also fetch from private, loopback and link-local addresses (off by default, so a hostile feed cannot reach internal services).")
@click.option("--no-enrich", is_flag=True, help="Only load new articles; run the other stages later with `storyline enrich`.")
@click.option("--json", "as_json", is_flag=True, help="Print each poll's report as JSON.")
@common_options
def watch(ctx: Context, sources, once, interval, allow_private, no_enrich, as_json) -> None:
    """Follow RSS/Atom feeds (URLs, or OPML lists): fetch new articles politely, ingest them
    and update stories and timelines as they arrive. Stop with Ctrl-C: nothing is lost, and
    a restart fetches nothing twice."""
    from ..fetch import Fetcher  # here, not at the top: httpx costs every other command's start
    from ..watch import Watcher, resolve_sources

    settings = ctx.settings if interval is None else ctx.settings.replace(watch__interval_s=interval)
    store = ctx.store()
    fetcher = Fetcher(settings, allow_private=allow_private)
    stages = None if no_enrich else (lambda: pipeline.run_stages(store, settings=settings))
    watcher = Watcher(store, fetcher, settings, stages)
    feeds = resolve_sources(list(sources), fetcher)
    stderr(f"watching {counted(len(feeds), 'feed')}; polling every {settings['watch.interval_s']:g}s" + (" (once)" if once else ""), ctx.quiet)

    def show(report) -> None:
        if as_json:
            emit_rows(report.to_dict(), fmt="json")
        for error in report.errors[:20]:
            click.echo(error, err=True)
        stderr(f"{counted(report.feeds, 'feed')} polled ({report.not_modified} unchanged): {counted(report.new_items, 'new item')}, "
               f"{counted(report.added, 'article')} added, {report.failed} failed", ctx.quiet)

    try:
        watcher.run(feeds, once=once, on_poll=show)
    finally:
        fetcher.close()
