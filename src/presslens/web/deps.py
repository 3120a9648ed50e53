"""What the routers share with the app: the request's store and the store's misses as 404s.

Kept apart from ``app`` (which includes the routers) so the routers import
this module and never the app that imports them: the web package's import
graph stays acyclic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from presslens.errors import StoreError
from presslens.store import Store

__all__ = ["StoreDep", "bounded_body", "found", "moved_story", "not_found", "store_of", "validation_problems"]

P = ParamSpec("P")
T = TypeVar("T")


def store_of(request: Request) -> Store:
    """The request's app's store (a FastAPI dependency)."""
    return request.app.state.store.get()


#: A route's `store` parameter: the app's one read-only Store.
StoreDep = Annotated[Store, Depends(store_of)]


def not_found(exc: StoreError) -> StarletteHTTPException:
    """A lookup that found nothing: the store's message ("no article 'x'") becomes the 404's."""
    return StarletteHTTPException(404, str(exc))


def found(lookup: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``lookup(*args, **kwargs)``, a miss (an unknown or ambiguous id) raised as a 404 (``not_found``)."""
    try:
        return lookup(*args, **kwargs)
    except StoreError as exc:
        raise not_found(exc) from exc


def moved_story(store: Store, story_id: str, url: Callable[[str], str]) -> RedirectResponse | None:
    """A permanent redirect to ``url(new id)`` when `story_id` names a story merged into another.

    A bookmarked story page or an API link outlives the merge of its story; an
    unknown id is left to the route's own 404.
    """
    try:
        resolved = store.resolve_story(story_id)
    except StoreError:
        return None
    return None if resolved.startswith(story_id) else RedirectResponse(url(resolved), status_code=301)


async def bounded_body(request: Request, limit: int, too_big: str) -> bytes:
    """The request's body, refused (413, `too_big`) past `limit` bytes before more is read.

    Whatever a client declares or sends, no more than `limit` bytes are held.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdecimal() and int(declared) > limit:
        raise StarletteHTTPException(413, too_big)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise StarletteHTTPException(413, too_big)
        chunks.append(chunk)
    return b"".join(chunks)


def validation_problems(exc: ValidationError, limit: int) -> str:
    """The first `limit` problems of a posted body, "field: message; ..." (the body itself as "body")."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()[:limit])
