"""Thin spaCy components that call the pure functions in `presslens.extract`.

Registered through the ``spacy_factories`` entry point, so
``nlp.add_pipe("presslens_timexes")`` works in any pipeline once presslens is
installed.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from presslens.extract.entities import linked_entities, repaired_entity_spans
from presslens.extract.temporal import temporal_inconsistencies, time_expressions
from presslens.nlp.extensions import doc_flags, register_extensions

__all__ = ["EntityComponent", "TimexComponent"]


class TimexComponent:
    """Finds and normalises time expressions against ``doc._.published``."""

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.published
        timexes = time_expressions(doc, anchor)
        doc._.timexes = timexes
        doc_flags(doc).extend(temporal_inconsistencies(doc, timexes, anchor))
        return doc


class EntityComponent:
    """Repairs the tagger's known errors in ``doc.ents`` and links aliases."""

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = repaired_entity_spans(doc)
        doc._.entities = linked_entities(doc)
        return doc


@Language.factory(
    "presslens_timexes",
    assigns=["doc._.timexes", "doc._.flags"],
    requires=["doc.ents", "token.dep"],
)
def make_timex_component(nlp: Language, name: str) -> TimexComponent:
    register_extensions()
    return TimexComponent()


@Language.factory(
    "presslens_entities",
    assigns=["doc.ents", "doc._.entities"],
    requires=["doc.ents"],
)
def make_entity_component(nlp: Language, name: str) -> EntityComponent:
    register_extensions()
    return EntityComponent()
