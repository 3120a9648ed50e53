"""Use cases shared by the CLI, the Python API, the web app and the batch engines.

They combine ingestion and the one analysis path (``presslens.analysis``) and
never print: results and per-input errors come back as values, so each edge
decides how to show them. spaCy is imported only when an article is analysed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from presslens.analysis import analyze_items
from presslens.errors import IngestError, PresslensError
from presslens.ingest import InputItem, article_from_text, expand_inputs, iter_items, read_source
from presslens.ingest.records import parse_field_map
from presslens.models import Article, Document
from presslens.settings import Settings, load_settings

if TYPE_CHECKING:
    from presslens.pipeline import Pipeline

__all__ = ["analyze", "analyze_sources", "field_map", "parse_published", "read_items"]


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
    fields: Mapping[str, str] | Iterable[str] | None = None,
    settings: Settings | None = None,
    today: dt.date | None = None,
) -> Iterator[Document | PresslensError]:
    """Analyse every article in every source, in order, through the one analysis path.

    A bad source or record comes back as its `IngestError`, an article the
    pipeline fails on as its `AnalysisError`, in place of a Document; the rest
    of the batch is still analysed. `fields` maps record fields to the columns
    of JSON, JSON Lines and Parquet records (``{"published": "publication_date"}``
    or ``["published=publication_date"]``).
    """
    options = {"published": published, "fields": fields, "settings": settings, "today": today}
    items = read_items(sources, pipeline=pipeline, **options)
    for result in analyze_items(items, pipeline, settings=settings):
        yield result.document if result.document is not None else result.error  # type: ignore[misc]


def read_items(
    sources: Iterable[str | os.PathLike],
    *,
    published: dt.date | None = None,
    fields: Mapping[str, str] | Iterable[str] | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    today: dt.date | None = None,
) -> Iterator[InputItem]:
    """The keyed input items of `sources`, as every command reads them (``ingest.iter_items``)."""
    settings = pipeline.settings if pipeline is not None else (settings or load_settings())
    return iter_items(
        expand_inputs(sources), settings=settings, published=published, fields=field_map(fields), today=today
    )


def field_map(fields: Mapping[str, str] | Iterable[str] | None) -> dict[str, str]:
    """A checked field map from ``{"published": "publication_date"}`` or ``["published=..."]`` specs."""
    if fields is None:
        return {}
    if isinstance(fields, Mapping):
        return parse_field_map(f"{k}={v}" for k, v in fields.items())
    return parse_field_map(fields)


def _looks_like_source(value: str) -> bool:
    """Whether a string names a file or URL rather than being the article's text itself."""
    if value.startswith(("http://", "https://")):
        return True
    if "\n" in value or len(value) > 4096:
        return False
    try:
        return Path(value).exists()
    except (OSError, ValueError):  # a name too long for the file system, a NUL: text, not a path
        return False


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
    from presslens.pipeline import Pipeline

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
