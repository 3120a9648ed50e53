"""Builders for batch and ingest test corpora: synthetic articles, WARC, feeds, Parquet.

Everything is made in the test's tmp_path from fixed templates (no network, no
shared data), so counts are exact and runs are deterministic.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# The `today` batch tests run with, so dates printed without a year resolve the same every day.
TODAY = dt.date(2025, 7, 3)

_CITIES = ("Baku", "Moscow", "Yerevan", "Tbilisi", "Ankara", "Kyiv", "Warsaw", "Berlin")
_ACTIONS = ("detained", "questioned", "released", "summoned")


def article_text(i: int) -> str:
    """A short, unique, news-like article (two paragraphs)."""
    city, action = _CITIES[i % len(_CITIES)], _ACTIONS[i % len(_ACTIONS)]
    return (
        f"Police in {city} {action} {i + 2} people on Monday, the Interior Ministry said.\n\n"
        f"According to local media, the ministry accused the group of fraud in case number {1000 + i}. "
        f"Officials in {city} said the investigation would continue."
    )


def article_html(i: int, *, title: str | None = None) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in article_text(i).split("\n\n"))
    return (
        f"<html><head><title>{title or f'Report {i}'}</title></head>"
        f"<body><article><h1>{title or f'Report {i}'}</h1>{paragraphs}</article></body></html>"
    )


def write_jsonl(path: Path, records: list[dict | str | bytes]) -> Path:
    """One line per record: dicts as JSON, str/bytes written as they are (for bad lines)."""
    with path.open("wb") as fh:
        for record in records:
            if isinstance(record, dict):
                line = json.dumps(record, ensure_ascii=False).encode("utf-8")
            elif isinstance(record, str):
                line = record.encode("utf-8")
            else:
                line = record
            fh.write(line + b"\n")
    return path


def warc_record_bytes(
    writer_gzip: bool,
    url: str,
    body: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    record_type: str = "response",
    date: str = "2025-07-02T10:00:00Z",
) -> bytes:
    """The bytes of one WARC record (one gzip member when `writer_gzip`)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=writer_gzip)
    if record_type == "response":
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
    else:
        record = writer.create_warc_record(url, record_type, payload=io.BytesIO(body))
    writer.write_record(record)
    return out.getvalue()


def write_warc(path: Path, records: list[bytes]) -> Path:
    path.write_bytes(b"".join(records))
    return path


def corrupt(member: bytes) -> bytes:
    """A record whose bytes are damaged in the middle (gzip CRC/stream or header errors)."""
    middle = len(member) // 2
    return member[:middle] + b"\x00garbage\xff" * 4 + member[middle + 40 :]


def rss_feed(entries: list[dict]) -> bytes:
    items = []
    for e in entries:
        content = f"<content:encoded><![CDATA[{e['html']}]]></content:encoded>" if e.get("html") else ""
        summary = f"<description>{e['summary']}</description>" if e.get("summary") else ""
        items.append(
            f"<item><title>{e['title']}</title><link>{e['link']}</link>"
            f"<pubDate>{e.get('date', 'Wed, 02 Jul 2025 08:00:00 GMT')}</pubDate>{summary}{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Example News</title><link>https://news.example</link>{''.join(items)}"
        "</channel></rss>"
    ).encode()
