"""A lexicon term is reported with what the training data says of it, not its hand weight alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from presslens.extract.persuasion._crf import PersuasionModel
from presslens.extract.persuasion._lexicon import REPORT_THRESHOLD, LexiconEntry
from presslens.extract.persuasion._techniques import TechniqueModel


def test_a_term_often_unannotated_in_training_is_no_longer_reported() -> None:
    """The model's lexicon counts shrink a hand weight towards the term's training precision."""
    model = PersuasionModel(Path("."), {}, TechniqueModel(("Loaded_Language",), {}, np.zeros(1)),
                            {"regime": (20, 155), "smear": (24, 26), "sham": (1, 1)})
    regime = LexiconEntry("regime", "Name_Calling,Labeling", 0.6, "derogatory")
    assert model.report_weight(regime) < REPORT_THRESHOLD <= regime.weight  # news uses it to describe
    smear = LexiconEntry("smear", "Loaded_Language", 0.8, "derogatory")
    assert REPORT_THRESHOLD <= model.report_weight(smear) <= smear.weight  # annotated 24 times of 26
    sham = LexiconEntry("sham", "Loaded_Language", 0.9, "derogatory")
    assert model.report_weight(sham) == 0.9  # never above the hand weight
    unseen = LexiconEntry("tyrant", "Name_Calling,Labeling", 0.9, "derogatory")
    assert model.report_weight(unseen) == 0.9  # no counts: the hand weight
