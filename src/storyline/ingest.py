"""Ingest: read inputs into the store, in batches, losing nothing and adding nothing twice.

Each batch of articles, the rejections met while reading them, and the record of which
input files are finished are committed in one transaction. A crash or kill therefore loses
at most the batch in flight; running the same command again skips finished files, skips
articles already stored (ids are content-derived) and finishes the job.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
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


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


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
            db.mark_inputs_done(
                self.store,
                [(inp.name, inp.size, inp.mtime_ns, n_art, n_rej) for inp, n_art, n_rej in self.finished],
                self.report.run_id,
            )
        self.report.added += saved.added
        self.report.new_versions += saved.new_versions
        self.report.unchanged += saved.unchanged
        if self.progress:
            self.progress(len(self.articles))
        self.articles, self.rejections, self.finished, self.rereading = [], [], [], []


def _unseen(store: Store, paths: Iterable[str], batch: _Batcher, report: IngestReport) -> Iterator[InputFile]:
    """Inputs to read: discovered, minus files read completely before and unchanged since
    (looked up 256 at a time). Discovery rejections go straight to the batch."""
    for chunk in _chunks(discover(paths, exclude=store_files(store)), 256):
        known = db.known_inputs(store, [i.name for i in chunk if isinstance(i, InputFile) and not i.is_stdin])
        for inp in chunk:
            if isinstance(inp, Rejection):
                batch.add(inp)
                continue
            report.inputs += 1
            if known.get(inp.name) == (inp.size, inp.mtime_ns):
                report.inputs_skipped += 1
                continue
            yield inp


def _read_files(inputs: list[InputFile], overrides: dict) -> list[tuple[InputFile, list[Article | Rejection]]]:
    """Worker task: read a chunk of small files completely."""
    settings = Settings(overrides)
    return [(inp, list(read_input(inp, settings))) for inp in inputs]


class _ParallelReader:
    """Reads inputs in order, parsing small files in a pool of ``ingest.jobs`` processes.

    Results come back in input order, with at most ``2 x jobs`` chunks in flight, so memory
    stays bounded. Big files (JSONL, WARC, anything over ``_SMALL`` bytes) and stdin are
    streamed in this process, after the chunks submitted before them. Inputs of fewer than
    one chunk never start a pool.
    """

    _CHUNK = 64  # files per task: amortises pickling and scheduling (~1 ms per task)
    _SMALL = 1 << 20  # one article per file is far below this; JSONL/WARC dumps are above

    def __init__(self, settings: Settings, stdin: IO[bytes] | None):
        self.settings = settings
        self.stdin = stdin
        self.jobs = max(1, settings["ingest.jobs"])
        self.pool = None
        self.pending: deque = deque()

    def read(self, inputs: Iterable[InputFile]) -> Iterator[tuple[InputFile, Iterable[Article | Rejection]]]:
        chunk: list[InputFile] = []
        for inp in inputs:
            if inp.is_stdin or inp.size > self._SMALL or self.jobs == 1:
                yield from self._drain(chunk)
                chunk = []
                yield inp, read_input(inp, self.settings, stream=self.stdin if inp.is_stdin else None)
                continue
            chunk.append(inp)
            if len(chunk) >= self._CHUNK:
                self._submit(chunk)
                chunk = []
                while len(self.pending) > 2 * self.jobs:
                    yield from self.pending.popleft().result()
        yield from self._drain(chunk)

    def _submit(self, chunk: list[InputFile]) -> None:
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("forkserver"))
        self.pending.append(self.pool.submit(_read_files, chunk, dict(self.settings)))

    def _drain(self, chunk: list[InputFile]) -> Iterator[tuple[InputFile, Iterable[Article | Rejection]]]:
        while self.pending:
            yield from self.pending.popleft().result()
        for inp in chunk:
            yield inp, read_input(inp, self.settings)

    def close(self) -> None:
        if self.pool is not None:
            for future in self.pending:
                future.cancel()
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


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
    reader = _ParallelReader(settings, stdin)
    try:
        for inp, results in reader.read(_unseen(store, paths, batch, report)):
            batch.begin_input(inp)
            n_articles = n_rejected = 0
            for item in results:
                if isinstance(item, Rejection):
                    n_rejected += 1
                else:
                    n_articles += 1
                batch.add(item)
            batch.finish_input(inp, n_articles, n_rejected)
    finally:
        reader.close()
    batch.flush()
    report.seconds = time.perf_counter() - started
    return report
