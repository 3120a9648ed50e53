"""Timeline corrections from the web: the story page's forms and the JSON endpoint, on a server that
owns its store (``serve --ingest``); refused cross-site, and on a read-only server."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from tests.helpers.store import detention_and_protest, disputed_detention

from presslens.store import Store
from presslens.web import create_app

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with")

OWN = {"origin": "http://localhost"}
FORM = {**OWN, "content-type": "application/x-www-form-urlencoded"}


@pytest.fixture
def store(tmp_path):
    """Two outlets on one detention, and a protest both report (no model: records built by hand)."""
    path = tmp_path / "w.duckdb"
    docs = detention_and_protest()
    with Store.open(path) as st:
        st.ingest(docs)
        (summary,) = st.list_stories()
    return path, summary.story.id


def _timeline(client: TestClient, story: str, *, hidden: bool = False) -> list[dict]:
    return client.get(f"/api/stories/{story}/timeline" + ("?all=true" if hidden else "")).json()


def test_the_story_page_forms_hide_split_and_merge(store) -> None:
    path, story = store
    with TestClient(create_app(store_path=path, ingest=True), base_url="http://localhost") as client:
        page = client.get(f"/stories/{story}").text
        assert 'name="action" value="hide"' in page and 'list="timeline-events"' in page
        events = _timeline(client, story)
        protest = next(e for e in events if e["type"] == "PROTEST")
        detain = next(e for e in events if e["type"] == "COERCE")

        as_chromium = {**FORM, "origin": "null", "sec-fetch-site": "same-origin"}  # no-referrer pages
        r = client.post(f"/stories/{story}/corrections", content=f"action=hide&event={protest['id']}",
                        headers=as_chromium, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == f"/stories/{story}#timeline"
        assert all(e["type"] != "PROTEST" for e in _timeline(client, story))
        assert any(e["type"] == "PROTEST" and e["hidden"] for e in _timeline(client, story, hidden=True))

        r = client.post("/api/corrections", json={"action": "split", "event": detain["id"], "report": 2},
                        headers=OWN)
        assert r.status_code == 200 and "split report 2" in r.json()["done"]
        parts = [e for e in _timeline(client, story) if e["type"] == "COERCE"]
        assert sorted(len(e["reports"]) for e in parts) == [1, 1]

        r = client.post(f"/stories/{story}/corrections", headers=FORM, follow_redirects=False,
                        content=f"action=merge&event={parts[0]['id']}&other={parts[1]['id']}&report=")
        assert r.status_code == 303
        assert [len(e["reports"]) for e in _timeline(client, story) if e["type"] == "COERCE"] == [2]
    with Store.open(path) as st:  # stored: a rebuild from scratch applies them again
        st.refresh_stories(rebuild=True)
        assert len(st.timeline_corrections()) == 3


def test_bad_corrections_are_clear_and_change_nothing(store) -> None:
    path, story = store
    with TestClient(create_app(store_path=path, ingest=True), base_url="http://localhost") as client:
        before = _timeline(client, story)
        event = before[0]["id"]
        r = client.post("/api/corrections", json={"action": "hide", "event": "e-nope"}, headers=OWN)
        assert r.status_code == 400 and "no timeline event" in r.json()["detail"]
        r = client.post("/api/corrections", json={"action": "merge", "event": event}, headers=OWN)
        assert r.status_code == 400 and "merge needs two" in r.json()["detail"]
        r = client.post("/api/corrections", json={"action": "explode", "event": event}, headers=OWN)
        assert r.status_code == 422
        r = client.post(f"/stories/{story}/corrections", content="action=hide", headers=FORM)
        assert r.status_code == 422 and "event" in r.text
        r = client.post(f"/stories/{story}/corrections", content="action=hide&event=" + "x" * 100_000,
                        headers=FORM)
        assert r.status_code == 413
        # another site's page, or a form without the browser's Origin, is refused
        r = client.post("/api/corrections", json={"action": "hide", "event": event},
                        headers={"origin": "https://evil.example"})
        assert r.status_code == 403
        r = client.post(f"/stories/{story}/corrections", content=f"action=hide&event={event}",
                        headers={**FORM, "origin": "https://evil.example"})
        assert r.status_code == 403
        r = client.post(f"/stories/{story}/corrections", content=f"action=hide&event={event}",
                        headers={"content-type": "application/x-www-form-urlencoded"})
        assert r.status_code == 403
        # "Origin: null" (our pages' no-referrer policy) is ours only when the browser says same-origin
        for fetch_site in ("cross-site", None):
            headers = {**FORM, "origin": "null"} | ({"sec-fetch-site": fetch_site} if fetch_site else {})
            r = client.post(f"/stories/{story}/corrections", content=f"action=hide&event={event}",
                            headers=headers)
            assert r.status_code == 403, fetch_site
        assert _timeline(client, story) == before


def test_a_read_only_server_says_how_to_correct(store) -> None:
    path, story = store
    with TestClient(create_app(store_path=path), base_url="http://localhost") as client:
        assert 'value="hide"' not in client.get(f"/stories/{story}").text
        event = _timeline(client, story)[0]["id"]
        r = client.post("/api/corrections", json={"action": "hide", "event": event}, headers=OWN)
        assert r.status_code == 409 and "serve --ingest" in r.json()["detail"]


def test_contradictions_are_confirmed_and_dismissed_from_the_story_page(tmp_path) -> None:
    """Two outlets disagreeing on who detained a man: confirm it, then dismiss it."""
    path = tmp_path / "v.duckdb"
    second = dict(url="https://ria.ru/2", outlet="RIA Novosti", published=dt.date(2026, 3, 14))
    docs = disputed_detention(dict(url="https://tass.com/1", outlet="TASS"), second)
    with Store.open(path) as st:
        st.ingest(docs)
        (summary,) = st.list_stories()
    story = summary.story.id
    with TestClient(create_app(store_path=path, ingest=True), base_url="http://localhost") as client:
        (first, *_) = client.get(f"/api/contradictions?story={story}").json()
        page = client.get(f"/stories/{story}").text
        assert f'name="contradiction" value="{first["id"]}"' in page and 'value="confirm"' in page
        r = client.post(f"/stories/{story}/verdicts", content=f"contradiction={first['id']}&verdict=confirm",
                        headers=FORM, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].endswith("#contradictions")
        shown = {c["id"]: c for c in client.get(f"/api/contradictions?story={story}").json()}
        assert shown[first["id"]]["verdict"] == "confirmed"
        dismiss = {"verdict": "dismiss", "contradiction": first["id"]}
        r = client.post("/api/verdicts", json=dismiss, headers=OWN)
        assert r.status_code == 200 and r.json()["done"].startswith("dismissed")
        assert first["id"] not in {c["id"] for c in client.get(f"/api/contradictions?story={story}").json()}
        r = client.post("/api/verdicts", json={"verdict": "dismiss", "contradiction": "c-nope"}, headers=OWN)
        assert r.status_code == 400 and "no contradiction" in r.json()["detail"]
