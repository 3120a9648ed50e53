"""Typed records of the cross-article layer: stories, timelines, actor graph, contradictions.

Like ``presslens.models`` they are frozen pydantic records with character
offsets only, so the CLI, the web app and JSON output share them. They live in
``models.py`` (the contract module) and are re-exported here.

`StoryInput` is the internal, plain-data view of one stored article that the
story functions read; it is not part of the output contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from presslens.models import (
    ActorEdge,
    ActorGraph,
    ActorIdentity,
    ActorNode,
    Claim,
    ContradictionPosition,
    ContradictionSource,
    Event,
    EventReport,
    ReportAnchor,
    Story,
    StoryContradiction,
    TimelineCorrection,
    TimelineEvent,
)

__all__ = [
    "ActorEdge",
    "ActorGraph",
    "ActorIdentity",
    "ActorNode",
    "ContradictionPosition",
    "ContradictionSource",
    "EntityRef",
    "EventReport",
    "ReportAnchor",
    "Story",
    "StoryContradiction",
    "StoryInput",
    "TimelineCorrection",
    "TimelineEvent",
]


@dataclass(frozen=True, slots=True)
class EntityRef:
    text: str
    label: str
    canonical: str


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What the story functions read of one current article (built by the store)."""

    article_id: str
    outlet: str | None
    published: dt.date | None
    title: str | None
    text: str
    entities: tuple[EntityRef, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    #: the stored analysis this is (its version id); None when not from a store: then a story
    #: holding it is always derived afresh, never taken from an earlier refresh
    version: str | None = None
