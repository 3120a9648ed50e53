"""Reports of one timeline event that disagree on who acted or on the day (stories.contradictions).

A disagreement between reports is as often the grouping's or the parser's slip as the
outlets', so only bodies dispute who acted, only over acts one party does, and a day only
when one side has two outlets behind it.
"""

from __future__ import annotations

import pytest

from presslens.models import EventReport, Story, TextSpan, TimelineEvent
from presslens.stories.actors import NameMention, link_actors
from presslens.stories.contradictions import story_contradictions

STORY = Story(id="s", title="t", articles=("a", "b", "c"))


def _report(article: str, outlet: str, actor: str | None = None, date: str | None = None) -> EventReport:
    text = f"{actor or 'someone'} acted"
    return EventReport(article=article, outlet=outlet, index=0, actor=actor, date=date,
                       evidence=TextSpan(text=text, start=0, end=len(text)))


def _event(kind: str, *reports: EventReport) -> TimelineEvent:
    return TimelineEvent(id="e", story="s", type=kind, mode="x", target="the market", reports=reports)


def _topics(event: TimelineEvent, names: tuple[str, ...] = ()) -> list[str]:
    actors = link_actors([NameMention(n, "ORG", "a") for n in names])
    return [c.topic.split(":")[0] for c in story_contradictions(STORY, [], actors, [event])]


@pytest.mark.parametrize(
    ("kind", "first", "second", "names", "disputed"),
    [
        ("ASSAULT", "police", "the Federal Security Service", ("the Federal Security Service",), True),
        ("ASSAULT", "Hamas", "Islamic Jihad", ("Hamas", "Islamic Jihad"), True),
        ("ASSAULT", "several gunmen", "terrorists", (), False),  # descriptions of people name no body
        ("ASSAULT", "the projectile", "the failed launch", (), False),
        ("ACCUSE", "Hamas", "the health ministry", ("Hamas",), False),  # many can accuse
        ("CONSULT", "Hamas", "Islamic Jihad", ("Hamas", "Islamic Jihad"), False),  # a meeting is both sides'
    ],
)
def test_who_acted_is_disputed_only_between_bodies_over_an_act_one_party_does(
    kind: str, first: str, second: str, names: tuple[str, ...], disputed: bool
) -> None:
    event = _event(kind, _report("a", "AP", first), _report("b", "TASS", second))
    assert ("who acted" in _topics(event, names)) is disputed


@pytest.mark.parametrize(
    ("dates", "disputed"),
    [
        ((("a", "AP", "2026-03-12"), ("b", "TASS", "2026-03-11")), False),  # one report against one
        ((("a", "AP", "2026-03-12"), ("c", "BBC", "2026-03-12"), ("b", "TASS", "2026-03-11")), True),
        # a weekday of an unknown week is no day
        ((("a", "AP", "XXXX-WXX-3"), ("c", "BBC", "XXXX-WXX-3"), ("b", "TASS", "XXXX-WXX-1")), False),
    ],
)
def test_a_day_is_disputed_when_one_side_has_two_outlets_behind_it(dates, disputed) -> None:
    event = _event("ASSAULT", *(_report(a, o, date=d) for a, o, d in dates))
    assert ("date" in _topics(event)) is disputed
