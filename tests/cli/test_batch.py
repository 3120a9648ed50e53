"""`presslens batch`: a thin command over run_batch (CliRunner, the local engine)."""

from __future__ import annotations

import json

import pytest
from tests.helpers.builders import article_text, write_jsonl
from typer.testing import CliRunner

from presslens.cli import app


@pytest.mark.model
def test_batch_writes_the_good_records_and_exits_1_when_one_failed(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PRESSLENS_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"text": article_text(0), "date": "2025-07-01"},
            "{bad",
            {"text": article_text(1), "date": "2025-07-01"},
        ],
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(source), "--out", str(out), "--field", "published=date"])
    assert result.exit_code == 1, result.output
    assert "documents written" in result.output
    assert "1 record failed;" in result.output and "1 records" not in result.output  # agrees in number
    documents = [json.loads(line) for p in (out / "documents").glob("*.jsonl") for line in p.open()]
    assert [d["published"] for d in documents] == ["2025-07-01", "2025-07-01"]
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").open()]
    assert (error["record"], error["where"]) == (1, f"{source}:2")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "yesterday"], "not an ISO date"),
        (["--workers", "0"], "greater than or equal to 1"),
        (["--field", "date"], "NAME=SOURCE"),
        (["--engine", "dask"], "dask"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args, message) -> None:
    result = CliRunner().invoke(app, ["batch", str(tmp_path), "--out", str(tmp_path / "o"), *args])
    assert result.exit_code == 2
    assert message in result.output
