"""storyline events / dyad / train-events."""

from __future__ import annotations

import click

from .. import findings
from ..output import event_date_label
from .common import Context, cli, common_options, emit_rows, output_option, parse_day, stderr


@cli.command()
@click.option("--actor", metavar="NAME", help="Only events by this actor (name, variant or entity id; a country "
              "also stands for its people: Syria finds 'Syrian troops').")
@click.option("--target", metavar="NAME", help="Only events aimed at this target (as --actor).")
@click.option("--type", "type_", metavar="TYPE", help="Only this PLOVER type (ASSAULT, SANCTION, CONSULT...).")
@click.option("--story", metavar="ID", help="Only events in this story.")
@click.option("--since", metavar="DATE", help="Only events dated on or after this day (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only events dated on or before this day.")
@click.option("--include-negated", is_flag=True, help="Also list events the text says did not happen.")
@click.option("--newest", is_flag=True, help="Newest events first (default: in date order, oldest first).")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(min=1))
@output_option("json", "csv")
@common_options
def events(ctx: Context, actor, target, type_, story, since, until, include_negated, newest, limit, fmt) -> None:
    """Who did what to whom: PLOVER events, one per real event with every outlet that
    reported it (copies in one syndication group count once), in date order."""
    rows = findings.list_events(ctx.store(readonly=True), actor=actor, target=target, type=type_, story=story,
                                since=parse_day(since, "--since"), until=parse_day(until, "--until"),
                                include_negated=include_negated, limit=limit, newest_first=newest)
    if fmt == "table":  # a date known to the month or year is shown so ("1967", not "1967-01-01")
        rows = [{**r, "date": event_date_label(r)} for r in rows]
    columns = ["date", "type", "actor", "target", "quad", "score", "independent_outlets", "text"]
    if fmt == "csv":  # a spreadsheet's row holds what the table leaves out
        columns = ["date", "date_granularity", "date_source", "type", "mode", "actor", "actor_entity", "target",
                   "target_entity", "quad", "score", "negated", "hedged", "reports", "independent_outlets", "key", "text"]
    emit_rows(rows, columns, fmt=fmt, empty="no events match")


@cli.command()
@click.argument("actor")
@click.argument("target")
@click.option("--since", metavar="DATE", help="Only days on or after this one (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only days on or before this one.")
@click.option("--one-way", is_flag=True, help="Only ACTOR -> TARGET, not both directions.")
@output_option("json", "csv")
@common_options
def dyad(ctx: Context, actor, target, since, until, one_way, fmt) -> None:
    """Daily series of events between two actors: count and mean conflict/cooperation score
    (-10 conflict to +10 cooperation), in each direction. A country also stands for its people
    (RUSSIA takes in the events of 'Russian troops')."""
    rows = findings.dyad(ctx.store(readonly=True), actor, target, since=parse_day(since, "--since"),
                         until=parse_day(until, "--until"), both_directions=not one_way)
    emit_rows(rows, ["date", "actor", "target", "events", "mean_score"], fmt=fmt, empty="no events between them")


@cli.command("train-events")
@click.option("--data", required=True, type=click.Path(exists=True),
              help="The shared data root (holding events/ngec_synthetic) or the stories CSV.")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Write the model here instead of the packaged data/event_model.npz.")
@common_options
def train_events(ctx: Context, data, out) -> None:
    """Rebuild the event-type classifier the coder falls back on when its rules find
    nothing, from the NGEC synthetic stories (a few minutes on two cores)."""
    from ..nlp.event_model import rebuild

    path, meta = rebuild(data, out, ctx.settings)
    stderr(f"wrote {path} ({meta['buckets_kept']} feature buckets, "
           f"{sum(meta['examples'].values())} examples from {meta['stories']} stories) and its "
           f"sidecar {path.with_suffix('.json').name}", ctx.quiet)
