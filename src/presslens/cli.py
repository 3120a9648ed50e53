"""The `presslens` command: a thin layer over `presslens.service`.

Only this module prints. Library errors become one line on stderr naming the
input and the problem; a bad input never stops the others in the same run, and
the exit status is 1 when any input failed (2 for a usage error).
"""

from __future__ import annotations

import enum
import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.markup import escape

from presslens import __version__
from presslens.errors import IngestError, PresslensError

__all__ = ["app"]

app = typer.Typer(
    name="presslens",
    help="Turn news articles into a structured, source-attributed record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True, highlight=False)


class OutputFormat(enum.StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"
    html = "html"


def _fail(message: str) -> None:
    err_console.print(f"[bold red]presslens: error:[/] {escape(message)}", soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"presslens {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress of each stage.")] = False,
) -> None:
    """presslens: entities, time, events, claims and persuasion in news articles."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        fh = path.open("w", encoding="utf-8")
    except OSError as exc:
        raise PresslensError(f"{path}: cannot write output: {exc.strerror}") from exc
    with fh:
        yield fh


def _parse_published(value: str | None) -> object:
    from presslens.service import parse_published

    try:
        return parse_published(value)
    except PresslensError as exc:
        raise typer.BadParameter(str(exc), param_hint="--published") from exc


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH...", help="Files, directories or http(s) URLs to analyse.")
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD); wins over dates found in the page."),
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Analyse articles and write the structured record (JSON by default)."""
    when = _parse_published(published)
    try:
        documents, failures = _analyze_all(paths, when)
        if documents:
            _write(documents, fmt, output, single=len(paths) == 1 and len(documents) == 1)
    except PresslensError as exc:
        _fail(str(exc))
        raise typer.Exit(1) from None
    except Exception as exc:  # the edge: report one line, never a traceback dump
        if os.environ.get("PRESSLENS_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set PRESSLENS_DEBUG=1 for the traceback)")
        raise typer.Exit(1) from None
    if failures:
        if len(failures) > 1 or documents:
            err_console.print(
                f"presslens: {len(documents)} analysed, {len(failures)} failed", highlight=False
            )
        raise typer.Exit(1)


def _analyze_all(paths: list[str], when: object) -> tuple[list, list]:
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from presslens.service import analyze_sources

    documents, failures = [], []
    show = err_console.is_terminal  # a JSONL file or a directory is long work too
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=not show,
        transient=True,
    ) as progress:
        task = progress.add_task("analysing", total=None)
        for result in analyze_sources(paths, published=when):
            if isinstance(result, IngestError):
                failures.append(result)
                progress.console.print(
                    f"[bold red]presslens: error:[/] {result}", highlight=False, soft_wrap=True
                )
            else:
                documents.append(result)
                if any(f.kind == "language_not_supported" for f in result.flags):
                    where = escape(result.source or "")
                    progress.console.print(
                        f"presslens: note: {where}: detected language {result.language!r}; "
                        "kept its text and metadata without entity, time, event or claim analysis",
                        highlight=False,
                        soft_wrap=True,
                    )
            progress.update(task, advance=1, description=f"analysed {len(documents)}, failed {len(failures)}")
    return documents, failures


def _write(documents: list, fmt: OutputFormat, output: Path | None, *, single: bool) -> None:
    with _output(output) as fh:
        if fmt is OutputFormat.json:
            payload = documents[0].to_dict() if single else [d.to_dict() for d in documents]
            fh.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
        elif fmt is OutputFormat.jsonl:
            for d in documents:
                fh.write(d.to_json(indent=None) + "\n")
        elif fmt is OutputFormat.html:
            from presslens.report.html import html_report

            fh.write(html_report(documents))
        else:
            from presslens.report.text import print_text_report

            # a terminal keeps its own width; files and pipes get a readable fixed width
            console = Console(file=fh, width=None if fh.isatty() else 140, no_color=output is not None)
            for d in documents:
                print_text_report(d, console)


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of one analysed document (the output contract)."""
    from presslens.models import document_json_schema

    try:
        with _output(output) as fh:
            fh.write(json.dumps(document_json_schema(), indent=1) + "\n")
    except PresslensError as exc:
        _fail(str(exc))
        raise typer.Exit(1) from None


train_app = typer.Typer(help="Retrain the shipped models (needs `pip install 'presslens\\[train]'`).")
app.add_typer(train_app, name="train")


@train_app.command("persuasion")
def train_persuasion(
    data: Annotated[Path, typer.Option(help="PTC train.jsonl (SemEval-2020 Task 11 training articles).")],
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model (default: the package's shipped model directory)."),
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the article split; training is deterministic.")] = 13,
    holdout: Annotated[float, typer.Option(help="Share of articles held out for measuring.")] = 0.2,
    retrain_all: Annotated[
        bool,
        typer.Option(help="Ship a model retrained on all of train (held-out scores come from the split)."),
    ] = False,
) -> None:
    """Train the persuasion span tagger and technique classifier, print the held-out scores."""
    if not data.is_file():
        _fail(f"{data}: training data not found (expected PTC train.jsonl)")
        raise typer.Exit(1)
    try:
        from presslens.extract.persuasion import MODEL_DIR
        from presslens.persuasion_training import train_persuasion_model
    except ImportError as exc:
        _fail(f"training needs scikit-learn: pip install 'presslens[train]' ({exc})")
        raise typer.Exit(1) from None
    target = out or MODEL_DIR
    err_console.print(
        f"training on {data} (seed {seed}, {holdout:.0%} held out) into {target} …", markup=False
    )
    scores = train_persuasion_model(data, target, seed=seed, holdout=holdout, retrain_all=retrain_all)
    typer.echo(json.dumps(scores, indent=1, default=str))


def _register_subcommands() -> None:
    """Commands that live in their own modules (store and stories, web, batch)."""
    from presslens.cli_store import register as register_store_commands

    register_store_commands(app)

    from presslens.cli_web import register as register_web_commands

    register_web_commands(app)

    from presslens.cli_batch import register as register_batch_commands

    register_batch_commands(app)


_register_subcommands()
