"""Every `Doc._` extension presslens uses, registered in one place.

Components read and write only these attributes, so a presslens component can
run in anyone's spaCy pipeline. Registration refuses to overwrite an extension
someone else registered under the same name (no ``force=True``): a silent clash
would hand another library's values to our stages.
"""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.errors import PipelineError

__all__ = ["register_extensions"]

# name -> default; list defaults are replaced per Doc by a getter-free default of None
_DOC_EXTENSIONS: dict[str, object] = {
    "published": None,  # datetime.date | None: the anchor for relative time expressions
    "entities": None,  # list[models.Entity] set by presslens_entities
    "timexes": None,  # list[models.Timex] set by presslens_timexes
    "flags": None,  # list[models.Flag] added by any stage
    "events": None,  # list[models.Event] set by presslens_events
    "claims": None,  # list[models.Claim] set by presslens_claims
    "persuasion": None,  # list[models.PersuasionSpan] set by presslens_persuasion
    "persuasion_summary": None,  # models.PersuasionSummary set by presslens_persuasion
    "article_id": None,  # str | None: the article's id, named by the contradiction sides
    "contradictions": None,  # list[models.Contradiction] set by presslens_contradictions
}
_OWNER_TAG = "_presslens_owned"


def register_extensions() -> None:
    """Register the Doc extensions once; a no-op when they are ours already."""
    for name, default in _DOC_EXTENSIONS.items():
        if Doc.has_extension(name):
            existing = Doc.get_extension(name)
            if existing is not None and existing[0] == default and Doc.has_extension(_OWNER_TAG):
                continue
            raise PipelineError(
                f"Doc extension '_.{name}' is already registered by another library; "
                "presslens cannot share it"
            )
        Doc.set_extension(name, default=default)
    if not Doc.has_extension(_OWNER_TAG):
        Doc.set_extension(_OWNER_TAG, default=True)


def doc_flags(doc: Doc) -> list:
    """The Doc's flag list, created on first use so stages can append to it."""
    if doc._.flags is None:
        doc._.flags = []
    return doc._.flags
