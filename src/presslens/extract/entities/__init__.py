"""Entities: spaCy's names with its known errors repaired, linked within the document, places resolved.

    repaired_entity_spans(doc) -> list[Span]   (for ``doc.ents``)
    linked_entities(doc) -> list[Entity]

The repairs (``_repair``, ``_context``, ``_additions``) read their words from the
entity lexicons (``_lexicon``, ``resources/entity_*.tsv``) and places from an
offline gazetteer (``_gazetteer``); ``_linking`` gives each mention its canonical
name. The story layer, which never imports spaCy, reads `entity_lexicon`; so
this package imports spaCy only when one of the Doc-level names is first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from presslens.extract.entities._lexicon import EntityLexicon, entity_lexicon

if TYPE_CHECKING:
    from presslens.extract.entities._repair import NAME_LABELS
    from presslens.extract.entities._stage import linked_entities, repaired_entity_spans

# name -> the module that defines it; these import spaCy
_NEEDS_SPACY = {
    "NAME_LABELS": "presslens.extract.entities._repair",
    "linked_entities": "presslens.extract.entities._stage",
    "repaired_entity_spans": "presslens.extract.entities._stage",
}


def __getattr__(name: str) -> object:
    if name in _NEEDS_SPACY:
        value = getattr(importlib.import_module(_NEEDS_SPACY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "NAME_LABELS",
    "EntityLexicon",
    "entity_lexicon",
    "linked_entities",
    "repaired_entity_spans",
]
