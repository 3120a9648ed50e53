"""Anchor-free TIMEX3 values: durations ("three days" -> ``P3D``) and sets ("weekly").

Durations follow TimeML 1.2.1 section 2.2.1.3: ``P`` + amount + unit letter,
``T`` before hour/minute/second units, ``X`` for an unspecified amount
("several years" -> ``PXY``, "the past few days" -> ``PXD``), decades and
centuries in years when counted ("a decade" -> ``P10Y``, as TempEval-3 gold)
and as ``DE``/``CE`` when vague. Sets (section 2.2.1.4) are frequency
expressions, valued by their period ("every month" -> ``P1M``,
"each Monday" -> ``XXXX-WXX-1``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.extract.temporal._lexicon import alternation, timex_lexicon

__all__ = ["NUMBER", "TimexValue", "duration_value", "set_value"]

_LEX = timex_lexicon()
_CARD = alternation(_LEX.cardinals)
_VAGUE = alternation(_LEX.vague_numbers)
NUMBER = rf"(?:\d+(?:[.,]\d+)?|{_CARD}(?: {_CARD})?|(?:a )?{_VAGUE}|(?:a )?couple(?: of)?)"
_UNIT = alternation(u for u in _LEX.units if u != "weekend")
_PREFIX = (r"(?:another|an additional|additional|a further|further|the past|the last|the next|the first|"
           r"the final|the following|the previous|the coming|the entire|the whole|the full|past|next|first|"
           r"over the|the)")
_SINGULAR_OK = ("another", "the past", "the next", "the coming", "the entire", "the whole", "the full",
                "an additional", "a further", "the following")


@dataclass(frozen=True)
class TimexValue:
    """What normalisation yields for one expression (before offsets are attached)."""

    type: str
    value: str
    mod: str | None = None
    anchored: bool = True
    deictic: bool = False  # counted from the anchor at day level ("yesterday", "this week", "Friday")


def _amount(text: str) -> float | str | None:
    """The number in a duration: 4, 2.5, or "X" for "several"/"a few"; None if not a number."""
    text = re.sub(r"^a (?=couple|few)", "", text).removesuffix(" of")
    if text in _LEX.vague_numbers or text in ("couple", "few"):
        return 2 if text == "couple" else "X"
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", ".")) if re.search(r"[.,]", text) else int(text)
    words = text.split()
    if all(w in _LEX.cardinals for w in words) and words:
        values = [_LEX.cardinals[w] for w in words]
        if len(values) == 2 and values[0] % 10 == 0 and values[0] >= 20 and values[1] < 10:
            return values[0] + values[1]
        if len(values) == 2 and values[1] == 100 and values[0] < 10:
            return values[0] * 100  # "two hundred years"
        return values[0] if len(values) == 1 else None
    return None


def _format(amount: float | str, unit: str) -> str | None:
    letter, size = _LEX.units[unit]
    if letter == "WE":
        return None
    if amount == "X":
        if size in (10, 100):
            return "PXDE" if size == 10 else "PXCE"
        return {"H": "PTXH", "MIN": "PTXM", "S": "PTXS"}.get(letter, f"PX{letter}")
    number = float(amount) * size
    text = str(int(number)) if number == int(number) else f"{number:g}"
    if letter in ("H", "MIN", "S"):
        return f"PT{text}{letter[0]}"
    return f"P{text}{letter}"


def duration_value(s: str) -> TimexValue | None:
    """"three days", "another four months", "the past two years", "four-week", "years"."""
    m = re.fullmatch(
        rf"(?:(?P<pre>{_PREFIX}) )?(?:(?P<n>{NUMBER}) )?(?P<half>and a half )?"
        rf"(?:(?:straight|consecutive|full|long|more) )?(?P<u>{_UNIT}|centurie)(?P<pl>s)?"
        rf"(?P<half2> and a half)?",
        s,
    )
    if m:
        unit = "century" if m.group("u") == "centurie" else m.group("u")
        pre, number, plural = m.group("pre"), m.group("n"), bool(m.group("pl"))
        if unit == "second" and not (number and re.match(r"\d", number)):
            return None  # "a second" is an ordinal far more often than a duration
        if number is None:
            if plural and pre in (None, "the", "over the", "the past", "the last", "the next", "the coming"):
                amount: float | str | None = "X"  # "years", "over the years", "the past months"
            elif not plural and pre in _SINGULAR_OK:
                amount = 1
            else:
                return None
        else:
            amount = _amount(number)
            if amount is None or (pre in ("the first", "the final", "first") and amount == "X"):
                return None
            halves = m.group("half") or m.group("half2")
            if number in ("a", "an", "one") and plural:
                return None  # "a days" is no duration
            if amount not in (1, "X") and not plural and not halves and pre is not None:
                return None  # "the two day" -- a compound modifier, not "two-day"

        if (m.group("half") or m.group("half2")) and amount != "X":
            amount = float(amount) + 0.5  # type: ignore[arg-type]
        value = _format(amount, unit)
        return TimexValue("DURATION", value) if value else None
    m = re.fullmatch(rf"half (?:a|an) (?P<u>{_UNIT})", s)
    if m:
        value = _format(0.5, m.group("u"))
        return TimexValue("DURATION", value) if value else None
    return None


def set_value(s: str) -> TimexValue | None:
    """"every month" -> P1M, "each Monday" -> XXXX-WXX-1, "twice a year" -> P1Y."""
    m = re.fullmatch(r"(?:every|each|per) (?P<o>other )?(?P<w>\S+)", s)
    if m:
        word = m.group("w").rstrip(".")
        step = 2 if m.group("o") else 1
        if word in _LEX.units and _LEX.units[word][0] != "WE":
            return TimexValue("SET", _format(step, word) or "")
        if word in _LEX.weekdays:
            return TimexValue("SET", f"XXXX-WXX-{_LEX.weekdays[word]}")
        if word in _LEX.parts_of_day:
            return TimexValue("SET", f"XXXX-XX-XXT{_LEX.parts_of_day[word]}")
        if word in _LEX.months:
            return TimexValue("SET", f"XXXX-{_LEX.months[word]:02d}")
        return None
    m = re.fullmatch(rf"(?:every|each) (?P<n>{NUMBER}) (?P<u>{_UNIT})s", s)
    if m and (amount := _amount(m.group("n"))) is not None:
        return TimexValue("SET", _format(amount, m.group("u")) or "")
    m = re.fullmatch(rf"(?:once|twice|\S+ times) (?:a|an|per|every) (?P<u>{_UNIT})", s)
    if m:
        return TimexValue("SET", _format(1, m.group("u")) or "")
    return None
