"""Thin spaCy components that call the pure functions in `presslens.extract`.

Registered through the ``spacy_factories`` entry point, so
``nlp.add_pipe("presslens_timexes")`` works in any pipeline once presslens is
installed. spaCy imports every entry-point module whenever it builds *any*
pipeline, so this module imports nothing heavy at import time: the extract
functions are imported when a component is created.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from presslens.extract._shared import doc_text
from presslens.nlp.extensions import doc_flags, register_extensions

__all__ = [
    "ClaimComponent",
    "ContradictionComponent",
    "EntityComponent",
    "EventComponent",
    "PersuasionComponent",
    "TimexComponent",
    "paragraph_boundaries",
]


def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break; the parser keeps preset starts.

    Scraped pages put headings and captions on their own lines without final
    punctuation, and the parser otherwise glues them to the next sentence,
    which spoils both events and evidence spans. Add it before the parser
    (``nlp.add_pipe("presslens_paragraphs", before="parser")``) to get the
    sentence boundaries `presslens analyze` uses.
    """
    # From the line breaks of the text, not a pass over every token (each doc[i] builds a Token):
    # a break inside a whitespace token's text, or in a token's trailing whitespace, starts
    # a sentence at the next token.
    text = doc_text(doc)
    at = text.find("\n")
    if at == -1 or len(doc) < 2:
        return doc
    rows = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    starts = [row[0] for row in rows]
    marked = set()
    while at != -1:
        k = bisect_right(starts, at) - 1
        idx, length, space = rows[k]
        if k + 1 < len(doc) and k not in marked and (space or at >= idx + length):
            marked.add(k)
            doc[k + 1].is_sent_start = True
        at = text.find("\n", at + 1)
    return doc


@Language.factory("presslens_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_component(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    return paragraph_boundaries


class TimexComponent:
    """Finds and normalises time expressions against ``doc._.published``."""

    def __init__(self) -> None:
        from presslens.extract.temporal import temporal_inconsistencies, time_expressions

        self._find = time_expressions
        self._check = temporal_inconsistencies

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.published
        timexes = self._find(doc, anchor)
        doc._.timexes = timexes
        doc_flags(doc).extend(self._check(doc, timexes, anchor))
        return doc


class EntityComponent:
    """Repairs the tagger's known errors in ``doc.ents`` and links aliases."""

    def __init__(self) -> None:
        from presslens.extract.entities import linked_entities, repaired_entity_spans

        self._repair = repaired_entity_spans
        self._link = linked_entities

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = self._repair(doc)
        doc._.entities = self._link(doc)
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


class EventComponent:
    """Codes PLOVER events from the parse, using linked entities and time expressions."""

    def __init__(self) -> None:
        from presslens.extract.events import event_mentions

        self._code = event_mentions

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self._code(doc)
        return doc


@Language.factory(
    "presslens_events",
    assigns=["doc._.events"],
    requires=["token.dep", "doc._.entities", "doc._.timexes"],
)
def make_event_component(nlp: Language, name: str) -> EventComponent:
    register_extensions()
    return EventComponent()


class ClaimComponent:
    """Extracts attributed claims, marks events told inside them, flags unattributed conclusions."""

    def __init__(self) -> None:
        from presslens.extract.claims import attributed_claims, unattributed_assertions
        from presslens.extract.events import events_with_reporters, statement_acts

        self._claims = attributed_claims
        self._assertions = unattributed_assertions
        self._reporters = events_with_reporters
        self._acts = statement_acts

    def __call__(self, doc: Doc) -> Doc:
        claims = self._claims(doc)
        if doc._.events:
            doc._.events = self._reporters(doc._.events, claims)
        claims = self._acts(doc, claims, doc._.events or [])
        doc._.claims = claims
        doc_flags(doc).extend(self._assertions(doc, claims))
        return doc


@Language.factory(
    "presslens_claims",
    assigns=["doc._.claims", "doc._.flags", "doc._.events"],
    requires=["token.dep", "doc._.entities"],
)
def make_claim_component(nlp: Language, name: str) -> ClaimComponent:
    register_extensions()
    return ClaimComponent()


class PersuasionComponent:
    """Marks persuasion-technique spans (trained CRF + lexicons, or lexicons alone)."""

    def __init__(self) -> None:
        from presslens.extract.persuasion import persuasion_spans, persuasion_summary, with_voices

        self._spans = persuasion_spans
        self._voices = with_voices
        self._summary = persuasion_summary

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans = self._voices(self._spans(doc), doc._.claims, text)
        doc._.persuasion = spans
        parsed = doc.has_annotation("SENT_START")
        sentences = [(s.start_char, s.end_char) for s in doc.sents] if parsed else []
        claims = [(c.content.start, c.content.end) for c in doc._.claims or ()]
        doc._.persuasion_summary = self._summary(spans, text, sentences, claims)
        return doc


@Language.factory(
    "presslens_persuasion",
    assigns=["doc._.persuasion", "doc._.persuasion_summary"],
    requires=["token.dep", "token.lemma", "doc.ents", "doc._.claims"],
)
def make_persuasion_component(nlp: Language, name: str) -> PersuasionComponent:
    register_extensions()
    return PersuasionComponent()


class ContradictionComponent:
    """Pairs the article's own claims that disagree (same subject and attribute, another value)."""

    def __init__(self) -> None:
        from presslens.facts import contradictions_within

        self._pairs = contradictions_within

    def __call__(self, doc: Doc) -> Doc:
        doc._.contradictions = self._pairs(doc._.claims or (), doc_text(doc), doc._.article_id or "")
        return doc


@Language.factory(
    "presslens_contradictions",
    assigns=["doc._.contradictions"],
    requires=["doc._.claims"],
)
def make_contradiction_component(nlp: Language, name: str) -> ContradictionComponent:
    register_extensions()
    return ContradictionComponent()
