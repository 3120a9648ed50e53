"""Publication date resolution: supplied > metadata > printed, year assumption, mismatch."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.ingest import article_from_text
from presslens.ingest.dates import PrintedDate, find_printed_dates, parse_date_value, resolve_published

TODAY = dt.date(2025, 9, 1)
DUMP = (
    "Border talks collapse\n02 July 11190 8 minutes\n"
    "Talks between the two delegations collapsed on Tuesday after neither side would move on the border.\n"
)


@pytest.mark.parametrize(
    ("text", "day", "month", "year"),
    [
        ("02 July", 2, 7, None),
        ("3 March 2024", 3, 3, 2024),
        ("March 3, 2024", 3, 3, 2024),
        ("Sept. 14", 14, 9, None),
        ("2025-07-02T10:00:00Z", 2, 7, 2025),
        ("1st of May", 1, 5, None),
    ],
)
def test_printed_dates(text: str, day: int, month: int, year: int | None) -> None:
    [(found, _, _)] = find_printed_dates(f"x {text} y")
    assert (found.day, found.month, found.year) == (day, month, year)


@pytest.mark.parametrize("text", ["31 February", "11190 8 minutes", "may we", "July 11190"])
def test_not_dates(text: str) -> None:
    assert find_printed_dates(text) == []


@pytest.mark.parametrize(
    ("printed", "today", "expected"),
    [
        (PrintedDate("02 July", 2, 7), dt.date(2025, 9, 1), dt.date(2025, 7, 2)),
        (PrintedDate("02 July", 2, 7), dt.date(2025, 7, 2), dt.date(2025, 7, 2)),
        (PrintedDate("30 December", 30, 12), dt.date(2026, 1, 3), dt.date(2025, 12, 30)),
        (PrintedDate("29 February", 29, 2), dt.date(2025, 9, 1), dt.date(2024, 2, 29)),
    ],
)
def test_year_assumed_is_most_recent_not_after_today(printed, today, expected) -> None:
    resolution = resolve_published(printed=printed, today=today)
    assert resolution.published == expected
    assert [f.kind for f in resolution.flags] == ["date_year_assumed"]
    assert resolution.flags[0].evidence is None


def test_supplied_date_wins_without_flags_when_it_agrees() -> None:
    article = article_from_text(DUMP, published=dt.date(2025, 7, 2), today=TODAY)
    assert article.published == dt.date(2025, 7, 2)
    assert article.published_as_printed == "02 July"
    assert article.flags == ()


def test_supplied_date_disagreeing_with_page_is_kept_and_flagged() -> None:
    article = article_from_text(DUMP, published=dt.date(2025, 7, 5), today=TODAY)
    assert article.published == dt.date(2025, 7, 5)
    assert [f.kind for f in article.flags] == ["published_date_mismatch"]
    assert "02 July" in article.flags[0].why


def test_printed_date_without_supplied_date_assumes_year() -> None:
    article = article_from_text(DUMP, today=TODAY)
    assert article.published == dt.date(2025, 7, 2)
    assert [f.kind for f in article.flags] == ["date_year_assumed"]


def test_metadata_date_beats_printed_date() -> None:
    resolution = resolve_published(
        metadata=dt.date(2024, 7, 2), printed=PrintedDate("02 July", 2, 7), today=TODAY
    )
    assert resolution.published == dt.date(2024, 7, 2)
    assert resolution.flags == ()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-07-02", dt.date(2025, 7, 2)),
        ("2025-07-02T23:10:00Z", dt.date(2025, 7, 2)),
        ("Wed, 02 Jul 2025 10:00:00 GMT", dt.date(2025, 7, 2)),
        ("2 July 2025", dt.date(2025, 7, 2)),
    ],
)
def test_parse_date_value(value: str, expected: dt.date) -> None:
    assert parse_date_value(value) == expected


def test_parse_date_value_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_date_value("soon")
