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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from presslens.analysis import Analysed, analyze_groups
from presslens.errors import PresslensError
from presslens.ingest import InputItem
from presslens.service import read_items
from presslens.settings import Settings, load_settings
from presslens.store import Store
from presslens.store.repository import IngestResult

if TYPE_CHECKING:
    from presslens.pipeline import Pipeline

__all__ = [
    "DEFAULT_STORE",
    "STORE_INPUT",
    "IngestSummary",
    "ingest_paths",
    "open_store",
    "reanalyze",
    "store_groups",
]

DEFAULT_STORE = Path("presslens.duckdb")


def open_store(path: str | os.PathLike | None = None, *, read_only: bool = False, settings=None) -> Store:
    """Open the store at `path` (default ``./presslens.duckdb``) with the user's outlet register."""
    settings = settings or load_settings()
    return Store.open(
        Path(path or DEFAULT_STORE), read_only=read_only, outlets_file=settings.outlets_file or None,
        threads=settings.duckdb_threads, memory_limit=settings.duckdb_memory_limit,
    )


# The input name of articles re-analysed from the store (their analysis groups' key).
STORE_INPUT = "<store>"


@dataclass
class IngestSummary:
    """What one ingest (or reanalyze) run did, input by input."""

    results: list[IngestResult] = field(default_factory=list)
    errors: list[PresslensError] = field(default_factory=list)
    stories: int = 0

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def ingest_paths(
    sources: Iterable[str | os.PathLike],
    store: Store,
    *,
    published: dt.date | None = None,
    pipeline: Pipeline | None = None,
    on_item: Callable[[IngestResult | PresslensError], None] | None = None,
    fields: Mapping[str, str] | Iterable[str] | None = None,
    settings: Settings | None = None,
    today: dt.date | None = None,
) -> IngestSummary:
    """Analyse every article of every source and store it; then refresh the stories once.

    The articles go through the one analysis path (``presslens.analysis``);
    each analysis group is stored in one transaction. A bad source or record,
    or an article the pipeline fails on, is reported through `on_item` and
    the summary, and the others are still stored.
    """
    options = {"published": published, "fields": fields, "settings": settings, "today": today}
    items = read_items(sources, pipeline=pipeline, **options)
    return store_groups(analyze_groups(items, pipeline, settings=settings), store, IngestSummary(), on_item)


def store_groups(
    groups: Iterable[list[Analysed]],
    store: Store,
    summary: IngestSummary,
    on_item: Callable[[IngestResult | PresslensError], None] | None,
    *,
    refresh: bool = True,
) -> IngestSummary:
    """Store each group's documents in one transaction, report its errors; refresh stories once.

    With `refresh` false the stories are left for the caller to refresh
    (the server's ingest worker refreshes once its queue is empty).
    """
    for group in groups:
        for result in group:
            if result.error is not None:
                summary.errors.append(result.error)
                if on_item:
                    on_item(result.error)
        documents = [r.document for r in group if r.document is not None]
        for stored in store.ingest(documents, refresh_stories=False) if documents else ():
            summary.results.append(stored)
            if on_item:
                on_item(stored)
    if refresh and any(r.status != "unchanged" for r in summary.results):
        summary.stories = store.refresh_stories()
    return summary


def reanalyze(
    store: Store,
    *,
    pipeline: Pipeline | None = None,
    limit: int | None = None,
    on_item: Callable[[IngestResult | PresslensError], None] | None = None,
) -> IngestSummary:
    """Analyse again every current article that older presslens/model/lexicon versions produced.

    The stored text and metadata (with the article's ingest flags) are
    analysed through the one analysis path (no re-fetching); the new records
    replace the old ones group by group, one transaction each. An article the
    pipeline fails on keeps its old records and is reported.
    """
    from presslens.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    stale = store.stale_versions(pipeline.versions)[: limit if limit is not None else None]
    items = (
        InputItem(STORE_INPUT, i, store.stored_article(s.version_id), None) for i, s in enumerate(stale)
    )
    return store_groups(analyze_groups(items, pipeline), store, IngestSummary(), on_item)
