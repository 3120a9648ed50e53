"""``presslens serve``: localhost by default, one-line errors, the app it hands to uvicorn."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.cli.web import _is_loopback


def test_missing_store_is_one_line(tmp_path) -> None:
    result = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no store here" in result.output and "presslens ingest" in result.output
    assert "Traceback" not in result.output


def test_serves_on_localhost_by_default(tmp_path, monkeypatch) -> None:
    from presslens.store import Store

    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    calls = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.update(app=app, **kw))
    result = CliRunner().invoke(app, ["serve", "--store", str(path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8123
    assert calls["app"].state.store.path == path
    assert not calls["app"].state.query_enabled  # the SQL endpoint is off unless asked for
    assert "token" not in result.stderr


def test_beyond_localhost_a_token_and_only_its_own_names(tmp_path, monkeypatch) -> None:
    from fastapi.testclient import TestClient

    from presslens.store import Store

    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    calls = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.update(app=app, **kw))
    options = ["--host", "192.168.1.5", "--allow-host", "desk.example", "--query"]
    result = CliRunner().invoke(app, ["serve", "--store", str(path), *options])
    assert result.exit_code == 0, result.output
    token = result.stderr.split("?token=")[1].split()[0]
    assert len(token) >= 24 and calls["app"].state.query_enabled
    with TestClient(calls["app"], base_url="http://desk.example") as client:
        assert client.get("/api/stories").status_code == 401
        assert client.get("/api/stories", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    with TestClient(calls["app"], base_url="http://rebound.example") as client:
        assert client.get("/api/stories", headers={"Authorization": f"Bearer {token}"}).status_code == 400


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("192.168.1.5", False),
     ("example.org", False)],
)
def test_loopback(host, local) -> None:
    assert _is_loopback(host) is local


@pytest.mark.parametrize("missing", ["fastapi", "uvicorn"])
def test_install_hint_keeps_the_extra(tmp_path, monkeypatch, missing) -> None:
    """``[web]`` is text, not Rich markup: the hint is a command the user can paste."""
    import sys

    from presslens.store import Store

    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    for name in [m for m in sys.modules if m == "presslens.web" or m.startswith("presslens.web.")]:
        monkeypatch.delitem(sys.modules, name)  # so `presslens.web` is imported afresh, and fails
    monkeypatch.setitem(sys.modules, missing, None)  # `import fastapi` now raises ImportError
    result = CliRunner().invoke(app, ["serve", "--store", str(path)])
    assert result.exit_code == 1
    assert "pip install 'presslens[web]'" in result.stderr
    assert f"{missing} is missing" in result.stderr
    assert "Traceback" not in result.output


def test_serve_ingest_creates_the_store_leaves_a_note_and_takes_it_away(tmp_path, monkeypatch) -> None:
    from presslens.store.served import server_of

    path = tmp_path / "new.duckdb"
    seen = {}

    def run(app, **kw) -> None:
        seen.update(app=app, server=server_of(path), **kw)

    monkeypatch.setattr("uvicorn.run", run)
    result = CliRunner().invoke(app, ["serve", "--store", str(path), "--ingest", "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert path.is_file() and seen["app"].state.ingest is not None and seen["app"].state.store.writable
    assert seen["server"].url == "http://127.0.0.1:8124" and seen["server"].ingest
    assert "presslens ingest PATH --server http://127.0.0.1:8124" in result.output
    assert server_of(path) is None  # the note goes when the server stops


def test_ingest_to_an_unreachable_server_is_one_line(tmp_path) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    source = tmp_path / "a.jsonl"
    source.write_text('{"text": "Police in Saratov detained nine people on Tuesday."}\n', "utf-8")
    result = CliRunner().invoke(app, ["ingest", str(source), "--server", f"http://127.0.0.1:{port}"])
    assert result.exit_code == 1
    assert "cannot reach the server" in result.output and "Traceback" not in result.output
