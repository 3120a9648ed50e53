"""Time expressions normalised to TIMEX3 values, and the temporal slips a reader should check.

Public entry points (called by ``presslens.nlp.components.TimexComponent``):

- `time_expressions(doc, anchor)`: non-overlapping `Timex` records in text
  order, each with a TIMEX3 type and value relative to `anchor`, the
  publication date (TimeML's document creation time).
- `temporal_inconsistencies(doc, timexes, anchor)`: `Flag` records for
  expressions that contradict themselves or the publication date.

How: candidate token runs come from ``_candidates`` (a spaCy Matcher over
the calendar lexicon plus the model's DATE/TIME entities); inside each run
the longest stretch the rule normaliser (``_normalize``) can value is kept,
left to right, so an apposition like "yesterday, June 1" becomes two
timexes and "On July 1" becomes "July 1". Spans the rules cannot value are
dropped -- except model DATE entities naming a calendar date in a form the
rules lack, which go to dateparser (``languages=["en"]``, cached per text and
anchor), the only place it is used: it fills missing fields from the anchor
and so cannot tell "last December" from "December", nor a month from a day.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span

from presslens.extract._shared import doc_text, doc_tokens, sentence_of
from presslens.extract.temporal._candidates import (
    governing_tense,
    is_past_perfect,
    is_plausible,
    timex_runs,
    year_range,
)
from presslens.extract.temporal._inconsistencies import inconsistency_flags
from presslens.extract.temporal._lexicon import alternation, timex_lexicon
from presslens.extract.temporal._normalize import TimexValue, timex_value
from presslens.extract.temporal._reference import NarrativeState
from presslens.models import Flag, Timex

__all__ = ["temporal_inconsistencies", "time_expressions"]

log = logging.getLogger(__name__)

_NO_START = frozenset({",", "-", "and", "of", "'s", "to", "from", "at", "on", "in", "'", "than"})
_NO_END = frozenset({",", "-", "and", "of", "the", "a", "an", "on", "at", "in", "to", "from", "'", "'s", "’s",
                     "than", "this", "that", "last", "next"})
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
_MONTH_WORD = re.compile(r"\b" + alternation(m for m in timex_lexicon().months if len(m) > 3) + r"\b", re.I)
_MAX_SPAN = 10
_PROBE_DAYS = (dt.date(1900, 1, 1), dt.date(1900, 1, 2))
_WRITTEN_YEAR = re.compile(r"(?<![\d.,])\d{3,4}(?![\d.,%])")


def time_expressions(doc: Doc, anchor: dt.date | None) -> list[Timex]:
    """Every time expression in `doc`, valued against `anchor` (None: ``X`` placeholders).

    Expressions are read in text order with the passage's reference time
    (``_reference.NarrativeState``): in a past-tense narrative about an earlier
    time, "21 February" takes the narrative's year and "twelve days later"
    counts from the date just named; news-voice passages keep `anchor`.
    """
    found: list[Timex] = []
    state = NarrativeState(doc, anchor)
    dateless: list[tuple[int, int]] = []  # (index in found, sentence end): clock times without a day
    for run in timex_runs(doc):
        i = run.start
        while i < run.end:
            if (years := year_range(doc, i)) is not None:
                for a, b, value in (years.first, years.second):
                    found.append(Timex(text=doc_text(doc)[a:b], start=a, end=b, type="DATE", value=value))
                    state.observe(doc[i:years.end], value, from_anchor=False, grounded=True)
                i = years.end
                continue
            hit = _longest_at(doc, i, run.end, anchor, state, found)
            if hit is None:
                i += 1
                continue
            span, value, grounded = hit
            found.append(_record(doc, span, value))
            if value.type == "DATE":
                state.observe(span, value.value, from_anchor=value.deictic, grounded=grounded)
                if dateless and _DAY_VALUE.match(value.value):
                    _date_clock_times(found, dateless, span.start_char, value.value)
            elif value.type == "TIME" and _is_dateless(span, value, anchor, found):
                dateless.append((len(found) - 1, span.sent.end_char))
            elif value.type == "TIME" and _DAY_VALUE.match(value.value[:10]):
                # "between 6.45pm and 7pm on Tuesday": its day dates the clock times before it, and
                # the narration is at that day ("These strikes were carried out at 6.54pm")
                state.observe(span, value.value[:10], from_anchor=value.deictic, grounded=grounded)
                if dateless:
                    _date_clock_times(found, dateless, span.start_char, value.value[:10])
            i = span.end
    found += _dateparser_fallback(doc, anchor, found)
    return sorted(found, key=lambda t: t.start)


def _is_dateless(span: Span, value: TimexValue, anchor: dt.date | None, found: list[Timex]) -> bool:
    """A clock time that took its day from context (the anchor, or the day a past narration is at):
    no date in it, none before it in the sentence. "The time of death was 2:17 pm (0917 GMT) on
    February 16, she said" after a paragraph on Saturday is the 16th's, not Saturday's."""
    if anchor is None:
        return False
    if any(t.start >= span.sent.start_char and _DAY_VALUE.match(t.value) for t in found[:-1]):
        return False
    # does its day come from the anchor? Two probe days, as a weekday in it ("7pm on Monday") names one
    probes = (timex_value(span.text, day, None, None, None) for day in _PROBE_DAYS)
    return all(probe is not None and probe.value.startswith(day.isoformat() + "T")
               for probe, day in zip(probes, _PROBE_DAYS, strict=True))


