"""What a batch run reports: error rows, progress, and the closing summary.

Every bad file or record becomes an ``ErrorRow`` — the input file, the
record's index in it (None for a whole-file problem), the record's name as the
reader gives it (``file.jsonl:12``, ``file.warc.gz@4711``, ``feed.xml[3]``)
and the reason — written to ``errors.jsonl`` in input order and counted in
``summary.json``. Pages cut to ``max_text_chars`` are written *and* reported
with ``level="truncated"``, so a long page is never shortened silently.

These are plain frozen dataclasses (picklable, JSON-ready), shared by both
engines and the CLI; nothing here prints.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from presslens.errors import AnalysisError, IngestError

__all__ = [
    "BatchProgress",
    "BatchSummary",
    "ErrorRow",
    "ProgressCallback",
    "error_row",
    "write_errors",
    "write_json_atomic",
]

Level = Literal["error", "truncated"]


@dataclass(frozen=True, slots=True)
class ErrorRow:
    """One reported problem: which file, which record in it, where, and why."""

    file: str
    record: int | None
    where: str
    reason: str
    level: Level = "error"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def error_row(file: str, record: int | None, exc: Exception) -> ErrorRow:
    """An ErrorRow from an ingest or analysis error (its own source and problem) or any other exception."""
    if isinstance(exc, IngestError | AnalysisError):
        return ErrorRow(file=file, record=record, where=exc.source, reason=exc.problem)
    return ErrorRow(file=file, record=record, where=file, reason=f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """A progress report the CLI renders: counts, rates and an ETA from bytes of input consumed."""

    records: int
    written: int
    failed: int
    words: int
    elapsed: float
    bytes_done: int
    bytes_total: int

    @property
    def records_per_second(self) -> float:
        return self.records / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        """Seconds left at the byte rate so far; None before anything is done."""
        if self.bytes_done <= 0 or self.elapsed <= 0 or self.bytes_total <= 0:
            return None
        return max(0.0, (self.bytes_total - self.bytes_done) * self.elapsed / self.bytes_done)


ProgressCallback = Callable[[BatchProgress], None]


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """The outcome of a run (also written to ``summary.json``).

    `records` counts every item read (good and bad); `written` the documents
    in the output; `failed` the error rows of level "error"; `truncated` the
    written documents whose text was cut. `resumed_chunks` > 0 when a killed
    run was continued. `executors` (Spark) lists the host, Python and presslens
    that analysed the partitions, so a cluster run shows it used the shipped
    environment.
    """

    engine: str
    out_dir: str
    format: str
    records: int
    written: int
    failed: int
    truncated: int
    words: int
    seconds: float
    chunks: int = 0
    resumed_chunks: int = 0
    workers: int = 1
    peak_rss_mb_per_worker: float | None = None
    errors_file: str = ""
    outputs: tuple[str, ...] = field(default_factory=tuple)
    executors: tuple[dict[str, str], ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["outputs"] = list(self.outputs)
        data["executors"] = [dict(e) for e in self.executors]
        return data


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so a reader (or a resumed run) never sees half a file: temp file, fsync, rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_errors(path: Path, rows: Iterable[ErrorRow]) -> int:
    """Write ``errors.jsonl`` (atomically) and return the number of rows."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    count = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row.to_dict()) + "\n")
            count += 1
    os.replace(tmp, path)
    return count
