"""Russian time expressions (TIMEX3) valued against the publication date.

Rules over natasha's tokens and pymorphy2's lemmas, so one rule covers every
case form ("1 июля", "с 1 июля", "до 1 июля"): the words are data
(``resources/russian_timex.tsv``) and the calendar arithmetic is the English
path's (``presslens.extract.temporal._calendar``: HeidelTime's news strategy,
a date without a year placed by the tense of its sentence). What is read:

- a day and a month, with a year when written ("1 июля 2024 года"), also
  after "в ночь на" (the night into that day, valued as that day);
- a month, with or without a year ("в июле", "в июле 2024 года");
- a year followed by "год" ("в 2024 году");
- a unit moved by an adjective ("в прошлом году", "на этой неделе");
- a day adverb, with a time of day ("вчера вечером");
- a weekday ("в пятницу"), by the tense of its sentence;
- "N units ago" ("три дня назад") and durations ("на четыре месяца": P4M).

Without a publication date the anchor-derived digits are ``X``, as in English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from presslens.extract.temporal._calendar import (
    Tense,
    add_units,
    iso_week,
    mask_value,
    month_year,
    weekday_date,
)
from presslens.models import Timex, TimexType
from presslens.resources import read_tsv

__all__ = ["russian_timexes"]

_YEAR_WORDS = frozenset({"год", "г", "г."})
_CLOCK = {"H": "H", "MI": "M"}


@dataclass(frozen=True)
class _Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    deictic: dict[str, int]
    relative: dict[str, int]
    units: dict[str, str]
    numbers: dict[str, float]
    dayparts: dict[str, str]
    ago: dict[str, int]


@cache
def _words() -> _Words:
    rows = read_tsv("russian_timex.tsv")

    def kind(name: str) -> dict[str, str]:
        return {row[1]: row[2] for row in rows if row[0] == name}

    return _Words(
        months={k: int(v) for k, v in kind("month").items()},
        weekdays={k: int(v) for k, v in kind("weekday").items()},
        deictic={k: int(v) for k, v in kind("deictic").items()},
        relative={k: int(v) for k, v in kind("relative").items()},
        units=kind("unit"),
        numbers={k: float(v) for k, v in kind("number").items()},
        dayparts=kind("dayparts"),
        ago={k: int(v) for k, v in kind("ago").items()},
    )


@dataclass(frozen=True)
class _Hit:
    end: int  # token index after the expression
    type: TimexType
    value: str


class _Sentence:
    def __init__(self, tokens: Sequence[Any], vocab: Any) -> None:
        self.tokens = list(tokens)
        for t in self.tokens:
            if t.lemma is None:
                t.lemmatize(vocab)
        self.text = [t.text for t in self.tokens]
        self.low = [t.text.lower() for t in self.tokens]
        self.lemma = [t.lemma or t.text.lower() for t in self.tokens]
        self.tense = _tense(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def digits(self, i: int, lo: int, hi: int) -> int | None:
        if i < len(self) and self.text[i].isdecimal() and lo <= int(self.text[i]) <= hi:
            return int(self.text[i])
        return None

    def number(self, i: int, w: _Words) -> float | None:
        if i >= len(self):
            return None
        text = self.text[i].replace(",", ".", 1)  # "3,5 года"
        if text.replace(".", "", 1).isdecimal():
            return float(text)
        return w.numbers.get(self.lemma[i])

    def year_after(self, i: int) -> tuple[int, int] | None:
        """A written year at token `i` ("2024", "2024 года", "2024 г."): (year, end)."""
        year = self.digits(i, 1000, 2100)
        if year is None:
            return None
        end = i + 1
        if end < len(self) and self.lemma[end] in _YEAR_WORDS:
            end += 1
            if end < len(self) and self.text[end] == ".":
                end += 1 if self.text[end - 1] == "г" else 0
        return year, end


def _tense(tokens: Sequence[Any]) -> Tense | None:
    """The tense of the sentence's first finite verb. Participles carry a tense of their own
    form, not of the time referred to ("запланирован на ноябрь" is a plan for November)."""
    for t in tokens:
        if t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin":
            tense = t.feats.get("Tense")
            if tense:
                return {"Past": "PAST", "Fut": "FUTURE", "Pres": "PRESENT"}.get(tense)  # type: ignore[return-value]
    return None


def _placed_year(s: _Sentence, anchor: dt.date, month: int, day: int | None) -> int:
    """The year of a month (and day) written without one. A past or future finite verb places it
    as HeidelTime does (``month_year``); otherwise the occurrence nearest the publication date
    wins — the Russian present says nothing of when ("выборы 19 декабря мы считаем ...")."""
    if s.tense in ("PAST", "FUTURE"):
        return month_year(anchor, month, day, s.tense)
    middle = dt.date(anchor.year, month, min(day or 15, 28))
    # ties (a month half a year away) stay in the publication year
    return min((anchor.year, anchor.year - 1, anchor.year + 1),
               key=lambda y: abs((middle.replace(year=y) - anchor).days))


_COORDINATION = frozenset({"и", "или", "а", "по", "до", ",", "-", "—", "–", "(", ")"})


def _relative_year(s: _Sentence, i: int, w: _Words, anchor: dt.date) -> tuple[int, int] | None:
    """"прошлого года" after a month ("в ноябре прошлого года"): (year, end)."""
    if i + 1 < len(s) and s.lemma[i + 1] == "год" and s.lemma[i] in w.relative:
        return anchor.year + w.relative[s.lemma[i]], i + 2
    return None


def _carried_year(s: _Sentence, i: int, reach: int = 12) -> int | None:
    """The year written after a coordinated date ("22 апреля (первый тур) и 6 мая (второй тур)
    2012 года": both in 2012): the first written year within `reach` tokens, when a coordinating
    word or bracket lies between and no verb does."""
    coordinated = False
    for k in range(i, min(len(s), i + reach)):
        if s.low[k] in _COORDINATION:
            coordinated = True
        elif s.tokens[k].pos in ("VERB", "AUX"):
            return None
        written = s.year_after(k)
        if written is not None and written[1] > k + 1:  # followed by "год"
            return written[0] if coordinated else None
    return None


def _day(s: _Sentence, i: int, w: _Words, anchor: dt.date) -> _Hit | None:
    start = i + 2 if s.low[i : i + 2] == ["ночь", "на"] else i  # "в ночь на 27 июня": that day
    day = s.digits(start, 1, 31)
    month = w.months.get(s.lemma[start + 1]) if start + 1 < len(s) else None
    if day is None or month is None:
        return None
    written = s.year_after(start + 2) or _relative_year(s, start + 2, w, anchor)
    year = written[0] if written else _carried_year(s, start + 2) or _placed_year(s, anchor, month, day)
    try:
        value = dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    return _Hit(written[1] if written else start + 2, "DATE", value)


def _month(s: _Sentence, i: int, w: _Words, anchor: dt.date) -> _Hit | None:
    month = w.months.get(s.lemma[i])
    if month is None or s.tokens[i].pos != "NOUN":
        return None
    written = s.year_after(i + 1) or _relative_year(s, i + 1, w, anchor)
    year = written[0] if written else _carried_year(s, i + 1) or _placed_year(s, anchor, month, None)
    return _Hit(written[1] if written else i + 1, "DATE", f"{year:04d}-{month:02d}")


def _year(s: _Sentence, i: int, w: _Words, anchor: dt.date) -> _Hit | None:
    written = s.year_after(i)
    if written is None:
        return None
    if written[1] == i + 1:  # a bare four-digit number is a year only when "год" follows ...
        later = s.year_after(i + 2) if i + 1 < len(s) and s.low[i + 1] in _COORDINATION else None
        if later is None or later[1] == i + 3:  # ... it, or a year coordinated with it ("в 1995 и 2002 году")
            return None
    return _Hit(written[1], "DATE", f"{written[0]:04d}")


def _relative(s: _Sentence, i: int, w: _Words, anchor: dt.date) -> _Hit | None:
    shift = w.relative.get(s.lemma[i])
    unit = w.units.get(s.lemma[i + 1]) if i + 1 < len(s) else None
    if shift is None or unit not in ("Y", "M", "W", "Q", "DE", "CE"):
        return None
    value = iso_week(anchor + dt.timedelta(weeks=shift)) if unit == "W" else add_units(anchor, unit, shift)
    return _Hit(i + 2, "DATE", value) if value else None


def _with_daypart(s: _Sentence, end: int, w: _Words, day: dt.date) -> _Hit:
    part = w.dayparts.get(s.low[end]) if end < len(s) else None
    if part:
        return _Hit(end + 1, "TIME", f"{day.isoformat()}T{part}")
    return _Hit(end, "DATE", day.isoformat())


def _deictic(s: _Sentence, i: int, w: _Words, anchor: dt.date) -> _Hit | None:
    offset = w.deictic.get(s.low[i], w.deictic.get(s.lemma[i]))
    if offset is None:
        return None
    return _with_daypart(s, i + 1, w, anchor + dt.timedelta(days=offset))


def _weekday(s: _Sentence, i: int, w: _Words, anchor: dt.date) -> _Hit | None:
    """A weekday, by the tense; with the date it names ("в понедельник, 16 мая") that date."""
    weekday = w.weekdays.get(s.lemma[i])
    if weekday is None or s.tokens[i].pos != "NOUN":
        return None
    hit = _with_daypart(s, i + 1, w, weekday_date(anchor, weekday, s.tense))
    at = hit.end + (1 if hit.end < len(s) and s.text[hit.end] == "," else 0)
    named = _day(s, at, w, anchor) if at < len(s) else None
    if named is not None:
        part = hit.value[10:] if hit.type == "TIME" else ""
        return _Hit(named.end, "TIME" if part else "DATE", named.value + part)
    return hit


def _daypart_first(s: _Sentence, i: int, w: _Words, anchor: dt.date) -> _Hit | None:
    """"утром в понедельник": the time of day of the day named after it."""
    part = w.dayparts.get(s.low[i])
    if part is None or i + 2 >= len(s) or s.low[i + 1] not in ("в", "во"):
        return None
    day = _weekday(s, i + 2, w, anchor) or _deictic(s, i + 2, w, anchor)
    if day is None or day.type != "DATE":
        return None
    return _Hit(day.end, "TIME", f"{day.value}T{part}")


def _counted(s: _Sentence, i: int, w: _Words, anchor: dt.date) -> _Hit | None:
    """"три дня назад" (a date) or "на четыре месяца" (a duration); "несколько лет" (PXY); a unit
    alone after "в течение" ("в течение недели": one of it)."""
    if s.lemma[i] == "несколько" and i + 1 < len(s) and w.units.get(s.lemma[i + 1]) in ("Y", "M", "W", "D"):
        return _Hit(i + 2, "DURATION", f"PX{w.units[s.lemma[i + 1]]}")
    if i > 0 and s.low[i - 1] == "течение" and s.lemma[i] in w.units:
        unit = w.units[s.lemma[i]]
        return _Hit(i + 1, "DURATION", f"PT1{_CLOCK[unit]}" if unit in _CLOCK else f"P1{unit}")
    amount = s.number(i, w)
    unit = w.units.get(s.lemma[i + 1]) if i + 1 < len(s) else None
    if amount is None or unit is None or amount <= 0:
        return None
    direction = w.ago.get(s.low[i + 2]) if i + 2 < len(s) else None
    if direction is not None and unit in ("Y", "M", "W", "D") and amount == int(amount):
        value = add_units(anchor, unit, direction * int(amount))
        return _Hit(i + 3, "DATE", value) if value else None
    number = f"{amount:g}"
    if unit in _CLOCK:
        return _Hit(i + 2, "DURATION", f"PT{number}{_CLOCK[unit]}")
    return _Hit(i + 2, "DURATION", f"P{number}{unit}")


_RULES = (_day, _month, _year, _relative, _deictic, _weekday, _daypart_first, _counted)


def russian_timexes(doc: Any, text: str, vocab: Any, anchor: dt.date | None) -> list[Timex]:
    """Every time expression of a morph-tagged natasha Doc, valued against `anchor`."""
    w = _words()
    day = anchor or dt.date(2000, 1, 1)  # values are masked below when there is no anchor
    found: list[Timex] = []
    for sent in doc.sents:
        s = _Sentence(sent.tokens, vocab)
        i = 0
        while i < len(s):
            hits = [h for rule in _RULES if (h := rule(s, i, w, day)) is not None]
            if not hits:
                i += 1
                continue
            hit = max(hits, key=lambda h: h.end)  # the longest reading
            start, end = s.tokens[i].start, s.tokens[hit.end - 1].stop
            value = hit.value if anchor is not None or hit.type == "DURATION" else mask_value(hit.value)
            found.append(Timex(text=text[start:end], start=start, end=end, type=hit.type, value=value))
            i = hit.end
    return found
