"""The HTML pages through FastAPI's TestClient: content, filters, escaping, 404s, static files."""

from __future__ import annotations

import re
from html import unescape

import pytest

from presslens.service_store import open_store

pytestmark = [pytest.mark.model, pytest.mark.filterwarnings("ignore:Using `httpx` with")]


def _rows(html: str) -> list[str]:
    body = html.split('<table class="list" id="articles">', 1)[-1].split("<tbody>", 1)[-1]
    body = body.split("</tbody>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)


def test_article_list_shows_every_article_with_its_outlet(client, web_store) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert len(_rows(r.text)) == len(web_store.article_ids)
    assert "Nine detained after brawl at Saratov market" in r.text
    assert 'class="badge state"' in r.text  # TASS is state media in the outlet register


@pytest.mark.parametrize(
    ("params", "expect"),
    [
        ({"outlet": "TASS"}, {"TASS"}),
        ({"outlet": "tass"}, {"TASS"}),
        ({"q": "Syr Darya"}, {"water"}),
        ({"type": "AGREE"}, {"water"}),
    ],
)
def test_article_list_filters(client, params, expect) -> None:
    rows = _rows(client.get("/", params=params).text)
    assert rows
    for row in rows:
        assert any(word in unescape(row) or word.lower() in unescape(row).lower() for word in expect), row


def test_article_list_filters_match_the_store(client, web_store) -> None:
    from presslens.store import ArticleFilter

    cases = [
        ({"actor": "Rustam Mammadov"}, ArticleFilter(actor="Rustam Mammadov")),
        ({"from": "2026-03-14", "to": "2026-03-14"}, ArticleFilter(
            published_from=__import__("datetime").date(2026, 3, 14),
            published_to=__import__("datetime").date(2026, 3, 14))),
        ({"story": web_store.raid_story}, ArticleFilter(story=web_store.raid_story)),
        ({"type": "ASSAULT"}, ArticleFilter(event_type="ASSAULT")),
    ]
    with open_store(web_store.path, read_only=True) as store:
        for params, filters in cases:
            expected = store.list_articles(filters).items
            html = client.get("/", params=params).text
            assert expected, params
            assert len(_rows(html)) == len(expected), params
            for a in expected:
                assert f'href="/articles/{a.id}"' in html


def test_actor_filter_finds_every_spelling(client) -> None:
    mammadov = _rows(client.get("/", params={"actor": "Rustam Mammadov"}).text)
    mamedov = _rows(client.get("/", params={"actor": "Rustam Mamedov"}).text)
    assert len(mammadov) == len(mamedov) >= 4


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"from": "13/03/2026"}, "is not a date"),
        ({"type": "EXPLODE"}, "is not a PLOVER type"),
        ({"story": "no-such-story"}, "no story"),
    ],
)
def test_bad_filters_say_what_is_wrong(client, params, message) -> None:
    r = client.get("/", params=params)
    assert r.status_code == 400
    assert message in unescape(r.text)
    assert 'role="alert"' in r.text


def test_empty_form_fields_are_no_filter(client, web_store) -> None:
    r = client.get("/", params={"q": "", "outlet": "", "from": "", "to": "", "type": "", "story": ""})
    assert r.status_code == 200
    assert len(_rows(r.text)) == len(web_store.article_ids)


def test_paging_links_keep_the_filters(client) -> None:
    r = client.get("/", params={"q": "Saratov", "offset": 0})
    assert r.status_code == 200
    assert "offset" not in r.text or "q=Saratov" in r.text


def test_article_page_highlights_and_side_panels(client, web_store) -> None:
    with open_store(web_store.path, read_only=True) as store:
        tass = next(a for a in store.list_articles().items if a.outlet == "TASS")
        doc = store.get_article(tass.id).document
    r = client.get(f"/articles/{tass.id}")
    assert r.status_code == 200
    for panel in ("metadata", "claims", "events", "entities"):
        assert f'id="{panel}"' in r.text
    assert '<mark class="ent ent-PERSON' in r.text or 'ent ent-PERSON' in r.text
    assert 'class="event' in r.text or " event" in r.text
    assert "state" in r.text and ">RU<" in r.text  # country and ownership of the outlet
    for i in range(len(doc.events)):
        assert f'id="event-{i}"' in r.text
    for i in range(len(doc.claims)):
        assert f'id="claim-{i}"' in r.text
    assert re.search(r'<mark class="[^"]*" title="[^"]+"', r.text)  # tooltips


def test_article_text_is_escaped_everywhere(client, web_store) -> None:
    r = client.get(f"/articles/{web_store.hostile_id}")
    assert r.status_code == 200
    html = r.text
    assert "<script>window" not in html
    assert "<script" not in html.lower()
    assert "<img src=x" not in html
    assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
    assert "&lt;script&gt;window.__pwned" in html
    assert "Evil &lt;b&gt;Gazette&lt;/b&gt;" in html
    assert 'href="javascript:' not in html
    listing = client.get("/").text
    assert "<script>" not in listing and "&lt;script&gt;" in listing


