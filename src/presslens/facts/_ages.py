"""People's ages as the text states them, in the outlet's voice or a source's.

News gives a person's age in a few fixed forms (AP and Reuters style): an
appositive number after the name ("Dalerdzhon Mirzoyev, 32,"), a
compound adjective ("a 33-year-old citizen", "the 47-year-old opposition
leader Alexei Navalny"), "aged 19", or a number in parentheses ("Fayzov
(20)"). Two outlets giving one person two ages within days is a
contradiction an analyst wants shown (the ages of suspects as charged by a
court vs as told by a tabloid). Names come from the article's PERSON
entities, so a number after any other noun ("Article 205, ...") is never an
age; the age must be plausible for a person (1 to 110).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from presslens.facts._fact import Fact

__all__ = ["name_mentions", "person_ages"]

_AGE = r"(\d{1,3})"
_AFTER_NAME = re.compile(
    rf"(?:,\s+(?:(?:a|an|the)\s+)?(?:aged\s+)?{_AGE}(?:-year-old\b|\s*(?=[,;.)]|\s+(?:who|was|is|and|from)\b))"
    rf"|\s+\({_AGE}\))"
)
_BEFORE_NAME = re.compile(rf"\b{_AGE}-year-old\s+(?:[a-z][\w-]*\s+){{0,4}}$")
_MAX_AGE = 110
_EVIDENCE_CHARS = 160


def _age(match: re.Match[str]) -> int | None:
    value = next((g for g in match.groups() if g), None)
    age = int(value) if value else 0
    return age if 0 < age <= _MAX_AGE else None


def _evidence(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of its sentence around the mention, at most about two lines of a column."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1,
               start - _EVIDENCE_CHARS // 2, 0)
    right_stop = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min([*right_stop, end + _EVIDENCE_CHARS // 2, len(text)])
    if left > 0 and not text[left - 1].isspace():  # whole words only
        left = next((i + 1 for i in range(left, start) if text[i].isspace()), start)
    if right < len(text) and not text[right].isspace():
        right = next((i for i in range(right, end, -1) if text[i].isspace()), end)
    return left, right


def name_mentions(text: str, names: Iterable[tuple[str, str]]) -> Iterator[tuple[re.Match[str], str]]:
    """Every whole-word mention in `text` of the (surface form, canonical name) pairs, longest
    forms first, with its canonical name."""
    for surface, canonical in sorted(set(names), key=lambda n: -len(n[0])):
        if surface.strip():
            for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text):
                yield m, canonical


def person_ages(text: str, names: Iterable[tuple[str, str]]) -> list[Fact]:
    """Age facts for the people `names` lists as (surface form, canonical name) pairs."""
    facts: list[Fact] = []
    seen: set[int] = set()
    for m, canonical in name_mentions(text, names):
        if m.start() in seen:
            continue
        after = _AFTER_NAME.match(text, m.end())
        before = _BEFORE_NAME.search(text, max(0, m.start() - 60), m.start())
        hit = after or before
        age = _age(hit) if hit else None
        if hit is None or age is None:
            continue
        seen.add(m.start())
        start, end = min(m.start(), hit.start()), max(m.end(), hit.end())
        ev_start, ev_end = _evidence(text, start, end)
        facts.append(Fact(canonical, "age", "identity", str(age), ev_start, ev_end))
    return facts
