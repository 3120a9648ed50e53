"""What the Spark driver sends its executors, without Spark: resolved paths, settings, environments."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from presslens.batch import spark_settings
from presslens.batch.spark import _ExecutorInput, _read_file, python_env_conf
from presslens.cli import app
from presslens.errors import PresslensError
from presslens.ingest.stream import InputFile, expand_inputs


def _groups(task: _ExecutorInput, settings) -> list:
    read = _read_file(task, settings=settings, today=dt.date(2025, 7, 3), fields={}, published=None)
    return [item for group in read for item in group]


def _write(path, texts: list[str]) -> None:
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")


def test_a_relative_input_is_read_by_its_absolute_path_and_named_as_given(
    tmp_path, monkeypatch, settings
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "in.jsonl", ["Police in Baku detained two men on Monday, the ministry said."])
    (tmp_path / "elsewhere").mkdir()
    [entry] = expand_inputs(["in.jsonl"])
    task = _ExecutorInput.of(entry)
    assert task.file.path == str(tmp_path / "in.jsonl") and task.name == "in.jsonl"

    monkeypatch.chdir(tmp_path / "elsewhere")  # an executor works in its own folder
    [item] = _groups(task, settings)
    assert item.error is None and item.input == "in.jsonl"
    assert item.article is not None and item.article.source.startswith("in.jsonl")


def test_an_input_the_executor_cannot_see_is_one_error_naming_the_path_and_the_cause(
    tmp_path, monkeypatch, settings
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "in.jsonl", ["One.", "Two."])
    task = _ExecutorInput.of(expand_inputs(["in.jsonl"])[0])
    (tmp_path / "in.jsonl").unlink()  # as an executor without the shared filesystem sees it
    [item] = _groups(task, settings)
    assert item.whole_input and item.input == "in.jsonl" and item.error is not None
    assert str(tmp_path / "in.jsonl") in item.error.problem
    assert "every executor" in item.error.problem


def test_urls_and_inputs_that_failed_to_expand_are_sent_unchanged() -> None:
    url = InputFile("https://news.example/a.html")
    assert _ExecutorInput.of(url) == _ExecutorInput(url, url.path)
    [missing] = expand_inputs(["no-such-file.jsonl"])
    assert _ExecutorInput.of(missing).file == missing


def test_a_shipped_environment_runs_the_executors_from_the_unpacked_archive(tmp_path) -> None:
    archive = tmp_path / "pl-env.tar.gz"
    archive.write_bytes(b"not checked here")
    conf = python_env_conf(archive)
    assert conf["spark.archives"] == f"{archive}#presslens-env"
    assert conf["spark.pyspark.python"] == "./presslens-env/bin/python"
    with pytest.raises(PresslensError, match=r"missing\.tar\.gz"):
        python_env_conf(tmp_path / "missing.tar.gz")


def test_spark_settings_are_key_value_pairs_of_spark_keys() -> None:
    assert spark_settings(["spark.executor.memory=2g", " spark.a = b=c"]) == {
        "spark.executor.memory": "2g",
        "spark.a": "b=c",
    }
    assert spark_settings({"spark.x": "1"}) == {"spark.x": "1"}
    for bad in ("spark.executor.memory", "executor.memory=2g", "=2g"):
        with pytest.raises(PresslensError, match="Spark setting"):
            spark_settings([bad])


def test_the_command_refuses_spark_options_without_the_spark_engine(tmp_path) -> None:
    _write(tmp_path / "in.jsonl", ["One."])
    runner = CliRunner()
    base = ["batch", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "out")]
    result = runner.invoke(app, [*base, "--spark-conf", "spark.executor.memory=2g"])
    assert result.exit_code == 2 and "--engine spark" in result.output
    result = runner.invoke(app, [*base, "--engine", "spark", "--spark-conf", "memory=2g"])
    assert result.exit_code == 2 and "spark." in result.output
    assert not (tmp_path / "out").exists()
