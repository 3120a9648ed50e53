"""An article that makes the pipeline raise is reported and skipped by every command.

The event component is patched to raise on any article holding a marker word
(in this process with monkeypatch; in batch workers and Spark's Python workers
through ``tests.helpers.failing.worker_env``). Every command must name that
article, write all the others and exit with status 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from tests.helpers.failing import failing_call, worker_env
from typer.testing import CliRunner

from presslens.cli import app
from presslens.nlp.components import EventComponent

pytestmark = [pytest.mark.slow, pytest.mark.model]

MARKER = "Zanzibarite"
N = 12
BAD = 5  # the record holding the marker


def _corpus(tmp_path: Path) -> Path:
    cities = ("Baku", "Moscow", "Yerevan", "Tbilisi")
    lines = []
    for i in range(N):
        city = cities[i % len(cities)]
        text = (
            f"Police in {city} detained {i + 2} people on Monday, the Interior Ministry said. "
            f"Officials said the investigation into case {1000 + i} would continue."
        )
        if i == BAD:
            text += f" A {MARKER} delegation arrived later."
        lines.append(json.dumps({"id": f"a{i}", "text": text, "published": "2025-07-02"}))
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def failing_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EventComponent, "__call__", failing_call(MARKER, EventComponent.__call__))


def _reported(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "analysis failed" in line]


def test_analyze_reports_the_failing_article_and_writes_the_rest(tmp_path, failing_here) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(_corpus(tmp_path)), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 1
    [line] = _reported(result.stderr)
    assert f"corpus.jsonl:{BAD + 1}" in line and "injected failure" in line
    assert "Traceback" not in result.output
    ids = [json.loads(d)["id"] for d in out.read_text().splitlines()]
    assert ids == [f"a{i}" for i in range(N) if i != BAD]


def test_ingest_and_reanalyze_report_the_failing_article_and_store_the_rest(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, store = _corpus(tmp_path), tmp_path / "desk.duckdb"
    runner = CliRunner()
    with monkeypatch.context() as patch:
        patch.setattr(EventComponent, "__call__", failing_call(MARKER, EventComponent.__call__))
        ingested = runner.invoke(app, ["ingest", str(corpus), "--store", str(store)])
    assert ingested.exit_code == 1
    assert len(_reported(ingested.stderr)) == 1
    with duckdb.connect(str(store)) as db:
        stored = {r[0] for r in db.execute("SELECT document_id FROM article_versions").fetchall()}
    assert stored == {f"a{i}" for i in range(N) if i != BAD}

    ingested = runner.invoke(app, ["ingest", str(corpus), "--store", str(store)])  # not patched: all in
    assert ingested.exit_code == 0, ingested.output
    with duckdb.connect(str(store)) as db:  # as if an older presslens had analysed them
        db.execute("UPDATE article_versions SET presslens_version = '0.0.0'")
    with monkeypatch.context() as patch:
        patch.setattr(EventComponent, "__call__", failing_call(MARKER, EventComponent.__call__))
        redone = runner.invoke(app, ["reanalyze", "--store", str(store)])
    assert redone.exit_code == 1, redone.output
    assert len(_reported(redone.stderr)) == 1
    with duckdb.connect(str(store)) as db:
        old = db.execute(
            "SELECT document_id FROM article_versions WHERE is_current AND presslens_version = '0.0.0'"
        ).fetchall()
    assert old == [(f"a{BAD}",)]  # only the failing article keeps its old records


def test_local_batch_workers_report_the_failing_article(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in worker_env(tmp_path, MARKER).items():
        monkeypatch.setenv(name, value)  # spawned workers inherit it and patch themselves
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(_corpus(tmp_path)), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 1
    [row] = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert row["record"] == BAD and "injected failure" in row["reason"]
    parts = sorted((out / "documents").glob("*.jsonl"))
    assert sum(len(p.read_text().splitlines()) for p in parts) == N - 1


def test_spark_workers_report_the_failing_article(tmp_path) -> None:
    pytest.importorskip("pyspark")
    from presslens.batch.spark import run_spark, spark_session
    from presslens.settings import load_settings

    env = worker_env(tmp_path, MARKER)
    session = spark_session(
        "local[2]", app_name="presslens-failing", config={f"spark.executorEnv.{k}": v for k, v in env.items()}
    )
    try:
        summary = run_spark([_corpus(tmp_path)], tmp_path / "out", settings=load_settings(), spark=session)
    finally:
        session.stop()
    assert (summary.written, summary.failed) == (N - 1, 1)
    [row] = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert row["record"] == BAD and "injected failure" in row["reason"]
    assert pq.read_table(tmp_path / "out" / "documents").num_rows == N - 1
