"""Across articles: actor identity, stories, timelines, actor graph, cross-source contradictions.

Pure functions over plain records (never spaCy, never SQL); the store feeds
them the current articles and saves what they return.
"""

from __future__ import annotations

from presslens.stories.actors import ActorIndex, actor_key, link_actors, names_match
from presslens.stories.contradictions import story_contradictions
from presslens.stories.graph import actor_graph, hostility
from presslens.stories.grouping import GroupingOptions, assign_stories
from presslens.stories.layer import StoryLayer, build_story_layer
from presslens.stories.records import (
    ActorEdge,
    ActorGraph,
    ActorIdentity,
    ActorNode,
    ContradictionPosition,
    ContradictionSource,
    EventReport,
    Story,
    StoryContradiction,
    StoryInput,
    TimelineEvent,
)
from presslens.stories.timeline import story_timeline

__all__ = [
    "ActorEdge",
    "ActorGraph",
    "ActorIdentity",
    "ActorIndex",
    "ActorNode",
    "ContradictionPosition",
    "ContradictionSource",
    "EventReport",
    "GroupingOptions",
    "Story",
    "StoryContradiction",
    "StoryInput",
    "StoryLayer",
    "TimelineEvent",
    "actor_graph",
    "actor_key",
    "assign_stories",
    "build_story_layer",
    "hostility",
    "link_actors",
    "names_match",
    "story_contradictions",
    "story_timeline",
]
