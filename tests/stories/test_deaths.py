"""Deaths as timeline entries (stories.deaths): PLOVER has no category for them, the story needs them."""

from __future__ import annotations

import datetime as dt

from presslens.extract._shared import EntityRef
from presslens.models import Claim, Mention, Story, TextSpan
from presslens.stories.actors import NameMention, link_actors
from presslens.stories.deaths import death_events
from presslens.stories.records import StoryInput
from presslens.stories.timeline import story_timeline


def _article(aid: str, outlet: str, text: str, claims: tuple[Claim, ...] = ()) -> StoryInput:
    start = text.index("Orlov")
    full = text.rfind("Ivan Orlov")
    entities = [EntityRef("Orlov", "PERSON", start, start + 5, "Ivan Orlov")]
    if full >= 0:
        entities.append(EntityRef("Ivan Orlov", "PERSON", full, full + 10, "Ivan Orlov"))
    return StoryInput(aid, outlet, dt.date(2026, 2, 16), "t", text, entities=tuple(entities), claims=claims)


def test_a_named_persons_death_is_an_event_of_that_person_with_its_clause() -> None:
    text = "Officials met on Monday. Ivan Orlov's death in an Arctic prison has shocked his supporters."
    (death,) = death_events(_article("a", "AP", text))
    assert (death.type, death.mode, death.actor.canonical) == ("OTHER", "die", "Ivan Orlov")
    assert death.evidence.text == "Ivan Orlov's death in an Arctic prison has shocked his supporters."


def _said(text: str, cue: str = "said") -> tuple[Claim, ...]:
    """The claim of "X said CONTENT" in `text`."""
    at = text.index(cue)
    content = at + len(cue) + 1
    claim = Claim(
        speaker=Mention(text=text[:at].strip()),
        cue=TextSpan(text=cue, start=at, end=at + len(cue)),
        content=TextSpan(text=text[content:], start=content, end=len(text)),
        evidence=TextSpan(text=text, start=0, end=len(text)),
    )
    return (claim,)


def test_no_death_for_someone_the_article_does_not_name_or_told_in_a_sources_words() -> None:
    assert death_events(_article("a", "AP", "Orlov spoke. Smith died on Friday.")) == []
    assert death_events(_article("a", "AP", "Sanctions hit the colony where the critic Orlov died.")) == []
    text = "Orlov's lawyer said Orlov died of a blood clot."  # the lawyer's statement, not a report
    assert death_events(_article("a", "AP", text, _said(text))) == []


def test_a_death_a_source_takes_as_known_is_reported() -> None:
    # "the cause of Orlov's death": the source speaks of the death as a given, so the outlet reports it
    text = "Orlov's lawyer said the cause of Orlov's death was unknown."
    (death,) = death_events(_article("a", "AP", text, _said(text)))
    assert death.actor.canonical == "Ivan Orlov"


def test_reports_of_one_death_across_outlets_are_one_timeline_event() -> None:
    articles = [
        _article("a", "AP", "Ivan Orlov died in prison on Friday, officials confirmed later."),
        _article("b", "BBC", "The death of Ivan Orlov was a crushing blow to the opposition."),
        _article("c", "RT", "The body of Ivan Orlov was handed over. His death shocked his allies."),
    ]
    actors = link_actors([NameMention("Ivan Orlov", "PERSON", a.article_id) for a in articles])
    story = Story(id="s", title="t", articles=("a", "b", "c"))
    deaths = [e for e in story_timeline(story, articles, actors) if e.mode == "die"]
    assert len(deaths) == 1 and {r.article for r in deaths[0].reports} == {"a", "b", "c"}
    assert all(r.kind == "text" for r in deaths[0].reports)


def test_a_death_named_deep_in_a_clause_about_something_else_shows_its_own_phrase() -> None:
    text = "Police detained 300 people at rallies after Orlov's death on Friday at age 47 in a prison."
    (death,) = death_events(_article("a", "AP", text))
    assert death.evidence.text == "Orlov's death on Friday at age 47"


def test_a_death_told_past_an_apposition_or_as_a_relatives_is_reported() -> None:
    text = "Ivan Orlov, the Kremlin's fiercest domestic critic, died on Friday at an Arctic prison."
    (death,) = death_events(_article("a", "AP", text))
    assert death.actor.canonical == "Ivan Orlov"
    assert death.evidence.text.startswith("Ivan Orlov, the Kremlin")
    text = "The death of Ivan Orlov shocked his allies. His mother saw him after her son's death in a colony."
    deaths = death_events(_article("a", "AP", text))
    assert [d.evidence.text for d in deaths if "son's" in d.evidence.text] == ["her son's death in a colony"]
