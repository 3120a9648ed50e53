"""The JSON API: the CLI's read commands over HTTP, with the same records (``/docs`` shows them).

    GET  /api/articles?q=&outlet=&from=&to=&actor=&type=&story=&limit=&offset=
    GET  /api/articles/{id}[?version=]       every record of one article
    GET  /api/stories                        `presslens stories`
    GET  /api/stories/{id}                   the story page's data
    GET  /api/stories/{id}/timeline          `presslens timeline STORY`
    GET  /api/stories/{id}/graph             the actor graph
    GET  /api/contradictions[?story=]        `presslens contradictions [STORY]`
    GET|POST /api/query                      `presslens query SQL` (read-only, external access off)

Routes are plain ``def``: the store is blocking DuckDB, so FastAPI runs
them in its thread pool rather than stalling the event loop.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from presslens.errors import StoreError
from presslens.models import ActorGraph, StoryContradiction, TimelineEvent
from presslens.store import ArticleFilter, ArticlePage, Store, StoredArticle, StorySummary, StoryView
from presslens.web.deps import StoreDep, found
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
def story(store: StoreDep, story_id: str) -> StoryView:
    return found(store.get_story, story_id)


@router.get(
    "/stories/{story_id}/timeline", response_model=list[TimelineEvent], summary="De-duplicated events"
)
def timeline(store: StoreDep, story_id: str, all: bool = False) -> list[TimelineEvent]:
    """`all=true` adds the hidden events: an analyst's, and low-confidence ones told by one article."""
    return found(store.story_timeline, story_id, hidden=all)


@router.get("/stories/{story_id}/graph", response_model=ActorGraph, summary="Who acts on whom")
def graph(store: StoreDep, story_id: str) -> ActorGraph:
    return found(store.story_graph, story_id)


@router.get(
    "/contradictions", response_model=list[StoryContradiction], summary="Where sources disagree"
)
def contradictions(store: StoreDep, story: str | None = None) -> list[StoryContradiction]:
    return found(store.contradictions, story)


def _plain(value: Any) -> Any:
    """A DuckDB value as JSON: dates ISO, decimals as numbers, blobs base64, the rest as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, uuid.UUID | dt.timedelta):
        return str(value)
    return str(value)


def _run(store: Store, sql: str, max_rows: int) -> QueryAnswer:
    try:
        result = store.query(sql, max_rows=max_rows)
    except StoreError as exc:  # a refused statement, a syntax error, external access denied
        raise HTTPException(400, str(exc)) from exc
    return QueryAnswer(
        columns=list(result.columns),
        rows=[[_plain(v) for v in row] for row in result.rows],
        truncated=result.truncated,
    )


@router.get("/query", response_model=QueryAnswer, summary="Run one read-only SELECT")
def query_get(
    store: StoreDep,
    sql: Annotated[str, Query(max_length=20_000)],
    max_rows: Annotated[int, Query(ge=1, le=MAX_QUERY_ROWS)] = 1000,
) -> QueryAnswer:
    """The store is open read-only with DuckDB's external access off: files, URLs, ATTACH,
    COPY, INSTALL and SET are refused, and only SELECT/EXPLAIN statements run."""
    return _run(store, sql, max_rows)


@router.post("/query", response_model=QueryAnswer, summary="Run one read-only SELECT (JSON body)")
def query_post(store: StoreDep, body: QueryRequest) -> QueryAnswer:
    return _run(store, body.sql, body.max_rows)
