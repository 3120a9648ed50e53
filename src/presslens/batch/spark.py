"""The Spark batch engine: the same items, the same analysis, the same Parquet schema.

The job, and why each step is there:

1. ``parallelize(files)`` → ``flatMap(read one file)``: executors ingest, one
   task per input file, through the same ``inputs.iter_items`` as the local
   engine, so items carry the same ``(input, record)`` keys. Executors run in
   their own working folders, so the driver resolves local paths before
   sending them and the executors name what they read as the user named it
   (``_ExecutorInput``); a path the driver sees and an executor does not (no
   shared filesystem) is one clear error row, not a bare "No such file". A
   CC-NEWS month is thousands of WARC files, so file-level tasks parallelise
   ingestion well.
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

Each partition also reports which Python ran it and where presslens was
imported from (``ExecutorEnv``): on a cluster the executors should run a shipped
environment (``python_env_conf``: a venv-pack archive through ``spark.archives``),
and a mistake there (executors silently falling back to some other Python, or an
older presslens) would otherwise go unnoticed; the summary lists them and a
mismatch is logged.

The analysed RDD is persisted between the Parquet write and the error
collection so the NLP runs once. Unlike the local engine, a Spark run is not
resumed chunk by chunk: Spark retries failed tasks itself, and a re-run
rewrites the output (``mode("overwrite")``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import socket
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
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
from presslens.errors import IngestError, InputNotFoundError, PresslensError
from presslens.ingest.fetch import is_url
from presslens.ingest.stream import InputFile, InputItem, expand_inputs, iter_items
from presslens.settings import Settings

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["ExecutorEnv", "main", "python_env_conf", "run_spark", "spark_session"]

logger = logging.getLogger(__name__)

# Executor environment: one BLAS thread per Python worker, as local workers get
# (``local._one_blas_thread_per_worker``): Spark runs one worker per core, so
# threaded BLAS would oversubscribe the cores. A value in the driver's
# environment is passed on instead.
_EXECUTOR_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

# Where a shipped environment is unpacked in each executor's working folder.
SHIPPED_ENV_DIR = "presslens-env"


def python_env_conf(archive: str | os.PathLike[str]) -> dict[str, str]:
    """Spark settings that run the executors on a packed Python environment (venv-pack, conda-pack).

    spaCy has compiled extensions, so a cluster needs a whole environment, not
    ``--py-files``: the archive is unpacked as ``presslens-env`` in each
    executor's folder and its Python runs the workers.
    """
    path = Path(archive).expanduser()
    if not path.is_file():
        raise PresslensError(
            f"{archive}: no such Python environment archive (make one with venv-pack; see the README)"
        )
    return {
        "spark.archives": f"{path.resolve()}#{SHIPPED_ENV_DIR}",
        "spark.pyspark.python": f"./{SHIPPED_ENV_DIR}/bin/python",
    }


@dataclass(frozen=True, slots=True, order=True)
class ExecutorEnv:
    """Which Python analysed a partition, on which host, with which presslens."""

    host: str
    python: str
    presslens: str
    version: str

    @classmethod
    def here(cls) -> ExecutorEnv:
        import presslens

        return cls(
            socket.gethostname(), sys.executable, os.path.dirname(presslens.__file__), presslens.__version__
        )

    def to_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class _ExecutorInput:
    """An input as executors read it: `file` with its path resolved on the driver, `name` as given."""

    file: InputFile
    name: str

    @classmethod
    def of(cls, entry: InputFile) -> _ExecutorInput:
        if entry.error is not None or is_url(entry.path):
            return cls(entry, entry.path)
        return cls(dataclasses.replace(entry, path=os.path.abspath(entry.path)), entry.path)

    def renamed(self, item: InputItem) -> InputItem:
        """`item` as if read under the user's name for the input (keys, article source, error source)."""
        path, name = self.file.path, self.name
        if path == name:
            return item

        def rename(text: str) -> str:
            return name + text[len(path) :] if text.startswith(path) else text

        article, error = item.article, item.error
        if article is not None and article.source:
            article = article.model_copy(update={"source": rename(article.source)})
        if error is not None:
            error = _with_source(error, rename(error.source))
        return dataclasses.replace(item, input=name, article=article, error=error)

    def unseen(self) -> InputItem | None:
        """The error for a local input this executor cannot see although the driver could."""
        if self.file.error is not None or is_url(self.file.path) or os.path.exists(self.file.path):
            return None
        problem = (
            f"the driver found this file but the Spark executor on {socket.gethostname()} cannot see "
            f"{self.file.path}; inputs must be on a filesystem every executor mounts at the same path"
        )
        return InputItem(self.name, 0, None, InputNotFoundError(self.name, problem), 0, whole_input=True)


