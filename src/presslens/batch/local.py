"""The local batch engine: worker processes, chunked output, resumable after a kill.

Layout of an output directory::

    OUT/documents/part-000000.jsonl   (or .parquet) one file per chunk of input items
    OUT/errors.jsonl                  one row per bad file/record or truncated page
    OUT/summary.json                  the BatchSummary of the last run
    OUT/_state/run.json               the run's parameters (inputs, format, chunking, today)
    OUT/_state/chunk-000000.json      commit marker of a finished chunk (counts, error rows)

How it works, and why:

- The main process streams the inputs (``inputs.iter_items``) and cuts the
  stream into chunks of whole analysis groups (``presslens.analysis``, so
  the nlp.pipe batches are those of the Spark engine), ``chunk_size`` items or
  a few more; at most ``2 × workers`` chunks are
  in flight, so memory stays constant in the corpus size. Ingestion stays in
  the main process because it is cheap next to the NLP (a few ms per page vs
  tens) and keeps item order — and so chunk numbering — deterministic.
- Workers are ``spawn``ed processes that build one ``Pipeline`` each in the
  pool initializer (the spaCy model loads once per worker, ~0.3 s, not once per
  chunk). A worker analyses a chunk, writes its part file to a temporary name
  and renames it into place; the main process then writes the chunk's commit
  marker, again via rename. A chunk is done exactly when its marker exists.
- Resume: a re-run with the same parameters re-reads the inputs, skips chunks
  whose marker exists and redoes the others, overwriting any part file a
  killed run left without a marker. Chunk numbering depends only on the
  inputs and ``chunk_size`` (and ``today``, kept from the first run), so the
  result is exactly that of an uninterrupted run: nothing duplicated, nothing
  lost.
- A worker watches its parent and exits when it is gone, so killing the main
  process does not leave analysis processes behind.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import multiprocessing
import os
import resource
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.analysis import analysis_groups
from presslens.batch.analysis import batch_rows
from presslens.batch.reporting import (
    BatchProgress,
    BatchSummary,
    ErrorRow,
    ProgressCallback,
    write_errors,
    write_json_atomic,
)
from presslens.errors import PresslensError
from presslens.ingest.stream import InputItem, expand_inputs, iter_items
from presslens.settings import Settings

__all__ = ["ChunkResult", "ChunkTask", "analyze_chunk", "run_local", "worker_environment", "worker_pool"]

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 64
_STATE_VERSION = 3  # 2: chunks hold whole analysis groups; 3: group size is settings.batch_size
_pipeline: Any = None  # the worker's Pipeline, built once by _init_worker
_parent_pid: int | None = None  # the run that started this worker; None when analysing in-process


@dataclass(frozen=True, slots=True)
class ChunkTask:
    """A chunk of input items for one worker, and where its part file goes."""

    chunk: int
    items: tuple[InputItem, ...]
    path: str
    fmt: str


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """What a worker reports for a finished chunk (its part file is already in place)."""

    chunk: int
    file: str
    records: int
    written: int
    words: int
    errors: tuple[ErrorRow, ...]
    end_position: int
    peak_rss_mb: float

    def to_dict(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in self.__slots__}
        data["errors"] = [e.to_dict() for e in self.errors]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ChunkResult:
        return cls(**{**data, "errors": tuple(ErrorRow(**e) for e in data["errors"])})


def _peak_rss_mb() -> float:
    """This process's own peak RSS. ``VmHWM`` first: ``ru_maxrss`` survives fork+exec, so a
    spawned worker would report its parent's peak as its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _one_blas_thread_per_worker() -> Iterator[None]:
    """Start workers with one BLAS thread each, unless the user chose otherwise.

    spaCy's matrix products go through numpy's OpenBLAS, which starts a thread
    per core; N workers would then run N × cores threads on N cores and get
    *slower* than one worker (measured: 2 workers at 0.77× 1 worker on 2 cores).
    The variables must be in the environment when a worker starts, because
    OpenBLAS reads them when numpy is first imported.
    """
    saved = {name: os.environ.get(name) for name in _THREAD_VARS}
    for name in _THREAD_VARS:
        os.environ.setdefault(name, "1")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def worker_pool(settings: Settings, workers: int) -> Iterator[ProcessPoolExecutor]:
    """`workers` spawned processes, each with one Pipeline and one BLAS thread, for the block.

    The BLAS variables stay set for the pool's whole life, not only its
    creation: a spawn-method pool starts its processes one at a time as work
    arrives, and a worker started after the variables were restored would run
    threaded BLAS.
    """
    with _one_blas_thread_per_worker():
        pool = ProcessPoolExecutor(
            max(1, workers),
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(settings, os.getpid()),
        )
        try:
            yield pool
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def worker_environment() -> tuple[int, dict[str, str | None]]:
    """This process's id and BLAS thread variables (what a test reads from each worker)."""
    time.sleep(0.2)  # long enough that a pool of several workers spreads the calls over all of them
    return os.getpid(), {name: os.environ.get(name) for name in _THREAD_VARS}


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent_pid:
            os._exit(1)


