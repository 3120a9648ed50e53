"""Ingestion: turn any input into ``presslens.models.Article`` records.

One module per input kind, all producing a ``build.Draft`` that
``build.finish_article`` completes the same way (date, truncation, language, id):

- ``text_dump``  plain text and scraped page-text dumps (furniture stripped,
  title/section/date/views/reading time/sub-headings recovered);
- ``html``       HTML pages via trafilatura with a fallback cascade;
- ``records``    JSON objects/lists and JSON Lines;
- ``fetch``      http(s) URLs;
- ``files``      path dispatch, format sniffing and strict decoding;
- ``sources``    one named input (file, directory, URL) → Articles;
- ``stream``     the inputs of a command → keyed items ``(input, record)``,
  what every command reads;
- ``dates``      which publication date wins; ``language`` language id.

Errors: a problem with the whole source (missing file, binary or undecodable
content, empty input, unsupported format, failed fetch) is *raised* by
``read_source`` when it is called; a problem with one record of a batch (a bad
JSON line, a record without a body) or one file of a directory is *yielded* as
an ``IngestError`` in the stream, and the rest still comes out.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping

from presslens.errors import IngestError
from presslens.ingest.sources import article_from_text, read_source
from presslens.ingest.stream import InputFile, InputItem, expand_inputs, iter_items
from presslens.models import Article
from presslens.settings import Settings, load_settings

__all__ = [
    "InputFile",
    "InputItem",
    "article_from_text",
    "expand_inputs",
    "iter_items",
    "read_source",
    "read_sources",
]


def read_sources(
    sources: Iterable[str | os.PathLike[str]],
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
    today: dt.date | None = None,
    fields: Mapping[str, str] | None = None,
) -> Iterator[Article | IngestError]:
    """Every article of every source, in order; a bad source or record comes back as its error.

    Unlike `read_source`, nothing raises: a whole-source problem (a missing
    file) is yielded in place, so one bad input never stops a run.
    """
    files = expand_inputs(sources)
    options = {"published": published, "today": today, "fields": fields}
    for item in iter_items(files, settings=settings or load_settings(), **options):
        yield item.article if item.article is not None else item.error  # type: ignore[misc]
