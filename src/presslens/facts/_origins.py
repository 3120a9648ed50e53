"""Where a person is from and when they were born, as the text states it: "Dalerdzhon Mirzoyev, a
33-year-old citizen of the Republic of Tajikistan", "Azerbaijani national Rustam Mammadov",
"Ivan Orlov, born in 1978".

Like ages and ranks, these are the identity of a person in a report; two outlets giving one
person two citizenships or two birth years is a contradiction an analyst wants shown (the
nationality of the dead in a border incident; a birth year copied wrong from a register).
Countries are read through the place tables (``facts._lexicon.places``: demonyms, country names
and aliases), so "Tajik" and "the Republic of Tajikistan" are one value (TJ). Names come from
the article's PERSON entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presslens.facts._ages import name_mentions
from presslens.facts._fact import Fact
from presslens.facts._lexicon import fact_lexicon

__all__ = ["person_birth_years", "person_citizenships"]

_COUNTRY = (
    r"(?:the )?(?:Republic of |Kingdom of |Federation of )?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})"
)
_AFTER_NAME = re.compile(
    r",?\s+(?:(?:a|an|the)\s+)?(?:\d{1,3}-year-old\s+)?(?:citizen|national|native|resident)\s+of\s+"
    + _COUNTRY
)
_BEFORE_NAME = re.compile(r"\b([A-Z][\w'’-]*)\s+(?:citizen|national)\s+$")
_BORN = re.compile(
    r",?\s+(?:who was\s+)?(?:born|b\.)\s+(?:in\s+|on\s+[A-Z][a-z]+\s+\d{1,2},\s+)?((?:19|20)\d\d)\b"
    r"|\s+\((?:born\s+|b\.\s+)?((?:19|20)\d\d)\)"
)


def _country(words: str) -> str | None:
    """The ISO code of the longest leading run of `words` the place tables know."""
    places = fact_lexicon().places
    parts = words.split()
    for n in range(len(parts), 0, -1):
        code = places.get(" ".join(parts[:n]).lower())
        if code:
            return code
    return None


def _inside(mention: re.Match[str], seen: set[tuple[int, int]]) -> bool:
    """A mention inside one already read ("Mirzoyev" in "Dalerdzhon Mirzoyev"), longest first."""
    return any(a <= mention.start() < b for a, b in seen)


def person_citizenships(text: str, names: Iterable[tuple[str, str]]) -> list[Fact]:
    """Citizenship facts (value: ISO country code) for the people `names` lists as (surface
    form, canonical name) pairs; the evidence is the name with its citizenship."""
    facts: list[Fact] = []
    seen: set[tuple[int, int]] = set()
    for m, canonical in name_mentions(text, names):
        after = _AFTER_NAME.match(text, m.end())
        before = _BEFORE_NAME.search(text, max(0, m.start() - 40), m.start())
        hit = after or before
        code = _country(hit.group(1)) if hit else None
        if hit is None or code is None or _inside(m, seen):
            continue
        seen.add((m.start(), m.end()))
        start, end = min(m.start(), hit.start()), max(m.end(), hit.end())
        facts.append(Fact(canonical, "citizenship", "identity", code, start, end))
    return facts


def person_birth_years(text: str, names: Iterable[tuple[str, str]]) -> list[Fact]:
    """Birth-year facts for the people `names` lists ("X, born in 1978", "X (1978)")."""
    facts: list[Fact] = []
    seen: set[tuple[int, int]] = set()
    for m, canonical in name_mentions(text, names):
        hit = _BORN.match(text, m.end())
        if hit is None or _inside(m, seen):
            continue
        seen.add((m.start(), m.end()))
        year = hit.group(1) or hit.group(2)
        facts.append(Fact(canonical, "birth year", "identity", year, m.start(), hit.end()))
    return facts
