"""The CLI's one edge: messages and tables print data as text, and the exit-status policy."""

from __future__ import annotations

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from presslens.cli._edge import edge, fail, note, requires_extra, table, warn
from presslens.errors import IngestError, PresslensError

# data that Rich would read as markup, a closing tag without an opening one, an emoji code
DATA = ["Raid [/b] in Saratov", "[video] Protest", "Gaza [sic]", "[bold]loud[/bold]", ":smile:"]


def _raising(exc: BaseException) -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def run() -> None:
        with edge(hint="; try again"):
            raise exc

    return app


@pytest.mark.parametrize(
    ("exc", "status", "line"),
    [
        (PresslensError("feed[1].xml: not [b]XML[/b]"), 1, "presslens: error: feed[1].xml: not [b]XML[/b]"),
        (IngestError("notes [video].pdf", ".pdf is not a supported format"), 1, "notes [video].pdf: .pdf"),
        (
            RuntimeError("boom [/b]"),
            1,
            "presslens: error: internal error: RuntimeError: boom [/b] "
            "(set PRESSLENS_DEBUG=1 for the traceback; try again)",
        ),
        (typer.Exit(3), 3, None),
        (typer.BadParameter("not a date", param_hint="--published"), 2, "--published"),
        (KeyboardInterrupt(), 130, "presslens: error: interrupted; try again"),
    ],
)
def test_edge_turns_errors_into_one_line_and_a_status(monkeypatch, exc, status, line) -> None:
    monkeypatch.delenv("PRESSLENS_DEBUG", raising=False)
    result = CliRunner().invoke(_raising(exc), [])
    assert result.exit_code == status
    assert isinstance(result.exception, SystemExit | None)
    if line is None:
        assert result.stderr == ""
    else:
        assert line in result.stderr and "Traceback" not in result.stderr


def test_debug_lets_the_traceback_through(monkeypatch) -> None:
    monkeypatch.setenv("PRESSLENS_DEBUG", "1")
    result = CliRunner().invoke(_raising(RuntimeError("boom")), [])
    assert isinstance(result.exception, RuntimeError)


@pytest.mark.parametrize(
    ("extra", "purpose", "missing"), [("web", "the web UI", "fastapi"), ("train", "training", "sklearn")]
)
def test_a_missing_extra_names_the_pip_command(extra, purpose, missing) -> None:
    app = typer.Typer()

    @app.command()
    def run() -> None:
        with requires_extra(extra, purpose):
            raise ModuleNotFoundError(f"No module named {missing!r}", name=missing)

    result = CliRunner().invoke(app, [])
    assert result.exit_code == 1
    assert result.stderr == (
        f"presslens: error: {purpose} needs the {extra} extra: "
        f"pip install 'presslens[{extra}]' ({missing} is missing)\n"
    )


@pytest.mark.parametrize(
    ("say", "prefix"),
    [(fail, "presslens: error: "), (warn, "presslens: warning: "), (note, "presslens: note: ")],
)
@pytest.mark.parametrize("text", DATA)
def test_messages_print_data_verbatim(capsys, say, prefix, text) -> None:
    say(f"in.jsonl: {text}")
    assert capsys.readouterr().err == f"{prefix}in.jsonl: {text}\n"


def test_table_title_headers_and_cells_are_text() -> None:
    console = Console(width=200, record=True)
    console.print(
        table("[b]stories[/b]", ["[sic]", "title"], [[i, text] for i, text in enumerate(DATA)] + [[None, 1]])
    )
    printed = console.export_text()
    for text in ["[b]stories[/b]", "[sic]", *DATA]:
        assert text in printed
