"""RSS/Atom feeds: entries with content become drafts; bad entries are reported, not lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.helpers.builders import article_html, article_text, rss_feed

from presslens.errors import DecodeError, EmptyInputError, IngestError, UnsupportedFormatError
from presslens.ingest.build import Draft
from presslens.ingest.feeds import fragment_text, iter_feed_drafts, looks_like_feed
from presslens.ingest.files import stream_format_for_path

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Raid in Baku</title><link href="https://wire.example/1"/>
<updated>2025-06-30T12:00:00Z</updated><author><name>A. Writer</name></author>
<summary type="html">&lt;p&gt;Police in Baku detained two people on Monday.&lt;/p&gt;
&lt;p&gt;The ministry said more arrests would follow.&lt;/p&gt;</summary>
</entry></feed>"""


def test_rss_entries_with_full_content_become_drafts_with_metadata() -> None:
    data = rss_feed(
        [
            {"title": "First", "link": "https://news.example/1", "html": article_html(1)},
            {
                "title": "Second",
                "link": "https://news.example/2",
                "summary": article_text(2).split("\n\n")[0],
            },
        ]
    )
    first, second = iter_feed_drafts(data, source="feed.rss")
    assert isinstance(first, Draft) and isinstance(second, Draft)
    assert (first.title, first.url, first.outlet) == ("First", "https://news.example/1", "Example News")
    assert first.metadata_date == dt.date(2025, 7, 2)
    assert first.source == "feed.rss[0]"
    assert "fraud in case number 1001" in first.text
    assert second.text.startswith("Police in Yerevan released 4 people")


def test_atom_summary_html_is_reduced_to_paragraphs() -> None:
    (draft,) = iter_feed_drafts(ATOM, source="wire.atom")
    assert isinstance(draft, Draft)
    assert draft.text.split("\n\n") == [
        "Police in Baku detained two people on Monday.",
        "The ministry said more arrests would follow.",
    ]
    assert (draft.outlet, draft.author, draft.metadata_date) == (
        "Atom Wire",
        "A. Writer",
        dt.date(2025, 6, 30),
    )


def test_an_entry_without_text_is_reported_and_the_others_still_come_out() -> None:
    data = rss_feed(
        [
            {"title": "Empty", "link": "https://news.example/0"},
            {"title": "Full", "link": "https://news.example/1", "html": article_html(1)},
        ]
    )
    empty, full = iter_feed_drafts(data, source="feed.rss")
    assert isinstance(empty, EmptyInputError) and empty.source == "feed.rss[0]"
    assert isinstance(full, Draft)


def test_a_reference_to_half_a_surrogate_pair_is_a_replacement_character_not_the_end_of_the_feed() -> None:
    """feedparser raised UnicodeEncodeError on &#xd800; and the whole feed was lost."""
    data = ATOM.replace(b"Raid in Baku", b"Raid &#xd800; in &#56000; Baku &#x1F600;")
    (draft,) = iter_feed_drafts(data, source="feed.atom")
    assert isinstance(draft, Draft)
    assert draft.title == "Raid \ufffd in \ufffd Baku \U0001f600"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"\x00\x01\x02 not xml at all", DecodeError),
        (b"<rss version='2.0'><channel></channel></rss>", IngestError),
    ],
    ids=["binary", "no-entries"],
)
def test_a_file_that_is_not_a_usable_feed_raises(data: bytes, error: type[IngestError]) -> None:
    with pytest.raises(error):
        list(iter_feed_drafts(data, source="x.rss"))


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("plain words", "plain words"),
        ("<p>One.</p><p>Two <b>bold</b>.</p>", "One.\n\nTwo bold."),
        ("Line one<br>line two", "Line one\n\nline two"),
    ],
)
def test_fragment_text(html: str, text: str) -> None:
    assert fragment_text(html) == text


def test_xml_files_are_feeds_only_when_they_open_like_one(tmp_path: Path) -> None:
    feed, other = tmp_path / "news.xml", tmp_path / "sitemap.xml"
    feed.write_bytes(ATOM)
    other.write_bytes(b"<?xml version='1.0'?><urlset></urlset>")
    assert looks_like_feed(ATOM)
    assert stream_format_for_path(feed) == "feed"
    with pytest.raises(UnsupportedFormatError, match="not an RSS/Atom feed"):
        stream_format_for_path(other)
