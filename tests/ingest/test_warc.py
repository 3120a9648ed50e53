"""WARC reading: HTML responses only, crawl dates, and every bad record reported, none lost."""

from __future__ import annotations

import io

import pytest
from tests.helpers.builders import article_html, corrupt, warc_record_bytes

from presslens.errors import IngestError
from presslens.ingest.build import Draft
from presslens.ingest.warc import iter_warc_drafts


def _read(data: bytes, **kwargs) -> list[Draft | IngestError]:
    return list(iter_warc_drafts(io.BytesIO(data), source="crawl.warc.gz", **kwargs))


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_drafts_with_url_and_other_records_are_skipped(gzip: bool) -> None:
    data = b"".join(
        [
            warc_record_bytes(
                gzip, "https://news.example/warcinfo", b"software: test", record_type="warcinfo"
            ),
            warc_record_bytes(gzip, "https://news.example/a", article_html(1).encode()),
            warc_record_bytes(
                gzip, "https://news.example/logo.png", b"\x89PNG\r\n", content_type="image/png"
            ),
            warc_record_bytes(gzip, "https://news.example/gone", b"<html>moved</html>", status="301 Moved"),
            warc_record_bytes(gzip, "https://news.example/b", article_html(2).encode()),
        ]
    )
    drafts = _read(data)
    assert [type(d) for d in drafts] == [Draft, Draft]
    assert [d.url for d in drafts] == ["https://news.example/a", "https://news.example/b"]
    assert drafts[0].source.startswith("crawl.warc.gz@")
    assert "Police in Moscow questioned 3 people" in drafts[0].text


def test_crawl_date_dates_a_page_without_its_own_date() -> None:
    data = warc_record_bytes(True, "https://news.example/a", article_html(1).encode())
    (draft,) = _read(data)
    assert draft.metadata_date is not None and draft.metadata_date.isoformat() == "2025-07-02"
    assert [f.kind for f in draft.flags] == ["published_from_crawl_date"]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_corrupt_record_is_reported_and_the_records_after_it_still_come_out(gzip: bool) -> None:
    good = [warc_record_bytes(gzip, f"https://news.example/{i}", article_html(i).encode()) for i in range(4)]
    bad = warc_record_bytes(gzip, "https://news.example/bad", article_html(9).encode())
    # gzip: a damaged member; plain WARC: a damaged header line
    bad = corrupt(bad) if gzip else bad.replace(b"WARC/1.", b"WARX/1.", 1)
    data = good[0] + good[1] + bad + good[2] + good[3]
    items = _read(data)
    errors = [i for i in items if isinstance(i, IngestError)]
    drafts = [i for i in items if isinstance(i, Draft)]
    assert len(errors) == 1
    assert errors[0].source == f"crawl.warc.gz@{len(good[0]) + len(good[1])}"
    assert "corrupt WARC record" in errors[0].problem
    assert [d.url for d in drafts] == [f"https://news.example/{i}" for i in range(4)]


@pytest.mark.parametrize(
    ("body", "content_type", "problem"),
    [
        (b"", "text/html", "empty"),
        (b"   \n  ", "text/html", "empty"),
        ("<html><body><p>caf\u00e9</p></body></html>".encode("utf-16"), "text/html", "binary"),
        (
            b"<html><body><p>na\xefve \xff\xfe</p></body></html>",
            "text/html; charset=utf-8",
            "not valid utf-8",
        ),
    ],
    ids=["empty", "blank", "binary", "undecodable"],
)
def test_bad_page_bodies_are_reported_per_record(body: bytes, content_type: str, problem: str) -> None:
    data = warc_record_bytes(True, "https://news.example/x", body, content_type=content_type)
    data += warc_record_bytes(True, "https://news.example/ok", article_html(3).encode())
    first, second = _read(data)
    assert isinstance(first, IngestError) and problem in first.problem.lower()
    assert isinstance(second, Draft)


def test_a_page_over_the_byte_limit_is_reported_not_read() -> None:
    data = warc_record_bytes(True, "https://news.example/huge", article_html(1).encode() + b" " * 5000)
    (item,) = _read(data, max_bytes=1000)
    assert isinstance(item, IngestError) and "larger than 1000 bytes" in item.problem


def test_a_truncated_archive_reports_the_tail_and_keeps_what_came_before() -> None:
    first = warc_record_bytes(True, "https://news.example/a", article_html(1).encode())
    second = warc_record_bytes(True, "https://news.example/b", article_html(2).encode())
    items = _read(first + second[: len(second) // 2])
    assert isinstance(items[0], Draft)
    assert [type(i) for i in items[1:]] == [IngestError]
