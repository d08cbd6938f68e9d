"""storyline articles / show / search / export."""

from __future__ import annotations

import sys

import click

from .. import export as exporter
from ..store import articles as db
from ..views import article_view
from ..output import counted
from .common import Context, cli, common_options, emit_rows, output_option, parse_day, stderr


@cli.command()
@click.option("--source", "outlet", metavar="OUTLET", help="Only this outlet (site), e.g. example.com.")
@click.option("--since", metavar="DATE", help="Published on or after this day (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Published on or before this day.")
@click.option("--query", "query", metavar="WORDS", help="Only articles whose title or text matches.")
@click.option("--all-versions", is_flag=True, help="Include older versions of changed articles.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--after", type=int, metavar="SEQ", help="Continue a listing after this seq (cursor).")
@output_option("json", "csv")
@common_options
def articles(ctx: Context, outlet, since, until, query, all_versions, limit, after, fmt) -> None:
    """List articles, oldest ingest first."""
    rows = db.list_articles(
        ctx.store(readonly=True), outlet=outlet, since=parse_day(since, "--since"),
        until=parse_day(until, "--until"), query=query, include_old_versions=all_versions,
        limit=limit, after=after,
    )
    emit_rows(rows, ["id", "published", "outlet", "title"], fmt=fmt, empty="no articles match")


@cli.command()
@click.argument("article_id")
@click.option("--include-boilerplate", is_flag=True, help="Also show boilerplate and embed lines.")
@output_option("json")
@common_options
def show(ctx: Context, article_id: str, include_boilerplate: bool, fmt: str) -> None:
    """Show one article (a unique id prefix is enough): metadata, counts and its lines."""
    view = article_view(ctx.store(readonly=True), article_id, include_boilerplate)
    if fmt == "json":
        emit_rows(view, fmt="json")
        return
    click.echo(view["title"])
    click.echo(f"{view['published']}  {view['outlet']}  {view['url']}")
    click.echo(f"id {view['id']}  version {view['version']}{'' if view['is_current'] else ' (superseded)'}  "
               f"from {view['source']}:{view['source_line']}" + (f"  flags: {', '.join(view['flags'])}" if view["flags"] else ""))
    click.echo("lines: " + ", ".join(f"{v} {k}" for k, v in view["counts"].items()))
    for name, value in view.get("summary", {}).items():
        click.echo(f"{name}: {value}")
    click.echo("")
    for s in view["sentences"]:
        mark = "" if s["kind"] == "text" else f"[{s['kind']}] "
        click.echo(f"{s['line']:>5}  {mark}{s['text']}")


@cli.command()
@click.argument("words")
@click.option("--source", "outlet", metavar="OUTLET", help="Only this outlet.")
@click.option("--since", metavar="DATE")
@click.option("--until", metavar="DATE")
@click.option("--include-boilerplate", is_flag=True, help="Also search boilerplate and embed lines.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--after", type=int, metavar="SID", help="Continue after this result (cursor).")
@output_option("json", "csv")
@common_options
def search(ctx: Context, words, outlet, since, until, include_boilerplate, limit, after, fmt) -> None:
    """Full-text search over sentences: words, "a phrase", OR, -exclude."""
    rows = db.search_sentences(
        ctx.store(readonly=True), words, outlet=outlet, since=parse_day(since, "--since"),
        until=parse_day(until, "--until"), include_boilerplate=include_boilerplate, limit=limit, after=after,
    )
    emit_rows(rows, ["article_id", "line", "published", "outlet", "text"], fmt=fmt, empty="no sentences match")


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(exporter.FORMATS), default="jsonl", show_default=True)
@click.option("--output", "-o", metavar="PATH", help="File (or folder, for lines); default stdout.")
@click.option("--since", metavar="DATE")
@click.option("--until", metavar="DATE")
@click.option("--source", "outlet", metavar="OUTLET")
@click.option("--text-only", is_flag=True, help="Leave out boilerplate and embed lines.")
@common_options
def export_cmd(ctx: Context, fmt, output, since, until, outlet, text_only) -> None:
    """Export articles: jsonl, csv and parquet (one row per sentence), or lines (files that
    `storyline ingest` reads back)."""
    n = exporter.export(
        ctx.store(readonly=True), fmt, output, sys.stdout,
        include_boilerplate=not text_only, since=parse_day(since, "--since"),
        until=parse_day(until, "--until"), outlet=outlet,
    )
    stderr(f"exported {counted(n, 'article')}", ctx.quiet or not output or output == "-")
