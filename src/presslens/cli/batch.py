"""``presslens batch``: a thin command over ``presslens.batch.run_batch``.

``register(app)`` adds the command to the main Typer app, so the batch code
stays importable without Typer. The command renders the engine's progress
callback as a rich bar on stderr (records, words/s, ETA from the bytes of
input consumed), prints a summary table at the end, and exits 1 when any
record failed — after every good record has been written — and 2 on a usage
error (``presslens.cli._edge`` holds that policy).
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Column, Table

from presslens.cli._edge import (
    FieldOption,
    edge,
    err_console,
    exit_if_failed,
    parse_field_option,
    parse_published_option,
    plural,
    say,
    table,
)

__all__ = ["register"]


class Engine(enum.StrEnum):
    local = "local"
    spark = "spark"


class BatchFormat(enum.StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"


def _summary_table(summary: object) -> Table:
    data = summary.to_dict()  # type: ignore[attr-defined]
    rate = data["words"] / data["seconds"] if data["seconds"] else 0.0
    rows = (
        ("engine", data["engine"]),
        ("records read", data["records"]),
        ("documents written", data["written"]),
        ("failed", data["failed"]),
        ("truncated (written, flagged)", data["truncated"]),
        ("words", data["words"]),
        ("seconds", f"{data['seconds']:.1f}"),
        ("words/s", f"{rate:,.0f}"),
        ("chunks resumed", data["resumed_chunks"]),
        ("peak RSS per worker (MB)", data["peak_rss_mb_per_worker"] or "-"),
        *_executor_rows(data.get("executors") or []),
        ("output", str(Path(data["out_dir"]) / "documents")),
        ("errors", data["errors_file"]),
    )
    columns = [Column("", style="bold"), Column("", justify="right")]
    return table("presslens batch", columns, rows, show_header=False)


def _executor_rows(executors: list[dict[str, str]]) -> list[tuple[str, str]]:
    """One row per Python that ran Spark partitions: which host, which interpreter (its last folders)."""
    rows = []
    for executor in executors:
        parts = Path(executor["python"]).parts
        shown = str(Path("…", *parts[-3:])) if len(parts) > 4 else executor["python"]
        rows.append((f"executor python ({executor['host']})", shown))
    return rows


def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Files, directories or globs (JSONL, WARC, RSS/Atom, Parquet, HTML, text).",
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Output directory (resumed when it holds the same run).")
    ],
    workers: Annotated[
        int, typer.Option(min=1, help="Local worker processes (models load once per worker).")
    ] = 1,
    engine: Annotated[Engine, typer.Option(help="local processes, or Apache Spark.")] = Engine.local,
    master: Annotated[str, typer.Option(help="Spark master URL (with --engine spark).")] = "local[2]",
    fmt: Annotated[
        BatchFormat | None, typer.Option("--format", help="Output format (default: jsonl; parquet on Spark).")
    ] = None,
    field: FieldOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for every article.")
    ] = None,
    python_env: Annotated[
        Path | None,
        typer.Option(
            "--python-env",
            help="A packed Python environment (venv-pack .tar.gz) the Spark executors run (see README).",
        ),
    ] = None,
    spark_conf: Annotated[
        list[str] | None,
        typer.Option("--spark-conf", metavar="KEY=VALUE", help="A Spark setting (repeatable)."),
    ] = None,
) -> None:
    """Analyse a corpus into chunked JSONL or Parquet, with an errors file and a summary."""
    from presslens.batch import BatchProgress, run_batch, spark_settings
    from presslens.errors import PresslensError

    when = parse_published_option(published)
    fields = parse_field_option(field)
    try:
        conf = spark_settings(spark_conf)
    except PresslensError as exc:
        raise typer.BadParameter(str(exc), param_hint="--spark-conf") from exc
    if (conf or python_env is not None) and engine is not Engine.spark:
        raise typer.BadParameter("needs --engine spark", param_hint="--spark-conf/--python-env")
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    # the edge is outside the bar: leaving the bar stops it before an error line is printed
    with (
        edge(hint="; re-run the same command to resume"),
        Progress(*columns, console=err_console, disable=not err_console.is_terminal) as bar,
    ):
        task = bar.add_task("analysing", total=None, status="starting workers")

        def show(update: BatchProgress) -> None:
            records = "record" if update.records == 1 else "records"
            status = (
                f"{update.records:,} {records} ({update.failed} failed) "
                f"{update.records_per_second:,.1f} rec/s {update.words_per_second:,.0f} words/s"
            )
            bar.update(task, total=update.bytes_total or None, completed=update.bytes_done, status=status)

        summary = run_batch(
            inputs,
            out,
            engine=engine.value,
            workers=workers,
            fmt=fmt.value if fmt else None,
            master=master,
            fields=fields,
            published=when,
            progress=show,
            spark_conf=conf,
            python_env=python_env,
        )
    err_console.print(_summary_table(summary))
    if not summary.ok:
        say(f"presslens: {plural(summary.failed, 'record')} failed; see {summary.errors_file}")
    exit_if_failed(summary.failed)


def register(app: typer.Typer) -> None:
    """Add ``presslens batch`` to `app`."""
    app.command(name="batch")(batch)
