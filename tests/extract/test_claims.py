"""Attributed claims on small real-style sentences (model tests) and quote pairing (no model)."""

from __future__ import annotations

import pytest

from presslens.extract.claim_quotes import quotation_spans
from presslens.extract.claims import attributed_claims
from presslens.nlp.extensions import register_extensions


@pytest.fixture(scope="module")
def claims_of(nlp):
    register_extensions()

    def run(text: str):
        return attributed_claims(nlp(text))

    return run


def _only(claims, cue: str):
    found = [c for c in claims if c.cue.text.lower() == cue]
    assert found, f"no claim with cue {cue!r} in {[c.cue.text for c in claims]}"
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content_part", "hedged", "direct"),
    [
        (
            "Ukrainian officials said that Russian drones struck a power station near Kharkiv overnight.",
            "said",
            "Ukrainian officials",
            "Russian drones struck",
            False,
            False,
        ),
        (
            "According to the Sudanese Doctors Network, the shelling "
            "killed at least 40 civilians in El Fasher.",
            "according to",
            "the Sudanese Doctors Network",
            "the shelling killed",
            False,
            False,
        ),
        (
            'The opposition leader told reporters: "We will not accept the results of this election."',
            "told",
            "The opposition leader",
            "We will not accept",
            False,
            True,
        ),
        (
            "Reports indicate that the militia could withdraw from the border town within days.",
            "indicate",
            "Reports",
            "the militia could withdraw",
            True,
            False,
        ),
        (
            "The embassy reportedly warned its citizens to leave the capital immediately.",
            "warned",
            "The embassy",
            "its citizens",
            True,
            False,
        ),
        (
            "Israeli military sources confirmed that two soldiers were wounded in the clash.",
            "confirmed",
            "Israeli military sources",
            "two soldiers were wounded",
            False,
            False,
        ),
    ],
)
def test_claim_table(claims_of, text, cue, speaker, content_part, hedged, direct):
    claim = _only(claims_of(text), cue)
    assert claim.speaker.text == speaker
    assert content_part in claim.content.text
    assert claim.hedged is hedged
    assert claim.direct is direct
    assert claim.evidence.text in text and claim.cue.text.lower() in claim.evidence.text.lower()
    assert text[claim.content.start : claim.content.end] == claim.content.text
    assert claim.why.startswith(f"cue '{claim.cue.text}'")


@pytest.mark.model
def test_source_chain_citing(claims_of):
    claims = claims_of(
        "State television, citing the Defence Ministry, reported that "
        "three missiles were intercepted over Tehran."
    )
    claim = _only(claims, "reported")
    assert claim.speaker.text == "State television"
    assert claim.via is not None and "Defence Ministry" in claim.via.text


@pytest.mark.model
def test_pronoun_speaker_resolves_to_person(claims_of):
    text = "Prime Minister Nikol Pashinyan met the envoy on Monday. He said the border talks would continue."
    claim = _only(claims_of(text), "said")
    assert claim.speaker.text == "He"
    assert claim.speaker.canonical == "Nikol Pashinyan"


@pytest.mark.model
def test_relation_speaker_resolves_to_named_relative(claims_of):
    text = (
        "Her lawyer, Maria Kovacs, filed an appeal. According to her lawyer, the journalist was held "
        "without charge for two weeks."
    )
    claim = _only(claims_of(text), "according to")
    assert claim.speaker.text == "her lawyer"
    assert claim.speaker.canonical == "Maria Kovacs"


@pytest.mark.model
def test_quote_before_cue_is_direct(claims_of):
    claim = _only(claims_of("“The ceasefire is holding,” the spokesman said."), "said")
    assert claim.direct
    assert "ceasefire is holding" in claim.content.text


@pytest.mark.model
def test_unbalanced_quotes_never_raise(claims_of):
    text = (
        'The minister said "the army will respond to any provocation, and added that talks were over.\n'
        "Witnesses said the convoy was hit twice."
    )
    claims = claims_of(text)
    assert any(c.cue.text == "said" and "convoy" in c.content.text for c in claims)


@pytest.mark.model
def test_author_inference_is_not_a_claim(claims_of):
    assert claims_of("This indicates that the prisoners were moved before the inspection.") == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('He said "yes" and "no".', [(8, 13), (18, 22)]),
        ("“Open quote never closed.\nNext line", [(0, 25)]),
        ("stray” mark", []),
        ("“One.” “Two.”", [(0, 6), (7, 13)]),
    ],
)
def test_quotation_spans(text, spans):
    assert [(q.start, q.end) for q in quotation_spans(text)] == spans
