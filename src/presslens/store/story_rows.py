"""The cross-article layer to table rows, and back (the store's side of ``presslens.stories``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from presslens import __version__
from presslens.models import TextSpan
from presslens.store.outlets import OutletRegister
from presslens.stories.layer import StoryLayer
from presslens.stories.records import (
    ActorEdge,
    ActorGraph,
    ActorNode,
    ContradictionPosition,
    ContradictionSource,
    EventReport,
    Story,
    StoryContradiction,
    TimelineEvent,
)

__all__ = [
    "DERIVED_TABLES",
    "STORY_TABLES",
    "contradictions_from_rows",
    "graph_from_rows",
    "story_from_row",
    "story_layer_rows",
    "timeline_from_rows",
]

STORY_COLUMNS: dict[str, tuple[str, ...]] = {
    "actors": ("actor_key", "name", "label", "variants", "n_articles", "presslens_version"),
    "actor_names": ("name", "actor_key"),
    "stories": (
        "story_id",
        "title",
        "first_published",
        "last_published",
        "n_articles",
        "n_outlets",
        "actors",
        "terms",
        "presslens_version",
        "computed_at",
        "n_texts",
        "n_origins",
    ),
    "story_articles": ("story_id", "article_id", "similarity"),
    "timeline_events": (
        "story_id",
        "event_id",
        "position",
        "date",
        "date_source",
        "type",
        "mode",
        "actor",
        "target",
        "place",
        "n_articles",
        "n_outlets",
        "confidence",
        "hidden",
    ),
    "timeline_sources": (
        "story_id",
        "event_id",
        "article_id",
        "outlet",
        "event_index",
        "actor",
        "target",
        "date",
        "evidence_text",
        "evidence_start",
        "evidence_end",
        "kind",
        "confidence",
        "copy_of",
        "origin",
    ),
    "actor_edges": (
        "story_id",
        "source_key",
        "source_name",
        "target_key",
        "target_name",
        "type",
        "count",
        "hostility",
        "articles",
    ),
    "story_contradictions": (
        "story_id",
        "contradiction_id",
        "topic",
        "attribute",
        "kind",
        "presslens_version",
    ),
    "contradiction_sources": (
        "story_id",
        "contradiction_id",
        "side",
        "value",
        "article_id",
        "outlet",
        "item_kind",
        "item_index",
        "speaker",
        "evidence_text",
        "evidence_start",
        "evidence_end",
    ),
    "outlets": ("domain", "name", "country", "ownership", "language", "notes"),
    "story_derivations": ("story_id", "inputs", "names", "resolved", "n_texts", "n_origins"),
}
#: the cross-article tables an export writes (the derivation records are bookkeeping)
STORY_TABLES = tuple(t for t in STORY_COLUMNS if t not in {"outlets", "story_derivations"})
#: the tables holding one story's derived rows: a refresh replaces only the derived stories' rows
DERIVED_TABLES = ("timeline_events", "timeline_sources", "actor_edges", "story_contradictions",
                  "contradiction_sources")


def story_layer_rows(
    layer: StoryLayer, *, computed_at: dt.datetime, outlets: OutletRegister
) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """Rows for every cross-article table; those of `DERIVED_TABLES` for the stories derived
    this time only (``layer.derived``), the rest for every story."""
    rows: dict[str, list[tuple]] = {t: [] for t in STORY_COLUMNS}
    for identity in layer.actors.identities.values():
        rows["actors"].append(
            (
                identity.key,
                identity.name,
                identity.label,
                list(identity.variants),
                identity.articles,
                __version__,
            )
        )
    rows["actor_names"] = sorted(layer.actors.names().items())
    for story in layer.stories:
        rows["stories"].append(
            (
                story.id,
                story.title,
                story.first_published,
                story.last_published,
                len(story.articles),
                len(story.outlets),
                list(story.actors),
                list(story.terms),
                __version__,
                computed_at,
                story.texts,
                story.origins,
            )
        )
        rows["story_articles"].extend((story.id, a, None) for a in story.articles)
        if (d := layer.derivations.get(story.id)) is not None:
            rows["story_derivations"].append(
                (story.id, d.inputs, list(d.names), d.resolved, d.texts, d.origins)
            )
        if story.id not in layer.timelines:
            continue  # kept as stored
        for position, event in enumerate(layer.timelines[story.id]):
            rows["timeline_events"].append(
                (
                    story.id,
                    event.id,
                    position,
                    event.date,
                    event.date_source,
                    event.type,
                    event.mode,
                    event.actor,
                    event.target,
                    event.place,
                    len(event.articles),
                    len(event.outlets),
                    event.confidence,
                    event.hidden,
                )
            )
            rows["timeline_sources"].extend(
                (
                    story.id,
                    event.id,
                    r.article,
                    r.outlet,
                    r.index,
                    r.actor,
                    r.target,
                    r.date,
                    r.evidence.text,
                    r.evidence.start,
                    r.evidence.end,
                    r.kind,
                    r.confidence,
                    r.copy_of,
                    r.origin,
                )
                for r in event.reports
            )
        for e in layer.graphs[story.id].edges:
            rows["actor_edges"].append(
                (
                    story.id,
                    e.source,
                    e.source_name,
                    e.target,
                    e.target_name,
                    e.type,
                    e.count,
                    e.hostility,
                    list(e.articles),
                )
            )
        for c in layer.contradictions[story.id]:
            rows["story_contradictions"].append((story.id, c.id, c.topic, c.attribute, c.kind, __version__))
            for side_number, side in enumerate(c.sides):
                rows["contradiction_sources"].extend(
                    (
                        story.id,
                        c.id,
                        side_number,
                        side.value,
                        s.article,
                        s.outlet,
                        s.kind,
                        s.index,
                        s.speaker,
                        s.evidence.text,
                        s.evidence.start,
                        s.evidence.end,
                    )
                    for s in side.sources
                )
    rows["outlets"] = [(o.domain, o.name, o.country, o.ownership, o.language, o.notes) for o in outlets]
    return {t: (STORY_COLUMNS[t], rows[t]) for t in STORY_COLUMNS}


def story_from_row(row: dict[str, Any], articles: Iterable[str], outlets: Iterable[str]) -> Story:
    return Story(
        id=row["story_id"],
        title=row["title"] or "",
        articles=tuple(articles),
        outlets=tuple(outlets),
        first_published=row["first_published"],
        last_published=row["last_published"],
        actors=tuple(row["actors"] or ()),
        terms=tuple(row["terms"] or ()),
        texts=row.get("n_texts"),
        origins=row.get("n_origins"),
    )


def _span(row: dict[str, Any]) -> TextSpan:
    return TextSpan(
        text=row["evidence_text"] or "", start=row["evidence_start"] or 0, end=row["evidence_end"] or 0
    )


def _confidence(row: dict[str, Any]) -> float:
    """A row's confidence; rows written before migration 2 have none: the neutral 0.5."""
    value = row.get("confidence")
    return float(value) if value is not None else 0.5


