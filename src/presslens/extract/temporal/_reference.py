"""The reference time of a passage: what underspecified dates in a narrative are anchored to.

News is told from its publication date, so presslens values "21 February",
"Friday" or "last year" against that date (TimeML's document creation time).
A background or history paragraph is told from a time of its own: in
"In 2001, X was murdered. On 3 March he ...", "3 March" is in 2001, and in a
paragraph about 1940, "twelve days later" counts from the date just named.
HeidelTime keeps a reference time for such narratives: the most recent date
the text mentioned (Strötgen & Gertz, "Multilingual and cross-domain temporal
tagging", LRE 2013, section 4.3, the "narratives" document type). This module
keeps two references while the expressions of a document are read in order:

- ``last``: the most recent calendar date of any granularity the text named
  (year, month or day), for anaphoric expressions whichever voice the passage
  is in: "N days later/earlier", "the following/previous year", "that year".
- ``frame``: the most recent *framing* explicit date, which sets the time of the
  narrative for bare months, month-days, seasons and weekdays. It is used only
  when explicit cues say the passage narrates an earlier time:

  1. the date is framing: the first verb above it is its sentence's main verb
     (or a verb coordinated with it), so "In 2001, X was murdered" frames the
     paragraph while "the deadliest quake, striking Tangshan in 1976" does
     not; a year after "since" ("the first since 1968") is a point of
     comparison, never a frame (nor is one after "than" or "compared to");
  2. the period it names ended more than a month before the publication date
     (nearer dates give the same values either way, and the news rules are
     the tested ones; a year ends on 31 December);
  3. the expression's governing verb is in the past tense (without a
     publication date: not in the present or future);
  4. it was set in this paragraph, or in the previous one when this paragraph
     opens in the past tense; and no news-voice expression valued from the
     publication date ("yesterday", "this week", a weekday, "recently",
     "now") came in between.

  Weekdays follow the frame only when it names a day ("On 3 March 1940 ...
  on Friday"); after a bare year a weekday is news voice ("In 2001 X was
  murdered. On Friday his killer was freed").

How far "a month" is and which cues count were set on the development half of
``evaluation/narrative_time`` (split by document before tuning) and checked
against TempEval-3 and MEANTIME, whose explicit dates lie near their
publication dates and so keep the news rules.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span

from presslens.extract._shared import doc_text
from presslens.extract.temporal._calendar import Tense

__all__ = ["NarrativeState", "Reference", "reference_of"]

Unit = Literal["Y", "M", "D"]
_HISTORICAL_DAYS = 31
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_NON_SPACE = re.compile(r"\S")
_MAIN_CLAUSE = frozenset({"ROOT", "conj"})
_COMPARISON = frozenset({"since", "than", "versus", "vs", "vs."})  # closed-class words before a compared date
# values of words that speak from the publication date ("now", "currently", "recently"): news voice
_NEWS_VOICE = frozenset({"PRESENT_REF", "PAST_REF"})


@dataclass(frozen=True)
class Reference:
    """A date the text named, at the granularity it named it (1940 / 1940-02 / 1940-02-21)."""

    date: dt.date
    unit: Unit

    @property
    def last_day(self) -> dt.date:
        """The last day of the period the reference names (31 December for a year)."""
        if self.unit == "Y":
            return dt.date(self.date.year, 12, 31)
        if self.unit == "M":
            following = dt.date(self.date.year + self.date.month // 12, self.date.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return self.date

    def format(self, value: dt.date) -> str:
        """`value` cut to this reference's granularity."""
        if self.unit == "Y":
            return f"{value.year:04d}"
        if self.unit == "M":
            return f"{value.year:04d}-{value.month:02d}"
        return value.isoformat()


def reference_of(value: str) -> Reference | None:
    """The Reference of a calendar TIMEX3 value; None for weeks, seasons, durations, BC years."""
    m = _CALENDAR.match(value)
    if not m or int(m.group(1)) < 1:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return Reference(date, "D" if m.group(3) else "M" if m.group(2) else "Y")


@dataclass
class _Frame:
    ref: Reference
    paragraph: int


