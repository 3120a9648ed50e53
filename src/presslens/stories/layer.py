"""The whole cross-article layer in one call: actors, stories, timelines, graphs, contradictions.

The store calls this after every write with the current version of every
article, and saves the result; it is a pure function of its inputs (plus the
previous story ids, kept for stable links), so the same store always yields
the same layer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from presslens.stories.actors import ActorIndex, NameMention, link_actors
from presslens.stories.contradictions import story_contradictions
from presslens.stories.corrections import apply_corrections
from presslens.stories.graph import actor_graph
from presslens.stories.grouping import GroupingOptions, assign_stories
from presslens.stories.independence import independence
from presslens.stories.records import (
    ActorGraph,
    Story,
    StoryContradiction,
    StoryInput,
    TimelineCorrection,
    TimelineEvent,
)
from presslens.stories.timeline import story_timeline

__all__ = ["StoryLayer", "build_story_layer", "name_mentions"]

_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


@dataclass(frozen=True)
class StoryLayer:
    actors: ActorIndex
    stories: list[Story]
    timelines: dict[str, list[TimelineEvent]]
    graphs: dict[str, ActorGraph]
    contradictions: dict[str, list[StoryContradiction]]


def name_mentions(articles: Iterable[StoryInput]) -> list[NameMention]:
    """Every name the articles give: linked entities and named event participants."""
    mentions = []
    for article in articles:
        for entity in article.entities:
            if entity.label in _NAMED:
                mentions.append(NameMention(entity.canonical, entity.label, article.article_id))
        for event in article.events:
            for party in (event.actor, event.target):
                if party and party.canonical and party.canonical != party.text and _proper(party.canonical):
                    mentions.append(NameMention(party.canonical, None, article.article_id))
    return mentions


def _proper(name: str) -> bool:
    """Written as a name ("Vladimir Putin", "the FSB"), not a description a pronoun was resolved
    to ("they" -> "terrorists"): a generic group is no actor of its own across articles."""
    words = name.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return any(w[:1].isupper() for w in words)


def build_story_layer(
    articles: Sequence[StoryInput],
    *,
    previous: Mapping[str, frozenset[str]] | None = None,
    options: GroupingOptions | None = None,
    corrections: Sequence[TimelineCorrection] = (),
) -> StoryLayer:
    """Link actors, group stories, and derive each story's timeline, graph and contradictions.

    `corrections` (an analyst's merges, splits and hides) are applied to every timeline.
    """
    actors = link_actors(name_mentions(articles))
    stories = assign_stories(articles, actors, options=options, previous=previous)
    by_id = {a.article_id: a for a in articles}
    timelines, graphs, contradictions = {}, {}, {}
    for k, story in enumerate(stories):
        members = [by_id[a] for a in story.articles]
        sources = independence(members)
        story = stories[k] = story.model_copy(
            update={"texts": sources.texts(story.articles), "origins": sources.origins(story.articles)}
        )
        timelines[story.id] = apply_corrections(story_timeline(story, members, actors, sources), corrections)
        shown = [e for e in timelines[story.id] if not e.hidden]  # a hidden event is no evidence
        graphs[story.id] = actor_graph(story.id, shown, actors)
        contradictions[story.id] = story_contradictions(story, members, actors, shown)
    return StoryLayer(actors, stories, timelines, graphs, contradictions)
