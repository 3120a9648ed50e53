"""The presslens store: one DuckDB file holding articles, their records and the cross-article layer.

    >>> from presslens.store import Store
    >>> with Store.open("presslens.duckdb") as store:
    ...     store.ingest(documents)
    ...     page = store.list_articles(ArticleFilter(actor="Rustam Mammadov"))

``database`` is the one module that runs presslens's own SQL; a user's SQL runs
through ``user_query``, in a child process under limits. ``repository.Store``
holds the write use cases and mixes in the read API of ``reads.StoreReads``.
"""

from __future__ import annotations

from presslens.store.database import Database
from presslens.store.migrations import SCHEMA_VERSION, migrate
from presslens.store.outlets import OutletInfo, OutletRegister, load_outlets
from presslens.store.reads import (
    ArticleFilter,
    ArticlePage,
    ArticleSummary,
    ArticleVersion,
    StoredArticle,
    StorySummary,
    StoryView,
)
from presslens.store.repository import ForgetResult, IngestResult, StaleVersion, Store
from presslens.store.user_query import QueryLimits, QueryResult

__all__ = [
    "SCHEMA_VERSION",
    "ArticleFilter",
    "ArticlePage",
    "ArticleSummary",
    "ArticleVersion",
    "Database",
    "ForgetResult",
    "IngestResult",
    "OutletInfo",
    "OutletRegister",
    "QueryLimits",
    "QueryResult",
    "StaleVersion",
    "Store",
    "StoredArticle",
    "StorySummary",
    "StoryView",
    "load_outlets",
    "migrate",
]
