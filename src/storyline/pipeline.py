"""The pipeline: ingest -> clean -> dedup -> enrich -> stories, composed from stage modules.

Every stage after ingest is incremental: it processes the current articles it has not seen
(``article_stages``), in batches, and records them as done in the same transaction as its
results, so an interrupted run resumes where it stopped. A stage names the stages it needs;
asking for a stage without them fails loudly instead of computing on missing data.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .errors import UsageError
from .ingest import IngestReport, ingest
from .output import counted
from .settings import DEFAULTS, Settings
from .store import Store
from .store import articles as db

StageFn = Callable[[Store, Settings, Callable[[int], None] | None], dict[str, int]]


@dataclass(frozen=True)
class Stage:
    """A pipeline stage: ``run`` is ``module:function`` taking (store, settings, progress);
    ``reset``, ``module:function`` taking the store, clears what a redo of the stage must
    start without: results that belong to no one article (the name resolver's and the
    clusterer's state)."""

    name: str
    requires: tuple[str, ...]
    assigns: str
    run: str
    reset: str = ""

    def function(self) -> StageFn:
        return _resolve(self.run)


def _resolve(ref: str) -> Callable:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(f"storyline.{module}"), name)


# Stages are added here as their modules land; order is execution order.
STAGES: tuple[Stage, ...] = (
    Stage("clean", (), "sentences.kind (text, boilerplate, embed); embeds", run="boilerplate:run"),
    Stage("dedup", ("clean",), "syndication groups; repeated statements", run="syndication:run"),
    Stage("enrich", ("clean", "dedup"), "mentions, canonical entities, dates, quotes, events", run="enrich:run",
          reset="enrich:forget"),
    Stage("stories", ("enrich",), "stories, story members, coverage per day", run="story_store:run",
          reset="story_store:forget"),
)


def run_batched(
    store: Store,
    stage: str,
    batch_size: int,
    work: Callable[[Store, list[int]], dict[str, int]],
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """The loop every incremental stage shares: ``work`` each batch of the articles
    ``stage`` has not seen, and mark them done in the same transaction; returns the summed
    counts ``work`` reports."""
    totals: dict[str, int] = {}
    seqs = db.pending(store, stage)
    for i in range(0, len(seqs), batch_size):
        chunk = seqs[i:i + batch_size]
        with store.transaction():
            counts = work(store, chunk)
            db.mark_done(store, stage, chunk)
        for k, v in counts.items():
            totals[k] = totals.get(k, 0) + v
        if progress:
            progress(len(chunk))
    return totals


def invalidate_after(store: Store, stage: str, seqs: Sequence[int]) -> None:
    """Send articles back through every stage after ``stage`` (their input changed: e.g.
    clean re-marked some of their lines). Each later stage replaces its earlier results for
    an article it processes again."""
    names = stage_names()
    later = names[names.index(stage) + 1:]
    if not later or not seqs:
        return
    stage_marks = ",".join("?" * len(later))
    for marks, chunk in store.in_chunks(list(seqs)):
        store.execute(f"DELETE FROM article_stages WHERE stage IN ({stage_marks}) AND seq IN ({marks})", [*later, *chunk])


def stage_names() -> list[str]:
    return [s.name for s in STAGES]


def redo_from(store: Store, stage: str) -> list[str]:
    """Send every article back through ``stage`` and the stages after it (after an upgrade:
    new furniture patterns, a better model), returning their names; the next
    :func:`run_stages` processes them again, each stage replacing its earlier results, and
    a stage with a ``reset`` starting from nothing (entities are resolved again and stories
    clustered again: the resolver keeps the names it has seen, the clusterer places an
    article it already placed where it was). Call it inside one
    transaction: a run interrupted after it goes on with a plain ``storyline enrich``."""
    names = stage_names()
    if stage not in names:
        raise UsageError(f"unknown stage {stage!r}; stages are {', '.join(names)}")
    again = names[names.index(stage):]
    store.execute(f"DELETE FROM article_stages WHERE stage IN ({','.join('?' * len(again))})", again)
    for s in STAGES:
        if s.name in again and s.reset:
            _resolve(s.reset)(store)
    return again


def run_stages(
    store: Store,
    *,
    settings: Settings = DEFAULTS,
    only: Sequence[str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, dict[str, int]]:
    """Run the stages (all, or ``only``) on pending articles; returns per-stage counts."""
    chosen = list(STAGES) if only is None else [s for s in STAGES if s.name in only]
    unknown = set(only or ()) - {s.name for s in STAGES}
    if unknown:
        raise UsageError(f"unknown {'stage' if len(unknown) == 1 else 'stages'} {', '.join(sorted(unknown))}; "
                         f"stages are {', '.join(stage_names())}")
    results: dict[str, dict[str, int]] = {}
    for stage in chosen:
        for need in stage.requires:
            waiting = len(db.pending(store, need))
            if waiting and need not in [s.name for s in chosen]:
                raise UsageError(
                    f"stage {stage.name} needs {need} first, and {counted(waiting, 'article')} "
                    f"{'is' if waiting == 1 else 'are'} not through {need} yet; run `storyline enrich` (all stages) instead"
                )
        todo = len(db.pending(store, stage.name))
        if progress:
            progress(stage.name, 0, todo)
        step = None
        if progress:
            done = [0]

            def step(n: int, _name: str = stage.name, _done: list[int] = done, _todo: int = todo) -> None:
                _done[0] += n
                progress(_name, _done[0], _todo)

        results[stage.name] = stage.function()(store, settings, step)
    return results


def ingest_and_process(
    store: Store,
    paths: Sequence[str],
    *,
    settings: Settings = DEFAULTS,
    process: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
    **kwargs,
) -> IngestReport:
    """Ingest, then (unless ``process`` is False) run every stage on what is new."""
    read_progress = (lambda n: progress("ingest", n, -1)) if progress else None
    report = ingest(store, paths, settings=settings, progress=read_progress, **kwargs)
    if process:
        report.stages = run_stages(store, settings=settings, progress=progress)
    return report
