"""Finishing an article: the steps every input kind shares.

Each reader (text dump, HTML, JSON record, URL) produces a ``Draft`` — the body
and whatever metadata its format carries. ``finish_article`` then applies the
same rules to all of them, so an article reads the same whatever it came from:
date resolution (``dates``), truncation to ``settings.max_text_chars``, language
detection and the content-derived id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from presslens.errors import EmptyInputError, IngestError
from presslens.ingest.dates import PrintedDate, resolve_published
from presslens.ingest.language import detect_language
from presslens.models import Article, Flag
from presslens.settings import Settings

__all__ = ["Draft", "TruncatedText", "article_id", "finish_article", "finish_drafts", "truncate_text"]

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s")
_MIN_KEPT_SHARE = 0.5  # cut at a boundary only when it keeps at least half the allowed length


@dataclass(frozen=True, slots=True)
class Draft:
    """An article as one reader sees it, before the shared finishing steps."""

    text: str
    source: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    section: str | None = None
    metadata_date: dt.date | None = None
    metadata_date_origin: str = "record metadata"
    printed_date: PrintedDate | None = None
    views: int | None = None
    reading_time_minutes: int | None = None
    subheadings: tuple[str, ...] = ()
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True, slots=True)
class TruncatedText:
    text: str
    truncated: bool
    original_length: int


def article_id(text: str) -> str:
    """A stable id for an article without one: the first 16 hex digits of sha256(text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def truncate_text(text: str, limit: int) -> TruncatedText:
    """`text` cut to at most `limit` characters, at a paragraph, else sentence, else word boundary."""
    if len(text) <= limit:
        return TruncatedText(text, False, len(text))
    window = text[: limit + 1]
    floor = int(limit * _MIN_KEPT_SHARE)
    cut = window.rfind("\n\n")
    if cut < floor:
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else -1
    if cut < floor:
        cut = window.rfind(" ")
    if cut < floor:
        cut = limit
    return TruncatedText(text[:cut].rstrip(), True, len(text))


def finish_article(
    draft: Draft, *, published: dt.date | None, settings: Settings, today: dt.date | None
) -> Article:
    """Resolve the date, truncate, detect the language and assign the id.

    Raises EmptyInputError when nothing of the body is left.
    """
    if not draft.text.strip():
        raise EmptyInputError(draft.source, "no article text left after removing page furniture")
    flags = list(draft.flags)
    dates = resolve_published(
        supplied=published,
        metadata=draft.metadata_date,
        printed=draft.printed_date,
        today=today,
        metadata_origin=draft.metadata_date_origin,
    )
    flags.extend(dates.flags)
    cut = truncate_text(draft.text.strip(), settings.max_text_chars)
    if cut.truncated:
        flags.append(
            Flag(
                kind="text_truncated",
                why=f"the body has {cut.original_length} characters; kept the first {len(cut.text)} "
                f"(max_text_chars = {settings.max_text_chars}), cut at a paragraph or sentence boundary",
            )
        )
    return Article(
        id=draft.id or article_id(cut.text),
        text=cut.text,
        source=draft.source,
        title=draft.title,
        url=draft.url,
        outlet=draft.outlet,
        author=draft.author,
        section=draft.section,
        published=dates.published,
        published_as_printed=draft.printed_date.text if draft.printed_date else None,
        views=draft.views,
        reading_time_minutes=draft.reading_time_minutes,
        subheadings=draft.subheadings,
        language=detect_language(cut.text, min_chars=settings.min_language_chars),
        flags=tuple(f.from_ingest() for f in flags),
    )


def finish_drafts(
    drafts: Iterable[Draft | IngestError],
    *,
    published: dt.date | None,
    settings: Settings,
    today: dt.date | None,
) -> Iterator[Article | IngestError]:
    """Finish each draft of a multi-record source; a bad record comes back as its error.

    Whatever a record holds, it costs only itself: an unexpected failure on one (a value no
    step foresaw) is that record's error too, never the end of the file.
    """
    for draft in drafts:
        if isinstance(draft, IngestError):
            yield draft
            continue
        try:
            yield finish_article(draft, published=published, settings=settings, today=today)
        except IngestError as exc:
            yield exc
        except Exception as exc:  # one record's surprise must not lose the rest
            yield IngestError(draft.source, f"could not be read ({type(exc).__name__}: {str(exc)[:200]})")
