"""Events through the whole pipeline: headings, datelines and dates as an article has them."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.models import Article, Document
from presslens.pipeline import Pipeline

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2024, 3, 25)  # a Monday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _analyse(pipeline: Pipeline, text: str) -> Document:
    article = Article(id="t", text=text, source="test", language="en", published=PUBLISHED)
    return next(iter(pipeline.analyze_articles([article])))


def test_a_subheading_is_not_a_report(pipeline):
    doc = _analyse(pipeline, "Police detained dozens of people.\n\nCity protests\n\nThe mayor met the envoy.")
    assert not any(e.evidence.text.startswith("City protests") for e in doc.events)
    assert any(e.type == "COERCE" for e in doc.events)


def test_a_dateline_city_does_not_act(pipeline):
    doc = _analyse(pipeline, "LVIV (AP) — Gunmen attacked a checkpoint, killing two guards.")
    actors = [e.actor.text for e in doc.events if e.actor is not None]
    assert actors and not any("LVIV" in a for a in actors)


def test_the_reporting_clause_dates_the_reported_act(pipeline):
    doc = _analyse(pipeline, "Officials said on Saturday that police had arrested two suspects.")
    arrest = next(e for e in doc.events if e.mode == "arrest")
    assert arrest.date == "2024-03-23" and arrest.date_bound is None


def test_an_undated_act_keeps_a_null_date_and_the_publication_bound(pipeline):
    doc = _analyse(pipeline, "Police arrested two suspects near the border.")
    arrest = next(e for e in doc.events if e.mode == "arrest")
    assert arrest.date is None and arrest.date_bound == "2024-03-25"
