"""storyline ingest / enrich / rejections / settings / migrate."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from .. import pipeline
from ..errors import UsageError
from ..ingest import IngestReport
from ..settings import SETTINGS
from ..store import articles as db
from ..store.articles import finish_run, start_run
from ..output import counted
from .common import Context, cli, common_options, emit_rows, output_option, stderr

MAX_PRINTED_REJECTIONS = 50

cluster_option = click.option(
    "--cluster", metavar="ADDRESS",
    help="Parse and analyse on a Dask cluster (scheduler address, e.g. tcp://HOST:8786); this "
         "process writes. Workers need the same storyline and model. Same as --set cluster.address=.")


def use_cluster(ctx: Context, address: str | None) -> None:
    """--cluster is the ``cluster.address`` setting for this run."""
    if address:
        ctx.settings = ctx.settings.replace(cluster__address=address)


@contextmanager
def progress_bar(ctx: Context) -> Iterator[Callable[[str, int, int], None] | None]:
    """A rich progress display on stderr (only on a terminal, and not with --quiet)."""
    if ctx.quiet or not ctx.settings["ingest.progress"] or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    tasks: dict[str, int] = {}
    with Progress(TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=None if total < 0 else total)
            if total < 0:
                bar.advance(tasks[stage], done)
            else:
                bar.update(tasks[stage], completed=done, total=total)

        yield update


def print_report(report: IngestReport, quiet: bool) -> None:
    for rej in report.rejected[:MAX_PRINTED_REJECTIONS]:
        click.echo(str(rej), err=True)
    if len(report.rejected) > MAX_PRINTED_REJECTIONS:
        click.echo(f"... and {len(report.rejected) - MAX_PRINTED_REJECTIONS} more; `storyline rejections` lists them all", err=True)
    stage_text = "".join(
        f"; {name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()) for name, counts in report.stages.items()
    )
    stderr(
        f"{counted(report.inputs, 'input')} ({report.inputs_skipped} unchanged since last time), "
        f"{counted(report.articles_read, 'article')} read: {report.added} added, {counted(report.new_versions, 'new version')}, "
        f"{report.unchanged} already stored, {len(report.rejected)} rejected "
        f"in {report.seconds:.1f}s{stage_text}",
        quiet,
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--no-enrich", is_flag=True, help="Only load; run the other stages later with `storyline enrich`.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@cluster_option
@common_options
def ingest(ctx: Context, paths: tuple[str, ...], no_enrich: bool, as_json: bool, cluster: str | None) -> None:
    """Read articles into the store: line-format files, JSONL, saved HTML, WARC archives.

    PATH is a file, a directory (read recursively) or - for stdin. Every later stage
    (clean, dedup, enrich, stories) runs on the new articles unless --no-enrich.
    Exit code 0: all read; 1: some inputs were rejected (listed as file:line: CODE
    message, and kept in the store); 3: failure.
    """
    use_cluster(ctx, cluster)
    store = ctx.store()
    run_id = start_run(store, "ingest", ctx.settings.changed())
    status = "failed"
    report = None
    try:
        with progress_bar(ctx) as progress:
            report = pipeline.ingest_and_process(
                store, list(paths), settings=ctx.settings, process=not no_enrich,
                progress=progress, stdin=sys.stdin.buffer if "-" in paths else None, run_id=run_id,
            )
        status = "rejected" if report.rejected else "ok"
    finally:
        finish_run(store, run_id, status, report.to_dict() if report else {})
    if as_json:
        emit_rows(report.to_dict(), fmt="json")
    print_report(report, ctx.quiet)
    click.get_current_context().exit(report.exit_code)


@cli.command()
@click.option("--stage", "stages", multiple=True, help="Run only this stage (repeatable).")
@click.option("--redo", metavar="STAGE", help="Run STAGE again on every article, and the stages after it: "
              "after an upgrade, so that old articles get the new furniture patterns or models "
              "(clean, dedup, enrich or stories; entities are resolved and stories clustered again from "
              "nothing). An interrupted redo goes on with `storyline enrich`.")
@click.option("--json", "as_json", is_flag=True, help="Print per-stage counts as JSON.")
@cluster_option
@common_options
def enrich(ctx: Context, stages: tuple[str, ...], redo: str | None, as_json: bool, cluster: str | None) -> None:
    """Run the pipeline stages on every article they have not processed yet.

    Use after `storyline ingest --no-enrich`, or to finish an interrupted run; with --redo,
    to process every article again after an upgrade.
    """
    use_cluster(ctx, cluster)
    store = ctx.store()
    if redo:
        if stages:
            raise UsageError("--redo runs its stage and every stage after it: leave out --stage")
        with store.transaction():
            again = pipeline.redo_from(store, redo.strip().lower())
        stderr(f"every article goes through {', '.join(again)} again", ctx.quiet)
    with progress_bar(ctx) as progress:
        results = pipeline.run_stages(store, settings=ctx.settings, only=list(stages) or None, progress=progress)
    if as_json:
        emit_rows(results, fmt="json")
    else:
        for name, counts in results.items():
            stderr(f"{name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()), ctx.quiet)


@cli.command()
@output_option("json", "csv")
@click.option("--limit", default=1000, show_default=True, type=click.IntRange(min=1))
@common_options
def rejections(ctx: Context, fmt: str, limit: int) -> None:
    """Inputs that were rejected, with the reason (from every run)."""
    rows = db.rejections(ctx.store(readonly=True), limit=limit)
    emit_rows(rows, ["source", "line", "code", "message"], fmt=fmt, empty="no rejected inputs")


@cli.command("settings")
@output_option("json")
@common_options
def settings_cmd(ctx: Context, fmt: str) -> None:
    """Every setting, its value for this run, its default and why it has that default."""
    rows = [
        {"name": s.name, "value": ctx.settings[s.name], "default": s.default, "why": s.why}
        for s in SETTINGS
    ]
    emit_rows(rows, ["name", "value", "why"], fmt=fmt)


@cli.command()
@common_options
def migrate(ctx: Context) -> None:
    """Create the store or bring its schema up to date (other writing commands do this too)."""
    store = ctx.store()
    version = store.scalar("SELECT MAX(version) FROM schema_migrations")
    stderr(f"{store.backend.target}: schema {version}", ctx.quiet)