class NarrativeState:
    """References for one document's expressions, read in text order (one pass, O(1) per expression)."""

    def __init__(self, doc: Doc, anchor: dt.date | None) -> None:
        self.anchor = anchor
        self._doc = doc
        self._breaks: list[int] | None = None  # paragraph starts, found when a frame first needs them
        self._last: Reference | None = None
        self._frame: _Frame | None = None
        self._paragraph_cache: dict[int, bool] = {}

    # -- what an expression is anchored to ------------------------------------------------
    def anaphoric_ref(self) -> Reference | None:
        """The date "later"/"the following year"/"that year" count from.

        Near the publication date only a named day counts, as before (a bare
        year there is more often the period a figure covers than the narrative's
        time); historical dates count at any granularity.
        """
        last = self._last
        if last is None or (last.unit != "D" and not self._historical(last)):
            return None
        return last

    def narrative_ref(self, span: Span, tense: Tense | None) -> Reference | None:
        """The frame an underspecified calendar date at `span` takes its year from, if the cues agree.

        A frame carried over from the previous paragraph is weaker evidence:
        the caller prefers the news reading when that is a date of the last
        month (`is_recent`), as a news paragraph opening "On Feb. 28, ..."
        after a background paragraph about 2011 returns to the news.
        """
        frame = self._frame
        if frame is None or not self._historical(frame.ref):
            return None
        if self.anchor is not None and tense != "PAST":
            return None
        if self.anchor is None and tense in ("PRESENT", "FUTURE"):
            return None
        paragraph = self._paragraph(span.start_char)
        if paragraph != frame.paragraph and not (
                paragraph == frame.paragraph + 1 and self._opens_in_past(span.doc, paragraph)):
            return None
        return frame.ref

    def is_carried(self, span: Span) -> bool:
        """Whether the frame was set in an earlier paragraph than `span`'s."""
        return self._frame is not None and self._frame.paragraph != self._paragraph(span.start_char)

    def is_recent(self, value: str) -> bool:
        """Whether `value` is a date within the month before the anchor (the news reading of a date)."""
        ref = reference_of(value)
        return (self.anchor is not None and ref is not None
                and 0 <= (self.anchor - ref.last_day).days <= _HISTORICAL_DAYS)

    # -- what an expression tells about the passage ---------------------------------------
    def observe(self, span: Span, value: str, *, from_anchor: bool, grounded: bool) -> None:
        """Update the references after `span` was valued as `value`.

        `from_anchor`: the value counted from the publication date ("yesterday",
        "this week", a weekday): the passage speaks in the news voice again.
        `grounded`: the value rests on a written year or on a historical
        reference, so it may frame a narrative ("the previous month" counted
        from last Tuesday may not).
        """
        if from_anchor or value in _NEWS_VOICE:
            self._frame = None
        ref = reference_of(value)
        if ref is None or _compared(span):
            return
        self._last = ref
        if grounded and not from_anchor and _is_framing(span):
            self._frame = _Frame(ref, self._paragraph(span.start_char))

    def is_historical(self, ref: Reference | None) -> bool:
        return ref is not None and self._historical(ref)

    # -- helpers ---------------------------------------------------------------------------
    def _historical(self, ref: Reference) -> bool:
        """Whether the whole period `ref` names ended more than a month before the anchor."""
        return self.anchor is None or (self.anchor - ref.last_day).days > _HISTORICAL_DAYS

    def _paragraph(self, char: int) -> int:
        if self._breaks is None:
            self._breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(doc_text(self._doc))]
        return bisect.bisect_right(self._breaks, char)

    def _opens_in_past(self, doc: Doc, paragraph: int) -> bool:
        """Whether the first sentence of `paragraph` is told in the past tense."""
        if paragraph not in self._paragraph_cache:
            start = self._breaks[paragraph - 1] if self._breaks and paragraph > 0 else 0
            first = _NON_SPACE.search(doc_text(doc), start)  # a char lookup: a token scan is quadratic
            span = doc.char_span(first.start(), first.end(), alignment_mode="expand") if first else None
            root = span[0].sent.root if span is not None and len(span) else None
            past = root is not None and any(
                t.tag_ == "VBD" for t in [root, *(c for c in root.children if c.dep_ in ("aux", "auxpass"))])
            self._paragraph_cache[paragraph] = past
        return self._paragraph_cache[paragraph]


def _compared(span: Span) -> bool:
    """"the first since 1968", "down 17% on 2008": a point of comparison, not the narrative's time."""
    before = [t.lower_ for t in span.doc[max(0, span.start - 2):span.start]]
    return bool(before) and (before[-1] in _COMPARISON or (len(before) == 2 and before[0] == "compared"))


def _is_framing(span: Span) -> bool:
    """Whether the first verb above `span` is its sentence's main verb (or coordinated with it).

    A date in the main clause or in a noun phrase of it ("During the 1911
    season, six cyclones formed") sets the time of what follows; one inside a
    participle or subordinate clause ("striking Tangshan in 1976") describes
    something else. A sentence without a verb (a heading, a dateline) frames.
    """
    token = span.root
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            return token.dep_ in _MAIN_CLAUSE and (token.dep_ == "ROOT" or token.head.dep_ == "ROOT")
        if token.head.i == token.i:  # the root, and no verb on the way (Token objects are not reused)
            return True
        token = token.head
    return False
