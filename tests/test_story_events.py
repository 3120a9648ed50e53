"""The tie-averaged story figures: a gold event tied between rows counts each row's share."""

from __future__ import annotations

from types import SimpleNamespace

from evaluation.story_events import score_set

#: the two functions of shared/eval/stories.py the averaging calls, reduced to exact matching
SCORER = SimpleNamespace(
    overlaps=lambda gold, pred: gold in pred,
    ev_text=lambda report: report["evidence"],
    role_right=lambda gold, pred: gold == pred,
)


def _row(kind: str, actor: str, *evidence: str) -> dict:
    return {"type": kind, "actor": actor, "target": None, "date": "2024-03-22",
            "reports": [{"article": "a", "evidence": e} for e in evidence]}


def test_a_tie_between_a_right_and_a_wrong_row_counts_half() -> None:
    gold = [{"id": "E1", "type": "ACCUSE", "actor": "FSB", "target": None, "date": "2024-03-22",
             "reports": [{"article": "a", "evidence": "the FSB said"}]}]
    pred = [_row("ASSAULT", "gunmen", "the FSB said gunmen attacked"),
            _row("ACCUSE", "FSB", "the FSB said gunmen attacked")]
    figures = score_set(SCORER, gold, pred)
    assert figures == {"type": 0.5, "actor": 0.5, "target": 1.0, "date": 1.0, "events": 1}


def test_the_row_with_most_reports_decides_alone() -> None:
    gold = [{"id": "E1", "type": "ACCUSE", "actor": "FSB", "target": None, "date": "2024-03-22",
             "reports": [{"article": "a", "evidence": "one"}, {"article": "a", "evidence": "two"}]}]
    pred = [_row("ASSAULT", "gunmen", "one"), _row("ACCUSE", "FSB", "one", "two")]
    assert score_set(SCORER, gold, pred)["type"] == 1.0
