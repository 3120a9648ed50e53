"""A participant or a speaker as a `Mention`: the words of a parse subtree, named by the entity they hold.

Shared by the claim and event readers, so a speaker and an actor written alike
get the same name: the preposition opening a phrase is left out ("в обращении
МИД", "в отношении Ивана Петрова"), and the canonical name is the person the
words name (the last one: "советник президента Украины Михаил Подоляк" ->
"Михаил Подоляк"), else the organisation with the country its name runs on
into ("МИД Азербайджана", "МВД России"), else a state or a place.
"""

from __future__ import annotations

from collections.abc import Sequence

from presslens.models import Entity, Mention
from presslens.russian.tree import Tree

__all__ = ["party_mention"]

_NAMING_LABELS = ("PERSON", "ORG", "GPE", "LOC")


def party_mention(tree: Tree, ks: set[int], text: str, entities: Sequence[Entity]) -> Mention | None:
    """The Mention of tokens `ks` of `tree` (their longest run, edge punctuation trimmed); None if empty."""
    run = tree.run(ks)
    if run is None:
        return None
    lo, hi = run
    while lo < hi - 1 and (tree.tokens[lo].pos == "ADP" or tree.tokens[lo].rel in ("case", "fixed")):
        lo += 1
    span = tree.span((lo, hi), text)
    inside = [e for e in entities if span.start <= e.start and e.end <= span.end]
    for label in _NAMING_LABELS:
        named = [e for e in inside if e.label == label]
        if not named:
            continue
        canonical = named[-1].canonical
        country = next((e for e in inside if e.label == "GPE" and e.start == named[-1].end + 1), None)
        if label == "ORG" and country is not None:
            canonical = f"{canonical} {country.text}"  # the genitive belongs to the name
        return Mention(text=span.text, canonical=canonical, start=span.start, end=span.end)
    return Mention(text=span.text, start=span.start, end=span.end)
