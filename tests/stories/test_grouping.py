"""Story grouping: articles in publication order, compared with the stories they could join."""

from __future__ import annotations

import datetime as dt

from presslens.stories.actors import NameMention, link_actors
from presslens.stories.grouping import GroupingOptions, assign_stories
from presslens.stories.records import EntityRef, StoryInput


def _article(aid: str, day: int, title: str, text: str, names: tuple[str, ...]) -> StoryInput:
    entities = tuple(EntityRef(n, "PERSON", n) for n in names)
    return StoryInput(aid, aid.upper(), dt.date(2026, 2, day), title, text, entities=entities)


def test_an_early_report_from_another_angle_joins_the_story_formed_after_it() -> None:
    articles = [
        _article("a", 16, "Kremlin rejects statements",
                 "Kremlin spokesman Peskov rejected Western statements.", ("Navalny", "Peskov")),
        _article("b", 17, "Sanctions regime renamed", "Borrell proposed renaming the sanctions regime.",
                 ("Navalny", "Borrell")),
        *[_article(f"c{k}", 17 + k, "Navalny death in prison colony",
                   "Navalny died in the prison colony; Peskov rejected statements, "
                   "Borrell proposed sanctions.", ("Navalny", "Peskov", "Borrell")) for k in range(3)],
    ]
    names = [NameMention(e.canonical, e.label, a.article_id) for a in articles for e in a.entities]
    actors = link_actors(names)
    stories = assign_stories(articles, actors, options=GroupingOptions(use_embeddings=False))
    assert [sorted(s.articles) for s in stories] == [["a", "b", "c0", "c1", "c2"]]