def timeline_from_rows(events: list[dict[str, Any]], sources: list[dict[str, Any]]) -> list[TimelineEvent]:
    by_event: dict[str, list[EventReport]] = {}
    for s in sources:
        by_event.setdefault(s["event_id"], []).append(
            EventReport(
                article=s["article_id"],
                outlet=s["outlet"],
                index=s["event_index"],
                actor=s["actor"],
                target=s["target"],
                date=s["date"],
                evidence=_span(s),
                kind=s.get("kind") or "event",
                confidence=_confidence(s),
                copy_of=s.get("copy_of"),
                origin=s.get("origin"),
            )
        )
    return [
        TimelineEvent(
            id=e["event_id"],
            story=e["story_id"],
            date=e["date"],
            date_source=e["date_source"],
            type=e["type"],
            mode=e["mode"],
            actor=e["actor"],
            target=e["target"],
            place=e["place"],
            reports=tuple(by_event.get(e["event_id"], ())),
            confidence=_confidence(e),
            hidden=bool(e.get("hidden")),
        )
        for e in events
    ]


def graph_from_rows(story_id: str, edges: list[dict[str, Any]]) -> ActorGraph:
    edge_records = [
        ActorEdge(
            source=e["source_key"],
            source_name=e["source_name"],
            target=e["target_key"],
            target_name=e["target_name"],
            type=e["type"],
            count=e["count"],
            hostility=e["hostility"],
            articles=tuple(e["articles"] or ()),
        )
        for e in edges
    ]
    involvement: dict[str, list] = {}
    for e in edge_records:
        for key, name in ((e.source, e.source_name), (e.target, e.target_name)):
            involvement.setdefault(key, [name, 0])[1] += e.count
    nodes = [
        ActorNode(key=k, name=v[0], events=v[1])
        for k, v in sorted(involvement.items(), key=lambda kv: -kv[1][1])
    ]
    return ActorGraph(story=story_id, nodes=tuple(nodes), edges=tuple(edge_records))


def contradictions_from_rows(
    headers: list[dict[str, Any]], sources: list[dict[str, Any]]
) -> list[StoryContradiction]:
    sides: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for s in sources:
        sides.setdefault(s["contradiction_id"], {}).setdefault(s["side"], []).append(s)
    found = []
    for h in headers:
        positions = []
        for _, members in sorted(sides.get(h["contradiction_id"], {}).items()):
            positions.append(
                ContradictionPosition(
                    value=members[0]["value"] or "",
                    sources=tuple(
                        ContradictionSource(
                            article=m["article_id"],
                            outlet=m["outlet"],
                            kind=m["item_kind"],
                            index=m["item_index"],
                            speaker=m["speaker"],
                            evidence=_span(m),
                        )
                        for m in members
                    ),
                )
            )
        found.append(
            StoryContradiction(
                id=h["contradiction_id"],
                story=h["story_id"],
                topic=h["topic"],
                attribute=h["attribute"],
                kind=h["kind"],
                sides=tuple(positions),
            )
        )
    return found
