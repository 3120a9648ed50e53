"""``presslens serve``: localhost by default, one-line errors, the app it hands to uvicorn."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from presslens.cli_web import _is_loopback, register


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """presslens (test)"""

    register(app)
    return app


def test_missing_store_is_one_line(tmp_path) -> None:
    result = CliRunner().invoke(_app(), ["serve", "--store", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no store here" in result.output and "presslens ingest" in result.output
    assert "Traceback" not in result.output


def test_serves_on_localhost_by_default(tmp_path, monkeypatch) -> None:
    from presslens.store import Store

    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    calls = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.update(app=app, **kw))
    result = CliRunner().invoke(_app(), ["serve", "--store", str(path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8123
    assert calls["app"].state.store.path == path


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("192.168.1.5", False),
     ("example.org", False)],
)
def test_loopback(host, local) -> None:
    assert _is_loopback(host) is local
