"""storyline stories / story / timeline."""

from __future__ import annotations

import click

from .. import story_store
from ..output import SOURCES_KEY, counted, sourced
from .common import Context, cli, common_options, emit_rows, output_option, parse_day


@cli.command()
@click.option("--since", metavar="DATE", help="Stories still running on or after this day.")
@click.option("--until", metavar="DATE", help="Stories started on or before this day.")
@click.option("--entity", metavar="NAME", help="Stories naming this entity.")
@click.option("--source", "outlet", metavar="OUTLET", help="Stories covered by this outlet.")
@click.option("--query", metavar="WORDS", help="Stories whose articles match these words.")
@click.option("--min-articles", default=1, show_default=True)
@click.option("--sort", type=click.Choice(["articles", "recent"]), default="articles", show_default=True)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0))
@output_option("json", "csv")
@common_options
def stories(ctx: Context, since, until, entity, outlet, query, min_articles, sort, limit, offset, fmt) -> None:
    """Stories: articles grouped by the event they cover, with independent-outlet counts."""
    rows = story_store.list_stories(
        ctx.store(readonly=True), since=parse_day(since, "--since"), until=parse_day(until, "--until"),
        entity=entity, outlet=outlet, query=query, min_articles=min_articles, sort=sort, limit=limit, offset=offset)
    for row in rows:
        row["days"] = row["first_day"] if row["first_day"] == row["last_day"] else f"{row['first_day']}..{row['last_day']}"
    emit_rows(rows, ["id", "days", "articles", "independent_outlets", "label"], fmt=fmt, empty="no stories (run `storyline enrich`?)")


@cli.command()
@click.argument("story_id")
@click.option("--sentences", type=int, help="Summary length (setting summary.sentences).")
@output_option("json")
@common_options
def story(ctx: Context, story_id, sentences, fmt) -> None:
    """One story: label, dates, outlets, key entities, coverage per day, syndicated copies,
    a summary with sources, related stories, and its articles."""
    view = story_store.get_story(ctx.store(readonly=True), story_id, summary_sentences=sentences, settings=ctx.settings)
    if fmt == "json":
        emit_rows(view, fmt="json")
        return
    click.echo(view["label"])
    click.echo(f"{view['first_day']} .. {view['last_day']}   {counted(view['articles'], 'article')}, "
               f"{counted(view['independent_outlets'], 'independent outlet')}   id {view['id']}")
    click.echo("entities: " + (", ".join(e["name"] for e in view["entities"]) or "(none found)"))
    click.echo("outlets:  " + ", ".join(f"{o['outlet']} ({o['articles']})" for o in view["outlet_counts"]))
    click.echo("coverage: " + "  ".join(f"{c['day']}:{c['sources']}" for c in view["coverage"]))
    click.echo("\nSummary")
    for s in view["summary"]:
        click.echo(f"- {s['text']}  {sourced(s)}")
    if view["summary"]:
        click.echo(SOURCES_KEY)
    if view["related"]:
        click.echo("\nRelated stories")
        for r in view["related"]:
            days = r["first_day"] if r["first_day"] == r["last_day"] else f"{r['first_day']}..{r['last_day']}"
            shared = ", ".join(e["name"] for e in r["shared"])
            click.echo(f"  {r['id']}  {days}  {r['label']}  (shares {shared})")
    click.echo("\nArticles")
    for m in view["members"]:
        copy = f"  (copy group {m['group'][:8]})" if m["group"] else ""
        click.echo(f"  {m['published']}  {m['id']}  {m['outlet']}  {m['title']}{copy}")


@cli.command()
@click.argument("story_id", required=False)
@click.option("--query", metavar="WORDS", help="Instead of a story: the articles matching these words.")
@click.option("--since", metavar="DATE", help="Only articles (and dates) on or after this day.")
@click.option("--until", metavar="DATE", help="Only articles (and dates) on or before this day.")
@click.option("--dates", type=int, metavar="N", help="How many dates (setting timeline.dates).")
@click.option("--per-date", type=int, metavar="K", help="Sentences per date (setting timeline.per_date).")
@click.option("--related", is_flag=True, help="The story with its related stories (`storyline story ID` lists them): "
              "the whole crisis in one timeline.")
@click.option("--json", "fmt", flag_value="json", help="Print JSON.")
@click.option("--markdown", "fmt", flag_value="markdown", help="Print Markdown.")
@common_options
def timeline(ctx: Context, story_id, query, since, until, dates, per_date, related, fmt) -> None:
    """A dated timeline of a story (or of the articles a query and date range choose): the
    dates that matter, what happened on each, and which outlets reported it, where."""
    from .. import timeline_store

    data = timeline_store.timeline_for(
        ctx.store(readonly=True), story=story_id, query=query, since=parse_day(since, "--since"),
        until=parse_day(until, "--until"), dates=dates, per_date=per_date, related=related, settings=ctx.settings)
    if fmt == "json":
        emit_rows(data, fmt="json")
    elif fmt == "markdown":
        click.echo(timeline_store.timeline_markdown(data))
    else:
        text = timeline_store.timeline_plain(data)
        if text:
            click.echo(text)
        if not data["entries"]:
            click.echo("no dated entries (are the articles enriched? `storyline enrich`)")

