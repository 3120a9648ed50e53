"""Publication dates: reading what a page prints and deciding which date wins.

Three kinds of evidence can date an article, and they are trusted in this order:

1. the date the caller supplies (``published=``, the CLI's ``--published``);
2. a date from the record or the page metadata (a JSON ``published`` field,
   the HTML metadata that trafilatura/htmldate read);
3. the date printed in the scraped page header ("02 July", "3 March 2024").

A printed date often lacks its year. When a supplied/metadata date exists it
decides; otherwise the year is the one that makes the date the most recent
such day not after ``today`` (a page is read after it is published), and a
``date_year_assumed`` flag says so. When a supplied date disagrees with the
printed day and month the supplied one is kept and ``published_date_mismatch``
is flagged, so a reader can check which is right.

Printed dates are read with a small regex grammar over the English month names
in ``resources/ingest_words.tsv`` rather than dateparser: header lines mix dates
with counters ("02 July 11190 8 minutes") that dateparser's search mode
misreads, and the grammar reports exactly which characters were the date.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from dataclasses import dataclass
from functools import cache

from presslens.models import Flag
from presslens.resources import read_tsv

__all__ = [
    "DateResolution",
    "PrintedDate",
    "find_printed_dates",
    "month_numbers",
    "parse_date_value",
    "resolve_published",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A date as a page prints it; `year` is None when the page leaves it out."""

    text: str
    day: int
    month: int
    year: int | None = None
    updated: bool = False  # printed after an "Updated"/"Modified" label


@dataclass(frozen=True, slots=True)
class DateResolution:
    """The publication date chosen from the evidence, with flags explaining doubts."""

    published: dt.date | None
    flags: tuple[Flag, ...] = ()


@cache
def month_numbers() -> dict[str, int]:
    """English month names and abbreviations (lower case) to month numbers."""
    return {row[1]: int(row[2]) for row in read_tsv("ingest_words.tsv") if row[0] == "month"}


@cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    months = "|".join(sorted(month_numbers(), key=len, reverse=True))
    suffix = r"(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
    return (
        re.compile(
            r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b"
        ),
        re.compile(
            rf"\b(?P<day>\d{{1,2}}){suffix}\s+(?:of\s+)?(?P<month>{months})\b\.?{year}(?!\d)", re.IGNORECASE
        ),
        re.compile(rf"\b(?P<month>{months})\b\.?\s+(?P<day>\d{{1,2}}){suffix}\b{year}(?!\d)", re.IGNORECASE),
    )


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February is a valid printed date
    except ValueError:
        return False
    return True


def find_printed_dates(text: str) -> list[tuple[PrintedDate, int, int]]:
    """Every calendar date printed in `text`, with its start and end offsets.

    Matches do not overlap; an impossible date ("31 February") is not a date.
    """
    found: list[tuple[PrintedDate, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _date_patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            month_text = match["month"]
            month = int(month_text) if month_text.isdecimal() else month_numbers()[month_text.lower()]
            year = int(match["year"]) if match["year"] else None
            day = int(match["day"])
            if not _valid(year, month, day):
                continue
            taken.append((start, end))
            found.append(
                (PrintedDate(text=match.group(0).strip(), day=day, month=month, year=year), start, end)
            )
    found.sort(key=lambda item: item[1])
    return found


def parse_date_value(value: str | dt.date) -> dt.date:
    """A record's date field (ISO date/datetime, RFC 2822, or plain English) as a date.

    Raises ValueError naming the accepted forms. ISO 8601 comes first because
    JSON exports use it; RFC 2822 is what RSS ``pubDate`` holds; dateparser
    (English only, which keeps it fast) takes the rest.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        raise ValueError("empty date")
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only needed for unusual date strings

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        raise ValueError(
            f"{text!r} is not a date; expected ISO 8601 such as 2025-07-02 or 2025-07-02T10:00:00Z"
        )
    return parsed.date()


def _assume_year(printed: PrintedDate, today: dt.date) -> dt.date:
    """The most recent date with the printed day and month that is not after `today`."""
    year = today.year
    while True:
        try:
            candidate = dt.date(year, printed.month, printed.day)
        except ValueError:  # 29 February in a common year
            year -= 1
            continue
        if candidate <= today:
            return candidate
        year -= 1


def resolve_published(
    *,
    supplied: dt.date | None = None,
    metadata: dt.date | None = None,
    printed: PrintedDate | None = None,
    today: dt.date | None = None,
    metadata_origin: str = "record metadata",
) -> DateResolution:
    """Choose the publication date: supplied > metadata > printed (see the module docstring)."""
    today = today or dt.date.today()
    reference, origin = (supplied, "supplied date") if supplied else (metadata, metadata_origin)
    if reference is not None:
        flags: list[Flag] = []
        if printed is not None and (
            (printed.day, printed.month) != (reference.day, reference.month)
            or (printed.year is not None and printed.year != reference.year)
        ):
            flags.append(
                Flag(
                    kind="published_date_mismatch",
                    why=f"the page prints {printed.text!r} but the {origin} is {reference.isoformat()}; "
                    f"kept the {origin}",
                )
            )
        return DateResolution(reference, tuple(flags))
    if printed is None:
        return DateResolution(None)
    if printed.year is not None:
        return DateResolution(dt.date(printed.year, printed.month, printed.day))
    assumed = _assume_year(printed, today)
    why = (
        f"the page prints {printed.text!r} without a year; assumed {assumed.year}, the most recent such "
        f"date not after {today.isoformat()}; pass published= (--published) to set it"
    )
    logger.debug("year assumed for %r: %s", printed.text, assumed)
    return DateResolution(assumed, (Flag(kind="date_year_assumed", why=why),))