def _with_source(error: IngestError, source: str) -> IngestError:
    """The same error (same class and problem) about `source`."""
    return type(error)(source, error.problem)


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
    builder = (
        builder.appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.python.worker.reuse", "true")
    )
    # Only spark-submit turns spark.pyspark.python into the workers' Python; a
    # session started from Python takes it from PYSPARK_PYTHON when the context
    # starts, so the variable holds the setting for that moment only.
    default = os.environ["PYSPARK_PYTHON"]
    os.environ["PYSPARK_PYTHON"] = (config or {}).get("spark.pyspark.python", default)
    try:
        spark = builder.getOrCreate()
    finally:
        os.environ["PYSPARK_PYTHON"] = default
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _read_file(
    task: _ExecutorInput,
    *,
    settings: Settings,
    today: dt.date,
    fields: Mapping[str, str],
    published: dt.date | None,
) -> Iterator[list[InputItem]]:
    """The items of one file, in whole analysis groups, named as the user named the file."""
    from presslens.analysis import analysis_groups

    unseen = task.unseen()
    if unseen is not None:
        return iter([[unseen]])
    items = iter_items([task.file], settings=settings, today=today, fields=fields, published=published)
    return analysis_groups(map(task.renamed, items), settings.batch_size)


def _analyze_partition(
    groups: Iterator[list[InputItem]], *, settings: Settings
) -> Iterator[tuple[str, Any, int]]:
    """One Pipeline for the partition; yields ("doc", row, words) and ("err", ErrorRow, 0) in order.

    A partition that analyses anything first yields ("env", ExecutorEnv, 0).
    """
    from presslens.batch.analysis import batch_rows
    from presslens.batch.schema import document_row
    from presslens.pipeline import Pipeline

    pipeline = None
    for group in groups:
        if pipeline is None:
            pipeline = Pipeline(settings)
            yield ("env", ExecutorEnv.here(), 0)
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
    config: Mapping[str, str] | None = None,
) -> BatchSummary:
    """Run the batch on Spark and write Parquet (see the module docstring).

    `spark`: an existing session to use (left running); otherwise one is
    started on `master` with the Spark settings `config` (``python_env_conf``
    for a shipped environment) and stopped at the end.
    """
    from pyspark import StorageLevel
    from pyspark.sql.pandas.types import from_arrow_schema

    from presslens.batch.schema import document_schema

    started = time.monotonic()
    files = expand_inputs(inputs)
    today = today or dt.date.today()
    own = spark is None
    session = spark or spark_session(master, config=config)
    tasks = [_ExecutorInput.of(f) for f in files]
    try:
        sc = session.sparkContext
        parallelism = sc.defaultParallelism
        n = partitions or max(2, parallelism * 4)
        read = partial(
            _read_file, settings=settings, today=today, fields=dict(fields or {}), published=published
        )
        analysed = (
            sc.parallelize(tasks, max(1, len(tasks)))
            .flatMap(read)
            .repartition(n)
            .mapPartitions(partial(_analyze_partition, settings=settings))
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        rows = analysed.filter(lambda t: t[0] == "doc").map(lambda t: t[1])
        frame = session.createDataFrame(rows, schema=from_arrow_schema(document_schema()))
        docs_dir = out_dir.resolve() / "documents"
        frame.write.mode("overwrite").parquet(str(docs_dir))
        errors: list[ErrorRow] = analysed.filter(lambda t: t[0] == "err").map(lambda t: t[1]).collect()
        written, words = (
            analysed.filter(lambda t: t[0] == "doc")
            .map(lambda t: (1, t[2]))
            .fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
        )
        executors = sorted(set(analysed.filter(lambda t: t[0] == "env").map(lambda t: t[1]).collect()))
        analysed.unpersist()
        python_setting = sc.getConf().get("spark.pyspark.python")
    finally:
        if own:
            session.stop()
    _check_executors(executors, python_setting)
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
        executors=tuple(e.to_dict() for e in executors),
    )
    write_json_atomic(out_dir / "summary.json", summary.to_dict())
    if progress is not None:
        total = sum(f.size for f in files)
        progress(BatchProgress(summary.records, written, failed, words, seconds, total, total))
    return summary


def _check_executors(executors: list[ExecutorEnv], python_setting: str | None) -> None:
    """Log when executors ran another presslens than the driver, or not the Python they were given.

    `python_setting` is ``spark.pyspark.python``: a path on every node, or one
    relative to the executor's folder (``./presslens-env/bin/python``).
    """
    import presslens

    expected = python_setting.lstrip(".") if python_setting else None
    for env in executors:
        if env.version != presslens.__version__:
            logger.warning(
                "executor on %s ran presslens %s, the driver %s: records may differ from a local run",
                env.host,
                env.version,
                presslens.__version__,
            )
        if expected and not env.python.endswith(expected):
            logger.warning("executor on %s ran %s, not %s", env.host, env.python, python_setting)


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
