"""The word lists behind time-expression recognition, loaded once from data files.

Every list lives in ``presslens/resources/timex_*.tsv`` (each file's header says
where its entries come from); this module only turns the rows into lookup
tables and regular-expression alternations, the way HeidelTime keeps its
``resources/english/repattern`` and ``normalization`` files apart from its rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from presslens.resources import read_tsv

__all__ = ["TimexLexicon", "alternation", "timex_lexicon"]


@dataclass(frozen=True)
class TimexLexicon:
    """Lookup tables keyed by lower-case word (abbreviations without their dot)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    units: dict[str, tuple[str, int]]
    cardinals: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    fixed: dict[str, tuple[str, str]]
    modifiers: tuple[tuple[str, str], ...]
    deictic: frozenset[str]  # anchor words that are no calendar name ("today", "noon", "q1")
    eras: dict[str, str]  # era markers beside a year: "bc" -> "BC", "ad" -> "AD"

    @cached_property
    def unit_words(self) -> frozenset[str]:
        """Unit nouns in singular and plural ("century"/"centuries"), built once (asked per token)."""
        words = set(self.units)
        words |= {w + "s" for w in self.units}
        words.add("centuries")
        return frozenset(words)


def alternation(words: object) -> str:
    """A regex alternation of `words`, longest first so "sept" beats "sep"."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w) for w in items) + ")"


@cache
def timex_lexicon() -> TimexLexicon:
    """Read the timex data files once per process."""
    calendar = read_tsv("timex_calendar.tsv")
    numbers = read_tsv("timex_numbers.tsv")

    def table(rows: tuple[tuple[str, ...], ...], kind: str) -> dict[str, str]:
        return {row[1]: row[2] for row in rows if row[0] == kind}

    units = {row[1]: (row[2], int(row[3])) for row in calendar if row[0] == "unit"}
    modifiers = tuple(
        sorted(((row[0], row[1]) for row in read_tsv("timex_modifiers.tsv")), key=lambda r: -len(r[0]))
    )
    return TimexLexicon(
        months={k: int(v) for k, v in table(calendar, "month").items()},
        weekdays={k: int(v) for k, v in table(calendar, "weekday").items()},
        seasons=table(calendar, "season"),
        parts_of_day=table(calendar, "partofday"),
        units=units,
        cardinals={k: int(v) for k, v in table(numbers, "cardinal").items()},
        vague_numbers=frozenset(table(numbers, "vague")),
        ordinals={k: int(v) for k, v in table(numbers, "ordinal").items()},
        fixed={row[0]: (row[1], row[2]) for row in read_tsv("timex_vague.tsv")},
        modifiers=modifiers,
        deictic=frozenset(row[0] for row in read_tsv("timex_deictic.tsv")),
        eras={row[0]: row[1] for row in read_tsv("timex_eras.tsv")},
    )
