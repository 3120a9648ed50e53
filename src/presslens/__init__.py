"""presslens: news articles to a structured, source-attributed record."""

from __future__ import annotations

__version__ = "0.1.0"
