"""Incremental stories: each refresh derives only the stories whose inputs changed, and the result
equals a rebuild from scratch whatever order the articles came in; merged stories keep their ids."""

from __future__ import annotations

import random

import pytest

from presslens.models import Event, Mention, TextSpan
from presslens.store import Store
from presslens.stories import StoryInput, build_story_layer
from presslens.stories.records import EntityRef

# every cross-article table but the bookkeeping (computed_at is the time of the refresh)
TABLES = ("actors", "actor_names", "stories", "story_articles", "timeline_events", "timeline_sources",
          "actor_edges", "story_contradictions", "contradiction_sources")


def _tables(store: Store) -> dict[str, list[str]]:
    out = {}
    for table in TABLES:
        rows = store.db.fetch_dicts(f"SELECT * FROM {table}")
        out[table] = sorted(repr(sorted((k, v) for k, v in r.items() if k != "computed_at")) for r in rows)
    return out


def _article(aid: str, text: str, names: list[str], version: str | None = "v1") -> StoryInput:
    """An article whose first name raids the place (an event whose actor the timeline resolves)."""
    raid = Event(type="ASSAULT", actor=Mention(text=names[0], canonical=names[0]),
                 evidence=TextSpan(text=text, start=0, end=len(text)))
    return StoryInput(
        article_id=aid, outlet="Example", published=None, title=text[:30], text=text,
        entities=tuple(EntityRef(n, "PERSON", n) for n in names), events=(raid,), version=version,
    )


def test_a_story_whose_inputs_did_not_change_is_not_derived_again() -> None:
    said = "Police raided the offices of Ivan Petrov in Saratov on Monday."
    raid = [_article(f"r{k}", said, ["Ivan Petrov"]) for k in range(3)]
    flood = [_article(f"f{k}", "The river flooded the town of Orsk; Anna Volkova said dams failed.",
                      ["Anna Volkova"]) for k in range(3)]
    first = build_story_layer(raid + flood)
    assert len(first.stories) == 2 and first.derived == {s.id for s in first.stories}
    again = build_story_layer(raid + flood, known=first.derivations)
    assert again.derived == frozenset() and [s.id for s in again.stories] == [s.id for s in first.stories]
    # a new report of the flood derives the flood again and keeps the raid
    previous = {s.id: frozenset(s.articles) for s in first.stories}
    more = build_story_layer([*raid, *flood, _article("f9", flood[0].text, ["Anna Volkova"])],
                             known=first.derivations, previous=previous)
    flood_id = next(s.id for s in more.stories if "f9" in s.articles)
    assert more.derived == {flood_id}
    # an article with no stored version is never taken as unchanged
    unstored = [_article(a.article_id, a.text, ["Ivan Petrov"], version=None) for a in raid]
    assert build_story_layer(unstored + flood, known=first.derivations).derived != frozenset()


def test_a_correction_derives_only_the_story_it_names() -> None:
    from presslens.models import ReportAnchor, TimelineCorrection

    said = "Police raided the offices of Ivan Petrov in Saratov on Monday."
    raid = [_article(f"r{k}", said, ["Ivan Petrov"]) for k in range(3)]
    flood = [_article(f"f{k}", "The river flooded the town of Orsk; Anna Volkova said dams failed.",
                      ["Anna Volkova"]) for k in range(3)]
    first = build_story_layer(raid + flood)
    hide = TimelineCorrection(action="hide", anchor=ReportAnchor(article="r0", start=0, end=len(said)))
    later = build_story_layer(raid + flood, known=first.derivations, corrections=[hide],
                              previous={s.id: frozenset(s.articles) for s in first.stories})
    assert later.derived == {s.id for s in later.stories if "r0" in s.articles}


def test_a_name_resolving_elsewhere_derives_the_story_again() -> None:
    """The story did not change, but a new article elsewhere makes its "Petrov" another identity."""
    raid = [_article(f"r{k}", "Police raided the offices of Petrov in Saratov; Petrov denied it.", ["Petrov"])
            for k in range(2)]
    first = build_story_layer(raid)
    elsewhere = [_article(f"e{k}", "Ivan Petrov won the chess final in Kazan on Sunday evening.",
                          ["Ivan Petrov"]) for k in range(4)]
    later = build_story_layer(raid + elsewhere, known=first.derivations,
                              previous={s.id: frozenset(s.articles) for s in first.stories})
    raid_story = next(s.id for s in later.stories if "r0" in s.articles)
    assert raid_story in later.derived


@pytest.fixture(scope="module")
def story_documents(shared_data) -> list:
    """The three real story sets, analysed once: bridging articles and three stories."""
    from presslens.service import analyze_sources

    paths = sorted((shared_data / "stories").glob("*/articles/*.json"))
    if not paths:
        pytest.skip("no story sets under shared/data/stories")
    documents = [d for d in analyze_sources(paths) if not isinstance(d, Exception)]
    assert len(documents) == len(paths)
    return documents


def _groups(store: Store) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for story_id, article_id in store.db.fetch_all("SELECT story_id, article_id FROM story_articles"):
        members.setdefault(story_id, set()).add(article_id)
    return {frozenset(m) for m in members.values()}


@pytest.mark.model
@pytest.mark.slow
def test_incremental_ingest_in_any_order_equals_a_rebuild(story_documents, tmp_path) -> None:
    """Shuffled, in batches of 1 to 8, refreshing after each: the same stories as all at once, and
    every row a rebuild from scratch gives (story ids stay those the store gave before: stable links)."""
    with Store.open(tmp_path / "all.duckdb") as store:
        store.ingest(story_documents)
        at_once = _groups(store)
    assert len(at_once) >= 3
    for seed in (1, 2):
        shuffled = list(story_documents)
        random.Random(seed).shuffle(shuffled)
        with Store.open(tmp_path / f"inc{seed}.duckdb") as store:
            k = 0
            while k < len(shuffled):
                step = random.Random(seed + k).randint(1, 8)
                store.ingest(shuffled[k:k + step])  # refreshes the stories after each batch
                k += step
            assert _groups(store) == at_once, f"order {seed}"
            incremental = _tables(store)
            kept = store.db.fetch_one("SELECT count(*) FROM story_derivations")
            store.refresh_stories(rebuild=True)
            assert _tables(store) == incremental, f"order {seed}"
            assert kept == store.db.fetch_one("SELECT count(*) FROM story_derivations")
            redirects = store.db.fetch_all("SELECT old_id, story_id FROM story_redirects")
            current = {r[0] for r in store.db.fetch_all("SELECT story_id FROM stories")}
            for old_id, new_id in redirects:  # every old id leads to a story shown now
                assert old_id not in current and new_id in current
                assert store.resolve_story(old_id) == new_id


def test_a_merged_story_id_keeps_resolving(tmp_path) -> None:
    from presslens.stories.records import Story

    with Store.open(tmp_path / "r.duckdb") as store:
        previous = {"s-old": {"a1", "a2"}, "s-keep": {"a3"}}
        stories = [Story(id="s-new", title="t", articles=("a1", "a2", "a3"))]
        store._redirect(previous, stories, store_now())
        assert store.resolve_story("s-old") == "s-new" and store.resolve_story("s-ke") == "s-new"
        # merged again later: the first redirect follows its story
        top = Story(id="s-top", title="t", articles=("a1", "a2", "a3"))
        store._redirect({"s-new": {"a1", "a2", "a3"}}, [top], store_now())
        assert store.resolve_story("s-old") == "s-top"


def store_now():
    import datetime as dt

    return dt.datetime(2026, 1, 1)
