"""Hostility scale and edges of the actor graph; timeline merging of hand-built reports."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.models import Event, Mention, TextSpan
from presslens.stories.actors import NameMention, link_actors
from presslens.stories.graph import actor_graph, hostility
from presslens.stories.records import Story, StoryInput
from presslens.stories.timeline import story_timeline


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("ASSAULT", 0.9), ("COERCE", 0.7), ("CONSULT", -0.1), ("AID", -0.7), ("UNKNOWN", 0.0)],
)
def test_hostility_scale(kind: str, expected: float) -> None:
    assert hostility(kind) == expected


def _event(kind, mode, actor, target, date, sentence):
    span = TextSpan(text=sentence, start=0, end=len(sentence))
    return Event(
        type=kind,
        mode=mode,
        actor=Mention(text=actor) if actor else None,
        target=Mention(text=target, canonical=target),
        date=date,
        evidence=span,
    )


def _article(aid, outlet, events, day=14):
    return StoryInput(aid, outlet, dt.date(2026, 3, day), "t", "text", events=tuple(events))


def test_one_arrest_reported_by_several_outlets_is_one_event_and_one_edge() -> None:
    articles = [
        _article(
            "a",
            "TASS",
            [_event("COERCE", "arrest", "Police", "Rustam Mamedov", "2026-03-12", "Police arrested")],
        ),
        _article(
            "b", "APA", [_event("COERCE", "arrest", "police", "Rustam Mammadov", None, "He was arrested")]
        ),
        _article(
            "c", "AP", [_event("COERCE", "arrest", "Russian police", "Rustam Mammadov", "2026-03-12", "x")]
        ),
        _article(
            "d",
            "AP",
            [
                _event(
                    "COERCE",
                    "arrest",
                    "Police",
                    "Rustam Mammadov",
                    "2026-03-12",
                    "y",
                ).model_copy(update={"negated": True})
            ],
        ),
    ]
    actors = link_actors(
        [NameMention(e.target.canonical, "PERSON", a.article_id) for a in articles for e in a.events]
    )
    story = Story(id="s-1", title="t", articles=tuple(a.article_id for a in articles))
    timeline = story_timeline(story, articles, actors)
    assert len(timeline) == 1
    (event,) = timeline
    assert event.date == "2026-03-12" and event.articles == ("a", "b", "c")  # the negated report is left out
    graph = actor_graph("s-1", timeline, actors)
    assert [(e.type, e.count, e.hostility) for e in graph.edges] == [("COERCE", 1, 0.7)]


def test_one_article_giving_two_dates_means_two_events() -> None:
    article = _article(
        "a",
        "TASS",
        [
            _event("COERCE", "arrest", "Police", "Rustam Mammadov", "2026-03-12", "first"),
            _event("COERCE", "arrest", "Police", "Rustam Mammadov", "2026-03-02", "second"),
        ],
    )
    actors = link_actors([NameMention("Rustam Mammadov", "PERSON", "a")])
    assert len(story_timeline(Story(id="s", title="t", articles=("a",)), [article], actors)) == 2
