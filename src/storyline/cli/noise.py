"""storyline dupes (syndication groups) and storyline statements (repeated statements)."""

from __future__ import annotations

import click

from .. import statements as stmts
from .. import syndication
from .common import Context, cli, common_options, emit_rows, output_option


@cli.command()
@click.option("--source", "outlet", metavar="OUTLET", help="Only groups with a copy from this outlet.")
@click.option("--min-size", default=2, show_default=True, help="Only groups of at least this many copies.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--after", metavar="GROUP", help="Continue a listing after this group id (cursor).")
@output_option("json")
@common_options
def dupes(ctx: Context, outlet, min_size, limit, after, fmt) -> None:
    """Syndicated copies: groups of near-duplicate articles, each copy with its own URL and
    outlet; the canonical copy (most complete, then earliest) is marked *."""
    found = syndication.groups(ctx.store(readonly=True), min_size=min_size, outlet=outlet, limit=limit, after=after)
    if fmt == "json":
        emit_rows([g.to_dict() for g in found], fmt="json")
        return
    rows = [
        {"group": g.id, "size": g.size, "outlets": g.outlets, "": "*" if c.canonical else "",
         "published": c.published, "outlet": c.outlet, "url": c.url, "title": c.title}
        for g in found for c in g.members
    ]
    emit_rows(rows, ["group", "size", "", "published", "outlet", "url", "title"], empty="no syndicated copies found")


@cli.command("statements")
@click.option("--article", "article_id", metavar="ID", help="Only statements this article carries.")
@click.option("--min-outlets", default=2, show_default=True, help="Only statements carried by this many independent outlets.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--after", metavar="STATEMENT", help="Continue a listing after this statement id (cursor).")
@output_option("json")
@common_options
def statements_cmd(ctx: Context, article_id, min_outlets, limit, after, fmt) -> None:
    """Repeated statements: sentences carried by several articles, with how many independent
    outlets carried them (copies of one syndication group count once)."""
    store = ctx.store(readonly=True)
    if article_id:
        from ..store.articles import resolve_article_id

        found = [s for s in stmts.statements_for(store, [resolve_article_id(store, article_id)])
                 if s.independent_outlets >= min_outlets][:limit]
    else:
        found = stmts.repeated(store, min_independent=min_outlets, limit=limit, after=after)
    if fmt == "json":
        emit_rows([s.to_dict() for s in found], fmt="json")
        return
    rows = [{"id": s.id, "independent": s.independent_outlets, "outlets": s.outlets, "articles": s.articles,
             "first_seen": s.first_seen, "text": s.text} for s in found]
    emit_rows(rows, ["id", "independent", "outlets", "articles", "first_seen", "text"], empty="no repeated statements")
