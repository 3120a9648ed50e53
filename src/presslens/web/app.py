"""The presslens web app: ``create_app(settings, store_path)`` builds it, nothing is global.

    uvicorn --factory 'presslens.web:create_app'       # ./presslens.duckdb
    presslens serve --store corpus.duckdb               # the usual way

Store handle. The app holds **one read-only Store per app** (``StoreHandle``
on ``app.state``), opened on first use and closed at shutdown, rather than
one per request: opening a DuckDB file read-only costs 15–25 ms (catalog
load plus the schema-version check) and throws away DuckDB's buffer cache,
which alone would eat a large share of the 150 ms page budget on a store of
10,000 articles. Reads are serialised on the Database's lock (one DuckDB
connection is not thread-safe); pages take 2–20 ms of store time, so a
desk's handful of users never notice. The handle is opened with
``enable_external_access`` off and the configuration locked (see
``store.database``). ``/api/query`` (off unless asked for) does not use it:
a user's SQL runs in a child process under time, size and memory limits
(``store.user_query``), so no query can hold the lock pages read under.
DuckDB lets no other process open a file while one writes it, so a server
that should take new articles owns the store (``ingest=True``, ``presslens
serve --ingest``): it opens the file writable, pages read through a reader
connection that never waits for a write, articles arrive through
``POST /api/articles`` (``presslens ingest --server URL``) and are analysed
and stored in the background (``ingest_worker``), and users' SQL runs on a
copy of the last committed state (``store.snapshot``).

Safety. Templates autoescape every value (the environment is built here with
``autoescape=True`` because Starlette's default only escapes ``*.html``, not
``*.html.j2``); links are made only from http(s) URLs; every HTML page is
sent with a Content-Security-Policy that allows no script at all (the UI has
none), as a second wall behind escaping; only the package's own ``static/``
folder is served, through Starlette's ``StaticFiles`` (which refuses paths
outside it); the Host header must name this machine, or the names the server
was started for (DNS rebinding: a web page cannot read the store through the
user's browser); and a server bound beyond localhost asks every request for
its token (``guard``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from presslens import __version__
from presslens.errors import PresslensError
from presslens.settings import Settings, load_settings
from presslens.store import Store
from presslens.web import api, corrections, ingest_api, pages, views
from presslens.web.guard import TokenGate
from presslens.web.ingest_worker import IngestWorker

__all__ = ["LOCAL_HOSTS", "StoreHandle", "create_app"]

log = logging.getLogger(__name__)

#: Host headers accepted by default: the server is bound to localhost.
LOCAL_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "::1", "[::1]")

#: No scripts, no plugins, no framing, forms and styles from this origin only.
_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
_DOCS_PATHS = ("/docs", "/redoc")  # Swagger UI and ReDoc run scripts: no CSP there
_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """ASGI middleware adding the CSP and the other safety headers to every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = not scope["path"].startswith(_DOCS_PATHS)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if csp:
                    headers.setdefault("Content-Security-Policy", _CSP)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class StoreHandle:
    """The app's one Store, opened on first use (so a missing file is a 503, not a crash).

    Read-only by default. `writable` (``presslens serve --ingest``): the
    server owns the store; the ingest worker writes through ``writer()`` and
    pages read through a reader connection of it (``Store.reader``), which
    sees each committed state and never waits for a write.
    """

    def __init__(self, path: Path, settings: Settings, *, writable: bool = False) -> None:
        self.path = path
        self.settings = settings
        self.writable = writable
        self._store: Store | None = None
        self._writer: Store | None = None
        self._lock = threading.Lock()

    def get(self) -> Store:
        """The Store pages read through."""
        with self._lock:
            if self._store is None:
                from presslens.service_store import open_store

                if self.writable:
                    self._writer = open_store(self.path, settings=self.settings)
                    self._store = self._writer.reader()
                    log.info("serving %s (the server writes it)", self.path)
                else:
                    self._store = open_store(self.path, read_only=True, settings=self.settings)
                    log.info("serving %s (read-only)", self.path)
            return self._store

    def writer(self) -> Store:
        """The writable Store (``writable`` only), for the ingest worker's one thread."""
        if not self.writable:
            raise PresslensError(f"{self.path}: the server reads this store only (serve --ingest writes it)")
        self.get()
        assert self._writer is not None
        return self._writer

    def close(self) -> None:
        with self._lock:
            for store in (self._store, self._writer):
                if store is not None:
                    store.close()
            self._store = self._writer = None


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("presslens.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        version=__version__,
        outlet_label=views.outlet_label,
        safe_href=views.safe_href,
        plover_types=views.PLOVER_BY_HOSTILITY,
    )
    return Jinja2Templates(env=env)


