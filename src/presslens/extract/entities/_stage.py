"""The entity stage's two steps, called by `presslens.nlp.components`.

``repaired_entity_spans`` replaces spaCy's ``doc.ents`` with the repaired spans
(``_repair``); ``linked_entities`` turns the name spans into `Entity` records with
a within-document identity (``_linking``) and a resolved place (``_gazetteer``).
The rule that changed each span is carried from the first call to the second in
``doc.user_data`` (no Doc extension needed), so ``Entity.why`` can say what the
tagger got wrong.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span

from presslens.extract._shared import span_text
from presslens.extract.entities._gazetteer import resolve_place
from presslens.extract.entities._linking import document_countries, link_mentions, name_text
from presslens.extract.entities._repair import NAME_LABELS, WHY_KEY, repair_entities
from presslens.models import Entity

__all__ = ["NAME_LABELS", "linked_entities", "repaired_entity_spans"]

log = logging.getLogger(__name__)

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def repaired_entity_spans(doc: Doc) -> list[Span]:
    """The document's entity spans with the tagger's known errors repaired.

    Non-name spans (DATE, TIME, CARDINAL, ...) are returned unchanged; the list is
    sorted and non-overlapping, ready for ``doc.ents``.
    """
    repaired = repair_entities(doc)
    spans = [Span(doc, c.start, c.end, label=c.label) for c in repaired]
    doc.user_data[WHY_KEY] = {
        (span.start_char, span.end_char): "; ".join(c.why)
        for span, c in zip(spans, repaired, strict=True)
        if c.why
    }
    return spans


def linked_entities(doc: Doc) -> list[Entity]:
    """`Entity` records for the name spans of ``doc.ents``, with canonical names and places."""
    repairs: dict[tuple[int, int], str] = doc.user_data.get(WHY_KEY, {})
    spans = [span for span in doc.ents if span.label_ in NAME_LABELS]
    links = link_mentions(spans)
    context = document_countries(spans)
    entities: list[Entity] = []
    for span, link in zip(spans, links, strict=True):
        place = (
            resolve_place(name_text(span), context_countries=context)
            if span.label_ in _PLACE_LABELS
            else None
        )
        reasons = [r for r in (repairs.get((span.start_char, span.end_char)), link.why) if r]
        entities.append(
            Entity(
                text=span_text(span),
                label=span.label_,
                start=span.start_char,
                end=span.end_char,
                canonical=link.canonical,
                place=place,
                why="; ".join(reasons) or None,
            )
        )
    return entities
