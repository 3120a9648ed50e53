"""``presslens analyze``, ``schema`` and ``train``: articles in, the structured record out.

A thin layer over ``presslens.service``; errors and exit statuses go through
``presslens.cli._edge``.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from presslens.cli._edge import (
    FieldOption,
    edge,
    err_console,
    fail,
    note,
    parse_field_option,
    parse_published_option,
    requires_extra,
    say,
    stop,
)
from presslens.errors import PresslensError
from presslens.report.terminal import json_safe

__all__ = ["OutputFormat", "register"]


class OutputFormat(enum.StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"
    html = "html"


OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]


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


def analyze(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH...", help="Files, directories or http(s) URLs to analyse.")
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD); wins over dates found in the page."),
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.json,
    output: OutputOption = None,
    field: FieldOption = None,
) -> None:
    """Analyse articles and write the structured record (JSON by default)."""
    when = parse_published_option(published)
    fields = parse_field_option(field)
    with edge():
        documents, failures = _analyze_all(paths, when, fields)
        if documents:
            _write(documents, fmt, output, single=len(paths) == 1 and len(documents) == 1)
    if failures:
        if len(failures) > 1 or documents:
            say(f"presslens: {len(documents)} analysed, {len(failures)} failed")
        raise typer.Exit(1)


def _analyze_all(paths: list[str], when: dt.date | None, fields: dict[str, str]) -> tuple[list, list]:
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from presslens.models import Document
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
        for result in analyze_sources(paths, published=when, fields=fields):
            if not isinstance(result, Document):
                failures.append(result)
                fail(str(result))
            else:
                documents.append(result)
                if any(f.kind == "language_not_supported" for f in result.flags):
                    note(
                        f"{result.source or ''}: detected language {result.language!r}; "
                        "kept its text and metadata without entity, time, event or claim analysis"
                    )
                for flag in (f for f in result.flags if f.kind in ("text_truncated", "partial_analysis")):
                    note(f"{result.source or ''}: {flag.why}")
            progress.update(task, advance=1, description=f"analysed {len(documents)}, failed {len(failures)}")
    return documents, failures


def _write(documents: list, fmt: OutputFormat, output: Path | None, *, single: bool) -> None:
    with _output(output) as fh:
        if fmt is OutputFormat.json:
            payload = documents[0].to_dict() if single else [d.to_dict() for d in documents]
            fh.write(json_safe(json.dumps(payload, ensure_ascii=False, indent=1)) + "\n")
        elif fmt is OutputFormat.jsonl:
            for d in documents:
                fh.write(json_safe(d.to_json(indent=None)) + "\n")
        elif fmt is OutputFormat.html:
            from presslens.report.html import html_report

            fh.write(html_report(documents))
        else:
            from presslens.report.text import print_text_report

            # a terminal keeps its own width; files and pipes get a readable fixed width
            console = Console(file=fh, width=None if fh.isatty() else 140, no_color=output is not None)
            for d in documents:
                print_text_report(d, console)


def schema(output: OutputOption = None) -> None:
    """Print the JSON Schema of one analysed document (the output contract)."""
    from presslens.models import document_json_schema

    with edge(), _output(output) as fh:
        fh.write(json.dumps(document_json_schema(), indent=1) + "\n")


train_app = typer.Typer(help="Retrain the shipped models (needs `pip install 'presslens\\[train]'`).")

#: where `train persuasion` writes without --out: a folder in the current directory, never the package
DEFAULT_MODEL_OUT = Path("persuasion-model")


@train_app.command("persuasion")
def train_persuasion(
    data: Annotated[Path, typer.Option(help="PTC train.jsonl (SemEval-2020 Task 11 training articles).")],
    out: Annotated[
        Path,
        typer.Option(
            help="Folder to write the model to. The analysis reads its model only from the package's "
            "resources/persuasion_model (no setting or variable points elsewhere): to use a retrained "
            "model, copy this folder's files there."
        ),
    ] = DEFAULT_MODEL_OUT,
    seed: Annotated[int, typer.Option(help="Seed of the article split; training is deterministic.")] = 13,
    holdout: Annotated[float, typer.Option(help="Share of articles held out for measuring.")] = 0.2,
    retrain_all: Annotated[
        bool,
        typer.Option(help="Ship a model retrained on all of train (held-out scores come from the split)."),
    ] = False,
    negatives: Annotated[
        Path | None,
        typer.Option(
            help="Hand-checked straight-news sentences the span tagger learns to leave alone (default: the "
            "list shipped with presslens). Their texts are read from the data folder that holds the PTC "
            "folder (../shared/data for ../shared/data/ptc/train.jsonl)."
        ),
    ] = None,
    no_negatives: Annotated[bool, typer.Option("--no-negatives", help="Train on PTC alone.")] = False,
) -> None:
    """Train the persuasion span tagger and technique classifier, print the held-out scores.

    The model is written to --out (./persuasion-model by default), never into the
    installed package; the command ends by saying where to copy it to use it.
    """
    if not data.is_file():
        stop(f"{data}: training data not found (expected PTC train.jsonl)")
    # the one place the CLI reaches the training code and the shipped model's location
    with requires_extra("train", "training"):
        from presslens.extract.persuasion import MODEL_DIR
        from presslens.training.negatives import NEGATIVES, read_negatives
        from presslens.training.persuasion import ptc_folder, read_ptc, train_persuasion_model
    listing = None if no_negatives else negatives or NEGATIVES
    with edge():
        articles = len(read_ptc(data))  # a malformed file is one line naming it and the line, up front
        if listing is not None:  # and so is a negative whose text is missing or has changed
            read_negatives(listing, ptc_folder(data).parent)
        say(f"training on {data} ({articles} articles, seed {seed}, {holdout:.0%} held out) into {out} …")
        scores = train_persuasion_model(data, out, seed=seed, holdout=holdout, retrain_all=retrain_all,
                                        negatives=listing)
    typer.echo(json.dumps(scores, indent=1, default=str))
    if out.resolve() == Path(MODEL_DIR).resolve():
        say(f"presslens: model written to {out}; the analysis uses it from the next run")
    else:
        say(
            f"presslens: model written to {out.resolve()}; the analysis reads its model only from "
            f"{MODEL_DIR} (no setting points elsewhere): copy the files there to use it"
        )


def register(app: typer.Typer) -> None:
    """Add ``analyze``, ``schema`` and ``train`` to the ``presslens`` app."""
    app.command()(analyze)
    app.command()(schema)
    app.add_typer(train_app, name="train")