def _init_worker(settings: Settings, parent_pid: int) -> None:
    """Pool initializer: load the models once for this worker's lifetime."""
    global _pipeline, _parent_pid
    from presslens.pipeline import Pipeline

    logging.getLogger().setLevel(logging.WARNING)
    _pipeline = Pipeline(settings)
    _parent_pid = parent_pid
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="parent-watch").start()


def _orphaned() -> bool:
    """True in a worker whose run was killed: it must not write into a directory a resumed run now owns."""
    return _parent_pid is not None and os.getppid() != _parent_pid


def _write_part(path: Path, rows: list[tuple[InputItem, Any]], fmt: str) -> None:
    if _orphaned():
        os._exit(1)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        from presslens.batch.schema import document_row, rows_table

        table = rows_table([document_row(d, input=i.input, record=i.record) for i, d in rows])
        pq.write_table(table, tmp)
    else:
        with tmp.open("w", encoding="utf-8") as fh:
            for _, document in rows:
                fh.write(document.to_json(indent=None) + "\n")
    if _orphaned():
        tmp.unlink(missing_ok=True)
        os._exit(1)
    os.replace(tmp, path)


def _sweep_temp_files(docs_dir: Path) -> None:
    """Remove part files half-written by workers that no longer run (a killed run's orphans)."""
    for stale in docs_dir.glob(".part-*.tmp"):
        pid = stale.name.rsplit(".", 2)[-2]
        if pid.isdecimal() and _alive(int(pid)):
            continue
        stale.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def analyze_chunk(task: ChunkTask) -> ChunkResult:
    """Analyse one chunk and write its part file; bad articles become error rows, never exceptions."""
    global _pipeline
    if _pipeline is None:  # called in-process (tests, workers=0)
        from presslens.pipeline import Pipeline

        _pipeline = Pipeline()
    rows, errors = batch_rows(_pipeline, task.items)
    path = Path(task.path)
    if rows:
        _write_part(path, rows, task.fmt)
    return ChunkResult(
        chunk=task.chunk,
        file=path.name if rows else "",
        records=len(task.items),
        written=len(rows),
        words=sum(len(d.text.split()) for _, d in rows),
        errors=tuple(errors),
        end_position=task.items[-1].position if task.items else 0,
        peak_rss_mb=_peak_rss_mb(),
    )


def _chunks(items: Iterator[InputItem], size: int, group_size: int) -> Iterator[tuple[InputItem, ...]]:
    """Whole analysis groups (``analysis.analysis_groups``), at least `size` items a chunk (bar the last)."""
    chunk: list[InputItem] = []
    for group in analysis_groups(items, group_size):
        chunk.extend(group)
        if len(chunk) >= size:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)


class _RunState:
    """The ``_state`` directory: the run's parameters and one commit marker per finished chunk."""

    def __init__(self, out_dir: Path) -> None:
        self.dir = out_dir / "_state"
        self.run_file = self.dir / "run.json"

    def open(self, params: dict[str, Any]) -> dict[str, Any]:
        """Start or resume a run; returns the parameters in force (``today`` from the first run)."""
        if self.run_file.exists():
            stored = json.loads(self.run_file.read_text(encoding="utf-8"))
            mine = {k: v for k, v in params.items() if k != "today"}
            theirs = {k: v for k, v in stored.items() if k != "today"}
            if mine != theirs:
                changed = sorted(k for k in set(mine) | set(theirs) if mine.get(k) != theirs.get(k))
                raise PresslensError(
                    f"{self.dir.parent}: holds a batch run with other parameters ({', '.join(changed)}); "
                    "re-run with the same inputs and options to resume, or choose a new --out"
                )
            return stored
        parent = self.dir.parent
        if parent.exists() and any(p.name not in {"_state"} for p in parent.iterdir()):
            raise PresslensError(f"{parent}: not empty and not a presslens batch output; choose a new --out")
        self.dir.mkdir(parents=True, exist_ok=True)
        write_json_atomic(self.run_file, params)
        return params

    def marker(self, chunk: int) -> Path:
        return self.dir / f"chunk-{chunk:06d}.json"

    def committed(self) -> dict[int, ChunkResult]:
        done = {}
        for path in sorted(self.dir.glob("chunk-*.json")):
            result = ChunkResult.from_dict(json.loads(path.read_text(encoding="utf-8")))
            done[result.chunk] = result
        return done

    def commit(self, result: ChunkResult) -> None:
        write_json_atomic(self.marker(result.chunk), result.to_dict())


