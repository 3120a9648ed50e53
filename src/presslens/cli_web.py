"""``presslens serve``: the web UI and JSON API over a store, on localhost by default.

A thin command over ``presslens.web.create_app``; uvicorn and FastAPI are
imported only when the command runs, so the rest of the CLI starts fast and
works without the ``web`` extra.
"""

from __future__ import annotations

import ipaddress
import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

__all__ = ["register"]

log = logging.getLogger(__name__)
err_console = Console(stderr=True, highlight=False)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _fail(message: str) -> None:
    err_console.print(f"[bold red]presslens: error:[/] {message}", markup=True, soft_wrap=True)


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
        _fail(f"{store}: no store here; create one with `presslens ingest PATH --store {store}`")
        raise typer.Exit(1)
    try:
        import uvicorn

        from presslens.web import create_app
    except ImportError as exc:
        _fail(f"the web UI needs the web extra: pip install 'presslens[web]' ({exc.name} is missing)")
        raise typer.Exit(1) from None
    from presslens.errors import PresslensError
    from presslens.service_store import open_store
    from presslens.settings import load_settings

    settings = load_settings()
    try:  # fail here, in one line, rather than with a 503 on the first page
        open_store(store, read_only=True, settings=settings).close()
    except PresslensError as exc:
        _fail(str(exc))
        raise typer.Exit(1) from None
    local = _is_loopback(host)
    if not local:
        err_console.print(f"presslens: warning: serving {store} to the network on {host}:{port}")
    app = create_app(settings, store, allowed_hosts=None if local else ["*"])
    shown = f"[{host}]" if ":" in host else host
    err_console.print(f"presslens: serving {store} at http://{shown}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``presslens`` command."""
    app.command("serve")(serve)
