"""Cleaning plain text and scraped page-text dumps.

A "dump" is what a scraper gets by taking the visible text of a news page line
by line: the title, a section label, icons that became lone symbols, a header
line of date/views/reading time, the body with its sub-headings, and the
navigation that follows. This module separates them with *line-shape* rules
plus the lexicons in ``resources/ingest_furniture.tsv`` and
``resources/ingest_words.tsv`` — never with a particular site's strings:

- a **paragraph** is a line that ends a sentence and has at least 6 words, or
  has 25+ words (jusText's observation that body text is long and punctuated,
  Pomikálek 2011); the header is everything before the first paragraph;
- **furniture** is a line without a letter or digit (icons: ``−``, ``•``), a
  lone counter, a line made only of furniture phrases ("Share", "Tweet",
  "Read more"), or a caption/tag line opening with a furniture prefix;
- a **metadata line** is one made entirely of dates, bylines, counters and
  reading times (see ``page_meta``);
- the **title** is the first header line shaped like a heading (≤ 25 words, not
  ending in a period), the **section** a 1–3 word label just before or after it;
- a **sub-heading** is a short heading-shaped line between body paragraphs
  (≤ 15 words, no closing period, not ending in a function word such as
  "the" — which is how a hard-wrapped prose line ends).

Plain prose has no header and no furniture, so it passes through unchanged:
a first line that is a long sentence ending in a period is body, not a title.
Paragraphs are joined by a blank line; lines wrapped inside one paragraph keep
their single newline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from presslens.ingest.build import Draft
from presslens.ingest.dates import PrintedDate
from presslens.ingest.page_meta import MetaLine, parse_meta_line, words_of_kind
from presslens.resources import read_tsv

__all__ = ["PageText", "draft_from_page_text", "is_furniture", "parse_page_text"]

_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]」』]*$")
_NO_HEADING_END = re.compile(r"[.,;:。、，；：][\"'”’»)\]」』]*$")
_BULLET = re.compile(r"^[-*•–—>]\s")
_COUNTER = re.compile(r"[\d\s.,]+[kKmM]?")
_PARAGRAPH_MIN_WORDS = 6  # "He denied it." is a sentence but too short to start a body
_LONG_LINE_WORDS = 25  # longer than any headline: body even without a closing period
_HEADING_MAX_WORDS = 15
_SECTION_MAX_WORDS = 3
_MENU_RUN = 3  # this many 1-3 word lines in a row outside the body are a menu


@dataclass(frozen=True, slots=True)
class PageText:
    """A cleaned dump: body paragraphs plus the header metadata recovered from it."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    section: str | None = None
    author: str | None = None
    printed_date: PrintedDate | None = None
    views: int | None = None
    reading_time_minutes: int | None = None
    subheadings: tuple[str, ...] = ()
    removed: tuple[str, ...] = field(default=(), repr=False)

    @property
    def text(self) -> str:
        """The body: paragraphs (sub-headings included, title not) joined by a blank line."""
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class _Line:
    text: str
    block: int  # index of the blank-line-separated block the line sits in
    heading: bool = False


@dataclass(slots=True)
class _Meta:
    """Header metadata as it accumulates; the first value seen wins."""

    date: PrintedDate | None = None
    views: int | None = None
    reading: int | None = None
    author: str | None = None

    def add(self, meta: MetaLine) -> None:
        if meta.printed_date and (self.date is None or (self.date.updated and not meta.printed_date.updated)):
            self.date = meta.printed_date
        self.views = self.views if self.views is not None else meta.views
        self.reading = self.reading if self.reading is not None else meta.reading_time_minutes
        self.author = self.author or meta.author


@cache
def _furniture_lexicon() -> tuple[re.Pattern[str], tuple[str, ...]]:
    rows = read_tsv("ingest_furniture.tsv")
    phrases = sorted({r[0].casefold() for r in rows if r[1] == "line"}, key=len, reverse=True)
    prefixes = tuple(r[0].casefold() for r in rows if r[1] == "prefix")
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), prefixes


