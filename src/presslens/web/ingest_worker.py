"""The server's ingest worker: articles posted to a running server are analysed and stored in the background.

DuckDB lets one process write a file and no other open it meanwhile, so
while ``presslens serve --ingest`` runs, the server owns the store and
articles reach it through ``POST /api/articles``. This module does the rest:

- **A queue and one writer thread.** Jobs (one per request) wait in order;
  the thread stores each job's analysis groups, one transaction each, through
  the server's one writable Store, and refreshes the stories once the queue
  is empty (a burst of jobs costs one refresh, not one per job). Pages read
  meanwhile through a reader connection (``Store.reader``) and see each
  committed state; they never wait for a write.
- **Analysis in a process of its own**, started on the first job and kept:
  spaCy's model is loaded there once, its memory is not the server's, and
  its Python does not share the server's interpreter lock, so pages keep
  their speed while articles are analysed. The articles go through the one
  analysis path (``analysis.analyze_groups``), as with ``presslens ingest``.
  If that process dies (killed, out of memory), the job fails with a clear
  message and the next job starts a new one.
- **Analysts' changes** (timeline corrections from the story page) run in
  the same thread, in turn with the jobs (``write``): one writer, as DuckDB
  wants.
- **Bounded**: at most `max_pending` articles wait; a request beyond that is
  refused (503, try again later) rather than growing the server's memory.

Job states: ``queued`` → ``analysing`` → ``stored`` (articles written, the
stories to be refreshed) → ``done``, or ``failed`` with its `problem`.
Jobs live in memory: the last `keep_jobs` are kept, and a server stopped
with jobs waiting logs how many articles it did not store.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import logging
import multiprocessing
import queue
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from presslens.analysis import Analysed, analyze_groups
from presslens.errors import PresslensError
from presslens.ingest.stream import InputItem
from presslens.models import Document
from presslens.settings import Settings

if TYPE_CHECKING:
    from presslens.pipeline import Pipeline
    from presslens.store import Store

__all__ = ["IngestJob", "IngestWorker", "QueueFull"]

log = logging.getLogger(__name__)


class QueueFull(PresslensError):
    """More articles wait than the worker takes; the client should try again later."""


@dataclass
class IngestJob:
    """One request's articles and what became of them (``GET /api/ingest/{id}`` shows it)."""

    id: str
    articles: int
    status: str = "queued"
    results: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    problem: str | None = None
    stories: int | None = None
    submitted: float = field(default_factory=time.time)
    finished: float | None = None

    @property
    def over(self) -> bool:
        return self.status in ("done", "failed")

    def view(self) -> dict[str, Any]:
        return {
            "id": self.id, "status": self.status, "articles": self.articles, "stored": len(self.results),
            "failed": len(self.errors), "results": self.results, "errors": self.errors,
            "problem": self.problem, "stories": self.stories,
            "seconds": round((self.finished or time.time()) - self.submitted, 3),
        }


# -- the analysis process ----------------------------------------------------------------------

_PIPELINE: Pipeline | None = None


def _start_analysis(settings: Settings) -> None:
    """Load the model once, when the analysis process starts."""
    global _PIPELINE
    from presslens.pipeline import Pipeline

    _PIPELINE = Pipeline(settings)


def _analyse(items: list[InputItem]) -> list[tuple[Document | None, str | None]]:
    """Each item's Document or error message, in order (run in the analysis process)."""
    out: list[tuple[Document | None, str | None]] = []
    for group in analyze_groups(items, _PIPELINE):
        out.extend((r.document, str(r.error) if r.error is not None else None) for r in group)
    return out


T = TypeVar("T")


@dataclass
class _Write:
    """A change to the store made in the writer thread (``IngestWorker.write``)."""

    change: Callable[[Store], Any]
    done: concurrent.futures.Future[Any]

    def run(self, store: Store) -> None:
        try:
            self.done.set_result(self.change(store))
        except BaseException as exc:  # the caller gets it; the writer thread goes on
            self.done.set_exception(exc)


# -- the worker --------------------------------------------------------------------------------


