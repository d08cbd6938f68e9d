"""Ingest: read inputs into the store, in batches, losing nothing and adding nothing twice.

Each batch of articles, the rejections met while reading them, and the record of which
input files are finished are committed in one transaction. A crash or kill therefore loses
at most the batch in flight; running the same command again skips finished files, skips
articles already stored (ids are content-derived) and finishes the job.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO

from .readers import InputFile, discover, read_input
from .records import Article, Rejection
from .settings import DEFAULTS, Settings
from .store import Store
from .store import articles as db

# Exit codes shared by every command (README "Exit codes").
EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_FAILED = 3


@dataclass
class IngestReport:
    """What one ingest did; ``exit_code`` tells the shell."""

    run_id: int | None = None
    inputs: int = 0
    inputs_skipped: int = 0
    articles_read: int = 0
    added: int = 0
    new_versions: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    stages: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return EXIT_REJECTED if self.rejected else EXIT_OK

    def to_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "inputs": self.inputs,
            "inputs_skipped": self.inputs_skipped,
            "articles_read": self.articles_read,
            "added": self.added,
            "new_versions": self.new_versions,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
            "rejections": [r.to_dict() for r in self.rejected],
            "seconds": round(self.seconds, 3),
            "stages": self.stages,
        }


ProgressFn = Callable[[int], None]


def store_files(store: Store) -> list[str]:
    """The store's own files, which an ingest of the folder holding them must not read."""
    if store.dialect != "sqlite":
        return []
    target = store.backend.target
    return [target, f"{target}-wal", f"{target}-shm", f"{target}-journal"]


class _Batcher:
    """Collects articles and rejections; commits them with the inputs they finish."""

    def __init__(self, store: Store, report: IngestReport, settings: Settings, progress: ProgressFn | None):
        self.store = store
        self.report = report
        self.size = settings["ingest.batch_size"]
        self.progress = progress
        self.articles: list[Article] = []
        self.rejections: list[Rejection] = []
        self.finished: list[tuple[InputFile, int, int]] = []
        self.rereading: list[str] = []

    def add(self, item: Article | Rejection) -> None:
        if isinstance(item, Rejection):
            self.rejections.append(item)
            self.report.rejected.append(item)
        else:
            self.articles.append(item)
            self.report.articles_read += 1
        if len(self.articles) >= self.size:
            self.flush()

    def begin_input(self, inp: InputFile) -> None:
        """Forget this input's rejections from earlier runs: it is being read again."""
        if not inp.is_stdin:
            self.rereading.append(inp.name)

    def finish_input(self, inp: InputFile, n_articles: int, n_rejected: int) -> None:
        if not inp.is_stdin:
            self.finished.append((inp, n_articles, n_rejected))

    def flush(self) -> None:
        if not (self.articles or self.rejections or self.finished or self.rereading):
            return
        with self.store.transaction():
            db.forget_rejections(self.store, self.rereading)
            saved = db.save_articles(self.store, self.articles, self.report.run_id)
            db.save_rejections(self.store, self.rejections, self.report.run_id)
            for inp, n_articles, n_rejected in self.finished:
                db.mark_input_done(self.store, inp.name, inp.size, inp.mtime_ns, n_articles, n_rejected, self.report.run_id)
        self.report.added += saved.added
        self.report.new_versions += saved.new_versions
        self.report.unchanged += saved.unchanged
        if self.progress:
            self.progress(len(self.articles))
        self.articles, self.rejections, self.finished, self.rereading = [], [], [], []


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    settings: Settings = DEFAULTS,
    progress: ProgressFn | None = None,
    stdin: IO[bytes] | None = None,
    run_id: int | None = None,
) -> IngestReport:
    """Read ``paths`` (files, directories, ``-``) into ``store``; see the module docstring.

    Only loading happens here; :func:`storyline.pipeline.ingest_and_process` also runs the
    clean, dedup, enrich and stories stages on what was added.
    """
    started = time.perf_counter()
    report = IngestReport(run_id=run_id)
    batch = _Batcher(store, report, settings, progress)
    for inp in discover(paths, exclude=store_files(store)):
        if isinstance(inp, Rejection):
            batch.add(inp)
            continue
        report.inputs += 1
        if not inp.is_stdin and db.input_unchanged(store, inp.name, inp.size, inp.mtime_ns):
            report.inputs_skipped += 1
            continue
        batch.begin_input(inp)
        n_articles = n_rejected = 0
        for item in read_input(inp, settings, stream=stdin if inp.is_stdin else None):
            if isinstance(item, Rejection):
                n_rejected += 1
            else:
                n_articles += 1
            batch.add(item)
        batch.finish_input(inp, n_articles, n_rejected)
    batch.flush()
    report.seconds = time.perf_counter() - started
    return report
