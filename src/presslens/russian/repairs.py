"""Repairs of natasha's known entity errors, from ``resources/russian_entity_words.tsv``.

The English path repairs spaCy's names from lexicons (``presslens.extract.entities``);
this is the same for natasha, in three rules, each from data:

- an international organisation is ORG, whatever the tagger says (it tags the
  EU, "ЕС" / "Евросоюз", as a place);
- a company's legal form opening its name is a descriptor, not the name
  ("ОАО «Газпром»" -> "Газпром"), and the quotation marks around a name are
  not part of it; so every outlet's way of writing one company is one name;
- a common-noun abbreviation the tagger takes for a name ("СМИ", the media;
  "ДТП", a road accident) is no entity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from presslens.resources import read_tsv

__all__ = ["EntityWords", "Repaired", "entity_words", "repaired"]

_QUOTES = frozenset("«»\"„“”'")


@dataclass(frozen=True)
class EntityWords:
    orgs: frozenset[str]  # lemmas, case-folded
    legal_forms: frozenset[str]
    common: frozenset[str]


@cache
def entity_words() -> EntityWords:
    rows = read_tsv("russian_entity_words.tsv")

    def kind(name: str) -> frozenset[str]:
        return frozenset(row[1] for row in rows if row[0] == name)

    return EntityWords(
        orgs=frozenset(w.casefold() for w in kind("org")), legal_forms=kind("legal"), common=kind("common")
    )


@dataclass(frozen=True)
class Repaired:
    """A span after the repairs: its tokens, label and the rule that changed it (None: unchanged)."""

    tokens: Sequence[Any]
    label: str
    why: str | None


def repaired(tokens: Sequence[Any], label: str, lemma: str) -> Repaired | None:
    """The span of natasha's `tokens` tagged `label` (whose lemma is `lemma`), repaired; None: no entity."""
    words = entity_words()
    text = " ".join(t.text for t in tokens)
    if text in words.common:
        return None
    if label != "ORG" and lemma.casefold() in words.orgs:
        return Repaired(tokens, "ORG", f"international organisation: {label}->ORG")
    if label == "ORG":
        start, end = 0, len(tokens)
        while start < end and tokens[start].text in words.legal_forms:
            start += 1
        while start < end and tokens[start].text in _QUOTES:
            start += 1
        while end > start and tokens[end - 1].text in _QUOTES:
            end -= 1
        if start == end:
            return None  # only a legal form ("ПАО", its name left outside the span) and quotation marks
        if (start, end) != (0, len(tokens)):
            return Repaired(tokens[start:end], label, "trimmed: legal form and quotation marks")
    return Repaired(tokens, label, None)
