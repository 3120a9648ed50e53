"""Whose words a persuasion span is: the outlet's narration, a named source's, or a bare quotation."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.extract.persuasion import QUOTED, persuasion_summary, with_voices
from presslens.models import Claim, Mention, PersuasionSpan, TextSpan

TEXT = (
    'The ministry said the "brutal killing" was a crime. The regime\'s thugs struck again. '
    '"A barbaric act," a banner read.'
)


def _at(phrase: str, technique: str = "Loaded_Language") -> PersuasionSpan:
    start = TEXT.index(phrase)
    return PersuasionSpan(text=phrase, start=start, end=start + len(phrase), technique=technique)


def _span(phrase: str) -> TextSpan:
    start = TEXT.index(phrase)
    return TextSpan(text=phrase, start=start, end=start + len(phrase))


CLAIM = Claim(
    speaker=Mention(text="The ministry", canonical="Foreign Ministry"), cue=_span("said"),
    content=_span('the "brutal killing" was a crime'),
    evidence=_span('The ministry said the "brutal killing" was a crime'),
)


def test_each_span_is_placed_in_its_speakers_voice() -> None:
    spans = with_voices([_at("brutal killing"), _at("regime's thugs"), _at("A barbaric act")], [CLAIM], TEXT)
    assert [(s.voice, s.speaker, s.claim) for s in spans] == [
        ("source", "Foreign Ministry", 0),  # reported by a claim: the ministry's words
        ("outlet", None, None),  # the outlet's own narration
        ("source", None, None),  # in quotation marks, attributed by no claim
    ]


def test_only_the_outlets_voice_is_scored() -> None:
    spans = with_voices([_at("brutal killing"), _at("regime's thugs"), _at("A barbaric act")], [CLAIM], TEXT)
    summary = persuasion_summary(spans, TEXT)
    assert summary.by_technique == {"Loaded_Language": 1}
    assert summary.by_speaker == {"Foreign Ministry": 1, QUOTED: 1}
    assert summary.per_1000_words == pytest.approx(1000 / 20, abs=0.01)  # 1 span, 20 words
    assert "outlet's own voice" in summary.text and "Foreign Ministry 1" in summary.text


def test_the_innermost_claim_names_the_speaker() -> None:
    outer = CLAIM.model_copy(update={"speaker": Mention(text="Reuters"), "content": _span(TEXT[:60])})
    (span,) = with_voices([_at("brutal killing")], [outer, CLAIM], TEXT)
    assert span.speaker == "Foreign Ministry" and span.claim == 1


@pytest.mark.model
def test_quoted_loaded_words_are_the_speakers_in_a_real_analysis() -> None:
    import presslens

    text = ("The ministry said the cowardly terrorists would be punished. "
            "The brutal regime's thugs crushed the peaceful protest.")
    doc = presslens.analyze(text, published=dt.date(2024, 3, 23))
    voices = {(s.voice, s.speaker) for s in doc.persuasion}
    assert ("source", "ministry") in {(v, (w or "").casefold()[-8:]) for v, w in voices}
    assert ("outlet", None) in voices
    for span in doc.persuasion:
        if span.voice == "source":
            claim = doc.claims[span.claim]
            assert claim.content.start <= (span.start + span.end) // 2 < claim.content.end


def _scored(text: str, phrase: str, score: float, technique: str = "Loaded_Language") -> PersuasionSpan:
    start = text.index(phrase)
    return PersuasionSpan(text=phrase, start=start, end=start + len(phrase), technique=technique, score=score)


def test_the_steering_sentences_and_the_dominant_techniques() -> None:
    text = "Calm first. The vile thugs struck. A shameful, cowardly act. Plain end. Doubtful claims, sadly."
    bounds, at = [], 0
    for sentence in text.split(". "):
        bounds.append((at, at + len(sentence) + 1))
        at += len(sentence) + 2
    spans = [
        _scored(text, "vile thugs", 0.9, "Name_Calling,Labeling"),
        _scored(text, "shameful", 0.5), _scored(text, "cowardly", 0.6),
        _scored(text, "Doubtful", 0.3, "Doubt"),
    ]
    summary = persuasion_summary(spans, text, bounds)
    assert [s.text for s in summary.steering] == [
        "The vile thugs struck.", "A shameful, cowardly act.", "Doubtful claims, sadly."
    ]  # the three heaviest, in text order; "Calm first." and "Plain end." steer nowhere
    assert all(text[s.start : s.end].strip() == s.text for s in summary.steering)
    assert summary.dominant == ("Loaded_Language",)  # 2 of 4 spans: half already
    three_kinds = [spans[0], spans[1], spans[3]]  # one each: the first two make up half
    assert persuasion_summary(three_kinds, text, bounds).dominant == ("Doubt", "Loaded_Language")


@pytest.mark.parametrize(("density", "band"), [(0.0, "low"), (1.99, "low"), (2.0, "medium"), (4.9, "medium"),
                                               (5.0, "high"), (40.0, "high")])
def test_density_bands(density: float, band: str) -> None:
    from presslens.extract.persuasion._summary import density_band

    assert density_band(density) == band


def test_the_summary_names_the_band_of_the_outlets_density() -> None:
    spans = [_at("regime's thugs")]  # 1 span in 20 words: 50 per 1,000
    summary = persuasion_summary(with_voices(spans, [CLAIM], TEXT), TEXT)
    assert summary.band == "high" and "50.0 per 1,000 words, high" in summary.text
    assert persuasion_summary([], TEXT).band == "low"