def _word_count(line: str) -> int:
    """Words, estimated from length for scripts written without spaces (an English word is ~6 characters)."""
    return max(len(line.split()), len(line) // 6)


def _is_paragraph(line: str) -> bool:
    words = _word_count(line)
    return words >= _LONG_LINE_WORDS or (words >= _PARAGRAPH_MIN_WORDS and bool(_TERMINAL.search(line)))


def is_furniture(line: str) -> bool:
    """Whether a whole line is page chrome (icons, counters, nav/share labels, captions, tags)."""
    stripped = line.strip()
    if not any(ch.isalnum() for ch in stripped) or _COUNTER.fullmatch(stripped):
        return True
    folded = stripped.casefold()
    phrase_re, prefixes = _furniture_lexicon()
    if not _is_paragraph(stripped):
        for prefix in prefixes:
            if folded.startswith(prefix) and not folded[len(prefix) : len(prefix) + 1].isalnum():
                return True
    residue, hits = phrase_re.subn(" ", folded)
    residue = re.sub(r"\(?\d[\d,.]*[km]?\)?", " ", residue)  # "Comments (12)", "Share 34"
    return hits > 0 and not any(ch.isalnum() for ch in residue)


def _heading_shaped(line: str, max_words: int = _HEADING_MAX_WORDS) -> bool:
    """Short, unpunctuated at the end, not opening in lower case, not ending in a function word."""
    words = line.split()
    if not words or _word_count(line) > max_words or _NO_HEADING_END.search(line) or _BULLET.match(line):
        return False
    first_letter = next((ch for ch in line if ch.isalpha()), "")
    if first_letter.islower():
        return False
    last = re.sub(r"\W+", "", words[-1]).casefold()
    return last not in words_of_kind("tail_word")


def _section_shaped(line: str) -> bool:
    return (
        _heading_shaped(line, _SECTION_MAX_WORDS)
        and len(line) <= 30
        and not any(ch.isdigit() for ch in line)
        and not _TERMINAL.search(line)
    )


def _title_shaped(line: str) -> bool:
    """Heading-shaped, allowing a longer line and a closing question or exclamation mark."""
    return _heading_shaped(line.rstrip("?!"), _LONG_LINE_WORDS - 1)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _same_title(line: str, known: str) -> bool:
    a, b = _normal(line), _normal(known)
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


def _drop_menu_runs(lines: list[_Line], removed: list[str]) -> list[_Line]:
    """Remove runs of 3+ consecutive section-like lines (1-3 words, no digits): a menu, outside the body."""
    kept: list[_Line] = []
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and _section_shaped(line.text):
            run.append(line)
            continue
        if len(run) >= _MENU_RUN:
            removed.extend(r.text for r in run)
        else:
            kept.extend(run)
        run = []
        if line is not None:
            kept.append(line)
    return kept


def _title_and_section(
    lines: list[_Line], known_title: str | None
) -> tuple[str | None, str | None, list[_Line]]:
    """Title and section from the header's text lines; the rest stays body."""
    title = section = None
    rest = list(lines)
    if (
        len(rest) >= 2
        and _section_shaped(rest[0].text)
        and _title_shaped(rest[1].text)
        and not _section_shaped(rest[1].text)
    ):
        section, title, rest = rest[0].text, rest[1].text, rest[2:]
    elif rest and _title_shaped(rest[0].text):
        title, rest = rest[0].text, rest[1:]
        if rest and _section_shaped(rest[0].text):
            section, rest = rest[0].text, rest[1:]
    if known_title is not None and title is not None and not _same_title(title, known_title):
        return None, None, list(lines)  # the text does not open with the known title: keep it all
    return title, section, rest


def _mark_subheadings(lines: list[_Line]) -> None:
    """Flag heading-shaped lines that sit between paragraphs (not after the last one)."""
    prose = [i for i, line in enumerate(lines) if not _heading_shaped(line.text)]
    if not prose:
        return
    last_prose = prose[-1]
    for i, line in enumerate(lines[:last_prose]):
        if not _heading_shaped(line.text):
            continue
        prev = lines[i - 1] if i else None
        after_break = (
            prev is None or prev.heading or bool(_TERMINAL.search(prev.text)) or prev.block != line.block
        )
        nxt = lines[i + 1]
        continued = next((ch for ch in nxt.text if ch.isalpha()), "").islower() and nxt.block == line.block
        line.heading = after_break and not continued


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Group logical lines into paragraphs.

    Where blank lines separate paragraphs, the lines of one block stay together
    (keeping their newline); otherwise every logical line is a paragraph, as in
    scraped dumps, which print one paragraph per line.
    """
    blank_mode = len({line.block for line in lines}) > 1
    paragraphs: list[list[str]] = []
    prev: _Line | None = None
    for line in lines:
        joins = (
            blank_mode
            and prev is not None
            and prev.block == line.block
            and not (prev.heading or line.heading)
        )
        if joins:
            paragraphs[-1].append(line.text)
        else:
            paragraphs.append([line.text])
        prev = line
    return ["\n".join(p) for p in paragraphs]


def _unfinished(line: str) -> bool:
    """A line that stops mid-sentence: ends in a comma/dash or a function word such as "the"."""
    if re.search(r"[,;:–—-]$", line):
        return True
    return re.sub(r"\W+", "", line.split()[-1]).casefold() in words_of_kind("tail_word")


def _logical_lines(text: str) -> list[_Line]:
    """Non-blank lines, with hard-wrapped continuations merged into the line they continue.

    A line continues the previous one (same block, no closing punctuation) when
    it opens in lower case or the previous line stops mid-sentence; the original
    newline is kept, so wrapped prose comes out unchanged.
    """
    lines: list[_Line] = []
    block = 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = raw.strip()
        if not stripped:
            block += 1
            continue
        prev = lines[-1] if lines else None
        if (
            prev is not None
            and prev.block == block
            and not _TERMINAL.search(prev.text)
            and not is_furniture(prev.text)
            and not is_furniture(stripped)
        ):
            first_letter = next((ch for ch in stripped if ch.isalpha()), "")
            if first_letter.islower() or _unfinished(prev.text):
                prev.text = f"{prev.text}\n{stripped}"
                continue
        lines.append(_Line(stripped, block))
    return lines


def parse_page_text(text: str, *, known_title: str | None = None) -> PageText:
    """Split a page-text dump (or plain prose) into body paragraphs and header metadata.

    `known_title` (a record's own title) makes title detection conservative:
    the first line is taken as the title only when it matches it.
    """
    lines = _logical_lines(text)
    removed: list[str] = []
    meta = _Meta()

    def keep(line: _Line) -> bool:
        if is_furniture(line.text):
            removed.append(line.text)
            return False
        parsed = parse_meta_line(line.text)
        if parsed is not None:
            meta.add(parsed)
            removed.append(line.text)
            return False
        return True

    first_paragraph = next((i for i, line in enumerate(lines) if _is_paragraph(line.text)), len(lines))
    if first_paragraph == len(lines):  # no body paragraph at all: nothing reads as a header
        first_paragraph = 0
    header = _drop_menu_runs([ln for ln in lines[:first_paragraph] if keep(ln)], removed)
    title, section, leftover = _title_and_section(header, known_title)
    body = [ln for ln in lines[first_paragraph:] if keep(ln)]
    last_prose = max((i for i, ln in enumerate(body) if not _heading_shaped(ln.text)), default=-1)
    if last_prose >= 0:  # without any prose there is no "after the body" to hold a menu
        body = body[: last_prose + 1] + _drop_menu_runs(body[last_prose + 1 :], removed)
    _mark_subheadings(body)
    return PageText(
        paragraphs=tuple(_paragraphs(leftover + body)),
        title=title,
        section=section,
        author=meta.author,
        printed_date=meta.date,
        views=meta.views,
        reading_time_minutes=meta.reading,
        subheadings=tuple(ln.text for ln in body if ln.heading),
        removed=tuple(removed),
    )


def draft_from_page_text(text: str, *, source: str, known_title: str | None = None) -> Draft:
    """A Draft from a plain-text file, string or record: the cleaned body and its header metadata.

    `known_title` (a record's own title) wins over a title line found in the text.
    """
    page = parse_page_text(text, known_title=known_title)
    return Draft(
        text=page.text,
        source=source,
        title=known_title or page.title,
        section=page.section,
        author=page.author,
        printed_date=page.printed_date,
        views=page.views,
        reading_time_minutes=page.reading_time_minutes,
        subheadings=page.subheadings,
    )