def _date_clock_times(found: list[Timex], dateless: list[tuple[int, int]], at: int, day: str) -> None:
    """"at 2:19 pm Moscow time on February 16": a clock time takes the date named after it in its sentence."""
    for k, sent_end in dateless:
        if at < sent_end:
            found[k] = found[k].model_copy(update={"value": day + found[k].value[10:]})
    dateless.clear()  # dated now, or their sentence is over


def _longest_at(
    doc: Doc, i: int, end: int, anchor: dt.date | None, state: NarrativeState, found: list[Timex]
) -> tuple[Span, TimexValue, bool] | None:
    """The longest span starting at token `i` that the normaliser values and context allows.

    The flag says whether the value is grounded (a written year, or counted
    from a narrative or historical reference) and so may frame a narrative.
    """
    tokens = doc_tokens(doc)
    if tokens[i].lower_ in _NO_START:
        return None
    ref = state.anaphoric_ref()
    sent = sentence_of(doc, i)
    local_ref = next(
        (dt.date.fromisoformat(t.value) for t in reversed(found)
         if t.start >= sent.start_char and _DAY_VALUE.match(t.value)),
        None,
    )
    for j in range(min(end, i + _MAX_SPAN), i, -1):
        if tokens[j - 1].lower_ in _NO_END:
            continue
        span = doc[i:j]
        tense = governing_tense(span)
        narrative = state.narrative_ref(span, tense)
        flashback = narrative is not None and is_past_perfect(span)
        value = timex_value(span.text, anchor, tense, ref, local_ref, narrative, flashback)
        if value is not None and narrative is not None and state.is_carried(span):
            news = timex_value(span.text, anchor, tense, ref, local_ref)
            if news is not None and state.is_recent(news.value):
                value = news  # a paragraph back in the news voice ("On Feb. 28, ...")
        if value is not None and is_plausible(span, value.type):
            written = _WRITTEN_YEAR.search(span.text) is not None
            return span, value, narrative is not None or state.is_historical(ref) or written
    return None


def _record(doc: Doc, span: Span, value: TimexValue) -> Timex:
    return Timex(
        text=span.text, start=span.start_char, end=span.end_char, type=value.type,  # type: ignore[arg-type]
        value=value.value, anchored=value.anchored, mod=value.mod,
    )


def _dateparser_fallback(doc: Doc, anchor: dt.date | None, found: list[Timex]) -> list[Timex]:
    """Model DATE entities with a month name and a number that no rule valued."""
    extra = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(t.start < ent.end_char and ent.start_char < t.end for t in found):
            continue
        if not (_MONTH_WORD.search(ent.text) and re.search(r"\d", ent.text)):
            continue
        value = _dateparser_value(ent.text, anchor)
        if value is not None:
            log.debug("dateparser valued %r as %s", ent.text, value)
            extra.append(_record(doc, ent, TimexValue("DATE", value, anchored=anchor is not None
                                                      or bool(re.search(r"\b\d{4}\b", ent.text)))))
    return extra


@lru_cache(maxsize=4096)
def _dateparser_value(text: str, anchor: dt.date | None) -> str | None:
    """dateparser's reading of `text`, cut to the granularity the text states."""
    import dateparser  # imported lazily: ~0.3 s, and most documents never need it

    base = dt.datetime.combine(anchor or dt.date(2000, 1, 1), dt.time())
    parsed = dateparser.parse(text, languages=["en"],
                              settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    if parsed is None:
        return None
    has_year = re.search(r"\b\d{4}\b", text) is not None
    has_day = re.search(r"\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", text))
    year = f"{parsed.year:04d}" if has_year or anchor else "XXXX"
    return f"{year}-{parsed.month:02d}-{parsed.day:02d}" if has_day else f"{year}-{parsed.month:02d}"


def temporal_inconsistencies(doc: Doc, timexes: Sequence[Timex], anchor: dt.date | None) -> list[Flag]:
    """Flags for expressions that contradict each other or the publication date."""
    tenses = []
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        tenses.append(governing_tense(span) if span is not None else None)
    return inconsistency_flags(doc_text(doc), timexes, tenses, anchor)
