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

__all__ = ["BatchProgress", "BatchSummary", "ErrorRow", "ProgressCallback", "run_batch", "spark_settings"]

ENGINES = ("local", "spark")
FORMATS = ("jsonl", "parquet")


def spark_settings(specs: Mapping[str, str] | Iterable[str] | None) -> dict[str, str]:
    """Spark settings from ``{"spark.executor.memory": "2g"}`` or ``["spark.executor.memory=2g"]``."""
    if specs is None:
        return {}
    if isinstance(specs, Mapping):
        pairs = list(specs.items())
    else:
        pairs = []
        for spec in specs:
            key, sep, value = spec.partition("=")
            if not sep or not key.strip() or not value.strip():
                raise PresslensError(
                    f"bad Spark setting {spec!r}; expected KEY=VALUE (spark.executor.memory=2g)"
                )
            pairs.append((key, value))
    for key, _ in pairs:
        if not key.strip().startswith("spark."):
            raise PresslensError(f"bad Spark setting {key!r}; Spark settings start with 'spark.'")
    return {key.strip(): value.strip() for key, value in pairs}


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
    spark_conf: Mapping[str, str] | Iterable[str] | None = None,
    python_env: str | os.PathLike[str] | None = None,
) -> BatchSummary:
    """Analyse every article of `inputs` into `out_dir` and return the run's summary.

    `fields` maps record fields to a table's columns (``{"published":
    "publication_date"}`` or ``["published=publication_date"]``); `published`
    overrides every article's date; `workers` is the number of local worker
    processes; `master` the Spark master URL. `fmt` defaults to JSONL locally;
    the Spark engine always writes Parquet. A local run into a directory holding an unfinished run with the
    same parameters resumes it. On Spark, `spark_conf` adds settings
    (``{"spark.executor.memory": "2g"}`` or ``["spark.executor.memory=2g"]``)
    and `python_env` names a packed environment (venv-pack) for the executors.
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
        from presslens.batch.spark import python_env_conf, run_spark

        config = spark_settings(spark_conf)
        if python_env is not None:
            config.update(python_env_conf(python_env))
        return run_spark(
            inputs,
            out,
            settings=settings,
            master=master,
            fields=mapping,
            published=when,
            progress=progress,
            today=today,
            config=config,
        )
    if spark_conf or python_env is not None:
        raise PresslensError("Spark settings and a Python environment archive need --engine spark")
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