class IngestWorker:
    """Analyses and stores posted articles in the background, one job at a time, in order."""

    def __init__(
        self,
        store: Callable[[], Store],
        settings: Settings,
        *,
        max_pending: int = 5000,
        keep_jobs: int = 1000,
    ) -> None:
        self._store = store
        self.settings = settings
        self.max_pending = max_pending
        self.keep_jobs = keep_jobs
        self._queue: queue.Queue[tuple[IngestJob, list[InputItem]] | _Write | None] = queue.Queue()
        self._jobs: OrderedDict[str, IngestJob] = OrderedDict()
        self._lock = threading.Lock()
        self._pending = 0
        self._thread: threading.Thread | None = None
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._closed = False

    # -- the request side -------------------------------------------------------------------------

    def submit(self, items: list[InputItem]) -> IngestJob:
        """Queue `items` (articles, or the errors reading them) as one job; QueueFull when busy."""
        articles = sum(1 for i in items if i.article is not None)
        with self._lock:
            if self._closed:
                raise QueueFull("the server is stopping; send the articles again once it runs")
            if self._pending and self._pending + articles > self.max_pending:
                raise QueueFull(
                    f"{self._pending} articles are waiting to be analysed (at most {self.max_pending}); "
                    "try again in a while"
                )
            job = IngestJob(uuid.uuid4().hex[:12], len(items))
            job.errors.extend(str(i.error) for i in items if i.error is not None)
            self._jobs[job.id] = job
            while len(self._jobs) > self.keep_jobs:
                self._jobs.popitem(last=False)
            self._pending += articles
            self._start_thread()
        self._queue.put((job, [i for i in items if i.article is not None]))
        return job

    def _start_thread(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="presslens-ingest", daemon=True)
            self._thread.start()

    def write(self, change: Callable[[Store], T], *, timeout: float = 120.0) -> T:
        """Run `change` on the writable Store in the writer thread, after the jobs queued before it.

        An analyst's correction goes through here: DuckDB takes one writer,
        and this thread is the server's. Waits for the answer (the current
        job's transaction first); its error is raised here.
        """
        with self._lock:
            if self._closed:
                raise QueueFull("the server is stopping; try again once it runs")
            self._start_thread()
        task = _Write(change, concurrent.futures.Future())
        self._queue.put(task)
        try:
            return task.done.result(timeout)
        except concurrent.futures.TimeoutError:
            raise QueueFull(f"the store is busy storing articles; try again in a while "
                            f"(waited {timeout:.0f} s)") from None

    def job(self, job_id: str) -> IngestJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def jobs(self) -> list[IngestJob]:
        with self._lock:
            return list(self._jobs.values())

    @property
    def pending(self) -> int:
        return self._pending

    def close(self, timeout: float = 10.0) -> None:
        """Stop taking jobs, let the current transaction end, stop the analysis process."""
        with self._lock:
            self._closed = True
        if self._pending:
            log.warning("stopping with %d posted articles not yet stored; send them again", self._pending)
        self._queue.put(None)
        self._stop_pool()
        if self._thread is not None:
            self._thread.join(timeout)

    # -- the writer thread ------------------------------------------------------------------------

    def _run(self) -> None:
        waiting: list[IngestJob] = []  # stored, their stories not yet refreshed
        while (entry := self._queue.get()) is not None:
            if isinstance(entry, _Write):
                if waiting:  # the change sees the stories of every article stored before it
                    self._refresh(waiting)
                    waiting = []
                entry.run(self._store())
                continue
            job, items = entry
            if self._closed:
                self._finish(job, "failed", problem="the server stopped before this job ran")
                continue
            try:
                self._ingest(job, items)
                waiting.append(job)
            except Exception as exc:
                log.exception("ingest job %s failed", job.id)
                self._finish(job, "failed", problem=f"{type(exc).__name__}: {exc}")
            finally:
                with self._lock:
                    self._pending -= len(items)
            if self._queue.empty() and waiting:
                self._refresh(waiting)
                waiting = []
        if waiting:
            self._refresh(waiting)

    def _ingest(self, job: IngestJob, items: list[InputItem]) -> None:
        from presslens.service_store import IngestSummary, store_groups

        job.status = "analysing"
        analysed = self._analysed(items) if items else []
        job.status = "storing"
        groups = [[Analysed(item, doc, None if doc is not None else PresslensError(error or "failed"))
                   for item, (doc, error) in zip(items, analysed, strict=True)]]
        summary = store_groups(groups, self._store(), IngestSummary(), None, refresh=False)
        job.results.extend(dataclasses.asdict(r) for r in summary.results)
        job.errors.extend(str(e) for e in summary.errors)
        job.status = "stored"

    def _analysed(self, items: list[InputItem]) -> list[tuple[Document | None, str | None]]:
        for attempt in (1, 2):
            try:
                return self._analysis_pool().submit(_analyse, items).result()
            except concurrent.futures.process.BrokenProcessPool:
                self._stop_pool()
                if attempt == 2 or self._closed:
                    raise PresslensError(
                        "the analysis process ended unexpectedly (killed, or out of memory)"
                    ) from None
        raise AssertionError("unreachable")

    def _analysis_pool(self) -> concurrent.futures.ProcessPoolExecutor:
        if self._pool is None:
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_analysis, initargs=(self.settings,),
            )
        return self._pool

    def _stop_pool(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):  # an analysis may be running
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)

    def _refresh(self, jobs: list[IngestJob]) -> None:
        changed = any(r["status"] != "unchanged" for job in jobs for r in job.results)
        try:
            stories = self._store().refresh_stories() if changed else None
        except Exception as exc:
            log.exception("refreshing the stories failed")
            for job in jobs:
                self._finish(job, "failed", problem=f"articles stored, stories not refreshed: {exc}")
            return
        for job in jobs:
            job.stories = stories
            self._finish(job, "done")

    def _finish(self, job: IngestJob, status: str, *, problem: str | None = None) -> None:
        job.problem = problem
        job.finished = time.time()
        job.status = status
