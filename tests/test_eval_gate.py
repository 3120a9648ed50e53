"""The evaluation gate: quality on the annotated data stays above the pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest
from evaluation import gate


def test_flatten_names_numeric_leaves() -> None:
    tree = {"te3": {"value_f1": 0.8, "system": "x", "n": 3}, "ok": True}
    assert gate.flatten(tree, "timex") == {"timex.te3.value_f1": 0.8, "timex.te3.n": 3.0}


def test_gate_fails_below_a_floor_and_on_a_missing_figure(tmp_path: Path, monkeypatch) -> None:
    floors = tmp_path / "floors.toml"
    floors.write_text("[fake]\nscore = 0.9\nabsent = 0.1\n", encoding="utf-8")
    monkeypatch.setitem(gate.SUITES, "fake", ("tests.test_eval_gate", "_fake_scores"))
    ok, lines = gate.run_gate(["fake"], floors_path=floors)
    assert not ok
    assert any("FAIL fake.score = 0.500 < floor 0.900" in line for line in lines)
    assert any("FAIL fake.absent: missing" in line for line in lines)


def _fake_scores(data: object) -> dict:
    return {"score": 0.5}


@pytest.mark.slow
@pytest.mark.model
def test_quality_is_above_the_pinned_floors(shared_data: Path) -> None:
    ok, lines = gate.run_gate(list(gate.SUITES), str(shared_data))
    assert ok, "\n".join(lines)
