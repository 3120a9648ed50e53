"""RSS and Atom feeds (feedparser): one Draft per entry that carries article text.

An entry's body is its full content (``content:encoded`` / Atom ``content``)
when present, else its ``summary``/``description``; HTML in either is reduced
to paragraphs with lxml rather than trafilatura, because entry content is a
fragment of article markup with no page furniture for a boilerplate remover to
find (and trafilatura discards short fragments). Title, link, author and the
entry date (``published``, else ``updated``) come from the entry; the feed's
own title is the outlet.

Errors follow the ingest convention: a file that is not a feed at all (no
entries and a parse error) raises; an entry without text is *yielded* as an
``EmptyInputError`` naming ``feed.xml[INDEX]`` and the other entries still come
out. feedparser is lenient with malformed XML (it sets ``bozo`` and goes on),
which is what a batch over scraped feeds needs.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html

from presslens.errors import DecodeError, EmptyInputError, IngestError
from presslens.ingest.build import Draft
from presslens.ingest.text_dump import draft_from_page_text

__all__ = ["fragment_text", "iter_feed_drafts", "looks_like_feed"]

logger = logging.getLogger(__name__)

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section")
_FEED_OPENINGS = (b"<rss", b"<feed", b"<rdf:rdf")


# A character reference to half a UTF-16 pair (&#xd800;, &#55296;) is not XML, and feedparser's
# chr(...).encode("utf-8") raises on it, which ended the whole feed: it stands for U+FFFD here.
_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _without_surrogate_references(data: bytes) -> bytes:
    def replace(match: re.Match[bytes]) -> bytes:
        hexa, decimal = match.groups()
        code = int(hexa, 16) if hexa else int(decimal)
        return b"&#xfffd;" if 0xD800 <= code <= 0xDFFF else match.group()

    return _REFERENCE.sub(replace, data) if b"&#" in data else data


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of an XML file open an RSS, Atom or RDF feed."""
    lowered = head[:2048].lower()
    return any(opening in lowered for opening in _FEED_OPENINGS)


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises ParserError/ValueError on markup it cannot repair
        logger.debug("unparseable entry HTML; using it as text")
        return html.strip()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = (" ".join(p.split()) for p in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC).date()


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    bodies = [c.get("value", "") for c in contents if c.get("value", "").strip()]
    raw = max(bodies, key=len) if bodies else (entry.get("summary") or "")
    return fragment_text(raw)


def _draft_from_entry(entry: Any, *, source: str, outlet: str | None) -> Draft:
    text = _entry_body(entry)
    if not text.strip():
        raise EmptyInputError(source, "feed entry has no content or summary text; nothing to analyse")
    title = (entry.get("title") or "").strip() or None
    base = draft_from_page_text(text, source=source, known_title=title or "")
    published = _entry_date(entry)
    return dataclasses.replace(
        base,
        id=None,
        title=title or base.title,
        url=entry.get("link") or None,
        outlet=outlet,
        author=entry.get("author") or base.author,
        metadata_date=published or base.metadata_date,
        metadata_date_origin="feed entry date" if published else base.metadata_date_origin,
    )


def iter_feed_drafts(data: bytes, *, source: str) -> Iterator[Draft | IngestError]:
    """Drafts (or per-entry errors) from the bytes of an RSS/Atom feed, in feed order.

    Raises DecodeError when the bytes are not a feed feedparser can read at all.
    """
    parsed = feedparser.parse(_without_surrogate_references(data))
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            raise DecodeError(
                source, f"not a readable RSS/Atom feed ({reason}); expected RSS 2.0, RSS 1.0 or Atom"
            )
        raise EmptyInputError(source, "the feed has no entries")
    outlet = (parsed.feed.get("title") or "").strip() or None
    for index, entry in enumerate(parsed.entries):
        where = f"{source}[{index}]"
        try:
            yield _draft_from_entry(entry, source=where, outlet=outlet)
        except IngestError as exc:
            logger.info("skipped feed entry: %s", exc)
            yield exc
