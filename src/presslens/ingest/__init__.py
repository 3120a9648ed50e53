"""Ingestion: turn any input into ``presslens.models.Article`` records.

One module per input kind, all producing a ``build.Draft`` that
``build.finish_article`` completes the same way (date, truncation, language, id):

- ``text_dump``  plain text and scraped page-text dumps (furniture stripped,
  title/section/date/views/reading time/sub-headings recovered);
- ``html``       HTML pages via trafilatura with a fallback cascade;
- ``records``    JSON objects/lists and JSON Lines;
- ``fetch``      http(s) URLs;
- ``files``      path dispatch, format sniffing and strict decoding;
- ``dates``      which publication date wins; ``language`` language id.

Errors: a problem with the whole source (missing file, binary or undecodable
content, empty input, unsupported format, failed fetch) is *raised* by
``read_source`` when it is called; a problem with one record of a batch (a bad
JSON line, a record without a body) or one file of a directory is *yielded* as
an ``IngestError`` in the stream, and the rest still comes out.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from presslens.errors import EmptyInputError, IngestError, InputNotFoundError
from presslens.ingest.build import Draft, finish_article, finish_drafts
from presslens.ingest.fetch import fetch_url, is_url
from presslens.ingest.files import (
    decode_html,
    decode_text,
    format_for_path,
    iter_directory,
    read_bytes,
    sniff_format,
    stream_format_for_path,
    supported_list,
)
from presslens.ingest.html import draft_from_html
from presslens.ingest.records import iter_json_drafts, iter_jsonl_drafts
from presslens.ingest.text_dump import draft_from_page_text
from presslens.models import Article
from presslens.settings import Settings, load_settings

__all__ = ["article_from_text", "read_source", "read_sources"]

logger = logging.getLogger(__name__)

_RECORD_FORMATS = frozenset({"json", "jsonl"})


def _drafts_from_bytes(
    data: bytes, fmt: str | None, *, source: str, charset: str | None = None, url: str | None = None
) -> Iterable[Draft | IngestError]:
    """Decode `data` as `fmt` (sniffed when None) and read it into drafts."""
    unknown = fmt is None
    if fmt is None:
        fmt = sniff_format(data[:1024].decode("latin-1"))
    if fmt == "html":
        return [draft_from_html(decode_html(data, source, charset=charset), source=source, url=url)]
    text = decode_text(data, source, unknown_format=unknown, charset=charset)
    if fmt == "json":
        return iter_json_drafts(text, source=source)
    if fmt == "jsonl":
        return iter_jsonl_drafts(text, source=source)
    return [draft_from_page_text(text, source=source)]


def _read_one(
    source: str,
    fmt: str | None,
    data: bytes,
    *,
    published: dt.date | None,
    settings: Settings,
    today: dt.date | None,
    charset: str | None = None,
    url: str | None = None,
) -> Iterator[Article | IngestError]:
    drafts = _drafts_from_bytes(data, fmt, source=source, charset=charset, url=url)
    if fmt in _RECORD_FORMATS or isinstance(drafts, Iterator):
        return finish_drafts(drafts, published=published, settings=settings, today=today)
    # a single-article source: finish now, so that its problems raise from read_source itself
    return iter([finish_article(d, published=published, settings=settings, today=today) for d in drafts])


def _stream_drafts(path: Path, fmt: str, settings: Settings) -> Iterator[Draft | IngestError]:
    """Records of an archive, feed or table, read one at a time from the open file."""
    from presslens.ingest import feeds, tables, warc

    if fmt == "feed":
        yield from feeds.iter_feed_drafts(read_bytes(path), source=str(path))
        return
    with path.open("rb") as fh:
        if fmt == "warc":
            yield from warc.iter_warc_drafts(fh, source=str(path), max_bytes=settings.fetch_max_bytes)
        else:
            yield from tables.iter_parquet_table(fh, source=str(path))


def _read_file(
    path: Path, *, published: dt.date | None, settings: Settings, today: dt.date | None
) -> Iterator[Article | IngestError]:
    stream = stream_format_for_path(path)
    if stream is not None:
        drafts = _stream_drafts(path, stream, settings)
        return finish_drafts(drafts, published=published, settings=settings, today=today)
    fmt = format_for_path(path)
    return _read_one(str(path), fmt, read_bytes(path), published=published, settings=settings, today=today)


def _read_directory(
    files: list[Path], *, published: dt.date | None, settings: Settings, today: dt.date | None
) -> Iterator[Article | IngestError]:
    for path in files:
        try:
            yield from _read_file(path, published=published, settings=settings, today=today)
        except IngestError as exc:
            logger.info("skipped file: %s", exc)
            yield exc


def read_source(
    source: str | os.PathLike[str],
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
    today: dt.date | None = None,
) -> Iterator[Article | IngestError]:
    """Articles from a file, a directory (supported files, sorted, recursively) or an http(s) URL.

    `published` (the CLI's ``--published``) overrides any date found in the
    input; `today` anchors dates printed without a year (default: today).
    Raises an IngestError subclass when the whole source is unusable; yields an
    IngestError for each bad record or file inside a batch.
    """
    settings = settings or load_settings()
    if isinstance(published, dt.datetime):
        published = published.date()
    name = os.fspath(source)
    if is_url(name):
        page = fetch_url(name, settings=settings)
        return _read_one(
            name,
            page.format or None,
            page.body,
            published=published,
            settings=settings,
            today=today,
            charset=page.charset,
            url=page.final_url,
        )
    path = Path(name)
    if path.is_dir():
        files = list(iter_directory(path))
        if not files:
            raise EmptyInputError(
                name, f"the directory has no files with a supported extension ({supported_list()})"
            )
        return _read_directory(files, published=published, settings=settings, today=today)
    if not path.exists():
        raise InputNotFoundError(
            name, "file not found; expected an existing file, a directory or an http(s) URL"
        )
    return _read_file(path, published=published, settings=settings, today=today)


def article_from_text(
    text: str,
    *,
    source: str = "<text>",
    published: dt.date | None = None,
    settings: Settings | None = None,
    today: dt.date | None = None,
) -> Article:
    """An Article from a string of plain or scraped page text (furniture stripped, metadata recovered)."""
    if not text.strip():
        raise EmptyInputError(source, "the text is empty or only whitespace; expected article text")
    if isinstance(published, dt.datetime):
        published = published.date()
    draft = draft_from_page_text(text, source=source)
    return finish_article(draft, published=published, settings=settings or load_settings(), today=today)


def read_sources(
    sources: Iterable[str | os.PathLike[str]],
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
) -> Iterator[Article | IngestError]:
    """Every article of every source, in order; a bad source comes back as its error.

    Unlike `read_source`, nothing raises: a whole-source problem (a missing
    file) is yielded in place, so one bad input never stops a run.
    """
    for source in sources:
        try:
            yield from read_source(source, published=published, settings=settings)
        except IngestError as err:
            yield err
