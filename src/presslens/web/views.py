"""What the page templates need beyond the store's records: paragraphs, anchors, filters, links.

Kept apart from the routes so the shaping of a page can be tested without a
server, and kept free of FastAPI so the report code and the web app share the
same ideas (``presslens.report.highlight`` cuts the text; this module groups
the pieces into paragraphs and marks where each event, claim, persuasion span
and flag starts, so a side panel, a timeline or a contradiction can link to
``/articles/ID#event-3`` and land on the sentence that says it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from presslens.models import Document
from presslens.report.highlight import Layer, document_layers, entity_groups, segments
from presslens.store import ArticleFilter
from presslens.store.outlets import OutletInfo
from presslens.stories.graph import GOLDSTEIN

__all__ = [
    "PLOVER_BY_HOSTILITY",
    "ListQuery",
    "Piece",
    "anchors_by_offset",
    "entity_groups",
    "outlet_label",
    "paragraphs",
    "safe_href",
]

#: The PLOVER types for the filter menu, most cooperative first (Goldstein order, see stories.graph).
PLOVER_BY_HOSTILITY: tuple[str, ...] = tuple(sorted(GOLDSTEIN, key=lambda t: -GOLDSTEIN[t]))


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text inside one paragraph, with the layers covering it and the anchors starting there."""

    text: str
    layers: tuple[Layer, ...] = ()
    anchors: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(dict.fromkeys(layer.css for layer in self.layers))

    @property
    def tooltip(self) -> str:
        return " | ".join(dict.fromkeys(layer.label for layer in self.layers))


def anchors_by_offset(doc: Document) -> dict[int, list[str]]:
    """Where each linkable record's evidence starts: offset -> ["event-0", "claim-2", ...].

    The index is the record's position in the Document, the same index the
    store keeps in timeline sources and contradiction sources.
    """
    out: dict[int, list[str]] = {}
    starts = [(f"event-{i}", e.evidence.start) for i, e in enumerate(doc.events)]
    starts += [(f"claim-{i}", c.evidence.start) for i, c in enumerate(doc.claims)]
    starts += [(f"persuasion-{i}", p.start) for i, p in enumerate(doc.persuasion)]
    starts += [(f"flag-{i}", f.evidence.start) for i, f in enumerate(doc.flags) if f.evidence]
    for anchor, start in starts:
        if 0 <= start < len(doc.text):
            out.setdefault(start, []).append(anchor)
    return out


def paragraphs(doc: Document) -> list[list[Piece]]:
    """The body as paragraphs of highlighted pieces (split at line breaks, anchors kept).

    A record whose evidence starts inside a run of plain text still gets its
    anchor, because every evidence start is a layer boundary and so a cut.
    """
    anchors = anchors_by_offset(doc)
    paras: list[list[Piece]] = [[]]
    for seg in segments(doc.text, document_layers(doc)):
        pending = tuple(anchors.get(seg.start, ()))
        for i, part in enumerate(seg.text.split("\n")):
            if i > 0 and paras[-1]:
                paras.append([])
            if part.strip() or (part and paras[-1]):
                paras[-1].append(Piece(part, seg.layers, pending))
                pending = ()
    return [p for p in paras if p]


def outlet_label(info: OutletInfo | None) -> str:
    """"RU · state" — who stands behind a source, in the fewest words."""
    if info is None:
        return ""
    return " · ".join(x for x in (info.country, info.ownership) if x)


def safe_href(url: str | None) -> str | None:
    """A link target only for http(s) URLs: an ingested ``javascript:`` URL stays text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _date(value: str | None, name: str, errors: list[str]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        errors.append(f"{name}: {value!r} is not a date (YYYY-MM-DD)")
        return None


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value else None


@dataclass(frozen=True)
class ListQuery:
    """The article list's query string, as the form sends it (empty fields allowed)."""

    q: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    type: str | None = None
    story: str | None = None
    offset: int = 0
    errors: list[str] = field(default_factory=list)

    def filters(self) -> ArticleFilter:
        """The store filter; bad dates are reported in `errors` and ignored."""
        event_type = _blank(self.type)
        if event_type and event_type.upper() not in GOLDSTEIN:
            self.errors.append(f"type: {event_type!r} is not a PLOVER type")
            event_type = None
        return ArticleFilter(
            search=_blank(self.q),
            outlet=_blank(self.outlet),
            published_from=_date(self.date_from, "from", self.errors),
            published_to=_date(self.date_to, "to", self.errors),
            actor=_blank(self.actor),
            event_type=event_type,
            story=_blank(self.story),
        )

    def params(self, **changes: object) -> str:
        """The query string of this list with `changes` (for paging links)."""
        values = {
            "q": self.q,
            "outlet": self.outlet,
            "from": self.date_from,
            "to": self.date_to,
            "actor": self.actor,
            "type": self.type,
            "story": self.story,
            "offset": self.offset or None,
        }
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v not in (None, "", 0)})

    @property
    def active(self) -> bool:
        return any(_blank(v) for v in (self.q, self.outlet, self.date_from, self.date_to, self.actor,
                                       self.type, self.story))
