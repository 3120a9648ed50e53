"""How solid one report of an event or statement is: a confidence in [0.05, 0.95].

A reader scanning a story's timeline wants what is solid first. Three features of a report
carry most of it on real coverage: a named actor (who did it is stated), a date of the act's
own clause (when is stated, not borrowed), and hedging ("reportedly", "allegedly") against it.
The weights are data (``resources/event_confidence.tsv``, with how they were fitted and
checked); this module has no spaCy, so the story layer scores statements with it too.
"""

from __future__ import annotations

from functools import cache

from presslens.models import Mention
from presslens.resources import read_tsv

__all__ = ["is_named", "report_confidence"]

FLOOR, CEILING = 0.05, 0.95


@cache
def _weights() -> dict[str, float]:
    return {name: float(weight) for name, weight in read_tsv("event_confidence.tsv")}


def is_named(mention: Mention | None) -> bool:
    """A party a reader can identify: linked to a name, or written as a proper name."""
    if mention is None:
        return False
    return bool(mention.canonical) or mention.text[:1].isupper()


def report_confidence(*, named_actor: bool, own_date: bool, hedged: bool) -> float:
    """The confidence of one report from its three features (weights in the data file)."""
    w = _weights()
    score = w["base"] + w["named_actor"] * named_actor + w["own_date"] * own_date + w["hedged"] * hedged
    return round(min(CEILING, max(FLOOR, score)), 2)
