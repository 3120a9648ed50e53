"""URL fetching against a local HTTP server (pytest-httpserver); never the internet."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from werkzeug import Request, Response

from presslens.errors import FetchError
from presslens.ingest import read_source

TODAY = dt.date(2025, 9, 1)
TEXT = "The foreign ministry summoned the ambassador and handed him a note of protest over the arrests."
PAGE = f"<html><head><title>Envoy summoned</title></head><body><article><p>{TEXT}</p></article></body></html>"


def test_fetch_html_follows_redirect(httpserver, settings) -> None:
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/news/1"})
    httpserver.expect_request("/news/1").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    [article] = read_source(httpserver.url_for("/old"), settings=settings, today=TODAY)
    assert article.text == TEXT
    assert article.title == "Envoy summoned"
    assert article.source == httpserver.url_for("/old")
    assert article.url == httpserver.url_for("/news/1")


def test_fetch_text_with_header_charset(httpserver, settings) -> None:
    body = f"Café talks\n{TEXT}".encode("latin-1")
    httpserver.expect_request("/a.txt").respond_with_data(body, content_type="text/plain; charset=iso-8859-1")
    [article] = read_source(httpserver.url_for("/a.txt"), settings=settings, today=TODAY)
    assert article.title == "Café talks"


def test_fetch_jsonl_records(httpserver, settings) -> None:
    body = json.dumps({"text": TEXT, "id": "x"}) + "\nbroken\n"
    httpserver.expect_request("/feed").respond_with_data(body, content_type="application/x-ndjson")
    article, error = read_source(httpserver.url_for("/feed"), settings=settings, today=TODAY)
    assert article.id == "x"
    assert error.source == httpserver.url_for("/feed") + ":2"


def _slow(request: Request) -> Response:
    time.sleep(1.0)
    return Response(PAGE, content_type="text/html")


def _endless(request: Request) -> Response:
    return Response((b"x" * 1024 for _ in range(100)), content_type="text/html")  # chunked, no length


@pytest.mark.parametrize(
    ("path", "setup", "says"),
    [
        ("/missing", lambda r: r.respond_with_data("nope", status=404), "HTTP 404"),
        (
            "/doc.pdf",
            lambda r: r.respond_with_data(b"%PDF", content_type="application/pdf"),
            "application/pdf",
        ),
        ("/big", lambda r: r.respond_with_data("x" * 5000, content_type="text/html"), "fetch_max_bytes"),
        ("/stream", lambda r: r.respond_with_handler(_endless), "fetch_max_bytes"),
        ("/loop", lambda r: r.respond_with_data("", status=302, headers={"Location": "/loop"}), "redirects"),
        # last: the single-threaded test server stays busy with the slow response for a moment
        ("/slow", lambda r: r.respond_with_handler(_slow), "timed out"),
    ],
    ids=["404", "wrong-type", "oversize", "oversize-streamed", "redirect-loop", "timeout"],
)
def test_fetch_failures(httpserver, settings, path, setup, says) -> None:
    setup(httpserver.expect_request(path))
    limited = settings.replace(fetch_timeout=0.5, fetch_max_bytes=4000)
    url = httpserver.url_for(path)
    with pytest.raises(FetchError) as excinfo:
        read_source(url, settings=limited, today=TODAY)
    assert url in str(excinfo.value) and says in str(excinfo.value)


def test_connection_refused(settings) -> None:
    with pytest.raises(FetchError, match="request failed"):
        read_source("http://127.0.0.1:9/none", settings=settings.replace(fetch_timeout=1.0))
