"""TIMEX3 values for the text of one time expression: an ordered rule cascade.

`timex_value(text, anchor, tense, ref, local_ref)` takes the surface text of a
candidate span and returns its TIMEX3 type, value and mod, or None when the
text is not a time expression the rules understand (the caller drops it: an
unnormalisable candidate is more often a false positive than a real timex).

The cascade mirrors HeidelTime's English rule groups (Strötgen & Gertz 2013):
fixed expressions, deictic days, explicit dates, decades and centuries,
quarters and seasons, "this/last/next UNIT", "N UNITs ago", durations, sets,
clock times. Values follow the TimeML 1.2.1 / TIMEX3 guidelines: granularity
of the expression ("last year" -> ``2024``, "this week" -> ``2025-W27``),
vague references as ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, durations as
``P4M``/``PXY``, parts of day as ``TMO``/``TNI`` suffixes.
Relative words that TimeML treats as anaphoric ("that night", "the following
year", "twelve days later") use `ref`, the last date the text mentioned (a
`Reference` with its granularity); underspecified calendar dates ("21
February", "in March", "spring", a weekday) use `narrative`, the reference
time of a past-tense narrative, instead of the anchor when the caller found
one (``_reference``); clock times without a date use `local_ref`, a date named
in the same sentence. Years before 1000 need a month or an era marker beside
them ("mid-August 838", "43 BCE" -> ``BC0043``, HeidelTime's historic rules).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from presslens.extract.temporal._calendar import (
    Tense,
    add_units,
    mask_value,
    month_year,
    narrative_year,
    weekday_date,
)
from presslens.extract.temporal._durations import NUMBER, TimexValue, duration_value, set_value
from presslens.extract.temporal._lexicon import alternation, timex_lexicon
from presslens.extract.temporal._reference import Reference

__all__ = ["Reference", "TimexValue", "timex_value"]

_PLACEHOLDER = dt.date(2030, 6, 14)  # only its digits' positions survive masking
_LEX = timex_lexicon()
_M = alternation(_LEX.months) + r"\.?"
_WD = alternation(_LEX.weekdays) + r"\.?"
_POD = alternation(_LEX.parts_of_day)
_SEASON = alternation(_LEX.seasons)
_ORD = alternation(_LEX.ordinals)
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_UNIT_SG = alternation(u for u in _LEX.units if u != "weekend")
_REL = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
        "following": 1, "same": 0, "that": 0}
_RELWORD = alternation(_REL)
# relative words that count from the text's last date, not from the anchor (TimeML: anaphoric)
_ANAPHORIC = frozenset({"following", "previous", "same", "that"})
_ERA = alternation(_LEX.eras) + r"\.?"
_REF_UNITS = {"D": 3, "W": 3, "WE": 3, "M": 2, "Q": 2, "Y": 1, "DE": 1, "CE": 1}
_TZ = r"(?: (?P<tz>utc|gmt|z|[a-z]{2,4}t))?"


@dataclass
class _Ctx:
    anchor: dt.date
    tense: Tense | None
    ref: Reference | None
    local_ref: dt.date | None
    narrative: Reference | None = None
    flashback: bool = False
    has_anchor: bool = True
    masked: str | None = None  # "year" or "all": which parts came from the anchor

    def uses(self, parts: str) -> dt.date:
        if self.masked != "all":
            self.masked = parts
        return self.anchor


#: A clock time written with a dot, told from a decimal by the am/pm after it ("6.59pm", "7.15 p.m.").
_DOTTED_CLOCK = re.compile(r"\b(\d{1,2})\.(\d\d)(?= ?[ap]\.?m\b)")


def _clean(text: str) -> str:
    s = text.lower().replace("’", "'").replace("‘", "'")
    s = re.sub(r"\s+", " ", s).strip(" ,.;:")
    s = re.sub(r"(?<!\d0)'s?$", "", s).strip()  # "last year's"; "the 1980's" stays a decade
    s = re.sub(r"(?<!\d)-|-(?!\d)", " ", s)  # "four-week", "mid-2011"; keep ISO dates
    s = _DOTTED_CLOCK.sub(r"\1:\2", s)  # "6.59pm", "7.15 p.m.": British clock times
    return re.sub(r"\s+", " ", s).strip()


def _year(token: str, ctx: _Ctx) -> int:
    if len(token) == 3 and token.isdecimal():
        return int(token)  # "mid-August 838": only written beside a month (see _explicit)
    if token.startswith("'"):
        two = int(token[1:])
        return 2000 + two if 2000 + two <= ctx.anchor.year + 5 else 1900 + two
    return int(token)


def _day_int(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _date(ctx: _Ctx, year: int | None, month: int, day: int | None) -> TimexValue | None:
    if year is None and ctx.narrative is not None:
        ref = ctx.narrative
        year = narrative_year(ref.date.year, None if ref.unit == "Y" else ref.date.month, month,
                              flashback=ctx.flashback)
    elif year is None:
        year = month_year(ctx.uses("year"), month, day, ctx.tense)
    if day is None:
        return TimexValue("DATE", f"{year:04d}-{month:02d}")
    try:
        return TimexValue("DATE", dt.date(year, month, day).isoformat())
    except ValueError:
        return None


def _explicit(s: str, ctx: _Ctx) -> TimexValue | None:
    """Calendar dates written out: "July 1, 2025", "1 July", "March 2013", "2013"."""
    yr = rf"(?P<y>{_YEAR}|'\d\d|[1-9]\d\d)"  # three digits only beside a month: "August 838"
    wd = rf"(?:{_WD},? )?(?:the )?"
    patterns = (rf"{wd}(?P<m>{_M}) (?:the )?(?P<d>{_DAY})(?:,? {yr})?",
                rf"{wd}(?P<d>{_DAY}) (?:of )?(?P<m>{_M})(?:,? {yr})?",
                rf"(?P<m>{_M}),? (?:of )?{yr}",
                rf"(?P<m>{_M})")
    m = next((found for p in patterns if (found := re.fullmatch(p, s))), None)
    if m:
        month = _LEX.months[m.group("m").rstrip(".")]
        day = _day_int(m.group("d")) if "d" in m.groupdict() and m.group("d") else None
        year = _year(m.group("y"), ctx) if "y" in m.groupdict() and m.group("y") else None
        return _date(ctx, year, month, day)
    if m := re.fullmatch(rf"(?:(?:fiscal|financial|calendar|the year|fy) )?({_YEAR}|'\d\d)", s):
        return TimexValue("DATE", f"{_year(m.group(1), ctx):04d}")
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", s):
        return _date(ctx, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", s):  # US month/day/year
        year = int(m.group(3)) if len(m.group(3)) == 4 else _year("'" + m.group(3), ctx)
        if 1 <= int(m.group(1)) <= 12:
            return _date(ctx, year, int(m.group(1)), int(m.group(2)))
    if m := re.fullmatch(r"(?:the )?(?:(\d{2})|')?(\d)0 ?'?s", s):  # the 1990s, the '90s
        century = m.group(1) or ("20" if 2000 + 10 * int(m.group(2)) <= ctx.anchor.year else "19")
        return TimexValue("DATE", f"{century}{m.group(2)}")
    if m := re.fullmatch(rf"(?:the )?(?:(\d{{1,2}})(?:st|nd|rd|th)|({_ORD})) century", s):
        number = int(m.group(1)) if m.group(1) else _LEX.ordinals[m.group(2)]
        return TimexValue("DATE", f"{number - 1:02d}")
    return None


def _era(s: str, ctx: _Ctx) -> TimexValue | None:
    """Years with an era marker, valued as HeidelTime's historic rules do (TIMEX2 convention).

    "44 BC" -> ``BC0044``, "the year 43 BCE" -> ``BC0043``, "March 44 BC" ->
    ``BC0044-03``, "AD 476" -> ``0476``, "the 2nd century BC" -> ``BC01``,
    "the 4th century CE" -> ``03``, "the 190s BC" -> ``BC019``.
    """
    era = rf"(?P<e>{_ERA})"
    m = (re.fullmatch(rf"(?:(?:the )?year )?(?:(?P<d>{_DAY}) )?(?:(?P<m>{_M}),? )?(?P<y>\d{{1,4}}) {era}", s)
         or re.fullmatch(rf"(?:(?P<m>{_M}) (?P<d>{_DAY}),? )(?P<y>\d{{1,4}}) {era}", s)
         or re.fullmatch(rf"(?:(?:the )?year )?{era} (?P<y>\d{{1,4}})", s))
    if m:
        bc = _LEX.eras[m.group("e").rstrip(".")] == "BC"
        year = int(m.group("y"))
        if year == 0:
            return None
        value = f"{'BC' if bc else ''}{year:04d}"
        groups = m.groupdict()
        if groups.get("m"):
            value += f"-{_LEX.months[groups['m'].rstrip('.')]:02d}"
            if groups.get("d"):
                value += f"-{_day_int(groups['d']):02d}"
        return TimexValue("DATE", value)
    if m := re.fullmatch(rf"(?:the )?(?:(\d{{1,2}})(?:st|nd|rd|th)|({_ORD})) century {era}", s):
        number = int(m.group(1)) if m.group(1) else _LEX.ordinals[m.group(2)]
        bc = _LEX.eras[m.group("e").rstrip(".")] == "BC"
        return TimexValue("DATE", f"{'BC' if bc else ''}{number - 1:02d}")
    if m := re.fullmatch(rf"(?:the )?(\d{{1,3}})0 ?'?s {era}", s):
        bc = _LEX.eras[m.group("e").rstrip(".")] == "BC"
        return TimexValue("DATE", f"{'BC' if bc else ''}{int(m.group(1)):03d}")
    return None


def _deictic(s: str, ctx: _Ctx) -> TimexValue | None:
    """today / yesterday / tomorrow / tonight, optionally with a part of day."""
    shifts = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this": 0, "last": -1}
    m = re.fullmatch(rf"(?:the day (?P<ba>before|after) )?(?P<w>today|yesterday|tomorrow|tonight|this|last)"
                     rf"(?: (?P<p>{_POD}))?", s)
    if not m or (m.group("w") in ("this", "last") and not m.group("p")):
        return None
    if m.group("w") == "last" and m.group("p") != "night":
        return None
    shift = shifts[m.group("w")] + {"before": -1, "after": 1, None: 0}[m.group("ba")]
    day = ctx.uses("all") + dt.timedelta(days=shift)
    pod = "NI" if m.group("w") == "tonight" else _LEX.parts_of_day.get(m.group("p") or "")
    if pod:
        return TimexValue("TIME", f"{day.isoformat()}T{pod}")
    return TimexValue("DATE", day.isoformat())


def _anaphoric(s: str, ctx: _Ctx) -> TimexValue | None:
    """"that night", "later that day", "the same day", "earlier in the year": the last date named."""
    if m := re.fullmatch(r"(?:earlier|later) in the (?P<u>day|week|month|year)", s):
        code = _LEX.units[m.group("u")][0]
        if ctx.ref is not None and _REF_UNITS[code] <= _REF_UNITS[ctx.ref.unit]:
            return TimexValue("DATE", add_units(ctx.ref.date, code, 0) or "")
        return TimexValue("DATE", add_units(ctx.uses("all"), code, 0) or "")
    m = (re.fullmatch(rf"(?:(?:later|earlier|early|late) )?(?:that|the same) (?P<p>day|{_POD})", s)
         or re.fullmatch(rf"(?:early|late|later|earlier) in the (?P<p>{_POD})", s))
    if not m:
        return None
    day = ctx.ref.date if ctx.ref is not None and ctx.ref.unit == "D" else ctx.uses("all")
    pod = _LEX.parts_of_day.get(m.group("p"))
    return TimexValue("TIME", f"{day.isoformat()}T{pod}") if pod else TimexValue("DATE", day.isoformat())


def _relative(s: str, ctx: _Ctx) -> TimexValue | None:
    """"this week", "last December", "next Monday", "last summer", "the third quarter"."""
    if m := re.fullmatch(rf"(?:the )?(?P<r>{_RELWORD}) (?:fiscal |financial )?(?P<u>{_UNIT_SG}|weekend)", s):
        rel, unit = m.group("r"), _LEX.units[m.group("u")]
        the_next_day = rel == "next" and s.startswith("the") and m.group("u") == "day"
        if rel in ("past", "next", "coming") and s.startswith("the") and not the_next_day:
            return None  # "the past year" is a duration (TimeML), handled by duration_value
        code = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "WE": "WE"}.get(unit[0])
        if unit[1] == 10:
            code = "DE"
        elif unit[1] == 100:
            code = "CE"
        if code is None:
            return None
        if (rel in _ANAPHORIC or the_next_day) and ctx.ref is not None:
            value = _from_ref(ctx.ref, code, _REL[rel])  # "the following year", "the next day", "that year"
        else:
            value = add_units(ctx.uses("all"), code, _REL[rel])
        return TimexValue("DATE", value) if value else None
    if m := re.fullmatch(rf"(?P<m>{_M}),? (?:of )?(?:the )?(?P<r>{_RELWORD}) year", s):
        # "October that year", "March of the following year"; "October of next year" stays two
        # expressions, "October" and "next year", as TempEval-3 and MEANTIME annotate it
        month, rel = _LEX.months[m.group("m").rstrip(".")], m.group("r")
        if rel not in _ANAPHORIC:
            return None
        year = ctx.ref.date.year if ctx.ref is not None else ctx.uses("year").year
        return TimexValue("DATE", f"{year + _REL[rel]:04d}-{month:02d}")
    if m := re.fullmatch(rf"(?:the )?(?P<r>{_RELWORD}) (?P<m>{_M})", s):
        month, rel = _LEX.months[m.group("m").rstrip(".")], _REL[m.group("r")]
        # "the previous January": the January before the text's last date, not before the anchor
        a = ctx.ref.date if m.group("r") in _ANAPHORIC and ctx.ref is not None else ctx.uses("year")
        year = a.year - (month >= a.month) if rel < 0 else a.year + (month <= a.month) if rel > 0 else a.year
        return TimexValue("DATE", f"{year:04d}-{month:02d}")
    if m := re.fullmatch(rf"(?:the )?(?P<r>{_RELWORD}) (?P<w>{_WD})", s):
        weekday, rel, a = _LEX.weekdays[m.group("w").rstrip(".")], _REL[m.group("r")], ctx.uses("all")
        if rel < 0:
            day = a - dt.timedelta(days=(a.isoweekday() - weekday - 1) % 7 + 1)
        elif rel > 0:
            day = a + dt.timedelta(days=(weekday - a.isoweekday() - 1) % 7 + 1)
        else:
            day = weekday_date(a, weekday, ctx.tense)
        return TimexValue("DATE", day.isoformat())
    if s in ("weekend", "the weekend"):
        a = ctx.uses("all")
        saturday = weekday_date(a, 6, "FUTURE" if ctx.tense == "FUTURE" else "PAST")
        return TimexValue("DATE", add_units(saturday, "WE", 0) or "")
    if m := re.fullmatch(rf"(?P<w>{_WD})", s):
        weekday = _LEX.weekdays[m.group("w").rstrip(".")]
        if ctx.narrative is not None and ctx.narrative.unit == "D":
            # a narrative moves forward from the day it named ("On 3 March ... on Friday")
            tense: Tense = "PAST" if ctx.flashback else "FUTURE"
            return TimexValue("DATE", weekday_date(ctx.narrative.date, weekday, tense).isoformat())
        if not ctx.has_anchor:
            return TimexValue("DATE", f"XXXX-WXX-{weekday}", anchored=False)
        return TimexValue("DATE", weekday_date(ctx.anchor, weekday, ctx.tense).isoformat())
    return _season_or_quarter(s, ctx)


_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def _season_or_quarter(s: str, ctx: _Ctx) -> TimexValue | None:
    yr = rf"(?: (?:of )?(?:(?P<y>{_YEAR})|(?:the )?(?P<ry>this|last|next|current|previous) year))?"
    if m := re.fullmatch(rf"(?:(?P<r>this|last|next|past|coming) )?(?P<s>{_SEASON}){yr}", s):
        code = _LEX.seasons[m.group("s")]
        if m.group("y"):
            return TimexValue("DATE", f"{m.group('y')}-{code}")
        if ctx.narrative is not None and not m.group("r") and not m.group("ry"):
            return TimexValue("DATE", f"{ctx.narrative.date.year:04d}-{code}")
        a = ctx.uses("year")
        year = a.year + (_REL[m.group("ry")] if m.group("ry") else 0)
        now = _SEASON_ORDER[{12: "WI", 1: "WI", 2: "WI"}.get(a.month, "SP" if a.month < 6 else
                                                             "SU" if a.month < 9 else "FA")]
        rel = m.group("r")
        if rel in ("last", "past") or (rel is None and ctx.tense == "PAST"):
            year -= _SEASON_ORDER[code] >= now if rel else _SEASON_ORDER[code] > now
        elif rel in ("next", "coming") or (rel is None and ctx.tense == "FUTURE"):
            year += _SEASON_ORDER[code] <= now if rel else _SEASON_ORDER[code] < now
        return TimexValue("DATE", f"{year:04d}-{code}")
    q = rf"(?:(?P<o>{_ORD}) (?:fiscal )?(?P<k>quarter|half)|q(?P<n>[1-4]))"
    if m := re.fullmatch(rf"(?:the )?{q}{yr}", s):
        kind = "H" if m.group("k") == "half" else "Q"
        number = int(m.group("n")) if m.group("n") else _LEX.ordinals[m.group("o")]
        if number > (2 if kind == "H" else 4):
            return None
        if m.group("y"):
            return TimexValue("DATE", f"{m.group('y')}-{kind}{number}")
        if ctx.narrative is not None and not m.group("ry"):
            return TimexValue("DATE", f"{ctx.narrative.date.year:04d}-{kind}{number}")
        a = ctx.uses("year")
        year = a.year + (_REL[m.group("ry")] if m.group("ry") else 0)
        current = (a.month - 1) // (6 if kind == "H" else 3) + 1
        if not m.group("ry") and ctx.tense == "PAST" and number > current:
            year -= 1
        return TimexValue("DATE", f"{year:04d}-{kind}{number}")
    return None


def _ago(s: str, ctx: _Ctx) -> TimexValue | None:
    """"two years ago" -> 2023, "three days later" (from the narrative date)."""
    m = re.fullmatch(rf"(?P<n>{NUMBER}) (?P<u>{_UNIT_SG})s? (?P<d>ago|earlier|later|from now|hence)",
                     s)
    if not m or m.group("u") in ("hour", "minute", "second"):
        return None
    amount = _LEX.cardinals.get(m.group("n"))
    if amount is None and re.fullmatch(r"\d+", m.group("n")):
        amount = int(m.group("n"))
    if amount is None:
        return TimexValue("DATE", "PAST_REF" if m.group("d") in ("ago", "earlier") else "FUTURE_REF")
    letter, size = _LEX.units[m.group("u")]
    code = "DE" if size == 10 else "CE" if size == 100 else letter
    sign = -1 if m.group("d") in ("ago", "earlier") else 1
    steps = sign * amount * (size if code in ("W", "D", "M", "Q") else 1)
    if m.group("d") in ("earlier", "later") and ctx.ref is not None:
        value = _from_ref(ctx.ref, code, steps)  # "twelve days later": from the text's last date
    else:
        value = add_units(ctx.uses("all"), code, steps)
    return TimexValue("DATE", value) if value else None


def _from_ref(ref: Reference, code: str, amount: int) -> str | None:
    """`amount` `code` units from the reference, no finer than the reference itself.

    "the following day" after "in February 1940" is some day in 1940-02 or
    1940-03; the value keeps what is known (``1940-02``) rather than invent a day.
    """
    if _REF_UNITS.get(code, 3) <= _REF_UNITS[ref.unit]:
        return add_units(ref.date, code, amount)
    if code in ("D", "W", "WE"):
        shifted = ref.date + dt.timedelta(days=amount * (1 if code == "D" else 7))
    else:
        months = amount * (3 if code == "Q" else 1)
        index = ref.date.year * 12 + ref.date.month - 1 + months
        shifted = dt.date(index // 12, index % 12 + 1, 1)
    return ref.format(shifted)


def _clock(s: str, ctx: _Ctx) -> TimexValue | None:
    """"3 p.m.", "15:00 GMT Saturday", "noon": TIME on the sentence's date or the anchor."""
    pattern = (rf"(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?(?::\d\d)? ?(?P<ap>a\.?m\.?|p\.?m\.?)?{_TZ}"
               rf"|(?P<hm>\d\d)(?P<mm>\d\d){_TZ.replace('tz', 'tz2').replace('?:', '', 1)}"
               rf"|(?P<noon>noon|midnight)")
    m = re.fullmatch(rf"(?:(?P<pre>.+?),? (?:at )?)?(?:{pattern})(?:,? (?:on )?(?P<post>.+))?", s)
    if not m or (m.group("h") and not (m.group("ap") or m.group("mi"))):
        return None
    if m.group("noon"):
        hour, minute = (12, 0) if m.group("noon") == "noon" else (24, 0)
    elif m.group("hm"):
        hour, minute = int(m.group("hm")), int(m.group("mm"))
    else:
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
        ap = (m.group("ap") or "").replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
    if hour > 24 or minute > 59:
        return None
    day_text = m.group("pre") or m.group("post")
    if day_text:
        day = _value(day_text, ctx)
        if day is None or day.type != "DATE" or not re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", day.value):
            return None
        date_part = day.value
    else:  # no day of its own: its sentence's day, else the day the past narration is at, else the anchor
        told = ctx.ref.date if ctx.ref is not None and ctx.ref.unit == "D" and ctx.tense == "PAST" else None
        date_part = (ctx.local_ref or told or ctx.uses("all")).isoformat()
    zone = "Z" if (m.group("tz") or m.group("tz2") or "") in ("utc", "gmt", "z") else ""
    return TimexValue("TIME", f"{date_part}T{hour:02d}:{minute:02d}{zone}")


