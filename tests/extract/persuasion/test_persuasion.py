"""Persuasion spans: lexicon expansion, symmetry across sides, the shipped model, fallback, summary."""

from __future__ import annotations

import logging

import pytest

from presslens.extract import persuasion
from presslens.extract.persuasion import TECHNIQUES, _detector
from presslens.extract.persuasion._lexicon import LEXICON_FILES, lexicon_entries
from presslens.models import PersuasionSpan
from presslens.resources import read_resource

LABEL = "Name_Calling,Labeling"


@pytest.fixture
def lexicon_only(monkeypatch, tmp_path):
    """Point the detector at an empty model directory (as if the model were not shipped)."""
    monkeypatch.setattr(_detector, "MODEL_DIR", tmp_path / "no-model")
    monkeypatch.setattr(_detector, "_models", {})


@pytest.mark.model
def test_a_lexicon_word_inside_a_proper_name_is_not_reported(nlp, lexicon_only):
    doc = nlp("Mourners laid flowers at the Cathedral of Christ the Savior in Moscow.")
    assert any(e.label_ == "ORG" and "Savior" in e.text for e in doc.ents)  # the name, as spaCy reads it
    assert persuasion.persuasion_spans(doc) == []
    assert persuasion.persuasion_spans(nlp("They hailed him as the savior of the nation.")) != []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected", "technique"),
    [
        ("The army of the former occupier crossed the river.", "the former occupier", LABEL),
        ("Officials called it an aggressor state and closed the border.", "an aggressor state", LABEL),
        ("The minister denounced Russian chauvinism in a speech.", "Russian chauvinism", LABEL),
        ("The notorious security forces raided the office.", "notorious security forces", "Loaded_Language"),
        ("The government responded firmly to the note.", "responded firmly", "Loaded_Language"),
        ("They called the rebels neo-Nazis.", "neo-Nazis", LABEL),
        ("He is a tyrant who jails his critics.", "a tyrant who jails his critics", LABEL),
    ],
)
def test_lexicon_hits_expand_to_phrases(nlp, lexicon_only, text, expected, technique):
    spans = persuasion.persuasion_spans(nlp(text))
    found = [s for s in spans if s.text == expected]
    assert found, f"{expected!r} not in {[s.text for s in spans]}"
    assert found[0].technique == technique
    assert text[found[0].start : found[0].end] == expected


SYMMETRIC = [
    ("the {} occupiers shelled the town", ("Russian", "Ukrainian")),
    ("the {} occupiers shelled the town", ("Israeli", "Palestinian")),
    # not "regime" or "terrorists": mostly unannotated in PTC, the shipped model no longer reports them alone
    ("The {} dictator rejected the proposal.", ("Israeli", "Iranian")),
    ("heroic {} defenders held the line", ("Ukrainian", "Russian")),
    ("The {} junta arrested the journalists.", ("Malian", "Burmese")),
    ("The {} jihadists attacked the convoy.", ("Chechen", "Kurdish")),
]


def _marked(nlp, template: str, side: str) -> list[tuple[str, str]]:
    text = template.format(side)
    return [(s.text.replace(side, "{}"), s.technique) for s in persuasion.persuasion_spans(nlp(text))]


@pytest.mark.model
@pytest.mark.parametrize(("template", "sides"), SYMMETRIC)
def test_same_construction_is_marked_the_same_for_every_side(nlp, template, sides):
    first, second = (_marked(nlp, template, side) for side in sides)
    assert first, f"nothing marked in {template.format(sides[0])!r}"
    assert first == second


@pytest.mark.model
@pytest.mark.parametrize(("template", "sides"), SYMMETRIC)
def test_lexicon_detector_is_symmetric_too(nlp, lexicon_only, template, sides):
    first, second = (_marked(nlp, template, side) for side in sides)
    assert first and first == second


@pytest.mark.model
def test_shipped_model_loads_and_tags(nlp):
    assert persuasion.detector_kind().startswith("crf+lexicon (model ")
    text = (
        "This disgraceful sham of an investigation is nothing but a witch hunt. "
        "Our brave soldiers will never surrender to these thugs!\n"
        "The committee met on Tuesday to discuss the budget."
    )
    spans = persuasion.persuasion_spans(nlp(text))
    assert len(spans) >= 2
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.technique in TECHNIQUES
        assert 0 < span.score <= 1
    assert not any("budget" in s.text for s in spans)


@pytest.mark.model
def test_fallback_without_model_is_labelled_and_logged(nlp, lexicon_only, caplog):
    with caplog.at_level(logging.WARNING, logger="presslens.extract.persuasion._crf"):
        kind = persuasion.detector_kind()
    assert kind == "lexicon-only (no trained model found)"
    assert "lexicon-only" in caplog.text
    spans = persuasion.persuasion_spans(nlp("The occupiers were met by heroic volunteers."))
    assert {s.text for s in spans} >= {"The occupiers", "heroic volunteers"}


def test_summary_counts_by_technique_and_density():
    text = " ".join(["word"] * 500)
    spans = [
        PersuasionSpan(text="word", start=0, end=4, technique="Loaded_Language"),
        PersuasionSpan(text="word", start=5, end=9, technique="Loaded_Language"),
        PersuasionSpan(text="word", start=10, end=14, technique="Doubt"),
    ]
    summary = persuasion.persuasion_summary(spans, text)
    assert summary.by_technique == {"Loaded_Language": 2, "Doubt": 1}
    assert summary.per_1000_words == pytest.approx(6.0)
    assert persuasion.persuasion_summary([], "").per_1000_words == 0.0


@pytest.mark.parametrize("name", LEXICON_FILES)
def test_lexicon_files_have_a_source_header_and_valid_rows(name):
    assert read_resource(name).startswith("# ")
    for entry in lexicon_entries().values():
        assert entry.technique in TECHNIQUES, entry
        assert 0 < entry.weight <= 1
        assert entry.polarity in {"derogatory", "favourable", "intensifier"}


def test_lexicon_holds_favourable_and_derogatory_terms():
    polarities = {e.polarity for e in lexicon_entries().values()}
    assert {"derogatory", "favourable"} <= polarities
    for term in ("occupier", "aggressor", "regime", "terrorist", "neo-nazi", "russophobic", "provocation",
                 "junta", "heroic", "firmly"):
        assert term in lexicon_entries()


@pytest.mark.model
def test_skipping_sentences_below_the_threshold_changes_no_token_that_reaches_it(nlp):
    from presslens.extract.persuasion._features import doc_sentence_items

    model = _detector.shipped_model()
    assert model is not None
    doc = nlp(
        "This disgraceful sham of an investigation is nothing but a witch hunt. "
        "The committee met on Tuesday to discuss the budget. "
        "Our brave soldiers will never surrender to these thugs, the cowardly enemies of freedom!"
    )
    sentences = doc_sentence_items(doc, [])
    exact = model.inside_marginals(sentences)
    floored = model.inside_marginals(sentences, model.threshold)
    assert any(p >= model.threshold for sent in exact for p in sent)  # something to keep
    for full, skipped in zip(exact, floored, strict=True):
        assert [p >= model.threshold for p in full] == [p >= model.threshold for p in skipped]
        assert all(abs(a - b) < 1e-9 for a, b in zip(full, skipped, strict=True) if b > 0)
