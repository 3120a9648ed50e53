"""People's ages in the forms news uses, and the cross-outlet contradiction two ages make."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.facts import person_ages
from presslens.stories.actors import NameMention, link_actors
from presslens.stories.contradictions import story_contradictions
from presslens.stories.records import EntityRef, Story, StoryInput


@pytest.mark.parametrize(
    ("text", "name", "age"),
    [
        ("The court charged Ivan Petrov, 32, with murder.", "Ivan Petrov", "32"),
        ("Ivan Petrov, a 33-year-old citizen of Tajikistan, confessed.", "Ivan Petrov", "33"),
        ("The 47-year-old opposition leader Ivan Petrov died on Friday.", "Ivan Petrov", "47"),
        ("Ivan Petrov (20) was wounded.", "Ivan Petrov", "20"),
        ("Police named Ivan Petrov, aged 19, as a suspect.", "Ivan Petrov", "19"),
    ],
)
def test_age_forms(text: str, name: str, age: str) -> None:
    (fact,) = person_ages(text, [(name, name)])
    assert (fact.subject, fact.attribute, fact.value) == (name, "age", age)
    assert name in text[fact.start:fact.end]


@pytest.mark.parametrize(
    "text",
    ["Ivan Petrov, 2024, was a hard year.", "Ivan Petrov, 500, was the count.",
     "Ivan Petrov said 32 people died.", "Article 205, 3, of the code."],
)
def test_no_age(text: str) -> None:
    assert person_ages(text, [("Ivan Petrov", "Ivan Petrov"), ("Article", "Article")]) == []


def _article(aid: str, outlet: str, text: str, name: str) -> StoryInput:
    entities = (EntityRef(name, "PERSON", name),)
    return StoryInput(aid, outlet, dt.date(2026, 3, 24), "t", text, entities=entities)


def test_two_outlets_two_ages_of_one_person_is_a_contradiction() -> None:
    name = "Dalerdzhon Mirzoyev"
    articles = [
        _article("a", "AP", "The court charged Dalerdzhon Mirzoyev, 32, with terrorism.", name),
        _article("b", "KP", "Dalerdzhon Mirzoyev, a 33-year-old citizen, confessed.", name),
        _article("c", "TASS", "Dalerdzhon Mirzoyev, 32, appeared in court.", name),
    ]
    actors = link_actors([NameMention("Dalerdzhon Mirzoyev", "PERSON", a.article_id) for a in articles])
    story = Story(id="s", title="t", articles=("a", "b", "c"))
    (found,) = story_contradictions(story, articles, actors)
    assert (found.kind, found.attribute, found.topic) == ("identity", "age", "age of Dalerdzhon Mirzoyev")
    assert [(side.value, {s.outlet for s in side.sources}) for side in found.sides] == [
        ("32", {"AP", "TASS"}), ("33", {"KP"})]
    sources = [s for side in found.sides for s in side.sources]
    assert all(s.kind == "text" and "Mirzoyev" in s.evidence.text for s in sources)


def test_one_age_everywhere_is_no_contradiction() -> None:
    articles = [_article(a, o, "Ivan Petrov, 40, was detained.", "Ivan Petrov")
                for a, o in [("a", "AP"), ("b", "AFP")]]
    actors = link_actors([NameMention("Ivan Petrov", "PERSON", a.article_id) for a in articles])
    assert story_contradictions(Story(id="s", title="t", articles=("a", "b")), articles, actors) == []
