"""The SQL endpoint: off by default, same-origin POST only, and no query can freeze or sink the server.

The long and the huge queries go through a real uvicorn server, because what
is tested is what a real server does while they run: answer pages, stop the
query at its limit or when the client leaves, and stay small.
"""

from __future__ import annotations

import os
import resource
import threading
import time
from pathlib import Path

import httpx
import pytest

from presslens.settings import load_settings

pytestmark = [pytest.mark.model, pytest.mark.filterwarnings("ignore:Using `httpx` with")]

CROSS_JOIN = "SELECT count(*) FROM range(100000000) a, range(100000000) b"
HUGE = "SELECT repeat('x', 10000000) FROM range(5000)"


def _settings(**changes):
    return load_settings().replace(**changes)


def _query_children() -> set[int]:
    """Pids of this process's user-query children (``store/_query_child.py``)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if b"_query_child.py" in cmdline and parent == os.getpid():
            found.add(int(entry.name))
    return found


def _wait_for(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def query_client(web_store):
    from fastapi.testclient import TestClient

    from presslens.web import create_app

    app = create_app(_settings(query_max_bytes=5000), web_store.path, query=True)
    with TestClient(app, base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="module")
def query_server(web_store):
    from presslens.web import create_app

    from .conftest import serving

    settings = _settings(query_timeout=6.0)
    with serving(create_app(settings, web_store.path, query=True)) as url:
        yield url


def test_query_reads_and_says_where_it_was_cut(query_client, web_store) -> None:
    sql = "SELECT count(*) AS n FROM article_versions WHERE is_current"
    r = query_client.post("/api/query", json={"sql": sql})
    assert r.status_code == 200, r.text
    expected = {"columns": ["n"], "rows": [[len(web_store.article_ids)]], "truncated": False, "cut": None}
    assert r.json() == expected
    r = query_client.post("/api/query", json={"sql": "SELECT article_id, published FROM article_versions",
                                              "max_rows": 2})
    body = r.json()
    assert len(body["rows"]) == 2 and body["cut"] == "rows"
    assert isinstance(body["rows"][0][1], str)  # dates as ISO text
    r = query_client.post("/api/query", json={"sql": "SELECT repeat('x', 1000) AS s FROM range(100)"})
    body = r.json()
    assert body["cut"] == "bytes" and 0 < len(body["rows"]) < 10  # 5,000 bytes allowed


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM '/etc/passwd'",
        "COPY article_versions TO '/tmp/presslens-leak.csv'",
        "ATTACH '/tmp/other.duckdb' AS other",
        "INSTALL httpfs",
        "SET enable_external_access = true",
        "DELETE FROM article_versions",
        "DROP TABLE article_versions",
        "SELECT 1; SELECT 2",
        "SELECT * FROM no_such_table",
    ],
)
def test_query_refuses_anything_but_reading_the_store(query_client, sql) -> None:
    r = query_client.post("/api/query", json={"sql": sql})
    assert r.status_code == 400, r.text
    assert "root:" not in r.text
    assert r.json()["detail"]


def test_query_did_not_change_the_store(query_client, web_store) -> None:
    query_client.post("/api/query", json={"sql": "DELETE FROM article_versions"})
    assert query_client.get("/api/articles").json()["total"] == len(web_store.article_ids)


def test_query_endpoint_is_off_unless_asked_for(client) -> None:
    r = client.post("/api/query", json={"sql": "SELECT 1"})
    assert r.status_code == 404
    assert "serve --query" in r.json()["detail"]


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Origin": "http://evil.example"}, 403),
        ({"Origin": "http://localhost:9999"}, 403),
        ({"Sec-Fetch-Site": "cross-site"}, 403),
        ({"Sec-Fetch-Site": "same-site"}, 403),
        ({"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}, 200),
    ],
)
def test_query_refuses_other_sites(query_client, headers, status) -> None:
    r = query_client.post("/api/query", json={"sql": "SELECT 1 AS one"}, headers=headers)
    assert r.status_code == status, r.text


def test_query_takes_no_get_and_no_form(query_client) -> None:
    assert query_client.get("/api/query", params={"sql": "SELECT 1"}).status_code == 405
    form = query_client.post(
        "/api/query", content=b'{"sql": "SELECT 1"}', headers={"Content-Type": "text/plain"}
    )
    assert form.status_code in {415, 422}


def test_errors_echo_only_an_excerpt_of_the_input(query_client) -> None:
    r = query_client.post("/api/query", json={"sql": "SELECT '" + "y" * 30_000 + "'"})
    assert r.status_code == 422
    assert len(r.content) < 2_000 and "characters" in r.text


def test_pages_answer_while_a_long_query_runs_and_it_stops_at_its_limit(query_server) -> None:
    answer: dict[str, httpx.Response] = {}
    def send() -> None:
        answer["r"] = httpx.post(f"{query_server}/api/query", json={"sql": CROSS_JOIN}, timeout=60)

    query = threading.Thread(target=send)
    query.start()
    assert _wait_for(_query_children), "the query did not start"
    page = httpx.get(f"{query_server}/", timeout=30)
    stories = httpx.get(f"{query_server}/api/stories", timeout=30)
    still_running = bool(_query_children()) and "r" not in answer
    query.join(timeout=60)
    assert page.status_code == 200 and stories.status_code == 200
    assert still_running, "the pages were answered only after the query ended"
    assert answer["r"].status_code == 400
    assert "time limit" in answer["r"].json()["detail"]
    assert _wait_for(lambda: not _query_children(), 5)


def test_a_query_stops_when_its_client_goes_away(query_server) -> None:
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(f"{query_server}/api/query", json={"sql": CROSS_JOIN}, timeout=1.0)
    # gone well before the 6 s time limit would have stopped it
    assert _wait_for(lambda: not _query_children(), 3.0)


def test_a_huge_result_is_refused_and_the_server_stays_small(query_server) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB; the server runs in this process
    r = httpx.post(f"{query_server}/api/query", json={"sql": HUGE}, timeout=60)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert r.status_code == 400 and "memory" in r.json()["detail"]
    assert grown < 1024 * 1024  # under 1 GB; in-process this query took 24 GB
    assert httpx.get(f"{query_server}/", timeout=30).status_code == 200


def test_a_token_guards_a_server_beyond_localhost(web_store) -> None:
    from fastapi.testclient import TestClient

    from presslens.web import create_app

    app = create_app(store_path=web_store.path, allowed_hosts=["news.example"], token="s3cret")
    with TestClient(app, base_url="http://news.example") as c:
        assert c.get("/").status_code == 401
        assert c.get("/api/stories").status_code == 401
        assert c.get("/api/stories", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/stories", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        first = c.get("/?token=s3cret", follow_redirects=False)
        assert first.status_code == 303 and "token" not in first.headers["location"]
        assert c.get("/").status_code == 200  # the cookie set by the redirect
    with TestClient(app, base_url="http://evil.example") as c:
        assert c.get("/?token=s3cret").status_code == 400  # a name it was not started for
