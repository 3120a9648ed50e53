"""A real standalone Spark cluster, started here: `presslens batch --master spark://…` as the README tells it.

The master and one worker come from the installed pyspark (``spark-class``),
bound to 127.0.0.1 on free ports. The executors run a Python environment built
and packed the way the README tells cluster users (a venv with presslens
installed, packed by venv-pack, shipped with ``--python-env``), and the test
checks they really ran it: on one machine, executors silently falling back to
the driver's own Python would pass every other check. Inputs are named by
relative paths, which the executors (in their own folders) cannot resolve
themselves.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers.batch_output import error_rows, parquet_records
from tests.helpers.builders import (
    TODAY,
    article_html,
    article_text,
    corrupt,
    warc_record_bytes,
    write_jsonl,
    write_warc,
)
from tests.helpers.spark_cluster import SPARK_LOOPBACK_ENV, ClusterError, pack_environment, standalone_cluster

from presslens.batch import run_batch

pytest.importorskip("pyspark")
pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """A standalone master and one 2-core worker on 127.0.0.1; yields the master URL and the work folder."""
    try:
        with standalone_cluster(tmp_path_factory.mktemp("spark-cluster")) as started:
            yield started
    except ClusterError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def packed_env(tmp_path_factory) -> Path:
    """The README's cluster environment: a fresh venv with presslens installed (not editable), venv-packed."""
    try:
        return pack_environment(tmp_path_factory.mktemp("pl-env"))
    except ClusterError as exc:
        pytest.fail(str(exc))


def test_a_standalone_cluster_runs_the_shipped_environment_and_writes_the_local_records(
    cluster, packed_env, tmp_path, monkeypatch
) -> None:
    url, work = cluster
    records: list = [{"text": article_text(i), "id": f"a{i}"} for i in range(12)]
    records.insert(5, "{not json")
    write_jsonl(tmp_path / "in.jsonl", records)
    members = [
        warc_record_bytes(True, f"https://news.example/{i}", article_html(i).encode()) for i in range(3)
    ]
    members.insert(1, corrupt(warc_record_bytes(True, "https://news.example/bad", article_html(9).encode())))
    write_warc(tmp_path / "crawl.warc.gz", members)
    inputs = ["in.jsonl", "crawl.warc.gz"]  # relative: the executors' folders are elsewhere
    cli = Path(sys.executable).with_name("presslens")
    command = [str(cli), "batch", *inputs, "--out", "cluster-out", "--engine", "spark", "--master", url]
    command += ["--python-env", str(packed_env), "--published", TODAY.isoformat()]
    env = {**os.environ, **SPARK_LOOPBACK_ENV}
    done = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=1200, check=False
    )
    assert done.returncode == 1, done.stderr[-3000:]  # two bad records; every good one written
    assert "2 records failed" in done.stderr

    monkeypatch.chdir(tmp_path)
    # the command's settings and `today`: the executors get the driver's
    local = run_batch(inputs, "local-out", fmt="parquet", published=TODAY)
    summary = json.loads((tmp_path / "cluster-out" / "summary.json").read_text(encoding="utf-8"))
    assert (summary["written"], summary["failed"]) == (local.written, local.failed) == (15, 2)

    executors = summary["executors"]
    assert executors, "no partition reported the Python that analysed it"
    for executor in executors:
        python = Path(executor["python"])
        shipped = python.parents[1]  # …/presslens-env/bin/python
        assert shipped.name == "presslens-env" and shipped.is_relative_to(work), executor
        assert Path(executor["presslens"]).is_relative_to(shipped), executor
        assert python != Path(sys.executable)  # both link to one interpreter: the folder tells them apart

    cluster_records = parquet_records(tmp_path / "cluster-out")
    assert {key[0] for key in cluster_records} == set(inputs)
    assert cluster_records == parquet_records(tmp_path / "local-out")
    assert error_rows(tmp_path / "cluster-out") == error_rows(tmp_path / "local-out")
