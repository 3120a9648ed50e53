"""Which server holds a store file: a small note beside it, so a refused open can say what to do.

DuckDB refuses a second process a file another one writes ("Could not set
lock"), which tells a user nothing about `presslens serve`. While a server
runs, ``<store>.served.json`` names its address and process; ``Database``
reads it when the lock refuses it, and the one-line error says to send the
articles through the server (``presslens ingest --server URL``). A note left
by a server that was killed is ignored: its process no longer runs.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Server", "forget_server", "note_server", "server_of"]


@dataclass(frozen=True, slots=True)
class Server:
    """A running `presslens serve` over a store: where, which process, and whether it writes."""

    url: str
    pid: int
    ingest: bool


def _note(store: Path) -> Path:
    return store.with_name(store.name + ".served.json")


def note_server(store: Path, url: str, *, ingest: bool) -> None:
    """Leave the note for `store` (best effort: a read-only folder only loses the hint)."""
    with contextlib.suppress(OSError):
        _note(store).write_text(json.dumps({"url": url, "pid": os.getpid(), "ingest": ingest}), "utf-8")


def forget_server(store: Path) -> None:
    """Remove this process's note for `store`, leaving another server's alone."""
    server = server_of(store)
    if server is not None and server.pid == os.getpid():
        _note(store).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it runs
        return True
    return True


def server_of(store: Path) -> Server | None:
    """The server the note beside `store` names, when there is one and its process runs."""
    try:
        data = json.loads(_note(store).read_text("utf-8"))
        server = Server(str(data["url"]), int(data["pid"]), bool(data.get("ingest")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return server if server.pid > 0 and _running(server.pid) else None
