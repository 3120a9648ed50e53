"""The one place where spaCy objects become plain records.

Stages leave their results on the ``Doc`` (``doc._.entities``,
``doc._.timexes``, ``doc._.flags`` …); this module gathers them, with the
article's metadata, into a `Document`. Nothing downstream of here sees spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from presslens.extract._shared import doc_text
from presslens.models import Article, Document, Flag, PersuasionSummary, Versions

__all__ = ["document_from_article", "document_from_doc"]


def _metadata(article: Article) -> dict:
    return article.model_dump(exclude={"flags"})


def _sorted_flags(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    """Metadata flags (no evidence) first, then by position in the text."""
    return tuple(sorted(flags, key=lambda f: (f.evidence is not None, f.evidence.start if f.evidence else 0)))


def document_from_doc(doc: Doc, article: Article, versions: Versions) -> Document:
    """A Document from an analysed Doc and the Article it was made from."""
    spans = doc._.persuasion or ()
    if doc_text(doc) != article.text:
        raise ValueError(
            f"{article.source}: the Doc's text is not the article's body; offsets would be wrong"
        )
    return Document(
        **_metadata(article),
        versions=versions,
        entities=tuple(doc._.entities or ()),
        timexes=tuple(doc._.timexes or ()),
        events=tuple(doc._.events or ()),
        claims=tuple(doc._.claims or ()),
        persuasion=tuple(spans),
        persuasion_summary=doc._.persuasion_summary or PersuasionSummary(),
        flags=_sorted_flags([*article.flags, *(doc._.flags or ())]),
        contradictions=tuple(doc._.contradictions or ()),
    )


def document_from_article(article: Article, versions: Versions, extra_flags: Iterable[Flag] = ()) -> Document:
    """A Document with metadata only, for articles the NLP stages do not handle."""
    return Document(
        **_metadata(article), versions=versions, flags=_sorted_flags([*article.flags, *extra_flags])
    )
