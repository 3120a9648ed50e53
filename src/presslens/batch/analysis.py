"""Analysing a group of input items: the step both engines share.

A local worker calls ``analyze_items`` on a chunk, a Spark task on the groups
of its partition, so both turn the same items into the same documents and the
same error rows. A failure of the pipeline on one article (a bug meeting odd
input) must not cost its neighbours: the group is re-run one article at a time
and only the failing article becomes an error row.

**Groups make the result independent of the engine.** spaCy's numbers depend,
in rare cases, on which texts share an ``nlp.pipe`` batch (the batch's matrix
sizes change the summation order of the matrix products, and an argmax tie can
then flip a tag, a parse arc or an entity). So the batches must not depend on
how an engine cuts the stream into chunks or partitions: items are grouped by
``group_key`` — the input file and ``record // GROUP_SIZE`` — and each group is
analysed by its own ``Pipeline.analyze_articles`` call. The local engine cuts
chunks only between groups and Spark distributes whole groups, so every
article meets the same batch neighbours on every engine, worker count and
chunk size.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from presslens.batch.inputs import InputItem
from presslens.batch.reporting import ErrorRow
from presslens.models import Article, Document
from presslens.settings import Settings

__all__ = ["GROUP_SIZE", "WORKER_BATCH_SIZE", "analyze_items", "group_key", "iter_groups", "worker_settings"]

logger = logging.getLogger(__name__)

# Texts per nlp.pipe call in a batch worker. spaCy's peak memory grows with the
# tokens of a batch (tok2vec holds the batch's activations): on 160 PTC/PolNeAR
# articles the bare model peaks at 809 MB with batches of 32, 595 MB at 16,
# 461 MB at 8 and 414 MB at 4, for the same CPU time within 4%. 8 keeps a full
# presslens worker under the 600 MB budget.
WORKER_BATCH_SIZE = 8

# Consecutive records of one input analysed together (one nlp.pipe batch at the
# worker batch size); fixed, so batches do not depend on the engine (see above).
GROUP_SIZE = WORKER_BATCH_SIZE


def worker_settings(settings: Settings) -> Settings:
    """The settings a batch worker analyses with: nlp.pipe batches capped for memory."""
    return settings.replace(batch_size=min(settings.batch_size, WORKER_BATCH_SIZE))


def group_key(item: InputItem) -> tuple[str, int]:
    """The analysis group of `item`: its input and ``record // GROUP_SIZE``."""
    return (item.input, item.record // GROUP_SIZE)


def iter_groups(items: Iterable[InputItem]) -> Iterator[list[InputItem]]:
    """Runs of consecutive items with the same ``group_key``, in order."""
    group: list[InputItem] = []
    for item in items:
        if group and group_key(item) != group_key(group[-1]):
            yield group
            group = []
        group.append(item)
    if group:
        yield group


def _analyzed(pipeline: Any, articles: list[Article]) -> list[Document | Exception]:
    """Documents for `articles`, or the exception for any article the pipeline fails on."""
    try:
        return list(pipeline.analyze_articles(articles))
    except Exception:  # isolate the bad article by redoing the group one by one
        logger.warning("a group failed in analysis; retrying its articles one by one", exc_info=True)
    results: list[Document | Exception] = []
    for article in articles:
        try:
            results.append(pipeline.analyze_article(article))
        except Exception as exc:
            results.append(exc)
    return results


def analyze_items(
    pipeline: Any, items: Iterable[InputItem]
) -> tuple[list[tuple[InputItem, Document]], list[ErrorRow]]:
    """The documents of the good items, and the error rows (input errors, analysis failures,
    truncated pages), both in item order. Each group (``iter_groups``) is analysed on its own."""
    rows: list[tuple[InputItem, Document]] = []
    errors: list[ErrorRow] = []
    for group in iter_groups(items):
        group_rows, group_errors = _analyze_group(pipeline, group)
        rows.extend(group_rows)
        errors.extend(group_errors)
    return rows, errors


def _analyze_group(
    pipeline: Any, items: list[InputItem]
) -> tuple[list[tuple[InputItem, Document]], list[ErrorRow]]:
    good = [i for i in items if i.article is not None]
    results = _analyzed(pipeline, [i.article for i in good if i.article is not None])
    analysed = dict(zip((id(i) for i in good), results, strict=True))
    rows: list[tuple[InputItem, Document]] = []
    errors: list[ErrorRow] = []
    for item in items:
        if item.article is None:
            errors.append(item.error or ErrorRow(item.input, item.record, item.input, "no article"))
            continue
        result = analysed[id(item)]
        if isinstance(result, Exception):
            reason = f"analysis failed: {type(result).__name__}: {result}"
            errors.append(ErrorRow(item.input, item.record, item.article.source, reason))
            continue
        rows.append((item, result))
        errors.extend(
            ErrorRow(item.input, item.record, item.article.source, flag.why, "truncated")
            for flag in item.article.flags
            if flag.kind == "text_truncated"
        )
    return rows, errors
