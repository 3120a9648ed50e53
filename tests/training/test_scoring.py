"""The SemEval-2020 Task 11 SI metric (partial overlap) and TC micro-F1, on hand-made spans."""

from __future__ import annotations

import pytest

from presslens.training.scoring import merge_overlapping, si_scores, tc_micro_f1


@pytest.mark.parametrize(
    ("spans", "merged"),
    [
        ([(0, 5), (3, 8)], [(0, 8)]),
        ([(0, 5), (5, 8)], [(0, 5), (5, 8)]),  # touching spans share no character
        ([(10, 12), (0, 4), (2, 3)], [(0, 4), (10, 12)]),
        ([(4, 4)], []),
    ],
)
def test_merge_overlapping(spans, merged):
    assert merge_overlapping(spans) == merged


def test_si_partial_overlap_credit():
    gold = {"a": [(0, 10)]}
    pred = {"a": [(5, 15)]}
    s = si_scores(pred, gold)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.5)


def test_si_one_prediction_over_two_gold_spans_sums_its_credit():
    gold = {"a": [(0, 10), (20, 30)]}
    pred = {"a": [(0, 30)]}
    s = si_scores(pred, gold)
    assert s.precision == pytest.approx(20 / 30)
    assert s.recall == pytest.approx(1.0)


def test_si_counts_gold_of_articles_without_predictions():
    s = si_scores({"a": [(0, 10)]}, {"a": [(0, 10)], "b": [(0, 5)]})
    assert s.precision == pytest.approx(1.0)
    assert s.recall == pytest.approx(0.5)


def test_tc_micro_f1():
    assert tc_micro_f1(["Doubt", "Slogans"], ["Doubt", "Repetition"]) == pytest.approx(0.5)
    assert tc_micro_f1([], []) == 0.0