def test_pages_forbid_scripts(client, web_store) -> None:
    for url in ("/", f"/articles/{web_store.hostile_id}", f"/stories/{web_store.raid_story}", "/nope"):
        r = client.get(url)
        assert "script-src" not in r.headers["content-security-policy"]  # default-src 'none' applies
        assert "default-src 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"


def test_story_page_timeline_graph_contradictions(client, web_store) -> None:
    with open_store(web_store.path, read_only=True) as store:
        view = store.get_story(web_store.raid_story)
    r = client.get(f"/stories/{web_store.raid_story}")
    assert r.status_code == 200
    html = r.text
    for event in view.timeline:
        assert f'<tr id="{event.id}">' in html
    assert '<svg class="graph"' in html and '<path class="edge' in html
    assert html.count('class="contradiction"') == len(view.contradictions) > 0
    for c in view.contradictions:
        for side in c.sides:
            for src in side.sources:
                assert f'href="/articles/{src.article}#{src.kind}-{src.index}"' in html


def test_story_page_says_how_each_report_reads(client, web_store) -> None:
    """Each article of the story shows its genre guess and outlet-voice density, as its document says."""
    with open_store(web_store.path, read_only=True) as store:
        view = store.get_story(web_store.raid_story)
        docs = {a.id: store.get_article(a.id).document for a in view.articles}
    html = client.get(f"/stories/{web_store.raid_story}").text
    assert "<th>reads as</th>" in html
    for article in view.articles:
        summary = docs[article.id].persuasion_summary
        assert article.genre == summary.genre is not None
        assert article.persuasion_density == summary.per_1000_words
    shown = {a.genre.replace("_", " ") for a in view.articles if a.genre}
    assert shown and all(f'<td class="nowrap">{genre} <small' in html for genre in shown)


def test_story_links_land_on_an_anchor_in_the_article(client, web_store) -> None:
    """Traceability: every source link of the story page has its target id on the article page."""
    html = client.get(f"/stories/{web_store.raid_story}").text
    links = set(re.findall(r'href="/articles/([0-9a-f]+)#((?:event|claim)-\d+)"', html))
    assert links
    pages: dict[str, str] = {}
    for article, anchor in sorted(links):
        page = pages.setdefault(article, client.get(f"/articles/{article}").text)
        assert f'id="{anchor}"' in page, (article, anchor)


def test_story_list(client, web_store) -> None:
    r = client.get("/stories")
    assert r.status_code == 200
    assert f'href="/stories/{web_store.raid_story}"' in r.text
    assert r.text.count("<tr>") >= 3


@pytest.mark.parametrize("url", ["/articles/0000000000000000", "/stories/s-nope", "/no/such/page"])
def test_unknown_ids_are_404_pages(client, url) -> None:
    r = client.get(url)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "Not found" in r.text and 'href="/stories"' in r.text


def test_story_prefix_is_accepted(client, web_store) -> None:
    assert client.get(f"/stories/{web_store.raid_story[:6]}").status_code in (200, 404)
    assert client.get(f"/stories/{web_store.raid_story}").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/static/..%2fapp.py",
        "/static/%2e%2e/app.py",
        "/static/..%2f..%2fsettings.py",
        "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd",
        "/static//etc/passwd",
    ],
)
def test_no_file_outside_static_is_served(client, url) -> None:
    r = client.get(url)
    assert r.status_code == 404
    assert "root:" not in r.text and "def create_app" not in r.text


def test_static_css_is_served(client) -> None:
    r = client.get("/static/presslens.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")


def test_other_host_headers_are_refused(client) -> None:
    """DNS rebinding: a page on another origin cannot read the store through the user's browser."""
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_api_docs_work_offline(client) -> None:
    r = client.get("/docs")
    assert r.status_code == 200 and "swagger" in r.text.lower()
    if "/docs-static/" in r.text:
        assert client.get("/docs-static/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/stories", "/api/stories/{story_id}",
                 "/api/stories/{story_id}/timeline", "/api/contradictions", "/api/query"):
        assert path in paths


def test_a_russian_article_is_marked_russian_and_found_in_either_script(tmp_path) -> None:
    """lang="ru" on its title and text (fonts, hyphenation and screen readers go by it), and the
    search box finds it by the Latin spelling of a name it gives in Cyrillic."""
    from fastapi.testclient import TestClient
    from tests.helpers.store import make_document

    from presslens.store import Store
    from presslens.web import create_app

    path = tmp_path / "ru.duckdb"
    russian = make_document("Полиция задержала Рустама Мамедова в Саратове. Ещё.", url="https://tass.ru/1",
                            title="Задержание в Саратове", name="Рустама Мамедова")
    russian = russian.model_copy(update={"language": "ru"})
    with Store.open(path) as st:
        st.ingest([russian, make_document(url="https://reuters.com/2", outlet="Reuters")])
        (summary,) = [a for a in st.list_articles().items if a.outlet == "TASS"]
    with TestClient(create_app(store_path=path), base_url="http://localhost") as client:
        page = client.get(f"/articles/{summary.id}")
        assert page.status_code == 200
        assert '<h1 lang="ru">Задержание в Саратове</h1>' in page.text
        assert 'id="text" lang="ru"' in page.text
        listing = client.get("/", params={"q": "Mammadov"})
        assert "Задержание в Саратове" in listing.text and 'lang="ru"' in listing.text
