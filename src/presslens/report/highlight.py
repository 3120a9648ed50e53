"""Cut an article body into segments, each with the annotations that cover it.

Annotations overlap (a flag's evidence spans two time expressions), so instead
of nesting tags we split the text at every boundary and give each segment the
union of its layers. Renderers escape the segment text themselves.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

from presslens.models import Document

__all__ = ["Layer", "Segment", "adds_name", "document_layers", "entity_groups", "segments"]


@dataclass(frozen=True, slots=True)
class Layer:
    """One highlighted span: `kind` is a CSS class family, `label` its tooltip."""

    start: int
    end: int
    kind: str
    css: str
    label: str


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    layers: tuple[Layer, ...] = field(default=())


def document_layers(doc: Document) -> list[Layer]:
    """Every highlightable annotation of the document, as layers."""
    layers = [
        Layer(e.start, e.end, "entity", f"ent ent-{e.label}", f"{e.label}: {e.canonical}")
        for e in doc.entities
    ]
    layers += [Layer(t.start, t.end, "timex", "timex", f"{t.type} {t.value}") for t in doc.timexes]
    layers += [
        Layer(f.evidence.start, f.evidence.end, "flag", "flag", f"{f.kind}: {f.why}")
        for f in doc.flags
        if f.evidence is not None
    ]
    layers += [
        Layer(e.evidence.start, e.evidence.end, "event", "event", f"event {e.type}/{e.mode or '-'}")
        for e in doc.events
    ]
    layers += [
        Layer(
            c.evidence.start,
            c.evidence.end,
            "claim",
            "claim",
            f"claim by {c.speaker.canonical or c.speaker.text}",
        )
        for c in doc.claims
    ]
    for p in doc.persuasion:  # a source's loaded words are marked apart from the outlet's own
        own = p.voice == "outlet"
        label = p.technique if own else f"{p.technique}, in {p.whose_words}'s words"
        css = "persuasion" if own else "persuasion sourced"
        layers.append(Layer(p.start, p.end, "persuasion", css, label))
    return [layer for layer in layers if 0 <= layer.start < layer.end <= len(doc.text)]


def segments(text: str, layers: list[Layer]) -> list[Segment]:
    """Split `text` at every layer boundary; each piece lists the layers covering it."""
    cuts = sorted({0, len(text), *(x for layer in layers for x in (layer.start, layer.end))})
    out = []
    for start, end in itertools.pairwise(cuts):
        if start == end:
            continue
        covering = tuple(layer for layer in layers if layer.start <= start and end <= layer.end)
        out.append(Segment(text[start:end], start, covering))
    return out


def adds_name(text: str, canonical: str | None) -> bool:
    """Whether a canonical name tells the reader more than the surface text."""
    if not canonical:
        return False
    bare = text.removeprefix("the ").removeprefix("The ")
    return canonical not in (text, bare)


def entity_groups(doc: Document) -> list[dict]:
    """Entities by identity, most mentioned first, with the other spellings the article uses."""
    counts = Counter((e.canonical, e.label) for e in doc.entities)
    places = {e.canonical: e.place for e in doc.entities if e.place}
    surfaces: dict[tuple[str, str], set[str]] = {}
    for e in doc.entities:
        surfaces.setdefault((e.canonical, e.label), set()).add(e.text)
    return [
        {
            "canonical": canonical,
            "label": label,
            "count": n,
            "aliases": sorted(surfaces[(canonical, label)] - {canonical}),
            "place": places.get(canonical),
        }
        for (canonical, label), n in counts.most_common()
    ]
