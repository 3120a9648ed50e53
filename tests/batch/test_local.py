"""The local engine: exact counts on a corrupted corpus, resume after a kill, output formats."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.helpers.builders import (
    TODAY,
    article_html,
    article_text,
    corrupt,
    rss_feed,
    warc_record_bytes,
    write_jsonl,
    write_warc,
)

from presslens.batch import BatchProgress, run_batch
from presslens.batch.schema import document_from_row, document_schema
from presslens.errors import PresslensError

pytestmark = pytest.mark.model
REPO = Path(__file__).resolve().parents[2]


def _jsonl_documents(out: Path) -> list[dict]:
    return [json.loads(line) for p in sorted((out / "documents").glob("*.jsonl")) for line in p.open()]


def _errors(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").open()]


def _mixed_corpus(root: Path) -> dict[str, int]:
    """~400 records in five formats with ~1.5% corruption; returns the exact expected counts."""
    root.mkdir()
    huge = "\n\n".join(f"{i} " + article_text(i) for i in range(24000))  # > 5 MB
    assert len(huge.encode()) > 5_000_000
    records: list = [{"text": article_text(i), "publication_date": "2025-07-01"} for i in range(300)]
    records.insert(40, '{"text": "unterminated')
    records.insert(150, b'{"text": "Caf\xe9 society in Baku, said the ministry."}')
    records.insert(200, {"text": huge, "title": "A very long page"})
    write_jsonl(root / "a.jsonl", records)
    members = [
        warc_record_bytes(True, f"https://news.example/{i}", article_html(i).encode()) for i in range(60)
    ]
    members.insert(10, corrupt(warc_record_bytes(True, "https://news.example/bad", article_html(7).encode())))
    members.insert(30, warc_record_bytes(True, "https://news.example/empty", b""))
    members.insert(
        31, warc_record_bytes(True, "https://news.example/img.png", b"\x89PNG", content_type="image/png")
    )
    write_warc(root / "b.warc.gz", members)
    entries = [
        {"title": f"T{i}", "link": f"https://feed.example/{i}", "html": article_html(i)} for i in range(20)
    ]
    entries.insert(5, {"title": "no text", "link": "https://feed.example/x"})
    (root / "c.rss").write_bytes(rss_feed(entries))
    pq.write_table(pa.table({"text": [article_text(i) for i in range(20)]}), root / "d.parquet")
    (root / "e.bin").write_bytes(bytes(range(256)) * 8)
    (root / "f.txt").write_bytes(b"")
    return {
        "records": 303 + 62 + 21 + 20 + 1 + 1,
        "written": 301 + 60 + 20 + 20,
        "failed": 2 + 2 + 1 + 1 + 1,
        "truncated": 1,
    }


def test_a_corrupted_mixed_corpus_loses_no_good_record_and_counts_every_bad_one(tmp_path, settings) -> None:
    expected = _mixed_corpus(tmp_path / "in")
    updates: list[BatchProgress] = []
    inputs = [
        str(tmp_path / "in" / n) for n in ("a.jsonl", "b.warc.gz", "c.rss", "d.parquet", "e.bin", "f.txt")
    ]
    summary = run_batch(
        inputs,
        tmp_path / "out",
        workers=2,
        fields=["published=publication_date"],
        settings=settings,
        chunk_size=48,
        today=TODAY,
        progress=updates.append,
    )
    counts = {k: getattr(summary, k) for k in expected}
    assert counts == expected
    documents = _jsonl_documents(tmp_path / "out")
    assert len(documents) == expected["written"]
    assert len({d["source"] for d in documents}) == len(documents)
    assert documents[0]["published"] == "2025-07-01"
    errors = _errors(tmp_path / "out")
    assert sum(e["level"] == "error" for e in errors) == expected["failed"]
    by_where = {e["where"].replace(str(tmp_path / "in") + "/", ""): e for e in errors}
    assert {"a.jsonl:41", "a.jsonl:151", "c.rss[5]", "e.bin", "f.txt"} <= set(by_where)
    assert by_where["a.jsonl:201"]["level"] == "truncated"
    assert sum("corrupt WARC record" in e["reason"] for e in errors) == 1
    assert summary.peak_rss_mb_per_worker is not None and summary.peak_rss_mb_per_worker < 600
    assert updates and updates[-1].records == expected["records"]
    assert updates[-1].bytes_done == updates[-1].bytes_total and updates[-1].eta_seconds == 0
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["failed"] == expected["failed"]


def test_parquet_output_has_the_shared_schema_and_the_same_documents_as_jsonl(tmp_path, settings) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": article_text(i)} for i in range(6)])
    run_batch([source], tmp_path / "j", settings=settings, chunk_size=4, today=TODAY)
    run_batch([source], tmp_path / "p", fmt="parquet", settings=settings, chunk_size=4, today=TODAY)
    table = pq.read_table(tmp_path / "p" / "documents")
    assert table.schema.remove_metadata().equals(document_schema())
    rows = sorted(table.to_pylist(), key=lambda r: r["record"])
    assert [(r["input"], r["record"]) for r in rows] == [(str(source), i) for i in range(6)]
    assert [document_from_row(r).to_dict() for r in rows] == _jsonl_documents(tmp_path / "j")


_RUNNER = """
import sys
from presslens.batch import run_batch
from presslens.settings import load_settings
import datetime as dt
if __name__ == "__main__":
    settings = load_settings(env={}, user_file=None).replace(max_text_chars=20000)
    run_batch([sys.argv[1]], sys.argv[2], workers=1, chunk_size=3, settings=settings,
              today=dt.date(2025, 7, 3))
