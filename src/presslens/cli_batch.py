"""`presslens batch`: a thin command over ``presslens.batch.run_batch``.

``register(app)`` adds the command to the main Typer app (``cli.py`` calls it),
so the batch code stays importable without Typer. The command renders the
engine's progress callback as a rich bar on stderr (records, words/s, ETA from
the bytes of input consumed), prints a summary table at the end, and exits 1
when any record failed — after every good record has been written — and 2 on
a usage error.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from presslens.errors import PresslensError

__all__ = ["register"]

err_console = Console(stderr=True, highlight=False)


class Engine(enum.StrEnum):
    local = "local"
    spark = "spark"


class BatchFormat(enum.StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"


def _summary_table(summary: object) -> Table:
    table = Table(title="presslens batch", show_header=False, title_justify="left")
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    data = summary.to_dict()  # type: ignore[attr-defined]
    rate = data["words"] / data["seconds"] if data["seconds"] else 0.0
    for label, value in (
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
        ("output", str(Path(data["out_dir"]) / "documents")),
        ("errors", data["errors_file"]),
    ):
        table.add_row(label, str(value))
    return table


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
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field", metavar="NAME=SOURCE", help="Read record field NAME from column SOURCE (repeatable)."
        ),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for every article.")
    ] = None,
) -> None:
    """Analyse a corpus into chunked JSONL or Parquet, with an errors file and a summary."""
    from presslens.batch import BatchProgress, run_batch
    from presslens.ingest.tables import parse_field_map
    from presslens.service import parse_published

    try:
        when = parse_published(published)
    except PresslensError as exc:
        raise typer.BadParameter(str(exc), param_hint="--published") from exc
    try:
        fields = parse_field_map(field)
    except PresslensError as exc:
        raise typer.BadParameter(str(exc), param_hint="--field") from exc
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, disable=not err_console.is_terminal) as bar:
        task = bar.add_task("analysing", total=None, status="starting workers")

        def show(update: BatchProgress) -> None:
            status = (
                f"{update.records:,} records ({update.failed} failed) "
                f"{update.records_per_second:,.1f} rec/s {update.words_per_second:,.0f} words/s"
            )
            bar.update(task, total=update.bytes_total or None, completed=update.bytes_done, status=status)

        try:
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
            )
        except PresslensError as exc:
            bar.stop()
            err_console.print(f"[bold red]presslens: error:[/] {exc}", soft_wrap=True)
            raise typer.Exit(1) from None
        except Exception as exc:  # the edge: one line, not a traceback dump
            if os.environ.get("PRESSLENS_DEBUG"):
                raise
            bar.stop()
            err_console.print(
                f"[bold red]presslens: error:[/] internal error: {type(exc).__name__}: {exc} "
                "(set PRESSLENS_DEBUG=1 for the traceback; re-run the same command to resume)",
                soft_wrap=True,
            )
            raise typer.Exit(1) from None
    err_console.print(_summary_table(summary))
    if not summary.ok:
        err_console.print(f"presslens: {summary.failed} records failed; see {summary.errors_file}")
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``presslens batch`` to `app`."""
    app.command(name="batch")(batch)
