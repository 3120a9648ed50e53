"""The author's unattributed conclusions after attributed claims."""

from __future__ import annotations

import pytest

from presslens.extract.claims import attributed_claims, unattributed_assertions
from presslens.nlp.extensions import register_extensions


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "Human rights monitors said the detainees showed signs of "
            "abuse. Clearly, the guards tortured them.",
            ["Clearly, the guards tortured them."],
        ),
        (
            "Local officials said the ballots arrived late. In short, the governor rigged the vote.",
            ["In short, the governor rigged the vote."],
        ),
        (  # a conclusion marker without an accusation verb
            "Diplomats said the talks went well. In short, the sides will meet again in May.",
            [],
        ),
        (  # an accusation with its own attribution
            "Monitors said shots were heard. In short, witnesses said, soldiers shot at the crowd.",
            [],
        ),
        (  # no source before: an opinion, not a conclusion drawn from sources
            "In short, the regime has killed thousands over the years.",
            [],
        ),
        (  # negated
            "Police said the man fell. Clearly, nobody beat him, and the officers did not beat him.",
            [],
        ),
    ],
)
def test_unattributed_assertions(nlp, text, flagged):
    register_extensions()
    doc = nlp(text)
    flags = unattributed_assertions(doc, attributed_claims(doc))
    assert [f.evidence.text for f in flags] == flagged
    for flag in flags:
        assert flag.kind == "unattributed_assertion"
        assert text[flag.evidence.start : flag.evidence.end] == flag.evidence.text
        assert "marker" in flag.why
