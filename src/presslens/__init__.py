"""presslens: news articles to a structured, source-attributed record.

    >>> import presslens
    >>> doc = presslens.analyze("article.txt", published="2025-07-02")
    >>> [(e.text, e.label, e.canonical) for e in doc.entities]

`analyze` loads the NLP models once per process; a `Pipeline` analyses many
articles in batches.
"""

from __future__ import annotations

__version__ = "0.1.0"

from presslens.errors import IngestError, PipelineError, PresslensError
from presslens.models import (
    Article,
    Claim,
    Contradiction,
    Document,
    Entity,
    Event,
    Flag,
    PersuasionSpan,
    Timex,
    document_json_schema,
)

# The NLP stack (spaCy, trafilatura) is imported on first use, so that
# `import presslens` and light commands such as `presslens schema` stay fast.
_LAZY = {
    "Pipeline": "presslens.pipeline",
    "analyze": "presslens.service",
    "analyze_sources": "presslens.service",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'presslens' has no attribute {name!r}")


__all__ = [
    "Article",
    "Claim",
    "Contradiction",
    "Document",
    "Entity",
    "Event",
    "Flag",
    "IngestError",
    "PersuasionSpan",
    "Pipeline",
    "PipelineError",
    "PresslensError",
    "Timex",
    "__version__",
    "analyze",
    "analyze_sources",
    "document_json_schema",
]