def _params(
    files: list,
    fmt: str,
    fields: Mapping[str, str],
    published: dt.date | None,
    chunk_size: int,
    today: dt.date,
    group_size: int,
) -> dict[str, Any]:
    return {
        "version": _STATE_VERSION,
        "group_size": group_size,
        "inputs": [[f.path, f.size] for f in files],
        "format": fmt,
        "fields": dict(sorted(fields.items())),
        "published": published.isoformat() if published else None,
        "chunk_size": chunk_size,
        "today": today.isoformat(),
    }


def run_local(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: Path,
    *,
    settings: Settings,
    workers: int = 1,
    fmt: str = "jsonl",
    fields: Mapping[str, str] | None = None,
    published: dt.date | None = None,
    progress: ProgressCallback | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    today: dt.date | None = None,
) -> BatchSummary:
    """Run (or resume) a local batch; see the module docstring. Raises PresslensError on a bad out dir."""
    started = time.monotonic()
    files = expand_inputs(inputs)
    state = _RunState(out_dir)
    day = today or dt.date.today()
    params = state.open(_params(files, fmt, fields or {}, published, chunk_size, day, settings.batch_size))
    run_today = dt.date.fromisoformat(params["today"])
    docs_dir = out_dir / "documents"
    docs_dir.mkdir(parents=True, exist_ok=True)
    _sweep_temp_files(docs_dir)  # left by a worker killed mid-write
    committed = state.committed()
    resumed = len(committed)
    total_bytes = sum(f.size for f in files)
    start_bytes = max((r.end_position for r in committed.values()), default=0)
    tally = {"records": 0, "written": 0, "failed": 0, "words": 0, "bytes": start_bytes}
    peak = 0.0

    def finished(result: ChunkResult) -> None:
        nonlocal peak
        state.commit(result)
        committed[result.chunk] = result
        peak = max(peak, result.peak_rss_mb)
        tally["records"] += result.records
        tally["written"] += result.written
        tally["failed"] += sum(e.level == "error" for e in result.errors)
        tally["words"] += result.words
        tally["bytes"] = max(tally["bytes"], result.end_position)
        if progress is not None:
            progress(
                BatchProgress(
                    records=tally["records"],
                    written=tally["written"],
                    failed=tally["failed"],
                    words=tally["words"],
                    elapsed=time.monotonic() - started,
                    bytes_done=tally["bytes"] - start_bytes,
                    bytes_total=total_bytes - start_bytes,
                )
            )

    stream = iter_items(files, settings=settings, today=run_today, fields=fields, published=published)
    pending: set[Future[ChunkResult]] = set()
    window = max(1, workers) * 2
    with ExitStack() as stack:
        pool: ProcessPoolExecutor | None = None
        for number, items in enumerate(_chunks(stream, chunk_size, settings.batch_size)):
            if number in committed:
                continue
            task = ChunkTask(number, items, str(docs_dir / f"part-{number:06d}.{fmt}"), fmt)
            if pool is None:  # only now: a fully resumed run starts no worker
                pool = stack.enter_context(worker_pool(settings, workers))
            while len(pending) >= window:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    finished(future.result())
            pending.add(pool.submit(analyze_chunk, task))
        for future in pending:
            finished(future.result())
    _sweep_temp_files(docs_dir)  # an orphan of a killed earlier run may have finished meanwhile
    return _summarize(
        out_dir,
        committed,
        fmt=fmt,
        workers=workers,
        resumed=resumed,
        seconds=time.monotonic() - started,
        peak=peak,
    )


def _summarize(
    out_dir: Path,
    committed: dict[int, ChunkResult],
    *,
    fmt: str,
    workers: int,
    resumed: int,
    seconds: float,
    peak: float,
) -> BatchSummary:
    results = [committed[k] for k in sorted(committed)]
    errors = [e for r in results for e in r.errors]
    write_errors(out_dir / "errors.jsonl", errors)
    summary = BatchSummary(
        engine="local",
        out_dir=str(out_dir),
        format=fmt,
        records=sum(r.records for r in results),
        written=sum(r.written for r in results),
        failed=sum(e.level == "error" for e in errors),
        truncated=sum(e.level == "truncated" for e in errors),
        words=sum(r.words for r in results),
        seconds=round(seconds, 3),
        chunks=len(results),
        resumed_chunks=resumed,
        workers=workers,
        peak_rss_mb_per_worker=round(peak, 1) if peak else None,
        errors_file=str(out_dir / "errors.jsonl"),
        outputs=tuple(str(out_dir / "documents" / r.file) for r in results if r.file),
    )
    write_json_atomic(out_dir / "summary.json", summary.to_dict())
    return summary
