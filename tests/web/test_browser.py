"""The UI in a real headless Chromium (Debian's), against the real server on a localhost port.

Playwright drives the system browser through ``executable_path``; its own
browser downloads are never used (and do not work offline). Skipped, with the
reason, where chromium (``chromium`` on PATH) or the playwright package is missing
(the ``chromium`` and ``playwright_api`` fixtures of tests/web/conftest.py), and
the session's summary then says so.
"""

from __future__ import annotations

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
