"""WARC archives (Common Crawl CC-NEWS style): one Draft per HTML response record.

Only ``response`` (and ``resource``) records whose HTTP ``Content-Type`` is
HTML become articles; requests, ``warcinfo``, ``metadata``, redirects and
non-HTML payloads (images, robots.txt) are skipped quietly, because they are
not articles and a crawl holds many of them. The record's ``WARC-Target-URI``
is the article URL; its ``WARC-Date`` (the crawl date) dates the article only
when the page itself carries no date, with a ``published_from_crawl_date``
flag, since a news page is crawled at or after publication (CC-NEWS crawls
within hours).

A record is named ``file.warc.gz@OFFSET`` (its byte offset, which
``warcio extract file OFFSET`` reads back). Bad input is *yielded* as an
``IngestError`` for that record, and reading goes on:

- a record that cannot be parsed (truncated gzip member, broken headers) —
  the reader resynchronises at the next gzip member (``.warc.gz``, one member
  per record as the WARC standard recommends) or the next ``WARC/1.`` line;
- a page body that is empty, binary, undecodable in its declared charset, or
  larger than ``settings.fetch_max_bytes``.

Reading is streaming: one record in memory at a time, so a multi-GB archive
costs no more memory than its largest page.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from presslens.errors import IngestError
from presslens.ingest.build import Draft
from presslens.ingest.files import decode_html
from presslens.ingest.html import draft_from_html
from presslens.models import Flag

__all__ = ["iter_warc_drafts"]

logger = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
_SCAN_BLOCK = 1 << 20
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DEFAULT_MAX_BYTES = 10_000_000


def _next_record_start(fh: BinaryIO, start: int, *, compressed: bool) -> int | None:
    """The offset of the next record start at or after `start`, scanning in 1 MB blocks."""
    marker = _GZIP_MAGIC if compressed else _WARC_LINE
    pos = start
    while True:
        fh.seek(pos)
        block = fh.read(_SCAN_BLOCK + len(marker))
        if not block:
            return None
        hit = block.find(marker)
        if hit >= 0:
            return pos + hit + (0 if compressed else 1)
        if len(block) <= len(marker):
            return None
        pos += _SCAN_BLOCK


def _skip_blank(fh: BinaryIO, position: int) -> int:
    """The first non-blank byte at or after `position`: where a bad record really starts."""
    fh.seek(position)
    block = fh.read(64)
    return position + (len(block) - len(block.lstrip(b"\r\n")))


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _crawl_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        logger.debug("unreadable WARC-Date %r", value)
        return None


def _with_crawl_date(draft: Draft, crawled: dt.date | None) -> Draft:
    """Date the draft by its crawl when the page gives no date of its own (see module docstring)."""
    if crawled is None or draft.metadata_date is not None or draft.printed_date is not None:
        return draft
    flag = Flag(
        kind="published_from_crawl_date",
        why=f"the page carries no publication date; used the WARC crawl date {crawled.isoformat()}",
    )
    return replace(
        draft, metadata_date=crawled, metadata_date_origin="WARC crawl date", flags=(*draft.flags, flag)
    )


def _is_html_response(record: ArcWarcRecord) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    headers = record.http_headers
    if headers is not None:
        status = headers.get_statuscode()
        if status and not status.startswith("2"):
            return False
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _draft_from_record(record: ArcWarcRecord, body: bytes, *, where: str, max_bytes: int) -> Draft:
    """A Draft from one HTML response record; raises IngestError naming `where`."""
    if len(body) > max_bytes:
        raise IngestError(
            where, f"page body is larger than {max_bytes} bytes (fetch_max_bytes); not analysed"
        )
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers is not None else None) or ""
    html = decode_html(body, where, charset=_charset(content_type))
    url = record.rec_headers.get_header("WARC-Target-URI")
    draft = draft_from_html(html, source=where, url=url)
    crawled = _crawl_date(record.rec_headers.get_header("WARC-Date"))
    return _with_crawl_date(draft, crawled)


def iter_warc_drafts(
    fh: BinaryIO, *, source: str, max_bytes: int = _DEFAULT_MAX_BYTES
) -> Iterator[Draft | IngestError]:
    """Drafts (or per-record errors) from a seekable WARC or WARC.gz stream, in file order."""
    head = fh.read(2)
    compressed = head == _GZIP_MAGIC[:2]
    fh.seek(0)
    position = 0
    while True:
        fh.seek(position)
        iterator = ArchiveIterator(fh, no_record_parse=False)
        try:
            for record in iterator:
                keep = _is_html_response(record)
                body = record.content_stream().read(max_bytes + 1) if keep else b""
                iterator.read_to_end()
                offset, length = iterator.get_record_offset(), iterator.get_record_length()
                position = offset + length
                if not keep:
                    continue
                where = f"{source}@{offset}"
                try:
                    draft: Draft | IngestError = _draft_from_record(
                        record, body, where=where, max_bytes=max_bytes
                    )
                except IngestError as exc:
                    draft = exc
                except Exception as exc:  # extraction failing on one page must not end the archive
                    draft = IngestError(where, f"page could not be extracted ({type(exc).__name__}: {exc})")
                yield draft
            tail = _skip_blank(fh, position)
            fh.seek(0, 2)
            if fh.tell() > tail:  # the iterator stopped before the end: a cut-off last record
                yield IngestError(
                    f"{source}@{tail}",
                    f"truncated WARC record: the last {fh.tell() - tail} bytes of the archive are unreadable",
                )
            return
        except Exception as exc:  # a corrupt archive raises anything from zlib to header parsing
            position = _skip_blank(fh, position)
            where = f"{source}@{position}"
            logger.info("corrupt WARC record at %s: %s", where, exc)
            yield IngestError(
                where, f"corrupt WARC record ({type(exc).__name__}: {exc}); skipped to the next"
            )
            resume = _next_record_start(fh, position + 1, compressed=compressed)
            if resume is None:
                return
            position = resume
