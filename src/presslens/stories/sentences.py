"""Sentences and clauses of plain article text, for the story layer (which never runs spaCy).

Facts and deaths are read by patterns inside one sentence, and shown with the clause that
states them, so a rough cut is enough: a sentence ends at end punctuation (and a closing quote
or bracket) before white space, or at a line break; a clause at a comma, semicolon, colon or
dash, an "and"/"but" right after it opening the next one, and before a "but" or "whereas" without
a comma ("Putin says Islamists were behind it but suggests Ukraine was involved": two statements).
"""

from __future__ import annotations

import re

__all__ = ["clause_around", "sentences"]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+|\n+")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[—–-]+\s|\s(?=(?:but|whereas)\s)")
_CLAUSE_OPENER = re.compile(r"(?:and|but|while|whereas)\s+", re.IGNORECASE)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, without the white space between them."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def clause_around(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The clause of `sentence` that holds text[start:end] ("a European official put the toll at
    50 or less" in "..., US media reported Thursday, and a European official put the toll at 50 or
    less, countering ...")."""
    left = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence[0], start)]
    right = [m.start() for m in _CLAUSE_BREAK.finditer(text, end, sentence[1])]
    begin, stop = (left[-1] if left else sentence[0]), (right[0] if right else sentence[1])
    opener = _CLAUSE_OPENER.match(text, begin)
    return (opener.end() if opener else begin), stop
