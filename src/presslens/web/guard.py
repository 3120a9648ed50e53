"""Who may ask the server what: a token beyond localhost, and no cross-site calls to the query endpoint.

Two walls, each for a different attacker:

- **A token** (``TokenGate``) when the server is bound beyond localhost:
  anyone on the network could otherwise read the store. Browsers get it
  once through the address ``presslens serve`` prints (``/?token=…``), which
  sets an HttpOnly, SameSite=Strict cookie and redirects to the same page
  without the token in the address bar; scripts send
  ``Authorization: Bearer TOKEN``. Compared in constant time.
- **Same-origin only** (``require_same_origin``) for the query endpoint,
  which runs SQL: a page the user visits could otherwise make their browser
  send it (an ``<img>``, a form). The endpoint takes only POST with a JSON
  body (a cross-site form cannot send ``application/json`` without a CORS
  preflight, which this server never grants), and refuses a request whose
  ``Origin`` is another site or whose ``Sec-Fetch-Site`` says cross-site.
  The Host allow-list (``TrustedHostMiddleware`` in ``app``) closes DNS
  rebinding, where the attacker's name points at 127.0.0.1 and Origin and
  Host agree.
"""

from __future__ import annotations

import secrets

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["TOKEN_COOKIE", "TokenGate", "require_own_form", "require_same_origin"]

TOKEN_COOKIE = "presslens_token"
_SAME_SITE = {"same-origin", "none"}  # "none": typed in the address bar or sent by a script


def _matches(given: str | None, token: str) -> bool:
    return given is not None and secrets.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


class TokenGate:
    """ASGI middleware that answers only requests carrying `token`.

    Plain ASGI, not Starlette's ``BaseHTTPMiddleware``: that one hides the
    client's disconnect from the routes, and the query route needs to see it.
    """

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if _matches(request.query_params.get("token"), self.token):
            url = request.url.remove_query_params("token")
            target = url.path + (f"?{url.query}" if url.query else "")
            answer: Response = RedirectResponse(target, status_code=303)
            answer.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            await answer(scope, receive, send)
            return
        scheme, _, credential = request.headers.get("authorization", "").partition(" ")
        if _matches(request.cookies.get(TOKEN_COOKIE), self.token) or (
            scheme.lower() == "bearer" and _matches(credential.strip(), self.token)
        ):
            await self.app(scope, receive, send)
            return
        message = (
            "this server asks for its token: open the address `presslens serve` printed "
            "(…/?token=…), or send the header Authorization: Bearer TOKEN"
        )
        if request.url.path.startswith("/api/"):
            answer = JSONResponse({"detail": message}, status_code=401)
        else:
            answer = PlainTextResponse(message, status_code=401)
        await answer(scope, receive, send)


def _same_site_only(request: Request) -> None:
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in _SAME_SITE:
        raise HTTPException(403, f"cross-site requests are refused here (Sec-Fetch-Site: {fetch_site[:40]})")
    origin = request.headers.get("origin")
    if origin is not None:
        own = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin != own:
            raise HTTPException(403, f"requests from another origin are refused here ({origin[:80]})")


def require_same_origin(request: Request) -> None:
    """Refuse (403) a request another site's page made the user's browser send, and (415) any but JSON."""
    _same_site_only(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise HTTPException(415, "send the query as a JSON body (Content-Type: application/json)")


def require_own_form(request: Request) -> None:
    """A form posted by one of this server's own pages (the story page's corrections), nothing else.

    A form can be sent cross-site without a preflight, so the JSON rule does
    not hold here: a browser sends ``Origin`` (and ``Sec-Fetch-Site``) with
    every form POST, and a post carrying neither is refused (403) — scripts
    and tools use the JSON endpoint. Our pages' ``no-referrer`` policy makes
    the browser send ``Origin: null``; then ``Sec-Fetch-Site: same-origin``,
    which no page can forge, is what shows the form was ours.
    """
    origin, fetch_site = request.headers.get("origin"), request.headers.get("sec-fetch-site")
    if not (origin == "null" and fetch_site == "same-origin"):
        # ("null" is what a browser sends for our pages, served with Referrer-Policy: no-referrer;
        # Sec-Fetch-Site is set by the browser alone and says the page was ours)
        _same_site_only(request)
    if origin is None and fetch_site is None:
        raise HTTPException(403, "forms are taken from this server's own pages only (tools: JSON to /api)")
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(415, "send the form as application/x-www-form-urlencoded")
