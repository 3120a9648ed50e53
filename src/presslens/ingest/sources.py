"""Reading one named input — a file, a directory or an http(s) URL — into Articles.

A problem with the whole source (missing file, binary or undecodable content,
empty input, unsupported format, failed fetch) is *raised* when ``read_source``
is called; a problem with one record of a batch (a bad JSON line, a record
without a body) or one file of a directory is *yielded* as an ``IngestError``
in the stream, and the rest still comes out.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

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

__all__ = ["article_from_text", "read_file", "read_source", "record_stream_format"]

logger = logging.getLogger(__name__)

_RECORD_FORMATS = frozenset({"json", "jsonl"})
_JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _drafts_from_bytes(
    data: bytes,
    fmt: str | None,
    *,
    source: str,
    charset: str | None = None,
    url: str | None = None,
    fields: Mapping[str, str] | None = None,
) -> Iterable[Draft | IngestError]:
    """Decode `data` as `fmt` (sniffed when None) and read it into drafts."""
    unknown = fmt is None
    if fmt is None:
        fmt = sniff_format(data[:1024].decode("latin-1"))
    if fmt == "html":
        return [draft_from_html(decode_html(data, source, charset=charset), source=source, url=url)]
    if fmt == "jsonl":  # decoded line by line: one bad line is one bad record
        return iter_jsonl_drafts(BytesIO(data), source=source, fields=fields)
    text = decode_text(data, source, unknown_format=unknown, charset=charset)
    if fmt == "json":
        return iter_json_drafts(text, source=source, fields=fields)
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
    fields: Mapping[str, str] | None = None,
) -> Iterator[Article | IngestError]:
    drafts = _drafts_from_bytes(data, fmt, source=source, charset=charset, url=url, fields=fields)
    if fmt in _RECORD_FORMATS or isinstance(drafts, Iterator):
        return finish_drafts(drafts, published=published, settings=settings, today=today)
    # a single-article source: finish now, so that its problems raise from read_source itself
    return iter([finish_article(d, published=published, settings=settings, today=today) for d in drafts])


def _stream_drafts(
    path: Path, fmt: str, settings: Settings, fields: Mapping[str, str] | None, opened: BinaryIO | None
) -> Iterator[Draft | IngestError]:
    """Records of an archive, feed, table or JSON Lines file, read one at a time from the open file."""
    from presslens.ingest import feeds, tables, warc

    if fmt == "feed":
        yield from feeds.iter_feed_drafts(read_bytes(path), source=str(path))
        return
    with ExitStack() as stack:
        fh = opened if opened is not None else stack.enter_context(path.open("rb"))
        if fmt == "warc":
            yield from warc.iter_warc_drafts(fh, source=str(path), max_bytes=settings.fetch_max_bytes)
        elif fmt == "jsonl":
            yield from iter_jsonl_drafts(fh, source=str(path), fields=fields)
        else:
            yield from tables.iter_parquet_table(fh, source=str(path), fields=fields)


def record_stream_format(path: Path) -> str | None:
    """ "jsonl", "warc", "feed" or "parquet" for a file read record by record, else None."""
    return "jsonl" if path.suffix.lower() in _JSONL_SUFFIXES else stream_format_for_path(path)


def read_file(
    path: Path,
    *,
    published: dt.date | None,
    settings: Settings,
    today: dt.date | None,
    fields: Mapping[str, str] | None = None,
    opened: BinaryIO | None = None,
) -> Iterator[Article | IngestError]:
    """The articles (and record errors) of one file; whole-file problems raise IngestError.

    `opened`: the file, already open in binary mode, for a caller that follows
    the reading position of a record-stream file (``record_stream_format``).
    """
    stream = record_stream_format(path)
    if stream is not None:
        drafts = _stream_drafts(path, stream, settings, fields, opened)
        return finish_drafts(drafts, published=published, settings=settings, today=today)
    fmt = format_for_path(path)
    return _read_one(
        str(path), fmt, read_bytes(path), published=published, settings=settings, today=today, fields=fields
    )


def _read_directory(
    files: list[Path],
    *,
    published: dt.date | None,
    settings: Settings,
    today: dt.date | None,
    fields: Mapping[str, str] | None,
) -> Iterator[Article | IngestError]:
    for path in files:
        try:
            yield from read_file(path, published=published, settings=settings, today=today, fields=fields)
        except IngestError as exc:
            logger.info("skipped file: %s", exc)
            yield exc


def read_source(
    source: str | os.PathLike[str],
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
    today: dt.date | None = None,
    fields: Mapping[str, str] | None = None,
) -> Iterator[Article | IngestError]:
    """Articles from a file, a directory (supported files, sorted, recursively) or an http(s) URL.

    `published` (the CLI's ``--published``) overrides any date found in the
    input; `today` anchors dates printed without a year (default: today);
    `fields` maps record fields to the columns of JSON, JSON Lines and Parquet
    records (``records.parse_field_map``).
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
            fields=fields,
        )
    path = Path(name)
    if path.is_dir():
        files = list(iter_directory(path))
        if not files:
            raise EmptyInputError(
                name, f"the directory has no files with a supported extension ({supported_list()})"
            )
        return _read_directory(files, published=published, settings=settings, today=today, fields=fields)
    if not path.exists():
        raise InputNotFoundError(
            name, "file not found; expected an existing file, a directory or an http(s) URL"
        )
    return read_file(path, published=published, settings=settings, today=today, fields=fields)


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
