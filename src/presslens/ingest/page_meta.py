"""Reading the metadata lines of a scraped page header.

Scrapers copy a page's header into the text as lines such as
``02 July 11190 8 minutes``, ``By Jane Doe | 3 March 2024 | 5 min read`` or
``Updated: 14:02, 5 May``. A line counts as metadata only when *all* of it is
made of recognised pieces — dates, clock times, a byline, a view counter, a
reading time, engagement counters, label words ("Updated", "Published") and
separators — so a body sentence that merely mentions a date is never taken.

A bare number left over in such a line ("11190" above) is read as a view
count: dump layouts print the counter next to an eye icon that the scraper
drops, and no other header field is a bare integer. The word lists live in
``resources/ingest_words.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from presslens.ingest.dates import PrintedDate, find_printed_dates
from presslens.resources import read_tsv

__all__ = ["MetaLine", "parse_count", "parse_meta_line", "words_of_kind"]

_SEGMENT_SPLIT = re.compile(r"\s*(?:[|·•]|\s[-–—/]\s)\s*")
_MAX_META_CHARS = 200  # the longest header line seen in dumps is well under this
_COUNT = r"\d[\d,.\u202f\u00a0]*\s?[kKmM]?"


@dataclass(frozen=True, slots=True)
class MetaLine:
    """What one header metadata line says (None: the line does not say it)."""

    printed_date: PrintedDate | None = None
    views: int | None = None
    reading_time_minutes: int | None = None
    author: str | None = None


@cache
def words_of_kind(kind: str) -> tuple[str, ...]:
    """The words of one kind from ``ingest_words.tsv``, longest first (for regex alternation)."""
    words = {row[1] for row in read_tsv("ingest_words.tsv") if row[0] == kind}
    return tuple(sorted(words, key=len, reverse=True))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    alt = {
        kind: _alternation(words_of_kind(kind))
        for kind in (
            "views_unit",
            "counter_unit",
            "reading_unit",
            "reading_word",
            "byline",
            "updated_label",
            "published_label",
            "connector",
            "weekday",
        )
    }
    name_word = r"[A-Z][\w.'’-]*"
    return {
        "reading": re.compile(
            rf"(?:\b(?:{alt['reading_word']})\s*:?\s*)?\b(?P<n>\d{{1,3}})\s*-?\s*(?:{alt['reading_unit']})\b\.?"
            rf"(?:\s+(?:{alt['reading_word']})\b)?",
            re.IGNORECASE,
        ),
        "views": re.compile(
            rf"\b(?P<n>{_COUNT})\s*(?:{alt['views_unit']})\b|\b(?:{alt['views_unit']})\s*:?\s*(?P<m>{_COUNT})",
            re.IGNORECASE,
        ),
        "counter": re.compile(rf"\b{_COUNT}\s*(?:{alt['counter_unit']})\b", re.IGNORECASE),
        "time": re.compile(
            r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[+-]\d{2}:?\d{2}))?", re.IGNORECASE
        ),
        "byline": re.compile(
            rf"^(?:{alt['byline']})\s*:?\s+(?P<name>{name_word}(?:\s+(?:{name_word}|and|&|de|van|von|al|bin)){{0,5}})$",
            re.IGNORECASE,
        ),
        "updated": re.compile(rf"\b(?:{alt['updated_label']})\b", re.IGNORECASE),
        "label": re.compile(
            rf"\b(?:{alt['updated_label']}|{alt['published_label']}|{alt['connector']}|{alt['weekday']}|"
            rf"{alt['reading_word']})\b\.?",
            re.IGNORECASE,
        ),
    }


def parse_count(text: str) -> int | None:
    """A printed counter as an integer: "11190", "11,190", "1.2K", "3M" (None if it is not one)."""
    cleaned = re.sub(r"[\s\u202f\u00a0]", "", text)
    multiplier = 1
    if cleaned[-1:].lower() in {"k", "m"}:
        multiplier = 1000 if cleaned[-1].lower() == "k" else 1_000_000
        cleaned = cleaned[:-1]
        try:
            return round(float(cleaned.replace(",", ".")) * multiplier)
        except ValueError:
            return None
    digits = cleaned.replace(",", "").replace(".", "")
    return int(digits) if digits.isdecimal() else None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def parse_meta_line(line: str) -> MetaLine | None:
    """The metadata of `line` if the whole line is header metadata, else None."""
    if len(line) > _MAX_META_CHARS:
        return None  # a paragraph, not a header line; skip the regex work
    pats = _patterns()
    date: PrintedDate | None = None
    views = reading = None
    author = None
    pieces = 0
    bare_numbers: list[int] = []
    for segment in _SEGMENT_SPLIT.split(line.strip()):
        if not segment:
            continue
        byline = pats["byline"].match(segment.strip())
        if byline:
            author = author or byline["name"].strip()
            pieces += 1
            continue
        rest = segment
        for found, start, end in find_printed_dates(rest):
            updated = bool(pats["updated"].search(rest[max(0, start - 25) : start]))
            found = PrintedDate(found.text, found.day, found.month, found.year, updated)
            if date is None or (date.updated and not found.updated):
                date = found
            rest = _blank(rest, start, end)
            pieces += 1
        for name in ("reading", "views", "counter", "time"):
            for match in pats[name].finditer(rest):
                pieces += 1
                if name == "reading" and reading is None:
                    reading = int(match["n"])
                elif name == "views" and views is None:
                    views = parse_count(match["n"] or match["m"])
            rest = pats[name].sub(" ", rest)
        rest = pats["label"].sub(" ", rest)
        for token in re.findall(r"[^\s,;:()\[\]]+", rest):
            if not any(ch.isalnum() for ch in token):
                continue  # a separator or icon the segment split left behind
            count = parse_count(token) if token[0].isdecimal() else None
            if count is None:
                return None  # something that is not metadata: a heading or a sentence
            bare_numbers.append(count)
    if pieces == 0 or len(bare_numbers) > 1:
        return None
    if bare_numbers and views is None:
        views = bare_numbers[0]
    return MetaLine(printed_date=date, views=views, reading_time_minutes=reading, author=author)
