"""The UI in a real headless Chromium (Debian's), against the real server on a localhost port.

Playwright drives the system browser through ``executable_path``; its own
browser downloads are never used (and do not work offline). Skipped, with the
reason, where chromium (``chromium`` on PATH) or the playwright package is missing
(the ``chromium`` and ``playwright_api`` fixtures of tests/web/conftest.py), and
the session's summary then says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# `chromium` first: without a browser, skip before the corpus is ingested and the server started
pytestmark = [pytest.mark.model, pytest.mark.slow, pytest.mark.usefixtures("chromium", "playwright_api")]


@pytest.fixture(scope="module")
def browser(chromium, playwright_api):
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def test_article_page_renders_highlights_and_panels(page, live_server, web_store) -> None:
    tass = next(a for a in web_store.article_ids)  # the corpus's first record is TASS
    page.goto(f"{live_server}/articles/{tass}")
    assert page.locator("#text mark.ent").count() > 3
    assert page.locator("#text mark.event").count() >= 1 and page.locator("#text mark.claim").count() >= 1
    assert page.locator("#text mark.ent").first.get_attribute("title")
    assert page.locator("#metadata").inner_text().count("state") >= 1
    page.locator("#events a[href^='#event-']").first.click()
    assert page.evaluate("location.hash").startswith("#event-")
    assert page.locator(":target").count() == 1
    assert page.errors == []


def test_story_page_renders_timeline_graph_and_contradictions(page, live_server, web_store) -> None:
    page.goto(f"{live_server}/stories/{web_store.raid_story}")
    rows = page.locator("table.timeline tbody tr")
    assert rows.count() >= 5
    assert page.locator("table.timeline .nsrc").first.is_visible()
    graph = page.locator("svg.graph")
    assert graph.is_visible()
    assert graph.locator("path.edge").count() >= 1 and graph.locator("circle").count() >= 2
    box = graph.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200
    first = page.locator(".contradiction").first
    assert first.is_visible()
    sides = first.locator(".side")
    assert sides.count() >= 2
    a, b = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert a and b and abs(a["y"] - b["y"]) < 2 and b["x"] > a["x"]  # side by side
    link = first.locator(".side blockquote a").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    assert page.locator(":target").count() == 1  # lands on the sentence
    assert page.errors == []


def test_script_in_an_article_never_runs(page, live_server, web_store) -> None:
    page.goto(f"{live_server}/articles/{web_store.hostile_id}")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    text = page.locator("#text").inner_text()
    assert "<script>window.__pwned = 1" in text  # shown as text
    assert '<img src=x onerror="window.__pwned=2;alert(2)">' in text
    assert page.locator("#text script, #text img, h1 script").count() == 0
    assert page.locator("h1").inner_text().startswith("Saratov <script>")
    assert page.locator("a[href^='javascript:']").count() == 0
    for url in ("/", f"/?q={'Saratov'}", f"/stories/{web_store.raid_story}"):
        page.goto(live_server + url)
        assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []


def test_list_filters_from_the_form(page, live_server) -> None:
    page.goto(live_server + "/")
    total = page.locator("#articles tbody tr").count()
    page.fill("form.filters input[name=outlet]", "TASS")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*outlet=TASS*")
    rows = page.locator("#articles tbody tr")
    assert 0 < rows.count() < total
    assert all("TASS" in rows.nth(i).inner_text() for i in range(rows.count()))
    page.select_option("form.filters select[name=type]", "AGREE")
    page.fill("form.filters input[name=outlet]", "")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**type=AGREE*")
    assert page.locator("#articles tbody tr").count() >= 1
    assert page.errors == []


def test_unknown_article_shows_a_404_page(page, live_server) -> None:
    response = page.goto(live_server + "/articles/does-not-exist")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Not found"


def _presslens(*args: str) -> list[str]:
    import sys
    from pathlib import Path

    return [str(Path(sys.executable).with_name("presslens")), *args]


@contextmanager
def _serve_command(path) -> Iterator[str]:
    """`presslens serve --ingest` itself, in its own process, on a free port; stopped with Ctrl-C."""
    import signal
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        _presslens("serve", "--store", str(path), "--ingest", "--port", str(port)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/api/stories", timeout=2).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"presslens serve did not start: {server.communicate()[1][-2000:]}")
            time.sleep(0.2)
    try:
        yield url
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
    assert not path.with_name(path.name + ".served.json").exists()  # the note goes with the server


def test_ingest_through_the_server_while_a_browser_reads_pages(browser, tmp_path, web_store) -> None:
    """`presslens ingest --server` sends the raid corpus to `serve --ingest` while Chromium keeps loading
    pages; every page loads, every article is stored with the records a local ingest gives, and the
    browser then shows the new story."""
    import json
    import subprocess

    from tests.web.conftest import CORPUS

    from presslens.service_store import ingest_paths, open_store

    path = tmp_path / "served.duckdb"
    with open_store(path) as store:  # a store with one story already, as a desk's would be
        ingest_paths([CORPUS / "caspian_water.jsonl"], store)
    raid = CORPUS / "saratov_raid.jsonl"
    expected = sum(1 for line in raid.read_text("utf-8").splitlines() if line.strip())
    page = browser.new_page()
    with _serve_command(path) as url:
        cli = subprocess.Popen(
            _presslens("ingest", str(raid), "--server", url, "--format", "json"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        statuses: list[int] = []
        while cli.poll() is None:
            for where in ("/", "/stories", "/?q=water"):
                answer = page.goto(url + where)
                statuses.append(answer.status if answer else 0)
        out, err = cli.communicate()
        assert cli.returncode == 0, err
        assert len(statuses) >= 3 and set(statuses) == {200}
        stored = json.loads(out)["results"]
        assert len(stored) == expected and {r["status"] for r in stored} == {"added"}
        page.goto(url + "/stories")
        assert page.locator("a[href^='/stories/']").count() >= 2
        page.goto(f"{url}/articles/{stored[0]['article_id']}")
        assert page.locator("#text mark.ent").count() >= 1
        # a direct ingest into the served store is told, in one line, to go through the server
        direct = subprocess.run(
            _presslens("ingest", str(raid), "--store", str(path)), capture_output=True, text=True
        )
        assert direct.returncode != 0
        assert direct.stderr.strip().count("\n") == 0 and f"--server {url}" in direct.stderr
    page.close()
    # the module's live server holds web_store open: a second handle must use the same settings
    with open_store(path, read_only=True) as served, open_store(web_store.path, read_only=True) as local:
        for result in stored:
            ours = served.get_article(result["article_id"]).document
            assert ours == local.get_article(result["article_id"]).document


def test_ingest_to_a_server_with_a_token(tmp_path) -> None:
    import json
    import subprocess

    from tests.web.conftest import CORPUS, serving

    from presslens.web import create_app

    source = str(CORPUS / "caspian_water.jsonl")
    with serving(create_app(store_path=tmp_path / "t.duckdb", ingest=True, token="s3cret")) as url:
        refused = subprocess.run(
            _presslens("ingest", source, "--server", url), capture_output=True, text=True
        )
        assert refused.returncode != 0 and "--token" in refused.stderr
        taken = subprocess.run(
            _presslens("ingest", source, "--server", url, "--token", "s3cret", "--format", "json"),
            capture_output=True, text=True,
        )
        assert taken.returncode == 0, taken.stderr
        assert len(json.loads(taken.stdout)["results"]) == 3


def test_an_analyst_corrects_the_timeline_from_the_story_page(page, tmp_path, web_store) -> None:
    """On a server that owns its store, the story page's forms hide and split events: a real form
    POST from Chromium (Origin and Sec-Fetch-Site as a browser sends them), back on the timeline."""
    import shutil

    from tests.web.conftest import serving

    from presslens.web import create_app

    path = tmp_path / "owned.duckdb"
    shutil.copy(web_store.path, path)  # the session's store stays as it is for the other tests
    with serving(create_app(store_path=path, ingest=True)) as url:
        page.goto(f"{url}/stories/{web_store.raid_story}")
        rows = page.locator("table.timeline tbody tr")
        before = rows.count()
        hidden_id = rows.first.get_attribute("id")
        rows.first.locator("button", has_text="hide").click()
        page.wait_for_url(f"**/stories/{web_store.raid_story}#timeline")
        assert rows.count() == before - 1
        assert page.locator(f"table.timeline tr[id='{hidden_id}']").count() == 0
        several = page.locator("table.timeline tbody tr", has=page.locator("select[name=report]")).first
        several.locator("select[name=report]").select_option("2")
        several.locator("button", has_text="split off").click()
        page.wait_for_url(f"**/stories/{web_store.raid_story}#timeline")
        assert rows.count() == before  # one hidden, one split off
        assert page.errors == []
