"""Quotation spans that survive unbalanced quotation marks.

textacy's ``direct_quotations`` raises on an odd number of quote marks, which
scraped news has all the time (a quote continued in the next paragraph, a stray
mark in a title). Here marks are paired per paragraph: curly marks by shape,
straight marks by context (an opening mark follows a space, a bracket or the
paragraph start). A mark left open closes at the end of its paragraph, which
is how news style continues quotations across paragraphs (AP Stylebook,
"quotation marks"); a closing mark that comes first in the paragraph after such
an open one ends the quotation continued there (one quoted sentence per line, as
PTC and some scrapers write); another stray closing mark is ignored. Two apostrophes ('') are
a double quotation mark, as in The New York Times' archive text and Penn
Treebank-style text, where a pair of backquotes (``) opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["QuoteSpan", "quotation_spans"]

_OPEN = "“«„"
_CLOSE = "”»"
_PAIRED_MARKS = ("''", "``")  # two-character double quotation marks
_PARAGRAPH = re.compile(r"[^\n]+")
# every quotation mark, two-character ones first: the scan jumps from mark to mark
_ANY_MARK = re.compile("''|``|[" + re.escape(_OPEN + _CLOSE + '"') + "]")


@dataclass(frozen=True)
class QuoteSpan:
    """Character span of a quotation including its marks; `closed` is False when the mark was left open."""

    start: int
    end: int
    closed: bool = True
    width: int = 1  # characters of each mark: 2 for '' and ``
    opened: bool = True  # False: continued from the last paragraph, so no mark of its own opens it

    @property
    def inner(self) -> tuple[int, int]:
        start = self.start + (self.width if self.opened else 0)
        return start, (self.end - self.width if self.closed else self.end)


def _is_opening_straight(text: str, i: int, para_start: int) -> bool:
    before = text[i - 1] if i > para_start else " "
    return before.isspace() or before in "([{—–-:"


def quotation_spans(text: str) -> list[QuoteSpan]:
    """All quotation spans of `text`, in order; never raises on unbalanced marks."""
    return list(_quotation_spans(text))


@lru_cache(maxsize=4)  # the claim and the reference stages both ask for the same article
def _quotation_spans(text: str) -> tuple[QuoteSpan, ...]:
    spans: list[QuoteSpan] = []
    left_open = False  # the last paragraph ended inside a quotation
    for para in _PARAGRAPH.finditer(text):
        open_at: int | None = None
        width = 1
        first = True
        for found in _ANY_MARK.finditer(text, para.start(), para.end()):
            i, mark = found.start(), found.group()
            straight = mark in ('"', "''")
            # a closing-shaped mark where a quotation can only open ('”Mr. X') is a typo for an opening one
            opening = mark in _OPEN or mark == "``" or (
                (straight or open_at is None) and _is_opening_straight(text, i, para.start())
            )
            if first and left_open and not opening:
                # the quotation left open in the last paragraph closes here: '... campaigned on," he said'
                spans.append(QuoteSpan(para.start(), i + len(mark), width=len(mark), opened=False))
                first = False
                continue
            first = False
            if open_at is None:
                if opening:
                    open_at, width = i, len(mark)
            elif not opening or straight:
                spans.append(QuoteSpan(open_at, i + len(mark), width=width))
                open_at = None
            else:  # a second opening mark: the first was never closed
                spans.append(QuoteSpan(open_at, i, closed=False, width=width))
                open_at, width = i, len(mark)
        left_open = open_at is not None
        if open_at is not None:
            end = para.end()
            while end > open_at + width and text[end - 1].isspace():
                end -= 1
            spans.append(QuoteSpan(open_at, end, closed=False, width=width))
    return tuple(spans)
