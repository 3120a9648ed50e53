"""The whole cross-article layer in one call: actors, stories, timelines, graphs, contradictions.

The store calls this after every write with the current version of every
article, and saves the result; it is a pure function of its inputs (plus the
previous story ids, kept for stable links), so the same store always yields
the same layer. Actors and stories are computed over every article; a story's
timeline, graph and contradictions are derived again only when what they
derive from changed (`known`, see ``derivations``) — the rows kept for the
others are those a derivation would give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from presslens.stories.actors import ActorIndex, NameMention, link_actors
from presslens.stories.contradictions import story_contradictions
from presslens.stories.corrections import apply_corrections
from presslens.stories.derivations import Derivation, inputs_digest, resolution_digest, still_holds
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
    """Every story; the timelines, graphs and contradictions of the stories derived this time
    (the others' are as `known` gave them), and what every story's were derived from."""

    actors: ActorIndex
    stories: list[Story]
    timelines: dict[str, list[TimelineEvent]]
    graphs: dict[str, ActorGraph]
    contradictions: dict[str, list[StoryContradiction]]
    derivations: dict[str, Derivation] = field(default_factory=dict)

    @property
    def derived(self) -> frozenset[str]:
        """The stories whose timeline, graph and contradictions this layer holds."""
        return frozenset(self.timelines)


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
    known: Mapping[str, Derivation] | None = None,
    whole: Callable[[list[str]], Sequence[StoryInput]] | None = None,
) -> StoryLayer:
    """Link actors, group stories, and derive each story's timeline, graph and contradictions.

    `corrections` (an analyst's merges, splits and hides) are applied to every timeline.
    A story whose `known` derivation still holds is not derived again: its entries are
    left out of the layer's timelines, graphs and contradictions (the store keeps its rows).
    `whole`, when given, reads the whole inputs of the articles whose stories are derived
    (then `articles` need hold only what actors and grouping read: see ``store.story_inputs``).
    """
    actors = link_actors(name_mentions(articles))
    stories = assign_stories(articles, actors, options=options, previous=previous)
    by_id = {a.article_id: a for a in articles}
    known = known or {}
    timelines, graphs, contradictions, derivations = {}, {}, {}, {}
    pending = []
    for k, story in enumerate(stories):
        inputs = inputs_digest(story.id, [by_id[a] for a in story.articles], corrections)
        kept = known.get(story.id)
        if kept is not None and still_holds(kept, inputs, actors):
            stories[k] = story.model_copy(update={"texts": kept.texts, "origins": kept.origins})
            derivations[story.id] = kept
        else:
            pending.append((k, inputs))
    if whole is not None and pending:
        by_id.update((a.article_id, a) for a in whole([a for k, _ in pending for a in stories[k].articles]))
    for k, inputs in pending:
        story = stories[k]
        members = [by_id[a] for a in story.articles]
        looked_up = actors.recording()
        sources = independence(members)
        story = stories[k] = story.model_copy(
            update={"texts": sources.texts(story.articles), "origins": sources.origins(story.articles)}
        )
        timeline = story_timeline(story, members, looked_up, sources)
        timelines[story.id] = apply_corrections(timeline, corrections)
        shown = [e for e in timelines[story.id] if not e.hidden]  # a hidden event is no evidence
        graphs[story.id] = actor_graph(story.id, shown, looked_up)
        contradictions[story.id] = story_contradictions(story, members, looked_up, shown)
        names = tuple(sorted(looked_up.looked_up))
        derivations[story.id] = Derivation(
            inputs or "", names, resolution_digest(names, actors), story.texts, story.origins
        )
    return StoryLayer(actors, stories, timelines, graphs, contradictions, derivations)
