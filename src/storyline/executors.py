"""Where parallel work runs: here, in a local process pool, or on a Dask cluster.

Two stages fan work out: ingest parses inputs (``ingest._parse_task``) and enrich runs spaCy
(``enrich._analyze_task``). Both hand their tasks to :class:`OrderedTasks`, which runs them

- here, in this process, when ``jobs`` is 1 or there are too few tasks to pay for a pool;
- in a local ``ProcessPoolExecutor`` of ``jobs`` processes (the default on one machine);
- on a Dask distributed cluster when ``cluster.address`` (``--cluster``) names a scheduler:
  ``Client.get_executor()`` is a ``concurrent.futures.Executor`` too.

The task functions, their inputs and the order results are taken in are the same in every
case, so one process, two processes and a cluster store identical results. Results come back
in submission order with a bounded number of tasks in flight, and everything is written by
this process alone: the store keeps one writer.

Workers of a cluster need storyline and the English model installed, at the same version:
:func:`connect` checks every worker's :func:`worker_identity` against this process's and
refuses a cluster that differs.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any, Generic, TypeVar

from .errors import StorylineError
from .settings import Settings

T = TypeVar("T")
R = TypeVar("R")


class ClusterError(StorylineError):
    """The Dask cluster cannot be reached or cannot run storyline's tasks."""

    code = "CLUSTER_ERROR"


# --- what a worker runs ------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of storyline's own source and data files: equal digests, equal code."""
    root = Path(__file__).resolve().parent
    h = hashlib.blake2b(digest_size=8)
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix not in (".pyc", ".pyo") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def worker_identity() -> dict[str, str]:
    """What must match between this process and every worker for identical results:
    Python, storyline (version and code), spaCy, the English model and trafilatura."""
    from . import __version__
    from .nlp.engine import MODEL_PACKAGES

    models = [f"{name} {_version(name)}" for name in MODEL_PACKAGES if _version(name) != "missing"]
    return {
        "python": "%d.%d" % sys.version_info[:2],  # noqa: UP031
        "storyline": __version__,
        "storyline code": code_digest(),
        "spacy": _version("spacy"),
        "model": models[0] if models else "missing",
        "trafilatura": _version("trafilatura"),
    }


# --- the executors -----------------------------------------------------------------------
class Workers:
    """An executor and how many tasks it runs at once (``slots``)."""

    def __init__(self, executor: Executor, slots: int, where: str, client: Any = None):
        self.executor = executor
        self.slots = max(1, slots)
        self.where = where
        self.client = client

    def submit(self, fn: Callable[..., R], *args: Any) -> Future:
        return self.executor.submit(fn, *args)

    def close(self) -> None:
        if self.client is None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            return
        try:
            self.executor.shutdown(wait=False)  # cancels what is still queued on the cluster
        finally:
            self.client.close()


def local_pool(jobs: int) -> Workers:
    """A pool of ``jobs`` worker processes on this machine (forkserver: no inherited store
    connections or threads)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("forkserver"))
    return Workers(pool, jobs, f"{jobs} local processes")


def connect(address: str, settings: Settings) -> Workers:
    """The Dask cluster whose scheduler is at ``address`` (``tcp://host:8786``), checked:
    it answers, it has workers, and every worker runs the same storyline and model."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - dask[distributed] is a dependency
        raise ClusterError("dask.distributed is not installed; pip install 'dask[distributed]'",
                           code="CLUSTER_UNREACHABLE") from None
    import dask

    timeout = settings["cluster.connect_timeout_s"]
    # The client's batched stream keeps its last 1,000 messages for debugging
    # (distributed.admin.low-level-log-length), each with the task's arguments: with shipped
    # input bytes that held ~90 MB more at 100k articles and would reach gigabytes with
    # bigger tasks. Keep none: memory then stays flat however long the ingest.
    dask.config.set({"distributed.admin.low-level-log-length": 0})
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} within {timeout} s ({type(exc).__name__}: "
            f"{str(exc)[:200]}); start one with `dask scheduler` and workers with `dask worker {address}`, "
            "or check the address (--cluster tcp://HOST:8786)", code="CLUSTER_UNREACHABLE") from None
    try:
        _check_workers(client, address, settings)
        slots = sum(client.nthreads().values())
        return Workers(client.get_executor(pure=False), slots, f"Dask cluster {address}", client)
    except BaseException:
        client.close()
        raise


