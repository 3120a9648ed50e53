"""The JSON API: the same records as the CLI, 404s for unknown ids (the SQL endpoint: test_query)."""

from __future__ import annotations

import pytest

from presslens.service_store import open_store

pytestmark = [pytest.mark.model, pytest.mark.filterwarnings("ignore:Using `httpx` with")]


def test_articles_page_and_filters(client, web_store) -> None:
    data = client.get("/api/articles").json()
    assert data["total"] == len(web_store.article_ids)
    assert {"id", "title", "outlet", "outlet_info", "published", "story", "events"} <= set(data["items"][0])
    tass = client.get("/api/articles", params={"outlet": "TASS"}).json()
    assert tass["total"] == 1 and tass["items"][0]["outlet_info"]["ownership"] == "state"
    dated = client.get("/api/articles", params={"from": "2026-03-15", "to": "2026-03-15"}).json()
    assert dated["items"] and all(a["published"] == "2026-03-15" for a in dated["items"])
    paged = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert len(paged["items"]) == 2 and paged["offset"] == 2


@pytest.mark.parametrize(
    ("params", "status"),
    [({"from": "yesterday"}, 422), ({"limit": 0}, 422), ({"type": "EXPLODE"}, 400), ({"story": "zz"}, 400)],
)
def test_articles_bad_parameters(client, params, status) -> None:
    r = client.get("/api/articles", params=params)
    assert r.status_code == status
    assert "detail" in r.json()


def test_article_matches_the_store(client, web_store) -> None:
    article_id = web_store.article_ids[0]
    with open_store(web_store.path, read_only=True) as store:
        expected = store.get_article(article_id).model_dump(mode="json")
    assert client.get(f"/api/articles/{article_id}").json() == expected


def test_article_text_is_returned_as_data(client, web_store) -> None:
    doc = client.get(f"/api/articles/{web_store.hostile_id}").json()["document"]
    assert "<script>window.__pwned = 1" in doc["text"]  # JSON carries the text unchanged
    r = client.get(f"/api/articles/{web_store.hostile_id}")
    assert r.headers["content-type"].startswith("application/json")


def test_stories_story_timeline_graph_contradictions(client, web_store) -> None:
    stories = client.get("/api/stories").json()
    assert web_store.raid_story in {s["story"]["id"] for s in stories}
    story = client.get(f"/api/stories/{web_store.raid_story}").json()
    assert set(story) == {"story", "articles", "timeline", "graph", "contradictions"}
    timeline = client.get(f"/api/stories/{web_store.raid_story}/timeline").json()
    assert timeline == story["timeline"] and timeline
    assert any(len(e["reports"]) > 1 for e in timeline)  # duplicate reports merged
    graph = client.get(f"/api/stories/{web_store.raid_story}/graph").json()
    assert graph == story["graph"] and graph["edges"]
    contra = client.get("/api/contradictions", params={"story": web_store.raid_story}).json()
    assert contra == story["contradictions"] and contra
    for c in contra:
        assert len(c["sides"]) >= 2
        for side in c["sides"]:
            assert all(s["article"] and s["evidence"]["text"] for s in side["sources"])
    everywhere = client.get("/api/contradictions").json()
    assert len(everywhere) >= len(contra)


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles/0000000000000000",
        "/api/stories/s-nope",
        "/api/stories/s-nope/timeline",
        "/api/stories/s-nope/graph",
        "/api/contradictions?story=s-nope",
        "/api/nothing",
    ],
)
def test_unknown_ids_are_json_404s(client, url) -> None:
    r = client.get(url)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["detail"]


def test_a_merged_story_id_redirects_to_its_story(tmp_path) -> None:
    """Bookmarks outlive a merge: the old id answers 301 to the story holding its articles."""
    import datetime as dt

    from fastapi.testclient import TestClient
    from tests.helpers.store import make_document

    from presslens.store import Store
    from presslens.web import create_app

    path = tmp_path / "merged.duckdb"
    with Store.open(path) as store:
        store.ingest([make_document("Police detained Rustam Mammadov in Saratov.", url="https://tass.com/1")])
        (summary,) = store.list_stories()
        story = summary.story
        # as a refresh leaves it when an article bridges "s-gone" into this story
        store._redirect({"s-gone": set(story.articles)}, [story], dt.datetime(2026, 1, 1))
    with TestClient(create_app(store_path=path), base_url="http://localhost") as client:
        for old, new in [
            ("/stories/s-gone", f"/stories/{story.id}"),
            ("/api/stories/s-gone", f"/api/stories/{story.id}"),
            ("/api/stories/s-gone/timeline?all=true", f"/api/stories/{story.id}/timeline?all=true"),
            ("/api/stories/s-gone/graph", f"/api/stories/{story.id}/graph"),
        ]:
            r = client.get(old, follow_redirects=False)
            assert r.status_code == 301 and r.headers["location"] == new, old
        assert client.get("/api/stories/s-gone").json()["story"]["id"] == story.id
        assert client.get(f"/stories/{story.id}", follow_redirects=False).status_code == 200