"""


def test_a_killed_run_resumes_to_exactly_the_records_of_an_uninterrupted_run(tmp_path, settings) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": article_text(i)} for i in range(60)] + ["{bad"])
    script = tmp_path / "runner.py"
    script.write_text(textwrap.dedent(_RUNNER), encoding="utf-8")
    killed = tmp_path / "killed"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen([sys.executable, str(script), str(source), str(killed)], env=env)
    state = killed / "_state"
    deadline = time.monotonic() + 120
    while not list(state.glob("chunk-*.json")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_at_kill = len(list(state.glob("chunk-*.json")))
    assert 1 <= done_at_kill < 21, "the run must be killed part-way"
    resumed = run_batch([source], killed, workers=1, chunk_size=3, settings=settings, today=TODAY)
    assert resumed.resumed_chunks == done_at_kill
    whole = run_batch([source], tmp_path / "whole", workers=1, chunk_size=3, settings=settings, today=TODAY)
    assert (resumed.records, resumed.written, resumed.failed) == (whole.records, whole.written, whole.failed)
    assert _jsonl_documents(killed) == _jsonl_documents(tmp_path / "whole")
    assert [e["where"] for e in _errors(killed)] == [e["where"] for e in _errors(tmp_path / "whole")]
    assert not list((killed / "documents").glob(".*.tmp"))  # a killed worker's temp file is cleaned up


def test_an_output_directory_of_another_run_or_other_files_is_refused(tmp_path, settings) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ["{bad"])
    run_batch([source], tmp_path / "out", settings=settings, today=TODAY)
    with pytest.raises(PresslensError, match="other parameters"):
        run_batch([source], tmp_path / "out", fmt="parquet", settings=settings)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(PresslensError, match="not empty"):
        run_batch([source], tmp_path / "busy", settings=settings)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"engine": "dask"}, "unknown batch engine"),
        ({"fmt": "csv"}, "unknown output format"),
        ({"workers": 0}, "at least 1"),
        ({"engine": "spark", "fmt": "jsonl"}, "writes Parquet"),
    ],
)
def test_bad_run_options_raise_before_any_work(tmp_path, kwargs, message) -> None:
    with pytest.raises(PresslensError, match=message):
        run_batch([tmp_path], tmp_path / "out", **kwargs)


def test_chunks_hold_whole_analysis_groups_so_batches_match_the_spark_engine() -> None:
    from presslens.analysis import group_key
    from presslens.batch.local import _chunks
    from presslens.ingest import InputItem

    size = 8
    items = [InputItem("a", r, None, None, 0) for r in range(size * 3 + 3)]
    items += [InputItem("b", r, None, None, 0) for r in range(size + 1)]
    chunks = list(_chunks(iter(items), 4, size))
    assert [i for c in chunks for i in c] == items
    assert all(len(c) >= 4 for c in chunks[:-1])
    keys = [{group_key(i, size) for i in c} for c in chunks]
    assert all(not (a & b) for n, a in enumerate(keys) for b in keys[n + 1 :])  # no group split
    assert {group_key(i, size) for i in chunks[3]} == {("a", 3), ("b", 0)}  # a short tail group rides along


@pytest.mark.slow
@pytest.mark.model
def test_every_local_worker_starts_with_one_blas_thread(settings, monkeypatch) -> None:
    from presslens.batch.local import _THREAD_VARS, worker_environment, worker_pool

    for name in _THREAD_VARS:
        monkeypatch.delenv(name, raising=False)
    with worker_pool(settings, 2) as pool:
        seen = dict(f.result() for f in [pool.submit(worker_environment) for _ in range(8)])
    assert len(seen) == 2  # both workers answered, the first and the one started later
    assert all(env == dict.fromkeys(_THREAD_VARS, "1") for env in seen.values())
    assert all(name not in os.environ for name in _THREAD_VARS)  # restored afterwards
