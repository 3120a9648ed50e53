"""Use cases shared by the CLI, the Python API and (later) the web app and batch engine.

They combine ingestion and the pipeline and never print: results and
per-input errors come back as values, so each edge decides how to show them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from presslens.errors import IngestError, PresslensError
from presslens.ingest import article_from_text, read_source, read_sources
from presslens.models import Article, Document
from presslens.pipeline import Pipeline

__all__ = ["analyze", "analyze_sources", "parse_published"]


def parse_published(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    """Accept a date, a datetime or an ISO string (YYYY-MM-DD) for `published`."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise PresslensError(f"published date {value!r} is not an ISO date such as 2025-07-02") from exc


def analyze_sources(
    sources: Iterable[str | os.PathLike],
    *,
    published: dt.date | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Document | IngestError]:
    """Analyse every article in every source, in order.

    A bad source or record comes back as its `IngestError` in place of a
    Document; the rest of the batch is still analysed.
    """
    pipeline = pipeline or Pipeline()
    items = read_sources(sources, published=published, settings=pipeline.settings)
    while chunk := list(islice(items, max(1, pipeline.settings.batch_size))):
        articles = [x for x in chunk if isinstance(x, Article)]
        documents = iter(pipeline.analyze_articles(articles))
        for item in chunk:
            yield item if isinstance(item, IngestError) else next(documents)


def _looks_like_source(value: str) -> bool:
    if value.startswith(("http://", "https://")):
        return True
    if "\n" in value or len(value) > 4096:
        return False
    return Path(value).exists()


def analyze(
    text_or_path: str | os.PathLike,
    published: str | dt.date | None = None,
    *,
    pipeline: Pipeline | None = None,
) -> Document:
    """Analyse one article given as text, a file path or a URL.

    A string that names an existing file (or is an http(s) URL) is read as
    that input; any other string is the article text itself. A source holding
    several articles (a JSON Lines file) is refused: use `analyze_sources`.
    """
    pipeline = pipeline or Pipeline()
    when = parse_published(published)
    if isinstance(text_or_path, os.PathLike) or _looks_like_source(str(text_or_path)):
        items = list(read_source(text_or_path, published=when, settings=pipeline.settings))
        errors = [x for x in items if isinstance(x, IngestError)]
        articles = [x for x in items if isinstance(x, Article)]
        if errors:
            raise errors[0]
        if len(articles) != 1:
            raise PresslensError(
                f"{text_or_path}: holds {len(articles)} articles; use presslens.analyze_sources() for several"
            )
        article = articles[0]
    else:
        article = article_from_text(str(text_or_path), published=when, settings=pipeline.settings)
    return pipeline.analyze_article(article)
