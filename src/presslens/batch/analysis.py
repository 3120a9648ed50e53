"""Batch output of the one analysis path: documents to write and error rows to report.

Both engines analyse through ``presslens.analysis`` (the same groups, the same
per-article retry as every other command); this module only turns its results
into what a batch run writes: ``(item, Document)`` rows for the part files and
``ErrorRow``s for ``errors.jsonl`` — input errors, analysis failures, and pages
cut to ``max_text_chars`` (written *and* reported, level "truncated").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from presslens.analysis import analyze_items
from presslens.batch.reporting import ErrorRow, error_row
from presslens.ingest.stream import InputItem
from presslens.models import Document

if TYPE_CHECKING:
    from presslens.pipeline import Pipeline

__all__ = ["batch_rows"]


def batch_rows(
    pipeline: Pipeline, items: Iterable[InputItem]
) -> tuple[list[tuple[InputItem, Document]], list[ErrorRow]]:
    """The documents of the good items, and the error rows, both in item order."""
    rows: list[tuple[InputItem, Document]] = []
    errors: list[ErrorRow] = []
    for result in analyze_items(items, pipeline):
        item = result.item
        if result.document is None:
            record = None if item.whole_input else item.record
            errors.append(error_row(item.input, record, result.error or ValueError("no article")))
            continue
        rows.append((item, result.document))
        where = item.article.source if item.article is not None else item.input
        errors.extend(
            ErrorRow(item.input, item.record, where, flag.why, "truncated")
            for flag in result.document.flags
            if flag.kind == "text_truncated"
        )
    return rows, errors
