"""storyline entities / entity / quotes (the understanding layer)."""

from __future__ import annotations

import click

from .. import findings
from .common import Context, cli, common_options, emit_rows, output_option


@cli.command()
@click.option("--label", metavar="LABEL", help="Only this type: PERSON, ORG, GPE, LOC, NORP...")
@click.option("--query", metavar="TEXT", help="Names or variants containing this text.")
@click.option("--story", metavar="ID", help="Only entities mentioned in this story.")
@click.option("--limit", default=50, show_default=True)
@click.option("--offset", default=0, show_default=True)
@output_option("json", "csv")
@common_options
def entities(ctx: Context, label, query, story, limit, offset, fmt) -> None:
    """Entities with one canonical name each, most mentioned first, with their variants."""
    rows = findings.list_entities(ctx.store(readonly=True), label=label, query=query, story=story, limit=limit, offset=offset)
    emit_rows(rows, ["name", "label", "mentions", "articles", "variants"], fmt=fmt, empty="no entities (run `storyline enrich`?)")


@cli.command()
@click.option("--speaker", metavar="NAME", help="Only quotes by this speaker (a name, a variant or an entity id).")
@click.option("--story", metavar="ID", help="Only quotes in this story.")
@click.option("--article", metavar="ID", help="Only quotes in this article.")
@click.option("--known", is_flag=True, help="Leave out quotes whose speaker is unknown.")
@click.option("--limit", default=100, show_default=True)
@click.option("--after", type=int, metavar="ID", help="Continue after this quote id (cursor).")
@output_option("json", "csv", "jsonl")
@common_options
def quotes(ctx: Context, speaker, story, article, known, limit, after, fmt) -> None:
    """Who said what: quotes (found without quote marks) with resolved speakers and sources."""
    rows = findings.list_quotes(ctx.store(readonly=True), speaker=speaker, story=story, article=article,
                                known_only=known, limit=limit, after=after)
    emit_rows(rows, ["published", "outlet", "speaker_name", "text"], fmt=fmt, empty="no quotes match")
