"""Calendar arithmetic for TIMEX3 values, relative to a document creation time.

The rules for underspecified dates follow HeidelTime's news-document strategy
(Strötgen & Gertz, "Multilingual and cross-domain temporal tagging", LRE 2013,
section 4.3): a month, month-day, weekday or season without a year is placed
in the anchor's year, then moved to the previous occurrence when the governing
verb is in the past tense and the date would lie after the anchor, or to the
next occurrence when the verb is in the future tense and it would lie before.
Weekdays take the nearest occurrence in the direction of the tense; with no
tense the nearest one within three days either side (news reports mostly refer
to the current week).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

__all__ = [
    "Tense",
    "add_units",
    "iso_week",
    "mask_value",
    "month_year",
    "narrative_year",
    "quarter_of",
    "weekday_date",
]

Tense = Literal["PAST", "PRESENT", "FUTURE"]
_SAME_YEAR_DAYS = 31


def iso_week(day: dt.date) -> str:
    """The TIMEX3 week value ``YYYY-Www`` (ISO 8601 week numbering, as TimeML)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_units(anchor: dt.date, unit: str, amount: int) -> str | None:
    """The value of "`amount` `unit`s after `anchor`" at the unit's granularity.

    "two years ago" is a year (``2023``), "three months ago" a month, "a week
    ago" a week, "three days ago" a day, "a decade ago" a decade (``201``) --
    TimeML 1.2.1 gives the value the granularity of the expression.
    """
    if unit == "Y":
        return f"{anchor.year + amount:04d}"
    if unit == "DE":
        return f"{(anchor.year + 10 * amount) // 10:03d}"
    if unit == "CE":
        return f"{(anchor.year + 100 * amount) // 100:02d}"
    if unit == "M":
        year, month = shift_month(anchor.year, anchor.month, amount)
        return f"{year:04d}-{month:02d}"
    if unit == "Q":
        year, month = shift_month(anchor.year, anchor.month, 3 * amount)
        return f"{year:04d}-Q{quarter_of(month)}"
    if unit == "W":
        return iso_week(anchor + dt.timedelta(weeks=amount))
    if unit == "WE":
        return iso_week(anchor + dt.timedelta(weeks=amount)) + "-WE"
    if unit == "D":
        return (anchor + dt.timedelta(days=amount)).isoformat()
    return None


def month_year(anchor: dt.date, month: int, day: int | None, tense: Tense | None) -> int:
    """The year of a month (and day) written without one (HeidelTime's news rule)."""
    year = anchor.year
    if day is None:
        later, earlier = month > anchor.month, month < anchor.month
    else:
        # A month-day within a month of the anchor keeps the anchor's year whatever
        # the tense: "was scheduled for June 3" or a mis-read tense should not move
        # it a year; the tense decides only for dates further away (year ends).
        gap = (dt.date(year, month, min(day, 28)) - anchor).days
        later, earlier = gap > _SAME_YEAR_DAYS, gap < -_SAME_YEAR_DAYS
    if tense == "PAST" and later:
        return year - 1
    if tense == "FUTURE" and earlier:
        return year + 1
    if tense is None:
        # No tense: a date more than ~8 months away is taken to be the nearer
        # occurrence across the year boundary ("December" written in January).
        target = dt.date(year, month, min(day or 15, 28))
        gap = (target - anchor).days
        if gap > 240:
            return year - 1
        if gap < -240:
            return year + 1
    return year


def narrative_year(ref_year: int, ref_month: int | None, month: int, *, flashback: bool = False) -> int:
    """The year of a month (and day) without one, told in a narrative set in `ref_year`.

    HeidelTime's narrative strategy takes the year of the reference time. A
    narrative moves forward, so when the reference names a month and the new
    month lies two or more months before it ("On 30 November 1939 ... In
    February"), the next year is meant -- unless the verb is in the past
    perfect ("In March, Russia had ..."), which steps back. The two-month
    margin keeps "in late October ... on 28 September" style asides in the year.
    """
    if ref_month is not None and not flashback and month <= ref_month - 2:
        return ref_year + 1
    return ref_year


def weekday_date(anchor: dt.date, weekday: int, tense: Tense | None) -> dt.date:
    """The date of a bare weekday name (1 = Monday) seen from `anchor`.

    Past and present tense look back (the anchor day itself included: a Friday
    article saying "said Friday" means that day); future tense looks forward
    (anchor day included, AP style names the day instead of "today"); without
    a tense the nearest occurrence wins, looking back on ties.
    """
    back = (anchor.isoweekday() - weekday) % 7
    forward = (weekday - anchor.isoweekday()) % 7
    if tense in ("PAST", "PRESENT"):
        return anchor - dt.timedelta(days=back)
    if tense == "FUTURE":
        return anchor + dt.timedelta(days=forward)
    if back <= forward:
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=forward)


def mask_value(value: str) -> str:
    """Replace the anchor-derived digits of a value by ``X`` (no anchor known)."""
    return re.sub(r"\d", "X", value)
