"""POST /api/articles on a server that owns its store: jobs, the records they store, and the guards.

One app per module over a new store (``create_app(ingest=True)``); its
analysis process loads the pinned model once, as the server does.
"""

from __future__ import annotations

import time

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

RAID = (
    "Police in Saratov detained nine people on Tuesday after a brawl at the central market, "
    "the regional Interior Ministry said. Rustam Mamedov, 38, died in hospital the next day."
)
WATER = (
    "Azerbaijan and Kazakhstan signed an agreement on Caspian water use in Baku on Monday, "
    "the Azerbaijani Foreign Ministry said in a statement."
)
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def app_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from presslens.web import create_app

    path = tmp_path_factory.mktemp("ingest") / "served.duckdb"
    with TestClient(create_app(store_path=path, ingest=True, query=True), base_url="http://localhost") as c:
        yield c


def _done(client, job_id: str, timeout: float = 180.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/ingest/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    pytest.fail(f"job {job_id} not done in {timeout} s")


def test_posted_records_are_analysed_stored_and_shown(app_client) -> None:
    records = [
        {"text": RAID, "title": "Nine detained in Saratov", "outlet": "TASS", "published": "2026-03-12"},
        {"title": "no body at all"},
        {"text": WATER, "title": "Caspian water deal", "outlet": "APA", "published": "2026-03-16"},
    ]
    answer = app_client.post("/api/articles", json={"records": records})
    assert answer.status_code == 202, answer.text
    job = _done(app_client, answer.json()["id"])
    assert job["status"] == "done" and job["stored"] == 2 and job["failed"] == 1
    assert "record 2" in job["errors"][0]  # the bad record is named, the others are stored
    ids = {r["article_id"] for r in job["results"]}
    listed = {a["id"] for a in app_client.get("/api/articles").json()["items"]}
    assert ids <= listed
    page = app_client.get(f"/articles/{next(iter(ids))}")
    assert page.status_code == 200
    assert job["stories"] >= 1 and len(app_client.get("/api/stories").json()) == job["stories"]
    # users' SQL sees the new articles though the server writes the store
    rows = app_client.post("/api/query", json={"sql": "SELECT count(*) FROM articles"}).json()["rows"]
    assert rows == [[len(listed)]]


def test_the_same_article_again_is_unchanged(app_client) -> None:
    record = {"text": RAID, "title": "Nine detained in Saratov", "outlet": "TASS", "published": "2026-03-12"}
    job = _done(app_client, app_client.post("/api/articles", json={"records": [record]}).json()["id"])
    assert [r["status"] for r in job["results"]] == ["unchanged"]


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        ('{"records": []}', JSON, 422),
        ('{"records": "text"}', JSON, 422),
        ("[1, 2", JSON, 422),
        ('{"records": [{"text": "x"}]}', {"content-type": "text/plain"}, 415),
        ('{"records": [{"text": "x"}]}', {**JSON, "origin": "https://evil.example"}, 403),
        ('{"records": [{"text": "x"}]}', {**JSON, "sec-fetch-site": "cross-site"}, 403),
    ],
)
def test_bad_or_cross_site_posts_are_refused(app_client, body, headers, status) -> None:
    answer = app_client.post("/api/articles", content=body, headers=headers)
    assert answer.status_code == status, answer.text
    assert isinstance(answer.json()["detail"], str | list)


def test_a_body_over_the_limit_is_refused(app_client, monkeypatch) -> None:
    from presslens.web import ingest_api

    monkeypatch.setattr(ingest_api, "MAX_BODY_BYTES", 1000)
    monkeypatch.setattr(ingest_api, "_TOO_BIG", "too big")
    answer = app_client.post("/api/articles", json={"records": [{"text": "x" * 5000}]})
    assert answer.status_code == 413


def test_unknown_job_is_a_404(app_client) -> None:
    assert app_client.get("/api/ingest/nope").status_code == 404


def test_a_read_only_server_says_how_to_take_articles(client) -> None:
    answer = client.post("/api/articles", json={"records": [{"text": RAID}]})
    assert answer.status_code == 404 and "--ingest" in answer.json()["detail"]
