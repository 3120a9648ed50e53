"""Store use cases shared by the CLI and the web app: ingest, reanalyze, forget, export, read.

Like ``service``, nothing here prints: per-input failures come back as values
(`IngestError` in place of a result), so one bad input never stops a batch
and each edge decides how to show it. The NLP stack is imported only by the
functions that analyse (`ingest_paths`, `reanalyze`), so reading a store
(`presslens stories`, the web app) starts fast and works without spaCy.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from presslens.errors import IngestError
from presslens.ingest import read_sources
from presslens.models import Article
from presslens.settings import load_settings
from presslens.store import Store
from presslens.store.repository import IngestResult

if TYPE_CHECKING:
    from presslens.pipeline import Pipeline

__all__ = [
    "DEFAULT_STORE",
    "IngestSummary",
    "ReanalyzeSummary",
    "ingest_paths",
    "open_store",
    "reanalyze",
]

DEFAULT_STORE = Path("presslens.duckdb")


def open_store(path: str | os.PathLike | None = None, *, read_only: bool = False, settings=None) -> Store:
    """Open the store at `path` (default ``./presslens.duckdb``) with the user's outlet register."""
    outlets_file = (settings or load_settings()).outlets_file or None
    return Store.open(Path(path or DEFAULT_STORE), read_only=read_only, outlets_file=outlets_file)


@dataclass
class IngestSummary:
    """What one ingest run did, input by input."""

    results: list[IngestResult] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    stories: int = 0

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def ingest_paths(
    sources: Iterable[str | os.PathLike],
    store: Store,
    *,
    published: dt.date | None = None,
    pipeline: Pipeline | None = None,
    on_item: Callable[[IngestResult | IngestError], None] | None = None,
) -> IngestSummary:
    """Analyse every article of every source and store it; then refresh the stories once.

    Each batch of analysed articles is stored in one transaction; a bad
    source or record is reported through `on_item` and the summary, and the
    others are still stored.
    """
    from presslens.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    summary = IngestSummary()
    items = read_sources(sources, published=published, settings=pipeline.settings)
    while chunk := list(islice(items, max(1, pipeline.settings.batch_size))):
        articles = [x for x in chunk if isinstance(x, Article)]
        for err in (x for x in chunk if isinstance(x, IngestError)):
            summary.errors.append(err)
            if on_item:
                on_item(err)
        documents = list(pipeline.analyze_articles(articles))
        pairs = [(d, tuple(a.flags)) for a, d in zip(articles, documents, strict=True)]
        for result in store.ingest(pairs, refresh_stories=False):
            summary.results.append(result)
            if on_item:
                on_item(result)
    if any(r.status != "unchanged" for r in summary.results):
        summary.stories = store.refresh_stories()
    return summary


@dataclass
class ReanalyzeSummary:
    results: list[IngestResult] = field(default_factory=list)
    stories: int = 0


def reanalyze(
    store: Store, *, pipeline: Pipeline | None = None, limit: int | None = None
) -> ReanalyzeSummary:
    """Analyse again every current article that older presslens/model/lexicon versions produced.

    The stored text and metadata are analysed (no re-fetching), and the new
    records replace the old ones of that version in one transaction each batch.
    """
    from presslens.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    stale = store.stale_versions(pipeline.versions)[: limit if limit is not None else None]
    summary = ReanalyzeSummary()
    size = max(1, pipeline.settings.batch_size)
    for start in range(0, len(stale), size):
        articles = [store.stored_article(s.version_id) for s in stale[start : start + size]]
        documents = pipeline.analyze_articles(articles)
        pairs = [(d, tuple(a.flags)) for a, d in zip(articles, documents, strict=True)]
        summary.results.extend(store.ingest(pairs, refresh_stories=False))
    if summary.results:
        summary.stories = store.refresh_stories()
    return summary