def _part_of_day(s: str, ctx: _Ctx) -> TimexValue | None:
    """"Friday afternoon", "July 1 evening": a day expression plus a TIMEX3 part of day."""
    m = re.fullmatch(rf"(?P<d>.+) (?P<p>{_POD})", s)
    if not m:
        return None
    day = _value(m.group("d"), ctx)
    if day is None or day.type != "DATE" or not re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", day.value):
        return None
    return TimexValue("TIME", f"{day.value}T{_LEX.parts_of_day[m.group('p')]}")


_RULES = (_deictic, _anaphoric, _era, _explicit, _relative, _ago, _clock, _part_of_day)


def _value(s: str, ctx: _Ctx) -> TimexValue | None:
    if s in _LEX.fixed:
        kind, value = _LEX.fixed[s]
        return TimexValue(kind, value)  # type: ignore[arg-type]
    for rule in _RULES:
        if (found := rule(s, ctx)) is not None:
            return found
    return duration_value(s) or set_value(s)


def _with_modifier(s: str, ctx: _Ctx) -> TimexValue | None:
    """Strip a TIMEX3 mod prefix ("early", "the end of", "about") and value the rest."""
    for prefix, mod in _LEX.modifiers:
        if not s.startswith(prefix + " "):
            continue
        rest = s[len(prefix) + 1:]
        if mod in ("START", "MID", "END"):
            rest = re.sub(r"^(?:the )?(year|month|week|day)$", r"this \1", rest)
        found = _value(rest, ctx)
        if found is None or found.value.endswith("_REF"):
            continue
        if mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE") and found.type != "DURATION":
            continue
        return TimexValue(found.type, found.value, mod)
    return None


