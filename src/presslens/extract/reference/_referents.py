"""The public records and the per-Doc cache (re-exported by the package ``__init__``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presslens.extract.reference._resolve import resolve_document

__all__ = ["Referent", "document_referents", "referent_of"]

_CACHE_KEY = "presslens.referents"


@dataclass(frozen=True)
class Referent:
    """The article entity an anaphor refers to.

    ``start``/``end`` are the character offsets of the mention of that entity
    the resolver chose (a name, or the phrase of a group); ``why`` says how, for
    a reader: "she -> Maria Zakharova (female PERSON by given name 'Maria';
    subject in the previous sentence)".
    """

    canonical: str
    start: int
    end: int
    why: str


def _fingerprint(doc: Doc) -> list:
    """What the cached table was computed from: the linked entity list, or spaCy's spans.

    A later entity stage (or anyone setting ``doc.ents``) makes the table stale,
    so it is recomputed rather than served with the old names.
    """
    linked = doc._.entities if Doc.has_extension("entities") else None
    if linked:
        return ["linked", id(linked), len(linked)]
    return ["ents", [[e.start_char, e.end_char, e.label_] for e in doc.ents]]


def document_referents(doc: Doc) -> dict[int, Referent | None]:
    """Token index -> Referent (or None when unresolved) for every anaphor of `doc`, cached."""
    fingerprint = _fingerprint(doc)
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None or cached[0] != fingerprint:
        table = {
            i: None if r is None else [r.canonical, r.start, r.end, r.why]
            for i, r in resolve_document(doc).items()
        }
        cached = (fingerprint, table)
        doc.user_data[_CACHE_KEY] = cached
    return {i: None if row is None else Referent(*row) for i, row in cached[1].items()}


def referent_of(doc: Doc, token: Token) -> Referent | None:
    """The entity `token` (a pronoun, a relative pronoun or a description's head) refers to.

    None when `token` is no anaphor, or when nothing in the article agrees
    with it (the pronoun is pleonastic, refers to something unnamed, or its
    antecedent is inside its own quotation).
    """
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None or cached[0] != _fingerprint(doc):
        document_referents(doc)
        cached = doc.user_data[_CACHE_KEY]
    row = cached[1].get(token.i)
    return None if row is None else Referent(*row)
