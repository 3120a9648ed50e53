"""The one analysis path: keyed input items in, one result per item out, in order.

Every command that analyses goes through ``analyze_groups`` (or its flat form
``analyze_items``): `presslens analyze`, `ingest`, `reanalyze`, the Python API
(``service.analyze_sources``) and both batch engines. So an article comes out
the same whichever command wrote it, and every command treats failures alike.

**One rule for nlp.pipe batches.** spaCy's numbers depend, in rare cases, on
which texts share an ``nlp.pipe`` batch (the batch's matrix sizes change the
summation order of the matrix products, and an argmax tie can then flip a tag,
a parse arc or an entity). So a batch must not depend on how a command or an
engine cuts its stream: items are grouped by ``group_key`` — the input and
``record // settings.batch_size`` — and each group is one ``nlp.pipe`` call.
The local batch engine cuts chunks only between groups and Spark distributes
whole groups, so an article meets the same batch neighbours in every command,
on every engine, worker count and chunk size.

**One failing article costs only itself.** When the pipeline raises on a
group (a bug meeting odd input), the group is analysed again one article at a
time and only the article that fails becomes an ``AnalysisError`` naming it;
its neighbours are written. Bad input records arrive as their ``IngestError``
and pass through in place.

The model is loaded when the first group holding an article arrives, so a run
whose inputs are all bad reports them without loading spaCy.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from presslens.errors import AnalysisError, PresslensError
from presslens.ingest.stream import InputItem
from presslens.models import Article, Document
from presslens.settings import Settings, load_settings

if TYPE_CHECKING:
    from presslens.pipeline import Pipeline

__all__ = ["Analysed", "analysis_groups", "analyze_groups", "analyze_items", "group_key"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Analysed:
    """The result for one input item: its Document, or the error that took its place."""

    item: InputItem
    document: Document | None
    error: PresslensError | None


def group_key(item: InputItem, size: int) -> tuple[str, int]:
    """The analysis group of `item`: its input and ``record // size``."""
    return (item.input, item.record // max(1, size))


def analysis_groups(items: Iterable[InputItem], size: int) -> Iterator[list[InputItem]]:
    """Runs of consecutive items with the same ``group_key``, in order."""
    group: list[InputItem] = []
    for item in items:
        if group and group_key(item, size) != group_key(group[-1], size):
            yield group
            group = []
        group.append(item)
    if group:
        yield group


class _LazyPipeline:
    """The given Pipeline, or one built on first use (so all-bad input never loads the model)."""

    def __init__(self, pipeline: Pipeline | None, settings: Settings) -> None:
        self._pipeline = pipeline
        self.settings = pipeline.settings if pipeline is not None else settings

    def get(self) -> Pipeline:
        if self._pipeline is None:
            from presslens.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline


def _failure(article: Article, exc: Exception) -> AnalysisError:
    return AnalysisError(article.source, f"analysis failed: {type(exc).__name__}: {exc}")


def _documents(pipeline: Pipeline, articles: list[Article]) -> list[Document | AnalysisError]:
    """Documents for `articles`, or an AnalysisError for each article the pipeline fails on."""
    try:
        return list(pipeline.analyze_group(articles))
    except Exception:  # isolate the bad article by redoing the group one by one
        logger.warning("a group failed in analysis; retrying its articles one by one", exc_info=True)
    results: list[Document | AnalysisError] = []
    for article in articles:
        try:
            results.append(pipeline.analyze_group([article])[0])
        except Exception as exc:
            results.append(_failure(article, exc))
    return results


def analyze_groups(
    items: Iterable[InputItem],
    pipeline: Pipeline | None = None,
    *,
    settings: Settings | None = None,
) -> Iterator[list[Analysed]]:
    """The results of each analysis group (see the module docstring), group by group, in order.

    `pipeline` defaults to one built from `settings` when the first article
    arrives; nothing raises for a bad item or a failing article.
    """
    lazy = _LazyPipeline(pipeline, settings or load_settings())
    for group in analysis_groups(items, lazy.settings.batch_size):
        articles = [i.article for i in group if i.article is not None]
        found = iter(_documents(lazy.get(), articles) if articles else ())
        results = []
        for item in group:
            if item.article is None:
                results.append(Analysed(item, None, item.error))
                continue
            result = next(found)
            if isinstance(result, Document):
                results.append(Analysed(item, result, None))
            else:
                results.append(Analysed(item, None, result))
        yield results


def analyze_items(
    items: Iterable[InputItem],
    pipeline: Pipeline | None = None,
    *,
    settings: Settings | None = None,
) -> Iterator[Analysed]:
    """One result per item, in order: ``analyze_groups`` flattened."""
    for group in analyze_groups(items, pipeline, settings=settings):
        yield from group