@lru_cache(maxsize=8192)
def timex_value(
    text: str,
    anchor: dt.date | None,
    tense: Tense | None = None,
    ref: Reference | None = None,
    local_ref: dt.date | None = None,
    narrative: Reference | None = None,
    flashback: bool = False,
) -> TimexValue | None:
    """The TIMEX3 type/value/mod of `text` seen from `anchor`, or None.

    `ref` is the text's last date (for "later", "the following year"),
    `narrative` the reference time of a past-tense narrative that replaces the
    anchor for underspecified calendar dates, `flashback` a past-perfect verb.
    Without an anchor, the parts of the value that would come from it are
    ``X`` placeholders (``XXXX-07-01`` for "July 1") and ``anchored`` is False.
    ``deictic`` says the value counted from the anchor at day level.
    """
    ctx = _Ctx(anchor or _PLACEHOLDER, tense, ref, local_ref, narrative=narrative, flashback=flashback,
               has_anchor=anchor is not None)
    s = _clean(text)
    if not s:
        return None
    found = _value(s, ctx) or _with_modifier(s, ctx)
    if found is None:
        return None
    deictic = ctx.masked == "all"
    if anchor is None and ctx.masked:
        head, sep, tail = found.value.partition("T")
        head = "XXXX" + head[4:] if ctx.masked == "year" else mask_value(head)
        return TimexValue(found.type, head + sep + tail, found.mod, anchored=False, deictic=deictic)
    return replace(found, deictic=True) if deictic else found
