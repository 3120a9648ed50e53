"""``presslens serve``: the web UI and JSON API over a store, on localhost by default.

A thin command over ``presslens.web.create_app``; uvicorn and FastAPI are
imported only when the command runs, so the rest of the CLI starts fast and
works without the ``web`` extra.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from presslens.cli._edge import edge, requires_extra, say, stop, warn

__all__ = ["register"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    store: Annotated[
        Path, typer.Option("--store", help="The store file (DuckDB).", envvar="PRESSLENS_STORE")
    ] = Path("presslens.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to bind; other than localhost exposes the store.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the web UI and JSON API over a store (read-only; API docs at /docs)."""
    if not store.is_file():
        stop(f"{store}: no store here; create one with `presslens ingest PATH --store {store}`")
    with requires_extra("web", "the web UI"):
        import uvicorn

        from presslens.web import create_app
    from presslens.service_store import open_store
    from presslens.settings import load_settings

    settings = load_settings()
    with edge():  # fail here, in one line, rather than with a 503 on the first page
        open_store(store, read_only=True, settings=settings).close()
    local = _is_loopback(host)
    if not local:
        warn(f"serving {store} to the network on {host}:{port}")
    app = create_app(settings, store, allowed_hosts=None if local else ["*"])
    shown = f"[{host}]" if ":" in host else host
    say(f"presslens: serving {store} at http://{shown}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``presslens`` command."""
    app.command("serve")(serve)
