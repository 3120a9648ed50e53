"""Fetching articles from http(s) URLs.

One GET with httpx, bounded every way a server can misbehave:

- ``settings.fetch_timeout`` seconds for each connect/read, and also for the
  whole download (a server that trickles bytes forever is cut off);
- at most 5 redirects;
- the body is streamed and abandoned past ``settings.fetch_max_bytes``, checked
  against ``Content-Length`` first and then while reading;
- only HTML, plain text and JSON content types are accepted, before the body is
  read; anything else (PDF, images) is refused naming the type.

Every failure is a ``FetchError`` whose message says what went wrong (status
code, timeout, type, size) in one line.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from email.message import Message

import httpx

from presslens.errors import FetchError
from presslens.settings import Settings

__all__ = ["ACCEPTED_TYPES", "FetchedPage", "fetch_url", "is_url"]

logger = logging.getLogger(__name__)

_MAX_REDIRECTS = 5
# Content type -> the format presslens reads it as.
ACCEPTED_TYPES: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "text",
    "application/json": "json",
    "text/json": "json",
    "application/ld+json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/jsonlines": "jsonl",
}


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A downloaded body with what the server said about it."""

    url: str
    final_url: str
    format: str  # "html", "text", "json", "jsonl", or "" when the server sent no type
    content_type: str
    charset: str | None
    body: bytes


def is_url(source: str) -> bool:
    """Whether `source` is an http(s) URL rather than a path."""
    return source.lower().startswith(("http://", "https://"))


def _content_type(header: str) -> tuple[str, str | None]:
    message = Message()
    message["content-type"] = header
    return message.get_content_type() if header else "", message.get_param("charset")  # type: ignore[return-value]


def fetch_url(url: str, *, settings: Settings) -> FetchedPage:
    """Download `url` within the settings' limits; FetchError on any failure."""
    timeout = settings.fetch_timeout
    limit = settings.fetch_max_bytes
    headers = {
        "User-Agent": settings.fetch_user_agent,
        "Accept": "text/html, text/plain, application/json;q=0.9",
    }
    started = time.monotonic()
    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=_MAX_REDIRECTS, timeout=timeout, headers=headers
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(
                    url, f"HTTP {response.status_code} {response.reason_phrase}; expected 200 OK"
                )
            media_type, charset = _content_type(response.headers.get("content-type", ""))
            if media_type and media_type not in ACCEPTED_TYPES:
                raise FetchError(
                    url, f"content type {media_type} is not supported; expected HTML, plain text or JSON"
                )
            declared = response.headers.get("content-length", "")
            if declared.isdecimal() and int(declared) > limit:
                raise FetchError(url, f"body of {declared} bytes exceeds fetch_max_bytes = {limit}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(url, f"body exceeds fetch_max_bytes = {limit} bytes; download stopped")
                if time.monotonic() - started > timeout:
                    raise FetchError(url, f"download took longer than fetch_timeout = {timeout} s")
                chunks.append(chunk)
            final_url = str(response.url)
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {timeout} s (fetch_timeout)") from None
    except httpx.TooManyRedirects:
        raise FetchError(url, f"more than {_MAX_REDIRECTS} redirects") from None
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"not a valid URL ({exc}); expected http(s)://host/path") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"request failed: {type(exc).__name__}: {exc}") from None
    logger.info("fetched %s (%d bytes, %s)", final_url, size, media_type or "no content type")
    return FetchedPage(
        url=url,
        final_url=final_url,
        format=ACCEPTED_TYPES.get(media_type, ""),
        content_type=media_type,
        charset=charset,
        body=b"".join(chunks),
    )
