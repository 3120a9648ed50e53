"""Quotation spans that survive unbalanced quotation marks.

textacy's ``direct_quotations`` raises on an odd number of quote marks, which
scraped news has all the time (a quote continued in the next paragraph, a stray
mark in a title). Here marks are paired per paragraph: curly marks by shape,
straight marks by context (an opening mark follows a space, a bracket or the
paragraph start). A mark left open closes at the end of its paragraph, which
is how news style continues quotations across paragraphs (AP Stylebook,
"quotation marks"); a stray closing mark is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "quotation_spans"]

_OPEN = "“«„"
_CLOSE = "”»"
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class QuoteSpan:
    """Character span of a quotation including its marks; `closed` is False when the mark was left open."""

    start: int
    end: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, (self.end - 1 if self.closed else self.end)


def _is_opening_straight(text: str, i: int, para_start: int) -> bool:
    before = text[i - 1] if i > para_start else " "
    return before.isspace() or before in "([{—–-:"


def quotation_spans(text: str) -> list[QuoteSpan]:
    """All quotation spans of `text`, in order; never raises on unbalanced marks."""
    spans: list[QuoteSpan] = []
    for para in _PARAGRAPH.finditer(text):
        open_at: int | None = None
        for i in range(para.start(), para.end()):
            ch = text[i]
            if ch not in _OPEN and ch not in _CLOSE and ch != '"':
                continue
            # a closing-shaped mark where a quotation can only open ('”Mr. X') is a typo for an opening one
            opening = ch in _OPEN or (
                (ch == '"' or open_at is None) and _is_opening_straight(text, i, para.start())
            )
            if open_at is None:
                if opening:
                    open_at = i
            elif not opening or ch == '"':
                spans.append(QuoteSpan(open_at, i + 1))
                open_at = None
            else:  # a second opening mark: the first was never closed
                spans.append(QuoteSpan(open_at, i, closed=False))
                open_at = i
        if open_at is not None:
            end = para.end()
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            spans.append(QuoteSpan(open_at, end, closed=False))
    return spans
