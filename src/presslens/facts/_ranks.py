"""Ranks written before a person's name: "Brig. Gen. Daniel Hagari", "Rear Adm. Daniel Hagari".

A rank is part of who a person is in a report (issue: identity and role of people), and
outlets copy it from different sources: one officer given two ranks by two outlets is a
contradiction (or a promotion one of them missed) an analyst wants shown. The forms are the
data of ``resources/fact_ranks.tsv``; the longest form right before the name wins ("Rear Adm."
over "Adm."). Names come from the article's PERSON entities, as for ages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from presslens.facts._ages import name_mentions
from presslens.facts._fact import Fact
from presslens.resources import read_tsv

__all__ = ["person_ranks"]


@cache
def _rank_before() -> tuple[re.Pattern[str], dict[str, str]]:
    ranks = dict(read_tsv("fact_ranks.tsv"))
    forms = "|".join(re.escape(form) for form in sorted(ranks, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])({forms})\s+$"), ranks


def person_ranks(text: str, names: Iterable[tuple[str, str]]) -> list[Fact]:
    """Rank facts for the people `names` lists as (surface form, canonical name) pairs; the
    evidence is the rank and the name ("Rear Adm. Daniel Hagari")."""
    pattern, ranks = _rank_before()
    facts: list[Fact] = []
    seen: set[int] = set()
    for m, canonical in name_mentions(text, names):
        hit = pattern.search(text, max(0, m.start() - 30), m.start())
        if hit is None or m.start() in seen:
            continue
        seen.add(m.start())
        facts.append(Fact(canonical, "rank", "identity", ranks[hit.group(1)], hit.start(), m.end()))
    return facts
