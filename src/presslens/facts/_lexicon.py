"""The word lists and patterns behind slot facts, read once from package data.

- ``claim_slots.tsv``: the attribute patterns that find a fact in a claim's content;
- ``fact_words.tsv``: count bounds, vague quantities, reporting participles, generic
  counted nouns and cause intensifiers;
- ``timex_numbers.tsv``: the number words (its cardinals), shared with the time
  expressions so that English numbers are listed once;
- ``timex_calendar.tsv``: month and weekday names, which are capitalised but name no one;
- the place tables (``entity_demonyms.tsv``, ``gazetteer_country_aliases.tsv``,
  ``gazetteer_regions.tsv``, ``metonyms.tsv``): the country a party of an act stands for
  ("Israeli", "from within Gaza", "the Kremlin");
- ``fact_victims.tsv``: the phrasings that name the dead;
- ``fact_causes.tsv``: causes of death by manner-of-death category.

Plain text in, plain records out: nothing here imports spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from presslens.resources import read_tsv

__all__ = [
    "CYRILLIC",
    "FactLexicon",
    "SlotPattern",
    "cause_category",
    "fact_lexicon",
    "slot_patterns",
    "victim_patterns",
]


@dataclass(frozen=True)
class SlotPattern:
    """One attribute pattern of ``claim_slots.tsv``."""

    attribute: str
    kind: str
    regex: re.Pattern[str]
    cyrillic: bool = False  # a Russian pattern: tried only on words that hold Cyrillic letters


@dataclass(frozen=True)
class FactLexicon:
    """The rows of ``fact_words.tsv`` by kind, and the number words."""

    numbers: dict[str, int]
    bounds: dict[str, tuple[float, float]]  # in file order: the first that starts a value wins
    vague: dict[str, tuple[float, float]]
    reported: frozenset[str]
    generic_counted: frozenset[str]
    intensifiers: frozenset[str]
    reporting: frozenset[str]
    rising: frozenset[str]  # count attributes that grow as reports come in (tolls)
    partial: frozenset[str]  # "other", "more": a count of part of a group ("seven other people")
    calendar: frozenset[str]  # month and weekday names, lower case: capitalised, yet never a subject
    party_fillers: frozenset[str]  # words in a party's phrase that name no party ("failed", "rocket")
    doubt: frozenset[str]  # "whether", "not": a party named just after one is not asserted
    likelihood: frozenset[str]  # "likely", "assessed": who did it told as an assessment, not a charge
    damage_levels: dict[str, int]  # "light" -> 1, "widespread" -> 2: how badly a site was damaged
    places: dict[str, str]  # lower-case demonym, country, region or seat -> ISO code


@cache
def slot_patterns() -> tuple[SlotPattern, ...]:
    """The attribute patterns of ``claim_slots.tsv``, compiled once."""
    return tuple(
        SlotPattern(attribute, kind, re.compile(pattern, re.IGNORECASE), bool(CYRILLIC.search(pattern)))
        for attribute, kind, pattern in read_tsv("claim_slots.tsv")
    )


#: A Cyrillic letter: what a Russian slot pattern needs in the text before it is worth trying (and
#: what tells the story layer a name is to be romanised).
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def fact_lexicon() -> FactLexicon:
    """``fact_words.tsv`` and the cardinals of ``timex_numbers.tsv``, read once."""
    rows = read_tsv("fact_words.tsv")

    def words(kind: str) -> frozenset[str]:
        return frozenset(row[1] for row in rows if row[0] == kind)

    def intervals(kind: str) -> dict[str, tuple[float, float]]:
        return {row[1]: (float(row[2]), float(row[3])) for row in rows if row[0] == kind}

    return FactLexicon(
        numbers={row[1]: int(row[2]) for row in read_tsv("timex_numbers.tsv") if row[0] == "cardinal"}
        | {row[1]: int(row[2]) for row in rows if row[0] == "number"},
        bounds=intervals("bound"),
        vague=intervals("vague"),
        reported=words("reported"),
        generic_counted=words("generic"),
        intensifiers=words("intensifier"),
        reporting=words("reporting"),
        rising=words("rising"),
        partial=words("partial"),
        calendar=frozenset(
            row[1] for row in read_tsv("timex_calendar.tsv") if row[0] in ("month", "weekday")
        ),
        party_fillers=words("party-filler"),
        doubt=words("doubt"),
        likelihood=words("likelihood"),
        damage_levels={row[1]: int(row[2]) for row in rows if row[0] == "damage-level"},
        places=_places(),
    )


def _places() -> dict[str, str]:
    """Every way the place tables name a country, lower case, to its ISO code."""
    places: dict[str, str] = {}
    for row in read_tsv("entity_demonyms.tsv"):
        if row[0] != "-":
            for form in [row[1], *",".join(row[2:4]).split(",")]:
                if form.strip():
                    places.setdefault(form.strip().lower(), row[0])
    for alias, code in read_tsv("gazetteer_country_aliases.tsv"):
        places.setdefault(alias.lower(), code)
    for name, code, _feature in read_tsv("gazetteer_regions.tsv"):
        if code != "-":
            places.setdefault(name.lower(), code)
    for form, code, *_ in read_tsv("metonyms.tsv"):
        if code != "-":
            places.setdefault(form.lower(), code)
    return places


@cache
def victim_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """The patterns of ``fact_victims.tsv`` with `name` (a regular expression for a proper
    name) and the file's group nouns in place of ``{name}``; the name is group ``name``."""
    rows = read_tsv("fact_victims.tsv")
    groups = "|".join(row[1] for row in rows if row[0] == "group")
    victims = rf"(?P<name>{name}(?: (?:{groups}))?)"
    return tuple(re.compile(row[1].replace("{name}", victims)) for row in rows if row[0] == "pattern")


@cache
def _cause_rows() -> tuple[tuple[re.Pattern[str], str, bool], ...]:
    rows = sorted(read_tsv("fact_causes.tsv"), key=lambda r: -len(r[0]))  # longest phrase first
    return tuple((re.compile(rf"\b{re.escape(r[0])}\b"), r[1], r[2] == "generic") for r in rows)


@lru_cache(maxsize=4096)  # asked for every pair of causes compared across a story
def cause_category(value: str) -> tuple[str, bool] | None:
    """(category, generic) of a cause of death ("blood clot" -> ("natural", False)), or None."""
    for pattern, category, generic in _cause_rows():
        if pattern.search(value):
            return category, generic
    return None
