"""The hand-annotated Russian time set loads: every annotation is found in its text, the splits are apart."""

from __future__ import annotations

from pathlib import Path

from evaluation.russian_time import load


def test_every_annotation_is_found_and_the_splits_share_no_document(shared_data: Path) -> None:
    dev, test = load(shared_data, "dev"), load(shared_data, "test")
    assert {d[0] for d in dev}.isdisjoint({d[0] for d in test})
    gold = [g for doc in dev + test for g in doc[3] if g.type != "IGNORE"]
    assert len(gold) >= 100
    for _doc_id, text, _day, expressions in dev + test:
        for g in expressions:
            assert text[g.start : g.end] == g.text
