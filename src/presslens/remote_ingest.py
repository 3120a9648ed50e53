"""``presslens ingest --server URL``: read articles here, send them to a running server to store.

While ``presslens serve --ingest`` runs, it owns the store (DuckDB lets no
other process open a file one writes), so articles reach the store through
the server. The inputs are read where the user is, as any command reads them
(files, directories, globs, the user's URLs; ``service.read_items``), and
each analysis group is sent as one job (``POST /api/articles``): the server
analyses a job as one group, so an article meets the same ``nlp.pipe``
neighbours as in a local ingest and gets the same records. Then the jobs are
followed until the server has stored them and refreshed the stories.

Only the standard library speaks HTTP here, so this works without the web
extra. A full queue on the server (503) is waited out; every other refusal
stops with the server's own message (a missing token, a server started
without --ingest).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from presslens.analysis import analysis_groups
from presslens.errors import PresslensError
from presslens.service import read_items
from presslens.service_store import IngestSummary
from presslens.settings import Settings, load_settings
from presslens.store.repository import IngestResult

__all__ = ["ServerError", "send_to_server"]

_POLL = 0.5  # seconds between looks at a job
_BUSY_WAIT = 5.0  # seconds to wait when the server's queue is full
_TIMEOUT = 60.0  # seconds one HTTP request may take


class ServerError(PresslensError):
    """The server could not be reached, or refused the articles; the message says why."""


class _Client:
    def __init__(self, url: str, token: str | None) -> None:
        self.url = url.rstrip("/")
        self.token = token

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, dict[str, Any]]:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8") if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT) as answer:
                return answer.status, json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as exc:
            return exc.code, _detail(exc)
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ServerError(f"{self.url}: cannot reach the server ({reason})") from None
        except ValueError as exc:  # not JSON: not a presslens server
            raise ServerError(f"{self.url}: the answer is not a presslens server's ({exc})") from None

    def refused(self, status: int, answer: dict[str, Any]) -> ServerError:
        detail = answer.get("detail", answer)
        if status == 401:
            return ServerError(
                f"{self.url}: the server asks for its token; pass --token (or set PRESSLENS_TOKEN)"
            )
        return ServerError(f"{self.url}: the server refused the articles ({status}): {detail}")


def _detail(exc: urllib.error.HTTPError) -> dict[str, Any]:
    try:
        answer = json.loads(exc.read() or b"{}")
    except ValueError:
        answer = {}
    return answer if isinstance(answer, dict) else {"detail": answer}


def _submit(client: _Client, articles: list[dict[str, Any]]) -> str:
    """Send one group's articles; returns the job's id (waiting while the server's queue is full)."""
    while True:
        status, answer = client.call("POST", "/api/articles", {"articles": articles})
        if status == 202:
            return str(answer["id"])
        if status != 503:
            raise client.refused(status, answer)
        time.sleep(_BUSY_WAIT)


def _follow(client: _Client, job_id: str) -> dict[str, Any]:
    """The job once the server is done with it."""
    while True:
        status, answer = client.call("GET", f"/api/ingest/{job_id}")
        if status != 200:
            raise client.refused(status, answer)
        if answer.get("status") in ("done", "failed"):
            return answer
        time.sleep(_POLL)


def send_to_server(
    sources: Iterable[str | os.PathLike],
    url: str,
    *,
    token: str | None = None,
    published: dt.date | None = None,
    fields: Mapping[str, str] | Iterable[str] | None = None,
    settings: Settings | None = None,
    today: dt.date | None = None,
    on_item: Callable[[IngestResult | PresslensError], None] | None = None,
) -> IngestSummary:
    """Read `sources` here and have the server at `url` store them; what it stored and what failed.

    A bad input or record is reported here (`on_item`) and the others are
    sent; an article the server fails on comes back as its error. Raises
    ServerError when the server cannot be reached or refuses the articles.
    """
    settings = settings or load_settings()
    client = _Client(url, token)
    summary = IngestSummary()
    items = read_items(sources, published=published, fields=fields, settings=settings, today=today)
    jobs: list[str] = []
    for group in analysis_groups(items, settings.batch_size):
        for item in group:
            if item.error is not None:
                summary.errors.append(item.error)
                if on_item:
                    on_item(item.error)
        articles = [i.article.model_dump(mode="json") for i in group if i.article is not None]
        if articles:
            jobs.append(_submit(client, articles))
    for job_id in jobs:
        job = _follow(client, job_id)
        for result in job.get("results", ()):
            stored = IngestResult(**result)
            summary.results.append(stored)
            if on_item:
                on_item(stored)
        for message in job.get("errors", ()):
            error = PresslensError(str(message))
            summary.errors.append(error)
            if on_item:
                on_item(error)
        if job.get("status") == "failed":
            error = ServerError(f"{client.url}: job {job_id} ({job.get('articles')} articles) failed: "
                                f"{job.get('problem')}")
            summary.errors.append(error)
            if on_item:
                on_item(error)
        summary.stories = job.get("stories") or summary.stories
    return summary
