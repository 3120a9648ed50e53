"""The ``presslens`` command: a thin layer over ``presslens.service`` and the store.

One module per command group adds its commands to ``app`` (``register``):
``analyze`` (analyze, schema, train), ``store`` (ingest, stories, timeline,
contradictions, query, reanalyze, forget, export), ``web`` (serve) and
``batch`` (batch). Only this package prints, and only through ``_edge``:
library errors become one line on stderr naming the input and the problem;
a bad input never stops the others in the same run, and the exit status is 1
when any input failed (2 for a usage error).
"""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from presslens import __version__
from presslens.cli import analyze, batch, store, web

__all__ = ["app"]

app = typer.Typer(
    name="presslens",
    help="Turn news articles into a structured, source-attributed record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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


for _group in (analyze, store, web, batch):
    _group.register(app)
