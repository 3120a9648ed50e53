"""The Spark batch engine: the same items, the same analysis, the same Parquet schema.

The job, and why each step is there:

1. ``parallelize(files)`` → ``flatMap(read one file)``: executors ingest, one
   task per input file, through the same ``inputs.iter_items`` as the local
   engine, so items carry the same ``(input, record)`` keys. Input paths must be
   readable from every executor (local mode, or a shared filesystem on a
   cluster). A CC-NEWS month is thousands of WARC files, so file-level tasks
   parallelise ingestion well.
   The reader emits whole analysis groups (``presslens.analysis``: up to
   ``settings.batch_size`` consecutive records of one file), never single items.
2. ``repartition(n)``: one big file must not mean one NLP task; groups are
   spread over ``n`` partitions (default: 4 × the default parallelism). A
   group is never split, so each article shares its ``nlp.pipe`` batch with
   the same neighbours as on the local engine — the condition for identical
   records (see ``analysis``).
3. ``mapPartitions``: one ``Pipeline`` per partition — the spaCy model loads
   once per partition (and once per Python worker process, since Spark reuses
   them and ``nlp.build.shared_nlp`` caches the model), never once per record.
   Analysis goes through ``presslens.analysis`` (``batch.analysis.batch_rows``),
   as in every other command.
4. The documents become a DataFrame with the Spark form of
   ``schema.document_schema()`` and are written as Parquet; the error rows are
   collected to the driver and written to ``errors.jsonl`` in input order.

The analysed RDD is persisted between the Parquet write and the error
collection so the NLP runs once. Unlike the local engine, a Spark run is not
resumed chunk by chunk: Spark retries failed tasks itself, and a re-run
rewrites the output (``mode("overwrite")``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presslens.batch.reporting import (
    BatchProgress,
    BatchSummary,
    ErrorRow,
    ProgressCallback,
    write_errors,
    write_json_atomic,
)
from presslens.ingest.stream import InputFile, InputItem, expand_inputs, iter_items
from presslens.settings import Settings

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["main", "run_spark", "spark_session"]

logger = logging.getLogger(__name__)

# Executor environment: one BLAS thread per Python worker, as local workers get
# (``local._one_blas_thread_per_worker``): Spark runs one worker per core, so
# threaded BLAS would oversubscribe the cores. A value in the driver's
# environment is passed on instead.
_EXECUTOR_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def spark_session(
    master: str | None = "local[2]",
    *,
    app_name: str = "presslens-batch",
    config: Mapping[str, str] | None = None,
) -> SparkSession:
    """A quiet Spark session whose Python workers run this interpreter (and so see presslens).

    `master` None leaves the master to ``spark-submit --master``. A
    ``spark.pyspark.python`` setting (a shipped environment on a cluster) wins
    over the ``PYSPARK_PYTHON`` default set here. `config` adds Spark settings
    (``{"spark.executor.memory": "2g"}``).
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder if master is None else SparkSession.builder.master(master)
    for name in _EXECUTOR_ENV:
        builder = builder.config(f"spark.executorEnv.{name}", os.environ.get(name, "1"))
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    spark = (
        builder.appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _read_file(
    entry: InputFile,
    *,
    settings: Settings,
    today: dt.date,
    fields: Mapping[str, str],
    published: dt.date | None,
) -> Iterator[list[InputItem]]:
    """The items of one file, in whole analysis groups."""
    from presslens.analysis import analysis_groups

    items = iter_items([entry], settings=settings, today=today, fields=fields, published=published)
    return analysis_groups(items, settings.batch_size)


def _analyze_partition(
    groups: Iterator[list[InputItem]], *, settings: Settings
) -> Iterator[tuple[str, Any, int]]:
    """One Pipeline for the partition; yields ("doc", row, words) and ("err", ErrorRow, 0) in order."""
    from presslens.batch.analysis import batch_rows
    from presslens.batch.schema import document_row
    from presslens.pipeline import Pipeline

    pipeline = None
    for group in groups:
        if pipeline is None:
            pipeline = Pipeline(settings)
        rows, errors = batch_rows(pipeline, group)
        for item, document in rows:
            row = document_row(document, input=item.input, record=item.record)
            yield ("doc", row, len(document.text.split()))
        for error in errors:
            yield ("err", error, 0)


def run_spark(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: Path,
    *,
    settings: Settings,
    master: str = "local[2]",
    fields: Mapping[str, str] | None = None,
    published: dt.date | None = None,
    progress: ProgressCallback | None = None,
    today: dt.date | None = None,
    partitions: int | None = None,
    spark: SparkSession | None = None,
) -> BatchSummary:
    """Run the batch on Spark and write Parquet (see the module docstring).

    `spark`: an existing session to use (left running); otherwise one is
    started on `master` and stopped at the end.
    """
    from pyspark import StorageLevel
    from pyspark.sql.pandas.types import from_arrow_schema

    from presslens.batch.schema import document_schema

    started = time.monotonic()
    files = expand_inputs(inputs)
    today = today or dt.date.today()
    own = spark is None
    session = spark or spark_session(master)
    try:
        sc = session.sparkContext
        parallelism = sc.defaultParallelism
        n = partitions or max(2, parallelism * 4)
        read = partial(
            _read_file, settings=settings, today=today, fields=dict(fields or {}), published=published
        )
        analysed = (
            sc.parallelize(files, max(1, len(files)))
            .flatMap(read)
            .repartition(n)
            .mapPartitions(partial(_analyze_partition, settings=settings))
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        rows = analysed.filter(lambda t: t[0] == "doc").map(lambda t: t[1])
        frame = session.createDataFrame(rows, schema=from_arrow_schema(document_schema()))
        docs_dir = out_dir / "documents"
        frame.write.mode("overwrite").parquet(str(docs_dir))
        errors: list[ErrorRow] = analysed.filter(lambda t: t[0] == "err").map(lambda t: t[1]).collect()
        written, words = (
            analysed.filter(lambda t: t[0] == "doc")
            .map(lambda t: (1, t[2]))
            .fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
        )
        analysed.unpersist()
    finally:
        if own:
            session.stop()
    out_dir.mkdir(parents=True, exist_ok=True)
    order = {f.path: i for i, f in enumerate(files)}
    errors.sort(key=lambda e: (order.get(e.file, len(order)), e.record if e.record is not None else 1 << 62))
    write_errors(out_dir / "errors.jsonl", errors)
    failed = sum(e.level == "error" for e in errors)
    seconds = time.monotonic() - started
    summary = BatchSummary(
        engine="spark",
        out_dir=str(out_dir),
        format="parquet",
        records=written + failed,
        written=written,
        failed=failed,
        truncated=sum(e.level == "truncated" for e in errors),
        words=words,
        seconds=round(seconds, 3),
        chunks=n,
        workers=parallelism,
        errors_file=str(out_dir / "errors.jsonl"),
        outputs=tuple(str(p) for p in sorted((out_dir / "documents").glob("*.parquet"))),
    )
    write_json_atomic(out_dir / "summary.json", summary.to_dict())
    if progress is not None:
        total = sum(f.size for f in files)
        progress(BatchProgress(summary.records, written, failed, words, seconds, total, total))
    return summary


def main(argv: list[str] | None = None) -> int:
    """``spark-submit .../presslens/batch/spark.py INPUT... --out DIR``: the driver for a cluster.

    The master, executors and shipped environment come from ``spark-submit``;
    this only parses the batch options (argparse: library code stays Typer-free).
    """
    import argparse

    from presslens.service import field_map, parse_published
    from presslens.settings import load_settings

    parser = argparse.ArgumentParser(prog="presslens-spark", description="presslens batch on Spark")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--field", action="append", default=[])
    parser.add_argument("--published")
    parser.add_argument("--partitions", type=int)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    session = spark_session(None)
    try:
        summary = run_spark(
            args.inputs,
            args.out,
            settings=load_settings(),
            fields=field_map(args.field),
            published=parse_published(args.published),
            partitions=args.partitions,
            spark=session,
        )
    finally:
        session.stop()
    logger.info("presslens batch summary: %s", json.dumps(summary.to_dict()))
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
