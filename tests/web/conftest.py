"""Web fixtures: one store of the test corpus, ingested through the real pipeline once per session.

The corpus is the stories acceptance corpus (``tests/stories/data/corpus``:
eight outlets on one raid, three on an unrelated water deal) plus one hostile
article written here, whose title, outlet, URL and text carry ``<script>``,
an ``onerror`` image and a ``javascript:`` URL, so every page is checked
against markup injected by an ingested page.

The browser tests need Debian's Chromium (the ``chromium`` fixture skips them
when there is none on PATH) and playwright; when they were skipped for either
reason, the session ends with a line saying so (``pytest_terminal_summary``),
so the README's test command never passes them over silently.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "stories" / "data" / "corpus"
# skip reasons of the browser tests, and what the end of the session says about them
CHROMIUM_MISSING = "no Chromium found (apt-get install chromium, as .ci/run does)"
PLAYWRIGHT_MISSING = "playwright is not installed (pip install -e '.[test]')"
HOSTILE = {
    "outlet": "Evil <b>Gazette</b>",
    "url": "javascript:window.__pwned=3",
    "published": "2026-03-15",
    "title": "Saratov <script>window.__pwned=1</script> raid",
    "text": (
        "Police in Saratov detained nine people on March 12, the Interior Ministry said. "
        "<script>window.__pwned = 1; alert('xss')</script>\n\n"
        "Rustam Mamedov died of heart failure, the committee said. "
        '<img src=x onerror="window.__pwned=2;alert(2)"> Officials said the raid was lawful.'
    ),
}


@dataclass(frozen=True)
class WebStore:
    path: Path
    hostile_id: str
    raid_story: str
    article_ids: tuple[str, ...]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> WebStore:
    """The corpus ingested with the pinned model (a few seconds, once)."""
    pytest.importorskip("spacy")
    from presslens.service_store import ingest_paths, open_store

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = folder / "web.duckdb"
    sources = [CORPUS / "saratov_raid.jsonl", CORPUS / "caspian_water.jsonl", hostile]
    with open_store(path) as store:
        summary = ingest_paths(sources, store)
        assert not summary.errors, summary.errors
        ids = tuple(r.article_id for r in summary.results)
        hostile_id = next(r.article_id for r in summary.results if "<script>" in (r.title or ""))
        raid = max(store.list_stories(), key=lambda s: s.contradictions).story.id
    return WebStore(path, hostile_id, raid, ids)


@pytest.fixture(scope="session")
def client(web_store):
    from fastapi.testclient import TestClient

    from presslens.web import create_app

    with TestClient(create_app(store_path=web_store.path), base_url="http://localhost") as c:
        yield c


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app) -> Iterator[str]:
    """`app` behind a real uvicorn server (real sockets) on a free localhost port, in a thread."""
    uvicorn = pytest.importorskip("uvicorn")
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start within 15 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(web_store) -> Iterator[str]:
    """The real server over the test store."""
    from presslens.web import create_app

    with serving(create_app(store_path=web_store.path)) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium (``chromium`` on PATH), or a skip that the session summary repeats."""
    path = shutil.which("chromium")
    if path is None:
        pytest.skip(CHROMIUM_MISSING)
    return path


@pytest.fixture(scope="session")
def playwright_api():
    """``playwright.sync_api``, or a skip that the session summary repeats."""
    return pytest.importorskip("playwright.sync_api", reason=PLAYWRIGHT_MISSING)


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    return longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)


def pytest_terminal_summary(terminalreporter) -> None:
    """One line per reason the browser tests did not run: a missing Chromium or playwright."""
    reasons = {_skip_reason(r) for r in terminalreporter.stats.get("skipped", ())}
    for missing in (CHROMIUM_MISSING, PLAYWRIGHT_MISSING):
        if any(missing in reason for reason in reasons):
            terminalreporter.write_line(f"browser tests skipped: {missing}", yellow=True, bold=True)
