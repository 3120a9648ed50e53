"""``presslens serve``: the web UI and JSON API over a store, on localhost by default.

A thin command over ``presslens.web.create_app``; uvicorn and FastAPI are
imported only when the command runs, so the rest of the CLI starts fast and
works without the ``web`` extra.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
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


def _host_names(host: str, extra: list[str]) -> list[str]:
    """The Host headers a network-bound server answers: its address, this machine's names, `extra`."""
    from presslens.web.app import LOCAL_HOSTS

    names = [*LOCAL_HOSTS, *extra]
    if host in {"0.0.0.0", "::", "[::]"}:  # every interface: the machine's own names
        names += [socket.gethostname(), socket.getfqdn()]
    else:
        names.append(host.strip("[]"))
    return list(dict.fromkeys(n for n in names if n))


def serve(
    store: Annotated[
        Path, typer.Option("--store", help="The store file (DuckDB).", envvar="PRESSLENS_STORE")
    ] = Path("presslens.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to bind; other than localhost exposes the store.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    query: Annotated[
        bool | None,
        typer.Option("--query/--no-query", help="Offer POST /api/query (read-only SQL; serve_query)."),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", help="Another Host name to answer beyond localhost (repeatable)."),
    ] = None,
    ingest: Annotated[
        bool,
        typer.Option(
            "--ingest", help="Own the store and take articles while serving (POST /api/articles; "
                             "`presslens ingest PATH --server URL` sends them). Creates the store if absent."
        ),
    ] = False,
) -> None:
    """Serve the web UI and JSON API over a store (read-only unless --ingest; API docs at /docs).

    Bound beyond localhost, every request needs the server's token: the
    address printed at start carries it (setting serve_token fixes one).
    """
    if not store.is_file() and not ingest:
        stop(
            f"{store}: no store here; create one with `presslens ingest PATH --store {store}`, "
            "or serve it with --ingest and send articles to the server"
        )
    with requires_extra("web", "the web UI"):
        import uvicorn

        from presslens.web import create_app
    from presslens.service_store import open_store
    from presslens.settings import load_settings
    from presslens.store.served import forget_server, note_server

    settings = load_settings()
    with edge():  # fail here, in one line, rather than with a 503 on the first page
        open_store(store, read_only=not ingest, settings=settings).close()
    local = _is_loopback(host)
    token = None if local else (settings.serve_token or secrets.token_urlsafe(24))
    hosts = None if local else _host_names(host, allow_host or [])
    if not local:
        warn(f"serving {store} to the network on {host}:{port}; answering Host: {', '.join(hosts or [])}")
    app = create_app(settings, store, allowed_hosts=hosts, token=token, query=query, ingest=ingest)
    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{port}"
    address = f"{base}/" + (f"?token={token}" if token else "")
    offered = [*(["/api/query"] if app.state.query_enabled else []), *(["ingest"] if ingest else [])]
    say(f"presslens: serving {store}{' with ' + ', '.join(offered) if offered else ''} at {address} "
        "(Ctrl-C to stop)")
    if ingest:
        say(f"presslens: add articles with `presslens ingest PATH --server {base}`"
            + (" --token TOKEN" if token else ""))
    note_server(store, base, ingest=ingest)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        forget_server(store)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``presslens`` command."""
    app.command("serve")(serve)
