"""Batch analysis of corpora: ``run_batch`` on the local engine or on Spark.

    >>> from presslens.batch import run_batch
    >>> summary = run_batch(["cc-news/*.warc.gz"], "out/", workers=2, fmt="parquet")
    >>> summary.written, summary.failed

Modules, in the order data flows:

- ``presslens.ingest.stream``  files/directories/globs → keyed items ``(input, record)``;
- ``presslens.analysis``       items → documents, in the groups every command uses;
- ``analysis``  results → documents to write and error rows (shared by both engines);
- ``local``     worker processes, chunked JSONL/Parquet output, resume after a kill;
- ``spark``     the same on Apache Spark (``mapPartitions``), Parquet output;
- ``schema``    the one Arrow schema of the Parquet output;
- ``reporting`` error rows, progress, the run summary.

Bad input never stops a run: each bad file or record is a row in
``OUT/errors.jsonl`` and a count in the summary; ``BatchSummary.ok`` is False
when any record failed. Only a bad run setup raises ``PresslensError`` (an
output directory holding another run, an unknown engine or format, a bad
field mapping).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from presslens.batch.reporting import BatchProgress, BatchSummary, ErrorRow, ProgressCallback
from presslens.errors import PresslensError
from presslens.settings import Settings, load_settings

__all__ = ["BatchProgress", "BatchSummary", "ErrorRow", "ProgressCallback", "run_batch"]

ENGINES = ("local", "spark")
FORMATS = ("jsonl", "parquet")


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    engine: str = "local",
    workers: int = 1,
    fmt: str | None = None,
    master: str = "local[2]",
    fields: Mapping[str, str] | Iterable[str] | None = None,
    published: dt.date | str | None = None,
    progress: ProgressCallback | None = None,
    settings: Settings | None = None,
    chunk_size: int | None = None,
    today: dt.date | None = None,
) -> BatchSummary:
    """Analyse every article of `inputs` into `out_dir` and return the run's summary.

    `fields` maps record fields to a table's columns (``{"published":
    "publication_date"}`` or ``["published=publication_date"]``); `published`
    overrides every article's date; `workers` is the number of local worker
    processes; `master` the Spark master URL. `fmt` defaults to JSONL locally;
    the Spark engine always writes Parquet. A local run into a directory holding an unfinished run with the
    same parameters resumes it.
    """
    from presslens.service import field_map, parse_published

    if engine not in ENGINES:
        raise PresslensError(f"unknown batch engine {engine!r}; expected one of {', '.join(ENGINES)}")
    fmt = fmt or ("parquet" if engine == "spark" else "jsonl")
    if fmt not in FORMATS:
        raise PresslensError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if workers < 1:
        raise PresslensError(f"workers must be at least 1, got {workers}")
    mapping = field_map(fields)
    when = parse_published(published)
    settings = settings or load_settings()
    out = Path(out_dir)
    inputs = [os.fspath(i) for i in inputs]
    if engine == "spark":
        if fmt != "parquet":
            raise PresslensError(
                "the Spark engine writes Parquet; use --format parquet (or the local engine)"
            )
        from presslens.batch.spark import run_spark

        return run_spark(
            inputs,
            out,
            settings=settings,
            master=master,
            fields=mapping,
            published=when,
            progress=progress,
            today=today,
        )
    from presslens.batch.local import DEFAULT_CHUNK_SIZE, run_local

    return run_local(
        inputs,
        out,
        settings=settings,
        workers=workers,
        fmt=fmt,
        fields=mapping,
        published=when,
        progress=progress,
        chunk_size=chunk_size or DEFAULT_CHUNK_SIZE,
        today=today,
    )
