"""The JSON API: the CLI's read commands over HTTP, with the same records (``/docs`` shows them).

    GET  /api/articles?q=&outlet=&from=&to=&actor=&type=&story=&limit=&offset=
    GET  /api/articles/{id}[?version=]       every record of one article
    GET  /api/stories                        `presslens stories`
    GET  /api/stories/{id}                   the story page's data
    GET  /api/stories/{id}/timeline          `presslens timeline STORY`
    GET  /api/stories/{id}/graph             the actor graph
    GET  /api/contradictions[?story=]        `presslens contradictions [STORY]`
    POST /api/query                          `presslens query SQL`, when enabled (``serve --query``)

Routes are plain ``def``: the store is blocking DuckDB, so FastAPI runs
them in its thread pool rather than stalling the event loop. The query
route is async only to watch for the client going away while its SQL runs
in a child process (``store.user_query``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import threading
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from presslens.errors import StoreError
from presslens.models import ActorGraph, StoryContradiction, TimelineEvent
from presslens.store import ArticleFilter, ArticlePage, QueryLimits, StoredArticle, StorySummary, StoryView
from presslens.web.deps import StoreDep, found, moved_story
from presslens.web.guard import require_same_origin
from presslens.web.views import PLOVER_BY_HOSTILITY

__all__ = ["QueryAnswer", "QueryRequest", "router"]

router = APIRouter(prefix="/api", tags=["api"])
MAX_QUERY_ROWS = 5000


class QueryRequest(BaseModel):
    sql: str = Field(description="One SELECT (or EXPLAIN) statement.", max_length=20_000)
    max_rows: int = Field(1000, ge=1, le=MAX_QUERY_ROWS)


class QueryAnswer(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    cut: str | None = Field(None, description='"rows" (max_rows reached) or "bytes" (the size limit).')


@router.get("/articles", response_model=ArticlePage, summary="List and search articles")
def articles(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Words in the title or text.", max_length=500)] = None,
    outlet: str | None = None,
    published_from: Annotated[dt.date | None, Query(alias="from")] = None,
    published_to: Annotated[dt.date | None, Query(alias="to")] = None,
    actor: Annotated[str | None, Query(description="An actor; any spelling of the same identity.")] = None,
    type: Annotated[str | None, Query(description=f"PLOVER type: {', '.join(PLOVER_BY_HOSTILITY)}")] = None,
    story: Annotated[str | None, Query(description="A story id or a unique prefix of it.")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ArticlePage:
    if type and type.upper() not in PLOVER_BY_HOSTILITY:
        raise HTTPException(400, f"type: {type!r} is not a PLOVER type ({', '.join(PLOVER_BY_HOSTILITY)})")
    filters = ArticleFilter(
        search=q, outlet=outlet, published_from=published_from, published_to=published_to,
        actor=actor, event_type=type, story=story,
    )
    try:
        return store.list_articles(filters, limit=limit, offset=offset)
    except StoreError as exc:  # an unknown or ambiguous story
        raise HTTPException(400, str(exc)) from exc


@router.get("/articles/{article_id}", response_model=StoredArticle, summary="One article, every record")
def article(store: StoreDep, article_id: str, version: str | None = None) -> StoredArticle:
    return found(store.get_article, article_id, version_id=version)


@router.get("/stories", response_model=list[StorySummary], summary="Stories, most recent first")
def stories(store: StoreDep) -> list[StorySummary]:
    return store.list_stories()


@router.get("/stories/{story_id}", response_model=StoryView, summary="A story: articles, timeline, graph")
def story(store: StoreDep, story_id: str) -> StoryView | Response:
    if moved := moved_story(store, story_id, lambda new: f"/api/stories/{new}"):
        return moved
    return found(store.get_story, story_id)


@router.get(
    "/stories/{story_id}/timeline", response_model=list[TimelineEvent], summary="De-duplicated events"
)
def timeline(store: StoreDep, story_id: str, all: bool = False) -> list[TimelineEvent] | Response:
    """`all=true` adds the hidden events: an analyst's, and low-confidence ones told by one article."""
    query = "?all=true" if all else ""
    if moved := moved_story(store, story_id, lambda new: f"/api/stories/{new}/timeline{query}"):
        return moved
    return found(store.story_timeline, story_id, hidden=all)


@router.get("/stories/{story_id}/graph", response_model=ActorGraph, summary="Who acts on whom")
def graph(store: StoreDep, story_id: str) -> ActorGraph | Response:
    if moved := moved_story(store, story_id, lambda new: f"/api/stories/{new}/graph"):
        return moved
    return found(store.story_graph, story_id)


@router.get(
    "/contradictions", response_model=list[StoryContradiction], summary="Where sources disagree"
)
def contradictions(store: StoreDep, story: str | None = None) -> list[StoryContradiction]:
    return found(store.contradictions, story)


async def _watch(request: Request, gone: threading.Event) -> None:
    """Set `gone` when the client disconnects (polled: Starlette has no disconnect callback)."""
    while not gone.is_set():
        if await request.is_disconnected():
            gone.set()
            return
        await asyncio.sleep(0.2)


def _slots(request: Request) -> anyio.CapacityLimiter:
    """One query at a time per server: the query takes a core, the other keeps serving pages."""
    state = request.app.state
    if getattr(state, "query_slots", None) is None:
        state.query_slots = anyio.CapacityLimiter(1)
    return state.query_slots


@router.post(
    "/query", response_model=QueryAnswer, summary="Run one read-only SELECT (JSON body)",
    dependencies=[Depends(require_same_origin)],
)
async def query(request: Request, store: StoreDep, body: QueryRequest) -> QueryAnswer:
    """Off unless the server was started with it (``presslens serve --query``). The SQL runs
    in a process of its own, read-only with DuckDB's external access off (files, URLs,
    ATTACH, COPY, INSTALL and SET are refused), and stops at the server's time, size and
    memory limits, or when the client goes away. Same-origin POST with a JSON body only."""
    settings = request.app.state.settings
    if not request.app.state.query_enabled:
        raise HTTPException(
            404, "the query endpoint is off; start the server with `presslens serve --query` to use it"
        )
    limits = QueryLimits.from_settings(settings, max_rows=body.max_rows)
    gone = threading.Event()
    watcher = asyncio.create_task(_watch(request, gone))
    try:
        run = functools.partial(store.query, body.sql, limits=limits, cancelled=gone.is_set)
        result = await anyio.to_thread.run_sync(run, limiter=_slots(request))
    except StoreError as exc:  # refused, a DuckDB error, a limit reached, the client gone
        raise HTTPException(400, str(exc)) from exc
    finally:
        gone.set()
        watcher.cancel()
    return QueryAnswer(
        columns=list(result.columns), rows=[list(row) for row in result.rows],
        truncated=result.truncated, cut=result.cut,
    )
