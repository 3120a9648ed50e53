"""A store a server holds: the note beside it, and the one-line error that says to go through the server."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from presslens.errors import StoreError
from presslens.store import Store
from presslens.store.served import forget_server, note_server, server_of

HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from presslens.store import Store
    from presslens.store.served import note_server
    store = Store.open(sys.argv[1])
    if sys.argv[2]:
        note_server(Path(sys.argv[1]), sys.argv[2], ingest=sys.argv[3] == "1")
    print("ready", flush=True)
    sys.stdin.read()
""")


def _holding(path, url: str = "", ingest: bool = True) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), url, "1" if ingest else "0"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    return child


def test_note_names_the_running_server_and_is_forgotten(tmp_path) -> None:
    path = tmp_path / "s.duckdb"
    assert server_of(path) is None
    note_server(path, "http://127.0.0.1:8123", ingest=True)
    server = server_of(path)
    assert server is not None and server.url == "http://127.0.0.1:8123" and server.pid == os.getpid()
    forget_server(path)
    assert server_of(path) is None


def test_note_of_a_dead_server_or_a_garbled_note_is_ignored(tmp_path) -> None:
    path = tmp_path / "s.duckdb"
    gone = [sys.executable, "-c", "import os; print(os.getpid())"]
    done = subprocess.run(gone, capture_output=True, text=True)
    path.with_name("s.duckdb.served.json").write_text(
        f'{{"url": "http://x", "pid": {int(done.stdout)}, "ingest": true}}', "utf-8"
    )
    assert server_of(path) is None
    path.with_name("s.duckdb.served.json").write_text("{not json", "utf-8")
    assert server_of(path) is None


@pytest.mark.parametrize("ingest", [True, False])
def test_opening_a_served_store_says_to_send_articles_through_the_server(tmp_path, ingest) -> None:
    path = tmp_path / "s.duckdb"
    child = _holding(path, "http://127.0.0.1:8123", ingest=ingest)
    try:
        with pytest.raises(StoreError) as caught:
            Store.open(path)
        message = str(caught.value)
        assert "\n" not in message
        assert "presslens ingest PATH --server http://127.0.0.1:8123" in message
        assert ("--ingest" in message) is (not ingest)
    finally:
        child.communicate("")


def test_a_store_held_by_another_writer_keeps_the_plain_message(tmp_path) -> None:
    path = tmp_path / "s.duckdb"
    child = _holding(path)
    try:
        with pytest.raises(StoreError, match="in use by another process"):
            Store.open(path)
    finally:
        child.communicate("")
