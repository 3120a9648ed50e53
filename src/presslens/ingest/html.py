"""HTML pages: main text and metadata through trafilatura, with a fallback cascade.

The cascade, tried in order until a body of at least ``_MIN_BODY_CHARS``
characters comes out (trafilatura's own ``MIN_EXTRACTED_SIZE`` default):

1. ``bare_extraction(favor_precision=True, include_comments=False)`` — on the
   Scrapinghub article-extraction benchmark (181 pages, shingle F1, see
   ``evaluation/extraction.py``) this scores above trafilatura's defaults,
   whose ``include_comments=True`` adds reader comments to the body;
2. ``favor_recall=True`` — for pages whose article sits in markup the precise
   mode prunes (short news briefs, list-like layouts);
3. ``trafilatura.baseline`` — every ``<p>``/JSON-LD ``articleBody`` on the page;
4. ``trafilatura.html2txt`` — all visible text, the last resort.

The longest result of the steps tried wins, so a later step never makes things
worse. Metadata (title, author, site name, canonical URL, date) comes from the
first step; trafilatura dates pages with htmldate. The extracted body drops a
first line that repeats the title and goes through the page-text cleaner
(``text_dump``) with the title known, which removes leftover share/nav lines.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import trafilatura

from presslens.ingest.build import Draft
from presslens.ingest.text_dump import parse_page_text

__all__ = ["HtmlExtract", "draft_from_html", "extract_html"]

logger = logging.getLogger(__name__)

_MIN_BODY_CHARS = 250


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What trafilatura found in a page, and which cascade step produced the body."""

    text: str
    method: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    date: str | None = None
    subheadings: tuple[str, ...] = ()


def _headings(document: trafilatura.settings.Document | None) -> tuple[str, ...]:
    """Sub-headings trafilatura kept in the body (its ``<head>`` elements)."""
    body = getattr(document, "body", None)
    if body is None:
        return ()
    texts = (" ".join("".join(el.itertext()).split()) for el in body.iter("head"))
    return tuple(t for t in texts if t)


def extract_html(html: str, *, url: str | None = None) -> HtmlExtract:
    """The main text and metadata of an HTML page (see the module docstring for the cascade)."""
    first = trafilatura.bare_extraction(
        html, url=url, favor_precision=True, include_comments=False, with_metadata=True
    )
    best_text, method = (first.text or "") if first else "", "precision"
    if len(best_text) < _MIN_BODY_CHARS:
        recall = trafilatura.bare_extraction(html, url=url, favor_recall=True, include_comments=False)
        if recall and len(recall.text or "") > len(best_text):
            best_text, method = recall.text or "", "recall"
    if len(best_text) < _MIN_BODY_CHARS:
        _, baseline_text, _ = trafilatura.baseline(html)
        if len(baseline_text) > len(best_text):
            best_text, method = baseline_text, "baseline"
    if len(best_text) < _MIN_BODY_CHARS:
        visible = trafilatura.html2txt(html)
        if len(visible) > len(best_text):
            best_text, method = visible, "html2txt"
    logger.debug("html extraction via %s: %d characters", method, len(best_text))
    return HtmlExtract(
        text=best_text,
        method=method,
        title=(first.title or None) if first else None,
        author=(first.author or None) if first else None,
        sitename=(first.sitename or None) if first else None,
        url=(first.url or url) if first else url,
        date=(first.date or None) if first else None,
        subheadings=_headings(first) if method == "precision" else (),
    )


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        logger.debug("unusable metadata date %r", value)
        return None


def draft_from_html(html: str, *, source: str, url: str | None = None) -> Draft:
    """A Draft from an HTML page: cleaned body, title, author, outlet, URL and metadata date."""
    extract = extract_html(html, url=url)
    page = parse_page_text(extract.text.replace("\n", "\n\n"), known_title=extract.title or "")
    text = page.text
    title = extract.title or page.title
    # trafilatura's headings include the page's <h1>; a sub-heading is one still in the body
    paragraphs = set(page.paragraphs)
    subheadings = tuple(h for h in extract.subheadings if h in paragraphs) or page.subheadings
    return Draft(
        text=text,
        source=source,
        title=title,
        url=extract.url,
        outlet=extract.sitename,
        author=extract.author or page.author,
        section=page.section,
        metadata_date=_parse_iso(extract.date),
        metadata_date_origin="page metadata",
        printed_date=page.printed_date if extract.date is None else None,
        views=page.views,
        reading_time_minutes=page.reading_time_minutes,
        subheadings=subheadings,
    )