def _docs_assets() -> Path | None:
    """Swagger UI and ReDoc files shipped by ``fastapi-offline``, so /docs works without a CDN."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    path = Path(fastapi_offline.__file__).parent / "static"
    return path if path.is_dir() else None


def _mount_docs(app: FastAPI) -> None:
    assets = _docs_assets()
    if assets is not None:
        app.mount("/docs-static", StaticFiles(directory=assets), name="docs-static")
        js, css = "/docs-static/swagger-ui-bundle.js", "/docs-static/swagger-ui.css"
        redoc = "/docs-static/redoc.standalone.js"
    else:  # FastAPI's defaults: a CDN, which needs a network
        js = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"
        css = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css"
        redoc = "https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js"

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="presslens API", swagger_js_url=js, swagger_css_url=css,
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc_page() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json", title="presslens API", redoc_js_url=redoc,
            redoc_favicon_url="/static/favicon.svg", with_google_fonts=False,
        )


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


_ECHO = 200  # characters of a bad input an error repeats back


def _short_error(error: Any) -> dict[str, Any]:
    """A validation error without the whole input in it: a 20 kB body is not sent back in full."""
    error = dict(error)
    if "input" in error:
        shown = repr(error["input"]) if not isinstance(error["input"], str) else error["input"]
        error["input"] = shown if len(shown) <= _ECHO else shown[:_ECHO] + f"… ({len(shown):,} characters)"
    error.pop("ctx", None)  # may hold the input or an exception object
    return error


def _install_error_pages(app: FastAPI, templates: Jinja2Templates) -> None:
    """JSON errors under /api, an HTML page (with the site's navigation) everywhere else."""

    def page(request: Request, status: int, title: str, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        return templates.TemplateResponse(
            request, "error.html.j2", {"title": title, "message": message}, status_code=status
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        titles = {404: "Not found", 400: "Bad request", 405: "Method not allowed"}
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        return page(request, exc.status_code, titles.get(exc.status_code, "Error"), detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": [_short_error(e) for e in exc.errors()]}, status_code=422)
        problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
        return page(request, 422, "Bad request", problems)

    @app.exception_handler(PresslensError)
    async def store_unavailable(request: Request, exc: PresslensError) -> Response:
        # lookups that miss are turned into 404s by the routes; what is left is the store itself
        log.error("%s", exc)
        return page(request, 503, "Store unavailable", str(exc))


def create_app(
    settings: Settings | None = None,
    store_path: str | Path = "presslens.duckdb",
    *,
    allowed_hosts: Sequence[str] | None = None,
    token: str | None = None,
    query: bool | None = None,
    ingest: bool = False,
) -> FastAPI:
    """The web app over the store at `store_path` (read-only, unless `ingest`).

    `allowed_hosts` are the Host headers to answer (default: this machine's
    loopback names); `token`, when given, is asked of every request
    (``guard.token_gate``; ``presslens serve`` sets one when bound beyond
    localhost); `query` turns on ``/api/query`` (default: the
    ``serve_query`` setting, off); `ingest` makes the server own the store
    and take articles (``POST /api/articles``, ``web.ingest_worker``).
    """
    settings = settings or load_settings()
    handle = StoreHandle(Path(store_path), settings, writable=ingest)
    worker = IngestWorker(handle.writer, settings) if ingest else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if worker is not None:
            worker.close()
        handle.close()

    app = FastAPI(
        title="presslens",
        version=__version__,
        summary="Read a presslens store: articles, stories, timelines, actor graphs, contradictions.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = handle
    app.state.ingest = worker
    app.state.settings = settings
    app.state.query_enabled = settings.serve_query if query is None else query
    app.state.templates = _templates()
    # plain ASGI middleware only: Starlette's BaseHTTPMiddleware hides a client's disconnect
    app.add_middleware(SecurityHeaders)
    if token:
        app.add_middleware(TokenGate, token=token)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS))

    static = resources.files("presslens.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _mount_docs(app)
    _install_error_pages(app, app.state.templates)
    app.include_router(api.router)
    app.include_router(ingest_api.router)
    app.include_router(corrections.router)
    app.include_router(pages.router)
    return app

