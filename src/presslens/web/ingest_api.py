"""Articles sent to a running server: ``POST /api/articles`` and the jobs it starts.

    POST /api/articles          {"records": [...]} or {"articles": [...]}  → 202, a job
    GET  /api/ingest/{job}      the job: queued, analysing, storing, stored, done or failed
    GET  /api/ingest            the recent jobs and how many articles wait

Only when the server owns the store (``presslens serve --ingest``); else
404 with what to do. Two forms of body, one JSON object:

- ``records``: objects read exactly like the lines of a JSON Lines file
  (``text`` or ``html``, and ``title``, ``url``, ``outlet``, ``author``,
  ``published``, ``id``): for scripts and ``curl``;
- ``articles``: articles already read and extracted, in the record of
  ``presslens.models.Article``: what ``presslens ingest --server`` sends, so
  the files and URLs are read where the user is and stored as a local
  ingest would store them.

Guarded like the query endpoint (it writes): same-origin JSON only
(``guard.require_same_origin``), the token beyond localhost, and a body of
at most `MAX_BODY_BYTES` with at most `MAX_ITEMS` items; a bad record is
that record's error in the job, never the request's.
"""

from __future__ import annotations

from typing import Any

import anyio.to_thread
from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field, ValidationError

from presslens.ingest.build import finish_drafts
from presslens.ingest.records import checked_draft
from presslens.ingest.stream import InputItem
from presslens.models import Article
from presslens.web.deps import bounded_body, validation_problems
from presslens.web.guard import require_same_origin
from presslens.web.ingest_worker import IngestJob, IngestWorker, QueueFull

__all__ = ["MAX_BODY_BYTES", "MAX_ITEMS", "PostedArticles", "router"]

router = APIRouter(prefix="/api", tags=["ingest"])
MAX_BODY_BYTES = 64 * 2**20
MAX_ITEMS = 1000
_TOO_BIG = f"the body is over {MAX_BODY_BYTES // 2**20} MB; send the articles in parts"


class PostedArticles(BaseModel):
    records: list[Any] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="JSON Lines records (text or html, title…)."
    )
    articles: list[Article] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Articles (`presslens ingest --server`)."
    )


class JobView(BaseModel):
    id: str
    status: str = Field(description="queued, analysing, storing, stored, done or failed")
    articles: int
    stored: int
    failed: int
    results: list[dict[str, Any]]
    errors: list[str]
    problem: str | None
    stories: int | None
    seconds: float


def _worker(request: Request) -> IngestWorker:
    worker = request.app.state.ingest
    if worker is None:
        raise HTTPException(
            404, "this server does not take articles; start it with `presslens serve --ingest` to send them"
        )
    return worker


async def _body(request: Request) -> bytes:
    """The request's body, refused (413) past MAX_BODY_BYTES before it is all read."""
    return await bounded_body(request, MAX_BODY_BYTES, _TOO_BIG)


def _items(posted: PostedArticles, job_input: str, settings: Any) -> list[InputItem]:
    """The posted records read like a JSON Lines file's, then the posted articles, keyed in order."""
    drafts = (checked_draft(r, where=f"{job_input} record {n + 1}") for n, r in enumerate(posted.records))
    read = list(finish_drafts(drafts, published=None, settings=settings, today=None))
    items = [
        InputItem(job_input, n, None, x) if not isinstance(x, Article) else InputItem(job_input, n, x, None)
        for n, x in enumerate(read)
    ]
    start = len(items)
    items.extend(InputItem(job_input, start + n, a, None) for n, a in enumerate(posted.articles))
    return items


def _view(job: IngestJob) -> JobView:
    return JobView(**job.view())


@router.post(
    "/articles", status_code=202, response_model=JobView, summary="Send articles to analyse and store",
    dependencies=[Depends(require_same_origin)],
)
async def post_articles(request: Request) -> JobView:
    """Analysed and stored in the background (``presslens serve --ingest``); the answer is the
    job, whose address ``/api/ingest/{id}`` tells when it is done. 503 when too many articles
    already wait (try again later)."""
    worker = _worker(request)
    raw = await _body(request)
    try:
        posted = PostedArticles.model_validate_json(raw)
    except ValidationError as exc:
        raise HTTPException(422, f"not a list of articles: {validation_problems(exc, 10)}"[:2000]) from None
    if not posted.records and not posted.articles:
        raise HTTPException(422, 'send {"records": [...]} or {"articles": [...]} with at least one item')
    settings = request.app.state.settings

    def submit() -> IngestJob:
        return worker.submit(_items(posted, "POST /api/articles", settings))

    try:
        job = await anyio.to_thread.run_sync(submit)
    except QueueFull as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "10"}) from None
    return _view(job)


@router.get("/ingest/{job_id}", response_model=JobView, summary="What became of posted articles")
def ingest_job(request: Request, job_id: str) -> JobView:
    job = _worker(request).job(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job {job_id[:40]!r} (jobs are kept while the server runs)")
    return _view(job)


@router.get("/ingest", summary="Recent ingest jobs and the articles waiting")
def ingest_jobs(request: Request) -> dict[str, Any]:
    worker = _worker(request)
    return {"pending": worker.pending, "jobs": [_view(j) for j in worker.jobs()[-50:]]}
