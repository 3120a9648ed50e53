"""Temporal inconsistencies: where the text's dates disagree with each other or the anchor.

Three checks, each chosen because it is almost never a false alarm in edited
news (users read these flags as "check this", so precision comes first):

1. An apposition of a relative and an explicit date that resolve to different
   days: "yesterday, June 1" in a piece dated 2 July (TimeML would give the
   two parts one value; when they differ, one of them is wrong).
2. A weekday name attached to a date that falls on another weekday:
   "Monday, July 1, 2025" (a Tuesday). Checked only when the year is written
   or the date lies within six months of the anchor, so an inferred year
   cannot cause the mismatch.
3. A date with a written year after the anchor, told in the past tense
   ("police arrested him on July 10, 2025" in a piece dated 2 July 2025).

The functions here see only text, records and tenses: no spaCy objects.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

from presslens.extract.temporal._calendar import Tense
from presslens.extract.temporal._lexicon import alternation, timex_lexicon
from presslens.models import Flag, TextSpan, Timex

__all__ = ["inconsistency_flags"]

_LEX = timex_lexicon()
_KIND = "temporal_inconsistency"
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_APPOSITION_GAP = re.compile(r"\s*(?:,|\(|—|–|-)\s*")
_WEEKDAY = re.compile(r"^(?:on )?(" + alternation(_LEX.weekdays) + r")\b\.?", re.I)
_RELATIVE = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|last|this|next|ago)\b", re.I)
_EXPLICIT = re.compile(r"\b" + alternation(_LEX.months) + r"\b|\d{1,2}/\d{1,2}", re.I)
_YEAR = re.compile(r"\b(?:1\d|20)\d\d\b")
_NEAR_DAYS = 183


def inconsistency_flags(
    text: str, timexes: Sequence[Timex], tenses: Sequence[Tense | None], anchor: dt.date | None
) -> list[Flag]:
    """All three checks over `timexes` (sorted, with the governing tense of each)."""
    flags: list[Flag] = []
    used: set[int] = set()
    for k in range(len(timexes) - 1):
        a, b = timexes[k], timexes[k + 1]
        if not _APPOSITION_GAP.fullmatch(text[a.end:b.start]):
            continue
        flag = _apposition_flag(text, a, b, anchor)
        if flag is not None:
            flags.append(flag)
            used.update((k, k + 1))
    for k, timex in enumerate(timexes):
        if k in used:
            continue
        flag = _weekday_flag(timex, anchor) or _future_past_flag(timex, tenses[k], anchor)
        if flag is not None:
            flags.append(flag)
    return flags


def _weekday_name(number: int) -> str:
    return calendar.day_name[number - 1]


def _apposition_flag(text: str, a: Timex, b: Timex, anchor: dt.date | None) -> Flag | None:
    evidence = TextSpan(text=text[a.start:b.end], start=a.start, end=b.end)
    weekday = _WEEKDAY.match(a.text)
    bare_weekday = weekday is not None and weekday.end() == len(a.text.rstrip("."))
    if weekday and bare_weekday and _DAY.match(b.value) and _EXPLICIT.search(b.text):
        named = _LEX.weekdays[weekday.group(1).lower()]
        actual = dt.date.fromisoformat(b.value).isoweekday()
        if named != actual and _year_is_safe(b, anchor):
            return Flag(kind=_KIND, evidence=evidence,
                        why=f"'{a.text}' is a {_weekday_name(named)}, but {b.text} ({b.value}) is a "
                            f"{_weekday_name(actual)}")
        return None
    if not (a.anchored and b.anchored and _DAY.match(a.value) and _DAY.match(b.value)) or a.value == b.value:
        return None
    for rel, exp in ((a, b), (b, a)):
        if _RELATIVE.search(rel.text) and not _EXPLICIT.search(rel.text) and _EXPLICIT.search(exp.text):
            base = f" from {anchor.isoformat()}" if anchor else ""
            return Flag(kind=_KIND, evidence=evidence,
                        why=f"'{rel.text}'{base} is {rel.value}, but the text names {exp.text} ({exp.value})")
    return None


def _year_is_safe(timex: Timex, anchor: dt.date | None) -> bool:
    """True when the year of `timex` is written, or inferred for a date near the anchor."""
    if _YEAR.search(timex.text):
        return True
    if anchor is None or not timex.anchored:
        return False
    return abs((dt.date.fromisoformat(timex.value) - anchor).days) <= _NEAR_DAYS


def _weekday_flag(timex: Timex, anchor: dt.date | None) -> Flag | None:
    weekday = _WEEKDAY.match(timex.text)
    if not weekday or not _DAY.match(timex.value) or not _EXPLICIT.search(timex.text[weekday.end():]):
        return None
    named = _LEX.weekdays[weekday.group(1).lower()]
    actual = dt.date.fromisoformat(timex.value).isoweekday()
    if named == actual or not _year_is_safe(timex, anchor):
        return None
    return Flag(kind=_KIND, evidence=TextSpan(text=timex.text, start=timex.start, end=timex.end),
                why=f"'{timex.text}' names a {_weekday_name(named)}, but {timex.value} is a "
                    f"{_weekday_name(actual)}")


def _future_past_flag(timex: Timex, tense: Tense | None, anchor: dt.date | None) -> Flag | None:
    if anchor is None or tense != "PAST" or timex.type != "DATE" or not _YEAR.search(timex.text):
        return None
    if not _EXPLICIT.search(timex.text) or timex.mod is not None:
        return None
    if _DAY.match(timex.value):
        after = dt.date.fromisoformat(timex.value) > anchor
    elif re.fullmatch(r"\d{4}-\d\d", timex.value):
        after = (int(timex.value[:4]), int(timex.value[5:])) > (anchor.year, anchor.month)
    else:
        return None
    if not after:
        return None
    return Flag(kind=_KIND, evidence=TextSpan(text=timex.text, start=timex.start, end=timex.end),
                why=f"'{timex.text}' ({timex.value}) is after the publication date {anchor.isoformat()}, "
                    "but the sentence tells it in the past tense")
