"""The README is the front door: its commands must exist and match CI."""

from __future__ import annotations

from pathlib import Path

import typer.main

from presslens.cli import app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _fenced_lines(language: str = "bash") -> list[str]:
    """Non-blank lines inside fenced blocks of `language`, in order."""
    lines, current = [], None
    for line in README.splitlines():
        if line.startswith("```"):
            current = None if current is not None else line[3:].strip()
        elif current == language and line.strip():
            lines.append(line.strip())
    return lines


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    ci_command = [line for line in ci.splitlines() if line.startswith("python3 -m venv")]
    assert len(ci_command) == 1
    assert ci_command[0] in _fenced_lines()


def test_readme_opens_with_install_and_sample_command() -> None:
    first = _fenced_lines()[0]
    assert "pip install" in first and "presslens analyze examples/sample_article.txt" in first
    assert (REPO / "examples" / "sample_article.txt").is_file()


def test_every_command_is_documented() -> None:
    group = typer.main.get_group(app)
    for name in group.commands:
        assert f"presslens {name}" in README, f"`presslens {name}` is not documented in README.md"
