"""Whom the reference step treats as a person, and what a pronoun can be by its position (model tests)."""

from __future__ import annotations

import pytest

from presslens.extract._shared import EntityRef
from presslens.extract.reference import referent_of
from presslens.extract.reference._lexicon import reference_lexicon
from presslens.extract.reference._people import person_spans
from presslens.nlp.extensions import register_extensions

pytestmark = pytest.mark.model


def test_a_linked_organisation_is_no_person_by_its_first_word(nlp):
    """'White' is a (rare) given name; the entity stage linked "White House" to a government: it stays ORG.

    (A given name before a surname the tagger typed ORG still makes a person:
    test_reference's "Elena Sokolova" cases.)
    """
    text = "The White House said on Monday that talks would resume."
    start = text.index("White House")
    ent = EntityRef(
        text="White House", label="ORG", start=start, end=start + 11, canonical="Government of United States"
    )
    found = person_spans(nlp(text), [ent], reference_lexicon())
    assert [e.label for e in found if e.start == start] == ["ORG"]


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez spoke at the rally on Sunday. Reporter Anna Fields wrote:\n\n"
        '"When she arrived, the hall was already full."\n',
        "Maria Lopez spoke at the rally on Sunday. Anna Fields described the scene:\n\n"
        '"When she arrived, the hall was already full."\n',
    ],
)
def test_a_block_quotation_never_speaks_of_its_introducer(nlp, text):
    """A pronoun in a quotation set off by "X wrote:" is someone X speaks about, not X herself."""
    register_extensions()
    doc = nlp(text)
    she = next(t for t in doc if t.text == "she")
    ref = referent_of(doc, she)
    assert ref is not None and ref.canonical == "Maria Lopez"


@pytest.mark.parametrize(
    "text",
    [
        "The footage was released by Reuters on Sunday. It shows a guard opening the gate.",
        "The report was published by Amnesty International on Monday. It indicates that guards beat them.",
    ],
)
def test_the_subject_of_a_verb_of_evidence_is_the_thing_not_its_publisher(nlp, text):
    """ "It shows ..." is the footage or the report (no entity), not the organisation that released it."""
    register_extensions()
    doc = nlp(text)
    assert referent_of(doc, next(t for t in doc if t.text == "It")) is None
