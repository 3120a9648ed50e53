"""The one edge of the ``presslens`` command: where errors become lines and exit statuses.

Every command module prints through here, so the policy lives in one place:

- **Nothing from data is ever read as Rich markup or obeyed by the terminal.**
  Messages and table cells are ``rich.text.Text`` objects made by
  ``report.terminal.cell``, never markup strings: a stored title
  ``Raid [/b] in Saratov`` or an outlet ``TASS [video]`` is printed as it is,
  where a markup string would drop ``[video]`` or raise ``MarkupError`` on
  ``[/b]``, and an escape sequence or a bidi override in it is shown as
  ``\x1b`` or ``\u202e`` (a file name or URL in an error message is data too).
- **Errors are one line on stderr naming the input and the problem**
  (``presslens: error: notes.pdf: .pdf is not a supported format; …``), the
  message of the library's ``PresslensError``; a bad input never stops the
  others, and the run's exit status is 1 when any input failed.
- **Usage errors exit 2**: a bad option value becomes click's usage error
  naming the option (``parse_published_option``).
- **A missing optional extra** (``web``, ``train``) is one line with the
  ``pip install`` command that adds it (``requires_extra``).
- **Internal errors** (anything but a ``PresslensError``) are one line too,
  unless ``PRESSLENS_DEBUG`` is set, which lets the traceback through.
- **Ctrl-C** is ``presslens: error: interrupted`` and exit status 130 (the
  shell's convention for SIGINT); what was committed stays committed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from presslens.errors import PresslensError
from presslens.report.terminal import cell

__all__ = [
    "FieldOption",
    "edge",
    "err_console",
    "exit_if_failed",
    "fail",
    "note",
    "parse_field_option",
    "parse_published_option",
    "plural",
    "requires_extra",
    "say",
    "stdout_console",
    "stop",
    "table",
    "warn",
]

def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 text", "3 texts": a count with its noun in the right number (`many`: an irregular plural)."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


#: Messages, progress bars and batch summaries go to stderr, so stdout stays the data.
err_console = Console(stderr=True, highlight=False)


def say(message: str) -> None:
    """One plain line on stderr (progress and summaries)."""
    err_console.print(cell(message), soft_wrap=True)


def fail(message: str) -> None:
    """``presslens: error: MESSAGE`` on stderr; `message` names the input and the problem."""
    err_console.print(Text.assemble(("presslens: error:", "bold red"), " ", cell(message)), soft_wrap=True)


def stop(message: str) -> NoReturn:
    """`fail` with `message`, then exit with status 1 (a command that cannot start)."""
    fail(message)
    raise typer.Exit(1)


def warn(message: str) -> None:
    """``presslens: warning: MESSAGE`` on stderr: the run goes on and its status is not changed."""
    say(f"presslens: warning: {message}")


def note(message: str) -> None:
    """``presslens: note: MESSAGE`` on stderr: something about an input the user should know."""
    say(f"presslens: note: {message}")


@contextmanager
def edge(*, hint: str = "") -> Iterator[None]:
    """Run a command's body: a library error becomes one line and exit status 1.

    Typer's own exits and usage errors pass through; Ctrl-C is one line and
    exit status 130. Any other exception is an internal error: one line too
    (with `hint`, e.g. how to resume), or the traceback when
    ``PRESSLENS_DEBUG`` is set.
    """
    try:
        yield
    except PresslensError as exc:
        fail(str(exc))
        raise typer.Exit(1) from None
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise
    except KeyboardInterrupt:
        fail(f"interrupted{hint}")
        raise typer.Exit(130) from None
    except Exception as exc:
        if os.environ.get("PRESSLENS_DEBUG"):
            raise
        fail(f"internal error: {type(exc).__name__}: {exc} (set PRESSLENS_DEBUG=1 for the traceback{hint})")
        raise typer.Exit(1) from None


@contextmanager
def requires_extra(extra: str, purpose: str) -> Iterator[None]:
    """Imports of an optional extra: when one is missing, say how to install it and exit 1.

    ``pip install 'presslens[web]'`` is printed as text: as markup ``[web]`` was dropped.
    """
    try:
        yield
    except ImportError as exc:
        missing = exc.name or exc
        stop(f"{purpose} needs the {extra} extra: pip install 'presslens[{extra}]' ({missing} is missing)")


def exit_if_failed(failed: int) -> None:
    """The exit status policy for runs over many inputs: 1 when any failed (the rest were written)."""
    if failed:
        raise typer.Exit(1)


def parse_published_option(value: str | None) -> dt.date | None:
    """``--published`` as a date; a bad value is a usage error (exit status 2) naming the option."""
    from presslens.service import parse_published

    try:
        return parse_published(value)
    except PresslensError as exc:
        raise typer.BadParameter(str(exc), param_hint="--published") from exc


FieldOption = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        metavar="NAME=SOURCE",
        help="Read record field NAME from column SOURCE of JSON, JSON Lines or Parquet records (repeatable).",
    ),
]


def parse_field_option(specs: list[str] | None) -> dict[str, str]:
    """``--field`` specs as a field map; a bad spec is a usage error (exit status 2) naming the option."""
    from presslens.service import field_map

    try:
        return field_map(specs)
    except PresslensError as exc:
        raise typer.BadParameter(str(exc), param_hint="--field") from exc


def table(
    title: str,
    columns: Sequence[str | Column],
    rows: Iterable[Sequence[object]],
    *,
    show_header: bool = True,
) -> Table:
    """A left-titled table whose title, headers and cells are plain text (never markup).

    A column given by name folds long cells; pass a ``rich.table.Column`` for
    another style or alignment (its header should be ``""`` or a ``Text``).
    """
    built = Table(
        *[c if isinstance(c, Column) else Column(cell(c), overflow="fold") for c in columns],
        title=cell(title),
        title_justify="left",
        show_header=show_header,
    )
    for row in rows:
        built.add_row(*[cell(v) for v in row])
    return built


def stdout_console() -> Console:
    """Tables on stdout: a terminal keeps its width; pipes and files get a readable 160 columns.

    Made per call, so the console writes to the ``sys.stdout`` of the moment
    (``CliRunner`` swaps it).
    """
    console = Console()
    if not console.is_terminal:
        console.width = 160
    return console
