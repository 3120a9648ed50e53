"""The HTML pages: article list, article, story list, story. Server-rendered, no scripts.

Each page reads the store once through its read API and hands the records
to a template; what a template needs beyond the records (paragraph pieces,
anchors, the graph's geometry) comes from ``views`` and ``graph``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from presslens.errors import StoreError
from presslens.web.deps import StoreDep, found, moved_story
from presslens.web.graph import HOSTILITY_BANDS, graph_picture
from presslens.web.views import ListQuery, entity_groups, paragraphs

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE = 50
Text = Annotated[str | None, Query(max_length=500)]


def _render(request: Request, name: str, context: dict, status: int = 200) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/")
def article_list(
    request: Request,
    store: StoreDep,
    q: Text = None,
    outlet: Text = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=40)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=40)] = None,
    actor: Text = None,
    type: Annotated[str | None, Query(max_length=40)] = None,
    story: Annotated[str | None, Query(max_length=100)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Articles, newest first; filters as a plain GET form so every view is a shareable URL."""
    query = ListQuery(q, outlet, date_from, date_to, actor, type, story, offset)
    filters = query.filters()
    page, status = None, 200
    try:
        page = store.list_articles(filters, limit=PAGE, offset=offset)
    except StoreError as exc:  # an unknown or ambiguous story
        query.errors.append(str(exc))
        status = 400
    if query.errors:
        status = 400
    return _render(request, "articles.html.j2", {"query": query, "page": page, "page_size": PAGE}, status)


@router.get("/articles/{article_id}")
def article_page(request: Request, store: StoreDep, article_id: str, version: str | None = None) -> Response:
    stored = found(store.get_article, article_id, version_id=version)
    doc = stored.document
    context = {
        "a": stored,
        "d": doc,
        "paragraphs": paragraphs(doc),
        "entities": entity_groups(doc),
        "subheadings": set(doc.subheadings),
    }
    return _render(request, "article.html.j2", context)


@router.get("/stories")
def story_list(request: Request, store: StoreDep) -> Response:
    return _render(request, "stories.html.j2", {"stories": store.list_stories()})


@router.get("/stories/{story_id}")
def story_page(request: Request, store: StoreDep, story_id: str) -> Response:
    if moved := moved_story(store, story_id, lambda new: f"/stories/{new}"):
        return moved
    view = found(store.get_story, story_id)
    articles = {a.id: a for a in view.articles}
    context = {
        "v": view,
        "s": view.story,
        "articles": articles,
        "picture": graph_picture(view.graph),
        "bands": HOSTILITY_BANDS,
        "can_correct": request.app.state.ingest is not None,  # the server owns the store
    }
    return _render(request, "story.html.j2", context)
