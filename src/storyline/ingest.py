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

from .executors import OrderedTasks
from .readers import Frame, InputFile, discover, frames, open_input, parse_frame, read_input
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
        if len(self.articles) >= self.size or len(self.rejections) >= self.size:
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


@dataclass(frozen=True)
class _Part:
    """Parsing work from one input: the whole of a small file (``frames`` is None; the worker
    reads it, or parses ``data`` when the bytes were shipped), or frames of a big input cut
    here. ``last`` marks an input's final part."""

    inp: InputFile
    frames: tuple[Frame, ...] | None = None
    data: bytes | None = None
    last: bool = True

    @property
    def weight(self) -> int:
        """Bytes this part ships (or, for a file read by the worker, will read)."""
        if self.frames is None:
            return len(self.data) if self.data is not None else self.inp.size
        return sum(len(getattr(f, "body", None) or getattr(f, "raw", None) or getattr(f, "data", b"")) for f in self.frames)


def _parse_part(part: _Part, settings: Settings) -> list[Article | Rejection]:
    if part.frames is not None:
        return [item for frame in part.frames for item in parse_frame(frame, settings)]
    if part.data is not None:
        return list(read_input(part.inp, settings, stream=open_input(part.inp, part.data)))
    return list(read_input(part.inp, settings))


def _parse_task(parts: list[_Part], overrides: dict) -> list[list[Article | Rejection]]:
    """Worker task: the articles and rejections of each part."""
    settings = Settings(overrides)
    return [_parse_part(p, settings) for p in parts]


def _parse_here(parts: list[_Part], settings: Settings) -> Iterator[list[Article | Rejection]]:
    """The same, in this process and lazily: a failure in one file loses only what follows."""
    return (_parse_part(p, settings) for p in parts)


class _ParallelReader:
    """Reads inputs in order, parsing in ``ingest.jobs`` processes or on a Dask cluster.

    Small files become whole-file parts (read by the worker, or read here and shipped as bytes
    to a cluster, whose workers may not see this machine's disks); files over
    ``ingest.frame_bytes`` (JSONL dumps, WARC archives) are framed here, a line or a record
    at a time, and their frames parsed by the workers. Parts go out in tasks of
    ``ingest.task_inputs`` parts or ``ingest.task_bytes`` bytes through
    :class:`~storyline.executors.OrderedTasks`, which bounds the tasks in flight: memory stays
    flat however big the input. Results come back in input order. Stdin is read and parsed
    here (it may be a live stream), after everything before it.
    """

    def __init__(self, settings: Settings, stdin: IO[bytes] | None):
        self.settings = settings
        self.stdin = stdin
        self.tasks: OrderedTasks = OrderedTasks(_parse_task, settings, settings["ingest.jobs"], start_after=2, here=_parse_here)
        self.ship = bool(settings["cluster.address"].strip()) and settings["cluster.ship_bytes"]
        self.sent: deque[list[tuple[InputFile, bool]]] = deque()

    def read(self, inputs: Iterable[InputFile]) -> Iterator[tuple[InputFile, list[Article | Rejection], bool]]:
        """(input, its articles and rejections from one part, whether the input is done)."""
        task: list[_Part] = []
        size = 0
        for inp in inputs:
            if inp.is_stdin:
                yield from self._put(task)
                task, size = [], 0
                yield from self._pair(self.tasks.drain())
                yield from self._read_stdin(inp)
                continue
            for part in self._parts(inp):
                task.append(part)
                size += part.weight
                if len(task) >= self.settings["ingest.task_inputs"] or size >= self.settings["ingest.task_bytes"]:
                    yield from self._put(task)
                    task, size = [], 0
        yield from self._put(task)
        yield from self._pair(self.tasks.drain())

    def _parts(self, inp: InputFile) -> Iterator[_Part]:
        if inp.size <= self.settings["ingest.frame_bytes"]:
            yield self._shipped(inp) if self.ship else _Part(inp)
            return
        for frame in frames(inp, self.settings):
            yield _Part(inp, frames=(frame,), last=False)
        yield _Part(inp, frames=(), last=True)

    def _shipped(self, inp: InputFile) -> _Part:
        try:
            with open(inp.path, "rb") as fh:  # type: ignore[arg-type]
                return _Part(inp, data=fh.read(self.settings["ingest.max_record_bytes"] + 1))
        except OSError as exc:
            return _Part(inp, frames=(Rejection(inp.name, 0, "NOT_FOUND", f"cannot open the file ({exc.strerror})"),))

    def _put(self, task: list[_Part]) -> Iterator[tuple[InputFile, list[Article | Rejection], bool]]:
        if not task:
            return
        self.sent.append([(p.inp, p.last) for p in task])
        yield from self._pair(self.tasks.put(task))

    def _pair(self, results: Iterable[Iterable[list[Article | Rejection]]]) -> Iterator[tuple[InputFile, list[Article | Rejection], bool]]:
        for result in results:
            for (inp, last), items in zip(self.sent.popleft(), result):
                yield inp, items, last

    def _read_stdin(self, inp: InputFile) -> Iterator[tuple[InputFile, list[Article | Rejection], bool]]:
        for frame in frames(inp, self.settings, stream=self.stdin):
            yield inp, list(parse_frame(frame, self.settings)), False
        yield inp, [], True

    def close(self) -> None:
        self.tasks.close()


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
    current: InputFile | None = None
    n_articles = n_rejected = 0
    try:
        for inp, items, last in reader.read(_unseen(store, paths, batch, report)):
            if inp is not current:
                batch.begin_input(inp)
                current, n_articles, n_rejected = inp, 0, 0
            for item in items:
                if isinstance(item, Rejection):
                    n_rejected += 1
                else:
                    n_articles += 1
                batch.add(item)
            if last:
                batch.finish_input(inp, n_articles, n_rejected)
                current = None
    finally:
        reader.close()
    batch.flush()
    report.seconds = time.perf_counter() - started
    return report