def _check_workers(client: Any, address: str, settings: Settings) -> None:
    timeout = settings["cluster.connect_timeout_s"]
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (TimeoutError, OSError):
        raise ClusterError(f"the Dask cluster at {address} has no workers after {timeout} s; "
                           f"start some with `dask worker {address}`", code="CLUSTER_NO_WORKERS") from None
    try:
        found = client.run(worker_identity)
    except Exception as exc:  # a worker without storyline cannot even unpickle the call
        raise ClusterError(
            f"the workers at {address} cannot run storyline ({type(exc).__name__}: {str(exc)[:200]}); "
            "install storyline and the English model on every worker (README: Big archives and clusters)",
            code="CLUSTER_MISMATCH") from None
    mine = worker_identity()
    for worker, theirs in sorted(found.items()):
        diff = [f"{key} {theirs.get(key)!r} (here {value!r})" for key, value in mine.items() if theirs.get(key) != value]
        if diff:
            raise ClusterError(
                f"worker {worker} differs from this machine: {', '.join(diff)}; install the same "
                "storyline and model on every worker, or results would depend on where a task ran",
                code="CLUSTER_MISMATCH")


# --- running tasks in order --------------------------------------------------------------
class OrderedTasks(Generic[T, R]):
    """Runs ``fn(task, settings_dict)`` for a stream of tasks; results in submission order.

    - ``cluster.address`` set: every task goes to the cluster (connected at the first task).
    - ``jobs`` > 1: tasks wait until ``start_after`` of them are queued, then a local pool of
      ``jobs`` processes starts; a job of fewer tasks runs here (a pool costs a start-up, and
      for enrich a model load per process).
    - otherwise each task runs here, when its result is taken, through ``here`` (default
      ``fn``): ingest passes a lazy version so a crash loses no more than it did serially.

    At most ``cluster.inflight_per_worker`` tasks per worker slot are in flight: :meth:`put`
    returns the oldest results once that many are waiting, so memory stays bounded however
    long the stream of tasks.
    """

    def __init__(self, fn: Callable[[T, dict], R], settings: Settings, jobs: int, *, start_after: int = 2,
                 here: Callable[[T, Settings], R] | None = None):
        self.fn = fn
        self.settings = settings
        self.overrides = dict(settings)
        self.here = here or (lambda task, s: fn(task, dict(s)))
        self.address = settings["cluster.address"].strip()
        self.jobs = max(1, jobs)
        self.start_after = max(1, start_after)
        self.workers: Workers | None = None
        self.held: list[T] = []
        self.pending: deque[Future] = deque()
        self.submitted = 0

    @property
    def remote(self) -> bool:
        """Whether tasks run somewhere else than this process (a pool or a cluster)."""
        return bool(self.address) or self.jobs > 1

    def put(self, task: T) -> list[R]:
        """Queue a task; returns the results that must be taken now (oldest first)."""
        if not self.remote:
            return [self.here(task, self.settings)]
        if self.workers is None:
            self.held.append(task)
            if not self.address and len(self.held) < self.start_after:
                return []
            self.workers = connect(self.address, self.settings) if self.address else local_pool(self.jobs)
            held, self.held = self.held, []
            for t in held:
                self._submit(t)
        else:
            self._submit(task)
        limit = self.settings["cluster.inflight_per_worker"] * self.workers.slots
        out = []
        while len(self.pending) > limit:
            out.append(self.pending.popleft().result())
        return out

    def drain(self) -> Iterator[R]:
        """Every result not taken yet, in order (tasks still held run here)."""
        while self.pending:
            yield self.pending.popleft().result()
        held, self.held = self.held, []
        for task in held:
            yield self.here(task, self.settings)

    def map(self, tasks: Iterable[T]) -> Iterator[R]:
        """All results of ``tasks``, in order."""
        for task in tasks:
            yield from self.put(task)
        yield from self.drain()

    def _submit(self, task: T) -> None:
        assert self.workers is not None
        self.pending.append(self.workers.submit(self.fn, task, self.overrides))
        self.submitted += 1

    def close(self) -> None:
        """Cancel what is in flight and stop the pool or leave the cluster."""
        for future in self.pending:
            future.cancel()
        self.pending.clear()
        if self.workers is not None:
            self.workers.close()
            self.workers = None

    def __enter__(self) -> OrderedTasks[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
