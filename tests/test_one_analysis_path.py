"""Every command analyses through the one path: the same records and the same error rows.

`presslens analyze`, `ingest` (read back through `export`), the local `batch`
engine and Spark `local[2]` each read the same JSON Lines file of 40 real
articles (PTC dev, mixed lengths) with one broken line and one German record;
they must write identical document records and report the same bad record.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.helpers.corpora import mixed_corpus
from typer.testing import CliRunner

from presslens.batch.schema import document_from_row
from presslens.cli import app
from presslens.models import Document

pytestmark = [pytest.mark.slow, pytest.mark.model]


def _normal(document: Document | dict | str) -> dict:
    if isinstance(document, str):
        document = Document.from_json(document)
    elif isinstance(document, dict):
        document = Document.model_validate(document)
    return document.to_dict()


def _cli_errors(stderr: str) -> list[str]:
    return [line.removeprefix("presslens: error: ") for line in stderr.splitlines() if "error:" in line]


def _error_rows(out: Path) -> list[str]:
    rows = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    return [f"{r['where']}: {r['reason']}" for r in rows if r["level"] == "error"]


def test_analyze_ingest_batch_and_spark_write_identical_records(tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    corpus = mixed_corpus(tmp_path / "corpus.jsonl", 40)
    runner = CliRunner()

    analyzed = tmp_path / "analyzed.jsonl"
    result = runner.invoke(app, ["analyze", str(corpus), "--format", "jsonl", "-o", str(analyzed)])
    assert result.exit_code == 1, result.output
    by_analyze = {d["id"]: _normal(d) for d in map(json.loads, analyzed.read_text().splitlines())}
    analyze_errors = _cli_errors(result.stderr)

    store = tmp_path / "desk.duckdb"
    ingested = runner.invoke(app, ["ingest", str(corpus), "--store", str(store)])
    assert ingested.exit_code == 1, ingested.output
    exported = runner.invoke(app, ["export", "--parquet", str(tmp_path / "export"), "--store", str(store)])
    assert exported.exit_code == 0, exported.output
    versions = pq.read_table(tmp_path / "export" / "article_versions.parquet").to_pylist()
    by_ingest = {v["document_id"]: _normal(v["document"]) for v in versions if v["is_current"]}

    local = runner.invoke(app, ["batch", str(corpus), "--out", str(tmp_path / "local"), "--workers", "2"])
    assert local.exit_code == 1, local.output
    parts = sorted((tmp_path / "local" / "documents").glob("part-*.jsonl"))
    by_local = {d["id"]: _normal(d) for p in parts for d in map(json.loads, p.read_text().splitlines())}

    spark_out = tmp_path / "spark"
    spark = runner.invoke(
        app, ["batch", str(corpus), "--out", str(spark_out), "--engine", "spark", "--format", "parquet"]
    )
    assert spark.exit_code == 1, spark.output
    rows = pq.read_table(spark_out / "documents").to_pylist()
    by_spark = {r["id"]: _normal(document_from_row(r)) for r in rows}

    assert len(by_analyze) == 41  # 40 articles + the German one (kept, flagged, not analysed)
    german = by_analyze["de-1"]
    assert [f["kind"] for f in german["flags"]] == ["language_not_supported"]
    assert by_ingest == by_analyze
    assert by_local == by_analyze
    assert by_spark == by_analyze

    assert len(analyze_errors) == 1 and "not valid JSON" in analyze_errors[0]
    assert _cli_errors(ingested.stderr) == analyze_errors
    assert _error_rows(tmp_path / "local") == analyze_errors
    assert _error_rows(spark_out) == analyze_errors
