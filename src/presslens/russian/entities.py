"""Russian named entities: natasha's PER / ORG / LOC as the contract's labels, with lemmatised names.

- Labels: PER -> PERSON, ORG -> ORG; LOC -> GPE when the gazetteer knows the
  name as a country or a city (the contract's label for states and cities,
  which Russian news mostly names as actors: "Россия заявила"), else LOC.
- `canonical` is the lemmatised name (natasha's ``normalize``: "Москве" ->
  "Москва"; a person's name with one gender across its words, ``names``:
  "Ольгу Смирнову" -> "Ольга Смирнова"), so every case form of one name is one
  entity. A surname alone, or a first name alone, takes the full
  name of the person the article named before with it ("Мамедов" ->
  "Ильхам Мамедов"), as the English linking does.
- natasha's known errors are repaired from data (``repairs``: the EU is an
  organisation, "ОАО «Газпром»" is "Газпром", "СМИ" is no name).
- A name in capitals ("МОСКВА, 1 июля") is cased as usual; acronyms are kept.
- `place` is resolved through the shared gazetteer by the lemma.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from natasha.norm import normalize, syntax_normalize

from presslens.extract.entities._gazetteer import resolve_place
from presslens.models import Entity, Place
from presslens.russian.names import person_normal
from presslens.russian.repairs import repaired

__all__ = ["LABELS", "russian_entities"]

LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
_STATE_FEATURES = frozenset({"country", "city"})


def _unshouted(name: str) -> str:
    """A name set in capitals by a dateline or headline ("МОСКВА") in its usual casing; acronyms stay.

    Words of four letters or fewer in capitals are acronyms ("МВД", "НАТО", "ФСБ").
    """
    return " ".join(w.capitalize() if w.isupper() and len(w) > 4 else w for w in name.split())


def _full_name(name: str, people: Sequence[str]) -> str | None:
    """The longest earlier person name `name` is a part of ("Мамедов" in "Ильхам Мамедов")."""
    words = name.split()
    fuller = [p for p in people if len(p.split()) > len(words) and _contains(p.split(), words)]
    return max(fuller, key=len, default=None)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))


def _normal(tokens: Sequence[Any], label: str, morph_vocab: Any) -> str:
    """The name of `tokens` in the nominative: by its syntax for an organisation (only the head and
    its adjectives decline: "Министерства иностранных дел"), word by word otherwise."""
    if label == "PERSON":
        return person_normal(morph_vocab, tokens)
    if label == "ORG":
        return syntax_normalize(morph_vocab, tokens)
    return normalize(morph_vocab, tokens)


def russian_entities(spans: Sequence[Any], morph_vocab: Any, text: str) -> list[Entity]:
    """`Entity` records for natasha's NER spans of `text` (spans tagged, tokens morph-tagged)."""
    entities: list[Entity] = []
    people: list[str] = []
    places: list[Place | None] = []
    for span in spans:
        label = LABELS.get(span.type)
        if label is None:
            continue
        normal = _normal(span.tokens, label, morph_vocab)
        fixed = repaired(span.tokens, label, normal)
        if fixed is None:
            continue
        if fixed.label != label or fixed.tokens is not span.tokens:
            normal = _normal(fixed.tokens, fixed.label, morph_vocab)
        label, tokens = fixed.label, fixed.tokens
        lemma = _unshouted(" ".join(normal.split()))
        canonical, why = lemma, fixed.why
        place = None
        if label == "PERSON":
            fuller = _full_name(lemma, people)
            if fuller is not None:
                canonical, why = fuller, f"linked: part of the earlier name {fuller!r}"
            else:
                people.append(lemma)
        elif label == "LOC":
            countries = [p.country for p in places if p is not None and p.country]
            place = resolve_place(lemma, context_countries=countries)
            places.append(place)
            if place is not None and place.feature in _STATE_FEATURES:
                label = "GPE"
        start, end = tokens[0].start, tokens[-1].stop
        entities.append(
            Entity(
                text=text[start:end],
                label=label,
                start=start,
                end=end,
                canonical=canonical,
                place=place,
                why=why,
            )
        )
    return entities
