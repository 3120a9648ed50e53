"""The entity stage on unseen wire articles, scored against hand-written expectations.

Each ``data/entity_articles/<name>.txt`` is a short wire-style article (150-250 words)
about a conflict or region the rules were not developed on; ``<name>.expected.json``
was annotated by hand before the system was first run on the text:

- ``expected``: ``[text, label]`` or ``[text, label, canonical]`` items that must be
  among the linked entities (OntoNotes v14 labels; canonical when the item tests a link
  such as a capital standing for its government);
- ``must_not``: items that must not appear (a known failure mode).

Recall is the share of ``expected`` found; precision is the share of predicted
entities whose text is annotated (in either list) that match an expected item, so it
measures labels and links, not coverage of unannotated names. The floor is recall 0.9
and no ``must_not`` item, per article. Run with ``-rP`` to see the per-article scores.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from presslens.extract.entities import linked_entities, repaired_entity_spans
from presslens.models import Entity

pytestmark = pytest.mark.model

ARTICLES = Path(__file__).parent / "data" / "entity_articles"
MIN_RECALL = 0.9


@dataclass(frozen=True)
class ArticleScore:
    """How one article's linked entities compare with its expectations."""

    precision: float
    recall: float
    missing: tuple[tuple[str, ...], ...]
    forbidden: tuple[tuple[str, ...], ...]
    wrong: tuple[tuple[str, ...], ...]


def _entities(nlp, text: str) -> list[Entity]:
    """What `presslens.nlp.components.EntityComponent` computes, without the pipeline."""
    doc = nlp(text)
    doc.ents = repaired_entity_spans(doc)
    return linked_entities(doc)


def _matches(item: tuple[str, ...], triple: tuple[str, str, str]) -> bool:
    """Does (text, label, canonical) satisfy an item that may leave the canonical out?"""
    return triple[: len(item)] == item


def article_score(nlp, name: str) -> ArticleScore:
    """Score ``data/entity_articles/<name>.txt`` against its ``.expected.json``."""
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    spec = json.loads((ARTICLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    expected = [tuple(item) for item in spec["expected"]]
    must_not = [tuple(item) for item in spec["must_not"]]
    triples = {(e.text, e.label, e.canonical) for e in _entities(nlp, text)}
    found = [item for item in expected if any(_matches(item, t) for t in triples)]
    annotated = {item[0] for item in expected + must_not}
    judged = {t for t in triples if t[0] in annotated}
    correct = {t for t in judged if any(_matches(item, t) for item in expected)}
    wrong = sorted(judged - correct)
    return ArticleScore(
        precision=len(correct) / len(judged) if judged else 1.0,
        recall=len(found) / len(expected),
        missing=tuple(item for item in expected if item not in found),
        forbidden=tuple(item for item in must_not if any(_matches(item, t) for t in triples)),
        wrong=tuple(wrong),
    )


def _article_names() -> list[str]:
    return sorted(p.name.removesuffix(".expected.json") for p in ARTICLES.glob("*.expected.json"))


def test_articles_are_annotated() -> None:
    names = _article_names()
    assert len(names) >= 4
    for name in names:
        words = len((ARTICLES / f"{name}.txt").read_text(encoding="utf-8").split())
        assert 150 <= words <= 250, f"{name}.txt has {words} words; the articles are 150-250 words"


@pytest.mark.parametrize("name", _article_names())
def test_unseen_article(nlp, name: str) -> None:
    score = article_score(nlp, name)
    print(f"{name}: P={score.precision:.2f} R={score.recall:.2f} wrong={list(score.wrong)}")
    assert not score.forbidden, f"{name}: must-not items found: {score.forbidden}"
    assert score.recall >= MIN_RECALL, f"{name}: recall {score.recall:.2f}, missing {score.missing}"
